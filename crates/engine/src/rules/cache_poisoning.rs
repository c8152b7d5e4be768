//! `cache-poisoning`: a release or publishing workflow restoring a cache.
//! Caches are shared across the repository's workflows, and any run with a
//! `GITHUB_TOKEN` (a pull request's, a compromised dependency's) can write
//! entries that a later release restores and ships.
//!
//! A workflow publishes when it is triggered by `release` or by tag pushes
//! only, or when a job publishes (`pypa/gh-action-pypi-publish`, `npm
//! publish`, `cargo publish`, `gh release create`, …). Confidence: high
//! when both hold, medium when one does.
//!
//! Fix (safe: only speed changes): turn the action's cache off where it has
//! a switch (`cache: false` on setup-go, `lookup-only: true` on
//! Swatinem/rust-cache, `enable-cache: false` on setup-uv,
//! `package-manager-cache: false` on setup-node).

use super::audit::{self, HIGH};
use super::{Context, Rule, WORKFLOWS};
use crate::diagnostic::{Confidence, Fix, Severity};
use crate::model::Job;
use crate::yaml::Node;

pub const RULE: Rule = Rule {
    id: "cache-poisoning",
    default_severity: Severity::Warning,
    enabled_by_default: true,
    summary: "Release and publishing workflows must not restore caches that other runs can write.",
    kinds: WORKFLOWS,
    codes: &[],
    check,
};

