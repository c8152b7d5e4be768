//! `--format json`; the schema is documented in docs/json-output.md.

use std::io::Write;

use autoheal_engine::LineIndex;
use serde_json::{Value, json};

use super::region;
use crate::check::FileReport;

pub fn range_json(index: &LineIndex, source: &str, range: autoheal_engine::TextRange) -> Value {
    let r = region(index, source, range);
    json!({
        "start": {"line": r.start_line, "column": r.start_column},
        "end": {"line": r.end_line, "column": r.end_column},
    })
}

pub fn diagnostics_json(reports: &[FileReport]) -> Value {
    let mut diags = Vec::new();
    for rep in reports {
        let index = LineIndex::new(&rep.source);
        for d in &rep.diagnostics {
            let fixes: Vec<Value> = d
                .fixes
                .iter()
                .map(|f| {
                    json!({
                        "title": f.title,
                        "explanation": f.explanation,
                        "applicability": f.applicability,
                        "edits": f.edits.iter().map(|e| json!({
                            "path": e.path,
                            "range": range_json(&index, &rep.source, e.range),
                            "byte_range": [e.range.start, e.range.end],
                            "new_text": e.new_text,
                        })).collect::<Vec<_>>(),
                    })
                })
                .collect();
            diags.push(json!({
                "path": rep.path,
                "rule": d.rule,
                "severity": d.severity,
                "message": d.message,
                "range": range_json(&index, &rep.source, d.range),
                "labels": d.labels.iter().map(|l| json!({"message": l.message, "range": range_json(&index, &rep.source, l.range)})).collect::<Vec<_>>(),
                "fixes": fixes,
            }));
        }
    }
    json!({"version": 1, "diagnostics": diags})
}

pub fn write(out: &mut dyn Write, reports: &[FileReport]) -> anyhow::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &diagnostics_json(reports))?;
    writeln!(out)?;
    Ok(())
}
