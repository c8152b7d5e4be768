//! kubectl and the Kubernetes command-line runtime its plugins share.
//!
//! Source: `k8s.io/cli-runtime/pkg/resource/visitor.go`, which answers a `-f`
//! path that is not there with `the path "{path}" does not exist` (kubectl
//! prints it as `error: the path "{path}" does not exist`). kubectl's
//! `rollout status` (`pkg/polymorphichelpers/rollout_status.go`) gives up on a
//! Deployment whose controller reports `ProgressDeadlineExceeded` with
//! `error: deployment "{name}" exceeded its progress deadline`. Helm's missing
//! values files are Go's `open {path}: no such file or directory` (`go.rs`).

use super::util::{path_hit, regex};
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "kubernetes/path-does-not-exist",
        grammar: "error: the path \"{path}\" does not exist",
        needles: &["the path \""],
        check: path_does_not_exist,
        examples: &[ex(
            "error: the path \"k8s/prod/ingress.yaml\" does not exist",
            Category::FileNotFound,
            Some("k8s/prod/ingress.yaml"),
        )],
    },
    Entry {
        id: "kubernetes/rollout-progress-deadline",
        grammar: "error: deployment \"{name}\" exceeded its progress deadline (kubectl rollout status)",
        needles: &["exceeded its progress deadline"],
        check: rollout_progress_deadline,
        examples: &[ex(
            "error: deployment \"api\" exceeded its progress deadline",
            Category::Unknown,
            None,
        )],
    },
];

/// The cluster's Deployment controller stopped waiting for the new pods
/// (`progressDeadlineSeconds`): the pods do not become ready (a crash, an
/// image that does not pull, a failing probe). Not the job's time limit: the
/// cluster's own deadline, for a person to read the pods' events.
fn rollout_progress_deadline(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r#"^error: deployment "([^"]+)" exceeded its progress deadline$"#).captures(line.text.trim())?;
    Some(Hit::blocker(format!(
        "The rollout of deployment `{}` did not progress before the cluster's deadline: its new pods never became \
         ready (read the pods' events). Not a time limit of the job.",
        &c[1]
    )))
}

fn path_does_not_exist(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r#"(?:^|\s)the path "([^"]+)" does not exist"#).captures(line.text)?;
    Some(path_hit(
        &c[1],
        0.75,
        "kubectl was given a manifest path (-f) that does not exist.",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The rollout's deadline is the cluster's, read only in kubectl's words:
    /// no time limit of the job.
    #[test]
    fn a_rollout_past_its_deadline_is_no_time_limit() {
        crate::classify::catalogue::assert_reads(
            rollout_progress_deadline,
            &["error: deployment \"api\" exceeded its progress deadline"],
            &[
                "Waiting for deployment \"api\" rollout to finish: 1 out of 3 new replicas have been updated...",
                "error: timed out waiting for the condition",
                "echo deployment exceeded its progress deadline",
            ],
        );
        let hit = rollout_progress_deadline(&Line::plain("error: deployment \"api\" exceeded its progress deadline"))
            .expect("read");
        assert_eq!(hit.category, Category::Unknown);
    }
}
