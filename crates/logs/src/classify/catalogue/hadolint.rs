//! hadolint, the Dockerfile linter (and hadolint/hadolint-action).
//!
//! Source: `src/Hadolint/Formatter/TTY.hs` (the default `tty` format): one
//! line per finding, `{file}:{line} {code} {severity}: {message}`, the code
//! a rule of hadolint's (`DL3008`) or of ShellCheck's on a `RUN` (`SC2086`),
//! the severity `error`, `warning`, `info` or `style`. hadolint exits
//! non-zero when a finding is at or above `--failure-threshold` (`info` by
//! default). A finding is the Dockerfile's, a person's call; the first one
//! printed is where the report begins.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;
use crate::subject::display_text;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "hadolint/finding",
    grammar: "{file}:{line} {DLnnnn|SCnnnn} {error|warning|info|style}: {message}",
    needles: &[" DL", " SC"],
    check: finding,
    examples: &[
        ex(
            "Dockerfile:9 DL3008 warning: Pin versions in apt get install. Instead of `apt-get install <package>` use \
             `apt-get install <package>=<version>`",
            Category::Unknown,
            None,
        ),
        ex(
            "docker/api.Dockerfile:14 SC2086 info: Double quote to prevent globbing and word splitting.",
            Category::Unknown,
            None,
        ),
    ],
}];

fn finding(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^(\S+):(\d+) ((?:DL|SC)\d{4}) (?:error|warning|info|style): (.+)$").captures(line.text.trim())?;
    Some(Hit::blocker(format!(
        "hadolint reported {} at {}:{} ({}): the Dockerfile is to fix, or the rule to ignore in hadolint's \
         configuration (a manual fix).",
        display_text(&c[3]),
        display_text(&c[1]),
        &c[2],
        display_text(&c[4])
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn findings_in_the_tty_format() {
        crate::classify::catalogue::assert_reads(
            finding,
            &[
                "Dockerfile:1 DL3007 warning: Using latest is prone to errors if the image will ever update.",
                "-:7 DL3015 info: Avoid additional packages by specifying `--no-install-recommends`",
            ],
            &[
                "Dockerfile:9 DL3008",
                "In build.sh line 3: SC2086 (info): Double quote to prevent globbing",
                "Step 4/9 : RUN apt-get install -y curl",
            ],
        );
        let hit = finding(&Line::plain(
            "Dockerfile:9 DL3008 warning: Pin versions in apt get install.",
        ))
        .expect("read");
        assert_eq!((hit.category, hit.fixable), (Category::Unknown, false));
    }
}
