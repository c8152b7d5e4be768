//! kubectl and the Kubernetes command-line runtime its plugins share.
//!
//! Source: `k8s.io/cli-runtime/pkg/resource/visitor.go`, which answers a `-f`
//! path that is not there with `the path "{path}" does not exist` (kubectl
//! prints it as `error: the path "{path}" does not exist`). Helm's missing
//! values files are Go's `open {path}: no such file or directory` (`go.rs`).

use super::util::{path_hit, regex};
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "kubernetes/path-does-not-exist",
    grammar: "error: the path \"{path}\" does not exist",
    needles: &["the path \""],
    check: path_does_not_exist,
    examples: &[ex(
        "error: the path \"k8s/prod/ingress.yaml\" does not exist",
        Category::FileNotFound,
        Some("k8s/prod/ingress.yaml"),
    )],
}];

fn path_does_not_exist(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r#"(?:^|\s)the path "([^"]+)" does not exist"#).captures(line.text)?;
    Some(path_hit(
        &c[1],
        0.75,
        "kubectl was given a manifest path (-f) that does not exist.",
    ))
}
