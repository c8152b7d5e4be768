// The extension's arguments and options against the real binary: what
// "Diagnose failed run…" runs must be accepted by `autoheal diagnose`, and
// `autoheal lsp` must start with the extension's initializationOptions.
// Needs AUTOHEAL_BIN (ci.sh sets it to the workspace's target/debug/autoheal
// when that exists); skipped otherwise.

import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, it } from "node:test";

import { diagnoseArgs, initializationOptions } from "../logic";

const bin = process.env.AUTOHEAL_BIN;
const skip = bin === undefined || !fs.existsSync(bin) ? "AUTOHEAL_BIN is not set to a built autoheal" : false;

const WORKFLOW = `name: ci
on: push
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - name: Run tests
        run: python -m pytest
`;

const LOG = [
  "2024-01-01T12:00:00.0000000Z ##[group]Run python -m pytest",
  "2024-01-01T12:00:00.0000000Z python -m pytest",
  "2024-01-01T12:00:00.0000000Z ##[endgroup]",
  "2024-01-01T12:00:01.0000000Z Traceback (most recent call last):",
  '2024-01-01T12:00:01.0000000Z   File "/home/runner/work/r/r/app.py", line 1, in <module>',
  "2024-01-01T12:00:01.0000000Z     import yaml",
  "2024-01-01T12:00:01.0000000Z ModuleNotFoundError: No module named 'yaml'",
  "2024-01-01T12:00:01.0000000Z ##[error]Process completed with exit code 1.",
  "",
].join("\n");

function sampleRepo(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "autoheal-vscode-cli-"));
  fs.mkdirSync(path.join(root, ".git"));
  fs.mkdirSync(path.join(root, ".github", "workflows"), { recursive: true });
  fs.writeFileSync(path.join(root, ".github", "workflows", "ci.yml"), WORKFLOW);
  fs.writeFileSync(path.join(root, "-job log.txt"), LOG);
  return fs.realpathSync(root);
}

/** One LSP message framed for stdio. */
function frame(message: object): string {
  const body = JSON.stringify(message);
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

describe("against the real autoheal binary", { skip }, () => {
  it("diagnose --save accepts the command's arguments and saves the run", () => {
    const root = sampleRepo();
    const args = diagnoseArgs({
      logs: [path.join(root, "-job log.txt")],
      workflow: path.join(root, ".github", "workflows", "ci.yml"),
      run: { runId: "123456", repo: "octo/r" },
    });
    const out = execFileSync(bin as string, args, { cwd: root, encoding: "utf8" });
    assert.match(out, /yaml|PyYAML/i);
    const dir = path.join(root, ".autoheal", "failures");
    const saved = fs.readdirSync(dir).filter((f) => f.endsWith(".json"));
    assert.equal(saved.length, 1);
    const record = JSON.parse(fs.readFileSync(path.join(dir, saved[0] as string), "utf8")) as Record<string, unknown>;
    assert.equal(record.run_id, 123456);
    assert.equal(record.run_url, "https://github.com/octo/r/actions/runs/123456");
    assert.equal(record.workflow_path, ".github/workflows/ci.yml");
  });

  it("lsp follows the extension's initializationOptions", async () => {
    const root = sampleRepo();
    // The sample workflow has no timeout-minutes: `timeout` is raised to an error.
    const { options } = initializationOptions({ configPath: "", severityOverrides: { timeout: "error" } });
    const child = spawn(bin as string, ["lsp"], { cwd: root, stdio: ["pipe", "pipe", "inherit"] });
    const messages: Record<string, unknown>[] = [];
    let waiting: (() => void) | undefined;
    let buffered = Buffer.alloc(0);
    child.stdout.on("data", (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      for (;;) {
        const head = buffered.indexOf("\r\n\r\n");
        const m = head < 0 ? null : /Content-Length: (\d+)/i.exec(buffered.subarray(0, head).toString("utf8"));
        if (m === null || buffered.length < head + 4 + Number(m[1])) {
          break;
        }
        const body = buffered.subarray(head + 4, head + 4 + Number(m[1]));
        buffered = buffered.subarray(head + 4 + Number(m[1]));
        messages.push(JSON.parse(body.toString("utf8")) as Record<string, unknown>);
        waiting?.();
      }
    });
    const next = async (match: (m: Record<string, unknown>) => boolean): Promise<Record<string, unknown>> => {
      const deadline = Date.now() + 20_000;
      for (;;) {
        const i = messages.findIndex(match);
        if (i >= 0) {
          return messages.splice(i, 1)[0] as Record<string, unknown>;
        }
        if (Date.now() > deadline) {
          throw new Error(`timed out; got ${JSON.stringify(messages)}`);
        }
        await new Promise<void>((resolve) => {
          waiting = resolve;
          setTimeout(resolve, 200);
        });
      }
    };
    const uri = `file://${root}/.github/workflows/ci.yml`;
    try {
      child.stdin.write(
        frame({
          jsonrpc: "2.0",
          id: 1,
          method: "initialize",
          params: { processId: null, rootUri: `file://${root}`, capabilities: {}, initializationOptions: options },
        }),
      );
      const response = await next((m) => m.id === 1);
      const result = response.result as { serverInfo?: { name?: string } } | undefined;
      assert.equal(result?.serverInfo?.name, "autoheal");
      child.stdin.write(frame({ jsonrpc: "2.0", method: "initialized", params: {} }));
      child.stdin.write(
        frame({
          jsonrpc: "2.0",
          method: "textDocument/didOpen",
          params: { textDocument: { uri, languageId: "yaml", version: 1, text: WORKFLOW } },
        }),
      );
      const published = await next(
        (m) => m.method === "textDocument/publishDiagnostics" && (m.params as { uri?: string }).uri === uri,
      );
      const diags = (published.params as { diagnostics: { code?: string; severity?: number }[] }).diagnostics;
      const timeout = diags.find((d) => d.code === "timeout/missing");
      assert.equal(timeout?.severity, 1, `timeout is an error: ${JSON.stringify(diags)}`);
    } finally {
      child.stdin.write(frame({ jsonrpc: "2.0", id: 2, method: "shutdown" }));
      child.stdin.write(frame({ jsonrpc: "2.0", method: "exit" }));
      child.stdin.end();
      await new Promise((resolve) => child.on("close", resolve));
    }
  });
});
