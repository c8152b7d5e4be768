// VS Code glue: start `autoheal lsp` through vscode-languageclient and add
// the "Diagnose failed run…" command. Decisions live in ./logic.

import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as vscode from "vscode";
import {
  LanguageClient,
  type LanguageClientOptions,
  type ServerOptions,
  TransportKind,
} from "vscode-languageclient/node";

import {
  DOCUMENT_PATTERNS,
  FAILURES_DIR,
  INSTALL_COMMAND,
  type DiagnoseTarget,
  diagnoseArgs,
  initializationOptions,
  parseRunReference,
  repoFromRemote,
  resolveBinary,
} from "./logic";

let client: LanguageClient | undefined;
let output: vscode.OutputChannel | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel("autoheal");
  context.subscriptions.push(output);
  context.subscriptions.push(
    vscode.commands.registerCommand("autoheal.diagnoseFailedRun", () => diagnoseFailedRun()),
    vscode.commands.registerCommand("autoheal.restartServer", () => restart(context)),
    // The server follows the other settings itself (the client forwards
    // their changes); only another binary needs a new process.
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration("autoheal.path")) {
        void restart(context);
      }
    }),
  );
  await start(context);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

function workspaceFolder(): string | undefined {
  return vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
}

function isExecutableFile(p: string): boolean {
  try {
    if (!fs.statSync(p).isFile()) {
      return false;
    }
    if (process.platform !== "win32") {
      fs.accessSync(p, fs.constants.X_OK);
    }
    return true;
  } catch {
    return false;
  }
}

/** The binary, or undefined after telling the user how to install it. */
async function binary(): Promise<string | undefined> {
  const config = vscode.workspace.getConfiguration("autoheal");
  const resolved = resolveBinary(
    {
      setting: config.get<string>("path", ""),
      envPath: process.env.PATH,
      envPathExt: process.env.PATHEXT,
      platform: process.platform,
      homeDir: os.homedir(),
      workspaceFolder: workspaceFolder(),
    },
    { isExecutableFile },
  );
  if (resolved.ok) {
    output?.appendLine(`using ${resolved.path} (from ${resolved.source})`);
    return resolved.path;
  }
  output?.appendLine(resolved.message);
  const copy = "Copy install command";
  const settings = "Open settings";
  const choice = await vscode.window.showErrorMessage(resolved.message, copy, settings);
  if (choice === copy) {
    await vscode.env.clipboard.writeText(INSTALL_COMMAND);
  } else if (choice === settings) {
    await vscode.commands.executeCommand("workbench.action.openSettings", "autoheal.path");
  }
  return undefined;
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  const command = await binary();
  if (command === undefined) {
    return;
  }
  const config = vscode.workspace.getConfiguration("autoheal");
  const { options, warnings } = initializationOptions({
    configPath: config.get<string>("configPath", ""),
    severityOverrides: config.get<Record<string, unknown>>("severityOverrides", {}),
  });
  for (const w of warnings) {
    output?.appendLine(w);
    void vscode.window.showWarningMessage(w);
  }
  const serverOptions: ServerOptions = {
    run: { command, args: ["lsp"], transport: TransportKind.stdio },
    debug: { command, args: ["lsp"], transport: TransportKind.stdio },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_PATTERNS.map((pattern) => ({ scheme: "file", pattern })),
    initializationOptions: options,
    outputChannel: output,
    synchronize: {
      // Changes to `autoheal.*` reach the server as
      // `workspace/didChangeConfiguration` with the whole section.
      configurationSection: "autoheal",
      // The server also registers these itself; clients that support dynamic
      // registration get both, which only costs a second reload.
      fileEvents: [
        vscode.workspace.createFileSystemWatcher(`**/${FAILURES_DIR}/*.json`),
        vscode.workspace.createFileSystemWatcher("**/.github/autoheal.yml"),
      ],
    },
  };
  client = new LanguageClient("autoheal", "autoheal", serverOptions, clientOptions);
  context.subscriptions.push(client);
  try {
    await client.start();
  } catch (e) {
    void vscode.window.showErrorMessage(`autoheal lsp did not start: ${String(e)}`);
  }
}

