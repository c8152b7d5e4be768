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
//!
//! One detail is read here: `-var-file` of a file that is not there
//! (`internal/command/meta_vars.go`, summary `Failed to read variables file`,
//! detail `Given variables file {path} does not exist.`, the path as given,
//! relative to the working directory): a file of the checkout. It is read
//! boxed or not (a wrapper's or a copy's form), its wording being Terraform's
//! own. Terraform word-wraps a detail to the terminal's width, 78 columns
//! when the output is no terminal, as in Actions (`terminal/stream.go`
//! `defaultColumns`; `format/diagnostic.go` wraps at `width - 3`), so a long
//! path breaks the sentence at a space (review88 L3): the path's line ends
//! early, or the path starts the next line.

use super::util::{path_hit, regex};
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "terraform/error-diagnostic",
        grammar: "│ Error: {summary} (then `│ {detail}` lines, the box closed by `╵`)",
        needles: &["│ Error: "],
        check: error_diagnostic,
        examples: &[ex(
            "│ Error: Failed to query available provider packages",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "terraform/var-file-missing",
        grammar: "│ Given variables file {path} does not exist. (the detail under `│ Error: Failed to read variables \
                  file`)",
        needles: &["Given variables file", " does not exist."],
        check: var_file_missing,
        examples: &[ex(
            "│ Given variables file envs/prod.tfvars does not exist.",
            Category::FileNotFound,
            Some("envs/prod.tfvars"),
        )],
    },
];

fn var_file_missing(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim();
    let whole = regex!(r"^(?:│ )?Given variables file (\S.*?)(?: does not exist\.| does not| does)?$");
    let path = match whole.captures(text) {
        Some(c) if c.get(0)?.as_str().len() > c.get(1)?.end() || text.ends_with("does not exist.") => c[1].to_string(),
        // The path alone on the line, cut before " does": only when the
        // wrapped sentence's next words are not on this line either, the
        // case above; else the path starts the next line, read there.
        Some(c) if !c[1].contains(' ') && line_is_wrapped_detail(text) => c[1].to_string(),
        _ => {
            let c = regex!(r"^(?:│ )?(\S+) does not exist\.$").captures(text)?;
            let previous = line.recent.last()?.trim();
            regex!(r"^(?:│ )?Given variables file$")
                .is_match(previous)
                .then(|| c[1].to_string())?
        }
    };
    Some(path_hit(
        &path,
        0.8,
        "Terraform was given a variables file (-var-file) that does not exist.",
    ))
}

/// A boxed detail line as long as Terraform's wrapping allows: the sentence
/// may go on on the next line.
fn line_is_wrapped_detail(text: &str) -> bool {
    text.starts_with("│ ") && text.chars().count() >= 60
}

fn error_diagnostic(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^│ Error: (\S.*)$").captures(line.text.trim_start())?;
    let summary = c[1].trim_end();
    Some(Hit::summary(format!(
        "Terraform reported an error: {}",
        crate::subject::display_text(summary)
    )))
}

#[cfg(test)]
mod var_file_tests {
    use super::*;

    #[test]
    fn a_missing_var_file_in_the_box() {
        crate::classify::catalogue::assert_reads(
            var_file_missing,
            &[
                "│ Given variables file envs/prod.tfvars does not exist.",
                // Unboxed, as a wrapper or a copy may print it.
                "Given variables file envs/prod.tfvars does not exist.",
            ],
            &[
                "│ Error: Failed to read variables file",
                "│ Given variables file envs/prod.tfvars is empty.",
            ],
        );
        // Wrapped at Terraform's width: the sentence cut after the path, or
        // the path on the next line.
        let long = "infrastructure/environments/production/eu-west-1/terraform.tfvars";
        for first in [
            format!("│ Given variables file {long} does"),
            format!("│ Given variables file {long} does not"),
        ] {
            let hit = var_file_missing(&Line::plain(&first)).expect("read");
            assert_eq!(hit.subject.as_deref(), Some(long), "{first}");
        }
        let recent = ["│ Given variables file"];
        let next = format!("│ {long} does not exist.");
        let mut line = Line::plain(&next);
        line.recent = &recent;
        let hit = var_file_missing(&line).expect("read");
        assert_eq!(hit.subject.as_deref(), Some(long));
        assert!(hit.fixable);
        // Another tool's "does not exist." is not Terraform's.
        assert!(var_file_missing(&Line::plain("│ config.yml does not exist.")).is_none());
        let outside = var_file_missing(&Line::plain(
            "│ Given variables file /etc/tf/prod.tfvars does not exist.",
        ))
        .expect("read");
        assert_eq!(outside.category, Category::FileNotFound);
        assert!(!outside.fixable);
    }
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
