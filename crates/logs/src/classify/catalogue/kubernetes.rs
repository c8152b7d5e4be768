//! kubectl and the Kubernetes command-line runtime its plugins share.
//!
//! Source: `k8s.io/cli-runtime/pkg/resource/visitor.go`, which answers a `-f`
//! path that is not there with `the path "{path}" does not exist` (kubectl
//! prints it as `error: the path "{path}" does not exist`). kubectl's
//! `rollout status` (`pkg/polymorphichelpers/rollout_status.go`) gives up on a
//! Deployment whose controller reports `ProgressDeadlineExceeded` with
//! `error: deployment "{name}" exceeded its progress deadline`. Helm's missing
//! values files are Go's `open {path}: no such file or directory` (`go.rs`).
//!
//! When kubectl cannot reach the API server, client-go's discovery cache
//! (`discovery/cached/memory/memcache.go`) logs each attempt through klog,
//! `E{mmdd} {hh:mm:ss.micros} {pid} memcache.go:{n}] … couldn't get current
//! server API group list: {error}`, and kubectl tries again; its own verdict
//! comes last (`pkg/cmd/util/helpers.go`, `StandardErrorMessage`): `The
//! connection to the server {host} was refused - did you specify the right
//! host or port?`. The attempts are weak; the verdict is the failure, and no
//! fix: `localhost:8080` is kubectl's default when no kubeconfig is set (the
//! step that sets the cluster's context did not run), another host is down or
//! unreachable.

use super::util::{path_hit, regex};
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "kubernetes/connection-refused",
        grammar: "The connection to the server {host} was refused - did you specify the right host or port? \
                  (kubectl's verdict after its discovery attempts)",
        needles: &["The connection to the server "],
        check: connection_refused,
        examples: &[ex(
            "The connection to the server localhost:8080 was refused - did you specify the right host or port?",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "kubernetes/discovery-attempt",
        grammar: "E{mmdd} {time} {pid} memcache.go:{n}] … couldn't get current server API group list: {error} \
                  (client-go's log of one discovery attempt, which kubectl repeats)",
        needles: &["couldn't get current server API group list"],
        check: discovery_attempt,
        examples: &[ex(
            "E1206 10:21:01.120113    2291 memcache.go:265] \"Unhandled Error\" err=\"couldn't get current server API \
             group list: Get \\\"http://localhost:8080/api?timeout=32s\\\": dial tcp [::1]:8080: connect: connection \
             refused\"",
            Category::Unknown,
            None,
        )],
    },
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

/// kubectl could not reach the API server it was pointed at.
fn connection_refused(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^The connection to the server (\S+) was refused - did you specify the right host or port\?$")
        .captures(line.text.trim())?;
    let why = if c[1].starts_with("localhost:8080") {
        "kubectl has no kubeconfig (localhost:8080 is its default): the step that sets the cluster's context did \
         not run or set another file"
    } else {
        "the API server is down, unreachable from the runner, or not at that address"
    };
    Some(Hit::blocker(format!(
        "kubectl could not reach the Kubernetes API server at {}: {why}.",
        crate::subject::display_text(&c[1])
    )))
}

/// One discovery attempt klog reported; kubectl tries again and prints its
/// own verdict after the last (weak: not the outcome).
fn discovery_attempt(line: &Line<'_>) -> Option<Hit> {
    regex!(r"^[EW]\d{4} [\d:.]+\s+\d+ memcache\.go:\d+\] .*couldn't get current server API group list: ")
        .is_match(line.text.trim_start())
        .then(|| Hit::notice("client-go logged a failed discovery attempt; kubectl tried again."))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// kubectl's verdict is the failure; the attempts client-go logged
    /// before it are weak, so the verdict leads although it comes last.
    #[test]
    fn kubectl_s_verdict_outranks_the_attempts_before_it() {
        let verdict =
            "The connection to the server localhost:8080 was refused - did you specify the right host or port?";
        crate::classify::catalogue::assert_reads(
            connection_refused,
            &[
                verdict,
                "The connection to the server 10.0.0.12:6443 was refused - did you specify the right host or port?",
            ],
            &["echo The connection to the server was refused", "connection refused"],
        );
        let hit = connection_refused(&Line::plain(verdict)).expect("read");
        assert_eq!(hit.strength, crate::classify::hit::Strength::Blocker);
        assert!(hit.message.contains("no kubeconfig"), "{}", hit.message);
        let attempt = "E1206 10:21:01.120113    2291 memcache.go:265] \"Unhandled Error\" err=\"couldn't get current \
                       server API group list: Get \\\"http://localhost:8080/api?timeout=32s\\\": dial tcp [::1]:8080: \
                       connect: connection refused\"";
        crate::classify::catalogue::assert_reads(
            discovery_attempt,
            &[
                attempt,
                "E0312 08:01:02.000001   77 memcache.go:238] couldn't get current server API group list: the server \
                 has asked for the client to provide credentials",
            ],
            &["couldn't get current server API group list: x"],
        );
        let weak = discovery_attempt(&Line::plain(attempt)).expect("read");
        assert_eq!(weak.strength, crate::classify::hit::Strength::Weak);
    }

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
