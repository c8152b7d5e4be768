//! Engine values to LSP values: byte ranges become positions in the
//! negotiated encoding, rule ids become codes with a docs link.

use std::collections::HashMap;

use autoheal_engine::text::PositionEncoding;
use autoheal_engine::{Diagnostic, Edit, Fix, Severity, Tag, rules};
use tower_lsp_server::ls_types::{
    self as lsp, CodeDescription, DiagnosticRelatedInformation, DiagnosticSeverity, DiagnosticTag, Location,
    NumberOrString, TextEdit, Uri, WorkspaceEdit,
};

use crate::document::Snapshot;
use crate::failure_store::MappedFailure;

pub const SOURCE: &str = "autoheal";
/// The code of past-failure diagnostics.
pub const PAST_FAILURE_CODE: &str = rules::docs::PAST_FAILURE;

pub fn severity(s: Severity) -> DiagnosticSeverity {
    match s {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
    }
}

pub fn docs_uri(rule: &str) -> Option<Uri> {
    rules::docs::url(rule).parse().ok()
}

pub fn diagnostic(d: &Diagnostic, uri: &Uri, snap: &Snapshot, enc: PositionEncoding) -> lsp::Diagnostic {
    let related: Vec<DiagnosticRelatedInformation> = d
        .labels
        .iter()
        .map(|l| DiagnosticRelatedInformation {
            location: Location {
                uri: uri.clone(),
                range: snap.range(l.range.start, l.range.end, enc),
            },
            message: l.message.clone(),
        })
        .collect();
    let tags: Vec<DiagnosticTag> = d
        .tags
        .iter()
        .map(|t| match t {
            Tag::Unnecessary => DiagnosticTag::UNNECESSARY,
            Tag::Deprecated => DiagnosticTag::DEPRECATED,
        })
        .collect();
    lsp::Diagnostic {
        range: snap.range(d.range.start, d.range.end, enc),
        severity: Some(severity(d.severity)),
        // The check code (`rule/check`), which suppressions also accept;
        // the docs link is the rule's page.
        code: Some(NumberOrString::String(d.code.to_string())),
        code_description: docs_uri(d.rule).map(|href| CodeDescription { href }),
        source: Some(SOURCE.to_string()),
        message: d.message.clone(),
        related_information: (!related.is_empty()).then_some(related),
        tags: (!tags.is_empty()).then_some(tags),
        data: Some(data(d)),
    }
}

/// The rule, the confidence and, for a security audit, its own severity
/// (`error`/`warning`/`info` is the diagnostic's severity above).
fn data(d: &Diagnostic) -> serde_json::Value {
    let mut data = serde_json::json!({"rule": d.rule, "confidence": d.confidence.as_str()});
    if let Some(audit) = d.audit_severity {
        data["audit_severity"] = audit.as_str().into();
    }
    data
}

pub fn failure_diagnostic(f: &MappedFailure, snap: &Snapshot, enc: PositionEncoding) -> lsp::Diagnostic {
    lsp::Diagnostic {
        range: snap.range(f.range.start, f.range.end, enc),
        severity: Some(DiagnosticSeverity::WARNING),
        code: Some(NumberOrString::String(PAST_FAILURE_CODE.to_string())),
        code_description: f
            .run_url
            .as_deref()
            .and_then(|u| u.parse().ok())
            .map(|href| CodeDescription { href }),
        source: Some(format!("{SOURCE} (last run)")),
        message: f.message.clone(),
        ..Default::default()
    }
}

/// Looks up the text a fix's edit paths refer to.
pub trait Files {
    fn get(&self, path: &str) -> Option<(Uri, Snapshot)>;
}

/// The edits of `fixes` as one workspace edit. `None` when an edit targets a
/// file that cannot be read.
pub fn workspace_edit<'a>(
    edits: impl IntoIterator<Item = &'a Edit>,
    files: &dyn Files,
    enc: PositionEncoding,
) -> Option<WorkspaceEdit> {
    let mut changes: HashMap<Uri, Vec<TextEdit>> = HashMap::new();
    let mut cache: HashMap<String, (Uri, Snapshot)> = HashMap::new();
    for edit in edits {
        if !cache.contains_key(&edit.path) {
            cache.insert(edit.path.clone(), files.get(&edit.path)?);
        }
        let (uri, snap) = cache.get(&edit.path)?;
        if edit.range.end > snap.text.len()
            || !snap.text.is_char_boundary(edit.range.start)
            || !snap.text.is_char_boundary(edit.range.end)
        {
            return None;
        }
        changes.entry(uri.clone()).or_default().push(TextEdit {
            range: snap.range(edit.range.start, edit.range.end, enc),
            new_text: edit.new_text.clone(),
        });
    }
    Some(WorkspaceEdit {
        changes: Some(changes),
        ..Default::default()
    })
}

