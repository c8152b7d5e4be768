//! Runs `pyflakes` for the engine's `pyflakes` rule, with the same hygiene
//! as shellcheck: scripts written to a temporary directory, checked in
//! batches (one process per batch, batches in parallel), each process under
//! a deadline, scripts past the size cap skipped, children and files cleaned
//! up on every exit path.
//!
//! pyflakes prints one finding a line on stdout, `FILE:LINE:COL: MESSAGE`
//! (COL 1-based, counted in UTF-8 bytes: it is the AST's `col_offset` + 1),
//! and a script Python cannot parse on stderr, `FILE:LINE:COL: MESSAGE` (or
//! `FILE:LINE: MESSAGE` without a column; COL 1-based, in characters, from
//! `SyntaxError.offset`) followed by the source line and a caret line.
//! Both come from pyflakes' `reporter.py` (`flake`, `syntaxError`,
//! `unexpectedError`) and `messages.py` (`Message.__str__`).

use std::io::Write;
use std::path::Path;
use std::process::Command;

use autoheal_engine::Severity;
use autoheal_engine::external::{Script, ScriptChecker, ScriptFinding, ScriptLanguage};
use rayon::prelude::*;

use crate::{BATCH, ScriptProgram, over_size_cap, process};

/// Marks a [`ScriptProgram`] as pyflakes.
pub enum PyflakesKind {}

/// pyflakes, for the `pyflakes` rule.
pub type Pyflakes = ScriptProgram<PyflakesKind>;

/// The pyflakes every front end runs for `config`: the installed one,
/// unless the config turns it off (`pyflakes: false`).
pub fn for_config(config: &autoheal_engine::config::Config) -> Option<&'static Pyflakes> {
    installed().filter(|_| config.pyflakes)
}

/// The installed pyflakes, looked up once per process.
pub fn installed() -> Option<&'static Pyflakes> {
    static FOUND: std::sync::OnceLock<Option<Pyflakes>> = std::sync::OnceLock::new();
    FOUND.get_or_init(Pyflakes::find).as_ref()
}

impl Pyflakes {
    /// `pyflakes` from `PATH`, if installed (`pip install pyflakes`), else
    /// `pyflakes3`, the name Debian's and Ubuntu's `python3-pyflakes`
    /// package installs it under. With the deadline the environment sets.
    pub fn find() -> Option<Pyflakes> {
        crate::on_path("pyflakes")
            .or_else(|| crate::on_path("pyflakes3"))
            .map(|p| Pyflakes::at(p).with_timeout(crate::timeout_from_env()))
    }

    fn run_batch(&self, dir: &Path, batch: &[(usize, &Script)]) -> Vec<ScriptFinding> {
        let mut files = Vec::with_capacity(batch.len());
        for (index, script) in batch {
            let file = dir.join(format!("{index}.py"));
            let written = std::fs::File::create(&file).and_then(|mut f| f.write_all(script.text.as_bytes()));
            if written.is_err() {
                return Vec::new();
            }
            files.push(file);
        }
        let mut cmd = Command::new(&self.program);
        cmd.args(&files);
        // pyflakes exits 1 when it has findings; only a process that did not
        // finish is a failure.
        let Some((stdout, stderr)) = process::outputs_within(cmd, self.timeout) else {
            return Vec::new();
        };
        let script_of = |file: &str| -> Option<(usize, &Script)> {
            let pos = files.iter().position(|f| Path::new(file) == f.as_path())?;
            Some(batch[pos])
        };
        let mut findings = Vec::new();
        for (output, syntax) in [(&stdout, false), (&stderr, true)] {
            for line in String::from_utf8_lossy(output).lines() {
                // Continuation lines (a syntax error's source and caret) name
                // no file of the batch and are skipped.
                let Some(reported) = parse_line(line, |file| script_of(file).is_some()) else {
                    continue;
                };
                let Some((index, script)) = script_of(reported.file) else {
                    continue;
                };
                let Some(start) = offset(&script.text, reported.line, reported.column, syntax) else {
                    continue;
                };
                findings.push(ScriptFinding {
                    script: index,
                    start,
                    end: start,
                    severity: if syntax { Severity::Error } else { Severity::Warning },
                    code: String::new(),
                    message: reported.message.to_string(),
                });
            }
        }
        findings
    }
}

impl ScriptChecker for Pyflakes {
    fn check(&self, scripts: &[Script]) -> Vec<ScriptFinding> {
        let python: Vec<(usize, &Script)> = scripts
            .iter()
            .enumerate()
            .filter(|(_, s)| s.language == ScriptLanguage::Python && !over_size_cap(s))
            .collect();
        if python.is_empty() {
            return Vec::new();
        }
        let Some(dir) = process::TempDir::new("autoheal-pyflakes") else {
            return Vec::new();
        };
        let mut findings: Vec<ScriptFinding> = python
            .par_chunks(BATCH)
            .flat_map_iter(|batch| self.run_batch(dir.path(), batch))
            .collect();
        findings.sort_by_key(|f| (f.script, f.start));
        findings
    }
}

/// One line of pyflakes' output, split.
#[derive(Debug, PartialEq, Eq)]
struct Reported<'a> {
    file: &'a str,
    line: usize,
    /// `None` when pyflakes printed none (some syntax errors).
    column: Option<usize>,
    message: &'a str,
}

