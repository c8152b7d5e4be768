//! Codecov's uploader, the codecov-cli that codecov/codecov-action runs (v4
//! and later).
//!
//! Source: codecov-cli's log format (`codecov_cli/helpers/logging_utils.py`:
//! `{level} - {YYYY-MM-DD HH:MM:SS,mmm} -- {message}`, the level in lower
//! case), with the API's refusal as the message's JSON (`Commit creating
//! failed: {"message":"Token required - not valid tokenless upload"}`,
//! `Upload failed: {…}`). A refusal that is a rate limit (`429`, `Rate limit
//! reached`) is left to the rate-limit entries, which name the service.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "codecov/cli-error",
    grammar: "error - {YYYY-MM-DD HH:MM:SS,mmm} -- {message} (codecov-cli, e.g. `Commit creating failed: \
              {\"message\":\"Token required - not valid tokenless upload\"}`)",
    needles: &["error - "],
    check: cli_error,
    examples: &[ex(
        "error - 2026-12-06 13:50:07,413 -- Upload failed: {\"message\":\"Token required - not valid tokenless upload\"}",
        Category::Unknown,
        None,
    )],
}];

fn cli_error(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^error - \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},\d{3} -- (.+)$").captures(line.text.trim())?;
    let message = &c[1];
    let lower = message.to_ascii_lowercase();
    if lower.contains("429") || lower.contains("rate limit") || lower.contains("too many requests") {
        return None;
    }
    Some(Hit::blocker(
        if lower.contains("token required") || lower.contains("tokenless") {
            "Codecov refused the upload without a token (tokenless uploads are refused for this repository; a pull \
         request from a fork gets no secrets): a person sets CODECOV_TOKEN, or lets the upload fail without failing \
         the job (`fail_ci_if_error: false`)."
        } else {
            "Codecov's uploader failed (its message says why)."
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_clis_error_lines_and_not_its_limits() {
        let hit = cli_error(&Line::plain(
            "error - 2026-02-10 09:57:54,047 -- Commit creating failed: {\"message\":\"Token required - not valid \
             tokenless upload\"}",
        ))
        .expect("read");
        assert!(hit.message.contains("CODECOV_TOKEN"));
        assert!(!hit.fixable);
        crate::classify::catalogue::assert_reads(
            cli_error,
            &["error - 2026-12-06 13:50:08,316 -- Upload failed: {\"detail\":\"Not valid tokenless upload\"}"],
            &[
                "error - 2026-12-06 13:50:08,316 -- Upload failed: {\"message\":\"Rate limit reached. Expected time \
                 to availability: 3276s.\"}",
                "info - 2026-12-06 13:50:07,118 -- ci service found: github-actions",
                "echo \"error - 2026-12-06 13:50:08,316 -- x\"",
            ],
        );
    }
}
