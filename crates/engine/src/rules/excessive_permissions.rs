//! `excessive-permissions`: the `GITHUB_TOKEN` holding more than the jobs
//! need. Checks: `…/default-permissions` (no `permissions:` anywhere, so the
//! repository default applies, which can be read-write), `…/write-all`,
//! `…/read-all`, and `…/workflow-write` (a write scope granted to every job
//! at the workflow level). A workflow with a single job, or a reusable
//! workflow whose caller decides, only gets the pedantic findings.
//!
//! The `permissions` rule checks that scopes and levels are valid; this one
//! skips what that rule reports (unknown scopes, bad levels).
//!
//! Fix: a minimal `permissions:` block, offered only when every step's
//! token use is known (see [`token_needs`]); otherwise a human decides.

use super::audit::{self, HIGH, LOW, MEDIUM};
use super::permissions::SCOPES;
use super::{Context, Rule, WORKFLOWS};
use crate::config::Persona;
use crate::diagnostic::{Confidence, Edit, Fix, Severity};
use crate::edit;
use crate::model::Job;
use crate::yaml::{Node, NodeKind};

pub const RULE: Rule = Rule {
    id: "excessive-permissions",
    default_severity: Severity::Warning,
    enabled_by_default: true,
    summary: "Set a minimal `permissions:` block: the default token, `write-all` and workflow-wide write scopes give every job more than it needs.",
    kinds: WORKFLOWS,
    codes: &[DEFAULT_PERMISSIONS, WORKFLOW_WRITE, WRITE_ALL, READ_ALL],
    reports_errors: false,
    job_keys_only: false,
    reads: super::ReadPaths::Everything,
    check,
};

/// A privileged workflow or job that keeps the token's default permissions.
pub const DEFAULT_PERMISSIONS: &str = "excessive-permissions/default-permissions";
/// Write permissions at the workflow level, given to every job.
pub const WORKFLOW_WRITE: &str = "excessive-permissions/workflow-write";
/// `permissions: write-all`.
pub const WRITE_ALL: &str = "excessive-permissions/write-all";
/// `permissions: read-all`.
pub const READ_ALL: &str = "excessive-permissions/read-all";

/// How bad a write grant of each scope is: what a leaked token could do.
fn scope_severity(scope: &str) -> crate::diagnostic::AuditSeverity {
    match scope {
        "actions" | "attestations" | "contents" | "deployments" | "id-token" | "issues" | "packages" | "pages"
        | "pull-requests" => HIGH,
        "checks" | "discussions" | "repository-projects" | "security-events" => MEDIUM,
        _ => LOW,
    }
}

fn check(ctx: &mut Context<'_>) {
    let Some(root) = ctx.root() else { return };
    let Some(wf) = ctx.workflow else { return };
    if wf.jobs.is_empty() {
        return;
    }
    let triggers = audit::triggers(root);
    let reusable_only = !triggers.is_empty() && triggers.iter().all(|(t, _)| *t == "workflow_call");
    // With one job, workflow-level permissions are that job's.
    let workflow_persona = if wf.jobs.len() > 1 && !reusable_only {
        Persona::Regular
    } else {
        Persona::Pedantic
    };
    // A reusable workflow's caller decides its permissions, except for a
    // job that calls yet another workflow.
    let job_persona = |job: &Job<'_>| {
        if reusable_only && !job.is_call() {
            Persona::Pedantic
        } else {
            Persona::Regular
        }
    };
    // Workflow-level grants matter only to jobs without their own block.
    let some_job_inherits = wf.jobs.iter().any(|j| j.get("permissions").is_none());
    let needs: Vec<Option<Vec<(&'static str, &'static str)>>> = wf.jobs.iter().map(token_needs).collect();
    match root.get("permissions") {
        Some(p) => {
            if ctx.shows(workflow_persona) && some_job_inherits {
                grant(ctx, p, "at the workflow level, so every job gets it");
            }
        }
        None => {
            if ctx.shows(workflow_persona) && some_job_inherits {
                let at = root
                    .as_mapping()
                    .and_then(|e| e.first())
                    .map_or(root.span, |e| e.key.span);
                let fix = workflow_fix(ctx, root, &needs);
                let d = ctx.report_audit(
                    DEFAULT_PERMISSIONS,
                    MEDIUM,
                    Confidence::Medium,
                    at,
                    "no `permissions:` block: every job gets the repository's default token, which can be read-write; set `permissions:` at the workflow level (e.g. `contents: read`)",
                );
                d.fixes.extend(fix);
            }
        }
    }
    let workflow_has = root.get("permissions").is_some();
    for (job, need) in wf.jobs.iter().zip(&needs) {
        if audit::job_disabled(job) {
            continue;
        }
        match job.get("permissions") {
            Some(p) => grant_job(ctx, p),
            None if !workflow_has && ctx.shows(job_persona(job)) => {
                let fix = need.as_ref().and_then(|n| job_fix(ctx, job, n));
                let d = ctx.report_audit(
                    DEFAULT_PERMISSIONS,
                    MEDIUM,
                    Confidence::Medium,
                    job.entry.key.span,
                    format!(
                        "job \"{}\" runs with the default token permissions (no `permissions:` block here or at the workflow level)",
                        job.id
                    ),
                );
                d.fixes.extend(fix);
            }
            None => {}
        }
    }
}

