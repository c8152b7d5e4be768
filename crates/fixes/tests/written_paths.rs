//! A `FileNotFoundError` for a path the program was writing (review91 H2):
//! Python raises it when the path's directory does not exist, and such an
//! output did not move, so it must never be "found where it moved" onto a
//! tracked file of the same name. A read of a moved input keeps its fix.

use autoheal_engine::repo::MemoryRepo;
use autoheal_fixes::{FailureInput, fixes_for};

const PATH: &str = ".github/workflows/ci.yml";

fn analysis(log: &str, workflow: &str) -> autoheal_logs::Analysis {
    crate::workflow_variants::analysis_of_job("eval", log, workflow)
}

fn log(command: &str, source: &str, path: &str) -> String {
    format!(
        "2026-12-07T01:31:06.8010000Z ##[group]Run {command}
2026-12-07T01:31:06.8380000Z {command}
2026-12-07T01:31:06.8750000Z shell: /usr/bin/bash -e {{0}}
2026-12-07T01:31:06.9120000Z ##[endgroup]
2026-12-07T01:31:07.0970000Z accuracy: 0.913
2026-12-07T01:31:07.0980000Z Traceback (most recent call last):
2026-12-07T01:31:07.1000000Z   File \"/home/runner/work/soilnet/soilnet/evaluate.py\", line 41, in <module>
2026-12-07T01:31:07.1010000Z     {source}
2026-12-07T01:31:07.1020000Z          ^^^^^^^^^^^^^^^^^^^
2026-12-07T01:31:07.1030000Z FileNotFoundError: [Errno 2] No such file or directory: '{path}'
2026-12-07T01:31:07.2000000Z ##[error]Process completed with exit code 1.
"
    )
}

fn workflow(command: &str) -> String {
    format!(
        "name: ci\non: push\njobs:\n  eval:\n    runs-on: ubuntu-24.04\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-python@v5\n        with:\n          python-version: \"3.11\"\n      - run: python -m pip install -e .\n      - run: {command}\n"
    )
}

/// Titles of the fixes offered (fallbacks left out), with their applicability.
fn fixes(command: &str, source: &str, path: &str) -> (bool, Vec<String>) {
    let workflow = workflow(command);
    let analysis = analysis(&log(command, source, path), &workflow);
    let root = analysis.root_cause().expect("a failure");
    let repo = MemoryRepo::new([
        (PATH.to_string(), workflow.clone()),
        ("evaluate.py".to_string(), "import argparse\n".to_string()),
        (
            "pyproject.toml".to_string(),
            "[project]\nname = \"soilnet\"\n".to_string(),
        ),
        // The paper's committed copies.
        ("paper/results/metrics.json".to_string(), "{}\n".to_string()),
        ("paper/results/confusion.json".to_string(), "{}\n".to_string()),
        ("paper/main.tex".to_string(), "\\documentclass{article}\n".to_string()),
    ]);
    let outcome = fixes_for(&FailureInput::from(root), PATH, &workflow, &repo);
    let titles = outcome
        .fixes
        .iter()
        .filter(|f| !f.fallback)
        .map(|f| format!("{:?} {}", f.applicability, f.title))
        .collect();
    (root.fixable, titles)
}

#[test]
fn an_output_option_path_is_not_moved_onto_a_tracked_file() {
    let (fixable, titles) = fixes(
        "python evaluate.py --model model.pt --out results/metrics.json",
        "with open(args.out, \"w\") as f:",
        "results/metrics.json",
    );
    assert!(!fixable, "{titles:?}");
    assert!(
        titles.iter().all(|t| !t.contains("paper/results/metrics.json")),
        "{titles:?}"
    );
}

#[test]
fn a_written_positional_path_is_not_moved_either() {
    let (fixable, titles) = fixes(
        "python evaluate.py model.pt results/metrics.json",
        "df.to_json(out_path)",
        "results/metrics.json",
    );
    assert!(!fixable, "{titles:?}");
    assert!(
        titles.iter().all(|t| !t.contains("paper/results/metrics.json")),
        "{titles:?}"
    );
}

#[test]
fn a_read_of_a_moved_input_keeps_its_fix() {
    let (fixable, titles) = fixes(
        "python evaluate.py --config results/metrics.json",
        "with open(args.config) as f:",
        "results/metrics.json",
    );
    assert!(fixable, "{titles:?}");
    assert!(
        titles.iter().any(|t| t.contains("paper/results/metrics.json")),
        "{titles:?}"
    );
}