/// `FILE:LINE:COL: MESSAGE` or `FILE:LINE: MESSAGE`, where FILE is one the
/// batch passed (`is_file`: file names may hold `:` on some systems, so the
/// name is found by trying each `:` in turn).
fn parse_line<'a>(text: &'a str, is_file: impl Fn(&str) -> bool) -> Option<Reported<'a>> {
    let (file, rest) = text
        .match_indices(':')
        .map(|(i, _)| (&text[..i], &text[i + 1..]))
        .find(|(file, _)| is_file(file))?;
    let (line, rest) = rest.split_once(':')?;
    let line = line.parse::<usize>().ok()?;
    let (column, message) = match rest.split_once(':') {
        Some((col, message)) if !col.is_empty() && col.bytes().all(|b| b.is_ascii_digit()) => {
            (col.parse::<usize>().ok(), message)
        }
        _ => (None, rest),
    };
    Some(Reported {
        file,
        line,
        column,
        message: message.trim(),
    })
}

/// pyflakes' 1-based line and column as a byte offset into `text`: a byte
/// column for its findings, a character column for syntax errors (see the
/// module's documentation); past the end of the line is the line's end,
/// no column is the line's start.
fn offset(text: &str, line: usize, column: Option<usize>, characters: bool) -> Option<usize> {
    let line_start = if line <= 1 {
        0
    } else {
        text.match_indices('\n').nth(line - 2).map(|(i, _)| i + 1)?
    };
    let rest = &text[line_start..];
    let line_len = rest.find('\n').unwrap_or(rest.len());
    let this_line = &rest[..line_len];
    let col = column.unwrap_or(1).saturating_sub(1);
    let within = if characters {
        this_line.char_indices().nth(col).map_or(line_len, |(i, _)| i)
    } else {
        // A byte column inside a character moves back to its start.
        let mut at = col.min(line_len);
        while !this_line.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    Some(line_start + within)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_with_and_without_a_column_are_read_and_others_skipped() {
        let ours = |f: &str| f == "/tmp/a:b/0.py";
        assert_eq!(
            parse_line("/tmp/a:b/0.py:2:7: undefined name 'x'", ours),
            Some(Reported {
                file: "/tmp/a:b/0.py",
                line: 2,
                column: Some(7),
                message: "undefined name 'x'"
            })
        );
        assert_eq!(
            parse_line("/tmp/a:b/0.py:1: source code string cannot contain null bytes", ours),
            Some(Reported {
                file: "/tmp/a:b/0.py",
                line: 1,
                column: None,
                message: "source code string cannot contain null bytes"
            })
        );
        assert_eq!(parse_line("    def f(:", ours), None);
        assert_eq!(parse_line("/tmp/other.py:1:1: x", ours), None);
        assert_eq!(parse_line("/tmp/a:b/0.py: problem decoding source", ours), None);
    }

    #[test]
    fn finding_columns_are_bytes_and_syntax_error_columns_characters() {
        let text = "import os\nprint(\"é\", undefined)\n";
        let name = text.find("undefined").unwrap();
        // pyflakes' column for `undefined` counts `é` as two bytes.
        assert_eq!(offset(text, 2, Some(name - 10 + 1), false), Some(name));
        assert_eq!(offset(text, 2, Some(12), true), Some(name));
        assert_eq!(offset(text, 2, Some(99), true), Some(text.len() - 1));
        assert_eq!(offset(text, 2, Some(9), false), Some(text.find('é').unwrap()));
        assert_eq!(offset(text, 1, None, true), Some(0));
        assert_eq!(offset(text, 9, Some(1), false), None);
    }

    #[test]
    fn real_pyflakes_findings_and_syntax_errors_come_back_for_each_script() {
        let Some(checker) = Pyflakes::find() else {
            eprintln!("pyflakes is not installed; skipping");
            return;
        };
        let script = |text: &str| Script {
            language: ScriptLanguage::Python,
            text: text.into(),
            offset: 0,
        };
        let mut scripts: Vec<Script> = (0..20)
            .map(|i| script(&format!("# {i}\nimport os\nprint(\"é\", undefined_{i})\n")))
            .collect();
        scripts[3] = script("import sys\ndef f(:\n    pass\n");
        scripts[5] = script("print('fine')\n");
        scripts[8].language = ScriptLanguage::Bash;
        let findings = checker.check(&scripts);
        let undefined: Vec<&ScriptFinding> = findings
            .iter()
            .filter(|f| f.message.starts_with("undefined name"))
            .collect();
        assert_eq!(undefined.len(), 17, "{findings:#?}");
        assert!(undefined.iter().all(|f| ![3, 5, 8].contains(&f.script)));
        let first = undefined.iter().find(|f| f.script == 0).unwrap();
        assert_eq!(&scripts[0].text[first.start..][..11], "undefined_0");
        assert_eq!(first.severity, Severity::Warning);
        assert_eq!(first.message, "undefined name 'undefined_0'");
        let unused = findings
            .iter()
            .find(|f| f.script == 0 && f.message.contains("imported but unused"));
        assert_eq!(unused.map(|f| &scripts[0].text[f.start..][..9]), Some("import os"));
        let syntax: Vec<&ScriptFinding> = findings.iter().filter(|f| f.script == 3).collect();
        assert_eq!(syntax.len(), 1, "{syntax:#?}");
        assert_eq!(syntax[0].severity, Severity::Error);
        assert_eq!(&scripts[3].text[syntax[0].start..][..1], ":");
    }
}
