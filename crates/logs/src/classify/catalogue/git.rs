//! Git, as the checkout action and scripts run it.
//!
//! Sources: git's own messages (`builtin/add.c`: `pathspec '{p}' did not match
//! any files`; `checkout`: `pathspec '{p}' did not match any file(s) known to
//! git`; `remote: Repository not found.` / `fatal: repository '{url}' not found`;
//! credential prompts disabled: `could not read Username for '{url}'`; `error:
//! failed to push some refs to '{url}'`; `fatal: not a git repository`;
//! `git.c`/`help.c`: `git: '{cmd}' is not a git command. See 'git --help'.`,
//! printed when neither a built-in nor a program `git-{cmd}` on the PATH has
//! that name, as for `git lfs` without Git LFS installed; `submodule.c`:
//! `Fetched in submodule path '{path}', but it did not contain {oid}. Direct
//! fetching of that commit failed.`), and Git LFS's answer from the server's
//! batch API (`batch response: {message}`, e.g. a repository over its LFS data
//! quota) or for one object (`[{oid}] Object does not exist on the server:
//! [404] Object does not exist on the server`, in `git lfs fetch`/`pull` and
//! inside the smudge filter's `Error downloading object: {path} ({oid}): Smudge
//! error: …`; the object's error text is the LFS API's `objects[].error`);
//! `setup.c`'s `fatal: detected dubious ownership in repository at '{dir}'`
//! (git 2.35.2 and later) and `fetch-pack`'s `fatal: couldn't find remote ref
//! {ref}`; `builtin/describe.c`'s `fatal: No names found, cannot describe
//! anything.` and `fatal: No tags can describe '{oid}'.` (also `No annotated
//! tags can describe '{oid}'.`), which a shallow checkout without tags gives.
//! `transport.c`'s `print_ref_status` writes one line per ref a push did not
//! update, ` ! [rejected]        {src} -> {dst} ({reason})` (`fetch first`,
//! `non-fast-forward`, `already exists`, `stale info`) or ` ! [remote
//! rejected] {src} -> {dst} ({reason the server gave})`, before its summary
//! `error: failed to push some refs to '{url}'`. A merge git would not make:
//! `fatal: refusing to merge unrelated histories` (`builtin/merge.c`, two
//! branches with no common commit, as a shallow checkout also shows them),
//! and `merge-ort.c`'s `CONFLICT ({kind}): Merge conflict in {path}` lines
//! before `Automatic merge failed; fix conflicts and then commit the result.`
//! `submodule update` clones each submodule once, and then once more each
//! that failed (`builtin/submodule--helper.c`): after a first attempt's error
//! it prints `Failed to clone '{path}'. Retry scheduled`, and after the second
//! `Failed to clone '{path}' a second time, aborting`. The first notice is a
//! retry notice (`rank.rs`): the attempt before it was not the outcome.
//! On Windows, git writes a path longer than `MAX_PATH` (260 characters) only
//! with `core.longpaths`; without it a checkout prints `error: unable to create
//! file {path}: Filename too long` (`entry.c`, errno `ENAMETOOLONG`'s text) for
//! each such file, and `fatal: cannot create directory at '{path}': Filename
//! too long` for a directory: no file is missing, the machine's path limit is
//! the cause.

use super::util::{command_hit, path_hit, quoted, regex};
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

