//! `--format json`; the schema is documented in docs/json-output.md.

use std::io::Write;

use autoheal_engine::LineIndex;
use autoheal_engine::json::{fix_json_in, range_json};
use serde_json::{Value, json};

use crate::check::FileReport;

pub fn diagnostics_json(reports: &[FileReport]) -> Value {
    let mut diags = Vec::new();
    for rep in reports {
        let index = LineIndex::new(&rep.source);
        for d in &rep.diagnostics {
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
            diags.push(diag);
        }
    }
    json!({"version": 1, "diagnostics": diags})
}

pub fn write(out: &mut dyn Write, reports: &[FileReport]) -> anyhow::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &diagnostics_json(reports))?;
    writeln!(out)?;
    Ok(())
}