/// `write-all`, `read-all` or write scopes at the workflow level.
fn grant(ctx: &mut Context<'_>, p: &Node, level: &str) {
    match &p.kind {
        NodeKind::Scalar(s) => all_scopes(ctx, p, &s.value, level),
        NodeKind::Mapping(entries) => {
            for e in entries {
                let (Some(scope), Some("write")) = (e.key.as_str(), e.value.as_str()) else {
                    continue;
                };
                if !SCOPES.iter().any(|(s, _)| *s == scope) {
                    continue;
                }
                ctx.report_audit(
                    WORKFLOW_WRITE,
                    scope_severity(scope),
                    Confidence::High,
                    e.key.span.cover(e.value.span),
                    format!("`{scope}: write` is granted {level}; move it to the jobs that need it"),
                );
            }
        }
        NodeKind::Sequence(_) => {}
    }
}

fn grant_job(ctx: &mut Context<'_>, p: &Node) {
    if let Some(s) = p.as_scalar() {
        all_scopes(ctx, p, &s.value, "to this job");
    }
}

fn all_scopes(ctx: &mut Context<'_>, p: &Node, value: &str, level: &str) {
    match value {
        "write-all" => {
            ctx.report_audit(
                WRITE_ALL,
                HIGH,
                Confidence::High,
                p.span,
                format!("`write-all` grants write access to every scope {level}; list only the scopes the steps use"),
            );
        }
        "read-all" => {
            ctx.report_audit(
                READ_ALL,
                MEDIUM,
                Confidence::High,
                p.span,
                format!("`read-all` grants read access to every scope {level}; list only the scopes the steps use"),
            );
        }
        _ => {}
    }
}

/// The scopes a job's token needs, when every step is understood: `None`
/// when a step passes the token to something this rule cannot see into
/// (a script using `gh` or `GITHUB_TOKEN`, an unknown action, a reusable
/// workflow).
pub fn token_needs(job: &Job<'_>) -> Option<Vec<(&'static str, &'static str)>> {
    if job.is_call() || job.get("steps").is_none() {
        return None;
    }
    if mentions_token(job.get("env")) || mentions_token(job.get("container")) || mentions_token(job.get("services")) {
        return None;
    }
    let mut needs: Vec<(&'static str, &'static str)> = Vec::new();
    for step in &job.steps {
        let node = step.node;
        if mentions_token(node.get("env")) || mentions_token(node.get("with")) {
            return None;
        }
        if let Some(run) = node.get("run") {
            let script = run.as_str()?;
            if RUN_TOKEN_USES.iter().any(|w| script.contains(w)) {
                return None;
            }
            continue;
        }
        let name = audit::action_name(node)?;
        let known = KNOWN_ACTIONS.iter().find(|a| {
            name.strip_prefix(a.action)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
        })?;
        // An input that makes the action do more than its table entry says.
        if known.more_with.iter().any(|input| audit::input(node, input).is_some()) {
            return None;
        }
        // One level per scope, the higher one (`write` covers `read`).
        for &(scope, level) in known.needs {
            match needs.iter_mut().find(|(s, _)| *s == scope) {
                Some(have) if level == "write" => have.1 = "write",
                Some(_) => {}
                None => needs.push((scope, level)),
            }
        }
    }
    needs.sort();
    Some(needs)
}

