//! Haskell: cabal-install, GHC and Stack.
//!
//! Sources: cabal-install's solver failure (`Could not resolve dependencies:`
//! and the `[__n]` trace under it; cabal 3.x prefixes errors with `Error:
//! cabal: `; 3.12 prints every error's code alone first, `Error: [Cabal-{n}]`,
//! and its message on the lines below); Cabal's
//! `requireProgram` (`Distribution.Simple.Program.Db`): `The program '{name}'
//! [version {range} ]is required but it could not be found.` for a build tool
//! (`happy`, `alex`, `c2hs`, `pkg-config`) that is not on the PATH; GHC's
//! diagnostics `{file}.hs:{line}:{col}: error:[ [GHC-{code}]]` (or a
//! `({l},{c})-({l},{c})` span), which Stack prefixes with `{package} > `; Stack's
//! errors, `Error: [S-{nnnn}]` with the message indented below (Stack 2.11 and
//! later).
//!
//! GHC's `Could not load module ‘{M}’ … Perhaps you need to add ‘{pkg}’ to the
//! build-depends` is a code error (the package file lacks a dependency), never
//! a missing package the workflow installs.

use super::util::{command_hit, regex};
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "haskell/cabal-resolver",
        grammar: "[Error: ][cabal: ]Could not resolve dependencies:",
        needles: &["Could not resolve dependencies:"],
        check: cabal_resolver,
        examples: &[ex(
            "Error: cabal: Could not resolve dependencies:",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "haskell/program-required",
        grammar: "[Error: ][cabal: ]The program '{name}'[ version {range}] is required but it could not be found.",
        needles: &["is required but it could not be found"],
        check: program_required,
        examples: &[ex(
            "Error: cabal: The program 'happy' version >=1.19.5 is required but it could not be found.",
            Category::MissingCommand,
            Some("happy"),
        )],
    },
    Entry {
        id: "haskell/ghc-error",
        grammar: "[{package} > ]{file}.hs:{line}:{col}: error:[ [GHC-{code}]]",
        needles: &[".hs:", ".lhs:", ".hsc:"],
        check: ghc_error,
        examples: &[ex(
            "api       > /home/runner/work/api/api/src/Api/Json.hs:7:1: error: [GHC-87110]",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "haskell/cabal-error-code",
        grammar: "Error: [Cabal-{n}] (cabal 3.12 and later; the message on the lines below)",
        needles: &["Error: [Cabal-"],
        check: cabal_error_code,
        examples: &[ex("Error: [Cabal-7107]", Category::Unknown, None)],
    },
    Entry {
        id: "haskell/stack-error",
        grammar: "Error: [S-{nnnn}] (the message indented on the lines below)",
        needles: &["Error: [S-"],
        check: stack_error,
        examples: &[ex("Error: [S-4764]", Category::Unknown, None)],
    },
];

fn cabal_resolver(line: &Line<'_>) -> Option<Hit> {
    regex!(r"^(?:Error: )?(?:cabal(?:\.exe)?: )?Could not resolve dependencies:$")
        .is_match(line.text.trim())
        .then(|| {
            Hit::install_failure(
                "cabal's solver found no build plan for the package's dependencies (bounds no release satisfies, \
                 or an outdated package index).",
            )
        })
}

fn program_required(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^(?:Error: )?(?:cabal(?:\.exe)?: )?The program '([^']+)'(?: version \S+)? is required but it could not be found\.")
        .captures(line.text.trim_start())?;
    Some(command_hit(&c[1], line, 0.6))
}

fn ghc_error(line: &Line<'_>) -> Option<Hit> {
    regex!(r"^(?:[\w.-]+\s+> )?\S+\.(?:hs|lhs|hsc):(?:\d+:\d+(?:-\d+)?|\(\d+,\d+\)-\(\d+,\d+\)): error:")
        .is_match(line.text.trim_start())
        .then(|| Hit::blocker("GHC reported a compile error."))
}

fn cabal_error_code(line: &Line<'_>) -> Option<Hit> {
    regex!(r"^Error: \[Cabal-\d+\]$")
        .is_match(line.text.trim())
        .then(|| Hit::blocker("cabal stopped with an error (its message is on the lines below)."))
}

fn stack_error(line: &Line<'_>) -> Option<Hit> {
    regex!(r"^Error: \[S-\d{4}\]")
        .is_match(line.text.trim_start())
        .then(|| Hit::blocker("Stack stopped with an error (its message is on the lines below)."))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::catalogue::assert_reads;

    #[test]
    fn ghc_errors_plain_and_under_stack() {
        assert_reads(
            ghc_error,
            &[
                "src/Lib.hs:12:5: error: [GHC-88464]",
                "app       > /w/app/src/Lib.hs:12:5-9: error:",
                "src/Lib.hs:(12,5)-(14,7): error:",
            ],
            // A warning, and a JavaScript file.
            &[
                "src/Lib.hs:12:5: warning: [GHC-40910] [-Wunused-top-binds]",
                "src/a.js:1:1: error: x",
            ],
        );
    }

    /// cabal's missing-program line only as cabal prints it: the same words
    /// in a test's expected output name no program to install.
    #[test]
    fn program_required_only_as_cabal_prints_it() {
        assert_reads(
            program_required,
            &[
                "Error: cabal: The program 'happy' version >=1.19.5 is required but it could not be found.",
                "cabal: The program 'pkg-config' version >=0.9.0 is required but it could not be found.",
                "The program 'happy' is required but it could not be found.",
            ],
            &[
                "    expected: \"cabal: The program 'pkg-config' is required but it could not be found.\"",
                "+ echo 'The program '\\''pkg-config'\\'' is required but it could not be found.'",
            ],
        );
    }

    #[test]
    fn cabal_forms() {
        assert_reads(
            cabal_resolver,
            &[
                "cabal: Could not resolve dependencies:",
                "Could not resolve dependencies:",
            ],
            // Maven's goal failure says it differently and is `jvm`'s.
            &["[ERROR] Failed to execute goal on project app: Could not resolve dependencies for project a:b:jar:1"],
        );
        assert_reads(
            cabal_error_code,
            &["Error: [Cabal-7107]"],
            &["Error: [Cabal-7107] see the cabal manual", "Warning: [Cabal-5559]"],
        );
        assert_reads(
            program_required,
            &["cabal: The program 'alex' is required but it could not be found."],
            &["The program is required but it could not be found."],
        );
    }
}
