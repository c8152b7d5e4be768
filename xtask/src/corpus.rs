//! `cargo xtask eval corpus`: every real workflow and action must lint
//! without a panic; error-severity findings are listed for review.

use std::collections::BTreeMap;
use std::path::Path;

use autoheal_engine::config::Config;
use autoheal_engine::lint::{LintOptions, lint};
use autoheal_engine::{LineIndex, Severity};

pub fn run(corpus: &Path) -> anyhow::Result<()> {
    let config = Config::default();
    let opts = LintOptions::new(&config);
    let mut panics = Vec::new();
    let mut by_rule: BTreeMap<(&str, Severity), usize> = BTreeMap::new();
    let mut errors = Vec::new();
    let mut total = 0;
    for sub in ["workflows", "actions"] {
        for path in crate::files_under(&corpus.join(sub), &[".yml", ".yaml"]) {
            let bytes = std::fs::read(&path)?;
            let shown = path
                .strip_prefix(corpus)
                .unwrap_or(&path)
                .to_string_lossy()
                .into_owned();
            // Corpus names flatten paths (`.github__workflows__ci.yml`); give
            // the engine the real shape so file kinds are detected.
            let logical = shown.replace("__", "/");
            total += 1;
            match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| lint(&logical, &bytes, &opts))) {
                Err(_) => panics.push(shown),
                Ok(diags) => {
                    let text = String::from_utf8_lossy(&bytes);
                    let idx = LineIndex::new(&text);
                    for d in diags {
                        *by_rule.entry((d.rule, d.severity)).or_default() += 1;
                        if d.severity == Severity::Error {
                            let p = idx.line_column(&text, d.range.start);
                            errors.push(format!("{shown}:{}:{}: {} [{}]", p.line, p.column, d.message, d.rule));
                        }
                    }
                }
            }
        }
    }
    println!("linted {total} files; {} panics", panics.len());
    for p in &panics {
        println!("PANIC {p}");
    }
    println!("findings by rule and severity:");
    for ((rule, sev), n) in &by_rule {
        println!("  {rule:<24} {sev:<8} {n}");
    }
    println!("error-severity findings ({}):", errors.len());
    for e in &errors {
        println!("  {e}");
    }
    if !panics.is_empty() {
        anyhow::bail!("{} files panicked", panics.len());
    }
    Ok(())
}
