//! Small structural edits the fixes share, on top of the engine's
//! indentation-copying helpers in `autoheal_engine::edit`.

use autoheal_engine::Edit;
use autoheal_engine::edit;
use autoheal_engine::model::Job;
use autoheal_engine::yaml::{Entry, Node};

/// Lines of a new block mapping (a step), with nested entries indented by
/// the file's indentation unit. The first line goes after the `- `.
#[derive(Default)]
pub struct Block {
    unit: usize,
    pub lines: Vec<String>,
}

impl Block {
    pub fn new(source: &str) -> Self {
        Block {
            unit: edit::indent_unit(source),
            lines: Vec::new(),
        }
    }
    pub fn key(mut self, key: &str, value: &str) -> Self {
        self.lines.push(format!("{key}: {value}"));
        self
    }
    pub fn map(mut self, key: &str, entries: &[(&str, &str)]) -> Self {
        self.lines.push(format!("{key}:"));
        for (k, v) in entries {
            self.lines.push(format!("{}{k}: {v}", " ".repeat(self.unit)));
        }
        self
    }
}

/// Insert a step before the job's step `index`.
pub fn insert_step_before(path: &str, source: &str, job: &Job<'_>, index: usize, step: &Block) -> Option<Edit> {
    let steps = job.get("steps")?;
    edit::insert_item_before(path, source, steps, index, &step.lines)
}

/// Set `key: value` in a mapping: replace a one-line scalar value, or add
/// the entry after `after` (else last).
pub fn set_entry(
    path: &str,
    source: &str,
    mapping: &Node,
    after: Option<&Entry>,
    key: &str,
    value: &str,
) -> Option<Edit> {
    match mapping.entry(key) {
        Some(e) if edit::is_inline_scalar(source, &e.value) => Some(edit::replace_value(path, e, value)),
        Some(_) => None,
        None => edit::insert_entry(path, source, mapping, after, key, value),
    }
}

/// Add `name: value` under the nested mapping `key` of `mapping` (e.g. a
/// step's `env:`), creating `key:` when it is missing.
pub fn insert_nested(path: &str, source: &str, mapping: &Node, key: &str, name: &str, value: &str) -> Option<Edit> {
    match mapping.get(key) {
        Some(inner) if inner.is_mapping() && !inner.as_mapping().unwrap_or_default().is_empty() => {
            edit::insert_entry(path, source, inner, None, name, value)
        }
        Some(_) => None,
        None if edit::is_flow(source, mapping) => {
            edit::insert_entry(path, source, mapping, None, key, &format!("{{{name}: {value}}}"))
        }
        None => {
            let entries = mapping.as_mapping()?;
            let last = entries.last()?;
            let col = edit::column(source, entries.first()?.key.span.start);
            let unit = edit::indent_unit(source);
            let eol = edit::line_ending(source);
            let at = edit::line_end(source, last.value.span.end.max(last.key.span.end));
            let text = format!(
                "{eol}{pad}{key}:{eol}{pad}{inner}{name}: {value}",
                pad = " ".repeat(col),
                inner = " ".repeat(unit)
            );
            Some(Edit::insert(path, at, text))
        }
    }
}

/// A YAML scalar for `s`: plain when that reads back the same, else single-quoted.
pub fn scalar(s: &str) -> String {
    if edit::is_plain_safe(s) {
        s.to_string()
    } else {
        edit::single_quote(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use autoheal_engine::fix::apply_edits;
    use autoheal_engine::yaml::parse;

    #[test]
    fn nested_entries_are_created_or_extended() {
        let src = "steps:\r\n  - run: gh api x # call\r\n  - run: b\r\n    env:\r\n      A: 1\r\n";
        let doc = parse(src.as_bytes());
        let steps = doc.root.as_ref().unwrap().get("steps").unwrap().as_sequence().unwrap();
        let e = insert_nested("f", src, &steps[0], "env", "GH_TOKEN", "x").unwrap();
        let out = apply_edits("f", src, &[&e]).unwrap();
        assert_eq!(
            out,
            "steps:\r\n  - run: gh api x # call\r\n    env:\r\n      GH_TOKEN: x\r\n  - run: b\r\n    env:\r\n      A: 1\r\n"
        );
        let e = insert_nested("f", src, &steps[1], "env", "GH_TOKEN", "x").unwrap();
        let out = apply_edits("f", src, &[&e]).unwrap();
        assert!(out.ends_with("      A: 1\r\n      GH_TOKEN: x\r\n"), "{out:?}");
    }

    #[test]
    fn scalars_are_quoted_only_when_needed() {
        assert_eq!(scalar("hashFiles('a') != ''"), "hashFiles('a') != ''");
        assert_eq!(scalar("a: b"), "'a: b'");
    }
}
