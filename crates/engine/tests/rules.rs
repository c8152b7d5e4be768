//! Snapshot tests per rule, in ruff's shape: every fixture
//! `tests/rules/<rule-id>/<case>.yml` is linted as a workflow (or, named
//! `<case>.action.yml`, as action metadata), and the findings of that rule,
//! each with its code, severity (and an audit's rating and confidence), the
//! source it points at and the diff of every fix it offers, are compared with the reviewed snapshot in
//! `tests/snapshots/`. A `<case>.autoheal.yml` beside a fixture is its
//! configuration.
//!
//! Beside the snapshots: every finding carries one of its rule's declared
//! codes, every rule has fixtures, and every declared code is shown by one
//! (except the few in `NOT_SHOWN_BY_ONE_FILE`, which need more than a file).
//!
//! Fixtures are linted with a fake pyflakes ([`FakePyflakes`]), so the
//! `pyflakes` rule's mapping and filtering are shown without the program.
//!
//! After changing a rule: `cargo insta test -p autoheal-engine --test rules`
//! (or `INSTA_UPDATE=always cargo test …`), then review every changed
//! snapshot: a snapshot that asserts wrong output is a defect.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

use autoheal_engine::config::Config;
use autoheal_engine::external::{Script, ScriptChecker, ScriptFinding, ScriptLanguage};
use autoheal_engine::fix::apply_edits;
use autoheal_engine::lint::{LintOptions, lint};
use autoheal_engine::rules::{RULES, Rule};
use autoheal_engine::text::LineIndex;
use autoheal_engine::{Confidence, Diagnostic, Fix, Severity};

const CONFIG_SUFFIX: &str = ".autoheal.yml";

/// Codes a fixture (one UTF-8 file, linted alone) cannot show, and why.
/// Their tests are beside their rules.
const NOT_SHOWN_BY_ONE_FILE: &[(&str, &str)] = &[
    ("action/local-missing", "needs the repository's file listing"),
    ("action/local-metadata", "needs the local action's file"),
    ("action-metadata/missing-file", "needs the repository's file listing"),
    ("workflow-call/missing-callee", "needs the repository's file listing"),
    ("workflow-call/invalid-callee", "needs the called workflow's file"),
    ("workflow-call/not-reusable", "needs the called workflow's file"),
    ("workflow-call/unknown-input", "needs the called workflow's file"),
    ("workflow-call/input-type", "needs the called workflow's file"),
    ("workflow-call/missing-input", "needs the called workflow's file"),
    ("workflow-call/unknown-secret", "needs the called workflow's file"),
    ("workflow-call/missing-secret", "needs the called workflow's file"),
    ("workflow-call/unknown-output", "needs the called workflow's file"),
    ("workflow-call/permissions", "needs the called workflow's file"),
    ("shell/shellcheck", "needs the shellcheck program"),
    ("syntax/encoding", "needs bytes that are not UTF-8"),
    ("syntax/limit", "needs a file over the parser's budgets"),
    ("syntax/unreadable", "needs a file that cannot be read"),
];

