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
//!
//! A test whose output differs from what the source expects (`dune runtest`:
//! a ppx_expect or ppx_inline_test `.corrected` file, a cram test, a `(diff
//! …)` action): dune prints the location `File "{file}", line {l}, characters
//! {a}-{b}:` and, on the next line, the diff it ran, `{git|diff|patdiff}
//! (internal) (exit {n})` (its `(cd _build/default && … diff …)` command
//! and the hunks follow; ocaml/dune's issues #6926 and #1463 show the form).
//! The test that differs is the cause, located on the `File` line: the
//! code's or the test's expectation, for a person (`dune promote` accepts it).

use super::util::regex;
use super::{Entry, ex, ex_after};
use crate::classify::hit::{Hit, Line};
use crate::report::{Category, Ecosystem, SubjectDetail};

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "dune/test-output-differs",
        grammar: "File \"{file}\", line {l}, characters {a}-{b}: then {git|diff|patdiff|cmp} (internal) (exit {n})",
        needles: &[" (internal) (exit "],
        check: test_output_differs,
        examples: &[ex_after(
            &["File \"test/test_tariff.ml\", line 1, characters 0-0:"],
            "         git (internal) (exit 1)",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "dune/library-not-found",
        grammar: "Error: Library \"{findlib name}\" not found.",
        needles: &["Error: Library \""],
        check: library_not_found,
        examples: &[ex(
            "Error: Library \"yojson\" not found.",
            Category::MissingDependency,
            Some("yojson"),
        )],
    },
];

fn test_output_differs(line: &Line<'_>) -> Option<Hit> {
    let diff = regex!(r"^(?:git|diff|patdiff|cmp) \(internal\) \(exit [1-9]\d*\)$").is_match(line.text.trim());
    let file = line.recent.last()?.trim();
    let c = regex!(r#"^File "([^"]+)", line \d+, characters \d+-\d+:$"#).captures(file)?;
    diff.then(|| {
        Hit::blocker(format!(
            "dune's test output differs from {} (a test's expectation or the code, for a person; `dune promote` \
             accepts the new output).",
            crate::subject::display_text(&c[1])
        ))
        .opened_on_previous_line()
    })
}

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
    fn a_test_whose_output_differs_is_located_on_its_file_line() {
        let read = |before: &'static [&'static str], text: &'static str| {
            let mut line = Line::plain(text);
            line.recent = before;
            test_output_differs(&line)
        };
        let hit = read(
            &["File \"test/test_tariff.ml\", line 1, characters 0-0:"],
            "         git (internal) (exit 1)",
        )
        .expect("read");
        assert_eq!((hit.category, hit.opened_lines_above), (Category::Unknown, 1));
        assert!(
            read(
                &["File \"test/run.t\", line 1, characters 0-0:"],
                "  diff (internal) (exit 1)"
            )
            .is_some()
        );
        // No location above, or another tool's line.
        assert!(
            read(
                &["Running[14]: (cd _build/default/test && ./equality.exe)"],
                "git (internal) (exit 1)"
            )
            .is_none()
        );
        assert!(
            read(
                &["File \"x.ml\", line 1, characters 0-0:"],
                "ocamlopt (internal) (exit 2)"
            )
            .is_none()
        );
        assert!(read(&["File \"x.ml\", line 1, characters 0-0:"], "git (internal) (exit 0)").is_none());
    }

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
