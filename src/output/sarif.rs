//! `--format sarif`: SARIF 2.1.0, with fixes, for GitHub code scanning.

use std::io::Write;

use autoheal_engine::rules::audit::rule_audit_severity;
use autoheal_engine::rules::{RULES, docs};
use autoheal_engine::{Confidence, LineIndex, Severity};
use serde::Serialize;
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
fn region_json(index: &LineIndex, source: &str, range: autoheal_engine::TextRange) -> Value {
    let r = region(index, source, range);
    json!({"startLine": r.start_line, "startColumn": r.start_column, "endLine": r.end_line, "endColumn": r.end_column})
}

/// The whole document as one value: the slow path the tests compare with.
#[cfg(test)]
pub fn sarif_json(reports: &[FileReport]) -> Value {
    let results: Vec<Value> = reports.iter().flat_map(file_results_slow).collect();
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

/// A result; the fields of every struct here are in alphabetical order
/// (uppercase first), the order the document has always printed its keys in
/// (see [`autoheal_engine::json`]).
#[derive(Serialize)]
struct ResultJson<'a> {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fixes: Vec<FixJson<'a>>,
    level: &'static str,
    locations: [LocationJson<'a>; 1],
    message: TextJson<'a>,
    properties: PropertiesJson<'a>,
    #[serde(rename = "relatedLocations", skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<LocationJson<'a>>,
    #[serde(rename = "ruleId")]
    rule_id: &'a str,
    #[serde(rename = "ruleIndex", skip_serializing_if = "Option::is_none")]
    rule_index: Option<usize>,
}

#[derive(Serialize)]
struct TextJson<'a> {
    text: &'a str,
}

#[derive(Serialize)]
struct PropertiesJson<'a> {
    #[serde(rename = "audit-severity", skip_serializing_if = "Option::is_none")]
    audit_severity: Option<&'static str>,
    code: &'a str,
    confidence: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    precision: Option<&'static str>,
    #[serde(rename = "security-severity", skip_serializing_if = "Option::is_none")]
    security_severity: Option<&'static str>,
}

#[derive(Serialize)]
struct LocationJson<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<TextJson<'a>>,
    #[serde(rename = "physicalLocation")]
    physical_location: PhysicalLocationJson<'a>,
}

#[derive(Serialize)]
struct PhysicalLocationJson<'a> {
    #[serde(rename = "artifactLocation")]
    artifact_location: UriJson<'a>,
    region: RegionJson,
}

#[derive(Serialize)]
struct UriJson<'a> {
    uri: &'a str,
}

#[derive(Serialize)]
struct RegionJson {
    #[serde(rename = "endColumn")]
    end_column: u32,
    #[serde(rename = "endLine")]
    end_line: u32,
    #[serde(rename = "startColumn")]
    start_column: u32,
    #[serde(rename = "startLine")]
    start_line: u32,
}

#[derive(Serialize)]
struct FixJson<'a> {
    #[serde(rename = "artifactChanges")]
    artifact_changes: [ChangeJson<'a>; 1],
    description: TextJson<'a>,
}

#[derive(Serialize)]
struct ChangeJson<'a> {
    #[serde(rename = "artifactLocation")]
    artifact_location: UriJson<'a>,
    replacements: Vec<ReplacementJson<'a>>,
}

#[derive(Serialize)]
struct ReplacementJson<'a> {
    #[serde(rename = "deletedRegion")]
    deleted_region: RegionJson,
    #[serde(rename = "insertedContent")]
    inserted_content: TextJson<'a>,
}

/// One file's entries of `results`.
fn file_results(rep: &FileReport, items: &mut Items) {
    let index = LineIndex::new(&rep.source);
    let region = |range| {
        let r = region(&index, &rep.source, range);
        RegionJson {
            end_column: r.end_column,
            end_line: r.end_line,
            start_column: r.start_column,
            start_line: r.start_line,
        }
    };
    let uri = || UriJson { uri: &rep.path };
    let location = |range, id, message| LocationJson {
        id,
        message,
        physical_location: PhysicalLocationJson {
            artifact_location: uri(),
            region: region(range),
        },
    };
    for d in &rep.diagnostics {
        let audit = d.audit_severity;
        items.push(&ResultJson {
            fixes: d
                .fixes
                .iter()
                .map(|f| FixJson {
                    artifact_changes: [ChangeJson {
                        artifact_location: uri(),
                        replacements: f
                            .edits
                            .iter()
                            .map(|e| ReplacementJson {
                                deleted_region: region(e.range),
                                inserted_content: TextJson { text: &e.new_text },
                            })
                            .collect(),
                    }],
                    description: TextJson { text: &f.title },
                })
                .collect(),
            level: level(d.severity),
            locations: [location(d.range, None, None)],
            message: TextJson { text: &d.message },
            properties: PropertiesJson {
                audit_severity: audit.map(|a| a.as_str()),
                code: d.code,
                confidence: d.confidence.as_str(),
                precision: audit.map(|_| precision(d.confidence)),
                security_severity: audit.map(|a| a.score()),
            },
            related_locations: d
                .labels
                .iter()
                .enumerate()
                .map(|(i, l)| location(l.range, Some(i), Some(TextJson { text: &l.message })))
                .collect(),
            rule_id: d.rule,
            rule_index: RULES.iter().position(|r| r.id == d.rule),
        });
    }
}

/// One file's results built as `serde_json::Value`s: the slow path the
/// output is compared with.
#[cfg(test)]
fn file_results_slow(rep: &FileReport) -> Vec<Value> {
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
