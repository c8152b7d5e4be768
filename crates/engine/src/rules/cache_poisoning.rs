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
//! a switch (`cache: false` on setup-go, `cache: ''` on setup-node,
//! setup-python and setup-java, `lookup-only: true` on Swatinem/rust-cache,
//! `enable-cache: false` on setup-uv, `cache-disabled: true` on
//! setup-gradle). actions/cache has none: the step has to go.
//!
//! A job whose `cache-mode` (or, without one, the workflow's) is `none` or
//! `write-only` restores nothing: GitHub's cache service refuses the restore.

use super::audit::{self, HIGH};
use super::{Context, Rule, WORKFLOWS};
use crate::diagnostic::{Confidence, Edit, Fix, Severity};
use crate::model::Job;
use crate::yaml::Node;

pub const RULE: Rule = Rule {
    id: "cache-poisoning",
    default_severity: Severity::Warning,
    enabled_by_default: true,
    summary: "Release and publishing workflows must not restore caches that other runs can write.",
    kinds: WORKFLOWS,
    codes: &[RELEASE_CACHE],
    reports_errors: false,
    job_keys_only: false,
    reads: super::ReadPaths::Everything,
    check,
};

/// A release or publishing workflow that restores a cache other runs can write.
pub const RELEASE_CACHE: &str = "cache-poisoning/release-cache";

/// How a cache-aware action restores a cache, from its `action.yml`.
struct CacheAction {
    name: &'static str,
    /// The input that turns the cache on or off (`None`: always on).
    input: Option<&'static str>,
    /// Whether the cache is on when the input is not set.
    on_by_default: bool,
    /// The first major version with that default (setup-go caches by
    /// default since v4); older refs are off by default.
    default_since: u32,
    /// Values of the input that mean "off".
    off: &'static [&'static str],
    /// What the fix writes to turn it off.
    fix_value: &'static str,
    /// Other inputs whose value stops the restore.
    no_restore: &'static [(&'static str, &'static str)],
}

const fn always(name: &'static str) -> CacheAction {
    CacheAction {
        name,
        input: None,
        on_by_default: true,
        default_since: 0,
        off: &[],
        fix_value: "",
        no_restore: &[],
    }
}

/// An action that caches only when `input` is set to something on.
const fn opt_in(
    name: &'static str,
    input: &'static str,
    off: &'static [&'static str],
    fix_value: &'static str,
) -> CacheAction {
    CacheAction {
        name,
        input: Some(input),
        on_by_default: false,
        default_since: 0,
        off,
        fix_value,
        no_restore: &[],
    }
}

/// An action that caches unless `input` is set to `fix_value`.
const fn opt_out(name: &'static str, input: &'static str, fix_value: &'static str) -> CacheAction {
    CacheAction {
        name,
        input: Some(input),
        on_by_default: true,
        default_since: 0,
        off: &[],
        fix_value,
        no_restore: &[],
    }
}

/// Cache-aware actions. setup-node, setup-python and setup-java cache only
/// with `cache:` set to a package manager (an empty value is off);
/// setup-dotnet's `cache` and setup-ruby's `bundler-cache` are booleans,
/// off by default; setup-go's `cache` is on by default since v4;
/// setup-uv's `enable-cache` is off, on or `auto` (its default in recent
/// versions; an unset input is not reported, since older ones default to
/// off) and `restore-cache: false` skips the restore; setup-gradle
/// restores unless `cache-disabled` or `cache-write-only` (its
/// `cache-read-only` still restores); rust-cache with `lookup-only: true`
/// only checks that an entry exists.
const CACHE_ACTIONS: &[CacheAction] = &[
    always("actions/cache"),
    always("actions/cache/restore"),
    always("mozilla-actions/sccache-action"),
    CacheAction {
        default_since: 4,
        ..opt_out("actions/setup-go", "cache", "false")
    },
    opt_out("swatinem/rust-cache", "lookup-only", "true"),
    CacheAction {
        no_restore: &[("restore-cache", "false")],
        ..opt_in("astral-sh/setup-uv", "enable-cache", &["false", ""], "false")
    },
    opt_in("actions/setup-node", "cache", &[""], "''"),
    opt_in("actions/setup-python", "cache", &[""], "''"),
    opt_in("actions/setup-java", "cache", &[""], "''"),
    opt_in("actions/setup-dotnet", "cache", &["false", ""], "false"),
    opt_in("ruby/setup-ruby", "bundler-cache", &["false", ""], "false"),
    CacheAction {
        no_restore: &[("cache-write-only", "true")],
        ..opt_out("gradle/actions/setup-gradle", "cache-disabled", "true")
    },
    CacheAction {
        no_restore: &[("cache-write-only", "true")],
        ..opt_out("gradle/gradle-build-action", "cache-disabled", "true")
    },
];

impl CacheAction {
    /// Whether the step restores a cache.
    fn restores(&self, step: &Node) -> bool {
        let value = |k: &str| {
            audit::input(step, k)
                .and_then(Node::as_str)
                .map(str::to_ascii_lowercase)
        };
        if self.no_restore.iter().any(|(k, v)| value(k).as_deref() == Some(*v)) {
            return false;
        }
        let Some(input) = self.input else { return true };
        match value(input) {
            Some(v) if self.on_by_default => v != self.fix_value,
            Some(v) => !self.off.contains(&v.as_str()),
            None => self.on_by_default && audit::major_version(step).is_none_or(|m| m >= self.default_since),
        }
    }

