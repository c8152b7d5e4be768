//! `permissions`: scope names and access levels of the `GITHUB_TOKEN`, at
//! the workflow level and for each job.

use super::{Context, Rule, WORKFLOWS};
use crate::diagnostic::Severity;
use crate::yaml::{Node, NodeKind};
use autoheal_expr::suggest::suggest;

pub const RULE: Rule = Rule {
    id: "permissions",
    default_severity: Severity::Error,
    enabled_by_default: true,
    summary: "`permissions:` must use known scopes with `read`, `write` or `none`, or `read-all`/`write-all`.",
    kinds: WORKFLOWS,
    codes: &[UNKNOWN_SHORTHAND, UNKNOWN_SCOPE, UNKNOWN_LEVEL],
    reports_errors: true,
    job_keys_only: false,
    reads: super::ReadPaths::Paths {
        paths: &["permissions", "jobs.*.permissions"],
        expressions: false,
        step_shell: false,
        plain_scalars: None,
    },
    check,
};

/// A scalar other than `read-all` or `write-all`.
pub const UNKNOWN_SHORTHAND: &str = "permissions/unknown-shorthand";
/// A scope GitHub does not define.
pub const UNKNOWN_SCOPE: &str = "permissions/unknown-scope";
/// A level the scope does not take.
pub const UNKNOWN_LEVEL: &str = "permissions/unknown-level";

/// `(scope, allowed levels)`, from GitHub's "Controlling permissions for
/// GITHUB_TOKEN" reference (checked 2025-06).
pub const SCOPES: &[(&str, &[&str])] = &[
    ("actions", RWN),
    ("artifact-metadata", RWN),
    ("attestations", RWN),
    ("checks", RWN),
    // Listed in the workflow syntax's "Defining access for the GITHUB_TOKEN
    // scopes" (read 2026-12-06, with `artifact-metadata` and `models`).
    ("code-quality", RWN),
    ("contents", RWN),
    ("copilot-requests", &["write", "none"]),
    ("deployments", RWN),
    ("discussions", RWN),
    ("id-token", &["write", "none"]),
    ("issues", RWN),
    ("models", &["read", "none"]),
    ("packages", RWN),
    ("pages", RWN),
    ("pull-requests", RWN),
    ("repository-projects", RWN),
    ("security-events", RWN),
    ("statuses", RWN),
    // Dependabot alerts: in GitHub's workflow schema (`permissions-mapping`
    // of actions/languageservices `workflow-v1.0.json`, read 2026-12-05),
    // read or none only.
    ("vulnerability-alerts", &["read", "none"]),
];
const RWN: &[&str] = &["read", "write", "none"];

/// The level of `scope` a `GITHUB_TOKEN` gets when no `permissions:` is
/// written, with the repository's (or organisation's) default set to
/// `Permissive` ("read and write") or `Restricted` ("read repository
/// contents and packages", the default for repositories created since
/// 2023-02): GitHub's "Permissions for the GITHUB_TOKEN" table (read
/// 2026-12-05). `None` for a scope that table does not list.
pub fn default_level(scope: &str, default: TokenDefault) -> Option<&'static str> {
    let listed = [
        "actions",
        "attestations",
        "checks",
        "contents",
        "deployments",
        "discussions",
        "id-token",
        "issues",
        "models",
        "packages",
        "pages",
        "pull-requests",
        "repository-projects",
        "security-events",
        "statuses",
    ];
    if !listed.contains(&scope) {
        return None;
    }
    Some(match (default, scope) {
        // OIDC tokens are never granted by default, whatever the setting.
        (_, "id-token") => "none",
        (TokenDefault::Permissive, "models") => "read",
        (TokenDefault::Permissive, _) => "write",
        (TokenDefault::Restricted, "contents" | "packages") => "read",
        (TokenDefault::Restricted, _) => "none",
    })
}

/// The repository setting that decides the `GITHUB_TOKEN`'s permissions
/// when a workflow writes none.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenDefault {
    Permissive,
    Restricted,
}

fn check(ctx: &mut Context<'_>) {
    let Some(root) = ctx.root() else { return };
    if let Some(p) = root.get("permissions") {
        permissions(ctx, p);
    }
    let Some(wf) = ctx.workflow else { return };
    for job in &wf.jobs {
        if let Some(p) = job.get("permissions") {
            permissions(ctx, p);
        }
    }
}

/// GitHub's workflow schema gives `permissions` (whole or per scope) no
/// expression context: the token's scopes are fixed before anything is
/// evaluated, so `${{ }}` there is a literal value that names no level.
const NO_EXPRESSION: &str = "; `permissions` takes no expression (the token's scopes are set before the job runs)";

