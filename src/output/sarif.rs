//! `--format sarif`: SARIF 2.1.0, with fixes, for GitHub code scanning.

use std::io::Write;

use autoheal_engine::rules::audit::rule_audit_severity;
use autoheal_engine::rules::{RULES, docs};
use autoheal_engine::{Confidence, LineIndex, Severity};
use serde_json::{Value, json};

use super::region;
use crate::check::FileReport;

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// SARIF's `precision` property, from the finding's confidence.
fn precision(c: Confidence) -> &'static str {
    match c {
        Confidence::High => "high",
        Confidence::Medium => "medium",
        Confidence::Low => "low",
    }
}

fn region_json(index: &LineIndex, source: &str, range: autoheal_engine::TextRange) -> Value {
    let r = region(index, source, range);
    json!({"startLine": r.start_line, "startColumn": r.start_column, "endLine": r.end_line, "endColumn": r.end_column})
}

/// The whole document as one value: the slow path the tests compare with.
#[cfg(test)]
pub fn sarif_json(reports: &[FileReport]) -> Value {
    let results: Vec<Value> = reports.iter().flat_map(file_results).collect();
    sarif_skeleton(Value::Array(results))
}

/// The document with `results` as its results.
fn sarif_skeleton(results: Value) -> Value {
    let rules: Vec<Value> = RULES
        .iter()
        .map(|r| {
            let mut rule = json!({
                "id": r.id,
                "shortDescription": {"text": r.summary},
                "helpUri": docs::url(r.id),
                "defaultConfiguration": {"level": level(r.default_severity), "enabled": r.enabled_by_default},
            });
            // Code scanning ranks security results by these two properties.
            // (the rule's highest audit severity).
            if let Some(audit) = rule_audit_severity(r.id) {
                rule["properties"] = json!({
                    "tags": ["security"],
                    "precision": "high",
                    "security-severity": audit.score(),
                });
            }
            rule
        })
        .collect();
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "autoheal",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://github.com/autoheal-dev/autoheal",
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    })
}

/// One file's entries of `results`.
fn file_results(rep: &FileReport) -> Vec<Value> {
    let mut results = Vec::new();
    let index = LineIndex::new(&rep.source);
    for d in &rep.diagnostics {
        let location = |range| {
            json!({"physicalLocation": {
                "artifactLocation": {"uri": rep.path},
                "region": region_json(&index, &rep.source, range),
            }})
        };
        let mut result = json!({
            "ruleId": d.rule,
            "level": level(d.severity),
            "message": {"text": d.message},
            "locations": [location(d.range)],
        });
        let mut properties = json!({"code": d.code, "confidence": d.confidence.as_str()});
        if let Some(audit) = d.audit_severity {
            properties["precision"] = json!(precision(d.confidence));
            properties["security-severity"] = json!(audit.score());
            properties["audit-severity"] = json!(audit.as_str());
        }
        result["properties"] = properties;
        if let Some(i) = RULES.iter().position(|r| r.id == d.rule) {
            result["ruleIndex"] = json!(i);
        }
        if !d.labels.is_empty() {
            result["relatedLocations"] = Value::Array(
                d.labels
                    .iter()
                    .enumerate()
                    .map(|(i, l)| {
                        let mut loc = location(l.range);
                        loc["id"] = json!(i);
                        loc["message"] = json!({"text": l.message});
                        loc
                    })
                    .collect(),
            );
        }
        if !d.fixes.is_empty() {
            result["fixes"] = Value::Array(
                d.fixes
                    .iter()
                    .map(|f| {
                        json!({
                            "description": {"text": f.title},
                            "artifactChanges": [{
                                "artifactLocation": {"uri": rep.path},
                                "replacements": f.edits.iter().map(|e| json!({
                                    "deletedRegion": region_json(&index, &rep.source, e.range),
                                    "insertedContent": {"text": e.new_text},
                                })).collect::<Vec<_>>(),
                            }],
                        })
                    })
                    .collect(),
            );
        }
        results.push(result);
    }
    results
}

pub fn write(out: &mut dyn Write, reports: &[FileReport]) -> anyhow::Result<()> {
    let skeleton = sarif_skeleton(json!(super::ITEMS));
    super::write_pretty_with_items(out, &skeleton, reports, &file_results)
}