/// Text in a script that means it talks to GitHub with the token.
const RUN_TOKEN_USES: &[&str] = &[
    "GITHUB_TOKEN",
    "GH_TOKEN",
    "github.token",
    "secrets.",
    "gh ",
    "git push",
    "git tag",
    "api.github.com",
    "ACTIONS_RUNTIME_TOKEN",
    "ACTIONS_ID_TOKEN",
];

fn mentions_token(node: Option<&Node>) -> bool {
    let Some(node) = node else { return false };
    audit::string_scalars(node)
        .iter()
        .any(|s| s.as_str().is_some_and(names_github_token))
}

/// Whether `text` holds `github_token` or `github.token` in any ASCII case,
/// without a lowercase copy of every string of the job: each `g`/`G` is
/// looked at once, for both spellings.
fn names_github_token(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr2_iter(b'g', b'G', bytes).any(|i| {
        let rest = &bytes[i..];
        rest.len() >= 12
            && rest[..6].eq_ignore_ascii_case(b"github")
            && matches!(rest[6], b'_' | b'.')
            && rest[7..12].eq_ignore_ascii_case(b"token")
    })
}

/// What an action does with the job's token.
struct TokenUse {
    /// `owner/repo[/path]`, lowercase; matched as a prefix of path segments.
    action: &'static str,
    /// The scopes it needs when given the default token.
    needs: &'static [(&'static str, &'static str)],
    /// Inputs with which it needs more than `needs` (then the job's needs
    /// are not known).
    more_with: &'static [&'static str],
}

const fn token(action: &'static str, needs: &'static [(&'static str, &'static str)]) -> TokenUse {
    TokenUse {
        action,
        needs,
        more_with: &[],
    }
}

/// Actions whose token use is documented in their README.
const KNOWN_ACTIONS: &[TokenUse] = &[
    token("actions/checkout", &[("contents", "read")]),
    token("actions/setup-node", &[]),
    token("actions/setup-python", &[]),
    token("actions/setup-java", &[]),
    token("actions/setup-go", &[]),
    token("actions/setup-dotnet", &[]),
    token("actions/cache", &[]),
    token("actions/upload-artifact", &[]),
    token("actions/download-artifact", &[]),
    token("actions/upload-pages-artifact", &[]),
    token("actions/deploy-pages", &[("id-token", "write"), ("pages", "write")]),
    token(
        "github/codeql-action",
        &[("actions", "read"), ("contents", "read"), ("security-events", "write")],
    ),
    token("dtolnay/rust-toolchain", &[]),
    token("swatinem/rust-cache", &[]),
    token("astral-sh/setup-uv", &[]),
    token("docker/setup-buildx-action", &[]),
    token("docker/setup-qemu-action", &[]),
    token("codecov/codecov-action", &[]),
    token("pnpm/action-setup", &[]),
    token("ruby/setup-ruby", &[]),
    token("gradle/actions/setup-gradle", &[]),
    token("taiki-e/install-action", &[]),
    // README: "id-token: write" to mint the OIDC token for the Sigstore
    // certificate, "attestations: write" to store the attestation.
    // `push-to-registry` also pushes to a container registry
    // (`packages: write` for GHCR, or a registry's own login).
    TokenUse {
        more_with: &["push-to-registry"],
        ..token(
            "actions/attest-build-provenance",
            &[("attestations", "write"), ("id-token", "write")],
        )
    },
    TokenUse {
        more_with: &["push-to-registry"],
        ..token("actions/attest", &[("attestations", "write"), ("id-token", "write")])
    },
    // Creates or updates a release and uploads its assets: GitHub's REST
    // reference lists "Contents" write for those endpoints.
    // `discussion_category_name` also opens a discussion for the
    // release (`discussions: write`).
    TokenUse {
        more_with: &["discussion_category_name"],
        ..token("softprops/action-gh-release", &[("contents", "write")])
    },
];

fn block_lines(needs: &[(&str, &str)], indent: usize, eol: &str) -> String {
    if needs.is_empty() {
        return " {}".into();
    }
    needs
        .iter()
        .map(|(s, l)| format!("{eol}{}{s}: {l}", " ".repeat(indent)))
        .collect()
}

