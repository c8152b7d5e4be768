// Loads the packaged bundle (dist/extension.js, what the .vsix ships) under
// plain node with a stand-in `vscode` module, and checks what activation does
// when the binary is missing or misconfigured. Run after `npm run compile`.

import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, it } from "node:test";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const Module = require("node:module") as { _load: (request: string, parent: unknown, isMain: boolean) => unknown };

interface Recorded {
  commands: string[];
  errors: string[];
  /** Scopes asked of VS Code's GitHub sign-in. */
  authScopes: string[][];
}

/** Any property of anything is another callable, constructible stand-in. */
function anything(): unknown {
  const target = function () {
    return undefined;
  };
  return new Proxy(target, {
    get: (t, prop) => (prop === "prototype" ? (t as unknown as { prototype: unknown }).prototype : prop === "then" ? undefined : anything()),
    apply: () => anything(),
    construct: () => anything() as object,
  });
}

function fakeVscode(settings: Record<string, unknown>, recorded: Recorded): unknown {
  const disposable = { dispose: () => undefined };
  const api = {
    window: {
      createOutputChannel: () => ({ appendLine: () => undefined, append: () => undefined, show: () => undefined, dispose: () => undefined }),
      showErrorMessage: (message: string) => {
        recorded.errors.push(message);
        return Promise.resolve(undefined);
      },
      showWarningMessage: () => Promise.resolve(undefined),
    },
    commands: {
      registerCommand: (id: string) => {
        recorded.commands.push(id);
        return disposable;
      },
      executeCommand: () => Promise.resolve(undefined),
    },
    workspace: {
      workspaceFolders: undefined,
      getConfiguration: () => ({ get: <T>(key: string, fallback: T) => (key in settings ? settings[key] : fallback) as T }),
      onDidChangeConfiguration: () => disposable,
      createFileSystemWatcher: () => disposable,
    },
    authentication: {
      getSession: (_provider: string, scopes: string[]) => {
        recorded.authScopes.push(scopes);
        return Promise.resolve(undefined);
      },
    },
    env: { clipboard: { writeText: () => Promise.resolve() } },
  };
  return new Proxy(api, { get: (t, prop) => (prop in t ? (t as Record<string | symbol, unknown>)[prop] : anything()) });
}

const bundle = path.resolve(__dirname, "../../dist/extension.js");

async function activateWith(settings: Record<string, unknown>, envPath: string): Promise<Recorded> {
  const recorded: Recorded = { commands: [], errors: [], authScopes: [] };
  const vscode = fakeVscode(settings, recorded);
  const originalLoad = Module._load;
  const originalPath = process.env.PATH;
  Module._load = (request, parent, isMain) => (request === "vscode" ? vscode : originalLoad(request, parent, isMain));
  process.env.PATH = envPath;
  try {
    delete require.cache[bundle];
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const ext = require(bundle) as { activate: (c: unknown) => Promise<void>; deactivate: () => Promise<void> };
    await ext.activate({ subscriptions: [] });
    await ext.deactivate();
  } finally {
    Module._load = originalLoad;
    process.env.PATH = originalPath;
  }
  return recorded;
}

describe("packaged bundle", () => {
  it("exists", () => {
    assert.ok(fs.existsSync(bundle), `${bundle} is built by npm run compile`);
  });

  it("registers its commands and explains how to install when autoheal is missing", async () => {
    const emptyDir = fs.mkdtempSync(path.join(os.tmpdir(), "autoheal-vscode-"));
    const r = await activateWith({}, emptyDir);
    assert.deepEqual(r.commands.sort(), ["autoheal.diagnoseFailedRun", "autoheal.restartServer"]);
    const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../package.json"), "utf8")) as {
      contributes: { commands: { command: string }[] };
    };
    assert.deepEqual(manifest.contributes.commands.map((c) => c.command).sort(), r.commands, "package.json lists what is registered");
    assert.equal(r.errors.length, 1);
    assert.match(r.errors[0] ?? "", /cargo install --locked --git https:\/\/github\.com\/autoheal-dev\/autoheal --features lsp autoheal/);
    // Nothing uses a GitHub token, so no sign-in is asked for.
    assert.deepEqual(r.authScopes, []);
  });

  it("names a bad autoheal.path setting", async () => {
    const r = await activateWith({ path: "/definitely/not/here/autoheal" }, "");
    assert.equal(r.errors.length, 1);
    assert.match(r.errors[0] ?? "", /autoheal\.path is set to "\/definitely\/not\/here\/autoheal"/);
  });
});
