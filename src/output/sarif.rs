//! `--format sarif`: SARIF 2.1.0, with fixes, for GitHub code scanning.

use std::io::Write;

use autoheal_engine::json::pretty::Pretty;
use autoheal_engine::rules::audit::rule_audit_severity;
use autoheal_engine::rules::{RULES, docs};
use autoheal_engine::{Confidence, Severity};
#[cfg(test)]
use serde_json::{Value, json};

use super::{Items, region};
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

#[cfg(test)]
fn region_json(index: &autoheal_engine::LineIndex, source: &str, range: autoheal_engine::TextRange) -> Value {
    let r = region(index, source, range);
    json!({"startLine": r.start_line, "startColumn": r.start_column, "endLine": r.end_line, "endColumn": r.end_column})
}

/// The whole document as one value: the slow path the tests compare with.
#[cfg(test)]
pub fn sarif_json(reports: &[FileReport]) -> Value {
    let results: Vec<Value> = reports.iter().flat_map(file_results_slow).collect();
    sarif_skeleton(Value::Array(results))
}

/// The document with `results` as its results: the slow path the tests
/// compare [`document_around`] with.
#[cfg(test)]
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

/// A fix's edits grouped by the file each edits, files in the order their
/// first edit comes: SARIF 2.1.0's `fix.artifactChanges` holds one
/// `artifactChange` per file, whose `replacements` are regions of the file
/// its own `artifactLocation` names.
fn edits_by_file(edits: &[autoheal_engine::Edit]) -> Vec<(&str, Vec<&autoheal_engine::Edit>)> {
    let mut files: Vec<(&str, Vec<&autoheal_engine::Edit>)> = Vec::new();
    for e in edits {
        match files.iter_mut().find(|(p, _)| *p == e.path) {
            Some((_, list)) => list.push(e),
            None => files.push((&e.path, vec![e])),
        }
    }
    files
}

/// One file's entries of `results`. The keys of every object are in
/// alphabetical order (uppercase first), the order the document has always
/// printed them in (see [`autoheal_engine::json`]).
fn file_results(rep: &FileReport, items: &mut Items) {
    let index = super::positions(rep);
    let write_region = |w: &mut Pretty, range| {
        let r = region(&index, &rep.source, range);
        w.begin_object();
        w.number_member("endColumn", r.end_column.into());
        w.number_member("endLine", r.end_line.into());
        w.number_member("startColumn", r.start_column.into());
        w.number_member("startLine", r.start_line.into());
        w.end_object();
    };
    // Another file's edit (a fix for a workflow that edits an action.yml):
    // its text is not this report's, so its region is in bytes, which
    // SARIF's region allows (`byteOffset`, `byteLength`) as the JSON
    // output's `byte_range` does.
    let write_byte_region = |w: &mut Pretty, r: autoheal_engine::TextRange| {
        w.begin_object();
        w.number_member("byteLength", (r.end - r.start) as u64);
        w.number_member("byteOffset", r.start as u64);
        w.end_object();
    };
    let write_uri = |w: &mut Pretty| {
        w.key("artifactLocation");
        w.begin_object();
        w.string_member("uri", &rep.path);
        w.end_object();
    };
    let write_text = |w: &mut Pretty, key, text: &str| {
        w.key(key);
        w.begin_object();
        w.string_member("text", text);
        w.end_object();
    };
    let write_location = |w: &mut Pretty, range, label: Option<(usize, &str)>| {
        w.begin_object();
        if let Some((id, message)) = label {
            w.number_member("id", id as u64);
            write_text(w, "message", message);
        }
        w.key("physicalLocation");
        w.begin_object();
        write_uri(w);
        w.key("region");
        write_region(w, range);
        w.end_object();
        w.end_object();
    };
    for d in &rep.diagnostics {
        items.push(|w| {
            w.begin_object();
            if !d.fixes.is_empty() {
                w.key("fixes");
                w.begin_array();
                for f in &d.fixes {
                    w.element();
                    w.begin_object();
                    w.key("artifactChanges");
                    w.begin_array();
                    for (path, edits) in edits_by_file(&f.edits) {
                        w.element();
                        w.begin_object();
                        w.key("artifactLocation");
                        w.begin_object();
                        w.string_member("uri", path);
                        w.end_object();
                        w.key("replacements");
                        w.begin_array();
                        for e in edits {
                            w.element();
                            w.begin_object();
                            w.key("deletedRegion");
                            if path == rep.path {
                                write_region(w, e.range);
                            } else {
                                write_byte_region(w, e.range);
                            }
                            write_text(w, "insertedContent", &e.new_text);
                            w.end_object();
                        }
                        w.end_array();
                        w.end_object();
                    }
                    w.end_array();
                    write_text(w, "description", &f.title);
                    // Who may apply it (safe, unsafe, display-only).
                    w.key("properties");
                    w.begin_object();
                    w.string_member("applicability", f.applicability.as_str());
                    w.end_object();
                    w.end_object();
                }
                w.end_array();
            }
            w.string_member("level", level(d.severity));
            w.key("locations");
            w.begin_array();
            w.element();
            write_location(w, d.range, None);
            w.end_array();
            write_text(w, "message", &d.message);
            w.key("properties");
            w.begin_object();
            let audit = d.audit_severity;
            if let Some(audit) = audit {
                w.string_member("audit-severity", audit.as_str());
            }
            w.string_member("code", d.code);
            w.string_member("confidence", d.confidence.as_str());
            if let Some(audit) = audit {
                w.string_member("precision", precision(d.confidence));
                w.string_member("security-severity", audit.score());
            }
            w.end_object();
            if !d.labels.is_empty() {
                w.key("relatedLocations");
                w.begin_array();
                for (i, l) in d.labels.iter().enumerate() {
                    w.element();
                    write_location(w, l.range, Some((i, &l.message)));
                }
                w.end_array();
            }
            w.string_member("ruleId", d.rule);
            if let Some(i) = RULES.iter().position(|r| r.id == d.rule) {
                w.number_member("ruleIndex", i as u64);
            }
            w.end_object();
        });
    }
}