/// One `permissions:` block at the workflow level, when every job's needs
/// are known and read-only (write scopes belong to the jobs).
fn workflow_fix(ctx: &Context<'_>, root: &Node, needs: &[Option<Vec<(&'static str, &'static str)>>]) -> Option<Fix> {
    let mut union: Vec<(&str, &str)> = Vec::new();
    for n in needs {
        for need in n.as_ref()? {
            if need.1 != "read" {
                return None;
            }
            if !union.contains(need) {
                union.push(*need);
            }
        }
    }
    union.sort();
    let jobs = root.entry("jobs")?;
    if edit::is_flow(ctx.source, root) || edit::column(ctx.source, jobs.key.span.start) != 0 {
        return None;
    }
    let eol = edit::line_ending(ctx.source);
    let text = format!("permissions:{}{eol}{eol}", block_lines(&union, ctx.indent_unit(), eol));
    let at = edit::line_start(ctx.source, jobs.key.span.start);
    Some(
        Fix::safe("Add a read-only `permissions:` block", vec![Edit::insert(ctx.path, at, text)]).with_explanation(
            "Every step of every job was recognized and none writes with the token, so the workflow needs no more than this. \
             Add write scopes to a job's own `permissions:` if a step you add later needs them.",
        ),
    )
}

/// A `permissions:` block in the job, after `runs-on:`.
fn job_fix(ctx: &Context<'_>, job: &Job<'_>, needs: &[(&str, &str)]) -> Option<Fix> {
    let node = job.node();
    let entries = node.as_mapping()?;
    if edit::is_flow(ctx.source, node) {
        return None;
    }
    let anchor = entries.iter().find(|e| e.key.as_str() == Some("runs-on"))?;
    let col = edit::column(ctx.source, entries.first()?.key.span.start);
    let eol = edit::line_ending(ctx.source);
    let at = edit::line_end(ctx.source, anchor.value.span.end.max(anchor.key.span.end));
    let text = format!(
        "{eol}{}permissions:{}",
        " ".repeat(col),
        block_lines(needs, col + ctx.indent_unit(), eol)
    );
    let listed: Vec<String> = needs.iter().map(|(s, l)| format!("{s}: {l}")).collect();
    let title = if listed.is_empty() {
        format!("Give job \"{}\" no token permissions", job.id)
    } else {
        format!("Give job \"{}\" only {}", job.id, listed.join(", "))
    };
    // Scripts cannot reach the token unless `actions/checkout` leaves it on
    // disk; then a script's own `git push` would need `contents: write`.
    let persisted = job.steps.iter().any(|s| {
        audit::uses_action(s.node, "actions/checkout")
            && audit::input(s.node, "persist-credentials").and_then(Node::as_str) != Some("false")
    });
    let edits = vec![Edit::insert(ctx.path, at, text)];
    Some(if persisted && job.steps.iter().any(|s| s.node.get("run").is_some()) {
        Fix::unsafe_(title, edits).with_explanation(
            "Every step was recognized and no script names the token, but `actions/checkout` leaves it on disk: check that \
             no script (a Makefile, a release script) pushes with git, which would need `contents: write`.",
        )
    } else {
        Fix::safe(title, edits).with_explanation(
            "Every step of the job was recognized: these are the scopes its actions document needing, and no script can reach the token.",
        )
    })
}

#[cfg(test)]
mod tests {
    use crate::config::{Config, Persona};
    use crate::lint::{LintOptions, lint};
    use crate::rules::test_support::{PATH, apply_first_fix, lint_rule};

    const TWO_JOBS: &str = include_str!("../../tests/rules/excessive-permissions/two-jobs-no-permissions.yml");

    use proptest::strategy::Strategy;

