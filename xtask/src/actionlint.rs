//! `cargo xtask eval actionlint`: run every folder of actionlint's test data
//! (`../shared/corpus/actionlint-testdata`) through the engine.
//!
//! - Cases with expectations (`err/*.yaml` with `*.out`, `format/test.yaml`
//!   with `test.jsonl`): an expected line counts as found when autoheal
//!   reports an error or warning on that line of that file (shellcheck's
//!   and pyflakes' findings count at any severity: autoheal reports their
//!   advice as info). The lines of shellcheck or pyflakes are excluded when
//!   that program is not installed. Line 0
//!   (actionlint's position for a YAML error its parser did not place)
//!   counts as found when autoheal reports a YAML error anywhere in the file.
//!   actionlint places a finding inside a block scalar (`run: |`,
//!   `script: >`) on the line of the block's `|`/`>` indicator, and one
//!   inside any other multi-line scalar on its first line, where autoheal
//!   points at the line it is on: such a finding of autoheal's flags that
//!   line too (shellcheck's and pyflakes' as well: actionlint reports them
//!   at the `run:` key; see docs/accuracy.md).
//! - Cases that are valid (`ok/`, `bench/`, the valid reusable workflow
//!   metadata): every error-severity finding of every default rule counts
//!   against us, the security audits' too (they are errors only for likely
//!   exploits, which a valid test workflow should not hold).
//! - Everything else (`config/`, `find_project/`, `action_metadata/`, whose
//!   files are parser fixtures naming scripts that are not there, and broken
//!   metadata without an expectation file) is linted and its findings
//!   printed, unscored.
//!
//! Design/check split: in every folder (`err/` included) the files at even
//! positions of the folder's sorted listing are the design half, the files
//! at odd positions the check half, looked at only to check. Both halves'
//! figures are printed apart; the recorded floor covers their total.
//!
//! Each half also counts the expected lines found only through the
//! block-scalar convention above (autoheal's finding is on another line of
//! the block, actionlint's on the indicator line), so the share that
//! depends on it is known.
//!
//! The run fails when the share of expected lines found or the count of
//! errors on valid files is worse than the figures recorded in
//! `docs/accuracy.md` (its `eval-actionlint-floor` block, read by `floor`).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use autoheal_engine::config::Config;
use autoheal_engine::external::ScriptChecker;
use autoheal_engine::lint::{LintOptions, lint};
use autoheal_engine::repo::MemoryRepo;
use autoheal_engine::{Diagnostic, LineIndex, Severity};

/// actionlint's `credentials` kind is autoheal's `hardcoded-container-credentials`
/// rule (written by the security work); the mapping is informational: lines
/// are matched by position.
const KIND_NOTES: &[(&str, &str)] = &[("credentials", "hardcoded-container-credentials")];

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Half {
    Design,
    Check,
}

impl Half {
    fn name(self) -> &'static str {
        match self {
            Half::Design => "design",
            Half::Check => "check",
        }
    }
}

#[derive(Default)]
struct Tally {
    expected: usize,
    found: usize,
    /// Found only at the first line of a multi-line scalar (a block's
    /// indicator line), not at autoheal's own line.
    at_indicator_only: usize,
    ok_files: usize,
    ok_errors: usize,
}

struct Expected {
    line: u32,
    kind: String,
}

fn kind_of(line: &str) -> String {
    let l = line.trim_end().trim_end_matches('/').trim_end_matches('$');
    let l = l.strip_suffix("\\]").or_else(|| l.strip_suffix(']')).unwrap_or(l);
    let open = l.rfind("\\[").map(|i| i + 2).or_else(|| l.rfind('[').map(|i| i + 1));
    open.map(|i| l[i..].to_string()).unwrap_or_default()
}

/// Expected lines of a `.out` file: `test.yaml:12:3: … [kind]`, or the same
/// as a regular expression (`/test\.yaml:12:3: … \[kind\]/`).
fn out_expectations(out: &str) -> Vec<Expected> {
    let mut v = Vec::new();
    for l in out.lines() {
        let t = l.trim().trim_start_matches('/');
        if t.is_empty() {
            continue;
        }
        let mut parts = t.splitn(3, ':');
        let _file = parts.next();
        if let Some(n) = parts.next().and_then(|n| n.parse::<u32>().ok()) {
            v.push(Expected {
                line: n,
                kind: kind_of(t),
            });
        }
    }
    v
}

