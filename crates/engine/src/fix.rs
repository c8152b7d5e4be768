//! Applying edits to the original bytes, and verifying a fix before anyone
//! is offered it.

use std::collections::{BTreeMap, HashMap};

use crate::diagnostic::{Diagnostic, Edit, Fix, Severity};
use crate::text::TextRange;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ApplyError {
    /// Two edits touch the same bytes.
    Overlap {
        path: String,
        first: TextRange,
        second: TextRange,
    },
    /// An edit's range is outside the file or splits a character.
    OutOfBounds { path: String, range: TextRange },
    /// The fix edits a file the caller did not provide.
    UnknownFile { path: String },
}

impl std::fmt::Display for ApplyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ApplyError::Overlap { path, first, second } => write!(
                f,
                "{path}: edits at bytes {}..{} and {}..{} overlap",
                first.start, first.end, second.start, second.end
            ),
            ApplyError::OutOfBounds { path, range } => {
                write!(
                    f,
                    "{path}: edit at bytes {}..{} is outside the file",
                    range.start, range.end
                )
            }
            ApplyError::UnknownFile { path } => write!(f, "fix edits {path}, which was not provided"),
        }
    }
}

impl std::error::Error for ApplyError {}

/// Check that edits (all for one file) are in bounds and do not overlap.
/// Insertions at the same offset are allowed and keep their given order.
pub fn check_edits(path: &str, text: &str, edits: &[&Edit]) -> Result<(), ApplyError> {
    let mut sorted: Vec<&Edit> = edits.to_vec();
    sorted.sort_by_key(|e| (e.range.start, e.range.end));
    for e in &sorted {
        if e.range.end > text.len() || !text.is_char_boundary(e.range.start) || !text.is_char_boundary(e.range.end) {
            return Err(ApplyError::OutOfBounds {
                path: path.to_string(),
                range: e.range,
            });
        }
    }
    for pair in sorted.windows(2) {
        let (a, b) = (pair[0].range, pair[1].range);
        let overlap = a.overlaps(b)
            || (b.start > a.start && b.start < a.end)
            || (a.is_empty() && !b.is_empty() && a.start > b.start && a.start < b.end)
            || (a == b && !a.is_empty());
        if overlap {
            return Err(ApplyError::Overlap {
                path: path.to_string(),
                first: a,
                second: b,
            });
        }
    }
    Ok(())
}

/// Apply edits to one file's text. Bytes outside the edits are untouched.
pub fn apply_edits(path: &str, text: &str, edits: &[&Edit]) -> Result<String, ApplyError> {
    check_edits(path, text, edits)?;
    // Stable sort keeps same-offset insertions in the order given.
    let mut sorted: Vec<&Edit> = edits.to_vec();
    sorted.sort_by_key(|e| e.range.start);
    let extra: usize = sorted.iter().map(|e| e.new_text.len()).sum();
    let mut out = String::with_capacity(text.len() + extra);
    let mut at = 0;
    for e in sorted {
        out.push_str(&text[at..e.range.start]);
        out.push_str(&e.new_text);
        at = e.range.end;
    }
    out.push_str(&text[at..]);
    Ok(out)
}

/// Apply several fixes to a set of files (path → text), merging their edits.
/// Returns the new texts of the files that changed; conflicting fixes give
/// an error naming the overlap.
pub fn apply_fixes<'f>(
    files: &BTreeMap<String, String>,
    fixes: impl IntoIterator<Item = &'f Fix>,
) -> Result<BTreeMap<String, String>, ApplyError> {
    let mut by_path: BTreeMap<&str, Vec<&Edit>> = BTreeMap::new();
    for fix in fixes {
        for e in &fix.edits {
            by_path.entry(e.path.as_str()).or_default().push(e);
        }
    }
    let mut out = BTreeMap::new();
    for (path, edits) in by_path {
        let text = files
            .get(path)
            .ok_or_else(|| ApplyError::UnknownFile { path: path.to_string() })?;
        let new = apply_edits(path, text, &edits)?;
        if &new != text {
            out.insert(path.to_string(), new);
        }
    }
    Ok(out)
}

