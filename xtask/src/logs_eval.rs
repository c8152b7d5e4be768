//! `cargo xtask eval fixes` over `../shared/corpus/failure-logs` (real log
//! excerpts with a sidecar giving the expected category).

use std::path::Path;

use autoheal_logs::{LogFile, LogInput, Options, analyze};

fn cases(corpus: &Path) -> anyhow::Result<Vec<(String, Vec<u8>, String)>> {
    let dir = corpus.join("failure-logs");
    let mut out = Vec::new();
    for log in crate::files_under(&dir, &[".log"]) {
        let Ok(sidecar) = std::fs::read_to_string(log.with_extension("json")) else {
            continue;
        };
        let name = log.file_stem().unwrap_or_default().to_string_lossy().into_owned();
        out.push((name, std::fs::read(&log)?, sidecar));
    }
    Ok(out)
}

pub fn fixes(corpus: &Path) -> anyhow::Result<()> {
    let mut fixable_cases = 0;
    let mut fixed = 0;
    let mut none_cases = 0;
    let mut none_fixed = 0;
    for (name, log, sidecar) in cases(corpus)? {
        let expected: serde_json::Value = serde_json::from_str(&sidecar)?;
        let expected = expected["expected_category"].as_str().unwrap_or("none").to_string();
        let input = LogInput {
            logs: vec![LogFile { job: None, bytes: &log }],
            ..LogInput::default()
        };
        let analysis = analyze(&input, &Options::default()).unwrap_or_default();
        // What a real run does: the diagnosed root cause goes to the fixer,
        // paired with the realistic workflow written for its category.
        let result = analysis.root_cause().filter(|f| f.fixable).map(|f| {
            let input = autoheal_fixes::FailureInput::from(f);
            let info = autoheal_fixes::eval::EvalInfo {
                timeout_minutes: input.timeout_minutes,
                rate_limit: input.rate_limit,
                line: input.line,
                column: input.column,
            };
            autoheal_fixes::eval::eval_case(f.category.as_str(), f.subject.as_deref(), &info)
        });
        let got_fix = result.as_ref().is_some_and(|r| r.fixed);
        if expected == "none" {
            none_cases += 1;
            none_fixed += usize::from(got_fix);
            if got_fix {
                println!("  {name}: FIX OFFERED on a `none` case");
            }
        } else {
            fixable_cases += 1;
            fixed += usize::from(got_fix);
            if !got_fix {
                let why = result
                    .and_then(|r| r.manual_reason)
                    .unwrap_or_else(|| "not diagnosed as fixable".into());
                println!("  {name} ({expected}): no verified fix: {why}");
            }
        }
    }
    println!(
        "fixable cases: {fixed}/{fixable_cases} produce a verified fix ({:.1}%); `none` cases: {none_fixed}/{none_cases} produce a fix",
        100.0 * fixed as f64 / fixable_cases.max(1) as f64
    );
    if none_fixed > 0 {
        anyhow::bail!("fixes were produced on `none` cases");
    }
    Ok(())
}
