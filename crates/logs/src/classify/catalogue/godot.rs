//! Godot's headless export (`godot --headless --export-release {preset}`).
//!
//! Source: `editor/export/editor_export_platform.cpp`
//! (`find_export_template`): `No export template found at the expected
//! path:` and the path on the next line, under `ERROR: Cannot export project
//! with preset "{preset}" due to configuration errors:`. The templates are
//! the engine's own, installed per version outside the repository
//! (`~/.local/share/godot/export_templates/{version}/`): not a file of the
//! checkout to point at, and the version-matched download is a person's
//! call, so the finding is a blocker read at the reason, not the heading.

use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "godot/export-template-missing",
    grammar: "No export template found at the expected path:",
    needles: &["No export template found at the expected path:"],
    check: export_template_missing,
    examples: &[ex(
        "No export template found at the expected path:",
        Category::Unknown,
        None,
    )],
}];

fn export_template_missing(line: &Line<'_>) -> Option<Hit> {
    (line.text.trim() == "No export template found at the expected path:").then(|| {
        Hit::blocker(
            "Godot has no export template for this engine version installed (the templates are downloaded per \
             version, outside the repository): a person installs the matching ones.",
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn godot_export_templates() {
        crate::classify::catalogue::assert_reads(
            export_template_missing,
            &["No export template found at the expected path:"],
            &["# No export template found at the expected path: see docs"],
        );
    }
}
