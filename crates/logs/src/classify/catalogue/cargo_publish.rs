//! `cargo publish` (and `cargo package`): the checks it makes before and
//! after packaging, and the registry's refusal.
//!
//! Sources: cargo's own messages as its test suite states them
//! (`tests/testsuite/publish.rs`, `package.rs`, `credential_process.rs`):
//! without a token, `error: no token found, please run `cargo login`` with
//! `or use environment variable CARGO_REGISTRY_TOKEN` on the next line (for
//! another registry `no token found for `{name}`, please run `cargo login
//! --registry {name}``; before cargo 1.70 `no upload token found, please run
//! `cargo login`` with ` or pass `--token``); on a working tree with changes
//! not committed, `error: {n} files in the working directory contain changes
//! that were not yet committed into git:`, the files, and `to proceed despite
//! this and include the uncommitted changes, pass the `--allow-dirty` flag`;
//! a version the index already has, `error: crate {name}@{version} already
//! exists on {registry} index` (checked before uploading), and the registry's
//! own answer when the upload raced it, `the remote server responded with an
//! error (status 400 Bad Request): crate version `{version}` is already
//! uploaded` (older cargo: `api errors (status 200 OK): …`). Each is a person's
//! call: a secret to pass, a step that wrote files the package would carry, a
//! version to bump.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;
use crate::subject::display_text;

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "cargo_publish/no-token",
        grammar: "error: no token found[ for `{registry}`], please run `cargo login[ --registry {registry}]` | error: \
                  no upload token found, please run `cargo login` or pass `--token`",
        needles: &["token found", "please run `cargo login"],
        check: no_token,
        examples: &[ex(
            "error: no token found, please run `cargo login`",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "cargo_publish/dirty-tree",
        grammar: "error: {n} files in the working directory contain changes that were not yet committed into git:",
        needles: &["in the working directory contain changes"],
        check: dirty_tree,
        examples: &[ex(
            "error: 2 files in the working directory contain changes that were not yet committed into git:",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "cargo_publish/version-exists",
        grammar: "error: crate {name}@{version} already exists on {registry} index | … crate version `{version}` is \
                  already uploaded",
        needles: &["already exists on", "is already uploaded"],
        check: version_exists,
        examples: &[ex(
            "error: crate relay-proto@0.7.1 already exists on crates.io index",
            Category::Unknown,
            None,
        )],
    },
];

fn no_token(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^(?:error: |\[ERROR\] )?no (?:upload )?token found(?: for `([^`]+)`)?, please run `cargo login")
        .captures(line.text.trim())?;
    let registry = c.get(1).map_or("crates-io", |m| m.as_str());
    let variable = if registry == "crates-io" {
        "CARGO_REGISTRY_TOKEN".to_string()
    } else {
        format!(
            "CARGO_REGISTRIES_{}_TOKEN",
            registry.to_ascii_uppercase().replace('-', "_")
        )
    };
    Some(Hit::blocker(format!(
        "cargo has no token for the registry `{}`: {} is empty or unset in the step (a secret not passed, misnamed, or \
         withheld from a fork's pull request), or the job should get one from trusted publishing.",
        display_text(registry),
        display_text(&variable)
    )))
}

fn dirty_tree(line: &Line<'_>) -> Option<Hit> {
    regex!(r"^(?:error: |\[ERROR\] )?\d+ files in the working directory contain changes that were not yet committed into git:?$")
        .is_match(line.text.trim())
        .then(|| {
            Hit::blocker(
                "cargo refused to package a working tree with changes not committed (listed below: files an earlier \
                 step wrote or changed, such as a regenerated Cargo.lock or a stamped source): a person commits them, \
                 stops the step from writing them, or passes --allow-dirty knowing the package carries them.",
            )
        })
}

fn version_exists(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim();
    let index = regex!(r"^(?:error: |\[ERROR\] )?crate (\S+)@(\S+) already exists on \S+ index$").captures(text);
    let uploaded = regex!(r"crate version `([^`]+)` is already uploaded$").captures(text);
    let what = match (index, uploaded) {
        (Some(c), _) => format!("{}@{}", display_text(&c[1]), display_text(&c[2])),
        (None, Some(c)) => format!("version {}", display_text(&c[1])),
        (None, None) => return None,
    };
    Some(Hit::blocker(format!(
        "The registry already has {what}: a published version never changes, so a person bumps the version or skips \
         the crates already published (a release run again)."
    )))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::catalogue::assert_reads;
    use crate::classify::hit::Strength;

    #[test]
    fn cargo_publishs_refusals_are_a_persons_call() {
        assert_reads(
            no_token,
            &[
                "error: no upload token found, please run `cargo login` or pass `--token`",
                "[ERROR] no token found for `acme`, please run `cargo login --registry acme`",
            ],
            &[
                "echo 'no token found'",
                "warning: no token found, please run `cargo login` first, or not",
            ],
        );
        let hit = no_token(&Line::plain(
            "error: no token found for `acme-internal`, please run `cargo login --registry acme-internal`",
        ))
        .expect("read");
        assert!(
            hit.message.contains("CARGO_REGISTRIES_ACME_INTERNAL_TOKEN"),
            "{}",
            hit.message
        );
        assert_eq!(
            (hit.category, hit.fixable, hit.strength),
            (Category::Unknown, false, Strength::Blocker)
        );
        assert_reads(
            dirty_tree,
            &["[ERROR] 1 files in the working directory contain changes that were not yet committed into git:"],
            &[
                "src/build_info.rs",
                "1 files in the working directory contain changes, see above",
            ],
        );
        assert_reads(
            version_exists,
            &[
                "the remote server responded with an error (status 400 Bad Request): crate version `0.0.2` is \
                 already uploaded",
                "error: api errors (status 200 OK): crate version `0.12.0` is already uploaded",
            ],
            &[
                "error: tag 'v1' already exists on the remote",
                "fatal: destination path 'x' already exists and is not an empty directory.",
            ],
        );
    }
}
