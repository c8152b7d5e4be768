//! What the integration tests share: analyzing one fixture log as the CLI
//! does (no workflow, default options).

use autoheal_logs::{Analysis, LogFile, LogInput, Options, analyze};

/// The analysis of `tests/fixtures/{name}`.
pub fn analyze_fixture(name: &str) -> Analysis {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let input = LogInput {
        logs: vec![LogFile {
            job: None,
            bytes: &bytes,
        }],
        ..LogInput::default()
    };
    analyze(&input, &Options::default()).expect("analyze")
}
