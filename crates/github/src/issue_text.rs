//! Text that goes into issues: neutralized log evidence, bounded titles, and the hidden
//! machine-readable analysis block that `heal` and `stats` read back.

use serde::{Deserialize, Serialize};

const MARKER: &str = "<!-- autoheal:analysis ";
const MARKER_END: &str = " -->";
/// A hidden block larger than this is ignored rather than parsed.
const MAX_BLOCK_BYTES: usize = 64 * 1024;

/// What `report` records about a failure, hidden in the issue body.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AnalysisRecord {
    pub version: u32,
    pub fingerprint: String,
    pub workflow_path: String,
    pub job: String,
    pub category: String,
    pub subject: Option<String>,
    pub run_id: u64,
    pub run_attempt: u64,
    pub head_sha: String,
    /// The fix type proposed, if any (stats group merge rates by it).
    pub fix_type: Option<String>,
    pub fixable: bool,
}

/// The dedupe key: workflow path + job + category + subject.
pub fn fingerprint(workflow_path: &str, job: &str, category: &str, subject: Option<&str>) -> String {
    format!("{workflow_path}|{job}|{category}|{}", subject.unwrap_or(""))
}

/// The hidden block for an issue body. `<` and `>` inside the JSON are escaped, so the
/// block cannot end early whatever the strings hold.
pub fn encode_analysis(record: &AnalysisRecord) -> String {
    let json = serde_json::to_string(record).unwrap_or_else(|_| "{}".to_string());
    let json = json.replace('<', "\\u003c").replace('>', "\\u003e");
    format!("{MARKER}{json}{MARKER_END}")
}

/// The last hidden block in `body`, if one parses. Evidence is neutralized before it goes
/// into a body (no `<`), so only autoheal's own block can match.
pub fn decode_analysis(body: &str) -> Option<AnalysisRecord> {
    let start = body.rfind(MARKER)? + MARKER.len();
    let rest = body.get(start..)?;
    let end = rest.find(MARKER_END)?;
    let json = rest.get(..end)?;
    if json.len() > MAX_BLOCK_BYTES {
        return None;
    }
    serde_json::from_str(json).ok()
}

/// Limits for [`neutralize_evidence`].
#[derive(Debug, Clone, Copy)]
pub struct EvidenceLimits {
    pub max_lines: usize,
    pub max_line_chars: usize,
    pub max_total_chars: usize,
}

impl Default for EvidenceLimits {
    fn default() -> Self {
        EvidenceLimits {
            max_lines: 30,
            max_line_chars: 300,
            max_total_chars: 6000,
        }
    }
}

/// Makes log text safe to quote in an issue: strips ANSI escapes and control characters,
/// defuses `@mentions` (a zero-width space after `@`), replaces `<`/`>` with look-alikes so no
/// HTML or comment can form, and bounds line length, line count and total size.
pub fn neutralize_line(line: &str, max_chars: usize) -> String {
    let mut out = String::with_capacity(line.len().min(max_chars + 8));
    let mut chars = line.chars().peekable();
    let mut count = 0;
    while let Some(c) = chars.next() {
        if count >= max_chars {
            out.push('…');
            break;
        }
        match c {
            '\u{1b}' => {
                // CSI sequence: ESC [ params final-byte.
                if chars.peek() == Some(&'[') {
                    chars.next();
                    for next in chars.by_ref() {
                        if ('@'..='~').contains(&next) {
                            break;
                        }
                    }
                }
                continue;
            }
            '<' => out.push('‹'),
            '>' => out.push('›'),
            '\t' => out.push_str("    "),
            c if c.is_control() => continue,
            c => {
                // Checked against what was emitted, so dropped characters cannot rejoin a mention.
                if out.ends_with('@') && (c.is_alphanumeric() || c == '-' || c == '_') {
                    out.push('\u{200B}');
                }
                out.push(c);
            }
        }
        count += 1;
    }
    out
}

