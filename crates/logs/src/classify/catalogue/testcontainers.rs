//! Testcontainers, the test library that starts containers from a test.
//!
//! Sources: testcontainers-java's `DockerClientProviderStrategy`, which logs
//! `Could not find a valid Docker environment. Please check configuration.
//! Attempted configurations were:` (each strategy's failure on the lines
//! after it, such as `NoSuchFileException (/var/run/docker.sock)`) and
//! throws `IllegalStateException: Could not find a valid Docker environment.
//! Please see logs and check configuration`; testcontainers-node's `Could not
//! find a working container runtime strategy`. The machine has no Docker the
//! tests can reach (GitHub's macOS and Windows images have no Linux container
//! engine): the missing socket is not a file of the workflow, and whether to
//! move the tests to Linux, skip them or start an engine is a person's
//! decision.

use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "testcontainers/no-docker",
    grammar: "Could not find a valid Docker environment. Please {check configuration|see logs and check \
              configuration} | Could not find a working container runtime strategy",
    needles: &[
        "Could not find a valid Docker environment",
        "Could not find a working container runtime strategy",
    ],
    check: no_docker,
    examples: &[ex(
        "    10:14:07.645 [Test worker] ERROR org.testcontainers.dockerclient.DockerClientProviderStrategy -- Could \
         not find a valid Docker environment. Please check configuration. Attempted configurations were:",
        Category::Unknown,
        None,
    )],
}];

fn no_docker(_line: &Line<'_>) -> Option<Hit> {
    Some(Hit::blocker(
        "Testcontainers found no Docker engine on this machine (GitHub's macOS and Windows runners have none for \
         Linux containers): run these tests on a Linux runner, or skip them here. Not fixed automatically.",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn java_and_node_wording() {
        crate::classify::catalogue::assert_reads(
            no_docker,
            &[
                "java.lang.IllegalStateException: Could not find a valid Docker environment. Please see logs and check configuration",
                "Error: Could not find a working container runtime strategy",
            ],
            &[],
        );
    }
}
