//! asdf, the tool-version manager (its shims).
//!
//! Source: asdf's shim resolution (`lib/functions/...` before 0.16, the Go
//! rewrite after): a shim whose tool has versions set but none of them
//! installed prints `No preset version installed for command {cmd}`, then
//! `Please install a version by running one of the following:` and the
//! `asdf install {plugin} {version}` lines, and exits 126. The command exists
//! (its shim ran): a version the project pins (`.tool-versions`) is not
//! installed, which `asdf install` fixes. Not a missing command a system
//! install would cure: for a person.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "asdf/no-preset-version",
    grammar: "No preset version installed for command {cmd}",
    needles: &["No preset version installed for command"],
    check: no_preset_version,
    examples: &[ex(
        "No preset version installed for command node",
        Category::Unknown,
        None,
    )],
}];

fn no_preset_version(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^(?:asdf: )?No preset version installed for command (\S+)$").captures(line.text.trim())?;
    Some(Hit::blocker(format!(
        "asdf's shim for '{}' found no installed version among those the project pins (.tool-versions): run `asdf \
         install` in the job, not a system install of the command.",
        crate::subject::display_text(&c[1])
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shim_without_its_version() {
        crate::classify::catalogue::assert_reads(
            no_preset_version,
            &["No preset version installed for command node"],
            &[
                "Please install a version by running one of the following:",
                "node: command not found",
            ],
        );
        let hit = no_preset_version(&Line::plain("No preset version installed for command go")).expect("read");
        assert_eq!(hit.category, Category::Unknown);
        assert!(!hit.fixable);
    }
}
