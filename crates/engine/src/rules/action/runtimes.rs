//! The runtime of popular actions' major versions: from their real
//! `action.yml` where one is read for that major (the generated tables,
//! [`super::generated_for`]), else from the hand-curated, dated data file
//! `crates/engine/data/action-runtimes.txt` (its header names the release
//! notes and GitHub's announcements; `cargo xtask gen actions` fails when a
//! row repeats or contradicts a real per-major file).

use std::sync::LazyLock;

const DATA: &str = include_str!("../../../data/action-runtimes.txt");

/// The runtime GitHub runs JavaScript actions on today.
pub const CURRENT_NODE: &str = "node24";

/// How GitHub treats a Node.js runtime an action declares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NodeStatus {
    /// node12/node16: unsupported; the runner forces a newer Node.js on them.
    Removed,
    /// node20: deprecated (Node.js 24 by default from 2026-06-02, Node.js 20
    /// removed from runners on 2026-09-16).
    Retired,
    Current,
}

/// The status of runtime `using` (`node20`), or `None` for non-Node kinds.
pub fn node_status(using: &str) -> Option<NodeStatus> {
    match using.to_ascii_lowercase().as_str() {
        "node12" | "node16" => Some(NodeStatus::Removed),
        "node20" => Some(NodeStatus::Retired),
        "node24" => Some(NodeStatus::Current),
        _ => None,
    }
}

/// `(action, major, runtime)` rows of the hand-curated data file, read
/// once: they are looked up for every `uses:` of every file.
pub fn curated_rows() -> impl Iterator<Item = (&'static str, u32, &'static str)> {
    static ROWS: LazyLock<Vec<(&'static str, u32, &'static str)>> = LazyLock::new(|| {
        DATA.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .filter_map(|l| {
                let mut it = l.split_whitespace();
                let (name, major, runtime) = (it.next()?, it.next()?.parse().ok()?, it.next()?);
                Some((name, major, runtime))
            })
            .collect()
    });
    ROWS.iter().copied()
}

/// When the data was last reviewed (`as-of:` in the file's header).
pub fn as_of() -> &'static str {
    DATA.lines()
        .find_map(|l| l.strip_prefix("# as-of:"))
        .map_or("unknown", str::trim)
}

/// The runtime of `name@v<major>`, case-insensitively: a real `action.yml`
/// of that major read at a commit first, else the curated data, else an
/// unverified reading (see [`super::GeneratedAction::verified`]), which may
/// still say the major is outdated (a warning).
pub fn runtime_of(name: &str, major: u32) -> Option<&'static str> {
    let generated = super::generated_for(name, major);
    generated
        .filter(|g| g.verified)
        .map(|g| g.runtime)
        .or_else(|| curated_runtime(name, major))
        .or_else(|| generated.map(|g| g.runtime))
}

fn curated_runtime(name: &str, major: u32) -> Option<&'static str> {
    curated_named(name).iter().find(|(m, _)| *m == major).map(|(_, r)| *r)
}

