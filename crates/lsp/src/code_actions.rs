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
                    title: quick_fix_title(fix),
                    kind: Some(CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![diag.clone()]),
                    edit: Some(edit),
                    // Only a safe fix is preferred: editors apply a
                    // preferred quick fix on a keystroke without showing it
                    // (VS Code's auto fix).
                    is_preferred: Some(i == 0 && fix.applicability == Applicability::Safe),
                    data: data(fix),
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

/// A single quick fix is a person choosing this one fix, with its edit in
/// view: so a display-only fix is offered here, never preferred nor part of
/// fix-all, which apply without a look at each fix, and its title says what
/// it is: a guess only a person can confirm (a missing file's rewrite onto
/// a file that may not be the one the step wanted), or a fallback that
/// hides the failure (skipping the step whose file is missing).
fn quick_fix_title(fix: &Fix) -> String {
    match fix.applicability {
        Applicability::DisplayOnly if fix.fallback => {
            format!(
                "{} (a fallback: it hides the failure, check it before applying)",
                fix.title
            )
        }
        Applicability::DisplayOnly => format!("{} (a guess: check it before applying)", fix.title),
        Applicability::Safe | Applicability::Unsafe => fix.title.clone(),
    }
}

/// The code action's `data`: the fix's level, and its explanation.
fn data(fix: &Fix) -> Option<serde_json::Value> {
    let mut data = serde_json::json!({ "applicability": fix.applicability.as_str() });
    if !fix.explanation.is_empty() {
        data["explanation"] = serde_json::json!(fix.explanation);
    }
    Some(data)
}

/// Does fix-all (applied with no look at each fix) take this fix to the
/// document at `path`? Safe ones only, decided by level: never an unsafe
/// or a display-only one.
fn fix_all_takes(f: &Fix, path: &str) -> bool {
    f.applicability.applies_unattended(false) && f.edits.iter().all(|e| e.path == path)
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
    let allowed = |f: &Fix| fix_all_takes(f, &path);
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

    #[test]
    fn fix_all_takes_safe_fixes_only_and_a_display_only_one_is_a_labelled_quick_fix() {
        let edit = |path: &str| vec![Edit::insert(path, 0, "x")];
        let safe = Fix::safe("Safe", edit("ci.yml"));
        let unsafe_ = Fix::unsafe_("Unsafe", edit("ci.yml"));
        let guess = Fix::display_only("Use `b` instead of `a`", edit("ci.yml"));
        assert!(fix_all_takes(&safe, "ci.yml"));
        assert!(!fix_all_takes(&safe, "other.yml"));
        assert!(!fix_all_takes(&unsafe_, "ci.yml"));
        assert!(!fix_all_takes(&guess, "ci.yml"));
        assert_eq!(quick_fix_title(&safe), "Safe");
        assert_eq!(quick_fix_title(&unsafe_), "Unsafe");
        assert_eq!(
            quick_fix_title(&guess),
            "Use `b` instead of `a` (a guess: check it before applying)"
        );
        assert_eq!(data(&guess), Some(serde_json::json!({"applicability": "display-only"})));
        // A fallback, which hides the failure, is display-only: a labelled
        // quick fix, never preferred, never in fix-all.
        let skip = Fix::fallback("Skip step \"Test\" when `a` is missing", edit("ci.yml"));
        assert!(!fix_all_takes(&skip, "ci.yml"));
        assert_eq!(
            quick_fix_title(&skip),
            "Skip step \"Test\" when `a` is missing (a fallback: it hides the failure, check it before applying)"
        );
        assert_eq!(data(&skip), Some(serde_json::json!({"applicability": "display-only"})));
    }
}