/// Apply non-overlapping fixes greedily in order, skipping any fix that
/// conflicts with one already taken. Returns the new text and the fixes
/// applied. The merge is not verified; [`apply_together`] is.
///
/// An edit identical to one already taken is the same change reached twice
/// (an anchored node fixed through each of its aliases) and is applied
/// once. Two different insertions at one offset conflict: their order
/// would decide the result.
pub fn apply_compatible<'f>(path: &str, text: &str, fixes: &[&'f Fix]) -> (String, Vec<&'f Fix>) {
    let (edits, taken) = merge(path, text, fixes);
    match apply_edits(path, text, &edits) {
        Ok(new) => (new, taken),
        Err(_) => (text.to_string(), Vec::new()),
    }
}

fn merge<'f>(path: &str, text: &str, fixes: &[&'f Fix]) -> (Vec<&'f Edit>, Vec<&'f Fix>) {
    let mut taken: Vec<&Fix> = Vec::new();
    let mut edits: Vec<&Edit> = Vec::new();
    for fix in fixes {
        if fix.edits.iter().any(|e| e.path != path) {
            continue;
        }
        let same = |a: &Edit, b: &Edit| a.range == b.range && a.new_text == b.new_text;
        let new: Vec<&Edit> = fix.edits.iter().filter(|e| !edits.iter().any(|t| same(t, e))).collect();
        let second_insertion = new.iter().any(|e| {
            e.range.is_empty()
                && edits
                    .iter()
                    .any(|t| t.range.is_empty() && t.range.start == e.range.start)
        });
        let mut trial = edits.clone();
        trial.extend(new);
        if !second_insertion && check_edits(path, text, &trial).is_ok() {
            edits = trial;
            taken.push(fix);
        }
    }
    (edits, taken)
}

/// Fixes to one file applied in one go (`check --fix`, the editor's "fix
/// all"), verified together: each was verified alone, but two can still
/// clash (two keys inserted into the same mapping through an alias). The
/// compatible ones are merged ([`apply_compatible`]) and the combined text
/// re-linted; when it parses worse or has a new error, the fixes are added
/// one at a time instead, each kept only if the text still verifies.
/// `before` is the lint of `text`; the result carries the lint of the new
/// text, so a caller going round after round lints once per round.
pub fn apply_together<'f>(
    path: &str,
    text: &str,
    before: &Relinted,
    fixes: &[&'f Fix],
    relint: &dyn Fn(&str) -> Relinted,
) -> Together<'f> {
    let unchanged = || Together {
        text: text.to_string(),
        taken: Vec::new(),
        relinted: None,
    };
    let (new, taken) = apply_compatible(path, text, fixes);
    if taken.is_empty() || new == text {
        return unchanged();
    }
    let after = relint(&new);
    if no_worse(before, &after) {
        return Together {
            text: new,
            taken,
            relinted: Some(after),
        };
    }
    let mut kept: Vec<&Fix> = Vec::new();
    let mut best: Option<(String, Relinted)> = None;
    for fix in taken {
        let mut trial = kept.clone();
        trial.push(fix);
        let (new, merged) = apply_compatible(path, text, &trial);
        if merged.len() != trial.len() {
            continue;
        }
        let after = relint(&new);
        if no_worse(before, &after) {
            kept = trial;
            best = Some((new, after));
        }
    }
    match best {
        Some((text, relinted)) => Together {
            text,
            taken: kept,
            relinted: Some(relinted),
        },
        None => unchanged(),
    }
}

/// The most rounds [`apply_in_rounds`] goes: enough for every chain of fixes
/// unlocking fixes seen on the corpus (a parse error hiding rules, a pin
/// after an upgrade), small enough that a fix that keeps re-offering itself
/// cannot loop.
pub const MAX_FIX_ROUNDS: usize = 8;

