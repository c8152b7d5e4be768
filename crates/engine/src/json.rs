//! The JSON shape of fixes and ranges shared by `check --format json`,
//! `diagnose --format json` and the heal loop's hidden analysis block
//! (documented in docs/json-output.md).

use serde_json::{Value, json};

use crate::diagnostic::Fix;
use crate::text::{LineIndex, TextRange};

/// `{"start": {"line", "column"}, "end": {…}}`, 1-based.
pub fn range_json(index: &LineIndex, source: &str, range: TextRange) -> Value {
    let s = index.line_column(source, range.start);
    let e = index.line_column(source, range.end);
    json!({
        "start": {"line": s.line, "column": s.column},
        "end": {"line": e.line, "column": e.column},
    })
}

/// A fix with each edit's range as line/column (when the edited file's text
/// is known) and as bytes. `text_of` gives an edited file's text; each
/// edit builds its own line index, so for many fixes to one file use
/// [`fix_json_in`].
pub fn fix_json(fix: &Fix, text_of: &dyn Fn(&str) -> Option<String>) -> Value {
    fix_json_in(fix, &|path, range| {
        text_of(path).map(|text| range_json(&LineIndex::new(&text), &text, range))
    })
}

/// [`fix_json`], with `range_of` giving an edit's `range` value (from a
/// line index the caller keeps), or `None` when its file's text is unknown.
pub fn fix_json_in(fix: &Fix, range_of: &dyn Fn(&str, TextRange) -> Option<Value>) -> Value {
    let edits: Vec<Value> = fix
        .edits
        .iter()
        .map(|e| {
            let mut v = json!({
                "path": e.path,
                "byte_range": [e.range.start, e.range.end],
                "new_text": e.new_text,
            });
            if let Some(range) = range_of(&e.path, e.range) {
                v["range"] = range;
            }
            v
        })
        .collect();
    let mut out = json!({
        "title": fix.title,
        "explanation": fix.explanation,
        "applicability": fix.applicability,
        "edits": edits,
    });
    if fix.fallback {
        out["fallback"] = json!(true);
    }
    out
}
