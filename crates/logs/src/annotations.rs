//! Check-run annotations (`GET /repos/{o}/{r}/check-runs/{id}/annotations`).

use serde::Deserialize;

use crate::error::LogError;
use crate::events::{LineEvent, LogSink};
use crate::line::{CommandProps, LineKind};

#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
pub struct Annotation {
    #[serde(default)]
    pub path: Option<String>,
    #[serde(default)]
    pub start_line: Option<u32>,
    #[serde(default)]
    pub end_line: Option<u32>,
    #[serde(default)]
    pub start_column: Option<u32>,
    #[serde(default)]
    pub annotation_level: Option<String>,
    #[serde(default)]
    pub message: Option<String>,
    #[serde(default)]
    pub title: Option<String>,
}

pub fn looks_like_annotations(bytes: &[u8]) -> bool {
    let trimmed = bytes.trim_ascii_start();
    trimmed.starts_with(b"[") && (trimmed.len() < 3 || trimmed.windows(9).any(|w| w == b"\"message\""))
        || trimmed.starts_with(b"{") && trimmed.windows(13).any(|w| w == b"\"annotations\"")
}

/// Parses an array of annotations (or `{"annotations": [...]}`).
pub fn parse_annotations(bytes: &[u8]) -> Result<Vec<Annotation>, LogError> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Shape {
        List(Vec<Annotation>),
        Wrapped { annotations: Vec<Annotation> },
    }
    let shape: Shape = serde_json::from_slice(bytes).map_err(|e| LogError::BadAnnotations(e.to_string()))?;
    Ok(match shape {
        Shape::List(list) => list,
        Shape::Wrapped { annotations } => annotations,
    })
}

/// Feeds annotations as one job's lines: annotation `i` is line `i + 1`.
pub fn feed_annotations(annotations: &[Annotation], job: Option<&str>, sink: &mut dyn LogSink) {
    sink.begin_job(job);
    for (i, a) in annotations.iter().enumerate() {
        let kind = match a.annotation_level.as_deref() {
            Some("warning") => LineKind::Warning,
            Some("notice") => LineKind::Notice,
            _ => LineKind::Error,
        };
        // Job-level annotations point at `.github`; only real file paths
        // locate the failure.
        let props = a
            .path
            .as_deref()
            .filter(|p| *p != ".github" && !p.is_empty())
            .map(|p| CommandProps {
                file: Some(p.to_string()),
                line: a.start_line,
                column: a.start_column,
                end_line: a.end_line,
                title: a.title.clone(),
            });
        let message = a.message.as_deref().unwrap_or("");
        for part in message.split('\n') {
            let text = crate::line::without_terminal_codes(part.trim_end_matches('\r'));
            let event = LineEvent {
                number: i as u64 + 1,
                kind,
                text: &text,
                props: props.as_ref(),
                timestamp: None,
                echo: false,
            };
            sink.line(&event);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_list_and_wrapped() {
        let list = br#"[{"path":".github","start_line":1,"end_line":1,"annotation_level":"failure","message":"boom","title":""}]"#;
        assert!(looks_like_annotations(list));
        assert_eq!(
            parse_annotations(list).expect("list")[0].message.as_deref(),
            Some("boom")
        );
        let wrapped = br#"{"annotations":[{"message":"x"}]}"#;
        assert!(looks_like_annotations(wrapped));
        assert_eq!(parse_annotations(wrapped).expect("wrapped").len(), 1);
        assert!(parse_annotations(b"[1,2").is_err());
        assert!(!looks_like_annotations(b"[command]/usr/bin/git"));
    }
}
