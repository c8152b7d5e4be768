//! The JSON shape of fixes and ranges shared by `check --format json`,
//! `diagnose --format json` and the heal loop's hidden analysis block
//! (documented in docs/json-output.md).
//!
//! The shapes are typed structs with their fields in alphabetical order:
//! printed directly they give the same bytes as the `serde_json::Value`
//! (whose maps sort their keys) they convert to, without building one.

use serde::Serialize;
use serde_json::Value;

use crate::diagnostic::{Applicability, Fix};
use crate::text::{LineIndex, TextRange};

/// `{"start": {"line", "column"}, "end": {…}}`, 1-based.
#[derive(Serialize)]
pub struct RangeJson {
    end: PositionJson,
    start: PositionJson,
}

#[derive(Serialize)]
struct PositionJson {
    column: u32,
    line: u32,
}

impl RangeJson {
    pub fn new(index: &LineIndex, source: &str, range: TextRange) -> Self {
        let position = |offset| {
            let p = index.line_column(source, offset);
            PositionJson {
                column: p.column,
                line: p.line,
            }
        };
        RangeJson {
            end: position(range.end),
            start: position(range.start),
        }
    }
}

/// [`RangeJson`] as a value.
pub fn range_json(index: &LineIndex, source: &str, range: TextRange) -> Value {
    to_value(&RangeJson::new(index, source, range))
}

/// A fix with each edit's range as line/column (when the edited file's text
/// is known) and as bytes.
#[derive(Serialize)]
pub struct FixJson<'a> {
    applicability: Applicability,
    edits: Vec<EditJson<'a>>,
    explanation: &'a str,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    fallback: bool,
    title: &'a str,
}

#[derive(Serialize)]
struct EditJson<'a> {
    byte_range: [usize; 2],
    new_text: &'a str,
    path: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    range: Option<RangeJson>,
}

impl<'a> FixJson<'a> {
    /// `range_of` gives an edit's range (from a line index the caller
    /// keeps), or `None` when its file's text is unknown.
    pub fn new(fix: &'a Fix, range_of: &dyn Fn(&str, TextRange) -> Option<RangeJson>) -> Self {
        FixJson {
            applicability: fix.applicability,
            edits: fix
                .edits
                .iter()
                .map(|e| EditJson {
                    byte_range: [e.range.start, e.range.end],
                    new_text: &e.new_text,
                    path: &e.path,
                    range: range_of(&e.path, e.range),
                })
                .collect(),
            explanation: &fix.explanation,
            fallback: fix.fallback,
            title: &fix.title,
        }
    }
}

/// [`FixJson`] as a value; `text_of` gives an edited file's text. Each edit
/// builds its own line index: for many fixes to one file, keep one index
/// and use [`FixJson::new`].
pub fn fix_json(fix: &Fix, text_of: &dyn Fn(&str) -> Option<String>) -> Value {
    to_value(&FixJson::new(fix, &|path, range| {
        text_of(path).map(|text| RangeJson::new(&LineIndex::new(&text), &text, range))
    }))
}

fn to_value(shape: &impl Serialize) -> Value {
    serde_json::to_value(shape).expect("plain structs of strings and numbers convert")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Edit;
    use serde_json::json;

    /// The typed shape converts to the value the schema documents, with
    /// `range` only for a known file and `fallback` only when set.
    #[test]
    fn a_fix_has_the_documented_shape() {
        let text = "a: 1\nbé: 2\n";
        let mut fix =
            Fix::unsafe_("Set b", vec![Edit::replace("w.yml", TextRange::new(9, 10), "3")]).with_explanation("why");
        fix.edits.push(Edit::replace("other.yml", TextRange::new(0, 1), "x"));
        let text_of = |p: &str| (p == "w.yml").then(|| text.to_string());
        let position = |line, column| json!({"line": line, "column": column});
        assert_eq!(
            fix_json(&fix, &text_of),
            json!({
                "title": "Set b", "explanation": "why", "applicability": "unsafe",
                "edits": [
                    {"path": "w.yml", "byte_range": [9, 10], "new_text": "3",
                     "range": {"start": position(2, 4), "end": position(2, 5)}},
                    {"path": "other.yml", "byte_range": [0, 1], "new_text": "x"},
                ],
            })
        );
        fix.fallback = true;
        assert_eq!(fix_json(&fix, &text_of)["fallback"], json!(true));
    }
}
