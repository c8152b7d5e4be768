//! `cargo xtask bench`: the corpus benchmark recorded in docs/performance.md.

use std::path::Path;
use std::time::Instant;

use autoheal_engine::config::Config;
use autoheal_engine::lint::{LintOptions, lint};
use rayon::prelude::*;

pub fn run(corpus: &Path, args: &[&str]) -> anyhow::Result<()> {
    let runs: usize = args.first().and_then(|a| a.parse().ok()).unwrap_or(15);
    let files: Vec<(String, Vec<u8>)> = crate::files_under(&corpus.join("workflows"), &[".yml", ".yaml"])
        .into_iter()
        .filter_map(|p| Some((p.to_string_lossy().into_owned(), std::fs::read(&p).ok()?)))
        .collect();
    let bytes: usize = files.iter().map(|(_, b)| b.len()).sum();
    let config = Config::default();
    // What plain `autoheal check` does: human output shows safe fixes only.
    let opts = LintOptions {
        fixes: autoheal_engine::FixSelection::SafeOnly,
        ..LintOptions::new(&config)
    };
    let mut times = Vec::with_capacity(runs);
    let mut diagnostics = 0;
    for _ in 0..runs {
        let start = Instant::now();
        // The same work `autoheal check` does per file: parse, every rule,
        // verification of the fixes it shows; files in parallel.
        diagnostics = files
            .par_iter()
            .map(|(path, b)| lint(path, b, &opts).len())
            .sum::<usize>();
        times.push(start.elapsed().as_secs_f64());
    }
    times.sort_by(f64::total_cmp);
    let median = times[times.len() / 2];
    println!(
        "lint corpus: {} files, {:.1} MB, {} runs on {} threads; median {:.3} s (min {:.3}, max {:.3}); {:.0} files/s, {:.1} MB/s; {} diagnostics",
        files.len(),
        bytes as f64 / 1e6,
        runs,
        rayon::current_num_threads(),
        median,
        times[0],
        times[times.len() - 1],
        files.len() as f64 / median,
        bytes as f64 / 1e6 / median,
        diagnostics
    );
    Ok(())
}
