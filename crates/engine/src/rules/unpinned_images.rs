//! `unpinned-images`: job `container:` and `services:` images that can
//! change under the workflow. Checks: `unpinned-images/unpinned` (no tag, so
//! `latest`) and `…/latest` (the floating `latest` tag) in every persona;
//! `…/tag` (a tag, which a registry may let its owner move, instead of an
//! `@sha256:` digest) in the pedantic one, as zizmor does; `…/expression`
//! (computed by `${{ }}`, cannot be checked) for auditors. No fix: a digest
//! has to be looked up in the registry.

use super::audit::{HIGH, LOW};
use super::unpinned_uses::image_tag;
use super::{Context, Rule, WORKFLOWS};
use crate::config::Persona;
use crate::diagnostic::Confidence;
use crate::yaml::Node;

pub const RULE: Rule = Rule {
    id: "unpinned-images",
    default_severity: HIGH,
    enabled_by_default: true,
    summary: "`container:` and `services:` images should be pinned to a digest, never left on `latest`.",
    kinds: WORKFLOWS,
    check,
};

fn check(ctx: &mut Context<'_>) {
    let Some(wf) = ctx.workflow else { return };
    let mut images: Vec<&Node> = Vec::new();
    for job in &wf.jobs {
        if let Some(c) = job.get("container") {
            images.extend(image_of(c));
        }
        if let Some(services) = job.get("services").and_then(Node::as_mapping) {
            images.extend(services.iter().filter_map(|s| image_of(&s.value)));
        }
    }
    for node in images {
        let Some(image) = node.as_str().map(str::trim).filter(|s| !s.is_empty()) else {
            continue;
        };
        if image.contains("${{") {
            if ctx.shows(Persona::Auditor) {
                ctx.report_audit(
                    "unpinned-images/expression",
                    LOW,
                    Confidence::Low,
                    node.span,
                    "the image is computed by an expression and may be unpinned; make sure it resolves to a digest",
                );
            }
            continue;
        }
        if image.contains("@sha256:") {
            continue;
        }
        match image_tag(image) {
            None => {
                ctx.report_audit(
                    "unpinned-images/unpinned",
                    HIGH,
                    Confidence::High,
                    node.span,
                    format!("container image {image:?} has no tag, so it runs whatever `latest` is today; pin it to a digest (`{image}@sha256:<digest>`)"),
                );
            }
            Some("latest") => {
                ctx.report_audit(
                    "unpinned-images/latest",
                    HIGH,
                    Confidence::High,
                    node.span,
                    format!("container image {image:?} uses the floating `latest` tag; pin it to a version and digest"),
                );
            }
            Some(_) if ctx.shows(Persona::Pedantic) => {
                ctx.report_audit(
                    "unpinned-images/tag",
                    HIGH,
                    Confidence::High,
                    node.span,
                    format!("container image {image:?} is pinned to a tag, which can be moved; pin it to a digest (`@sha256:<digest>`)"),
                );
            }
            Some(_) => {}
        }
    }
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
    use crate::rules::test_support::{PATH, render};

    const SRC: &str = "on: push\njobs:\n  a:\n    runs-on: x\n    container: node\n    services:\n      db:\n        image: postgres:latest\n      cache:\n        image: redis:7\n      pinned:\n        image: redis@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n      dynamic:\n        image: ${{ matrix.image }}\n    steps: [{run: x}]\n";

    #[test]
    fn untagged_and_latest_images_by_default() {
        assert_eq!(
            render(SRC, "unpinned-images"),
            [
                "5:16: container image \"node\" has no tag, so it runs whatever `latest` is today; pin it to a digest (`node@sha256:<digest>`)",
                "8:16: container image \"postgres:latest\" uses the floating `latest` tag; pin it to a version and digest",
            ]
        );
    }

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