async function restart(context: vscode.ExtensionContext): Promise<void> {
  const old = client;
  client = undefined;
  await old?.stop().catch(() => undefined);
  await start(context);
}

const WORKFLOW_PATH = /[\\/]\.github[\\/]workflows[\\/][^\\/]+\.ya?ml$/;

async function pickWorkflow(): Promise<string | undefined> {
  const active = vscode.window.activeTextEditor?.document.uri.fsPath;
  if (active !== undefined && WORKFLOW_PATH.test(active)) {
    return active;
  }
  const found = await vscode.workspace.findFiles(".github/workflows/*.{yml,yaml}");
  const paths = found.map((u) => u.fsPath).sort();
  if (paths.length === 1) {
    return paths[0];
  }
  return vscode.window.showQuickPick(paths, { title: "autoheal: which workflow did the run come from?" });
}

async function pickTarget(): Promise<DiagnoseTarget | undefined> {
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: true,
    openLabel: "Diagnose",
    title: "autoheal: the failed run's logs (job log, run-logs zip, or text copied from the web UI)",
    filters: { "Logs": ["txt", "log", "zip"], "All files": ["*"] },
  });
  const logs = (picked ?? []).map((u) => u.fsPath);
  if (logs.length === 0) {
    return undefined;
  }
  const workflow = await pickWorkflow();
  if (workflow === undefined) {
    return undefined;
  }
  const text = await vscode.window.showInputBox({
    title: "autoheal: Diagnose failed run",
    prompt: "The run id or URL (https://github.com/OWNER/REPO/actions/runs/ID), to link the failures to it. Leave empty to skip.",
    validateInput: (v) => (v.trim() === "" || parseRunReference(v) !== undefined ? undefined : "Enter digits, or a GitHub Actions run URL"),
  });
  if (text === undefined) {
    return undefined;
  }
  const run = parseRunReference(text);
  if (run === undefined) {
    return { logs, workflow };
  }
  return { logs, workflow, run: { runId: run.runId, repo: run.repo ?? (await originRepo()) } };
}

function originRepo(): Promise<string | undefined> {
  const cwd = workspaceFolder();
  if (cwd === undefined) {
    return Promise.resolve(undefined);
  }
  return new Promise((resolve) => {
    execFile("git", ["config", "--get", "remote.origin.url"], { cwd }, (err, stdout) => {
      resolve(err === null ? repoFromRemote(stdout) : undefined);
    });
  });
}

async function diagnoseFailedRun(): Promise<void> {
  const cwd = workspaceFolder();
  if (cwd === undefined) {
    void vscode.window.showErrorMessage("autoheal: open the repository folder first; the analysis is saved under its .autoheal/.");
    return;
  }
  const target = await pickTarget();
  if (target === undefined) {
    return;
  }
  const command = await binary();
  if (command === undefined) {
    return;
  }
  const args = diagnoseArgs(target);
  output?.appendLine(`$ ${command} ${args.join(" ")}`);
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: "autoheal: diagnosing…" },
    () =>
      new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
        execFile(command, args, { cwd, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
          const code = err === null ? 0 : typeof err.code === "number" ? err.code : 2;
          resolve({ code, stdout, stderr });
        });
      }),
  );
  output?.append(result.stdout);
  output?.append(result.stderr);
  if (result.code !== 0) {
    output?.show(true);
    void vscode.window.showErrorMessage(`autoheal diagnose failed (exit ${result.code}); see the autoheal output.`);
    return;
  }
  await refreshPastFailures(cwd);
  void vscode.window.showInformationMessage("autoheal: analysis saved; past failures now show on the workflow.");
}

/**
 * Tell the server the saved analyses changed, without waiting for the file
 * watcher: it re-reads `.autoheal/failures/` and republishes diagnostics.
 */
async function refreshPastFailures(root: string): Promise<void> {
  if (client === undefined) {
    return;
  }
  const dir = path.join(root, FAILURES_DIR);
  let files: string[] = [];
  try {
    files = fs.readdirSync(dir).filter((f) => f.endsWith(".json"));
  } catch {
    return;
  }
  await client.sendNotification("workspace/didChangeWatchedFiles", {
    changes: files.map((f) => ({ uri: vscode.Uri.file(path.join(dir, f)).toString(), type: 2 })),
  });
}
