//! zizmor, the GitHub Actions auditor, as a CI step (`zizmor .github/workflows`,
//! `uvx zizmor …`, zizmorcore/zizmor-action).
//!
//! Source: its plain output, annotate-snippets findings `{error|warning|help|
//! info}[{audit id}]: {description}` then ` --> {file}:{line}:{col}`, the
//! snippet and `= note: audit confidence → {level}`, after its ` INFO zizmor: 🌈
//! zizmor v{version}` banner, and the total `{n} findings (…): …`. Deno's
//! linter prints the same `error[{rule}]:` shape, so a line is zizmor's only
//! when the step's script runs zizmor or zizmor's banner or progress lines
//! came just before. A finding is the workflow's: a person's call (fix the
//! workflow or suppress the finding); the first one printed is where the
//! report begins.

use super::util::regex;
use super::{Entry, ex_after};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;
use crate::subject::display_text;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "zizmor/finding",
    grammar: "{error|warning|help|info}[{audit}]: {description}",
    needles: &["error[", "warning[", "help[", "info["],
    check: finding,
    examples: &[ex_after(
        &[" INFO audit: zizmor: 🌈 completed .github/workflows/triage.yml"],
        "error[template-injection]: code injection via template expansion",
        Category::Unknown,
        None,
    )],
}];

fn finding(line: &Line<'_>) -> Option<Hit> {
    let c =
        regex!(r"^(error|warning|help|info)\[([a-z][a-z0-9]*(?:-[a-z0-9]+)*)\]: (.+)$").captures(line.text.trim())?;
    let zizmor_ran = line.script.contains("zizmor") || line.recent.iter().any(|l| l.contains("zizmor"));
    zizmor_ran.then(|| {
        Hit::blocker(format!(
            "zizmor reported {} ({}): the workflow is to fix, or the finding to suppress (a manual fix).",
            &c[2],
            display_text(&c[3])
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_finding_only_where_zizmor_ran() {
        let after_banner = |text| Line {
            recent: &[" INFO zizmor: 🌈 zizmor v1.5.2"],
            ..Line::plain(text)
        };
        let in_script = |text| Line {
            script: "zizmor --format plain .github/workflows",
            ..Line::plain(text)
        };
        assert!(
            finding(&after_banner(
                "error[template-injection]: code injection via template expansion"
            ))
            .is_some()
        );
        assert!(
            finding(&in_script(
                "warning[artipacked]: credential persistence through GitHub Actions artifacts"
            ))
            .is_some()
        );
        // Deno's linter prints the same shape: not zizmor's without it.
        assert!(finding(&Line::plain("error[no-unused-vars]: `offset` is never used")).is_none());
        assert!(finding(&after_banner("error: unexpected argument '--fromat' found")).is_none());
    }
}