/// Fixes applied to one file round after round until nothing changes: each
/// round takes, for every diagnostic, the first fix `allowed` accepts (a
/// diagnostic's fixes are alternatives: never two of them), applies them
/// together ([`apply_together`]) and lints the result, which may offer
/// fixes the round made possible or that collided with another. `check
/// --fix`, the editor's "fix all" and the corpus evaluation share it, so
/// applying the result's fixes again changes nothing.
pub fn apply_in_rounds(
    path: &str,
    text: &str,
    linted: Relinted,
    allowed: &dyn Fn(&Fix) -> bool,
    relint: &dyn Fn(&str) -> Relinted,
) -> Rounds {
    let mut done = Rounds {
        text: text.to_string(),
        linted,
        applied: Vec::new(),
    };
    for _ in 0..MAX_FIX_ROUNDS {
        let wanted: Vec<&Fix> = done
            .linted
            .diagnostics
            .iter()
            .filter_map(|d| d.fixes.iter().find(|f| allowed(f)))
            .collect();
        if wanted.is_empty() {
            break;
        }
        let round = apply_together(path, &done.text, &done.linted, &wanted, relint);
        let Some(relinted) = round.relinted else { break };
        let applied: Vec<String> = round.taken.iter().map(|f| f.title.clone()).collect();
        done.text = round.text;
        done.applied.extend(applied);
        done.linted = relinted;
    }
    done
}

/// What [`apply_in_rounds`] did.
pub struct Rounds {
    /// The text with every round's fixes applied.
    pub text: String,
    /// The lint of `text`.
    pub linted: Relinted,
    /// The titles of the fixes applied, round by round.
    pub applied: Vec<String>,
}

/// What [`apply_together`] did.
pub struct Together<'f> {
    pub text: String,
    /// The fixes applied, in the order given.
    pub taken: Vec<&'f Fix>,
    /// The lint of `text` when it changed.
    pub relinted: Option<Relinted>,
}

/// The edited text parses at least as well and, unless it parses better
/// (which reveals findings the parse error hid), has no error-severity
/// finding more than before.
fn no_worse(before: &Relinted, after: &Relinted) -> bool {
    if after.parse_errors != before.parse_errors {
        return after.parse_errors < before.parse_errors;
    }
    // Only errors are compared.
    fn errors(r: &Relinted) -> impl Iterator<Item = &Diagnostic> {
        r.diagnostics.iter().filter(|d| d.severity == Severity::Error)
    }
    let (was, now) = (counts(errors(before)), counts(errors(after)));
    now.iter().all(|(key, n)| *n <= was.get(key).copied().unwrap_or(0))
}

/// How many times each (rule, message) is reported, and whether at error
/// severity: one pass, so verifying a file with thousands of findings stays
/// linear in them (counting per finding was cubic over a file's fixes).
fn counts<'d>(list: impl Iterator<Item = &'d Diagnostic>) -> HashMap<(&'static str, &'d str, bool), usize> {
    let mut counts = HashMap::new();
    for d in list {
        *counts
            .entry((d.rule, d.message.as_str(), d.severity == Severity::Error))
            .or_insert(0) += 1;
    }
    counts
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VerifyError {
    Apply(ApplyError),
    /// The edited file no longer parses.
    Unparsable(String),
    /// The diagnostic the fix targets is still reported.
    NotFixed,
    /// The edit brought a new error-severity diagnostic.
    NewError(String),
    /// The fix's own output would be offered the same fix again.
    NotIdempotent,
    /// A caller-supplied check of the intended change failed.
    IntentMissing(String),
}

impl std::fmt::Display for VerifyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            VerifyError::Apply(e) => write!(f, "{e}"),
            VerifyError::Unparsable(m) => write!(f, "the edited file does not parse: {m}"),
            VerifyError::NotFixed => f.write_str("the diagnostic is still reported after the fix"),
            VerifyError::NewError(m) => write!(f, "the fix introduces a new error: {m}"),
            VerifyError::NotIdempotent => f.write_str("the fix would be proposed again on its own output"),
            VerifyError::IntentMissing(m) => write!(f, "the intended change is missing: {m}"),
        }
    }
}

impl std::error::Error for VerifyError {}

/// What re-linting an edited text found.
#[derive(Clone, Debug, Default)]
pub struct Relinted {
    /// Parse errors (not duplicate keys and the like) in the edited text.
    pub parse_errors: usize,
    pub diagnostics: Vec<Diagnostic>,
}

