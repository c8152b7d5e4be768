//! Microsoft's SignTool (`signtool.exe` of the Windows SDK), run directly or
//! by packagers (electron-builder, the Tauri bundler, Inno Setup's `SignTool`
//! directive).
//!
//! Source: SignTool's console messages as its documentation and users' logs
//! print them: every failure is `SignTool Error: {message}` (long ones wrapped
//! onto lines indented by eight spaces), and `/v` adds a count at the end,
//! `Number of files successfully Signed: {n}`, `Number of warnings: {n}`,
//! `Number of errors: {n}`. The messages read here:
//! - `No certificates were found that met all the given criteria.`: the
//!   selection (`/n {subject}`, `/sha1 {hash}`, `/a`, a `/f` file with its
//!   `/p` password) matched no usable certificate: the certificate was not
//!   imported (an import step that did not run, a secret a fork's pull
//!   request does not get), it expired, or the selection names another one;
//! - `Multiple certificates were found that meet all the given criteria.`;
//! - `The specified timestamp server either could not be reached or returned
//!   an invalid response.`: the `/t` or `/tr` server did not answer as
//!   expected (its outage, or an RFC 3161 URL given to `/t`, an Authenticode
//!   one to `/tr`), neither the job's time limit nor a rate limit;
//! - `An error occurred while attempting to sign: {file}`: the file the error
//!   above it was about, a summary.
//!
//! Every other `SignTool Error:` is the tool's own refusal. None is fixable:
//! a certificate, its password and the timestamp service are a person's
//! choice.

use super::util::regex;
use super::{Entry, ex, ex_after};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;
use crate::subject::display_text;

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "signtool/error",
        grammar: "SignTool Error: {message} (wrapped onto lines indented by eight spaces); `An error occurred while \
                  attempting to sign: {file}` summarizes the error above it",
        needles: &["SignTool Error: "],
        check: signtool_error,
        examples: &[
            ex(
                "SignTool Error: No certificates were found that met all the given criteria.",
                Category::Unknown,
                None,
            ),
            ex(
                "SignTool Error: The specified timestamp server either could not be reached or",
                Category::Unknown,
                None,
            ),
        ],
    },
    Entry {
        id: "signtool/error-count",
        grammar: "Number of errors: {n} (`/v`'s count, after `Number of files successfully Signed: {n}`)",
        needles: &["Number of errors: "],
        check: error_count,
        examples: &[ex_after(
            &["Number of files successfully Signed: 0", "Number of warnings: 0"],
            "Number of errors: 1",
            Category::Unknown,
            None,
        )],
    },
];

fn signtool_error(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^\s*SignTool Error: (.+)$").captures(line.text)?;
    let text = c[1].trim();
    if text.starts_with("An error occurred while attempting to sign:") {
        return Some(Hit::summary(
            "SignTool could not sign a file; the `SignTool Error:` line above it says why.",
        ));
    }
    let message = if text.starts_with("No certificates were found that met all the given criteria") {
        "SignTool found no certificate that matches its selection (`/n`, `/sha1`, `/a`, or the `/f` file and its \
         password): the signing certificate was not imported (a step that did not run, a secret a fork's pull \
         request does not get), it expired, or the selection names another one. A certificate is a person's call."
            .to_string()
    } else if text.starts_with("Multiple certificates were found that meet all the given criteria") {
        "SignTool found several certificates that match its selection: name one (`/sha1 {hash}`), or let it choose \
         (`/a`); a person's call."
            .to_string()
    } else if text.starts_with("The specified timestamp server either could not be reached") {
        "SignTool's timestamp server (`/t` or `/tr`) did not answer or gave an invalid response: the service's \
         outage, or an RFC 3161 URL given to `/t` (an Authenticode one to `/tr`). It is neither the job's time limit \
         nor a rate limit; another timestamp URL or a retry is a person's call."
            .to_string()
    } else {
        format!("SignTool refused to sign: {}", display_text(text))
    };
    Some(Hit::blocker(message))
}

/// `/v`'s count of errors, when it is not zero: the errors are above it.
fn error_count(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^\s*Number of errors: (\d+)\s*$").captures(line.text)?;
    let signtool = line
        .recent
        .iter()
        .any(|l| l.trim_start().starts_with("Number of files successfully Signed:"));
    (signtool && &c[1] != "0").then(|| {
        Hit::summary("SignTool counted the files it failed to sign; the `SignTool Error:` lines above say why.")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::hit::Strength;

    #[test]
    fn the_refusal_decides_and_the_file_line_and_count_summarize() {
        let refusal = signtool_error(&Line::plain(
            "SignTool Error: The specified timestamp server either could not be reached or",
        ))
        .expect("read");
        assert_eq!(
            (refusal.category, refusal.strength),
            (Category::Unknown, Strength::Blocker)
        );
        assert!(
            refusal
                .message
                .contains("neither the job's time limit nor a rate limit")
        );
        let file = signtool_error(&Line::plain(
            "SignTool Error: An error occurred while attempting to sign: D:\\a\\q\\q\\dist\\Setup.exe",
        ))
        .expect("read");
        assert_eq!(file.strength, Strength::Summary);
        let certificate = signtool_error(&Line::plain(
            "SignTool Error: No certificates were found that met all the given criteria.",
        ))
        .expect("read");
        assert!(certificate.message.contains("not imported"));
        assert!(!certificate.fixable);
        crate::classify::catalogue::assert_reads(
            signtool_error,
            &["SignTool Error: This file format cannot be signed because it is not recognized."],
            &[
                "echo SignTool Error: none",
                "SignTool Warning: Signing succeeded, but an error occurred",
            ],
        );
    }

    #[test]
    fn only_a_nonzero_count_after_signtools_own_lines_is_read() {
        fn at<'a>(text: &'a str, recent: &'a [&'a str]) -> Option<Hit> {
            error_count(&Line {
                recent,
                ..Line::plain(text)
            })
        }
        let recent = ["Number of files successfully Signed: 0", "Number of warnings: 0"];
        assert!(at("Number of errors: 1", &recent).is_some_and(|h| h.strength == Strength::Summary));
        let recent0 = ["Number of files successfully Signed: 3", "Number of warnings: 0"];
        assert!(at("Number of errors: 0", &recent0).is_none());
        // Another tool's count is not SignTool's.
        assert!(at("Number of errors: 2", &[]).is_none());
    }
}
