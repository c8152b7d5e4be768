//! `cargo xtask bench rules [RUNS]`: where the lint's time goes, in process,
//! on one thread, in CPU time (this thread's time on a CPU, which other
//! processes' load does not inflate, unlike wall time): parsing alone, each rule alone (the lint
//! with only that rule on, less the lint with every rule off), and fix
//! verification for the fixes human output shows (safe) and the ones JSON
//! and SARIF show (all), with the number of re-lints it takes.
//!
//! The timers live here, not in the engine: a rule is timed by turning the
//! others off in the config, the way a user would.

use std::cell::Cell;
use std::path::Path;

use autoheal_engine::config::{Config, RuleSetting};
use autoheal_engine::lint::{self, FixSelection, LintOptions, lint_parsed};
use autoheal_engine::rules::RULES;
use autoheal_engine::yaml;

use crate::bench::median;

pub fn run(corpus: &Path, runs: usize) -> anyhow::Result<()> {
    let paths = crate::files_under(&corpus.join("workflows"), &[".yml", ".yaml"]);
    let files: Vec<(String, String)> = paths
        .iter()
        .filter_map(|p| {
            let text = String::from_utf8(std::fs::read(p).ok()?).ok()?;
            Some((p.to_string_lossy().into_owned(), text))
        })
        .collect();
    println!(
        "{} files, one thread, CPU time, median of {runs} runs; load average at start: {}",
        files.len(),
        crate::bench::load()
    );
    let time = |f: &dyn Fn()| {
        let mut times: Vec<f64> = (0..runs)
            .map(|_| {
                let start = cpu_seconds();
                f();
                cpu_seconds() - start
            })
            .collect();
        median(&mut times)
    };
    let parse = time(&|| {
        for (_, text) in &files {
            std::hint::black_box(yaml::parse(text.as_bytes()));
        }
    });
    let lint_with = |config: &Config| {
        let opts = LintOptions {
            verify_fixes: false,
            ..LintOptions::new(config)
        };
        for (path, text) in &files {
            std::hint::black_box(lint::lint(path, text.as_bytes(), &opts));
        }
    };
    let mut none = Config::default();
    for r in RULES {
        none.rules.insert(r.id.to_string(), RuleSetting::Off);
    }
    let bare = time(&|| lint_with(&none));
    let all = time(&|| lint_with(&Config::default()));
    println!("  parse only                {:>8.1} ms", parse * 1e3);
    println!("  lint, every rule off      {:>8.1} ms", bare * 1e3);
    println!("  lint, default rules       {:>8.1} ms (no fix verified)", all * 1e3);

    let mut rows: Vec<(&str, f64)> = RULES
        .iter()
        .map(|rule| {
            let mut only = none.clone();
            only.rules.remove(rule.id);
            only.rules.insert(rule.id.to_string(), RuleSetting::On(None));
            (rule.id, time(&|| lint_with(&only)) - bare)
        })
        .collect();
    rows.sort_by(|a, b| b.1.total_cmp(&a.1));
    let sum: f64 = rows.iter().map(|r| r.1).sum();
    println!(
        "  each rule alone (lint with only it on, less every rule off); sum {:.1} ms:",
        sum * 1e3
    );
    for (id, t) in &rows {
        println!("    {id:<34} {:>8.1} ms", t * 1e3);
    }

    for (label, selection) in [
        ("safe fixes (human)", FixSelection::SafeOnly),
        ("all fixes (json, sarif)", FixSelection::All),
    ] {
        let config = Config::default();
        let verified = LintOptions {
            fixes: selection,
            ..LintOptions::new(&config)
        };
        // Timed: `lint` itself, as `check` runs it.
        let t = time(&|| {
            for (path, text) in &files {
                std::hint::black_box(lint::lint(path, text.as_bytes(), &verified));
            }
        });
        // Counted: the same verification, with a re-lint that counts.
        let unverified = LintOptions {
            verify_fixes: false,
            ..verified
        };
        let (relints, offered) = (Cell::new(lint::Relints::default()), Cell::new(0usize));
        for (path, text) in &files {
            verify_file(path, text, &unverified, &relints, &offered);
        }
        println!(
            "  lint with verification, {label}: {:>8.1} ms; {} fixes offered, {} re-lints ({:.2} per file), {} of them on the original parse patched, {} rule runs skipped in them, {} with the expression rule scoped to some jobs",
            t * 1e3,
            offered.get(),
            relints.get().relints,
            relints.get().relints as f64 / files.len() as f64,
            relints.get().patched,
            relints.get().skipped,
            relints.get().scoped
        );
    }
    Ok(())
}

/// `lint::verify_all` on one file, counting its re-lints and the fixes
/// offered.
fn verify_file(path: &str, text: &str, opts: &LintOptions<'_>, relints: &Cell<lint::Relints>, offered: &Cell<usize>) {
    let doc = yaml::parse(text.as_bytes());
    let mut diags = lint_parsed(path, text, &doc, opts);
    match opts.fixes {
        FixSelection::SafeOnly => diags.iter_mut().for_each(|d| {
            d.fixes
                .retain(|f| f.applicability == autoheal_engine::Applicability::Safe)
        }),
        FixSelection::None => diags.iter_mut().for_each(|d| d.fixes.clear()),
        FixSelection::All => {}
    }
    offered.set(offered.get() + diags.iter().map(|d| d.fixes.len()).sum::<usize>());
    let n = lint::verify_all_counted(path, text, &doc, &mut diags, opts);
    let sum = relints.get();
    relints.set(lint::Relints {
        relints: sum.relints + n.relints,
        patched: sum.patched + n.patched,
        skipped: sum.skipped + n.skipped,
        scoped: sum.scoped + n.scoped,
    });
}

/// This thread's CPU time in seconds (`/proc/thread-self/schedstat`: the
/// nanoseconds it ran), falling back to wall time where that is missing.
fn cpu_seconds() -> f64 {
    static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<u64>().ok())
        .map_or_else(
            || START.get_or_init(std::time::Instant::now).elapsed().as_secs_f64(),
            |ns| ns as f64 / 1e9,
        )
}