/// The `(major, runtime)` rows of `name` in the data file, case-insensitively,
/// in the file's order; indexed once, as [`super::generated_named`] is.
fn curated_named(name: &str) -> &'static [(u32, &'static str)] {
    type ByName = std::collections::HashMap<String, Vec<(u32, &'static str)>>;
    static BY_NAME: LazyLock<ByName> = LazyLock::new(|| {
        let mut by_name = ByName::new();
        for (n, m, r) in curated_rows() {
            by_name.entry(n.to_ascii_lowercase()).or_default().push((m, r));
        }
        by_name
    });
    BY_NAME
        .get(&*super::generated::ascii_lowercase(name))
        .map_or(&[], Vec::as_slice)
}

/// Every `(major, runtime)` known for `name`, generated or curated; with
/// `verified_only`, without the unverified generated entries.
fn majors_of(name: &str, verified_only: bool) -> impl Iterator<Item = (u32, &'static str)> + '_ {
    let generated = super::generated_named(name)
        .iter()
        .filter(move |a| a.verified || !verified_only)
        .flat_map(|a| a.majors.iter().map(move |m| (*m, a.runtime)));
    generated.chain(curated_named(name).iter().copied())
}

/// The lowest major above `major` that runs on the current runtime: where a
/// fix may move the ref (never to a major that is itself on a retired one).
/// Only a verified reading or a curated row makes a target: a wrong target
/// is an edit of someone's workflow on a reading nobody checked.
pub fn current_major_after(name: &str, major: u32) -> Option<u32> {
    majors_of(name, true)
        .filter(|(m, r)| *m > major && r.eq_ignore_ascii_case(CURRENT_NODE))
        .map(|(m, _)| m)
        .min()
}

/// Whether `name@git_ref` runs in a Docker container (`runs.using:
/// docker`): of the ref's major, or, for a ref that names none (a branch, a
/// SHA), of every known major when they agree. `None`: not known, which
/// includes a major no trusted reading covers (an action may move to a
/// Docker image in a new major, so the others say nothing of it). A fix
/// decides on it (`missing_command` installs a program on the runner only
/// for a step that runs there), so only verified readings and curated rows
/// count: an unverified entry never drives a fix.
pub fn is_docker_action(name: &str, git_ref: &str) -> Option<bool> {
    let trusted: Vec<(u32, &str)> = majors_of(name, true).collect();
    docker_kind(super::ref_major(git_ref), &trusted)
}

/// [`is_docker_action`] over the `(major, runtime)` pairs it may trust, the
/// verified readings before the curated rows.
fn docker_kind(major: Option<u32>, trusted: &[(u32, &str)]) -> Option<bool> {
    let is_docker = |r: &str| r.eq_ignore_ascii_case("docker");
    if let Some(m) = major {
        return trusted.iter().find(|(k, _)| *k == m).map(|(_, r)| is_docker(r));
    }
    let mut kinds = trusted.iter().map(|(_, r)| is_docker(r));
    let first = kinds.next()?;
    kinds.all(|k| k == first).then_some(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_data_file_is_dated_and_every_row_is_a_known_node_runtime() {
        assert_eq!(as_of().len(), 10, "as-of: YYYY-MM-DD");
        let lines = DATA
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .count();
        assert_eq!(curated_rows().count(), lines, "every line parses");
        for (name, major, runtime) in curated_rows() {
            assert!(node_status(runtime).is_some(), "{name} {major} {runtime}");
            assert_eq!(name, name.to_ascii_lowercase(), "{name}");
        }
        assert!(
            DATA.contains("https://github.blog/changelog/2025-09-19-deprecation-of-node-20-on-github-actions-runners/")
        );
        // A curated node24 row rests on release notes that name the major
        // (review82 L3: configure-pages v6 rested on a merged pull request
        // and third-party upgrades).
        assert!(DATA.contains("https://github.com/actions/configure-pages/releases/tag/v6.0.0"));
    }

    /// Every action name the runtime data or the generated entries know.
    fn known_names() -> std::collections::BTreeSet<&'static str> {
        curated_rows()
            .map(|(n, _, _)| n)
            .chain(super::super::generated_actions().map(|a| a.name))
            .collect()
    }

    /// The name indexes answer what a scan of the lists, compared without
    /// case, answers: for every name they hold, in any case, and a name
    /// neither holds.
    #[test]
    fn the_name_indexes_equal_a_scan_of_the_lists() {
        let names = known_names();
        let spellings = names
            .iter()
            .flat_map(|n| [n.to_string(), n.to_ascii_uppercase()])
            .chain(["no-such/action".to_string()]);
        for name in spellings {
            let scanned: Vec<*const super::super::GeneratedAction> = super::super::generated_actions()
                .filter(|a| a.name.eq_ignore_ascii_case(&name))
                .map(std::ptr::from_ref)
                .collect();
            let indexed: Vec<*const super::super::GeneratedAction> = super::super::generated_named(&name)
                .iter()
                .map(|a| std::ptr::from_ref(*a))
                .collect();
            assert_eq!(indexed, scanned, "{name}");
            let curated: Vec<(u32, &str)> = curated_rows()
                .filter(|(n, _, _)| n.eq_ignore_ascii_case(&name))
                .map(|(_, m, r)| (m, r))
                .collect();
            assert_eq!(curated_named(&name), curated, "{name}");
        }
        assert!(!names.is_empty());
    }

    /// Over every action and major the data knows: a fix target is a later
    /// major whose runtime is current, and no lower later major is.
    #[test]
    fn every_fix_target_is_on_the_current_runtime() {
        let names = known_names();
        let mut targets = 0;
        for name in names {
            for (major, _) in majors_of(name, false) {
                let Some(target) = current_major_after(name, major) else {
                    continue;
                };
                targets += 1;
                assert!(target > major, "{name} {major} -> {target}");
                assert_eq!(
                    runtime_of(name, target),
                    Some(CURRENT_NODE),
                    "{name} {major} -> {target}"
                );
                for (between, _) in majors_of(name, true).filter(|(m, _)| *m > major && *m < target) {
                    assert_ne!(
                        runtime_of(name, between),
                        Some(CURRENT_NODE),
                        "{name}: {between} is lower"
                    );
                }
            }
        }
        assert!(targets > 20, "{targets}");
    }

    #[test]
    fn fixes_go_to_the_first_major_on_the_current_runtime() {
        assert_eq!(runtime_of("actions/checkout", 4), Some("node20"));
        assert_eq!(runtime_of("Actions/Checkout", 2), Some("node12"));
        assert_eq!(current_major_after("actions/checkout", 2), Some(5));
        assert_eq!(current_major_after("actions/checkout", 5), Some(6));
        // setup-python v5's real file says node20, v6's (e797f83, v6.0.0)
        // node24 (the corpus snapshot, pinned as v7, is v7).
        assert_eq!(runtime_of("actions/setup-python", 5), Some("node20"));
        assert_eq!(runtime_of("actions/setup-python", 6), Some("node24"));
        assert_eq!(current_major_after("actions/setup-python", 4), Some(6));
        // download-artifact v5 and v6 still ran on node20 (v6 only
        // "supported" Node.js 24), upload-artifact v5 too.
        assert_eq!(current_major_after("actions/download-artifact", 4), Some(7));
        assert_eq!(current_major_after("actions/upload-artifact", 4), Some(6));
        // setup-qemu v3 is read from its action.yml (node20); v4 is the
        // curated node24 major.
        assert_eq!(runtime_of("docker/setup-qemu-action", 3), Some("node20"));
        assert_eq!(current_major_after("docker/setup-qemu-action", 2), Some(4));
        // docker's node12 majors (the runner's deprecation annotations name
        // them); login-action's v1 tag names v1.14.1, which reverted
        // v1.14.0's node16 to node12.
        assert_eq!(runtime_of("docker/setup-buildx-action", 1), Some("node12"));
        assert_eq!(runtime_of("docker/setup-qemu-action", 1), Some("node12"));
        assert_eq!(runtime_of("docker/build-push-action", 2), Some("node12"));
        assert_eq!(current_major_after("docker/setup-buildx-action", 1), Some(4));
        assert_eq!(runtime_of("docker/login-action", 1), Some("node12"));
        assert_eq!(current_major_after("docker/login-action", 1), Some(4));
        assert_eq!(runtime_of("docker/metadata-action", 3), Some("node12"));
        assert_eq!(runtime_of("docker/build-push-action", 3), Some("node16"));
        assert_eq!(current_major_after("docker/build-push-action", 3), Some(7));
        // setup-uv: no major after v7 is listed (v8 on publish no major tags).
        assert_eq!(current_major_after("astral-sh/setup-uv", 6), Some(7));
        // goreleaser-action: v5 made node20 the default (#432), v7.0.0 is
        // the node24 release (#533), so v6 is node20 and moves to v7.
        assert_eq!(runtime_of("goreleaser/goreleaser-action", 6), Some("node20"));
        assert_eq!(current_major_after("goreleaser/goreleaser-action", 6), Some(7));
        // No node24 major known: no target.
        assert_eq!(current_major_after("softprops/action-gh-release", 1), None);
        // create-release's only major, v1, is node12 (two action.yml
        // versions read, the runner's annotation); nothing to move it to.
        assert_eq!(runtime_of("actions/create-release", 1), Some("node12"));
        assert_eq!(current_major_after("actions/create-release", 1), None);
    }

    /// An unverified entry (read at a tag through a transcript) says a
    /// major's runtime when nothing else does, and is never a fix target:
    /// cache/restore v5 (node24) is known only that way.
    #[test]
    fn an_unverified_entry_is_no_fix_target() {
        let v5 = super::super::generated_for("actions/cache/restore", 5).expect("cache/restore v5");
        assert!(!v5.verified, "{}", v5.source);
        assert_eq!(runtime_of("actions/cache/restore", 5), Some("node24"));
        let v4 = super::super::generated_for("actions/cache/restore", 4).expect("cache/restore v4");
        assert!(v4.verified, "{}", v4.source);
        assert_eq!(runtime_of("actions/cache/restore", 4), Some("node20"));
        assert_eq!(current_major_after("actions/cache/restore", 4), None);
        // setup-node's unverified v5 stands beside the curated row, which is
        // the target.
        assert!(!super::super::generated_for("actions/setup-node", 5).is_some_and(|g| g.verified));
        assert_eq!(current_major_after("actions/setup-node", 4), Some(5));
        for a in super::super::generated_actions().filter(|a| !a.verified) {
            for m in a.majors {
                assert_eq!(runtime_of(a.name, *m), Some(a.runtime), "{} {m}", a.name);
            }
        }
    }

    /// `is_docker_action` lets a fix go ahead (a missing program of a step
    /// "runs on the runner"), so an unverified entry must not decide it, and
    /// neither may the other majors: an action can move to a Docker image in
    /// a new major (review82 L2). With an unverified `docker` v5 beside a
    /// verified JavaScript v4, `@v5` is unknown; only a ref naming no major
    /// (a branch, a SHA) is judged by every trusted major.
    #[test]
    fn an_unverified_entry_does_not_say_where_an_action_runs() {
        let trusted = [(4, "node20"), (2, "node16")];
        assert_eq!(docker_kind(Some(5), &trusted), None);
        assert_eq!(docker_kind(Some(3), &trusted), None);
        assert_eq!(docker_kind(Some(4), &trusted), Some(false));
        assert_eq!(docker_kind(None, &trusted), Some(false));
        assert_eq!(docker_kind(Some(1), &[(1, "docker"), (2, "node20")]), Some(true));
        assert_eq!(docker_kind(None, &[(1, "docker"), (2, "node20")]), None);
        assert_eq!(docker_kind(Some(3), &[]), None);
        // Every unverified entry of the data is left out of the pairs.
        for a in super::super::generated_actions().filter(|a| !a.verified) {
            let trusted: Vec<(u32, &str)> = majors_of(a.name, true).collect();
            for m in a.majors {
                let only_unverified = !trusted.iter().any(|(k, _)| k == m);
                if only_unverified {
                    assert_eq!(is_docker_action(a.name, &format!("v{m}")), None, "{} {m}", a.name);
                }
            }
        }
    }
}
