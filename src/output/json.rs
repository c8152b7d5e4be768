//! `--format json`; the schema is documented in docs/json-output.md.

use std::io::Write;

use autoheal_engine::LineIndex;
use autoheal_engine::json::{fix_json_in, range_json};
use serde_json::{Value, json};

use crate::check::FileReport;

/// The whole document as one value: the slow path the tests compare with.
#[cfg(test)]
pub fn diagnostics_json(reports: &[FileReport]) -> Value {
    let diags: Vec<Value> = reports.iter().flat_map(file_diagnostics).collect();
    json!({"version": 1, "diagnostics": diags})
}

/// One file's entries of `diagnostics`.
fn file_diagnostics(rep: &FileReport) -> Vec<Value> {
    let index = LineIndex::new(&rep.source);
    rep.diagnostics
        .iter()
        .map(|d| {
            // The file's own index: a fix's edits are (almost always) in it.
            let range_of = |p: &str, r| (p == rep.path).then(|| range_json(&index, &rep.source, r));
            let fixes: Vec<Value> = d.fixes.iter().map(|f| fix_json_in(f, &range_of)).collect();
            let mut diag = json!({
                "path": rep.path,
                "rule": d.rule,
                "code": d.code,
                "severity": d.severity,
                "confidence": d.confidence,
                "message": d.message,
                "range": range_json(&index, &rep.source, d.range),
                "labels": d.labels.iter().map(|l| json!({"message": l.message, "range": range_json(&index, &rep.source, l.range)})).collect::<Vec<_>>(),
                "fixes": fixes,
            });
            if let Some(audit) = d.audit_severity {
                diag["audit_severity"] = json!(audit);
            }
            diag
        })
        .collect()
}

pub fn write(out: &mut dyn Write, reports: &[FileReport]) -> anyhow::Result<()> {
    let skeleton = json!({"version": 1, "diagnostics": super::ITEMS});
    super::write_pretty_with_items(out, &skeleton, reports, &file_diagnostics)
}
