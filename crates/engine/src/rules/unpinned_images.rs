//! `unpinned-images`: job `container:` and `services:` images, and
//! `uses: docker://` steps, that can change under the workflow. An image
//! written as `${{ matrix.x }}` is judged by every value the matrix lists. Checks: `unpinned-images/unpinned` (no tag, so
//! `latest`) and `…/latest` (the floating `latest` tag) in every persona;
//! `…/tag` (a tag, which a registry may let its owner move, instead of an
//! `@sha256:` digest) in the pedantic one, as zizmor does; `…/expression`
//! (computed by `${{ }}`, cannot be checked) for auditors. No fix: a digest
//! has to be looked up in the registry.

use super::audit::{self, HIGH, LOW};
use super::unpinned_uses::image_tag;
use super::{Context, Rule, WORKFLOWS};
use crate::config::Persona;
use crate::diagnostic::{Confidence, Severity};
use crate::model::{Job, matrix_reference};
use crate::yaml::Node;

pub const RULE: Rule = Rule {
    id: "unpinned-images",
    default_severity: Severity::Warning,
    enabled_by_default: true,
    summary: "`container:` and `services:` images should be pinned to a digest, never left on `latest`.",
    kinds: WORKFLOWS,
    codes: &[UNPINNED, LATEST, TAG, EXPRESSION],
    reports_errors: false,
    job_keys_only: false,
    reads: super::ReadPaths::Everything,
    check,
};

/// A container image without a tag or digest.
pub const UNPINNED: &str = "unpinned-images/unpinned";
/// A container image on `:latest`.
pub const LATEST: &str = "unpinned-images/latest";
/// A container image on a tag rather than a digest.
pub const TAG: &str = "unpinned-images/tag";
/// A container image computed by an expression.
pub const EXPRESSION: &str = "unpinned-images/expression";

fn check(ctx: &mut Context<'_>) {
    let Some(wf) = ctx.workflow else { return };
    // (node to point at, the image as written, the job whose matrix it may name)
    let mut images: Vec<(&Node, String, Option<&Job>)> = Vec::new();
    for job in wf.jobs.iter().filter(|j| !audit::job_disabled(j)) {
        let mut nodes: Vec<&Node> = Vec::new();
        if let Some(c) = job.get("container") {
            nodes.extend(image_of(c));
        }
        if let Some(services) = job.get("services").and_then(Node::as_mapping) {
            nodes.extend(services.iter().filter_map(|s| image_of(&s.value)));
        }
        for node in nodes {
            if let Some(image) = node.as_str() {
                images.push((node, image.trim().to_string(), Some(job)));
            }
        }
        // `uses: docker://image` steps run a container too.
        for step in &job.steps {
            if let Some(uses) = step.get("uses")
                && let Some(image) = uses.as_str().and_then(|u| u.strip_prefix("docker://"))
            {
                images.push((uses, image.trim().to_string(), None));
            }
        }
    }
    for (node, image, job) in images {
        if image.is_empty() {
            continue;
        }
        if !image.contains("${{") {
            judge(ctx, node, &image, "");
            continue;
        }
        // `${{ matrix.x }}`: judge every value the matrix lists.
        match matrix_values(&image, job) {
            Some(values) => {
                for v in values {
                    judge(ctx, node, &v, " (a value of the matrix)");
                }
            }
            None if ctx.shows(Persona::Auditor) => {
                ctx.report_audit(
                    EXPRESSION,
                    LOW,
                    Confidence::Low,
                    node.span,
                    "the image is computed by an expression and may be unpinned; make sure it resolves to a digest",
                );
            }
            None => {}
        }
    }
}

fn judge(ctx: &mut Context<'_>, node: &Node, image: &str, whence: &str) {
    if image.contains("@sha256:") || image.contains("${{") {
        return;
    }
    match image_tag(image) {
        None => {
            ctx.report_audit(
                UNPINNED,
                HIGH,
                Confidence::High,
                node.span,
                format!("container image {image:?}{whence} has no tag, so it runs whatever `latest` is today; pin it to a digest (`{image}@sha256:<digest>`)"),
            );
        }
        Some("latest") => {
            ctx.report_audit(
                LATEST,
                HIGH,
                Confidence::High,
                node.span,
                format!(
                    "container image {image:?}{whence} uses the floating `latest` tag; pin it to a version and digest"
                ),
            );
        }
        Some(_) if ctx.shows(Persona::Pedantic) => {
            ctx.report_audit(
                TAG,
                HIGH,
                Confidence::High,
                node.span,
                format!("container image {image:?}{whence} is pinned to a tag, which can be moved; pin it to a digest (`@sha256:<digest>`)"),
            );
        }
        Some(_) => {}
    }
}

/// The literal values of `${{ matrix.a.b }}` (the whole image): every
/// value of key `a` (or field `b` of it) in the matrix and its `include`.
/// `None` when the image is something else or a value is computed.
fn matrix_values(image: &str, job: Option<&Job>) -> Option<Vec<String>> {
    let path = matrix_reference(image)?;
    let values: Option<Vec<String>> = job?
        .matrix_values(&path)
        .into_iter()
        .map(|v| v.as_str().filter(|v| !v.contains("${{")).map(|v| v.trim().to_string()))
        .collect();
    values.filter(|v| !v.is_empty())
}

/// `container: image` or `container: {image: …}`.
fn image_of(node: &Node) -> Option<&Node> {
    if node.is_scalar() && !node.is_null() {
        return Some(node);
    }
    node.get("image")
}

#[cfg(test)]
mod tests {
    use crate::config::{Config, Persona};
    use crate::lint::{LintOptions, lint};
    use crate::rules::test_support::PATH;

    const SRC: &str = include_str!("../../tests/rules/unpinned-images/untagged-and-latest.yml");

    #[test]
    fn tags_for_pedantic_and_expressions_for_auditors() {
        let mut config = Config::default();
        config.persona = Persona::Auditor;
        let codes: Vec<&str> = lint(PATH, SRC.as_bytes(), &LintOptions::new(&config))
            .into_iter()
            .filter(|d| d.rule == "unpinned-images")
            .map(|d| d.code)
            .collect();
        assert_eq!(
            codes,
            [
                "unpinned-images/unpinned",
                "unpinned-images/latest",
                "unpinned-images/tag",
                "unpinned-images/expression",
            ]
        );
    }
}
