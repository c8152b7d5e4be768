//! actions/dependency-review-action.
//!
//! Source: `src/main.ts` `printChangeVulnerabilities`: inside its
//! `Vulnerabilities` group, one line per advisory of a change that fails the
//! `fail-on-severity` threshold, `{manifest} » {name}@{version} – {advisory
//! summary} ({severity} severity)`, then `  ↪ {advisory url}`; after them
//! `core.setFailed('Dependency review detected vulnerable packages.')`. A
//! vulnerable dependency a pull request adds is the reviewer's call (upgrade,
//! replace or accept it): the first advisory printed is where the report
//! begins.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;
use crate::subject::display_text;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "dependency_review/vulnerable-change",
    grammar: "{manifest} » {name}@{version} – {advisory summary} ({critical|high|moderate|low} severity)",
    needles: &[" severity)"],
    check: vulnerable_change,
    examples: &[ex(
        "package-lock.json » cross-spawn@7.0.3 – Regular Expression Denial of Service (ReDoS) in cross-spawn (high \
         severity)",
        Category::Unknown,
        None,
    )],
}];

fn vulnerable_change(line: &Line<'_>) -> Option<Hit> {
    let c =
        regex!(r"^(\S+) » (\S+)@(\S+) – .+ \((critical|high|moderate|low) severity\)$").captures(line.text.trim())?;
    Some(Hit::blocker(format!(
        "Dependency review found a {} advisory for {}@{} added in {}: a dependency the pull request adds is to \
         upgrade, replace or accept (a manual fix).",
        &c[4],
        display_text(&c[2]),
        display_text(&c[3]),
        display_text(&c[1])
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn advisories_of_added_changes() {
        crate::classify::catalogue::assert_reads(
            vulnerable_change,
            &[
                "package-lock.json » minimist@0.0.8 – Prototype Pollution in minimist (critical severity)",
                "requirements.txt » jinja2@3.1.2 – Jinja vulnerable to sandbox breakout (moderate severity)",
            ],
            &[
                "Dependency review detected vulnerable packages.",
                "  ↪ https://github.com/advisories/GHSA-xvch-5gv4-984h",
                "Found 3 issues (high severity)",
            ],
        );
    }
}