/// Verify `fix` for `target` on the file `path` with text `text`.
///
/// `before` are the diagnostics of `text` and `parse_errors_before` its parse
/// error count; `relint` lints an edited text (with fix verification off, so
/// this does not recurse). The result must parse at least as well as before
/// (strictly better for a syntax fix), must no longer report `target` (same
/// rule and message), must bring no new error-severity diagnostic, and must
/// not be offered the same fix again. Returns the edited text.
pub fn verify(
    path: &str,
    text: &str,
    fix: &Fix,
    target: &Diagnostic,
    before: &[Diagnostic],
    parse_errors_before: usize,
    relint: &dyn Fn(&str) -> Relinted,
) -> Result<String, VerifyError> {
    let edits: Vec<&Edit> = fix.edits.iter().filter(|e| e.path == path).collect();
    let new = apply_edits(path, text, &edits).map_err(VerifyError::Apply)?;
    let Relinted {
        parse_errors,
        diagnostics: after,
    } = relint(&new);
    if parse_errors > parse_errors_before
        || (parse_errors > 0 && parse_errors == parse_errors_before && target.rule == "syntax")
    {
        let first = after
            .iter()
            .find(|d| d.rule == "syntax")
            .map(|d| d.message.clone())
            .unwrap_or_default();
        return Err(VerifyError::Unparsable(first));
    }
    // Only the keys read below are counted: the target's and every error.
    // Counting every finding of the file (its warnings and notes hashed,
    // per fix) was most of this function's own cost.
    let read =
        |d: &&Diagnostic| d.severity == Severity::Error || (d.rule == target.rule && d.message == target.message);
    let (was, now) = (counts(before.iter().filter(read)), counts(after.iter().filter(read)));
    let reported = |c: &HashMap<(&'static str, &str, bool), usize>| {
        [true, false]
            .iter()
            .map(|error| {
                c.get(&(target.rule, target.message.as_str(), *error))
                    .copied()
                    .unwrap_or(0)
            })
            .sum::<usize>()
    };
    if reported(&now) >= reported(&was) {
        return Err(VerifyError::NotFixed);
    }
    // A syntax fix that makes more of the file parse lets rules see what the
    // parse error hid; those findings are not the fix's doing.
    let reveals = target.rule == "syntax" && parse_errors < parse_errors_before;
    for d in after.iter().filter(|d| d.severity == Severity::Error && !reveals) {
        let key = (d.rule, d.message.as_str(), true);
        if now.get(&key).copied().unwrap_or(0) > was.get(&key).copied().unwrap_or(0) {
            return Err(VerifyError::NewError(format!("[{}] {}", d.rule, d.message)));
        }
    }
    if after
        .iter()
        .any(|d| d.fixes.iter().any(|f| f.title == fix.title && f.edits == fix.edits))
    {
        return Err(VerifyError::NotIdempotent);
    }
    Ok(new)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(s: usize, t: usize, text: &str) -> Edit {
        Edit::replace("f", TextRange::new(s, t), text)
    }

    /// `Edit::between` covers only the change, on character boundaries.
    #[test]
    fn an_edit_between_two_texts_covers_only_the_change() {
        let e = Edit::between("f", "a: 日本x\nb", "a: 日本 x\nb");
        assert_eq!((e.range, e.new_text.as_str()), (TextRange::new(9, 9), " "));
        let e = Edit::between("f", "aaa", "aa");
        assert_eq!(apply_edits("f", "aaa", &[&e]).unwrap(), "aa");
        let e = Edit::between("f", "é", "è");
        assert_eq!(apply_edits("f", "é", &[&e]).unwrap(), "è");
    }

    #[test]
    fn edits_touch_only_their_bytes() {
        let text = "a: 1 # keep\nb:   'x'\r\n";
        let out = apply_edits("f", text, &[&e(3, 4, "2"), &e(22, 22, "c: 3\r\n")]).unwrap();
        assert_eq!(out, "a: 2 # keep\nb:   'x'\r\nc: 3\r\n");
    }

    #[test]
    fn overlapping_edits_are_refused() {
        let text = "abcdef";
        let err = apply_edits("f", text, &[&e(1, 4, "x"), &e(3, 5, "y")]).unwrap_err();
        assert!(matches!(err, ApplyError::Overlap { .. }));
        assert!(
            apply_edits("f", text, &[&e(1, 4, "x"), &e(2, 2, "y")]).is_err(),
            "insert inside a replacement"
        );
        assert_eq!(
            apply_edits("f", text, &[&e(2, 2, "x"), &e(2, 2, "y")]).unwrap(),
            "abxycdef"
        );
        assert!(apply_edits("f", text, &[&e(4, 9, "x")]).is_err());
    }

    #[test]
    fn compatible_fixes_merge_and_conflicts_are_skipped() {
        let text = "abcdef";
        let f1 = Fix::safe("one", vec![e(0, 1, "A")]);
        let f2 = Fix::safe("two", vec![e(0, 2, "XY")]);
        let f3 = Fix::safe("three", vec![e(5, 6, "F")]);
        let (out, taken) = apply_compatible("f", text, &[&f1, &f2, &f3]);
        assert_eq!(out, "AbcdeF");
        assert_eq!(taken.len(), 2);
        let files: BTreeMap<String, String> = [("f".to_string(), text.to_string())].into();
        assert!(apply_fixes(&files, [&f1, &f2]).is_err());
    }

    #[test]
    fn the_same_edit_twice_applies_once_and_two_insertions_at_one_point_conflict() {
        let text = "abc";
        let a = Fix::safe("via a", vec![e(1, 1, "X")]);
        let b = Fix::safe("via b", vec![e(1, 1, "X")]);
        let c = Fix::safe("other", vec![e(1, 1, "Y")]);
        let (out, taken) = apply_compatible("f", text, &[&a, &b, &c]);
        assert_eq!(out, "aXbc");
        assert_eq!(
            taken.iter().map(|f| f.title.as_str()).collect::<Vec<_>>(),
            ["via a", "via b"]
        );
    }

    #[test]
    fn fixes_that_clash_together_are_added_one_at_a_time() {
        // Two fixes, each fine alone, that make a duplicate between them:
        // the relint counts `x` lines as errors past the first.
        let relint = |t: &str| Relinted {
            parse_errors: 0,
            diagnostics: (1..t.matches('x').count())
                .map(|_| Diagnostic::new("f", "dup", Severity::Error, TextRange::empty(0), "x twice"))
                .collect(),
        };
        let text = "a b";
        let one = Fix::safe("one", vec![e(0, 1, "x")]);
        let two = Fix::safe("two", vec![e(2, 3, "x")]);
        let before = relint(text);
        let done = apply_together("f", text, &before, &[&one, &two], &relint);
        assert_eq!(done.text, "x b");
        assert_eq!(done.taken.len(), 1);
        assert!(done.relinted.is_some_and(|r| r.diagnostics.is_empty()));
    }

    #[test]
    fn rounds_take_one_alternative_per_finding_and_reach_a_fixed_point() {
        // `a` has two alternative fixes (to `x` or to `y`); once there is an
        // `x`, a second finding asks for a trailing ` z`, which only the
        // next round can see.
        let relint = |t: &str| {
            let mut diagnostics = Vec::new();
            if let Some(at) = t.find('a') {
                let mut d = Diagnostic::new("f", "letter", Severity::Warning, TextRange::new(at, at + 1), "a");
                d.fixes = vec![
                    Fix::safe("to x", vec![e(at, at + 1, "x")]),
                    Fix::safe("to y", vec![e(at, at + 1, "y")]),
                ];
                diagnostics.push(d);
            }
            if t.contains('x') && !t.ends_with(" z") {
                let mut d = Diagnostic::new("f", "tail", Severity::Warning, TextRange::empty(t.len()), "no z");
                d.fixes = vec![Fix::safe("add z", vec![Edit::insert("f", t.len(), " z")])];
                diagnostics.push(d);
            }
            Relinted {
                parse_errors: 0,
                diagnostics,
            }
        };
        let text = "a b";
        let done = apply_in_rounds("f", text, relint(text), &|_| true, &relint);
        assert_eq!(done.text, "x b z");
        assert_eq!(done.applied, ["to x", "add z"]);
        assert!(done.linted.diagnostics.is_empty());
        let again = apply_in_rounds("f", &done.text, relint(&done.text), &|_| true, &relint);
        assert_eq!(again.text, done.text);
        assert!(again.applied.is_empty());
        // A fix the caller does not allow is never applied; the first
        // alternative it allows is.
        let only_y = apply_in_rounds("f", text, relint(text), &|f| f.title == "to y", &relint);
        assert_eq!(only_y.text, "y b");
    }
}