#[test]
fn fixtures() {
    let mut shown: BTreeMap<&'static str, BTreeSet<&'static str>> = BTreeMap::new();
    insta::glob!("rules/*/*.yml", |path| {
        let name = path.file_name().and_then(|n| n.to_str()).expect("UTF-8 file name");
        if name.ends_with(CONFIG_SUFFIX) {
            return;
        }
        let rule_id = path
            .parent()
            .and_then(Path::file_name)
            .and_then(|n| n.to_str())
            .expect("a rule folder");
        let rule = rule(rule_id);
        let source = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let config = config_beside(path);
        let lint_path = if name.ends_with(".action.yml") {
            "action.yml".to_string()
        } else {
            format!(".github/workflows/{name}")
        };
        let opts = LintOptions {
            python_checker: Some(&FakePyflakes),
            ..LintOptions::new(&config)
        };
        let diagnostics: Vec<Diagnostic> = lint(&lint_path, source.as_bytes(), &opts)
            .into_iter()
            .filter(|d| d.rule == rule.id)
            .collect();
        for d in &diagnostics {
            assert!(
                rule.emits(d.code),
                "{}: {} is not a code of {}",
                path.display(),
                d.code,
                rule.id
            );
            shown.entry(rule.id).or_default().insert(d.code);
        }
        insta::assert_snapshot!(render(&lint_path, &source, &diagnostics));
    });
    let without_fixtures: Vec<&str> = RULES
        .iter()
        .map(|r| r.id)
        .filter(|id| !shown.contains_key(id))
        .collect();
    assert!(
        without_fixtures.is_empty(),
        "rules without a fixture that finds something: {without_fixtures:?}"
    );
    let missing: Vec<&str> = RULES
        .iter()
        .flat_map(|r| r.codes.iter())
        .filter(|c| !shown.values().any(|codes| codes.contains(*c)))
        .filter(|c| !NOT_SHOWN_BY_ONE_FILE.iter().any(|(code, _)| code == *c))
        .copied()
        .collect();
    assert!(missing.is_empty(), "no fixture shows {missing:?}");
    for (code, why) in NOT_SHOWN_BY_ONE_FILE {
        assert!(
            RULES.iter().any(|r| r.emits(code)),
            "{code} ({why}) is not a declared code"
        );
        assert!(
            !shown.values().any(|codes| codes.contains(code)),
            "{code} is shown by a fixture: remove it from NOT_SHOWN_BY_ONE_FILE"
        );
    }
}

/// A stand-in for pyflakes, in its message wording, that needs no Python:
/// every name starting with `undefined` or made of underscores (what a
/// `${{ }}` placeholder looks like) is an undefined name; `import x` on a
/// line of its own is unused when `x` appears nowhere else; `(:` is a
/// syntax error. It checks Python scripts only, as the real one does.
struct FakePyflakes;

impl ScriptChecker for FakePyflakes {
    fn check(&self, scripts: &[Script]) -> Vec<ScriptFinding> {
        let mut out = Vec::new();
        for (i, script) in scripts.iter().enumerate() {
            assert_eq!(script.language, ScriptLanguage::Python);
            let text = &script.text;
            let mut finding = |start: usize, severity: Severity, message: String| {
                out.push(ScriptFinding {
                    script: i,
                    start,
                    end: start,
                    severity,
                    code: String::new(),
                    message,
                });
            };
            if let Some(at) = text.find("(:") {
                finding(at + 1, Severity::Error, "invalid syntax".into());
                continue;
            }
            let names = names(text);
            for &(at, name) in &names {
                if name.starts_with("undefined") || name.bytes().all(|b| b == b'_') {
                    finding(at, Severity::Warning, format!("undefined name '{name}'"));
                }
            }
            let mut line_start = 0;
            for line in text.split('\n') {
                let indent = line.len() - line.trim_start().len();
                if let Some(module) = line.trim().strip_prefix("import ")
                    && names.iter().filter(|(_, n)| *n == module.trim()).count() == 1
                {
                    finding(
                        line_start + indent,
                        Severity::Warning,
                        format!("'{}' imported but unused", module.trim()),
                    );
                }
                line_start += line.len() + 1;
            }
        }
        out
    }
}

/// Every identifier of `text` with its byte offset.
fn names(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        let word = c.is_alphanumeric() || c == '_';
        match (start, word) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                if !text[s..].starts_with(|c: char| c.is_ascii_digit()) {
                    out.push((s, &text[s..i]));
                }
                start = None;
            }
            _ => {}
        }
    }
    out
}

fn rule(id: &str) -> &'static Rule {
    RULES
        .iter()
        .copied()
        .find(|r| r.id == id)
        .unwrap_or_else(|| panic!("tests/rules/{id}/ is not named after a rule"))
}

fn config_beside(fixture: &Path) -> Config {
    let stem = fixture
        .file_name()
        .and_then(|n| n.to_str())
        .and_then(|n| n.strip_suffix(".yml"))
        .expect("a .yml fixture");
    let path = fixture.with_file_name(format!("{stem}{CONFIG_SUFFIX}"));
    let Ok(text) = std::fs::read_to_string(&path) else {
        return Config::default();
    };
    let ids: Vec<&str> = RULES.iter().map(|r| r.id).collect();
    let (config, problems) = Config::parse(".github/autoheal.yml", text.as_bytes(), &ids);
    assert!(problems.is_empty(), "{}: {problems:?}", path.display());
    config
}

