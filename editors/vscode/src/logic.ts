// The extension's own decisions, free of the `vscode` module so they run
// (and are tested) under plain node: where the binary is, which files the
// server serves, what `autoheal diagnose` is called with, and what the
// server is told at initialization.

import * as path from "node:path";

/** Where autoheal's source lives (`repository.url` in package.json). */
export const REPOSITORY_URL = "https://github.com/autoheal-dev/autoheal";

/**
 * The command the user gets told to run when no binary can be found. It works
 * from any directory (no checkout needed), and builds with the `lsp` feature:
 * the default build is lint-only and has no `autoheal lsp`.
 */
export const INSTALL_COMMAND = `cargo install --locked --git ${REPOSITORY_URL} --features lsp autoheal`;

/** Glob patterns of the files autoheal serves, for the LSP document selector. */
export const DOCUMENT_PATTERNS = ["**/.github/workflows/*.{yml,yaml}", "**/action.{yml,yaml}"] as const;

/** Where `autoheal diagnose --save` writes, relative to the repository root. */
export const FAILURES_DIR = ".autoheal/failures";

export type Severity = "error" | "warning" | "info" | "off";
const SEVERITIES: readonly string[] = ["error", "warning", "info", "off"];

/** How to look at the file system; injected so tests need no real files. */
export interface FileProbe {
  isExecutableFile(p: string): boolean;
}

export interface ResolveInput {
  /** The `autoheal.path` setting (may be empty). */
  setting: string;
  /** The `PATH` environment variable. */
  envPath: string | undefined;
  /** `PATHEXT` on Windows. */
  envPathExt?: string | undefined;
  platform: NodeJS.Platform;
  homeDir: string;
  /** First workspace folder, for relative settings and `${workspaceFolder}`. */
  workspaceFolder: string | undefined;
}

export type Resolved =
  | { ok: true; path: string; source: "setting" | "PATH" }
  | { ok: false; message: string };

/**
 * Find the `autoheal` binary: the `autoheal.path` setting if set (an explicit
 * setting that points nowhere is an error, never silently replaced by
 * something else on PATH), then `PATH`, then an error saying how to install.
 */
export function resolveBinary(input: ResolveInput, probe: FileProbe): Resolved {
  const p = input.platform === "win32" ? path.win32 : path.posix;
  const setting = input.setting.trim();
  if (setting !== "") {
    const expanded = expandSetting(setting, input, p);
    if (probe.isExecutableFile(expanded)) {
      return { ok: true, path: expanded, source: "setting" };
    }
    return {
      ok: false,
      message: `autoheal.path is set to "${setting}", but ${expanded} is not an executable file. ` +
        `Fix the setting, or clear it to use autoheal from PATH.`,
    };
  }
  const names = binaryNames(input.platform, input.envPathExt);
  const dirs = (input.envPath ?? "").split(p.delimiter).filter((d) => d.trim() !== "");
  for (const dir of dirs) {
    for (const name of names) {
      const candidate = p.join(dir, name);
      if (probe.isExecutableFile(candidate)) {
        return { ok: true, path: candidate, source: "PATH" };
      }
    }
  }
  return { ok: false, message: notFoundMessage() };
}

export function notFoundMessage(): string {
  return "autoheal was not found on PATH and autoheal.path is not set. Install it with " +
    `\`${INSTALL_COMMAND}\` (it lands in ~/.cargo/bin, which must be on PATH), ` +
    "or set autoheal.path to the binary.";
}

function expandSetting(setting: string, input: ResolveInput, p: path.PlatformPath): string {
  let s = setting;
  if (input.workspaceFolder !== undefined) {
    s = s.split("${workspaceFolder}").join(input.workspaceFolder);
  }
  if (s === "~" || s.startsWith("~/") || s.startsWith("~\\")) {
    s = p.join(input.homeDir, s.slice(1));
  }
  if (!p.isAbsolute(s) && input.workspaceFolder !== undefined) {
    s = p.resolve(input.workspaceFolder, s);
  }
  return s;
}

function binaryNames(platform: NodeJS.Platform, pathExt: string | undefined): string[] {
  if (platform !== "win32") {
    return ["autoheal"];
  }
  const exts = (pathExt ?? ".EXE;.CMD;.BAT").split(";").filter((e) => e !== "");
  return exts.map((e) => `autoheal${e.toLowerCase()}`);
}

/**
 * True for the files the server serves, decided by the same
 * DOCUMENT_PATTERNS the document selector uses: workflows directly in
 * `.github/workflows/`, and any `action.{yml,yaml}`.
 */
export function isServedPath(filePath: string): boolean {
  const normalized = filePath.replace(/\\/g, "/");
  return DOCUMENT_PATTERNS.some((pattern) => globToRegExp(pattern).test(normalized));
}

