//! `--format json`; the schema is documented in docs/json-output.md.

use std::io::Write;

use autoheal_engine::json::{FixJson, RangeJson};

use super::Items;
use crate::check::FileReport;

/// One file's entries of `diagnostics`, each an object with its keys in
/// alphabetical order, the order the document has always printed them in
/// (see [`autoheal_engine::json`]).
fn file_diagnostics(rep: &FileReport, items: &mut Items) {
    let index = super::positions(rep);
    let range = |r| RangeJson::new(&index, &rep.source, r);
    // The file's own index: a fix's edits are (almost always) in it.
    let edit_range = |p: &str, r| (p == rep.path).then(|| range(r));
    for d in &rep.diagnostics {
        items.push(|w| {
            w.begin_object();
            if let Some(audit) = d.audit_severity {
                w.string_member("audit_severity", audit.as_str());
            }
            w.string_member("code", d.code);
            w.string_member("confidence", d.confidence.as_str());
            w.key("fixes");
            w.begin_array();
            for f in &d.fixes {
                w.element();
                FixJson::new(f, &edit_range).write(w);
            }
            w.end_array();
            w.key("labels");
            w.begin_array();
            for l in &d.labels {
                w.element();
                w.begin_object();
                w.string_member("message", &l.message);
                w.key("range");
                range(l.range).write(w);
                w.end_object();
            }
            w.end_array();
            w.string_member("message", &d.message);
            w.string_member("path", &rep.path);
            w.key("range");
            range(d.range).write(w);
            w.string_member("rule", d.rule);
            w.string_member("severity", d.severity.as_str());
            w.end_object();
        });
    }
}

pub fn write(out: &mut dyn Write, reports: &[FileReport]) -> anyhow::Result<()> {
    let skeleton = serde_json::json!({"version": 1, "diagnostics": super::ITEMS});
    super::write_pretty_with_items(
        out,
        &serde_json::to_string_pretty(&skeleton)?,
        reports,
        &file_diagnostics,
    )
}

/// The document as the schema writes it, built as one `serde_json::Value`:
/// the slow path the output is compared with.
#[cfg(test)]
pub fn diagnostics_json(reports: &[FileReport]) -> serde_json::Value {
    use autoheal_engine::LineIndex;
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
