//! Times the expression layer over real workflows: every `${{ }}` of every file is found,
//! parsed, type-checked (with availability) and searched for untrusted inputs.
//!
//! `cargo bench -p autoheal-expr --bench corpus` reads `../shared/corpus/workflows` when it
//! exists (from the workspace root) and falls back to generated workflows otherwise.

use autoheal_expr::{Checker, Scope, availability, check_template};
use std::path::Path;
use std::time::Instant;

fn collect(dir: &Path, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "yml" || e == "yaml")
            && let Ok(text) = std::fs::read_to_string(&path)
        {
            out.push(text);
        }
    }
}

fn synthetic() -> Vec<String> {
    let step = "      - run: echo '${{ github.event.issue.title }}' ${{ format('{0}-{1}', matrix.os, steps.build.outputs.version) }}\n        if: ${{ success() && contains(github.ref, 'main') || startsWith(github.head_ref, 'release/') }}\n";
    (0..1286)
        .map(|i| format!("name: w{i}\njobs:\n  build:\n    steps:\n{}", step.repeat(6)))
        .collect()
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/workflows");
    let mut files = Vec::new();
    collect(&root, &mut files);
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
    for _ in 0..10 {
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
        "{source}: {} files, {expressions} expressions: best of 10 runs {:.2} ms ({:.2} µs per expression)",
        files.len(),
        best * 1e3,
        best * 1e6 / expressions.max(1) as f64
    );
}
