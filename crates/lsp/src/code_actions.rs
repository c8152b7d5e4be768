//! Quick fixes (one per engine fix on the diagnostics in range) and the
//! `source.fixAll.autoheal` action (every safe fix that does not collide
//! with another). Edits are exactly the engine's verified edits.

use autoheal_engine::text::PositionEncoding;
use autoheal_engine::{Applicability, Edit, Fix, TextRange};
use tower_lsp_server::ls_types::{CodeAction, CodeActionKind, CodeActionOrCommand, Uri};

use crate::analysis::Analysis;
use crate::convert::{self, Files};

pub const FIX_ALL_KIND: &str = "source.fixAll.autoheal";

/// True when `kind` was asked for: `only` lists kinds or their prefixes.
fn wanted(only: Option<&[CodeActionKind]>, kind: &str) -> bool {
    match only {
        None => true,
        Some(kinds) => {
            kinds.iter().any(|k| kind == k.as_str() || kind.strip_prefix(k.as_str()).is_some_and(|rest| rest.starts_with('.')))
        }
    }
}

fn in_range(diag: TextRange, range: TextRange) -> bool {
    diag.overlaps(range) || diag.touches(range.start) || (range.is_empty() && diag.touches(range.start)) || range.touches(diag.start)
}

pub fn code_actions(
    analysis: &Analysis,
    uri: &Uri,
    range: TextRange,
    only: Option<&[CodeActionKind]>,
    files: &dyn Files,
    enc: PositionEncoding,
) -> Vec<CodeActionOrCommand> {
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
                let Some(edit) = convert::fix_edit(fix, files, enc) else { continue };
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
        let safe = analysis
            .diagnostics
            .iter()
            .flat_map(|d| &d.fixes)
            .chain(analysis.failures.iter().flat_map(|f| &f.fixes))
            .filter(|f| f.applicability == Applicability::Safe);
        let edits = compatible_edits(safe);
        if !edits.is_empty() {
            if let Some(edit) = convert::workspace_edit(edits.iter().copied(), files, enc) {
                out.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title: "Apply all safe autoheal fixes".to_string(),
                    kind: Some(CodeActionKind::from(FIX_ALL_KIND)),
                    edit: Some(edit),
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

/// The edits of every fix that applies together with the ones before it;
/// a fix colliding with an earlier one waits for the next round.
fn compatible_edits<'a>(fixes: impl Iterator<Item = &'a Fix>) -> Vec<&'a Edit> {
    let mut taken: Vec<&Edit> = Vec::new();
    for fix in fixes {
        let collides = fix.edits.iter().any(|e| {
            taken.iter().any(|t| {
                t.path == e.path && (t.range.overlaps(e.range) || (t.range.start == e.range.start && t.range.end == e.range.end))
            })
        });
        if !collides {
            taken.extend(fix.edits.iter());
        }
    }
    taken
}

/// The explanation of each fix on the diagnostics at `offset`, for hovers.
pub fn fix_notes(analysis: &Analysis, offset: usize) -> Vec<String> {
    analysis
        .diagnostics
        .iter()
        .filter(|d| d.range.touches(offset))
        .flat_map(|d| &d.fixes)
        .map(|f| if f.explanation.is_empty() { f.title.clone() } else { format!("{}: {}", f.title, f.explanation) })
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

    #[test]
    fn colliding_fixes_are_left_for_later() {
        let a = Fix::safe("a", vec![Edit::replace("f", TextRange::new(0, 4), "x")]);
        let b = Fix::safe("b", vec![Edit::replace("f", TextRange::new(2, 6), "y")]);
        let c = Fix::safe("c", vec![Edit::insert("f", 9, "z")]);
        let edits = compatible_edits([&a, &b, &c].into_iter());
        let texts: Vec<&str> = edits.iter().map(|e| e.new_text.as_str()).collect();
        assert_eq!(texts, ["x", "z"]);
    }
}
