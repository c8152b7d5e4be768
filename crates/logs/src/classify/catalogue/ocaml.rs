//! OCaml's package manager, opam.
//!
//! Sources: opam's client (`OpamClient`, `OpamSolution`, `OpamConsole.error`,
//! which prefixes `[ERROR] `): `[ERROR] No package named {name} found.` for a
//! name the repositories do not have (opam exits 5, "not found"), and `[ERROR]
//! The compilation of {package}.{version} failed at "{command}".` when a
//! package's build fails. Both are failed installs for a person to resolve
//! (a name to correct, a build to look at): what goes missing after them
//! follows from them.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "ocaml/opam-install-failed",
    grammar: "[ERROR] No package named {name} found. | [ERROR] The compilation of {package} failed at \"{command}\".",
    needles: &["[ERROR] No package named ", "[ERROR] The compilation of "],
    check: opam_install_failed,
    examples: &[ex(
        "[ERROR] No package named alcotest_lwt found.",
        Category::Unknown,
        None,
    )],
}];

fn opam_install_failed(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim();
    if regex!(r"^\[ERROR\] No package named \S+ found\.$").is_match(text) {
        return Some(Hit::install_failure(
            "opam has no package of that name in its repositories: a person corrects the name (or adds the \
             repository that has it).",
        ));
    }
    regex!(r"^\[ERROR\] The compilation of \S+ failed at ")
        .is_match(text)
        .then(|| Hit::install_failure("An opam package failed to build (its build output above says why)."))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opam_refusals() {
        crate::classify::catalogue::assert_reads(
            opam_install_failed,
            &["[ERROR] The compilation of conf-gmp.4 failed at \"pkg-config --exists gmp\"."],
            &["[ERROR] No package named", "No package named foo found."],
        );
    }
}
