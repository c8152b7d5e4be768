#![no_main]
//! Any bytes as a text log (raw API, web-UI copy, `gh run view --log` columns
//! or annotations JSON), with
//! and without a workflow to map onto: must never panic.

use autoheal_logs::{Analyzer, LogFile, LogInput, Options, WorkflowFile};
use libfuzzer_sys::fuzz_target;

const WORKFLOW: &str = "on: push\njobs:\n  test:\n    timeout-minutes: 5\n    steps:\n      - run: |\n          echo a\n          pytest --cov\n";

fuzz_target!(|data: &[u8]| {
    let Ok(analyzer) = Analyzer::new(&Options::default()) else { return };
    let input = LogInput { logs: vec![LogFile { job: Some("test"), bytes: data }], ..LogInput::default() };
    let _ = analyzer.analyze(&input);
    let mapped = LogInput { workflow: Some(WorkflowFile { path: ".github/workflows/ci.yml", text: WORKFLOW }), ..input };
    let _ = analyzer.analyze(&mapped);
    let _ = analyzer.analyze_reader(data, None);
    let _ = autoheal_logs::annotations::parse_annotations(data);
});
