// Unit tests of the extension's own logic; plain node, no VS Code needed:
// `npm run compile && npm test` (node:test).

import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";

import {
  DOCUMENT_PATTERNS,
  INSTALL_COMMAND,
  REPOSITORY_URL,
  diagnoseArgs,
  globToRegExp,
  initializationOptions,
  isServedPath,
  parseRunReference,
  repoFromRemote,
  resolveBinary,
  runUrl,
  type ResolveInput,
} from "../logic";

function probe(executables: string[]) {
  const set = new Set(executables);
  return { isExecutableFile: (p: string) => set.has(p) };
}

const posix: ResolveInput = {
  setting: "",
  envPath: "/usr/local/bin:/home/u/.cargo/bin:/usr/bin",
  platform: "linux",
  homeDir: "/home/u",
  workspaceFolder: "/work/repo",
};

describe("resolveBinary", () => {
  it("prefers the setting over PATH", () => {
    const r = resolveBinary({ ...posix, setting: "/opt/autoheal/bin/autoheal" }, probe(["/opt/autoheal/bin/autoheal", "/usr/bin/autoheal"]));
    assert.deepEqual(r, { ok: true, path: "/opt/autoheal/bin/autoheal", source: "setting" });
  });

  it("expands ~, ${workspaceFolder} and relative settings", () => {
    const home = resolveBinary({ ...posix, setting: "~/bin/autoheal" }, probe(["/home/u/bin/autoheal"]));
    assert.deepEqual(home, { ok: true, path: "/home/u/bin/autoheal", source: "setting" });
    const ws = resolveBinary({ ...posix, setting: "${workspaceFolder}/target/debug/autoheal" }, probe(["/work/repo/target/debug/autoheal"]));
    assert.deepEqual(ws, { ok: true, path: "/work/repo/target/debug/autoheal", source: "setting" });
    const rel = resolveBinary({ ...posix, setting: "target/release/autoheal" }, probe(["/work/repo/target/release/autoheal"]));
    assert.deepEqual(rel, { ok: true, path: "/work/repo/target/release/autoheal", source: "setting" });
  });

  it("reports a setting that points nowhere instead of falling back to PATH", () => {
    const r = resolveBinary({ ...posix, setting: "/nope/autoheal" }, probe(["/usr/bin/autoheal"]));
    assert.equal(r.ok, false);
    assert.match(!r.ok ? r.message : "", /autoheal\.path is set to "\/nope\/autoheal"/);
  });

  it("searches PATH in order", () => {
    const r = resolveBinary(posix, probe(["/usr/bin/autoheal", "/home/u/.cargo/bin/autoheal"]));
    assert.deepEqual(r, { ok: true, path: "/home/u/.cargo/bin/autoheal", source: "PATH" });
  });

  it("finds autoheal.exe through PATHEXT on Windows", () => {
    const r = resolveBinary(
      {
        setting: "",
        envPath: "C:\\Windows;C:\\Users\\u\\.cargo\\bin",
        envPathExt: ".COM;.EXE",
        platform: "win32",
        homeDir: "C:\\Users\\u",
        workspaceFolder: undefined,
      },
      probe(["C:\\Users\\u\\.cargo\\bin\\autoheal.exe"]),
    );
    assert.deepEqual(r, { ok: true, path: "C:\\Users\\u\\.cargo\\bin\\autoheal.exe", source: "PATH" });
  });

  it("says how to install when nothing is found", () => {
    for (const envPath of ["/usr/bin", "", undefined]) {
      const r = resolveBinary({ ...posix, envPath }, probe([]));
      assert.equal(r.ok, false);
      assert.ok(!r.ok && r.message.includes(INSTALL_COMMAND), "message names the install command");
      assert.ok(!r.ok && r.message.includes("autoheal.path"), "message names the setting");
    }
  });
});