    proptest::proptest! {
        /// The one-pass search finds what a search per word finds: text
        /// built from pieces of the words, in any case, with other bytes.
        #[test]
        fn the_token_searches_agree_with_a_search_per_word(
            pieces in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::sample::select(vec![
                        "GITHUB_TOKEN", "GitHub.Token", "github", "GITHUB", "token", "Token", "_", ".", "g",
                        "G", "é", " ",
                    ]).prop_map(str::to_string),
                    "[ -~]{0,6}",
                ],
                0..12,
            )
        ) {
            let text = pieces.concat();
            let lower = text.to_ascii_lowercase();
            let by_word = lower.contains("github_token") || lower.contains("github.token");
            proptest::prop_assert_eq!(super::names_github_token(&text), by_word);
        }
    }

    /// Every scope and level the action table grants is one the
    /// `permissions` rule accepts (its table is GitHub's list), so a fix
    /// never writes a block that rule rejects.
    #[test]
    fn the_action_table_names_only_scopes_and_levels_github_defines() {
        for known in super::KNOWN_ACTIONS {
            for (scope, level) in known.needs {
                let levels = crate::rules::permissions::SCOPES
                    .iter()
                    .find(|(s, _)| s == scope)
                    .map(|(_, l)| *l)
                    .unwrap_or_else(|| panic!("{}: unknown scope {scope}", known.action));
                assert!(
                    levels.contains(level) && *level != "none",
                    "{}: {scope}: {level}",
                    known.action
                );
            }
        }
    }

    /// The attest actions need the two write scopes their README names, a
    /// release action contents: write, in the job's own block; pushing to a
    /// registry is beyond the table.
    #[test]
    fn attesting_jobs_get_the_scopes_the_attest_readme_names() {
        let src = "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: make dist\n      - uses: actions/attest-build-provenance@v2\n        with:\n          subject-path: dist/*\n";
        let fixed = apply_first_fix(src, "excessive-permissions");
        assert!(
            fixed.contains(
                "    permissions:\n      attestations: write\n      contents: read\n      id-token: write\n    steps:"
            ),
            "{fixed}"
        );
        let release = src.replace(
            "actions/attest-build-provenance@v2\n        with:\n          subject-path",
            "softprops/action-gh-release@v2\n        with:\n          files",
        );
        let fixed = apply_first_fix(&release, "excessive-permissions");
        assert!(
            fixed.contains("    permissions:\n      contents: write\n    steps:"),
            "{fixed}"
        );
        let pushing = src.replace(
            "subject-path: dist/*",
            "subject-path: dist/*\n          push-to-registry: true",
        );
        let diags = lint_rule(&pushing, "excessive-permissions");
        assert!(diags.iter().all(|d| d.fixes.is_empty()), "{diags:?}");
    }

    /// A step that hands the token on in any letter case (`${{ GitHub.Token }}`,
    /// `Github_Token`) makes the job's needs unknown, so no fix; an action
    /// is known by its name or a path below it (`github/codeql-action/init`),
    /// not by a name that merely starts the same.
    #[test]
    fn token_mentions_in_any_case_and_action_paths() {
        let src = "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: make\n";
        let fixed = |src: &str| {
            lint_rule(src, "excessive-permissions")
                .iter()
                .any(|d| !d.fixes.is_empty())
        };
        assert!(fixed(src));
        for mention in [
            "${{ GitHub.Token }}",
            "${{ secrets.Github_Token }}",
            "${{ SECRETS.GITHUB_TOKEN }}",
        ] {
            let with = src.replace(
                "      - run: make\n",
                &format!("      - run: make\n        env:\n          T: {mention}\n"),
            );
            assert!(!fixed(&with), "{with}");
        }
        let below = src.replace("actions/checkout@v4", "actions/checkout/sub@v4");
        assert!(fixed(&below), "{below}");
        let other = src.replace("actions/checkout@v4", "actions/checkout-extra@v4");
        assert!(!fixed(&other), "{other}");
    }

    #[test]
    fn the_fix_is_a_minimal_job_block_when_every_step_is_known() {
        let diags = lint_rule(TWO_JOBS, "excessive-permissions");
        // Job `a` is understood; `b` runs `gh` with the token, so no fix, and
        // therefore no workflow-level fix either.
        assert!(diags[0].fixes.is_empty());
        assert_eq!(diags[1].fixes[0].title, "Give job \"a\" only contents: read");
        assert!(diags[2].fixes.is_empty());
        let src = "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: make\n";
        let mut config = Config::default();
        config.persona = Persona::Pedantic;
        let fixed = apply_first_fix(src, "excessive-permissions");
        assert_eq!(
            fixed,
            "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    permissions:\n      contents: read\n    steps:\n      - uses: actions/checkout@v4\n      - run: make\n"
        );
        let pedantic = lint(PATH, src.as_bytes(), &LintOptions::new(&config));
        let workflow_level = pedantic
            .iter()
            .find(|d| d.rule == "excessive-permissions" && d.range.start == 0)
            .expect("a workflow-level finding in pedantic mode");
        assert_eq!(
            workflow_level.fixes[0].edits[0].new_text,
            "permissions:\n  contents: read\n\n"
        );
    }
}