/// Evidence lines as a fenced code block whose fence is longer than any backtick run inside.
pub fn evidence_block(lines: &[String], limits: EvidenceLimits) -> String {
    let mut kept = Vec::new();
    let mut total = 0;
    for line in lines.iter().take(limits.max_lines) {
        let clean = neutralize_line(line, limits.max_line_chars);
        total += clean.chars().count() + 1;
        if total > limits.max_total_chars {
            kept.push("…".to_string());
            break;
        }
        kept.push(clean);
    }
    if lines.len() > limits.max_lines {
        kept.push(format!("… ({} more lines)", lines.len() - limits.max_lines));
    }
    let body = kept.join("\n");
    let longest_run = body.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest_run.max(2) + 1);
    format!("{fence}text\n{body}\n{fence}")
}

/// `[auto-heal] <workflow>: <category> in <job>`, neutralized and bounded.
pub fn issue_title(workflow_name: &str, category: &str, job: &str) -> String {
    let raw = format!("[auto-heal] {workflow_name}: {category} in {job}");
    neutralize_line(&raw.replace(['\n', '\r'], " "), 200)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn record() -> AnalysisRecord {
        AnalysisRecord {
            version: 1,
            fingerprint: fingerprint(".github/workflows/ci.yml", "build", "timeout", Some("--> <!-- x")),
            category: "timeout".into(),
            run_id: 7,
            ..AnalysisRecord::default()
        }
    }

    #[test]
    fn analysis_block_round_trips_even_with_comment_terminators_inside() {
        let body = format!("summary\n\n{}\n", encode_analysis(&record()));
        assert!(!body.contains("--> <!--"));
        assert_eq!(decode_analysis(&body), Some(record()));
    }

    #[test]
    fn the_last_block_wins_and_garbage_is_none() {
        let mut second = record();
        second.run_id = 8;
        let body = format!("{}\n{}", encode_analysis(&record()), encode_analysis(&second));
        assert_eq!(decode_analysis(&body).map(|r| r.run_id), Some(8));
        assert_eq!(decode_analysis("<!-- autoheal:analysis {not json -->"), None);
        assert_eq!(decode_analysis("no block"), None);
    }

    #[test]
    fn evidence_cannot_ping_inject_html_or_spoof_the_block() {
        let line = "\u{1b}[31m@octocat <img src=x> <!-- autoheal:analysis {} --> email a@b\u{7}";
        let clean = neutralize_line(line, 300);
        assert_eq!(
            clean,
            "@\u{200B}octocat ‹img src=x› ‹!-- autoheal:analysis {} --› email a@\u{200B}b"
        );
        let body = format!(
            "{}\n{}",
            evidence_block(&[line.to_string()], EvidenceLimits::default()),
            "tail"
        );
        assert_eq!(decode_analysis(&body), None);
    }

    #[test]
    fn evidence_is_bounded_and_fences_outgrow_backticks() {
        let lines: Vec<String> = (0..50).map(|i| format!("line {i} ````")).collect();
        let block = evidence_block(
            &lines,
            EvidenceLimits {
                max_lines: 3,
                max_line_chars: 7,
                max_total_chars: 1000,
            },
        );
        assert_eq!(block, "```text\nline 0 …\nline 1 …\nline 2 …\n… (47 more lines)\n```");
        let block = evidence_block(&lines[..1], EvidenceLimits::default());
        assert_eq!(block, "`````text\nline 0 ````\n`````");
    }

    proptest! {
        #[test]
        fn decode_never_panics(body in ".{0,400}") {
            let _ = decode_analysis(&body);
        }

        #[test]
        fn any_subject_round_trips(subject in ".{0,80}", job in ".{0,40}") {
            let record = AnalysisRecord { subject: Some(subject), job, ..AnalysisRecord::default() };
            let body = format!("text {}", encode_analysis(&record));
            prop_assert_eq!(decode_analysis(&body), Some(record));
        }

        #[test]
        fn neutralized_text_has_no_markup_or_mentions(line in ".{0,200}") {
            let clean = neutralize_line(&line, 100);
            prop_assert!(!clean.contains('<') && !clean.contains('>'));
            prop_assert!(!clean.chars().any(|c| c.is_control()));
            let chars: Vec<char> = clean.chars().collect();
            for (i, c) in chars.iter().enumerate() {
                if *c == '@' {
                    let next = chars.get(i + 1);
                    prop_assert!(next.is_none_or(|n| !(n.is_alphanumeric() || *n == '-' || *n == '_')));
                }
            }
        }
    }
}