/// Expected lines of actionlint's JSON-lines output (`format/test.jsonl`).
fn jsonl_expectations(text: &str) -> Vec<Expected> {
    text.lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| {
            Some(Expected {
                line: u32::try_from(v.get("line")?.as_u64()?).ok()?,
                kind: v.get("kind")?.as_str()?.to_string(),
            })
        })
        .collect()
}

/// A repository view of a folder: every text file under it.
pub(crate) fn folder_repo(dir: &Path) -> MemoryRepo {
    let files = crate::files_under(dir, &[""]);
    MemoryRepo::new(files.into_iter().filter_map(|f| {
        let rel = f.strip_prefix(dir).ok()?.to_string_lossy().replace('\\', "/");
        let text = std::fs::read_to_string(&f).ok()?;
        Some((rel, text))
    }))
}

struct Linter<'a> {
    config: Config,
    checker: Option<&'a dyn ScriptChecker>,
    python_checker: Option<&'a dyn ScriptChecker>,
}

impl Linter<'_> {
    fn lint(&self, logical: &str, bytes: &[u8], repo: &MemoryRepo) -> Vec<Diagnostic> {
        let opts = LintOptions {
            repo,
            script_checker: self.checker,
            python_checker: self.python_checker,
            ..LintOptions::new(&self.config)
        };
        lint(logical, bytes, &opts)
    }
}

/// A scalar written over several lines, where actionlint places findings
/// about its content on the line the scalar starts on.
pub(crate) struct MultiLine {
    /// The bytes of its content (after a block scalar's `|`/`>` header).
    content: std::ops::Range<usize>,
    /// The (1-based) line it starts on: a block scalar's indicator line,
    /// which is also the line of its `run:` key, where actionlint puts
    /// shellcheck's and pyflakes' findings.
    start_line: u32,
}

/// Every string scalar of `text` that spans more than one line.
pub(crate) fn multi_line_scalars(text: &str, idx: &LineIndex) -> Vec<MultiLine> {
    let doc = autoheal_engine::yaml::parse(text.as_bytes());
    let mut out = Vec::new();
    if let Some(root) = &doc.root {
        root.walk(&mut |n| {
            if n.as_str().is_none() || n.alias.is_some() || n.span.is_empty() {
                return;
            }
            let start_line = idx.line_column(text, n.span.start).line;
            if idx.line_column(text, n.span.end).line == start_line {
                return;
            }
            let block = matches!(text.as_bytes().get(n.span.start), Some(b'|' | b'>'));
            out.push(MultiLine {
                content: if block {
                    n.span.start + 1..n.span.end
                } else {
                    n.span.start..n.span.end
                },
                start_line,
            });
        });
    }
    out
}

/// The line actionlint reports a finding of autoheal's on, when it differs
/// from autoheal's own: the first line of the multi-line scalar the finding
/// is in (shellcheck's and pyflakes' findings included: actionlint reports them at the
/// `run:` key).
pub(crate) fn actionlint_line(d: &Diagnostic, scalars: &[MultiLine]) -> Option<u32> {
    scalars
        .iter()
        .find(|s| s.content.contains(&d.range.start))
        .map(|s| s.start_line)
}

pub(crate) fn counts_as_flag(d: &Diagnostic) -> bool {
    d.severity >= Severity::Warning
        || d.code == autoheal_engine::rules::shell::SHELLCHECK
        || d.code == autoheal_engine::rules::pyflakes::FINDING
        || d.code == autoheal_engine::rules::pyflakes::SYNTAX_ERROR
}