pub fn fix_edit(fix: &Fix, files: &dyn Files, enc: PositionEncoding) -> Option<WorkspaceEdit> {
    workspace_edit(&fix.edits, files, enc)
}

#[cfg(test)]
mod tests {
    use super::*;
    use autoheal_engine::TextRange;

    struct One(Uri, Snapshot);
    impl Files for One {
        fn get(&self, path: &str) -> Option<(Uri, Snapshot)> {
            (path == "ci.yml").then(|| (self.0.clone(), self.1.clone()))
        }
    }

    #[test]
    fn diagnostics_carry_code_docs_labels_and_tags() {
        let text = "a: 😀 b\n";
        let snap = Snapshot::new(text.into(), 1, 1);
        let uri: Uri = "file:///r/ci.yml".parse().unwrap();
        let b = text.find('b').unwrap();
        let d = Diagnostic::new("ci.yml", "timeout", Severity::Warning, TextRange::new(b, b + 1), "m")
            .with_label(TextRange::new(0, 1), "here")
            .with_tag(Tag::Deprecated);
        let l = diagnostic(&d, &uri, &snap, PositionEncoding::Utf16);
        assert_eq!(l.range.start, lsp::Position::new(0, 6));
        assert_eq!(l.code, Some(NumberOrString::String("timeout".into())));
        assert!(
            l.code_description
                .unwrap()
                .href
                .as_str()
                .ends_with("docs/rules/timeout.md")
        );
        assert_eq!(l.related_information.unwrap()[0].message, "here");
        assert_eq!(l.tags, Some(vec![DiagnosticTag::DEPRECATED]));
        assert_eq!(
            diagnostic(&d, &uri, &snap, PositionEncoding::Utf8)
                .range
                .start
                .character,
            8
        );
    }

    #[test]
    fn security_findings_carry_their_check_code_and_confidence() {
        let snap = Snapshot::new("on: pull_request_target\n".into(), 1, 1);
        let uri: Uri = "file:///r/ci.yml".parse().unwrap();
        let d = Diagnostic::new(
            "ci.yml",
            "dangerous-triggers",
            Severity::Error,
            TextRange::new(4, 23),
            "m",
        )
        .with_code("dangerous-triggers/trigger")
        .with_confidence(autoheal_engine::Confidence::Medium);
        let d = Diagnostic {
            audit_severity: Some(autoheal_engine::AuditSeverity::High),
            ..d
        };
        let l = diagnostic(&d, &uri, &snap, PositionEncoding::Utf16);
        assert_eq!(
            l.code,
            Some(NumberOrString::String("dangerous-triggers/trigger".into()))
        );
        assert!(
            l.code_description
                .unwrap()
                .href
                .as_str()
                .ends_with("docs/rules/dangerous-triggers.md")
        );
        assert_eq!(
            l.data,
            Some(serde_json::json!({"rule": "dangerous-triggers", "confidence": "medium", "audit_severity": "high"}))
        );
    }

    #[test]
    fn edits_convert_and_unknown_files_refuse() {
        let snap = Snapshot::new("日本: x\n".into(), 1, 1);
        let uri: Uri = "file:///r/ci.yml".parse().unwrap();
        let files = One(uri.clone(), snap);
        let fix = Fix::safe("t", vec![Edit::insert("ci.yml", 7, " ")]);
        let we = fix_edit(&fix, &files, PositionEncoding::Utf16).unwrap();
        let edits = &we.changes.unwrap()[&uri];
        assert_eq!(edits[0].range.start, lsp::Position::new(0, 3));
        let other = Fix::safe("t", vec![Edit::insert("other.yml", 0, " ")]);
        assert!(fix_edit(&other, &files, PositionEncoding::Utf16).is_none());
        let split = Fix::safe("t", vec![Edit::insert("ci.yml", 1, " ")]);
        assert!(
            fix_edit(&split, &files, PositionEncoding::Utf16).is_none(),
            "an edit inside a character is refused"
        );
    }
}