/// One file's results built as `serde_json::Value`s: the slow path the
/// output is compared with.
#[cfg(test)]
fn file_results_slow(rep: &FileReport) -> Vec<Value> {
    let mut results = Vec::new();
    let index = autoheal_engine::LineIndex::new(&rep.source);
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
                            "properties": {"applicability": f.applicability.as_str()},
                            "artifactChanges": edits_by_file(&f.edits).into_iter().map(|(path, edits)| json!({
                                "artifactLocation": {"uri": path},
                                "replacements": edits.iter().map(|e| json!({
                                    "deletedRegion": if path == rep.path {
                                        region_json(&index, &rep.source, e.range)
                                    } else {
                                        json!({"byteLength": e.range.end - e.range.start, "byteOffset": e.range.start})
                                    },
                                    "insertedContent": {"text": e.new_text},
                                })).collect::<Vec<_>>(),
                            })).collect::<Vec<_>>(),
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
    super::write_pretty_with_items(out, &document_around(super::ITEMS), reports, &file_results)
}

/// The document, `results` its one result (the items marker), printed with
/// the fixed-shape writer: built as a `Value` and printed through serde, the
/// rule list was about 0.7 M instructions, a twentieth of a one-file run.
/// Keys in alphabetical order, as serde_json's map prints them.
fn document_around(results: &str) -> String {
    let mut out = Vec::new();
    let mut w = Pretty::new(&mut out, 0);
    w.begin_object();
    w.string_member("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    w.key("runs");
    w.begin_array();
    w.element();
    w.begin_object();
    w.string_member("columnKind", "unicodeCodePoints");
    w.key("results");
    w.string(results);
    w.key("tool");
    w.begin_object();
    w.key("driver");
    w.begin_object();
    w.string_member("informationUri", "https://github.com/autoheal-dev/autoheal");
    w.string_member("name", "autoheal");
    w.key("rules");
    w.begin_array();
    for r in RULES {
        w.element();
        w.begin_object();
        w.key("defaultConfiguration");
        w.begin_object();
        w.key("enabled");
        w.bool(r.enabled_by_default);
        w.string_member("level", level(r.default_severity));
        w.end_object();
        w.string_member("helpUri", &docs::url(r.id));
        w.string_member("id", r.id);
        // Code scanning ranks security results by these two properties
        // (the rule's highest audit severity).
        if let Some(audit) = rule_audit_severity(r.id) {
            w.key("properties");
            w.begin_object();
            w.string_member("precision", "high");
            w.string_member("security-severity", audit.score());
            w.key("tags");
            w.begin_array();
            w.element();
            w.string("security");
            w.end_array();
            w.end_object();
        }
        w.key("shortDescription");
        w.begin_object();
        w.string_member("text", r.summary);
        w.end_object();
        w.end_object();
    }
    w.end_array();
    w.string_member("version", env!("CARGO_PKG_VERSION"));
    w.end_object();
    w.end_object();
    w.end_object();
    w.end_array();
    w.string_member("version", "2.1.0");
    w.end_object();
    String::from_utf8(out).expect("the writer writes UTF-8")
}

#[cfg(test)]
mod tests {
    /// The document around the results, as the fixed-shape writer prints
    /// it, is serde_json's printing of the `Value` (every rule, with and
    /// without security properties).
    #[test]
    fn the_document_around_the_results_prints_as_its_value() {
        let slow =
            serde_json::to_string_pretty(&super::sarif_skeleton(serde_json::json!(super::super::ITEMS))).unwrap();
        assert_eq!(super::document_around(super::super::ITEMS), slow);
    }
}