pub fn run(corpus: &Path) -> anyhow::Result<()> {
    let base = corpus.join("actionlint-testdata");
    let shellcheck = autoheal_shellcheck::installed();
    let pyflakes = autoheal_shellcheck::pyflakes::installed();
    let linter = Linter {
        config: Config::default(),
        checker: shellcheck.map(|s| s as &dyn ScriptChecker),
        python_checker: pyflakes.map(|p| p as &dyn ScriptChecker),
    };
    let mut excluded_kinds: Vec<&str> = Vec::new();
    if shellcheck.is_none() {
        println!("note: shellcheck is not installed; its expected lines are excluded");
        excluded_kinds.push("shellcheck");
    }
    if pyflakes.is_none() {
        println!("note: pyflakes is not installed; its expected lines are excluded");
        excluded_kinds.push("pyflakes");
    }
    let mut tallies = [Tally::default(), Tally::default()];
    let tally = |h: Half| if h == Half::Design { 0 } else { 1 };

    // Cases with expectations.
    let err_dir = base.join("err");
    let err_repo = folder_repo(&err_dir);
    let mut expectation_cases: Vec<(PathBuf, Vec<Expected>, Half, String, MemoryRepo)> = Vec::new();
    for yaml in crate::files_under(&err_dir, &[".yaml", ".yml"]) {
        if yaml.parent() != Some(err_dir.as_path()) {
            continue;
        }
        let Ok(out) = std::fs::read_to_string(yaml.with_extension("out")) else {
            continue;
        };
        let logical = format!(".github/workflows/{}", file_name(&yaml));
        let half = split_half(&base, &yaml);
        expectation_cases.push((yaml, out_expectations(&out), half, logical, err_repo.clone()));
    }
    let format_yaml = base.join("format/test.yaml");
    if let Ok(jsonl) = std::fs::read_to_string(base.join("format/test.jsonl")) {
        let half = split_half(&base, &format_yaml);
        expectation_cases.push((
            format_yaml,
            jsonl_expectations(&jsonl),
            half,
            ".github/workflows/test.yaml".into(),
            MemoryRepo::default(),
        ));
    }
    println!("== cases with expected lines");
    let mut missed_kinds: std::collections::BTreeMap<String, usize> = Default::default();
    for (path, expected, half, logical, repo) in &expectation_cases {
        let bytes = std::fs::read(path)?;
        let text = String::from_utf8_lossy(&bytes);
        let idx = LineIndex::new(&text);
        let diagnostics = linter.lint(logical, &bytes, repo);
        // Lines autoheal's own findings are on, and the first lines of the
        // multi-line scalars they are inside (actionlint's convention).
        let exact: BTreeSet<u32> = diagnostics
            .iter()
            .filter(|d| counts_as_flag(d))
            .map(|d| idx.line_column(&text, d.range.start).line)
            .collect();
        let scalars = multi_line_scalars(&text, &idx);
        let indicator: BTreeSet<u32> = diagnostics
            .iter()
            .filter(|d| counts_as_flag(d))
            .filter_map(|d| actionlint_line(d, &scalars))
            .collect();
        let mut flagged: BTreeSet<u32> = exact.union(&indicator).copied().collect();
        // actionlint says `0:0` when its YAML library gave no position (an
        // undefined alias): it is a finding about the file, found when
        // autoheal reports a YAML error anywhere in it.
        if diagnostics
            .iter()
            .any(|d| d.rule == "syntax" && d.severity == Severity::Error)
        {
            flagged.insert(0);
        }
        let mut lines: Vec<(u32, String)> = expected
            .iter()
            .filter(|e| !excluded_kinds.contains(&e.kind.as_str()))
            .map(|e| (e.line, e.kind.clone()))
            .collect();
        lines.sort();
        lines.dedup_by_key(|(l, _)| *l);
        let t = &mut tallies[tally(*half)];
        let found: Vec<&(u32, String)> = lines.iter().filter(|(l, _)| flagged.contains(l)).collect();
        let via_indicator: Vec<String> = found
            .iter()
            .filter(|(l, _)| *l != 0 && !exact.contains(l) && indicator.contains(l))
            .map(|(l, _)| l.to_string())
            .collect();
        t.expected += lines.len();
        t.found += found.len();
        t.at_indicator_only += via_indicator.len();
        let missed: Vec<String> = lines
            .iter()
            .filter(|(l, _)| !flagged.contains(l))
            .map(|(l, k)| {
                *missed_kinds.entry(k.clone()).or_default() += 1;
                format!("{l} [{k}]")
            })
            .collect();
        let status = if missed.is_empty() { "ok  " } else { "MISS" };
        println!(
            "{status} [{}] {}: {}/{}{}{}",
            half.name(),
            rel(&base, path),
            found.len(),
            lines.len(),
            if missed.is_empty() {
                String::new()
            } else {
                format!("; missed lines {}", missed.join(", "))
            },
            if via_indicator.is_empty() {
                String::new()
            } else {
                format!("; found only at the block indicator line {}", via_indicator.join(", "))
            }
        );
    }

    // Valid cases.
    println!("== valid cases (error-severity findings count against us)");
    let mut valid: Vec<(PathBuf, Half, String, MemoryRepo)> = Vec::new();
    let ok_dir = base.join("ok");
    let ok_repo = folder_repo(&ok_dir);
    for yaml in crate::files_under(&ok_dir, &[".yaml", ".yml"]) {
        let half = split_half(&base, &yaml);
        valid.push((
            yaml.clone(),
            half,
            format!(".github/workflows/{}", file_name(&yaml)),
            ok_repo.clone(),
        ));
    }
    for yaml in crate::files_under(&base.join("bench"), &[".yaml", ".yml"]) {
        let half = split_half(&base, &yaml);
        valid.push((
            yaml.clone(),
            half,
            format!(".github/workflows/{}", file_name(&yaml)),
            MemoryRepo::default(),
        ));
    }
    let reusable = base.join("reusable_workflow_metadata/ok.yaml");
    if reusable.is_file() {
        valid.push((
            reusable.clone(),
            split_half(&base, &reusable),
            ".github/workflows/ok.yaml".into(),
            MemoryRepo::default(),
        ));
    }
    for (path, half, logical, repo) in &valid {
        let bytes = std::fs::read(path)?;
        let text = String::from_utf8_lossy(&bytes);
        let idx = LineIndex::new(&text);
        let errors: Vec<String> = linter
            .lint(logical, &bytes, repo)
            .into_iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| {
                let p = idx.line_column(&text, d.range.start);
                format!("{}:{}: {} [{}]", p.line, p.column, d.message, d.code)
            })
            .collect();
        let t = &mut tallies[tally(*half)];
        t.ok_files += 1;
        t.ok_errors += errors.len();
        if errors.is_empty() {
            println!("ok   [{}] {}", half.name(), rel(&base, path));
        } else {
            println!("FAIL [{}] {}: {} errors", half.name(), rel(&base, path), errors.len());
            for e in errors {
                println!("       {e}");
            }
        }
    }

    // Unscored cases.
    println!("== other cases (findings shown, not scored)");
    let scored: BTreeSet<PathBuf> = expectation_cases
        .iter()
        .map(|c| c.0.clone())
        .chain(valid.iter().map(|c| c.0.clone()))
        .collect();
    for yaml in crate::files_under(&base, &[".yaml", ".yml"]) {
        if scored.contains(&yaml) || yaml.starts_with(&err_dir) {
            continue;
        }
        let root = project_root(&base, &yaml);
        let repo = folder_repo(&root);
        let logical = yaml
            .strip_prefix(&root)
            .map(|p| p.to_string_lossy().replace('\\', "/"))
            .unwrap_or_default();
        let bytes = std::fs::read(&yaml)?;
        let text = String::from_utf8_lossy(&bytes);
        let idx = LineIndex::new(&text);
        let found: Vec<String> = linter
            .lint(&logical, &bytes, &repo)
            .into_iter()
            .filter(|d| d.severity >= Severity::Warning)
            .map(|d| {
                let p = idx.line_column(&text, d.range.start);
                format!("{}:{} [{}]", p.line, p.column, d.code)
            })
            .collect();
        println!(
            "info [{}] {}: {}",
            split_half(&base, &yaml).name(),
            rel(&base, &yaml),
            if found.is_empty() {
                "no findings".into()
            } else {
                found.join(", ")
            }
        );
    }

    println!("== totals");
    for (half, t) in [(Half::Design, &tallies[0]), (Half::Check, &tallies[1])] {
        println!(
            "{}: {}/{} expected lines found ({:.1}%), {} of them only at a block's indicator line; {} error findings on {} valid files",
            half.name(),
            t.found,
            t.expected,
            100.0 * ratio(t.found, t.expected),
            t.at_indicator_only,
            t.ok_errors,
            t.ok_files
        );
    }
    let found = tallies[0].found + tallies[1].found;
    let expected = tallies[0].expected + tallies[1].expected;
    let ok_errors = tallies[0].ok_errors + tallies[1].ok_errors;
    println!(
        "all: {found}/{expected} expected lines found ({:.1}%), {} of them only at a block's indicator line; {ok_errors} error findings on {} valid files",
        100.0 * ratio(found, expected),
        tallies[0].at_indicator_only + tallies[1].at_indicator_only,
        tallies[0].ok_files + tallies[1].ok_files
    );
    if !missed_kinds.is_empty() {
        let summary: Vec<String> = missed_kinds.iter().map(|(k, n)| format!("{k} {n}")).collect();
        println!("missed by kind: {}", summary.join(", "));
    }
    for (theirs, ours) in KIND_NOTES {
        println!("note: actionlint's `{theirs}` kind is autoheal's `{ours}` rule");
    }
    check_recorded(ratio(found, expected), ok_errors, shellcheck.is_some())
}

