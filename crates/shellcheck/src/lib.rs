//! Runs `shellcheck` for the engine's `shell` rule (and, in [`pyflakes`],
//! `pyflakes` for its `pyflakes` rule), for the CLI and the language server
//! alike. Scripts are written to a temporary directory and
//! checked in batches (one process per batch, batches in parallel), and
//! findings come back as byte ranges in each script's text, which the rule
//! maps to YAML lines. Each process runs under a deadline, scripts past a
//! size cap are skipped, and temporary files and children are cleaned up on
//! every exit path, SIGTERM and SIGINT included (see [`process`]).

mod process;
pub mod pyflakes;

use std::io::Write;
use std::marker::PhantomData;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use autoheal_engine::Severity;
use autoheal_engine::external::{Script, ScriptChecker, ScriptFinding, ScriptLanguage};
use autoheal_engine::rules::shell::IGNORED_SHELLCHECK_CODES;
use rayon::prelude::*;
use serde::Deserialize;

/// Scripts per shellcheck process: large enough to amortize start-up,
/// small enough to spread a big file over every core.
pub(crate) const BATCH: usize = 16;

/// Scripts bigger than this are not checked: shellcheck's time grows
/// faster than linearly, and no hand-written `run:` is this long (the same
/// cap holds for pyflakes).
pub const MAX_SCRIPT_BYTES: usize = 64 * 1024;

/// How long one shellcheck (or pyflakes) process may run before it is killed.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(15);

/// The environment variable that sets the deadline of the shellcheck and
/// pyflakes found on `PATH` (`installed`), in whole seconds from 1 to 600;
/// any other value leaves [`DEFAULT_TIMEOUT`]. The end-to-end tests of a hanging
/// checker set 1 s, so the same path runs without waiting out 15 s.
pub const TIMEOUT_ENV: &str = "AUTOHEAL_CHECKER_TIMEOUT";

/// The deadline `value` of [`TIMEOUT_ENV`] sets.
fn timeout_from(value: Option<&std::ffi::OsStr>) -> Duration {
    value
        .and_then(|v| v.to_str())
        .and_then(|v| v.parse::<u64>().ok())
        .filter(|secs| (1..=600).contains(secs))
        .map_or(DEFAULT_TIMEOUT, Duration::from_secs)
}

/// The deadline the environment sets ([`TIMEOUT_ENV`]).
pub(crate) fn timeout_from_env() -> Duration {
    timeout_from(std::env::var_os(TIMEOUT_ENV).as_deref())
}

/// Whether `script` is over [`MAX_SCRIPT_BYTES`], so shellcheck never sees it.
pub fn over_size_cap(script: &Script) -> bool {
    script.text.len() > MAX_SCRIPT_BYTES
}

/// A checker program and how long one process of it may run: what the
/// shellcheck and pyflakes runners share. `K` says which checker it is (so
/// which output it prints): [`Shellcheck`] or [`pyflakes::Pyflakes`].
pub struct ScriptProgram<K> {
    program: PathBuf,
    timeout: Duration,
    kind: PhantomData<K>,
}

impl<K> ScriptProgram<K> {
    /// The checker at `program`.
    pub fn at(program: PathBuf) -> Self {
        ScriptProgram {
            program,
            timeout: DEFAULT_TIMEOUT,
            kind: PhantomData,
        }
    }

    /// The executable that runs.
    pub fn program(&self) -> &Path {
        &self.program
    }

    /// How long one process may run.
    pub fn timeout(&self) -> Duration {
        self.timeout
    }

    /// The same checker with another per-process deadline.
    pub fn with_timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }
}

/// Marks a [`ScriptProgram`] as shellcheck.
pub enum ShellcheckKind {}

/// shellcheck, for the `shell` rule.
pub type Shellcheck = ScriptProgram<ShellcheckKind>;

/// The shellcheck every front end runs for `config`: the installed one,
/// unless the config turns it off (`shellcheck: false`). `check` and the
/// language server both ask here, so a file clean in the editor is clean in
/// CI.
pub fn for_config(config: &autoheal_engine::config::Config) -> Option<&'static Shellcheck> {
    installed().filter(|_| config.shellcheck)
}

