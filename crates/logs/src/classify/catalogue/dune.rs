//! Dune, OCaml's build system.
//!
//! Source: dune's library resolution (`src/dune_rules/lib.ml`), which reports
//! a `(libraries …)` name neither the project defines nor findlib has
//! installed as `Error: Library "{name}" not found.` under the dune file's
//! location, followed by `-> required by {target}` lines. `{name}` is a
//! findlib name (`yojson`, `ppx_deriving.show`): an opam package the
//! project's `.opam` file must declare, or one a `--deps-only` install left
//! out (`with-test`, `with-doc`). The package is a change to the project's
//! opam file, never guessed by a fix (a findlib name's package is usually,
//! not always, its first part), so the finding is never fixable.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::{Category, Ecosystem, SubjectDetail};

pub const ENTRIES: &[Entry] = &[Entry {
    id: "dune/library-not-found",
    grammar: "Error: Library \"{findlib name}\" not found.",
    needles: &["Error: Library \""],
    check: library_not_found,
    examples: &[ex(
        "Error: Library \"yojson\" not found.",
        Category::MissingDependency,
        Some("yojson"),
    )],
}];

fn library_not_found(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r#"^Error: Library "([a-z][a-z0-9_-]*)((?:\.[a-z0-9_-]+)*)" not found\.$"#)
        .captures(line.text.trim())?;
    let package = &c[1];
    let full = format!("{package}{}", &c[2]);
    Some(
        Hit::cause(
            Category::MissingDependency,
            0.7,
            format!(
                "dune did not find the library \"{full}\": no library of the project has that name and findlib has \
                 none installed. Its opam package (usually '{package}') is to declare in the project's .opam file (or \
                 to install with the job's opam install, `--with-test` for a test dependency); a misspelt name of \
                 the project's own library gives the same message."
            ),
        )
        .with_subject(
            package,
            SubjectDetail::Package {
                ecosystem: Ecosystem::Opam,
                name: package.to_string(),
            },
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_library_dune_did_not_find() {
        for (text, name) in [
            ("Error: Library \"yojson\" not found.", "yojson"),
            ("Error: Library \"ppx_deriving.show\" not found.", "ppx_deriving"),
        ] {
            let hit = library_not_found(&Line::plain(text)).expect(text);
            assert_eq!(
                (hit.category, hit.subject.as_deref(), hit.fixable),
                (Category::MissingDependency, Some(name), false),
                "{text}"
            );
        }
        for text in [
            "ImportError: Library \"GLU\" not found.",
            "java.lang.UnsatisfiedLinkError: library \"libfoo.so\" not found",
            "Error: Library \"foo\" appears for the second time in this directory",
            "Error: Library \"unix\" was not installed using Dune and therefore not",
            "echo 'Error: Library \"x\" not found.' >&2 # ",
        ] {
            assert!(library_not_found(&Line::plain(text)).is_none(), "{text}");
        }
    }
}