/// How a cache-aware action restores a cache.
enum Caching {
    /// Always (actions/cache).
    Always,
    /// Unless `input: off_value` is set; the fix sets it.
    UnlessSet(&'static str, &'static str),
    /// Only when `input` is set to something other than these values.
    WhenSet(&'static str, &'static [&'static str]),
}

/// Cache-aware actions, from their `action.yml` inputs.
const CACHE_ACTIONS: &[(&str, Caching)] = &[
    ("actions/cache", Caching::Always),
    ("actions/cache/restore", Caching::Always),
    ("actions/setup-go", Caching::UnlessSet("cache", "false")),
    ("swatinem/rust-cache", Caching::UnlessSet("lookup-only", "true")),
    ("astral-sh/setup-uv", Caching::WhenSet("enable-cache", &["false", ""])),
    ("actions/setup-node", Caching::WhenSet("cache", &[""])),
    ("actions/setup-python", Caching::WhenSet("cache", &[""])),
    ("actions/setup-java", Caching::WhenSet("cache", &[""])),
    ("actions/setup-dotnet", Caching::WhenSet("cache", &["false", ""])),
    ("ruby/setup-ruby", Caching::WhenSet("bundler-cache", &["false", ""])),
    (
        "gradle/actions/setup-gradle",
        Caching::UnlessSet("cache-read-only", "true"),
    ),
    ("mozilla-actions/sccache-action", Caching::Always),
];

const PUBLISH_ACTIONS: &[&str] = &[
    "pypa/gh-action-pypi-publish",
    "softprops/action-gh-release",
    "ncipollo/release-action",
    "goreleaser/goreleaser-action",
    "rubygems/release-gem",
    "changesets/action",
    "actions/attest-build-provenance",
];

const PUBLISH_COMMANDS: &[&str] = &[
    "npm publish",
    "yarn publish",
    "pnpm publish",
    "cargo publish",
    "twine upload",
    "gh release create",
    "gh release upload",
    "docker push",
    "gem push",
    "poetry publish",
    "uv publish",
    "mvn deploy",
    "dotnet nuget push",
];

fn check(ctx: &mut Context<'_>) {
    let Some(root) = ctx.root() else { return };
    let Some(wf) = ctx.workflow else { return };
    let release_trigger = is_release_trigger(root);
    for job in &wf.jobs {
        let publishes = job_publishes(job);
        let confidence = match (release_trigger, publishes) {
            (true, true) => Confidence::High,
            (true, false) | (false, true) => Confidence::Medium,
            (false, false) => continue,
        };
        for step in &job.steps {
            let Some(name) = audit::action_name(step.node) else {
                continue;
            };
            let Some((_, caching)) = CACHE_ACTIONS.iter().find(|(a, _)| *a == name) else {
                continue;
            };
            let value = |k: &str| {
                audit::input(step.node, k)
                    .and_then(Node::as_str)
                    .map(str::to_ascii_lowercase)
            };
            let (restores, fix) = match caching {
                Caching::Always => (true, None),
                Caching::UnlessSet(k, off) => (
                    value(k).as_deref() != Some(*off),
                    audit::set_input(ctx, step.node, k, off),
                ),
                Caching::WhenSet(k, offs) => (value(k).is_some_and(|v| !offs.contains(&v.as_str())), None),
            };
            if !restores {
                continue;
            }
            let why = if release_trigger {
                "this workflow publishes releases"
            } else {
                "this job publishes"
            };
            let uses = step.node.get("uses").map_or(step.node.span, |u| u.span);
            let fix = fix.map(|e| {
                Fix::safe("Turn the action's cache off", vec![e]).with_explanation(
                    "A release build from clean state is slower but cannot pick up a poisoned cache entry.",
                )
            });
            let d = ctx.report_audit(
                "cache-poisoning",
                HIGH,
                confidence,
                uses,
                format!("`{name}` restores a cache that any run of the repository can write, and {why}; build releases without caches"),
            );
            d.fixes.extend(fix);
        }
    }
}

/// `release`, or `push` filtered to tags only.
fn is_release_trigger(root: &Node) -> bool {
    audit::triggers(root).iter().any(|(t, _)| match *t {
        "release" => true,
        "push" => root.get("on").and_then(|on| on.get("push")).is_some_and(|p| {
            p.get("tags").is_some() && p.get("branches").is_none() && p.get("branches-ignore").is_none()
        }),
        _ => false,
    })
}

fn job_publishes(job: &Job<'_>) -> bool {
    job.steps.iter().any(|s| {
        if let Some(name) = audit::action_name(s.node) {
            return PUBLISH_ACTIONS.contains(&name.as_str())
                || (name == "docker/build-push-action"
                    && audit::input(s.node, "push").and_then(Node::as_str) == Some("true"));
        }
        s.node
            .get("run")
            .and_then(Node::as_str)
            .is_some_and(|r| PUBLISH_COMMANDS.iter().any(|c| r.contains(c)))
    })
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::{apply_first_fix, lint_rule};

    const SRC: &str = "on:\n  release:\n    types: [published]\njobs:\n  build:\n    runs-on: x\n    steps:\n      - uses: actions/setup-go@v5\n      - uses: actions/setup-node@v4\n        with:\n          cache: npm\n      - uses: actions/setup-python@v5\n      - run: npm publish\n";

    #[test]
    fn caches_in_release_workflows() {
        let got: Vec<(usize, &str)> = lint_rule(SRC, "cache-poisoning")
            .iter()
            .map(|d| (d.range.start, d.confidence.as_str()))
            .collect();
        assert_eq!(got, [(93, "high"), (127, "high")]);
        let fixed = apply_first_fix(SRC, "cache-poisoning");
        assert!(
            fixed.contains("      - uses: actions/setup-go@v5\n        with:\n          cache: false\n"),
            "{fixed}"
        );
    }

    #[test]
    fn ordinary_ci_may_cache() {
        let src = "on: push\njobs:\n  build:\n    runs-on: x\n    steps:\n      - uses: actions/cache@v4\n      - run: make\n";
        assert!(lint_rule(src, "cache-poisoning").is_empty());
        let tags = "on:\n  push:\n    tags: ['v*']\njobs:\n  build:\n    runs-on: x\n    steps:\n      - uses: actions/cache@v4\n";
        assert_eq!(lint_rule(tags, "cache-poisoning")[0].confidence.as_str(), "medium");
    }
}
