//! `--format json`; the schema is documented in docs/json-output.md.

use std::io::Write;

use autoheal_engine::json::{FixJson, RangeJson};
use autoheal_engine::{AuditSeverity, Confidence, LineIndex, Severity};
use serde::Serialize;

use super::Items;
use crate::check::FileReport;

/// One entry of `diagnostics`; fields in alphabetical order, the order the
/// document has always printed its keys in (see [`autoheal_engine::json`]).
#[derive(Serialize)]
struct DiagnosticJson<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    audit_severity: Option<AuditSeverity>,
    code: &'a str,
    confidence: Confidence,
    fixes: Vec<FixJson<'a>>,
    labels: Vec<LabelJson<'a>>,
    message: &'a str,
    path: &'a str,
    range: RangeJson,
    rule: &'a str,
    severity: Severity,
}

#[derive(Serialize)]
struct LabelJson<'a> {
    message: &'a str,
    range: RangeJson,
}

/// One file's entries of `diagnostics`.
fn file_diagnostics(rep: &FileReport, items: &mut Items) {
    let index = LineIndex::new(&rep.source);
    let range = |r| RangeJson::new(&index, &rep.source, r);
    // The file's own index: a fix's edits are (almost always) in it.
    let edit_range = |p: &str, r| (p == rep.path).then(|| range(r));
    for d in &rep.diagnostics {
        items.push(&DiagnosticJson {
            audit_severity: d.audit_severity,
            code: d.code,
            confidence: d.confidence,
            fixes: d.fixes.iter().map(|f| FixJson::new(f, &edit_range)).collect(),
            labels: d
                .labels
                .iter()
                .map(|l| LabelJson {
                    message: &l.message,
                    range: range(l.range),
                })
                .collect(),
            message: &d.message,
            path: &rep.path,
            range: range(d.range),
            rule: d.rule,
            severity: d.severity,
        });
    }
}

pub fn write(out: &mut dyn Write, reports: &[FileReport]) -> anyhow::Result<()> {
    let skeleton = serde_json::json!({"version": 1, "diagnostics": super::ITEMS});
    super::write_pretty_with_items(out, &skeleton, reports, &file_diagnostics)
}

/// The document as the schema writes it, built as one `serde_json::Value`:
/// the slow path the output is compared with.
#[cfg(test)]
pub fn diagnostics_json(reports: &[FileReport]) -> serde_json::Value {
    use autoheal_engine::json::{fix_json, range_json};
    use serde_json::{Value, json};
    let mut diags = Vec::new();
    for rep in reports {
        let index = LineIndex::new(&rep.source);
        let text_of = |p: &str| (p == rep.path).then(|| rep.source.clone());
        for d in &rep.diagnostics {
            let fixes: Vec<Value> = d.fixes.iter().map(|f| fix_json(f, &text_of)).collect();
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
