//! `secrets-inherit`: `secrets: inherit` hands every secret of the caller
//! to a reusable workflow, whatever it needs, and hides which ones it uses.
//!
//! Fix (which zizmor does not have): for a local reusable workflow the
//! repository can read, replace `inherit` with the secrets that workflow
//! actually reads (`secrets.X` anywhere in it). Not offered when it reads
//! the whole `secrets` context or cannot be read.

use std::collections::BTreeSet;

use super::audit::{self, MEDIUM};
use super::{Context, Rule, WORKFLOWS};
use crate::diagnostic::{Confidence, Edit, Fix, Severity};
use crate::edit;
use crate::model::Job;

pub const RULE: Rule = Rule {
    id: "secrets-inherit",
    default_severity: Severity::Warning,
    enabled_by_default: true,
    summary: "`secrets: inherit` passes every secret to a reusable workflow; pass the ones it needs by name.",
    kinds: WORKFLOWS,
    codes: &[INHERIT],
    reports_errors: false,
    job_keys_only: false,
    reads: super::ReadPaths::Everything,
    check,
};

/// `secrets: inherit` on a reusable workflow call.
pub const INHERIT: &str = "secrets-inherit/inherit";

fn check(ctx: &mut Context<'_>) {
    let Some(wf) = ctx.workflow else { return };
    for job in &wf.jobs {
        let (Some(uses), Some(secrets)) = (job.get("uses"), job.get("secrets")) else {
            continue;
        };
        if secrets.as_str() != Some("inherit") {
            continue;
        }
        let fix = explicit_secrets(ctx, job);
        let d = ctx.report_audit(
            INHERIT,
            MEDIUM,
            Confidence::High,
            uses.report_span().cover(secrets.span),
            format!(
                "job \"{}\" passes every secret to this reusable workflow with `secrets: inherit`; pass only the secrets it uses",
                job.id
            ),
        );
        d.fixes.extend(fix);
    }
}

/// The secrets a reusable workflow's text reads (uppercased, since secret
/// names are case-insensitive), or `None` when it reads the context as a
/// whole (`toJSON(secrets)`, `secrets[x]`).
pub fn secrets_read(root: &crate::yaml::Node) -> Option<BTreeSet<String>> {
    let mut names = BTreeSet::new();
    for found in audit::all_expressions(root) {
        let (mut named, mut uses) = (0, 0);
        found.expr.walk(&mut |e| {
            if let Some(path) = audit::dotted(e)
                && let Some(name) = path.strip_prefix("secrets.")
                && !name.contains('.')
                && name != "*"
            {
                named += 1;
                names.insert(name.to_ascii_uppercase());
            }
            if matches!(&e.kind, autoheal_expr::ExprKind::Variable(v) if v.eq_ignore_ascii_case("secrets")) {
                uses += 1;
            }
        });
        if named < uses {
            return None;
        }
    }
    Some(names)
}

/// The secrets `on.workflow_call.secrets` declares: (name as written, required).
fn declared_secrets(root: &crate::yaml::Node) -> Vec<(String, bool)> {
    root.get("on")
        .and_then(|on| on.get("workflow_call"))
        .and_then(|c| c.get("secrets"))
        .and_then(|s| s.as_mapping())
        .unwrap_or_default()
        .iter()
        .filter_map(|e| {
            let required = e.value.get("required").and_then(|r| r.as_bool()).unwrap_or(false);
            Some((e.key.as_str()?.to_string(), required))
        })
        .collect()
}

/// GitHub rejects a named secret the called workflow does not declare, so
/// the fix exists only when every secret it reads is declared.
fn explicit_secrets(ctx: &Context<'_>, job: &Job<'_>) -> Option<Fix> {
    let uses = job.get("uses")?.as_str()?;
    let path = uses.strip_prefix("./")?;
    let text = ctx.repo.read(path)?;
    let doc = crate::yaml::parse(text.as_bytes());
    let root = doc.root.as_ref()?;
    let read = secrets_read(root)?;
    let declared = declared_secrets(root);
    if !read
        .iter()
        .all(|r| declared.iter().any(|(d, _)| d.eq_ignore_ascii_case(r)))
    {
        return None;
    }
    let names: Vec<&str> = declared
        .iter()
        .filter(|(d, required)| *required || read.contains(&d.to_ascii_uppercase()))
        .map(|(d, _)| d.as_str())
        .collect();
    let entry = job.node().entry("secrets")?;
    if edit::is_flow(ctx.source, job.node()) {
        return None;
    }
    let (start, value, title) = if names.is_empty() {
        (
            entry.value.span.start,
            "{}".to_string(),
            "Pass no secrets (the workflow reads none)".to_string(),
        )
    } else {
        let col = edit::column(ctx.source, entry.key.span.start) + ctx.indent_unit();
        let eol = edit::line_ending(ctx.source);
        let lines: String = names
            .iter()
            .map(|n| format!("{eol}{}{n}: ${{{{ secrets.{n} }}}}", " ".repeat(col)))
            .collect();
        (entry.key.span.end + 1, lines, format!("Pass only {}", names.join(", ")))
    };
    Some(
        Fix::safe(
            title,
            vec![Edit::replace(
                ctx.path,
                crate::text::TextRange::new(start, entry.value.span.end),
                value,
            )],
        )
        .with_explanation(format!(
            "`{path}` reads only these secrets, so passing them by name changes nothing it can see."
        )),
    )
}

#[cfg(test)]
mod tests {
    use crate::config::Config;
    use crate::lint::{LintOptions, lint};
    use crate::repo::MemoryRepo;
    use crate::rules::test_support::PATH;

    const CALLER: &str = include_str!("../../tests/rules/secrets-inherit/local-and-remote-callers.yml");

    #[test]
    fn the_fix_lists_what_the_local_workflow_reads() {
        let called = "on:\n  workflow_call:\n    secrets:\n      npm_token:\n        required: true\n      pypi:\n      unused:\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: publish\n        env:\n          T: ${{ secrets.NPM_TOKEN }}\n          U: ${{ secrets.PYPI }}\n";
        let repo = MemoryRepo::new([(".github/workflows/release.yml", called)]);
        let config = Config::default();
        let mut opts = LintOptions::new(&config);
        opts.repo = &repo;
        let diags: Vec<_> = lint(PATH, CALLER.as_bytes(), &opts)
            .into_iter()
            .filter(|d| d.rule == "secrets-inherit")
            .collect();
        let fix = &diags[0].fixes[0];
        let out = crate::fix::apply_edits(PATH, CALLER, &fix.edits.iter().collect::<Vec<_>>()).unwrap();
        assert!(
            out.contains(
                "    secrets:\n      npm_token: ${{ secrets.npm_token }}\n      pypi: ${{ secrets.pypi }}\n  other:"
            ),
            "{out}"
        );
        let whole = "on: workflow_call\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: x\n        env:\n          ALL: ${{ toJSON(secrets) }}\n";
        let doc = crate::yaml::parse(whole.as_bytes());
        assert_eq!(super::secrets_read(doc.root.as_ref().unwrap()), None);
    }
}