/// The installed shellcheck, looked up once per process.
pub fn installed() -> Option<&'static Shellcheck> {
    static FOUND: std::sync::OnceLock<Option<Shellcheck>> = std::sync::OnceLock::new();
    FOUND.get_or_init(Shellcheck::find).as_ref()
}

/// The executable `name` (`name.exe` on Windows) in the first `PATH`
/// directory holding it.
pub(crate) fn on_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    let file = if cfg!(windows) {
        format!("{name}.exe")
    } else {
        name.to_string()
    };
    in_path_dirs(&path, &file)
}

/// `file` in the first absolute directory of `path` holding it. Relative
/// entries (`.`, an empty entry from a stray `:`) are skipped: they name the
/// current directory, and the CLI and the language server run inside
/// checkouts that anyone may have written a `./pyflakes` into.
fn in_path_dirs(path: &std::ffi::OsStr, file: &str) -> Option<PathBuf> {
    std::env::split_paths(path)
        .filter(|dir| dir.is_absolute())
        .map(|dir| dir.join(file))
        .find(|p| p.is_file())
}

#[cfg(test)]
mod timeout_tests {
    use std::ffi::OsStr;
    use std::time::Duration;

    use super::{DEFAULT_TIMEOUT, timeout_from};

    #[test]
    fn the_environment_sets_the_deadline_in_whole_seconds_within_bounds() {
        assert_eq!(timeout_from(None), DEFAULT_TIMEOUT);
        assert_eq!(timeout_from(Some(OsStr::new("1"))), Duration::from_secs(1));
        assert_eq!(timeout_from(Some(OsStr::new("600"))), Duration::from_secs(600));
        for refused in ["0", "601", "-1", "1.5", " 1", "", "15s"] {
            assert_eq!(timeout_from(Some(OsStr::new(refused))), DEFAULT_TIMEOUT, "{refused:?}");
        }
    }
}

#[cfg(test)]
mod path_tests {
    #[test]
    fn relative_path_entries_are_never_searched() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(dir.path().join("tool"), "").expect("write");
        let cwd = std::env::current_dir().expect("cwd");
        // The same directory, once relative (as `.` would be) and once absolute.
        let relative = pathdiff(dir.path(), &cwd);
        let only_relative = std::env::join_paths([relative.clone(), std::path::PathBuf::new()]).expect("join");
        assert_eq!(super::in_path_dirs(&only_relative, "tool"), None);
        let with_absolute = std::env::join_paths([relative, dir.path().to_path_buf()]).expect("join");
        assert_eq!(
            super::in_path_dirs(&with_absolute, "tool"),
            Some(dir.path().join("tool"))
        );
    }

    /// `to` relative to `from` (both absolute), with `..` steps.
    fn pathdiff(to: &std::path::Path, from: &std::path::Path) -> std::path::PathBuf {
        let to: Vec<_> = to.components().collect();
        let from: Vec<_> = from.components().collect();
        let common = to.iter().zip(&from).take_while(|(a, b)| a == b).count();
        let mut out = std::path::PathBuf::new();
        for _ in common..from.len() {
            out.push("..");
        }
        for c in &to[common..] {
            out.push(c);
        }
        out
    }
}

impl Shellcheck {
    /// `shellcheck` from `PATH`, if installed, with the deadline the
    /// environment sets.
    pub fn find() -> Option<Shellcheck> {
        on_path("shellcheck").map(|p| Shellcheck::at(p).with_timeout(timeout_from_env()))
    }

    fn run_batch(&self, dir: &Path, batch: &[(usize, &Script)], language: ScriptLanguage) -> Vec<ScriptFinding> {
        let mut files = Vec::with_capacity(batch.len());
        for (index, script) in batch {
            let file = dir.join(format!("{index}.sh"));
            let written = std::fs::File::create(&file).and_then(|mut f| f.write_all(script.text.as_bytes()));
            if written.is_err() {
                return Vec::new();
            }
            files.push(file);
        }
        let mut cmd = Command::new(&self.program);
        cmd.args([
            "--format",
            "json1",
            "--shell",
            language.as_str(),
            "--exclude",
            &IGNORED_SHELLCHECK_CODES.join(","),
        ])
        .args(&files);
        // shellcheck exits 1 when it has findings; only unreadable output is a failure.
        let Some(stdout) = process::output_within(cmd, self.timeout) else {
            return Vec::new();
        };
        let Ok(report) = serde_json::from_slice::<Report>(&stdout) else {
            return Vec::new();
        };
        report
            .comments
            .into_iter()
            .filter_map(|c| {
                let pos = files.iter().position(|f| Path::new(&c.file) == f.as_path())?;
                let (index, script) = batch[pos];
                let start = byte_offset(&script.text, c.line, c.column)?;
                let end = byte_offset(&script.text, c.end_line, c.end_column)
                    .unwrap_or(start)
                    .max(start);
                Some(ScriptFinding {
                    script: index,
                    start,
                    end,
                    severity: match c.level.as_str() {
                        "error" => Severity::Error,
                        "warning" => Severity::Warning,
                        _ => Severity::Info,
                    },
                    code: format!("SC{}", c.code),
                    message: c.message,
                })
            })
            .collect()
    }
}

