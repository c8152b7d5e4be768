//! `cargo xtask bench expr`: the expression layer alone over real workflows.
//! Every `${{ }}` of every file is found, parsed, type-checked (with the
//! availability of a `run:` key) and searched for untrusted inputs. Reads
//! `../shared/corpus/workflows` when it exists and generated workflows
//! otherwise, so it runs in a fresh clone.

use std::path::Path;
use std::time::Instant;

use autoheal_expr::{Checker, Scope, availability, check_template};

/// Timed passes over the files; the best one is reported.
const RUNS: usize = 10;

/// Generated workflows of the corpus's size, for a clone without the corpus:
/// untrusted inputs, `format`, and a condition of several operators.
fn synthetic() -> Vec<String> {
    let step = "      - run: echo '${{ github.event.issue.title }}' ${{ format('{0}-{1}', matrix.os, steps.build.outputs.version) }}\n        if: ${{ success() && contains(github.ref, 'main') || startsWith(github.head_ref, 'release/') }}\n";
    (0..1286)
        .map(|i| format!("name: w{i}\njobs:\n  build:\n    steps:\n{}", step.repeat(6)))
        .collect()
}

pub fn run(corpus: Option<&Path>) -> anyhow::Result<()> {
    let mut files: Vec<String> = corpus
        .map(|c| crate::files_under(&c.join("workflows"), &[".yml", ".yaml"]))
        .unwrap_or_default()
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    let source = if files.is_empty() {
        files = synthetic();
        "synthetic"
    } else {
        "corpus"
    };
    let scope = Scope::new();
    let checker = Checker::new(&scope).with_availability(availability("jobs.<job_id>.steps.run"));
    let mut best = f64::MAX;
    let mut expressions = 0;
    for _ in 0..RUNS {
        let start = Instant::now();
        expressions = 0;
        for text in &files {
            let checked = check_template(text, &checker);
            expressions += checked.expressions.len();
            std::hint::black_box(checked.untrusted_inputs());
            std::hint::black_box(checked.template_value_errors());
        }
        best = best.min(start.elapsed().as_secs_f64());
    }
    println!(
        "{source}: {} files, {expressions} expressions: best of {RUNS} runs {:.2} ms ({:.2} µs per expression)",
        files.len(),
        best * 1e3,
        best * 1e6 / expressions.max(1) as f64
    );
    Ok(())
}