describe("document selector", () => {
  it("serves workflows directly under .github/workflows and every action file", () => {
    for (const p of [
      "/repo/.github/workflows/ci.yml",
      "/repo/.github/workflows/release.yaml",
      "C:\\repo\\.github\\workflows\\ci.yml",
      "/repo/action.yml",
      "/repo/.github/actions/setup/action.yaml",
      ".github/workflows/ci.yml",
    ]) {
      assert.ok(isServedPath(p), p);
    }
  });

  it("leaves other YAML alone", () => {
    for (const p of [
      "/repo/docker-compose.yml",
      "/repo/.github/dependabot.yml",
      "/repo/.github/autoheal.yml",
      "/repo/.github/workflows/notes.md",
      "/repo/.github/workflows/sub/ci.yml",
      "/repo/my-action.yml",
      "/repo/action.yml.bak",
      "/repo/workflows/ci.yml",
    ]) {
      assert.ok(!isServedPath(p), p);
    }
  });

  it("uses the documented patterns", () => {
    assert.deepEqual([...DOCUMENT_PATTERNS], ["**/.github/workflows/*.{yml,yaml}", "**/action.{yml,yaml}"]);
  });

  it("translates the glob subset exactly", () => {
    assert.equal(globToRegExp("**/a.{x,y}").source, "^(?:.*\\/)?a\\.(?:x|y)$");
    assert.ok(globToRegExp("*.txt").test("a.txt"));
    assert.ok(!globToRegExp("*.txt").test("d/a.txt"));
    assert.ok(globToRegExp("a{b").test("a{b"));
  });
});

describe("diagnose arguments", () => {
  const workflow = "/r/.github/workflows/ci.yml";

  it("passes the workflow and every log as single arguments after --", () => {
    assert.deepEqual(diagnoseArgs({ logs: ["/tmp/-odd name.txt", "logs.zip"], workflow }), [
      "diagnose",
      "--save",
      "--workflow",
      workflow,
      "--",
      "/tmp/-odd name.txt",
      "logs.zip",
    ]);
  });

  it("records the run id and a URL rebuilt from checked parts", () => {
    assert.deepEqual(diagnoseArgs({ logs: ["a.txt"], workflow, run: { runId: "123456", repo: "o/r" } }), [
      "diagnose",
      "--save",
      "--workflow",
      workflow,
      "--run-id",
      "123456",
      "--run-url",
      "https://github.com/o/r/actions/runs/123456",
      "--",
      "a.txt",
    ]);
    assert.deepEqual(diagnoseArgs({ logs: ["a.txt"], workflow, run: { runId: "7" } }), [
      "diagnose",
      "--save",
      "--workflow",
      workflow,
      "--run-id",
      "7",
      "--",
      "a.txt",
    ]);
    assert.equal(runUrl("7", "o/r x"), undefined);
  });

  it("refuses a run id that is not digits, and no logs", () => {
    assert.throws(() => diagnoseArgs({ logs: ["a"], workflow, run: { runId: "1; rm -rf ~" } }), /not a run id/);
    assert.throws(() => diagnoseArgs({ logs: ["a"], workflow, run: { runId: "--help" } }), /not a run id/);
    assert.throws(() => diagnoseArgs({ logs: [], workflow }), /no log file/);
  });
});

describe("run references", () => {
  it("reads ids and run or job URLs", () => {
    assert.deepEqual(parseRunReference(" 123456 "), { runId: "123456" });
    assert.deepEqual(parseRunReference("https://github.com/octo/hello.js/actions/runs/987"), { runId: "987", repo: "octo/hello.js" });
    assert.deepEqual(parseRunReference("https://github.com/octo/r/actions/runs/987/job/55?pr=3"), { runId: "987", repo: "octo/r" });
  });

  it("rejects anything else", () => {
    for (const t of ["", "abc", "12a", "https://github.com/octo/r/pull/3", "https://github.com/octo/r/actions/runs/", "1 2"]) {
      assert.equal(parseRunReference(t), undefined, t);
    }
  });

  it("reads the repository from GitHub remotes only", () => {
    assert.equal(repoFromRemote("https://github.com/octo/r.git\n"), "octo/r");
    assert.equal(repoFromRemote("git@github.com:octo/r.git"), "octo/r");
    assert.equal(repoFromRemote("ssh://git@github.com/octo/r"), "octo/r");
    assert.equal(repoFromRemote("https://x-access-token:abc@github.com/octo/r"), "octo/r");
    assert.equal(repoFromRemote("https://gitlab.com/octo/r.git"), undefined);
    assert.equal(repoFromRemote("/local/path"), undefined);
  });
});

