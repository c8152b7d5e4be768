//! GoReleaser.
//!
//! Source: GoReleaser logs through caarlos0/log, whose CLI handler prints a
//! level glyph, the message padded, then the fields as `key=value`; a failed
//! run ends with `⨯ {command} failed after {duration}  error={error}`
//! (`cmd/root.go`, the `⨯` glyph of the error level). `{error}` is Go's error
//! text: `open {path}: no such file or directory` when the `--config` file
//! (or another file it was told to read) is not there, a file of the checkout;
//! anything else (a dirty git state, a token, a build) is for a person.

use super::util::{path_hit, regex};
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "goreleaser/command-failed",
    grammar: "⨯ {command} failed after {duration}  error={error}",
    needles: &[" failed after "],
    check: command_failed,
    examples: &[
        ex(
            "  ⨯ release failed after 0s                       error=open .goreleaser.ci.yaml: no such file or directory",
            Category::FileNotFound,
            Some(".goreleaser.ci.yaml"),
        ),
        ex(
            "  ⨯ release failed after 1s  error=git is in a dirty state",
            Category::Unknown,
            None,
        ),
    ],
}];

fn command_failed(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^⨯ ([\w-]+) failed after \S+\s+error=(.+)$").captures(line.text.trim())?;
    let error = c[2].trim();
    if let Some(open) = regex!(r"^open (\S+): no such file or directory$").captures(error) {
        return Some(path_hit(
            &open[1],
            0.8,
            "GoReleaser was told to read a file that does not exist (its --config, or a file the configuration names).",
        ));
    }
    Some(Hit::blocker(format!(
        "GoReleaser's {} failed: {}",
        &c[1],
        crate::subject::display_text(error)
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_run_and_its_error() {
        crate::classify::catalogue::assert_reads(
            command_failed,
            &["  ⨯ build failed after 12s  error=exit status 2"],
            &[
                "release failed after 0s error=open x: no such file or directory",
                "  • building binaries",
                "Error: job failed after 3 attempts",
            ],
        );
        let outside = command_failed(&Line::plain(
            "  ⨯ release failed after 0s  error=open /etc/goreleaser.yaml: no such file or directory",
        ))
        .expect("read");
        assert_eq!(outside.category, Category::FileNotFound);
        assert!(!outside.fixable);
    }
}