    /// The edit that turns the cache off: the input's value replaced, or
    /// the input added.
    fn fix(&self, ctx: &Context<'_>, step: &Node) -> Option<Edit> {
        let input = self.input?;
        let with = step.get("with");
        match with
            .and_then(Node::as_mapping)
            .and_then(|m| m.iter().find(|e| e.key.as_str() == Some(input)))
        {
            Some(entry) if entry.value.is_scalar() => Some(crate::edit::replace_value(ctx.path, entry, self.fix_value)),
            Some(_) => None,
            None => audit::set_input(ctx, step, input, self.fix_value),
        }
    }
}

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
        // The steps that restore a cache, first: most jobs have none, and
        // whether a job publishes is a search of every script for every
        // publishing command.
        let restoring: Vec<(&crate::model::Step<'_>, String, &CacheAction)> = job
            .steps
            .iter()
            .filter_map(|step| {
                let name = audit::action_name(step.node)?;
                let action = CACHE_ACTIONS.iter().find(|a| a.name == name)?;
                action.restores(step.node).then_some((step, name, action))
            })
            .collect();
        if restoring.is_empty() || !restores_under_cache_mode(root, job) {
            continue;
        }
        let publishes = job_publishes(job);
        let Some(why) = reason(release_trigger, publishes) else {
            continue;
        };
        let confidence = if release_trigger && publishes {
            Confidence::High
        } else {
            Confidence::Medium
        };
        for (step, name, action) in restoring {
            let fix = action.fix(ctx, step.node);
            let uses = step.node.get("uses").map_or(step.node.span, |u| u.span);
            let fix = fix.map(|e| {
                Fix::safe("Turn the action's cache off", vec![e]).with_explanation(
                    "A release build from clean state is slower but cannot pick up a poisoned cache entry.",
                )
            });
            let d = ctx.report_audit(
                RELEASE_CACHE,
                HIGH,
                confidence,
                uses,
                format!("`{name}` restores a cache that any run of the repository can write, and {why}; build releases without caches"),
            );
            d.fixes.extend(fix);
        }
    }
}

/// Whether the job's `cache-mode` (its own, else the workflow's) lets a
/// step restore a cache: GitHub's cache service refuses every restore under
/// `none` and `write-only` (changelog of 2026-09-10), whatever the step
/// asks. `read`, `write`, no setting, or an expression (known only at run
/// time) may restore.
fn restores_under_cache_mode(root: &Node, job: &Job<'_>) -> bool {
    let mode = job.get("cache-mode").or_else(|| root.get("cache-mode"));
    !matches!(mode.and_then(Node::as_str), Some("none" | "write-only"))
}

/// Why a cache restored in `job` could ship a poisoned entry (the workflow
/// publishes releases, or the job publishes), for fixes that would turn a
/// cache on; `None` when neither holds.
pub fn publishing_reason(root: &Node, job: &Job<'_>) -> Option<&'static str> {
    let release_trigger = is_release_trigger(root);
    reason(release_trigger, !release_trigger && job_publishes(job))
}

fn reason(release_trigger: bool, publishes: bool) -> Option<&'static str> {
    if release_trigger {
        Some("this workflow publishes releases")
    } else if publishes {
        Some("this job publishes")
    } else {
        None
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
    use crate::rules::test_support::{PATH, lint_rule};

    /// Each setup action's own cache, read from its inputs and version, and
    /// the fix that turns it off; each fix alone clears its finding.
    #[test]
    fn setup_actions_built_in_caches() {
        let src = "on:\n  push:\n    tags: ['v*']\njobs:\n  publish:\n    runs-on: x\n    steps:\n      - uses: actions/setup-go@v3\n      - uses: actions/setup-go@v5\n        with:\n          go-version: stable\n      - uses: actions/setup-python@v5\n        with:\n          cache: 'pip'\n      - uses: actions/setup-java@v4\n        with:\n          cache: gradle\n      - uses: gradle/actions/setup-gradle@v4\n        with:\n          cache-read-only: true\n      - uses: gradle/actions/setup-gradle@v4\n        with:\n          cache-write-only: true\n      - uses: astral-sh/setup-uv@v6\n        with:\n          enable-cache: true\n      - uses: astral-sh/setup-uv@v6\n        with:\n          enable-cache: true\n          restore-cache: false\n      - uses: ruby/setup-ruby@v1\n        with:\n          bundler-cache: true\n      - uses: actions/setup-dotnet@v4\n      - run: twine upload dist/*\n";
        let diags = lint_rule(src, "cache-poisoning");
        let names: Vec<&str> = diags.iter().map(|d| &src[d.range.start..d.range.end]).collect();
        assert_eq!(
            names,
            [
                "actions/setup-go@v5",
                "actions/setup-python@v5",
                "actions/setup-java@v4",
                "gradle/actions/setup-gradle@v4",
                "astral-sh/setup-uv@v6",
                "ruby/setup-ruby@v1",
            ]
        );
        let fixed: Vec<String> = diags
            .iter()
            .map(|d| {
                let fix = d.fixes.first().unwrap_or_else(|| panic!("no fix on {d:?}"));
                assert_eq!(fix.applicability, crate::Applicability::Safe);
                let edits: Vec<_> = fix.edits.iter().collect();
                let out = crate::fix::apply_edits(PATH, src, &edits).expect("fix applies");
                assert_eq!(lint_rule(&out, "cache-poisoning").len(), diags.len() - 1, "{out}");
                out
            })
            .collect();
        let wanted = [
            "go-version: stable\n          cache: false\n",
            "cache: ''\n",
            "cache: ''\n",
            "cache-read-only: true\n          cache-disabled: true\n",
            "enable-cache: false\n",
            "bundler-cache: false\n",
        ];
        assert_eq!(fixed.len(), wanted.len());
        for (out, want) in fixed.iter().zip(wanted) {
            assert!(out.contains(want), "{want:?} not in\n{out}");
        }
    }
}
