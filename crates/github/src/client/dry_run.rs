//! Writes that dry-run mode records instead of sending.

use serde_json::Value;

/// One write the client would have made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedWrite {
    pub method: String,
    pub path: String,
    /// Short description of the JSON body: keys with clipped values (an
    /// issue's or pull request's `title` in full).
    pub summary: String,
    /// The text of an issue, pull request or comment (the body's `body`),
    /// shown in full below the summary: what would be filed is reviewable.
    pub text: Option<String>,
}

impl std::fmt::Display for PlannedWrite {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "[dry-run] {} {}", self.method, self.path)?;
        if !self.summary.is_empty() {
            write!(f, " {}", self.summary)?;
        }
        if let Some(text) = &self.text {
            for line in text.lines() {
                match line {
                    "" => writeln!(f)?,
                    line => write!(f, "\n    {line}")?,
                }
            }
        }
        Ok(())
    }
}

const MAX_VALUE_CHARS: usize = 60;

/// `{title: "…", body: <1234 chars, below>, labels: ["a", "b"]}`: enough to review, never a whole file.
pub fn summarize(body: Option<&Value>) -> String {
    match body {
        None | Some(Value::Null) => String::new(),
        Some(value) => summarize_value(value, 0),
    }
}

/// The Markdown text a write would post (its `body` field), if any.
pub fn posted_text(body: Option<&Value>) -> Option<String> {
    body?.get("body")?.as_str().map(str::to_string)
}

fn summarize_value(value: &Value, depth: usize) -> String {
    match value {
        Value::String(text) => {
            let one_line = !text.contains('\n');
            if one_line && text.chars().count() <= MAX_VALUE_CHARS {
                format!("{text:?}")
            } else {
                format!("<{} chars>", text.chars().count())
            }
        }
        Value::Array(items) if depth >= 2 => format!("[{} items]", items.len()),
        Value::Array(items) => {
            let shown: Vec<String> = items.iter().take(5).map(|v| summarize_value(v, depth + 1)).collect();
            let more = if items.len() > 5 {
                format!(", +{}", items.len() - 5)
            } else {
                String::new()
            };
            format!("[{}{more}]", shown.join(", "))
        }
        Value::Object(map) if depth >= 2 => format!("{{{} keys}}", map.len()),
        Value::Object(map) => {
            let shown: Vec<String> = map
                .iter()
                .map(|(k, v)| match (depth, k.as_str(), v) {
                    (0, "title", Value::String(title)) => format!("{k}: {title:?}"),
                    (0, "body", Value::String(text)) => {
                        format!("{k}: <{} chars, below>", text.chars().count())
                    }
                    _ => format!("{k}: {}", summarize_value(v, depth + 1)),
                })
                .collect();
            format!("{{{}}}", shown.join(", "))
        }
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn long_and_multiline_strings_are_counted_not_shown() {
        let body = json!({ "title": "short", "body": "line\nline", "content": "x".repeat(100), "labels": ["a"] });
        assert_eq!(
            summarize(Some(&body)),
            r#"{body: <9 chars, below>, content: <100 chars>, labels: ["a"], title: "short"}"#
        );
        assert_eq!(summarize(None), "");
    }

    #[test]
    fn an_issue_is_shown_whole_title_and_body() {
        let title = format!("[auto-heal] CI: {} in build", "x".repeat(80));
        let body = json!({ "title": title, "body": "## Failure\n\nline two", "labels": ["auto-heal"] });
        let write = PlannedWrite {
            method: "POST".into(),
            path: "/repos/o/r/issues".into(),
            summary: summarize(Some(&body)),
            text: posted_text(Some(&body)),
        };
        assert_eq!(
            write.to_string(),
            format!(
                "[dry-run] POST /repos/o/r/issues {{body: <20 chars, below>, labels: [\"auto-heal\"], title: {title:?}}}\n    ## Failure\n\n    line two"
            )
        );
        assert_eq!(posted_text(Some(&json!({"content": "abc"}))), None);
    }
}
