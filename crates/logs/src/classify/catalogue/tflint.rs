//! TFLint, Terraform's linter.
//!
//! Sources: TFLint's formatters (`formatter/pretty.go`, `formatter/compact.go`):
//! the default output opens with `{n} issue(s) found:` and prints each issue as
//! `{Severity}: {message} ({rule})` over `  on {file} line {n}:`; `--format
//! compact` prints one line per issue, `{file}:{line}:{col}: {Severity} -
//! {message} ({rule})`. The severities are `Error`, `Warning` and `Notice`;
//! TFLint exits 2 when an issue is an error (by default, `--minimum-failure-
//! severity`), so warnings above an error are not why the step failed. An
//! issue is the configuration's fault (an invalid instance type, an unused
//! declaration): for a person, never fixed.

use super::util::regex;
use super::{Entry, ex, ex_after};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "tflint/issue",
    grammar: "{file}:{line}:{col}: Error - {message} ({rule}) (--format compact) | Error: {message} ({rule}) (the \
              default format, under `{n} issue(s) found:`)",
    needles: &[": Error - ", "Error: "],
    check: issue,
    examples: &[
        ex(
            "envs/prod/main.tf:21:19: Error - \"t3.mirco\" is an invalid value as instance_type \
             (aws_instance_invalid_type)",
            Category::Unknown,
            None,
        ),
        ex_after(
            &["1 issue(s) found:", ""],
            "Error: \"t2.mega\" is an invalid value as instance_type (aws_instance_invalid_type)",
            Category::Unknown,
            None,
        ),
    ],
}];

const FOUND: &str = "issue(s) found:";

fn issue(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim();
    // The prefilter matches without case, so every `error: ` line of every
    // tool reaches this check: both forms end with `({rule})`, and the
    // default one starts with `Error: `, which byte comparisons refuse before
    // any regex or look at the lines above.
    if !text.ends_with(')') {
        return None;
    }
    let compact =
        text.contains(": Error - ") && regex!(r"^[^\s:]+:\d+:\d+: Error - .+ \([a-z][a-z0-9_]*\)$").is_match(text);
    // The default form's `Error: ` starts lines of many tools: only under
    // TFLint's count of issues.
    let default = !compact
        && text.starts_with("Error: ")
        && regex!(r"^Error: .+ \([a-z][a-z0-9_]*\)$").is_match(text)
        && line.nearby(FOUND);
    (compact || default).then(|| {
        Hit::blocker("TFLint found an error in the Terraform configuration (a lint issue: for a person to fix).")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_in_both_formats_not_warnings() {
        crate::classify::catalogue::assert_reads(
            issue,
            &["main.tf:52:23: Error - \"gp99\" is an invalid value as type (aws_ebs_volume_invalid_type)"],
            &[
                "variables.tf:12:1: Warning - variable \"x\" is declared but not used (terraform_unused_declarations)",
                "main.tf:3:1: Notice - something (aws_resource_missing_tags)",
                // Without TFLint's count above it, `Error: … (…)` is anyone's.
                "Error: \"t2.mega\" is an invalid value as instance_type (aws_instance_invalid_type)",
                "error: could not compile `app` (bin \"app\")",
                "ERROR: Could not find a version that satisfies the requirement x (from versions: none)",
            ],
        );
        let recent = ["2 issue(s) found:", ""];
        let line = Line {
            recent: &recent,
            ..Line::plain("Error: \"t2.mega\" is an invalid value as instance_type (aws_instance_invalid_type)")
        };
        let hit = issue(&line).expect("read");
        assert_eq!((hit.category, hit.fixable), (Category::Unknown, false));
    }
}