fn ratio(a: usize, b: usize) -> f64 {
    a as f64 / b.max(1) as f64
}

/// Fail when the figures are worse than those recorded in docs/accuracy.md.
fn check_recorded(found: f64, ok_errors: usize, with_shellcheck: bool) -> anyhow::Result<()> {
    let doc = crate::workspace_root().join("docs/accuracy.md");
    let [min_found, max_errors] =
        crate::floor::read_figures::<f64, 2>(&doc, "eval-actionlint-floor", ["found", "ok_errors_at_most"])?;
    // Without shellcheck its lines are excluded; the share is comparable.
    let _ = with_shellcheck;
    if found + 1e-9 < min_found || ok_errors as f64 > max_errors {
        anyhow::bail!(
            "eval actionlint dropped below the recorded figures: found {found:.3} (recorded {min_found}), errors on valid files {ok_errors} (recorded {max_errors})"
        );
    }
    println!("recorded figures held: found ≥ {min_found}, errors on valid files ≤ {max_errors}");
    Ok(())
}

/// Even positions of the folder's sorted `.yaml`/`.yml` files are design,
/// odd positions check (the same rule for `err/` and every other folder).
fn split_half(base: &Path, file: &Path) -> Half {
    let Ok(relative) = file.strip_prefix(base) else {
        return Half::Design;
    };
    let Some(folder) = relative.components().next() else {
        return Half::Design;
    };
    let folder = base.join(folder.as_os_str());
    let files = crate::files_under(&folder, &[".yaml", ".yml"]);
    match files.iter().position(|f| f == file) {
        Some(i) if i % 2 == 1 => Half::Check,
        _ => Half::Design,
    }
}

