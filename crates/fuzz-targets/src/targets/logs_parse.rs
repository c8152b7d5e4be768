//! Any bytes as a text log (raw API, web-UI copy, `gh run view --log`
//! columns or annotations JSON), in memory and streamed, with and without a
//! workflow to map onto: never panics.

use autoheal_logs::{Analyzer, LogFile, LogInput, Options, WorkflowFile};

const WORKFLOW: &str = "on: push\njobs:\n  test:\n    timeout-minutes: 5\n    steps:\n      - run: |\n          echo a\n          pytest --cov\n";

pub const DICTIONARY: &[&str] = &[
    "2024-05-02T10:15:00.1234567Z ",
    "##[group]Run ",
    "##[endgroup]\n",
    "##[error]",
    "##[warning]",
    "::error file=a.py,line=3::",
    "::group::",
    "Process completed with exit code 1.",
    "ModuleNotFoundError: No module named '",
    "'\n",
    "command not found\n",
    "API rate limit exceeded",
    "toomanyrequests",
    "The job running on runner ",
    "has exceeded the maximum execution time of ",
    " minutes.",
    "No such file or directory",
    "E   ",
    "Traceback (most recent call last):\n",
    "  File \"x.py\", line 1\n",
    "test\tRun tests\t",
    "[{\"message\": \"",
    "\"annotation_level\": \"failure\"",
    "\n",
    "\r\n",
    "\u{1b}[31m",
    "\t",
];

pub fn seeds() -> Vec<Vec<u8>> {
    let mut seeds: Vec<Vec<u8>> = [
        "2024-05-02T10:15:00.1Z ##[group]Run pip install pytest\n2024-05-02T10:15:00.2Z ##[endgroup]\n2024-05-02T10:15:01.0Z ##[group]Run python -m pytest -q\n2024-05-02T10:15:01.1Z ##[endgroup]\n2024-05-02T10:15:02.1Z E   ModuleNotFoundError: No module named 'yaml'\n2024-05-02T10:15:03.1Z ##[error]Process completed with exit code 2.\n",
        "Run make build\n  make build\n  shell: /usr/bin/bash -e {0}\n/home/runner/work/_temp/x.sh: line 1: jq: command not found\nError: Process completed with exit code 127.\n",
        "build\tRun tests\t2024-05-02T10:15:00.1Z ./scripts/test.sh: No such file or directory\n",
        "[{\"path\": \".github\", \"start_line\": 1, \"end_line\": 1, \"annotation_level\": \"failure\", \"message\": \"The job running on runner GitHub Actions 7 has exceeded the maximum execution time of 30 minutes.\"}]",
        "{\"annotations\": [{\"message\": \"x\"}]}",
        crate::hostile::RATE_LIMIT_IN_TESTS,
    ]
    .iter()
    .map(|t| t.as_bytes().to_vec())
    .collect();
    seeds.push(crate::hostile::many_missing_modules(2_000).into_bytes());
    seeds.push(vec![0; 200_000]);
    seeds.push(format!("E   {}\n", "x".repeat(300_000)).into_bytes());
    seeds
}

thread_local! {
    /// Built once per thread: compiling the patterns is not what is fuzzed,
    /// and rebuilding it per input cost most of each execution.
    static ANALYZER: Option<Analyzer> = Analyzer::new(&Options::default()).ok();
}

pub fn run(data: &[u8]) {
    ANALYZER.with(|analyzer| {
        if let Some(analyzer) = analyzer {
            analyze(analyzer, data);
        }
    });
}

fn analyze(analyzer: &Analyzer, data: &[u8]) {
    let input = LogInput {
        logs: vec![LogFile {
            job: Some("test"),
            bytes: data,
        }],
        ..LogInput::default()
    };
    let _ = analyzer.analyze(&input);
    let mapped = LogInput {
        workflow: Some(WorkflowFile {
            path: ".github/workflows/ci.yml",
            text: WORKFLOW,
        }),
        ..input
    };
    let _ = analyzer.analyze(&mapped);
    let mut session = analyzer.session().with_text_limit(64 << 10);
    if session.add_text_reader(None, data).is_ok() {
        let _ = session.finish(None, None);
    }
    let _ = autoheal_logs::annotations::parse_annotations(data);
}
