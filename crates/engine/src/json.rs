//! The JSON shape of fixes and ranges shared by `check --format json`,
//! `diagnose --format json` and the heal loop's hidden analysis block
//! (documented in docs/json-output.md).
//!
//! The shapes are typed structs with their fields in alphabetical order:
//! printed directly they give the same bytes as the `serde_json::Value`
//! (whose maps sort their keys) they convert to, without building one.

pub mod pretty;

use serde::Serialize;
use serde_json::Value;

use self::pretty::Pretty;

use crate::diagnostic::{Applicability, Fix};
use crate::text::{LineIndex, TextRange, ToLineColumn};

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
    pub fn new(index: &impl ToLineColumn, source: &str, range: TextRange) -> Self {
        let position = |offset| {
            let p = index.to_line_column(source, offset);
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

impl RangeJson {
    /// Written as its `Serialize` prints it (fields in the same order).
    pub fn write(&self, w: &mut Pretty) {
        w.begin_object();
        w.key("end");
        self.end.write(w);
        w.key("start");
        self.start.write(w);
        w.end_object();
    }
}

impl PositionJson {
    fn write(&self, w: &mut Pretty) {
        w.begin_object();
        w.number_member("column", self.column.into());
        w.number_member("line", self.line.into());
        w.end_object();
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

impl FixJson<'_> {
    /// Written as its `Serialize` prints it (fields in the same order, the
    /// same members left out).
    pub fn write(&self, w: &mut Pretty) {
        w.begin_object();
        w.string_member("applicability", self.applicability.as_str());
        w.key("edits");
        w.begin_array();
        for edit in &self.edits {
            w.element();
            w.begin_object();
            w.key("byte_range");
            w.begin_array();
            for at in edit.byte_range {
                w.element();
                w.number(at as u64);
            }
            w.end_array();
            w.string_member("new_text", edit.new_text);
            w.string_member("path", edit.path);
            if let Some(range) = &edit.range {
                w.key("range");
                range.write(w);
            }
            w.end_object();
        }
        w.end_array();
        w.string_member("explanation", self.explanation);
        if self.fallback {
            w.key("fallback");
            w.bool(true);
        }
        w.string_member("title", self.title);
        w.end_object();
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
        fix.applicability = Applicability::DisplayOnly;
        assert_eq!(fix_json(&fix, &text_of)["applicability"], json!("display-only"));
    }

    fn arb_fix() -> impl proptest::strategy::Strategy<Value = Fix> {
        use proptest::prelude::*;
        let text = "(\\PC|[\\x00-\\x1f\"\\\\]){0,24}";
        let edit = (
            prop::sample::select(vec!["w.yml", "other.yml", "a \"b\".yml"]),
            0usize..12,
            0usize..4,
            text,
        )
            .prop_map(|(path, start, len, new_text)| {
                // Offsets on character boundaries of the test's text (byte 7 is inside its `é`).
                let boundary = |o| if o == 7 { 6 } else { o };
                Edit::replace(path, TextRange::new(boundary(start), boundary(start + len)), new_text)
            });
        (text, text, 0u8..3, any::<bool>(), prop::collection::vec(edit, 0..4)).prop_map(
            |(title, explanation, level, fallback, edits)| {
                let mut fix = match level {
                    0 => Fix::safe(title, edits),
                    1 => Fix::unsafe_(title, edits),
                    _ => Fix::display_only(title, edits),
                };
                fix.explanation = explanation;
                fix.fallback = fallback;
                fix
            },
        )
    }

    proptest::proptest! {
        /// The fixed-shape writer prints a fix byte for byte as serde_json
        /// prints its `Serialize` (so it parses as JSON, to the same value):
        /// escapes, `range` only for the known file, `fallback` only when set.
        #[test]
        fn a_written_fix_is_serde_jsons_printing(fix in arb_fix(), base in 0usize..7) {
            let text = "a: 1\nbé: 2\nc\n";
            let index = LineIndex::new(text);
            let range_of = |p: &str, r| (p == "w.yml").then(|| RangeJson::new(&index, text, r));
            let shape = FixJson::new(&fix, &range_of);
            let mut out = Vec::new();
            shape.write(&mut Pretty::new(&mut out, base));
            let written = String::from_utf8(out).unwrap();
            let indent = format!("\n{}", " ".repeat(base));
            let expected = serde_json::to_string_pretty(&shape).unwrap().replace('\n', &indent);
            proptest::prop_assert_eq!(&written, &expected);
            let parsed: Value = serde_json::from_str(&written).unwrap();
            proptest::prop_assert_eq!(parsed, serde_json::to_value(&shape).unwrap());
        }
    }
}