/// Each finding: where, severity, code and message; the source line under
/// it with the range marked; its labels; each fix as a diff of the lines it
/// changes.
fn render(path: &str, source: &str, diagnostics: &[Diagnostic]) -> String {
    let index = LineIndex::new(source);
    let lines: Vec<&str> = source.split('\n').collect();
    let mut out = String::new();
    if diagnostics.is_empty() {
        out.push_str("(no findings)\n");
    }
    for d in diagnostics {
        let at = index.line_column(source, d.range.start);
        writeln!(
            out,
            "{}:{}: {} {}{}: {}",
            at.line,
            at.column,
            d.severity.as_str(),
            d.code,
            rating(d),
            d.message
        )
        .unwrap();
        mark(&mut out, &index, source, &lines, d.range.start, d.range.end);
        for label in &d.labels {
            let l = index.line_column(source, label.range.start);
            writeln!(out, "  label {}:{}: {}", l.line, l.column, label.message).unwrap();
        }
        for fix in &d.fixes {
            render_fix(&mut out, path, source, fix);
        }
        out.push('\n');
    }
    common::redact_data_date(&out)
}

/// How sure the rule is, and the audit's rating, where they say more than
/// the default (high confidence, no audit rating): ` (audit high,
/// confidence medium)`.
fn rating(d: &Diagnostic) -> String {
    let mut parts = Vec::new();
    if let Some(audit) = d.audit_severity {
        parts.push(format!("audit {}", audit.as_str()));
    }
    if d.audit_severity.is_some() || d.confidence != Confidence::default() {
        parts.push(format!("confidence {}", d.confidence.as_str()));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!(" ({})", parts.join(", "))
    }
}

/// The line of `start`, and a caret line under `start..end` (to the end of
/// that line when the range goes on).
fn mark(out: &mut String, index: &LineIndex, source: &str, lines: &[&str], start: usize, end: usize) {
    let at = index.line_column(source, start);
    let Some(line) = lines.get(at.line as usize - 1) else {
        return;
    };
    let line = line.trim_end_matches('\r');
    let line_start = start - (at.column as usize - 1).min(start);
    let from = start - line_start;
    let to = (end.max(start + 1) - line_start).min(line.len().max(from + 1));
    let pad: String = line[..from.min(line.len())]
        .chars()
        .map(|c| if c == '\t' { '\t' } else { ' ' })
        .collect();
    let width = line.get(from..to).map_or(1, |s| s.chars().count().max(1));
    writeln!(out, "  | {line}").unwrap();
    writeln!(out, "  | {pad}{}", "^".repeat(width)).unwrap();
}

fn render_fix(out: &mut String, path: &str, source: &str, fix: &Fix) {
    let applicability = format!("{:?}", fix.applicability).to_lowercase();
    writeln!(out, "  fix ({applicability}): {}", fix.title).unwrap();
    let edits: Vec<_> = fix.edits.iter().filter(|e| e.path == path).collect();
    let fixed = match apply_edits(path, source, &edits) {
        Ok(fixed) => fixed,
        Err(e) => {
            writeln!(out, "    does not apply: {e:?}").unwrap();
            return;
        }
    };
    let old: Vec<&str> = source.split_inclusive('\n').collect();
    let new: Vec<&str> = fixed.split_inclusive('\n').collect();
    let prefix = old.iter().zip(&new).take_while(|(a, b)| a == b).count();
    let suffix = old[prefix..]
        .iter()
        .rev()
        .zip(new[prefix..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    for (sign, lines) in [
        ('-', &old[prefix..old.len() - suffix]),
        ('+', &new[prefix..new.len() - suffix]),
    ] {
        for (n, line) in lines.iter().enumerate() {
            let line = line.trim_end_matches(['\n', '\r']);
            writeln!(out, "    {:>3} {sign} {line}", prefix + n + 1).unwrap();
        }
    }
}
