//! Accuracy figures against `../shared/corpus`: actionlint's golden tests
//! (share of expected error lines also flagged; findings on `ok/` cases) and
//! error-severity findings on real workflows and actions, which are probably
//! false positives. Ignored by default (it prints figures rather than
//! asserting them); it skips cleanly when the corpus is missing:
//!
//! `cargo test -p autoheal-engine --test corpus_eval -- --ignored --nocapture`

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use autoheal_engine::{Config, LineIndex, LintOptions, Severity, lint};

fn corpus() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus");
    dir.is_dir().then_some(dir)
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|x| x == "yml" || x == "yaml") {
            out.push(p);
        }
    }
}

/// `(line, column)` of each expected line of an actionlint `.out` file.
fn expected_positions(out: &str) -> Vec<(usize, usize, String)> {
    out.lines()
        .filter_map(|l| {
            let l = l.trim_start_matches('/');
            let rest = &l[l.find(".yaml:")? + 6..];
            let mut it = rest.splitn(3, ':');
            let line = it.next()?.parse().ok()?;
            let col = it.next()?.parse().ok()?;
            Some((line, col, l.to_string()))
        })
        .collect()
}

fn lint_as_workflow(name: &str, src: &[u8]) -> Vec<(usize, usize, String, &'static str, Severity)> {
    let config = Config::default();
    let text = String::from_utf8_lossy(src).into_owned();
    let idx = LineIndex::new(&text);
    lint(&format!(".github/workflows/{name}"), src, &LintOptions::new(&config))
        .into_iter()
        .map(|d| {
            let p = idx.line_column(&text, d.range.start);
            (p.line as usize, p.column as usize, d.message, d.rule, d.severity)
        })
        .collect()
}

#[test]
#[ignore = "prints accuracy figures; needs ../shared/corpus"]
fn actionlint_testdata_and_real_corpus() {
    let Some(root) = corpus() else {
        eprintln!("corpus missing; skipped");
        return;
    };
    let verbose = std::env::var("EVAL_VERBOSE").is_ok();
    let only_kind = std::env::var("EVAL_KIND").ok();
    let (mut expected, mut same_pos, mut same_line) = (0usize, 0usize, 0usize);
    let mut missed_by_kind: BTreeMap<String, usize> = BTreeMap::new();
    let mut err_cases = Vec::new();
    files(&root.join("actionlint-testdata/err"), &mut err_cases);
    err_cases.sort();
    for case in &err_cases {
        let Ok(src) = std::fs::read(case) else { continue };
        let Ok(out) = std::fs::read_to_string(case.with_extension("out")) else {
            continue;
        };
        let got = lint_as_workflow("test.yaml", &src);
        for (line, col, text) in expected_positions(&out) {
            let text = text.replace('\\', "");
            let kind = text
                .rsplit('[')
                .next()
                .unwrap_or("")
                .trim_end_matches([']', '/'])
                .to_string();
            if text.contains("[shellcheck]") || text.contains("[pyflakes]") {
                continue;
            }
            expected += 1;
            if got.iter().any(|g| g.0 == line && g.1 == col) {
                same_pos += 1;
            }
            if got.iter().any(|g| g.0 == line) {
                same_line += 1;
            } else {
                *missed_by_kind.entry(kind.clone()).or_default() += 1;
                if verbose && only_kind.as_deref().is_none_or(|k| k == kind) {
                    eprintln!(
                        "MISS {}: {text}",
                        case.file_name().unwrap_or_default().to_string_lossy()
                    );
                }
            }
        }
    }
    let pct = |a: usize, b: usize| if b == 0 { 0.0 } else { 100.0 * a as f64 / b as f64 };
    eprintln!(
        "actionlint err/: {expected} expected lines; same line {same_line} ({:.1}%), same line:col {same_pos} ({:.1}%)",
        pct(same_line, expected),
        pct(same_pos, expected)
    );
    eprintln!("missed by kind: {missed_by_kind:?}");

    let mut ok_cases = Vec::new();
    files(&root.join("actionlint-testdata/ok"), &mut ok_cases);
    let mut ok_errors = 0;
    for case in &ok_cases {
        let Ok(src) = std::fs::read(case) else { continue };
        for g in lint_as_workflow("test.yaml", &src)
            .into_iter()
            .filter(|g| g.4 == Severity::Error)
        {
            ok_errors += 1;
            eprintln!("OK-CASE FINDING {}:{}:{}: {} [{}]", case.display(), g.0, g.1, g.2, g.3);
        }
    }
    eprintln!("actionlint ok/: {} cases, {ok_errors} error findings", ok_cases.len());

    for (sub, as_action) in [("workflows", false), ("actions", true)] {
        let mut list = Vec::new();
        files(&root.join(sub), &mut list);
        let mut by_rule: BTreeMap<&str, usize> = BTreeMap::new();
        let started = std::time::Instant::now();
        for f in &list {
            let Ok(src) = std::fs::read(f) else { continue };
            let name = f.file_name().unwrap_or_default().to_string_lossy().to_string();
            let name = if as_action { "action.yml".to_string() } else { name };
            let path = if as_action {
                name.clone()
            } else {
                format!(".github/workflows/{name}")
            };
            let text = String::from_utf8_lossy(&src).into_owned();
            let idx = LineIndex::new(&text);
            let mut config = Config::default();
            for id in std::env::var("EVAL_OFF")
                .unwrap_or_default()
                .split(',')
                .filter(|s| !s.is_empty())
            {
                config
                    .rules
                    .insert(id.to_string(), autoheal_engine::config::RuleSetting::Off);
            }
            let opts = LintOptions {
                verify_fixes: std::env::var("EVAL_NO_VERIFY").is_err(),
                ..LintOptions::new(&config)
            };
            for d in lint(&path, &src, &opts) {
                if d.severity != Severity::Error {
                    continue;
                }
                *by_rule.entry(d.rule).or_default() += 1;
                let p = idx.line_column(&text, d.range.start);
                eprintln!(
                    "CORPUS {}:{}:{}: {} [{}]",
                    f.display(),
                    p.line,
                    p.column,
                    d.message,
                    d.rule
                );
            }
        }
        eprintln!(
            "{sub}: {} files in {:?} (one thread, incl. reading), error findings by rule: {by_rule:?}",
            list.len(),
            started.elapsed()
        );
    }
}
