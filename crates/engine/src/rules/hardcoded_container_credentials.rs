//! `hardcoded-container-credentials`: a registry password written into the
//! workflow (`container.credentials.password`, or a service's). Anyone who
//! can read the repository can log in as that account. actionlint's
//! `credentials` check reports the same. No fix: the secret's name is the
//! author's to choose.
//!
//! A password read as one bare `${{ env.NAME }}` is judged by the value it
//! reads: GitHub's context availability table gives `container.credentials`
//! and `services.<id>.credentials` the `env` context, which holds the
//! workflow's `env:` overridden by the job's (contexts reference, `env`
//! context), so a literal written there is as readable as one written in
//! the password (GitHub's workflow syntax asks for `secrets` there).

use super::audit::{self, HIGH};
use super::{Context, Rule, WORKFLOWS};
use crate::diagnostic::{Confidence, Severity};
use crate::model::{Job, matrix_reference};
use crate::yaml::Node;
use autoheal_expr::find_expressions;

pub const RULE: Rule = Rule {
    id: "hardcoded-container-credentials",
    default_severity: Severity::Error,
    enabled_by_default: true,
    summary: "Container registry passwords must come from `secrets`, not be written in the workflow.",
    kinds: WORKFLOWS,
    codes: &[PASSWORD],
    reports_errors: true,
    job_keys_only: false,
    reads: super::ReadPaths::Paths {
        // Registry passwords, and the matrix one may come from.
        paths: &[
            "env",
            "jobs.*.env",
            "jobs.*.container",
            "jobs.*.services",
            "jobs.*.strategy",
        ],
        expressions: false,
        step_shell: false,
        plain_scalars: None,
    },
    check,
};

/// A registry password written in the workflow.
pub const PASSWORD: &str = "hardcoded-container-credentials/password";

