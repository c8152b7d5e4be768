//! Quick fixes (one per engine fix on the diagnostics in range) and the
//! `source.fixAll.autoheal` action (every safe fix that does not collide
//! with another). Edits are exactly the engine's verified edits.

use autoheal_engine::text::PositionEncoding;
use autoheal_engine::{Applicability, Diagnostic, Edit, Fix, TextRange, fix};
use tower_lsp_server::ls_types::{CodeAction, CodeActionKind, CodeActionOrCommand, Uri};

use crate::analysis::Analysis;
use crate::convert::{self, Files};

pub const FIX_ALL_KIND: &str = "source.fixAll.autoheal";

/// True when `kind` was asked for: `only` lists kinds or their prefixes.
fn wanted(only: Option<&[CodeActionKind]>, kind: &str) -> bool {
    match only {
        None => true,
        Some(kinds) => kinds
            .iter()
            .any(|k| kind == k.as_str() || kind.strip_prefix(k.as_str()).is_some_and(|rest| rest.starts_with('.'))),
    }
}

/// True when `only` asks for the fix-all action (or for everything).
pub fn wants_fix_all(only: Option<&[CodeActionKind]>) -> bool {
    wanted(only, FIX_ALL_KIND)
}

pub fn has_safe_fix(d: &Diagnostic) -> bool {
    d.fixes.iter().any(|f| f.applicability == Applicability::Safe)
}

/// Whether a diagnostic at `diag` belongs to a request for `range`.
pub fn in_range(diag: TextRange, range: TextRange) -> bool {
    diag.overlaps(range) || diag.touches(range.start) || range.touches(diag.start)
}

pub fn code_actions(
    analysis: &Analysis,
    uri: &Uri,
    range: TextRange,
    only: Option<&[CodeActionKind]>,
    files: &dyn Files,
    enc: PositionEncoding,
    relint: &dyn Fn(&str) -> fix::Relinted,
) -> Vec<CodeActionOrCommand> {
    debug_assert!(!analysis.unverified, "fixes are verified before they are offered");
    let snap = &analysis.snapshot;
    let mut out = Vec::new();
    if wanted(only, CodeActionKind::QUICKFIX.as_str()) {
        let engine = analysis
            .diagnostics
            .iter()
            .filter(|d| in_range(d.range, range))
            .map(|d| (convert::diagnostic(d, uri, snap, enc), &d.fixes));
        let failures = analysis
            .failures
            .iter()
            .filter(|f| in_range(f.range, range))
            .map(|f| (convert::failure_diagnostic(f, snap, enc), &f.fixes));
        for (diag, fixes) in engine.chain(failures) {
            for (i, fix) in fixes.iter().enumerate() {
                let Some(edit) = convert::fix_edit(fix, files, enc) else {
                    continue;
                };
                out.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title: fix.title.clone(),
                    kind: Some(CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![diag.clone()]),
                    edit: Some(edit),
                    is_preferred: Some(i == 0 && fix.applicability == Applicability::Safe),
                    data: explanation(fix),
                    ..Default::default()
                }));
            }
        }
    }
    if wanted(only, FIX_ALL_KIND) {
        if let Some(edit) = fix_all(analysis, relint) {
            let change = convert::workspace_edit([&edit], files, enc);
            if let Some(change) = change {
                out.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title: "Apply all safe autoheal fixes".to_string(),
                    kind: Some(CodeActionKind::from(FIX_ALL_KIND)),
                    edit: Some(change),
                    ..Default::default()
                }));
            }
        }
    }
    out
}

fn explanation(fix: &Fix) -> Option<serde_json::Value> {
    (!fix.explanation.is_empty()).then(|| serde_json::json!({ "explanation": fix.explanation }))
}

/// All safe fixes to this document, applied round after round and verified
/// together each round (the engine's [`fix::apply_in_rounds`], as `check
/// --fix` does), as one edit from the original text to the result.
fn fix_all(analysis: &Analysis, relint: &dyn Fn(&str) -> fix::Relinted) -> Option<Edit> {
    debug_assert!(!analysis.unverified, "fixes are verified before they are offered");
    let original: &str = &analysis.snapshot.text;
    let path = analysis.diagnostics.first().map(|d| d.path.clone())?;
    let linted = fix::Relinted {
        parse_errors: analysis.parse_errors,
        diagnostics: analysis.diagnostics.clone(),
    };
    let allowed = |f: &Fix| f.applicability == Applicability::Safe && f.edits.iter().all(|e| e.path == path);
    let text = fix::apply_in_rounds(&path, original, linted, &allowed, relint).text;
    (text != original).then(|| Edit::between(path, original, &text))
}

/// The explanation of each fix on the diagnostics at `offset`, for hovers.
pub fn fix_notes(analysis: &Analysis, offset: usize) -> Vec<String> {
    analysis
        .diagnostics
        .iter()
        .filter(|d| d.range.touches(offset))
        .flat_map(|d| &d.fixes)
        .map(|f| {
            if f.explanation.is_empty() {
                f.title.clone()
            } else {
                format!("{}: {}", f.title, f.explanation)
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_filters_by_prefix() {
        assert!(wanted(None, FIX_ALL_KIND));
        assert!(wanted(Some(&[CodeActionKind::SOURCE]), FIX_ALL_KIND));
        assert!(wanted(Some(&[CodeActionKind::SOURCE_FIX_ALL]), FIX_ALL_KIND));
        assert!(!wanted(Some(&[CodeActionKind::QUICKFIX]), FIX_ALL_KIND));
        assert!(!wanted(Some(&[CodeActionKind::from("source.fix")]), FIX_ALL_KIND));
        assert!(wanted(Some(&[CodeActionKind::QUICKFIX]), "quickfix"));
    }
}
