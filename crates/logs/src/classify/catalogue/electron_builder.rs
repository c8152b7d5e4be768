//! electron-builder (`app-builder-lib`).
//!
//! Sources: electron-builder logs through `builder-util`'s logger: `  • {message}
//! {key}={value}…` for progress and `  ⨯ {message}  failedTask=build
//! stackTrace={stack}` when the build throws. A resource its configuration
//! names (an icon, `nsis.license`, `dmg.background`, …) is resolved by
//! `PlatformPackager.getResource`: as given, then under the build resources
//! directory, then under the project directory; when none exists it throws
//! `cannot find specified resource "{custom}", nor relative to
//! "{buildResourcesDir}", neither relative to project dir ("{projectDir}")`
//! (older releases end after `nor relative to "{dir}" directory`). `{custom}`
//! is the path as configured (package.json's `build`, `electron-builder.yml`,
//! or a `-c.{key}=` option): a missing file, but one the tool's
//! configuration names, which no edit of the workflow corrects; reported with
//! its path and never fixed.

use super::util::{path_hit, regex};
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "electron_builder/resource-not-found",
    grammar: "⨯ cannot find specified resource \"{custom}\", nor relative to \"{dir}\", neither relative to project \
              dir (\"{dir}\")  failedTask=build stackTrace=…",
    needles: &["cannot find specified resource \""],
    check: resource_not_found,
    examples: &[ex(
        "  ⨯ cannot find specified resource \"build/icon.icns\", nor relative to \"/home/runner/work/a/a/build\", \
         neither relative to project dir (\"/home/runner/work/a/a\")  failedTask=build stackTrace=Error: cannot find",
        Category::FileNotFound,
        Some("build/icon.icns"),
    )],
}];

fn resource_not_found(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r#"^(?:⨯\s+|Error: )?cannot find specified resource "([^"]+)", nor relative to ""#)
        .captures(line.text.trim())?;
    let hit = path_hit(
        &c[1],
        0.8,
        "electron-builder cannot find a resource its configuration names (an icon, a license, a background).",
    );
    let message = format!(
        "{} The path is electron-builder's configuration (package.json's `build`, electron-builder.yml or a `-c.` \
         option), not the workflow's: correct it there (a manual fix).",
        hit.message
    );
    Some(Hit { message, ..hit }.fixable(false))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_configured_resource_is_named_and_never_fixed() {
        let hit = resource_not_found(&Line::plain(
            "  ⨯ cannot find specified resource \"build/icons/app.icns\", nor relative to \
             \"/Users/runner/work/l/l/build\", neither relative to project dir (\"/Users/runner/work/l/l\")  \
             failedTask=build stackTrace=Error: cannot find specified resource \"build/icons/app.icns\"",
        ))
        .expect("read");
        assert_eq!(
            (hit.category, hit.subject.as_deref(), hit.fixable),
            (Category::FileNotFound, Some("build/icons/app.icns"), false)
        );
        // The older form, on Windows.
        let hit = resource_not_found(&Line::plain(
            "  ⨯ cannot find specified resource \"build\\installer.nsh\", nor relative to \"D:\\a\\x\\x\\build\" \
             directory",
        ))
        .expect("read");
        assert!(!hit.fixable);
        assert!(resource_not_found(&Line::plain("  • building target=nsis")).is_none());
    }
}
