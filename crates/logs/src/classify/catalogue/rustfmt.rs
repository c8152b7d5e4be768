//! rustfmt in check mode (`cargo fmt --check`, `rustfmt --check`).
//!
//! Source: rustfmt's `src/rustfmt_diff.rs` (`print_diff`): for each hunk of
//! a file that is not formatted, `Diff in {path}:{line}:` (before rustfmt
//! 1.6, `Diff in {path} at line {line}:`), then the hunk's lines, context
//! with a leading space, the current text with `-`, the formatted text with
//! `+`; the command exits 1. The diff's lines are the project's code: what
//! they say (an error message the code prints) is no failure of the run.
//!
//! Unformatted code is a person's commit (`cargo fmt`): a blocker located at
//! the first hunk's heading.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "rustfmt/check-diff",
    grammar: "Diff in {path}:{line}: | Diff in {path} at line {line}: (then the hunk, `-` current, `+` formatted)",
    needles: &["Diff in "],
    check: check_diff,
    examples: &[ex(
        "Diff in /home/runner/work/protoforge/protoforge/crates/build/src/protoc.rs:41:",
        Category::Unknown,
        None,
    )],
}];

fn check_diff(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^Diff in (.+?\.rs)(?::\d+| at line \d+):$").captures(line.text.trim())?;
    let path = crate::subject::display_text(&c[1]);
    Some(Hit::blocker(format!(
        "rustfmt's check found code that is not formatted ({path} and any other file whose diff follows): run \
         `cargo fmt` and commit the result; the diff's lines are the code, nothing in them failed."
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_check_mode_diff_is_a_blocker_at_its_first_hunk() {
        for text in [
            "Diff in /home/runner/work/protoforge/protoforge/crates/build/src/protoc.rs:41:",
            "Diff in D:\\a\\tool\\tool\\src\\main.rs:7:",
            "Diff in /checkout/compiler/rustc_infer/src/infer/lattice.rs at line 1086:",
        ] {
            let hit = check_diff(&Line::plain(text)).expect(text);
            assert_eq!((hit.category, hit.fixable), (Category::Unknown, false), "{text}");
        }
        crate::classify::catalogue::assert_reads(
            check_diff,
            &[],
            &[
                "Diff in the output of the snapshot test:",
                "-        anyhow!(\"Diff in {}\", path)",
            ],
        );
    }
}
