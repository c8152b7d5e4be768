//! The Netlify CLI (`netlify deploy`, npm package `netlify-cli`).
//!
//! Source: `src/commands/deploy/deploy.ts` in netlify/cli,
//! `validateDeployFolder`: when `stat` of the folder to deploy (`--dir`, or
//! the `publish` directory of netlify.toml, resolved against the working
//! directory) fails with `ENOENT`, the command stops with `No such directory
//! {deployFolder}! Did you forget to run a build?` (printed through its
//! `error()` helper: `Error: …`, older releases ` ›   Error: …`). The
//! folder is absolute. A path that is not a folder is `Deploy target must be
//! a path to a directory`, which says nothing is missing.
//!
//! The folder to deploy is what the build writes, so it is never a tracked
//! path that moved: the hit names it but is not fixable (review87 H2: a
//! committed directory of the same name elsewhere was deployed instead).

use super::util::{path_hit, regex};
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "netlify/deploy-folder-missing",
    grammar: "No such directory {deployFolder}! Did you forget to run a build?",
    needles: &["Did you forget to run a build?"],
    check: deploy_folder_missing,
    examples: &[
        ex(
            "Error: No such directory /home/runner/work/site/site/dist! Did you forget to run a build?",
            Category::FileNotFound,
            Some("dist"),
        ),
        ex(
            " ›   Error: No such directory D:\\a\\docs\\docs\\public! Did you forget to run a build?",
            Category::FileNotFound,
            Some("public"),
        ),
    ],
}];

fn deploy_folder_missing(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"No such directory (.+?)! Did you forget to run a build\?").captures(line.text)?;
    Some(
        path_hit(
            &c[1],
            0.8,
            "`netlify deploy` found no folder to deploy where it was told to look: the build wrote its output \
             elsewhere, or did not run. A folder to deploy is made by the build, so no path in the repository is where \
             it went: check the build step and the folder it writes (a manual fix).",
        )
        .fixable(false),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deploy_folders() {
        crate::classify::catalogue::assert_reads(
            deploy_folder_missing,
            &["Error: No such directory /home/runner/work/site/site/build! Did you forget to run a build?"],
            &[
                "Error: Deploy target must be a path to a directory",
                "Did you forget to run a build?",
            ],
        );
        // A folder outside the workspace is shown, not fixed.
        let outside = deploy_folder_missing(&Line::plain(
            "Error: No such directory /tmp/site-out! Did you forget to run a build?",
        ))
        .expect("read");
        assert_eq!(outside.category, Category::FileNotFound);
        assert!(!outside.fixable);
        let inside = deploy_folder_missing(&Line::plain(
            "Error: No such directory /home/runner/work/site/site/dist! Did you forget to run a build?",
        ))
        .expect("read");
        assert_eq!(inside.category, Category::FileNotFound);
        assert!(!inside.fixable, "a build's output never moved");
    }
}