describe("initialization options", () => {
  it("leaves empty settings out", () => {
    assert.deepEqual(initializationOptions({ configPath: " ", severityOverrides: {} }), { options: {}, warnings: [] });
  });

  it("passes config and valid severities", () => {
    const { options, warnings } = initializationOptions({
      configPath: "ci/autoheal.yml",
      severityOverrides: { timeout: "off", pinning: "warning", syntax: "loud", x: 3 },
    });
    assert.deepEqual(options, {
      configPath: "ci/autoheal.yml",
      severityOverrides: { timeout: "off", pinning: "warning" },
    });
    assert.equal(warnings.length, 2);
    assert.match(warnings[0] ?? "", /"syntax" has "loud"/);
  });
});

// The repository root, from out/test/ (compiled) or src/test/.
const repoRoot = path.resolve(__dirname, "../../../..");
const packageJson = JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../package.json"), "utf8")) as {
  repository: { url: string };
  contributes: { configuration: { properties: Record<string, unknown> }; commands: { command: string }[] };
};

describe("install command", () => {
  it("works outside a checkout: from the repository, not --path", () => {
    assert.equal(REPOSITORY_URL, packageJson.repository.url);
    assert.ok(INSTALL_COMMAND.startsWith(`cargo install --locked --git ${REPOSITORY_URL} `), INSTALL_COMMAND);
    assert.doesNotMatch(INSTALL_COMMAND, /--path/);
    assert.ok(INSTALL_COMMAND.endsWith(" autoheal"), "names the package: the repository is a workspace");
  });

  it("builds a feature that has the language server (the default build is lint-only)", () => {
    const features = /--features (\S+)/.exec(INSTALL_COMMAND)?.[1];
    assert.ok(features !== undefined, INSTALL_COMMAND);
    const cargoToml = fs.readFileSync(path.join(repoRoot, "Cargo.toml"), "utf8");
    const table = /^\[features\]\n([\s\S]*?)(?:^\[|$(?![\s\S]))/m.exec(cargoToml)?.[1] ?? "";
    const declared = new Map<string, string>();
    for (const m of table.matchAll(/^([a-z0-9_-]+)\s*=\s*\[(.*)\]/gm)) {
      declared.set(m[1] as string, m[2] as string);
    }
    const hasLsp = (f: string, seen = new Set<string>()): boolean => {
      const deps = declared.get(f);
      if (deps === undefined || seen.has(f)) {
        return false;
      }
      seen.add(f);
      const items = [...deps.matchAll(/"([^"]+)"/g)].map((m) => m[1] as string);
      return items.includes("dep:autoheal-lsp") || items.some((i) => hasLsp(i, seen));
    };
    assert.ok(!hasLsp("default"), "the default build is lint-only, so the feature is needed");
    for (const f of features.split(",")) {
      assert.ok(declared.has(f), `feature ${f} is declared in Cargo.toml`);
    }
    assert.ok(features.split(",").some((f) => hasLsp(f)), `--features ${features} builds autoheal lsp`);
  });
});

describe("package.json", () => {
  it("contributes only settings something reads", () => {
    // `path` is read by the extension, `trace.server` by vscode-languageclient;
    // the others are the server's (crates/lsp/src/settings.rs checks that side).
    const extension = fs.readFileSync(path.resolve(__dirname, "../../src/extension.ts"), "utf8");
    for (const key of Object.keys(packageJson.contributes.configuration.properties)) {
      const name = key.replace(/^autoheal\./, "");
      if (name === "trace.server") {
        continue;
      }
      assert.ok(extension.includes(`config.get<`) && extension.includes(`("${name}"`), `${key} is read by extension.ts`);
    }
  });
});