/// The directory a file's `./` references resolve from: the nearest
/// ancestor holding `.github`, else its own folder.
fn project_root(base: &Path, file: &Path) -> PathBuf {
    let mut dir = file.parent().unwrap_or(base).to_path_buf();
    while dir.starts_with(base) {
        if dir.join(".github").is_dir() {
            return dir;
        }
        if !dir.pop() {
            break;
        }
    }
    file.parent().unwrap_or(base).to_path_buf()
}

fn file_name(p: &Path) -> String {
    p.file_name().unwrap_or_default().to_string_lossy().into_owned()
}

fn rel(base: &Path, p: &Path) -> String {
    p.strip_prefix(base).unwrap_or(p).to_string_lossy().into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expectations_are_read_from_plain_and_regex_lines() {
        let out = "test.yaml:12:3: unknown [syntax-check]\n/test\\.yaml:4:1: x \\[expression\\]/\n";
        let e = out_expectations(out);
        assert_eq!(
            e.iter().map(|e| (e.line, e.kind.as_str())).collect::<Vec<_>>(),
            [(12, "syntax-check"), (4, "expression")]
        );
        let j = jsonl_expectations("{\"line\":3,\"kind\":\"syntax-check\"}\nnot json\n");
        assert_eq!(j.len(), 1);
        assert_eq!(j[0].line, 3);
    }

    #[test]
    fn multi_line_scalars_are_found_with_their_first_line() {
        let text = "on: push\njobs:\n  a:\n    steps:\n      - run: |\n          echo ${{ x }}\n      - run: plain\n      - with:\n          script: >-\n            a\n          other: two\n            lines\n";
        let idx = LineIndex::new(text);
        let found = multi_line_scalars(text, &idx);
        assert_eq!(found.iter().map(|s| s.start_line).collect::<Vec<_>>(), [5, 9, 11]);
        let inside = text.find("${{").unwrap();
        assert!(found[0].content.contains(&inside));
        assert!(!found.iter().any(|s| s.content.contains(&text.find("plain").unwrap())));
    }

    #[test]
    fn the_split_takes_odd_positions_of_every_folder_as_check() {
        let base = std::env::temp_dir().join(format!("autoheal-split-{}", std::process::id()));
        for f in ["err/a.yaml", "err/b.yaml", "err/c.yaml", "ok/x.yaml", "ok/y.yml"] {
            let p = base.join(f);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(&p, "on: push\n").unwrap();
        }
        let halves: Vec<Half> = ["err/a.yaml", "err/b.yaml", "err/c.yaml", "ok/x.yaml", "ok/y.yml"]
            .iter()
            .map(|f| split_half(&base, &base.join(f)))
            .collect();
        let _ = std::fs::remove_dir_all(&base);
        assert_eq!(
            halves,
            [Half::Design, Half::Check, Half::Design, Half::Design, Half::Check]
        );
    }
}
