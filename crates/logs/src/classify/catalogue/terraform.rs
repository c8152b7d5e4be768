//! Terraform (and OpenTofu, which prints the same diagnostics).
//!
//! Source: Terraform's diagnostic rendering since 0.15
//! (`internal/command/format/diagnostic.go`): an error is drawn in a box whose
//! left edge is `│`, opening with `╷` and closing with `╵`, its first line
//! `│ Error: {summary}` and the detail below it. Only the boxed form is read: a
//! bare `Error: ` starts lines of many tools. The summary is a heading: the
//! detail lines may carry the cause an entry of its own reads (a registry's
//! `429 Too Many Requests` under `Failed to query available provider
//! packages`), which then wins; alone, the summary is the root cause.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "terraform/error-diagnostic",
    grammar: "│ Error: {summary} (then `│ {detail}` lines, the box closed by `╵`)",
    needles: &["│ Error: "],
    check: error_diagnostic,
    examples: &[ex(
        "│ Error: Failed to query available provider packages",
        Category::Unknown,
        None,
    )],
}];

fn error_diagnostic(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^│ Error: (\S.*)$").captures(line.text.trim_start())?;
    let summary = c[1].trim_end();
    Some(Hit::summary(format!(
        "Terraform reported an error: {}",
        crate::subject::display_text(summary)
    )))
}

#[cfg(test)]
mod tests {
    use crate::report::Category;
    use crate::{LogFile, LogInput, Options, analyze};

    fn root(text: &str) -> (Category, Option<String>, u64) {
        let input = LogInput {
            logs: vec![LogFile {
                job: None,
                bytes: text.as_bytes(),
            }],
            ..LogInput::default()
        };
        let analysis = analyze(&input, &Options::default()).expect("analysis");
        let root = analysis.root_cause().expect("a root cause");
        let line = root.evidence.first().map_or(0, |e| e.line);
        (root.category, root.subject.clone(), line)
    }

    #[test]
    fn a_cause_in_the_box_explains_its_summary() {
        let log = "Initializing provider plugins...\n\
                   ╷\n\
                   │ Error: Failed to query available provider packages\n\
                   │ \n\
                   │ Could not retrieve the list of available versions for provider hashicorp/aws: could not query \
                   provider registry for registry.terraform.io/hashicorp/aws: the request failed after 2 attempts, \
                   please try again later: 429 Too Many Requests\n\
                   ╵\n\
                   ##[error]Process completed with exit code 1.\n";
        assert_eq!(root(log), (Category::RateLimit, Some("a service".to_string()), 5));
    }

    #[test]
    fn alone_the_summary_is_the_root_cause() {
        let log = "╷\n\
                   │ Error: Unsupported argument\n\
                   │ \n\
                   │   on main.tf line 12, in resource \"aws_s3_bucket\" \"logs\":\n\
                   │   12:   acl = \"private\"\n\
                   │ \n\
                   │ An argument named \"acl\" is not expected here.\n\
                   ╵\n\
                   ##[error]Process completed with exit code 1.\n";
        let (category, subject, line) = root(log);
        assert_eq!((category, subject, line), (Category::Unknown, None, 2));
    }
}
