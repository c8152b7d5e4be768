//! Conan 2.
//!
//! Sources: Conan 2's graph errors as its CLI prints them (`ERROR: {message}`):
//! `Package '{ref}' not resolved: {reason}` when no remote has the reference
//! (`conans/client/graph/proxy.py`, `Unable to find '{ref}' in remotes`), and
//! `Missing prebuilt package for '{refs}'` when a binary is not available and
//! `--build` does not allow building it. A reason that is an HTTP answer (a
//! 429 from ConanCenter) is the service's, read by `http` and `python`'s
//! urllib3 form.

use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "conan/not-resolved",
    grammar: "ERROR: Package '{ref}' not resolved: {reason} | ERROR: Missing prebuilt package for '{refs}'",
    needles: &["' not resolved: ", "Missing prebuilt package for '"],
    check: not_resolved,
    examples: &[
        ex(
            "ERROR: Package 'zlib/1.2.99' not resolved: Unable to find 'zlib/1.2.99' in remotes",
            Category::Unknown,
            None,
        ),
        ex(
            "ERROR: Missing prebuilt package for 'openssl/3.2.1'",
            Category::Unknown,
            None,
        ),
    ],
}];

fn not_resolved(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim_start();
    if !text.starts_with("ERROR: ") || text.contains("429") || text.contains("Too Many Requests") {
        return None;
    }
    Some(Hit::install_failure(
        "Conan could not resolve a package of the graph (a reference no remote has, or a binary that must be \
         built: `--build=missing`).",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::catalogue::assert_reads;

    #[test]
    fn a_limit_is_left_to_the_service() {
        assert_reads(
            not_resolved,
            &["ERROR: Package 'fmt/10.2.1' not resolved: Unable to find 'fmt/10.2.1' in remotes"],
            &[
                "ERROR: Package 'fmt/10.2.1' not resolved: 429: Too Many Requests",
                "WARN: Package 'fmt/10.2.1' not resolved: retrying",
            ],
        );
    }
}
