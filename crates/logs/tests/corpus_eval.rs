//! Measures accuracy on the shared corpus of real failure logs when it is
//! present (it is not part of the repository); skips cleanly otherwise.

use std::path::Path;

use autoheal_logs::Options;
use autoheal_logs::eval::evaluate;

#[test]
fn corpus_accuracy() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/failure-logs");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("corpus not found at {}; skipping", dir.display());
        return;
    };
    let mut cases = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().and_then(|e| e.to_str()) != Some("log") {
            continue;
        }
        let (Ok(log), Ok(sidecar)) = (
            std::fs::read(&path),
            std::fs::read_to_string(path.with_extension("json")),
        ) else {
            continue;
        };
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_string();
        cases.push((name, log, sidecar));
    }
    cases.sort();
    let report = evaluate(
        cases.iter().map(|(n, l, s)| (n.as_str(), l.as_slice(), s.as_str())),
        &Options::default(),
    );
    for c in &report.cases {
        let mark = if c.category_ok { "ok " } else { "BAD" };
        eprintln!(
            "{mark} {:60} expected {:18} got {:18} subject {:?} (expected {:?}){}",
            c.name,
            c.expected_category,
            c.predicted_category,
            c.predicted_subject,
            c.expected_detail,
            if c.fix_offered_on_none { " FIX-ON-NONE" } else { "" }
        );
    }
    eprintln!("{}", report.summary());
    assert_eq!(report.fixes_on_none, 0, "a fix was offered on a `none` case");
}