/// The id of `git submodule update`'s notice that it will clone a
/// submodule again, which ranking reads (`rank.rs`): the attempt before it
/// was not the step's outcome.
pub const SUBMODULE_RETRY: &str = "git/submodule-clone-retry";

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: SUBMODULE_RETRY,
        grammar: "Failed to clone '{path}'. Retry scheduled (git submodule update, after a first attempt's error)",
        needles: &["Retry scheduled"],
        check: submodule_retry,
        examples: &[ex("Failed to clone 'proto'. Retry scheduled", Category::Unknown, None)],
    },
    Entry {
        id: "git/filename-too-long",
        grammar: "error: unable to create file {path}: Filename too long | fatal: cannot create directory at '{path}': \
                  Filename too long (Windows without `core.longpaths`)",
        needles: &[": Filename too long"],
        check: filename_too_long,
        examples: &[ex(
            "error: unable to create file tests/__snapshots__/a/b/c.snap: Filename too long",
            Category::Unknown,
            None,
        )],
    },
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
        grammar: "remote: Repository not found. | fatal: repository '{url}' not found | fatal: could not read Username \
                  for '{url}': … | error: failed to push some refs to '{url}' | fatal: not a git repository | \
                  error: pathspec '{ref}' did not match any file(s) known to git | remote: Write access to \
                  repository not granted. | remote: Permission to {owner}/{repo}.git denied to {user}. (GitHub \
                  refusing a push) | remote: Support for password authentication was removed on August 13, 2021. \
                  (GitHub refusing a password over HTTPS)",
        needles: &[
            "Repository not found",
            "fatal: repository '",
            "could not read Username",
            "failed to push some refs",
            "not a git repository",
            "known to git",
            "Write access to repository not granted",
            "remote: Permission to ",
            "password authentication was removed",
        ],
        check: remote_refused,
        examples: &[
            ex(
                "fatal: could not read Username for 'https://github.com': terminal prompts disabled",
                Category::Unknown,
                None,
            ),
            ex(
                "remote: Write access to repository not granted.",
                Category::Unknown,
                None,
            ),
            ex(
                "remote: Permission to acme/site.git denied to github-actions[bot].",
                Category::Unknown,
                None,
            ),
        ],
    },
    Entry {
        id: "git/push-ref-rejected",
        grammar: " ! [rejected]        {src} -> {dst} ({reason}) |  ! [remote rejected] {src} -> {dst} ({reason})",
        needles: &["! [rejected]", "! [remote rejected]"],
        check: push_ref_rejected,
        examples: &[
            ex(
                " ! [rejected]        HEAD -> main (fetch first)",
                Category::Unknown,
                None,
            ),
            ex(
                " ! [remote rejected] gh-pages -> gh-pages (protected branch hook declined)",
                Category::Unknown,
                None,
            ),
        ],
    },
    Entry {
        id: "git/push-detached-head",
        grammar: "fatal: You are not currently on a branch. (git push without a refspec from a detached HEAD, \
                  `builtin/push.c`; then `To push the history leading to the current (detached HEAD)` …)",
        needles: &["You are not currently on a branch"],
        check: push_detached_head,
        examples: &[ex("fatal: You are not currently on a branch.", Category::Unknown, None)],
    },
    Entry {
        id: "git/github-protected-ref",
        grammar: "remote: error: GH006: Protected branch update failed for {ref}. | remote: error: GH013: Repository \
                  rule violations found for {ref}. (GitHub's pre-receive refusal, before git's ` ! [remote \
                  rejected]` line)",
        needles: &[
            "GH006: Protected branch update failed",
            "GH013: Repository rule violations",
        ],
        check: github_protected_ref,
        examples: &[ex(
            "remote: error: GH006: Protected branch update failed for refs/heads/main.",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "git/merge-refused",
        grammar: "fatal: refusing to merge unrelated histories | CONFLICT ({kind}): Merge conflict in {path} | \
                  Automatic merge failed; fix conflicts and then commit the result.",
        needles: &[
            "refusing to merge unrelated histories",
            "CONFLICT (",
            "Automatic merge failed",
        ],
        check: merge_refused,
        examples: &[
            ex("fatal: refusing to merge unrelated histories", Category::Unknown, None),
            ex(
                "CONFLICT (content): Merge conflict in package-lock.json",
                Category::Unknown,
                None,
            ),
        ],
    },
    Entry {
        id: "git/tag-exists",
        grammar: "fatal: tag '{tag}' already exists (`git tag`, builtin/tag.c)",
        needles: &["already exists"],
        check: tag_exists,
        examples: &[ex("fatal: tag 'v1.8.0' already exists", Category::Unknown, None)],
    },
    Entry {
        id: "git/dubious-ownership",
        grammar: "fatal: detected dubious ownership in repository at '{dir}' (git 2.35.2's safe.directory check, then \
                  `git config --global --add safe.directory {dir}`)",
        needles: &["detected dubious ownership"],
        check: dubious_ownership,
        examples: &[ex(
            "fatal: detected dubious ownership in repository at '/__w/app/app'",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "git/describe-no-tags",
        grammar: "fatal: No names found, cannot describe anything. | fatal: No tags can describe '{oid}'. | fatal: No \
                  annotated tags can describe '{oid}'. (`git describe`)",
        needles: &["cannot describe anything", "tags can describe '"],
        check: describe_no_tags,
        examples: &[ex(
            "fatal: No names found, cannot describe anything.",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "git/remote-ref-missing",
        grammar: "fatal: couldn't find remote ref {ref} (`fetch-pack`: the remote has no such branch, tag or ref)",
        needles: &["couldn't find remote ref"],
        check: remote_ref_missing,
        examples: &[ex(
            "fatal: couldn't find remote ref refs/pull/4821/merge",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "git/submodule-commit-missing",
        grammar: "fatal: Fetched in submodule path '{path}', but it did not contain {oid}. Direct fetching of that \
                  commit failed.",
        needles: &["but it did not contain"],
        check: submodule_commit_missing,
        examples: &[ex(
            "fatal: Fetched in submodule path 'proto', but it did not contain 9c4e1a7. Direct fetching of that commit \
             failed.",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "git/lfs-batch-response",
        grammar: "batch response: {message} (Git LFS's batch API refused the transfer)",
        needles: &["batch response: "],
        check: lfs_batch_response,
        examples: &[ex(
            "batch response: This repository is over its data quota. Account responsible for LFS bandwidth should \
             purchase more data packs to restore access.",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "git/lfs-object-missing",
        grammar: "[{oid}] Object does not exist on the server: [404] Object does not exist on the server (Git LFS's \
                  per-object error; also inside `Error downloading object: {path} ({oid}): Smudge error: …`)",
        needles: &["Object does not exist on the server"],
        check: lfs_object_missing,
        examples: &[ex(
            "[9c1e0f2a] Object does not exist on the server: [404] Object does not exist on the server",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "git/not-a-git-command",
        grammar: "git: '{cmd}' is not a git command. See 'git --help'. (an extension `git-{cmd}` not installed, or a \
                  typo of a built-in, which git follows with `The most similar command is`)",
        needles: &["is not a git command"],
        check: not_a_git_command,
        examples: &[
            ex(
                "git: 'lfs' is not a git command. See 'git --help'.",
                Category::MissingCommand,
                Some("git-lfs"),
            ),
            ex(
                "git: 'comit' is not a git command. See 'git --help'.",
                Category::Unknown,
                None,
            ),
        ],
    },
];

/// Git's built-in commands a script commonly runs: a name close to one of
/// them is a typo, not an extension to install.
const BUILTINS: &[&str] = &[
    "add",
    "am",
    "apply",
    "archive",
    "bisect",
    "blame",
    "branch",
    "checkout",
    "cherry-pick",
    "clean",
    "clone",
    "commit",
    "config",
    "describe",
    "diff",
    "fetch",
    "gc",
    "grep",
    "init",
    "log",
    "merge",
    "mv",
    "notes",
    "pull",
    "push",
    "rebase",
    "remote",
    "reset",
    "restore",
    "revert",
    "rm",
    "show",
    "sparse-checkout",
    "stash",
    "status",
    "submodule",
    "switch",
    "tag",
    "worktree",
];

fn not_a_git_command(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"git: '([A-Za-z0-9][A-Za-z0-9_-]*)' is not a git command").captures(line.text)?;
    let name = &c[1];
    let typo = BUILTINS.iter().find(|b| {
        let limit = if b.len() <= 4 { 1 } else { 2 };
        strsim::osa_distance(b, name) <= limit
    });
    if let Some(builtin) = typo {
        return Some(Hit::blocker(format!(
            "'git {name}' is not a git command; probably a typo of 'git {builtin}' in the script."
        )));
    }
    Some(command_hit(&format!("git-{name}"), line, 0.75))
}

fn submodule_commit_missing(line: &Line<'_>) -> Option<Hit> {
    line.text.contains("Fetched in submodule path").then(|| {
        Hit::blocker(
            "The superproject points a submodule at a commit its remote does not have (not pushed, or force-pushed \
             away).",
        )
    })
}

fn lfs_batch_response(line: &Line<'_>) -> Option<Hit> {
    regex!(r"^batch response: \S")
        .is_match(line.text.trim_start())
        .then(|| Hit::blocker("The Git LFS server refused the transfer (quota, permission or a missing object)."))
}

/// An LFS pointer whose object was never uploaded (pushed without `git lfs
/// push`, or only to a fork): the path exists in the checkout, so this is no
/// missing file; a person uploads the object or fixes the pointer.
fn lfs_object_missing(line: &Line<'_>) -> Option<Hit> {
    regex!(r"(?:^|Smudge error: .*)\[[0-9a-f]{6,64}\] Object does not exist on the server")
        .is_match(line.text.trim_start())
        .then(|| {
            Hit::blocker(
                "A Git LFS object the commit points to is not on the LFS server (it was never uploaded, or only to \
                 another repository): a person pushes it (`git lfs push --all`) or fixes the pointer.",
            )
        })
}

/// git refuses a repository owned by another user (a container running as
/// root over a checkout made by the runner's user, or the reverse).
/// `git tag` of a name the repository already has: the version was not
/// bumped, or a re-run of the release tags again. A person decides which.
fn tag_exists(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^fatal: tag '([^']+)' already exists$").captures(line.text.trim())?;
    Some(Hit::blocker(format!(
        "git refused to create tag `{}`: it already exists (a version not bumped, or a release run again).",
        &c[1]
    )))
}

fn dubious_ownership(line: &Line<'_>) -> Option<Hit> {
    regex!(r"^fatal: detected dubious ownership in repository at '")
        .is_match(line.text.trim_start())
        .then(|| {
            Hit::blocker(
                "git refused a repository owned by another user (a container job whose user differs from the \
                 checkout's): mark it safe (`git config --global --add safe.directory <dir>`) or run as the same \
                 user. Not fixed automatically.",
            )
        })
}

/// `git describe` found no tag to describe the commit with: in a job that is
/// almost always actions/checkout's shallow clone (`fetch-depth: 1`, no tags
/// fetched); a repository without tags gives the same words.
fn describe_no_tags(line: &Line<'_>) -> Option<Hit> {
    regex!(r"^fatal: (?:No names found, cannot describe anything\.|No (?:annotated )?tags can describe ')")
        .is_match(line.text.trim_start())
        .then(|| {
            Hit::blocker(
                "git describe found no tag: the checkout is shallow and has no tags (actions/checkout's `fetch-depth: \
                 0`, or `fetch-tags: true`), or the repository has none. Not fixed automatically.",
            )
        })
}

/// A branch, tag or ref the remote does not have (deleted, never pushed, or
/// a closed pull request's `refs/pull/{n}/merge`).
fn remote_ref_missing(line: &Line<'_>) -> Option<Hit> {
    regex!(r"^fatal: couldn't find remote ref \S")
        .is_match(line.text.trim_start())
        .then(|| {
            Hit::blocker(
                "The remote has no such ref (a deleted branch or tag, or the merge ref of a pull request that was \
                 closed or has conflicts).",
            )
        })
}

fn pathspec_add(line: &Line<'_>) -> Option<Hit> {
    let text = line.text;
    if !text.contains("pathspec '") || text.contains("known to git") {
        return None;
    }
    let path = quoted(super::util::after(text, "pathspec")?)?;
    Some(path_hit(path, 0.7, "git was given a path that does not exist."))
}

/// The ref a push did not update and why: git's status line, ahead of the
/// summary it prints after all refs.
fn push_ref_rejected(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^\s*! \[(rejected|remote rejected)\]\s+\S+ -> (\S+) \((.+)\)$").captures(line.text.trim_end())?;
    let (dst, reason) = (&c[2], &c[3]);
    let message = if &c[1] == "remote rejected" {
        format!("GitHub refused the push to `{dst}` ({reason}): a branch protection or the token's permissions.")
    } else if reason == "fetch first" || reason == "non-fast-forward" {
        format!(
            "The push to `{dst}` was rejected because the branch moved after the checkout (another push landed \
             first): fetch and rebase before pushing, or let one run push at a time."
        )
    } else {
        format!("git refused to update `{dst}` ({reason}).")
    };
    Some(Hit::blocker(message))
}

/// `git push` with no refspec from a detached HEAD (a pull request's merge
/// commit or a tag, as actions/checkout leaves them): git does not know which
/// branch to update.
fn push_detached_head(line: &Line<'_>) -> Option<Hit> {
    (line.text.trim() == "fatal: You are not currently on a branch.").then(|| {
        Hit::blocker(
            "git push ran on a detached HEAD (the checkout of a pull request's merge commit or of a tag), so git \
             does not know which branch to update: check out the branch (`ref: ${{ github.head_ref }}`) or push \
             `HEAD:<branch>` (a person decides which branch).",
        )
    })
}

/// GitHub refusing a push to a protected branch or one a ruleset covers
/// (`remote:` lines from its pre-receive hook, "About protected branches"
/// and "About rulesets"): the reason GitHub prints below it (`Changes must
/// be made through a pull request.`) is the rule.
fn github_protected_ref(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(
        r"^remote: error: (GH006: Protected branch update failed|GH013: Repository rule violations found) for (\S+?)\.?\s*$"
    )
    .captures(line.text.trim())?;
    let rule = if c[1].starts_with("GH006") {
        "a branch protection rule"
    } else {
        "a repository ruleset"
    };
    Some(Hit::blocker(format!(
        "GitHub refused the push to `{}`: {rule} forbids it (the `remote:` lines below say which: a required pull \
         request, status checks, signed commits). A person pushes through a pull request or changes the rule.",
        crate::subject::display_text(&c[2])
    )))
}

/// A merge (or `pull`) that stopped: a person resolves it; the path in a
/// conflict exists, it is its content that clashes.
fn merge_refused(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim();
    if text == "fatal: refusing to merge unrelated histories" {
        return Some(Hit::blocker(
            "git refused to merge two branches with no common commit (unrelated histories, or a shallow checkout \
             that does not reach their common commit: `fetch-depth: 0`).",
        ));
    }
    if let Some(c) = regex!(r"^CONFLICT \([a-z/ -]+\): (?:Merge conflict in )?(.+)$").captures(text) {
        return Some(Hit::blocker(format!(
            "The merge stopped on a conflict ({}): a person resolves it.",
            c[1].trim()
        )));
    }
    text.starts_with("Automatic merge failed; fix conflicts")
        .then(|| Hit::blocker("The merge stopped on conflicts: a person resolves them."))
}

fn remote_refused(line: &Line<'_>) -> Option<Hit> {
    let text = line.text;
    let message = if text.contains("not a git repository") {
        "The step ran git outside a repository (no checkout, or a wrong working directory)."
    } else if text.contains("known to git") {
        "git was given a branch, tag or path it does not know."
    } else if text.contains("Write access to repository not granted") || text.contains("remote: Permission to ") {
        "GitHub refused the push: the token may only read (`permissions: contents: write` for GITHUB_TOKEN, or a token \
         with push access)."
    } else if text.contains("password authentication was removed") {
        "GitHub no longer accepts a password over HTTPS: push with a token (GITHUB_TOKEN with `contents: write`, or a \
         personal access token) instead of the account's password."
    } else if text.contains("failed to push") {
        "git could not push (the branch moved, or the token may not push)."
    } else {
        "git could not reach the repository with the credentials it has (a missing token or permission)."
    };
    Some(Hit::blocker(message))
}

/// `git submodule update`'s notice after a clone it will try once more.
fn submodule_retry(line: &Line<'_>) -> Option<Hit> {
    regex!(r"^Failed to clone '[^']+'\. Retry scheduled$")
        .is_match(line.text.trim())
        .then(|| Hit::notice("git will clone the submodule once more."))
}

/// A path over Windows' `MAX_PATH` that git could not write: not a missing
/// file, the machine's limit (`core.longpaths`).
fn filename_too_long(line: &Line<'_>) -> Option<Hit> {
    regex!(
        r"^\s*(?:error: unable to create file \S.*|fatal: cannot create directory at '[^']+'): Filename too long\s*$"
    )
    .is_match(line.text)
    .then(|| {
        Hit::blocker(
            "git could not write a path longer than Windows' 260-character limit: the checkout needs \
                 `core.longpaths` set (`git config --system core.longpaths true` before it) or shorter paths; no \
                 file is missing. A person's call.",
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_over_windows_limit_is_the_machines_not_a_missing_file() {
        crate::classify::catalogue::assert_reads(
            filename_too_long,
            &[
                "error: unable to create file tests/__snapshots__/a/b/c.snap: Filename too long",
                "fatal: cannot create directory at 'tests/__snapshots__/a': Filename too long",
            ],
            &[
                "echo error: unable to create file x: Filename too long",
                "warning: x: Filename too long",
            ],
        );
        let hit =
            filename_too_long(&Line::plain("error: unable to create file a/b.snap: Filename too long")).expect("read");
        assert!(hit.message.contains("core.longpaths") && !hit.fixable);
    }

    /// Only the first attempt's notice is one: the second failure aborts.
    #[test]
    fn a_scheduled_submodule_retry_is_a_notice() {
        crate::classify::catalogue::assert_reads(
            submodule_retry,
            &[
                "Failed to clone 'proto'. Retry scheduled",
                "Failed to clone 'vendor/lib'. Retry scheduled",
            ],
            &[
                "Failed to clone 'proto' a second time, aborting",
                "echo Retry scheduled",
            ],
        );
    }

    #[test]
    fn reads_git_tags_refusal_not_other_things_that_exist() {
        crate::classify::catalogue::assert_reads(
            tag_exists,
            &[
                "fatal: tag 'v1.8.0' already exists",
                "fatal: tag 'release/2026-12' already exists",
            ],
            &[
                "Error response from daemon: network with name ci already exists",
                "fatal: destination path 'app' already exists and is not an empty directory.",
                "echo fatal: tag 'v1' already exists, skipping",
            ],
        );
    }

    #[test]
    fn ownership_and_missing_refs_are_gits_own_lines() {
        assert!(dubious_ownership(&Line::plain("fatal: detected dubious ownership in repository at '/w'")).is_some());
        assert!(dubious_ownership(&Line::plain("# fatal: detected dubious ownership in repository at")).is_none());
        assert!(remote_ref_missing(&Line::plain("fatal: couldn't find remote ref refs/heads/gone")).is_some());
        assert!(remote_ref_missing(&Line::plain("echo \"fatal: couldn't find remote ref x\"")).is_none());
    }

    #[test]
    fn a_refused_merge_is_gits_own_line() {
        crate::classify::catalogue::assert_reads(
            merge_refused,
            &[
                "fatal: refusing to merge unrelated histories",
                "CONFLICT (content): Merge conflict in src/app.ts",
                "CONFLICT (modify/delete): docs/old.md deleted in HEAD and modified in upstream/main.",
                "Automatic merge failed; fix conflicts and then commit the result.",
            ],
            &[
                "echo 'CONFLICT (content): Merge conflict in x'",
                "no CONFLICT (content) here",
                "Merge made by the 'ort' strategy.",
            ],
        );
    }

    #[test]
    fn a_rejected_ref_is_gits_status_line() {
        let fetch_first =
            push_ref_rejected(&Line::plain(" ! [rejected]        main -> main (fetch first)")).expect("line");
        assert!(fetch_first.message.contains("moved"), "{}", fetch_first.message);
        let remote = push_ref_rejected(&Line::plain(
            " ! [remote rejected] ci/bump -> ci/bump (refusing to allow a GitHub App to create or update workflow \
             `.github/workflows/ci.yml` without `workflows` permission)",
        ))
        .expect("line");
        assert!(remote.message.contains("refused"), "{}", remote.message);
        assert!(push_ref_rejected(&Line::plain(" ! [rejected]        v1.2 -> v1.2 (already exists)")).is_some());
        for other in [
            "hint: Updates were rejected because the tip of your current branch is behind",
            "echo '! [rejected] main -> main (fetch first)'",
        ] {
            assert!(push_ref_rejected(&Line::plain(other)).is_none(), "{other}");
        }
    }

    #[test]
    fn a_detached_head_push_and_githubs_protected_ref_are_gits_lines() {
        let detached = push_detached_head(&Line::plain("fatal: You are not currently on a branch.")).expect("git");
        assert!(detached.message.contains("detached HEAD"), "{}", detached.message);
        assert!(push_detached_head(&Line::plain("echo 'fatal: You are not currently on a branch.' >&2")).is_none());
        for text in [
            "remote: error: GH006: Protected branch update failed for refs/heads/main.        ",
            "remote: error: GH013: Repository rule violations found for refs/heads/release/2.x.",
        ] {
            let hit = github_protected_ref(&Line::plain(text)).expect(text);
            assert_eq!(hit.category, Category::Unknown);
            assert!(!hit.fixable);
            assert!(
                hit.message.contains("refused the push to `refs/heads/"),
                "{}",
                hit.message
            );
        }
        assert!(github_protected_ref(&Line::plain("remote: - Changes must be made through a pull request.")).is_none());
    }

    #[test]
    fn describe_without_tags_is_gits_own_line() {
        for text in [
            "fatal: No names found, cannot describe anything.",
            "fatal: No tags can describe '4f1c2e0d9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d'.",
            "fatal: No annotated tags can describe '4f1c2e0'.",
        ] {
            let hit = describe_no_tags(&Line::plain(text)).expect(text);
            assert!(hit.message.contains("fetch-depth"), "{}", hit.message);
        }
        assert!(describe_no_tags(&Line::plain("echo 'fatal: No names found, cannot describe anything.'")).is_none());
    }

    #[test]
    fn githubs_push_refusals_are_blockers() {
        for text in [
            "remote: Write access to repository not granted.",
            "remote: Permission to acme/site.git denied to github-actions[bot].",
            "remote: Support for password authentication was removed on August 13, 2021.",
        ] {
            let hit = remote_refused(&Line::plain(text)).expect(text);
            assert!(hit.message.contains("contents: write"), "{}", hit.message);
        }
    }

    #[test]
    fn a_missing_lfs_object_is_a_blocker_in_fetch_and_smudge_forms() {
        for text in [
            "[5f1c2e0d] Object does not exist on the server: [404] Object does not exist on the server",
            "Error downloading object: assets/logo.psd (3f2a1b9): Smudge error: Error downloading assets/logo.psd \
             (3f2a1b9c0d): [3f2a1b9c0d] Object does not exist on the server: [404] Object does not exist on the server",
        ] {
            let hit = lfs_object_missing(&Line::plain(text)).expect(text);
            assert_eq!(hit.category, Category::Unknown);
            assert!(!hit.fixable);
        }
        assert!(lfs_object_missing(&Line::plain("# Object does not exist on the server means 404")).is_none());
    }
}
