//! Git, as the checkout action and scripts run it.
//!
//! Sources: git's own messages (`builtin/add.c`: `pathspec '{p}' did not match
//! any files`; `checkout`: `pathspec '{p}' did not match any file(s) known to
//! git`; `remote: Repository not found.` / `fatal: repository '{url}' not found`;
//! credential prompts disabled: `could not read Username for '{url}'`; `error:
//! failed to push some refs to '{url}'`; `fatal: not a git repository`).

use super::util::{path_hit, quoted};
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "git/pathspec-add",
        grammar: "fatal: pathspec '{path}' did not match any files",
        needles: &["did not match any files"],
        check: pathspec_add,
        examples: &[ex(
            "fatal: pathspec 'docs/api.md' did not match any files",
            Category::FileNotFound,
            Some("docs/api.md"),
        )],
    },
    Entry {
        id: "git/remote-refused",
        grammar: "remote: Repository not found. | fatal: repository '{url}' not found | fatal: could not read Username \\
                  for '{url}': … | error: failed to push some refs to '{url}' | fatal: not a git repository | \\
                  error: pathspec '{ref}' did not match any file(s) known to git",
        needles: &[
            "Repository not found",
            "fatal: repository '",
            "could not read Username",
            "failed to push some refs",
            "not a git repository",
            "known to git",
        ],
        check: remote_refused,
        examples: &[ex(
            "fatal: could not read Username for 'https://github.com': terminal prompts disabled",
            Category::Unknown,
            None,
        )],
    },
];

fn pathspec_add(line: &Line<'_>) -> Option<Hit> {
    let text = line.text;
    if !text.contains("pathspec '") || text.contains("known to git") {
        return None;
    }
    let path = quoted(super::util::after(text, "pathspec")?)?;
    Some(path_hit(path, 0.7, "git was given a path that does not exist."))
}

fn remote_refused(line: &Line<'_>) -> Option<Hit> {
    let text = line.text;
    let message = if text.contains("not a git repository") {
        "The step ran git outside a repository (no checkout, or a wrong working directory)."
    } else if text.contains("known to git") {
        "git was given a branch, tag or path it does not know."
    } else if text.contains("failed to push") {
        "git could not push (the branch moved, or the token may not push)."
    } else {
        "git could not reach the repository with the credentials it has (a missing token or permission)."
    };
    Some(Hit::blocker(message))
}