/**
 * The subset of VS Code's glob syntax that DOCUMENT_PATTERNS use: a leading
 * double star and slash (any folders, or none), `*` (within one path
 * segment), and `{a,b}` alternatives.
 */
export function globToRegExp(glob: string): RegExp {
  let re = "";
  let i = 0;
  while (i < glob.length) {
    const c = glob[i] as string;
    if (glob.startsWith("**/", i)) {
      re += "(?:.*/)?";
      i += 3;
    } else if (c === "*") {
      re += "[^/]*";
      i += 1;
    } else if (c === "{") {
      const close = glob.indexOf("}", i);
      if (close < 0) {
        re += "\\{";
        i += 1;
        continue;
      }
      const alternatives = glob.slice(i + 1, close).split(",").map(escapeRegExp);
      re += `(?:${alternatives.join("|")})`;
      i = close + 1;
    } else {
      re += escapeRegExp(c);
      i += 1;
    }
  }
  return new RegExp(`^${re}$`);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

/** What the user picked for "Diagnose failed run…". */
export interface DiagnoseTarget {
  /** Job logs, run-logs zips, or text copied from the web UI. */
  logs: string[];
  /** The workflow file the run came from (`--save` needs it to map failures onto lines). */
  workflow: string;
  /** The run, when known: recorded in the saved analysis and shown in the editor. */
  run?: { runId: string; repo?: string };
}

/**
 * Read a run reference: a bare run id (`123456`) or a run/job URL
 * (`https://github.com/OWNER/REPO/actions/runs/123456[/job/789]`).
 */
export function parseRunReference(text: string): { runId: string; repo?: string } | undefined {
  const t = text.trim();
  if (/^\d{1,20}$/.test(t)) {
    return { runId: t };
  }
  const m = /^https?:\/\/[^/\s]+\/([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)\/actions\/runs\/(\d{1,20})(?:[/?#]\S*)?$/.exec(t);
  if (m === null) {
    return undefined;
  }
  return { runId: m[3] as string, repo: `${m[1]}/${m[2]}` };
}

/** `OWNER/REPO` from a GitHub remote URL (https, ssh or scp-like), if it is one. */
export function repoFromRemote(url: string): string | undefined {
  const t = url.trim();
  const m =
    /^(?:https?:\/\/(?:[^@/\s]+@)?|ssh:\/\/git@|git@)github\.com[/:]([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+?)(?:\.git)?\/?$/.exec(t);
  if (m === null) {
    return undefined;
  }
  return `${m[1]}/${m[2]}`;
}

/**
 * Arguments for `autoheal diagnose --save`. Paths go through as single argv
 * entries (no shell) after `--`, and a run id must be digits, so nothing the
 * user picks or types can turn into another option.
 */
export function diagnoseArgs(target: DiagnoseTarget): string[] {
  if (target.logs.length === 0) {
    throw new Error("no log file chosen");
  }
  const args = ["diagnose", "--save", "--workflow", target.workflow];
  if (target.run !== undefined) {
    if (!/^\d{1,20}$/.test(target.run.runId)) {
      throw new Error(`not a run id: ${JSON.stringify(target.run.runId)}`);
    }
    args.push("--run-id", target.run.runId);
    const url = runUrl(target.run.runId, target.run.repo);
    if (url !== undefined) {
      args.push("--run-url", url);
    }
  }
  args.push("--", ...target.logs);
  return args;
}

/** The run's page, rebuilt from checked parts rather than echoing user input. */
export function runUrl(runId: string, repo: string | undefined): string | undefined {
  if (repo === undefined || !/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repo) || !/^\d{1,20}$/.test(runId)) {
    return undefined;
  }
  return `https://github.com/${repo}/actions/runs/${runId}`;
}

export interface Settings {
  configPath: string;
  severityOverrides: Record<string, unknown>;
}

export interface InitializationOptions {
  configPath?: string;
  severityOverrides?: Record<string, Severity>;
}

/**
 * What the server is told at `initialize`. Empty settings are left out so
 * the server's defaults apply; invalid severities are dropped and reported
 * back as warnings for the user.
 */
export function initializationOptions(settings: Settings): { options: InitializationOptions; warnings: string[] } {
  const options: InitializationOptions = {};
  const warnings: string[] = [];
  if (settings.configPath.trim() !== "") {
    options.configPath = settings.configPath.trim();
  }
  const overrides: Record<string, Severity> = {};
  for (const [rule, value] of Object.entries(settings.severityOverrides ?? {})) {
    if (typeof value === "string" && SEVERITIES.includes(value)) {
      overrides[rule] = value as Severity;
    } else {
      warnings.push(
        `autoheal.severityOverrides: "${rule}" has ${JSON.stringify(value)}; expected one of ${SEVERITIES.join(", ")}`,
      );
    }
  }
  if (Object.keys(overrides).length > 0) {
    options.severityOverrides = overrides;
  }
  return { options, warnings };
}