impl ScriptChecker for Shellcheck {
    fn check(&self, scripts: &[Script]) -> Vec<ScriptFinding> {
        let Some(dir) = process::TempDir::new("autoheal-shellcheck") else {
            return Vec::new();
        };
        let mut batches: Vec<(ScriptLanguage, Vec<(usize, &Script)>)> = Vec::new();
        for language in [ScriptLanguage::Bash, ScriptLanguage::Sh] {
            let of_language: Vec<(usize, &Script)> = scripts
                .iter()
                .enumerate()
                .filter(|(_, s)| s.language == language && !over_size_cap(s))
                .collect();
            batches.extend(of_language.chunks(BATCH).map(|c| (language, c.to_vec())));
        }
        let mut findings: Vec<ScriptFinding> = batches
            .par_iter()
            .flat_map_iter(|(language, batch)| self.run_batch(dir.path(), batch, *language))
            .collect();
        findings.sort_by_key(|f| (f.script, f.start));
        findings
    }
}

#[derive(Deserialize)]
struct Report {
    comments: Vec<Comment>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Comment {
    file: String,
    line: usize,
    end_line: usize,
    column: usize,
    end_column: usize,
    level: String,
    code: u32,
    message: String,
}

/// shellcheck's 1-based line and character column (json1 counts a tab as
/// one column) as a byte offset into `text`.
fn byte_offset(text: &str, line: usize, column: usize) -> Option<usize> {
    let line_start = if line <= 1 {
        0
    } else {
        text.match_indices('\n').nth(line - 2).map(|(i, _)| i + 1)?
    };
    let rest = &text[line_start..];
    let line_len = rest.find('\n').unwrap_or(rest.len());
    let col = column.saturating_sub(1);
    let within = rest[..line_len].char_indices().nth(col).map_or(line_len, |(i, _)| i);
    Some(line_start + within)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_characters_and_lines_are_one_based() {
        let text = "echo $x\n\tuse é $y\n";
        assert_eq!(byte_offset(text, 1, 6), Some(5));
        assert_eq!(byte_offset(text, 2, 2), Some(9));
        assert_eq!(&text[byte_offset(text, 2, 8).unwrap()..][..2], "$y");
        assert_eq!(byte_offset(text, 2, 99), Some(text.len() - 1));
        assert_eq!(byte_offset(text, 9, 1), None);
    }

    #[test]
    fn findings_come_back_for_each_script_of_the_batch() {
        let Some(checker) = Shellcheck::find() else {
            eprintln!("shellcheck is not installed; skipping");
            return;
        };
        let scripts: Vec<Script> = (0..20)
            .map(|i| Script {
                language: if i % 2 == 0 {
                    ScriptLanguage::Bash
                } else {
                    ScriptLanguage::Sh
                },
                text: if i == 7 {
                    "echo ok\n".into()
                } else {
                    format!("# {i}\necho $1\n")
                },
                offset: 0,
            })
            .collect();
        let findings = checker.check(&scripts);
        let sc2086: Vec<&ScriptFinding> = findings.iter().filter(|f| f.code == "SC2086").collect();
        assert_eq!(sc2086.len(), 19, "{findings:?}");
        assert!(sc2086.iter().all(|f| f.script != 7));
        let first = sc2086.iter().find(|f| f.script == 0).unwrap();
        assert_eq!(&scripts[0].text[first.start..first.end], "$1");
        assert_eq!(first.severity, Severity::Info);
    }
}