fn check(ctx: &mut Context<'_>) {
    let Some(wf) = ctx.workflow else { return };
    let mut places: Vec<(&Job<'_>, &Node, String)> = Vec::new();
    for job in &wf.jobs {
        if let Some(c) = job.get("container") {
            places.push((job, c, "\"container\"".to_string()));
        }
        for s in job.get("services").and_then(Node::as_mapping).unwrap_or_default() {
            places.push((job, &s.value, format!("service \"{}\"", s.key.as_str().unwrap_or(""))));
        }
    }
    for (job, node, what) in places {
        let Some(password) = node.get("credentials").and_then(|c| c.get("password")) else {
            continue;
        };
        let Some(value) = password.as_str().filter(|v| !v.is_empty()) else {
            continue;
        };
        let message = if !reads_a_context(value) {
            format!(
                "the registry password of {what} is written in the workflow; store it as a secret and use `${{{{ secrets.NAME }}}}`"
            )
        } else if let Some((name, level)) = env_reference(value).and_then(|n| literal_env(wf.root, job, n)) {
            // `${{ env.DB_PASSWORD }}` where an `env:` writes the password.
            format!(
                "the registry password of {what} is `env.{name}`, whose value is written in the {level} `env:`; store it as a secret and use `${{{{ secrets.NAME }}}}`"
            )
        } else if let Some(path) = matrix_reference(value).filter(|p| literal_in_matrix(job, p)) {
            // `${{ matrix.registry.password }}` over a matrix that lists the
            // passwords themselves is as readable as writing them here.
            format!(
                "the registry password of {what} is `matrix.{}`, whose values are written in the workflow's matrix; store it as a secret and use `${{{{ secrets.NAME }}}}`",
                path.join(".")
            )
        } else if let Some(paths) = literal_template(job, value) {
            // `${{ matrix.registry }}-token`: text around literal matrix
            // values, each as readable as the rest of the file.
            format!(
                "the registry password of {what} is built from text and {} written in the workflow's matrix; store it as a secret and use `${{{{ secrets.NAME }}}}`",
                paths
                    .iter()
                    .map(|p| format!("`matrix.{}`", p.join(".")))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        } else {
            continue;
        };
        ctx.report_audit(PASSWORD, HIGH, Confidence::High, password.span, message);
    }
}

/// The variable a value reads when it is one bare `${{ env.NAME }}`.
fn env_reference(text: &str) -> Option<&str> {
    let inner = text.trim().strip_prefix("${{")?.strip_suffix("}}")?.trim();
    let name = inner.strip_prefix("env.")?;
    (!name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')).then_some(name)
}

/// The variable `name` as the job's `env` context holds it, when its value
/// is a non-empty literal (no `${{ }}`): the name as written and where
/// (`job's` or `workflow's`). The job's `env:` overrides the workflow's;
/// context properties are read without case.
fn literal_env<'a>(root: &'a Node, job: &Job<'a>, name: &str) -> Option<(&'a str, &'static str)> {
    let lookup = |env: Option<&'a Node>| {
        env.and_then(Node::as_mapping)?
            .iter()
            .rev()
            .find(|e| e.key.as_str().is_some_and(|k| k.eq_ignore_ascii_case(name)))
    };
    let (entry, level) = match lookup(job.get("env")) {
        Some(e) => (e, "job's"),
        None => (lookup(root.get("env"))?, "workflow's"),
    };
    let literal = entry.value.is_scalar()
        && !entry.value.is_null()
        && entry
            .value
            .as_str()
            .is_some_and(|v| !v.is_empty() && !v.contains("${{"));
    if !literal {
        return None;
    }
    Some((entry.key.as_str()?, level))
}

/// Whether every value the job's matrix gives `matrix.<path>` is a
/// non-empty literal (no `${{ }}`), and there is at least one.
fn literal_in_matrix(job: &Job<'_>, path: &[&str]) -> bool {
    let values = job.matrix_values(path);
    !values.is_empty()
        && values
            .iter()
            .all(|v| v.is_scalar() && !v.is_null() && v.as_str().is_some_and(|s| !s.is_empty() && !s.contains("${{")))
}

/// The matrix paths of a value whose every `${{ }}` is closed and either
/// reads no context or is one bare `matrix.<path>` whose values are all
/// literals of the job's matrix (at least one such): then the whole value
/// is written in the workflow. `None` when any expression reads anything
/// else (a secret, an input, a matrix value from `${{ }}`).
fn literal_template<'v>(job: &Job<'_>, value: &'v str) -> Option<Vec<Vec<&'v str>>> {
    let found = find_expressions(value);
    let mut paths = Vec::new();
    for e in found {
        if !e.closed {
            return None;
        }
        let whole = value.get(e.span.range())?;
        if let Some(path) = matrix_reference(whole) {
            if !literal_in_matrix(job, &path) {
                return None;
            }
            if !paths.contains(&path) {
                paths.push(path);
            }
        } else if reads_a_context(whole) {
            return None;
        }
    }
    (!paths.is_empty()).then_some(paths)
}

/// Whether some `${{ }}` of the value reads a context (a secret, an input),
/// rather than only literals.
fn reads_a_context(value: &str) -> bool {
    audit::expressions(value).iter().any(|(_, e)| {
        let mut reads = false;
        e.walk(&mut |x| reads |= matches!(x.kind, autoheal_expr::ExprKind::Variable(_)));
        reads
    })
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::render;

    /// Text around literal matrix values is written in the workflow too
    /// (each path named once);
    /// a secret, an input or a matrix value from `${{ }}` anywhere in the
    /// value is not, nor is an unclosed `${{`.
    #[test]
    fn a_password_templated_from_literal_matrix_values_is_written_in_the_workflow() {
        let job = |name: &str, password: &str| {
            format!(
                "  {name}:\n    strategy:\n      matrix:\n        image: [a, b]\n        pw: ['${{{{ vars.A }}}}']\n    runs-on: ubuntu-latest\n    container:\n      image: ghcr.io/o/${{{{ matrix.image }}}}\n      credentials:\n        username: u\n        password: {password}\n    steps:\n      - run: a\n"
            )
        };
        let src = format!(
            "on: push\njobs:\n{}{}{}{}{}",
            job("suffix", "${{ matrix.image }}-token"),
            job(
                "two",
                "${{ matrix.image }}:${{ format('{0}', 'x') }}:${{ matrix.image }}"
            ),
            job("secret", "${{ matrix.image }}-${{ secrets.S }}"),
            job("from-vars", "x-${{ matrix.pw }}"),
            job("unclosed", "${{ matrix.image }}-${{ matrix.image"),
        );
        assert_eq!(
            render(&src, "hardcoded-container-credentials"),
            [
                "13:19: the registry password of \"container\" is built from text and `matrix.image` written in the workflow's matrix; store it as a secret and use `${{ secrets.NAME }}`",
                "26:19: the registry password of \"container\" is built from text and `matrix.image` written in the workflow's matrix; store it as a secret and use `${{ secrets.NAME }}`",
            ]
        );
    }

    /// A password read from `env` is written in the workflow when the
    /// `env:` the job sees (its own over the workflow's) writes it.
    #[test]
    fn a_password_through_a_literal_env_value_is_written_in_the_workflow() {
        let src = "on: push\nenv:\n  DB_PASSWORD: hunter2\n  TOKEN: ${{ secrets.TOKEN }}\n  SHADOWED: literal\njobs:\n  t:\n    runs-on: ubuntu-latest\n    env:\n      CACHE_PASSWORD: plain\n      SHADOWED: ${{ secrets.S }}\n    container:\n      image: ghcr.io/a/b:1\n      credentials:\n        username: u\n        password: ${{ env.CACHE_PASSWORD }}\n    services:\n      db:\n        image: ghcr.io/a/db:1\n        credentials:\n          username: u\n          password: ${{ env.db_password }}\n      cache:\n        image: ghcr.io/a/c:1\n        credentials:\n          username: u\n          password: ${{ env.TOKEN }}\n      shadow:\n        image: ghcr.io/a/s:1\n        credentials:\n          username: u\n          password: ${{ env.SHADOWED }}\n      unset:\n        image: ghcr.io/a/u:1\n        credentials:\n          username: u\n          password: ${{ env.MISSING }}\n    steps:\n      - run: a\n";
        assert_eq!(
            render(src, "hardcoded-container-credentials"),
            [
                "16:19: the registry password of \"container\" is `env.CACHE_PASSWORD`, whose value is written in the job's `env:`; store it as a secret and use `${{ secrets.NAME }}`",
                "22:21: the registry password of service \"db\" is `env.DB_PASSWORD`, whose value is written in the workflow's `env:`; store it as a secret and use `${{ secrets.NAME }}`",
            ]
        );
    }

    #[test]
    fn a_password_from_a_literal_matrix_is_written_in_the_workflow() {
        let src = "on: push\njobs:\n  t:\n    strategy:\n      matrix:\n        reg:\n          - { host: ghcr.io, password: pull-only }\n        include:\n          - extra: x\n    runs-on: ubuntu-latest\n    container:\n      image: ${{ matrix.reg.host }}/a:1\n      credentials:\n        username: u\n        password: ${{ matrix.reg.password }}\n    steps:\n      - run: a\n  from-vars:\n    strategy:\n      matrix:\n        pw: ['${{ vars.A }}', '${{ vars.B }}']\n    runs-on: ubuntu-latest\n    services:\n      db:\n        image: ghcr.io/a/db:1\n        credentials:\n          username: u\n          password: ${{ matrix.pw }}\n    steps:\n      - run: a\n  no-matrix:\n    runs-on: ubuntu-latest\n    container:\n      image: ghcr.io/a/b:1\n      credentials:\n        username: u\n        password: ${{ matrix.pw }}\n    steps:\n      - run: a\n";
        assert_eq!(
            render(src, "hardcoded-container-credentials"),
            [
                "15:19: the registry password of \"container\" is `matrix.reg.password`, whose values are written in the workflow's matrix; store it as a secret and use `${{ secrets.NAME }}`"
            ]
        );
    }
}
