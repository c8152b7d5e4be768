//! `cargo xtask eval actionlint`: run actionlint's own golden tests.
//! An expected error line counts as found when autoheal reports an error or
//! warning on the same line of the same file.

use std::collections::BTreeSet;
use std::path::Path;

use autoheal_engine::config::Config;
use autoheal_engine::lint::{LintOptions, lint};
use autoheal_engine::{LineIndex, Severity};

/// Kinds that need an external tool autoheal does not run itself.
const EXTERNAL: &[&str] = &["shellcheck", "pyflakes"];

fn expected_lines(out: &str) -> (BTreeSet<u32>, usize) {
    let mut lines = BTreeSet::new();
    let mut skipped = 0;
    for l in out.lines() {
        let l = l.trim().trim_start_matches('/');
        if l.is_empty() {
            continue;
        }
        if EXTERNAL
            .iter()
            .any(|k| l.contains(&format!("[{k}]")) || l.contains(&format!("\\[{k}\\]")))
        {
            skipped += 1;
            continue;
        }
        // `test.yaml:12:3: …` or the regex form `test\.yaml:12:3: …`.
        let mut parts = l.splitn(3, ':');
        let _file = parts.next();
        if let Some(n) = parts.next().and_then(|n| n.parse::<u32>().ok()) {
            lines.insert(n);
        }
    }
    (lines, skipped)
}

pub fn run(corpus: &Path) -> anyhow::Result<()> {
    let base = corpus.join("actionlint-testdata");
    let config = Config::default();
    let opts = LintOptions::new(&config);
    let mut expected_total = 0;
    let mut found_total = 0;
    let mut skipped_total = 0;
    let mut missed = Vec::new();
    for yaml in crate::files_under(&base.join("err"), &[".yaml", ".yml"]) {
        let Ok(out) = std::fs::read_to_string(yaml.with_extension("out")) else {
            continue;
        };
        let (expected, skipped) = expected_lines(&out);
        skipped_total += skipped;
        let bytes = std::fs::read(&yaml)?;
        let text = String::from_utf8_lossy(&bytes);
        let idx = LineIndex::new(&text);
        let name = yaml.file_name().unwrap_or_default().to_string_lossy().into_owned();
        let logical = format!(".github/workflows/{name}");
        let flagged: BTreeSet<u32> = lint(&logical, &bytes, &opts)
            .iter()
            .filter(|d| d.severity >= Severity::Warning)
            .map(|d| idx.line_column(&text, d.range.start).line)
            .collect();
        for line in &expected {
            expected_total += 1;
            if flagged.contains(line) {
                found_total += 1;
            } else {
                missed.push(format!("{name}:{line}"));
            }
        }
    }
    let mut ok_findings = Vec::new();
    let mut ok_files = 0;
    for yaml in crate::files_under(&base.join("ok"), &[".yaml", ".yml"]) {
        ok_files += 1;
        let bytes = std::fs::read(&yaml)?;
        let text = String::from_utf8_lossy(&bytes);
        let idx = LineIndex::new(&text);
        let name = yaml.file_name().unwrap_or_default().to_string_lossy().into_owned();
        for d in lint(&format!(".github/workflows/{name}"), &bytes, &opts) {
            if d.severity == Severity::Error {
                let p = idx.line_column(&text, d.range.start);
                ok_findings.push(format!("{name}:{}:{}: {} [{}]", p.line, p.column, d.message, d.rule));
            }
        }
    }
    println!(
        "err/: {found_total}/{expected_total} expected error lines flagged ({:.1}%); {skipped_total} lines need shellcheck/pyflakes and are excluded",
        100.0 * found_total as f64 / expected_total.max(1) as f64
    );
    println!("ok/: {} error-severity findings on {ok_files} files", ok_findings.len());
    for f in &ok_findings {
        println!("  {f}");
    }
    if std::env::var_os("VERBOSE").is_some() {
        println!("missed:");
        for m in &missed {
            println!("  {m}");
        }
    }
    Ok(())
}
