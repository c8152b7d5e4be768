//! Skaffold's deployment status check (`skaffold run`, `deploy`, `dev`,
//! `apply`).
//!
//! Source: Skaffold's "Deploy Status Checking" documentation
//! (`docs-v2/content/en/docs/status-check.md`): under `Waiting for
//! deployments to stabilize` it prints each resource's state as ` -
//! [{namespace}:]{kind}/{name} {status}`, a resource that failed as ` -
//! [{namespace}:]{kind}/{name} failed. Error: {reason}.` and then the count,
//! `{n}/{m} deployment(s) failed` (under `FATA[…]` in older releases). A
//! resource whose containers fail reports the reason first on its own line,
//! ` - [{namespace}:]{kind}/{name}: {reason}` (`container {c} terminated
//! with exit code {n}`, `… is in CrashLoopBackOff`, an image pull error),
//! followed by the pod's line and the pod's last log lines, each prefixed
//! `> [{pod} {container}] ` (read as the container's words in `quoted.rs`,
//! not the job's). A deployment that does not stabilize is the application
//! or its manifests, for a person; the status check's deadline is
//! Skaffold's own (`statusCheckDeadlineSeconds`), not the job's time limit.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;
use crate::subject::display_text;

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "skaffold/resource-failed",
        grammar: " - [{namespace}:]{kind}/{name}: {reason} | - [{namespace}:]{kind}/{name} failed. Error: {reason}.",
        needles: &["deployment/", "statefulset/"],
        check: resource_failed,
        examples: &[ex(
            " - default:deployment/api failed. Error: container api is waiting to start: api:4f1c2 can't be pulled.",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "skaffold/deployments-failed",
        grammar: "{n}/{m} deployment(s) failed",
        needles: &["deployment(s) failed"],
        check: deployments_failed,
        examples: &[ex("1/1 deployment(s) failed", Category::Unknown, None)],
    },
];

const STABILIZING: &str = "Waiting for deployments to stabilize";

fn resource_failed(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim();
    let c = regex!(r"^- (?:[a-z0-9-]+:)?(deployment|statefulset)/([a-z0-9.-]+)(?:: (.+)| failed\. Error: (.+?)\.?)$")
        .captures(text)?;
    // `{resource}: {reason}` only in the status check (under its heading or
    // another resource's status line): `failed. Error:` says so itself.
    let in_status_check = || {
        line.recent.iter().any(|l| {
            let l = l.trim();
            l.starts_with(STABILIZING) || regex!(r"^- (?:[a-z0-9-]+:)?(?:deployment|statefulset)/\S+[: ]").is_match(l)
        })
    };
    if c.get(3).is_some() && !in_status_check() {
        return None;
    }
    let reason = c.get(3).or(c.get(4)).expect("one reason").as_str();
    Some(Hit::blocker(format!(
        "Skaffold's status check: {}/{} did not stabilize: {} (the application or its manifests, for a person; \
         Skaffold's own deadline, not the job's time limit).",
        &c[1],
        &c[2],
        display_text(reason)
    )))
}

fn deployments_failed(line: &Line<'_>) -> Option<Hit> {
    regex!(r"(?:^|\] )\d+/\d+ deployment\(s\) failed$")
        .is_match(line.text.trim())
        .then(|| {
            Hit::blocker("Skaffold's status check: deployments did not stabilize (the lines above name them).").weak()
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::hit::Strength;

    #[test]
    fn a_resource_that_did_not_stabilize() {
        let under = |text: &'static str| Line {
            recent: &["Waiting for deployments to stabilize..."],
            ..Line::plain(text)
        };
        for text in [
            " - deployment/web: container web terminated with exit code 1",
            " - default:deployment/getting-started failed. Error: received Ctrl-C or deployments could not \
             stabilize within 1m: kubectl rollout status command interrupted.",
            " - shop:statefulset/db: container db is backing off waiting to restart",
        ] {
            let hit = resource_failed(&under(text)).expect(text);
            assert_eq!(hit.category, Category::Unknown);
            assert!(hit.message.contains("not the job's time limit"), "{}", hit.message);
        }
        // Progress lines, kubectl's own output, and the same words elsewhere.
        for text in [
            " - default:deployment/leeroy-app Waiting for rollout to finish: 0 of 1 updated replicas are available...",
            " - default:deployment/leeroy-web is ready. [1/2 deployment(s) still pending]",
            " - deployment.apps/web created",
        ] {
            assert!(resource_failed(&under(text)).is_none(), "{text}");
        }
        assert!(
            resource_failed(&Line::plain(
                " - deployment/web: container web terminated with exit code 1"
            ))
            .is_none()
        );
        let count = deployments_failed(&Line::plain("FATA[0006] 1/1 deployment(s) failed")).expect("read");
        assert_eq!(count.strength, Strength::Weak);
        assert!(
            deployments_failed(&Line::plain(
                " - default:deployment/web is ready. [1/2 deployment(s) still pending]"
            ))
            .is_none()
        );
    }
}