fn permissions(ctx: &mut Context<'_>, p: &Node) {
    match &p.kind {
        NodeKind::Scalar(s) if p.is_expression() => {
            ctx.report(
                p.report_span(),
                format!(
                    "\"{}\" is not a permission for all scopes{NO_EXPRESSION}",
                    s.value.trim()
                ),
            )
            .set_code(UNKNOWN_SHORTHAND);
        }
        NodeKind::Scalar(s) => match s.value.as_str() {
            "read-all" | "write-all" => {}
            v => {
                let hint = suggest(v, &["read-all", "write-all"])
                    .map(|s| format!("; did you mean \"{s}\"?"))
                    .unwrap_or_default();
                ctx.report(
                    p.report_span(),
                    format!("\"{v}\" is not a permission for all scopes{hint}; use `read-all`, `write-all`, `{{}}` (none) or a mapping of scopes"),
                )
                .set_code(UNKNOWN_SHORTHAND);
            }
        },
        NodeKind::Mapping(entries) => {
            let names: Vec<&str> = SCOPES.iter().map(|s| s.0).collect();
            for e in entries {
                let Some(scope) = e.key.as_str() else { continue };
                let Some((_, levels)) = SCOPES.iter().find(|s| s.0 == scope) else {
                    let hint = names
                        .iter()
                        .find(|n| n.eq_ignore_ascii_case(scope))
                        .copied()
                        .or_else(|| suggest(scope, &names))
                        .map(|s| format!("; did you mean \"{s}\"?"))
                        .unwrap_or_default();
                    ctx.report(
                        e.key.span,
                        format!(
                            "unknown permission scope \"{scope}\"{hint}; scopes are {}",
                            names.join(", ")
                        ),
                    )
                    .set_code(UNKNOWN_SCOPE);
                    continue;
                };
                let Some(level) = e.value.as_str().filter(|_| e.value.is_scalar()) else {
                    continue;
                };
                if !levels.contains(&level) {
                    let why = if e.value.is_expression() { NO_EXPRESSION } else { "" };
                    ctx.report(
                        e.value.span,
                        format!(
                            "\"{}\" is not a valid level for scope \"{scope}\"{why}; use {}",
                            level.trim(),
                            levels.join(", ")
                        ),
                    )
                    .set_code(UNKNOWN_LEVEL);
                }
            }
        }
        NodeKind::Sequence(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::lint_rule;

    /// Every scope of the workflow syntax's current list (read 2026-12-06)
    /// takes its documented levels; `code-quality` is one of them.
    #[test]
    fn the_documented_scopes_take_their_levels() {
        let scopes = [
            ("actions", "write"),
            ("artifact-metadata", "write"),
            ("attestations", "write"),
            ("checks", "read"),
            ("code-quality", "write"),
            ("code-quality", "read"),
            ("contents", "write"),
            ("deployments", "none"),
            ("id-token", "write"),
            ("issues", "write"),
            ("models", "read"),
            ("discussions", "write"),
            ("packages", "read"),
            ("pages", "write"),
            ("pull-requests", "write"),
            ("security-events", "write"),
            ("statuses", "write"),
            ("vulnerability-alerts", "read"),
        ];
        for (scope, level) in scopes {
            let src = format!("on: push\npermissions:\n  {scope}: {level}\njobs: {{}}\n");
            assert_eq!(lint_rule(&src, "permissions"), [], "{scope}: {level}");
        }
        let wrong = "on: push\npermissions:\n  code-quality: admin\njobs: {}\n";
        let found: Vec<&str> = lint_rule(wrong, "permissions").iter().map(|d| d.code).collect();
        assert_eq!(found, [super::UNKNOWN_LEVEL]);
    }

    #[test]
    fn an_expression_is_no_permission() {
        let src = "on: push\npermissions: ${{ github.event_name == 'push' && 'read-all' || 'write-all' }}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    permissions:\n      contents: ${{ 'read' }}\n      issues: write\n    steps:\n      - run: echo\n";
        let found: Vec<(&str, &str)> = lint_rule(src, "permissions")
            .iter()
            .map(|d| (d.code, &src[d.range.start..d.range.end]))
            .collect();
        assert_eq!(
            found,
            [
                (
                    super::UNKNOWN_SHORTHAND,
                    "${{ github.event_name == 'push' && 'read-all' || 'write-all' }}"
                ),
                (super::UNKNOWN_LEVEL, "${{ 'read' }}"),
            ]
        );
    }
}
