//! Nim's compiler, as `nim c` and `nimble build|test` print it.
//!
//! Sources: the compiler's message format (`compiler/msgs.nim`: `{file}({line},
//! {col}) {Error|Warning|Hint}: {message}`, with `template/generic
//! instantiation of … from here` lines before it for code reached through a
//! template), and nimble, which relays a failed compile as `Error: Execution
//! failed with exit code {n}` and `... Command: {nim command}` (or, in later
//! releases, `Error:  Build failed for the package: {name}`), as users'
//! reports in nim-lang's and packages' issues show. The compiler's first
//! `Error:` is the cause (a type mismatch, an undeclared identifier, a module
//! it cannot open): the code's or its `.nimble` file's, for a person; nimble's
//! lines are headings over it.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;
use crate::subject::display_text;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "nim/compile-error",
    grammar: "{file}.nim({line}, {col}) Error: {message} | Error: Execution failed with exit code {n} | Error:  \
              Build failed for the package: {name} (nimble)",
    needles: &[
        ") Error: ",
        "Error: Execution failed with exit code ",
        "Build failed for the package: ",
    ],
    check: compile_error,
    examples: &[ex(
        "/home/runner/work/geo/geo/tests/test_haversine.nim(18, 24) Error: type mismatch",
        Category::Unknown,
        None,
    )],
}];

fn compile_error(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim();
    // nimble's headings are generic words: read them only where the step
    // runs nimble.
    if regex!(r"^Error:\s+(?:Execution failed with exit code \d+|Build failed for the package: \S+)$").is_match(text)
        && line.step_mentions_command("nimble")
    {
        return Some(Hit::summary(
            "nimble's build failed (the compiler's error above says why).",
        ));
    }
    let c = regex!(r"^(?:[A-Za-z]:)?[^\s(]+\.nim[s]?\(\d+, \d+\) Error: (\S.*)$").captures(text)?;
    Some(Hit::blocker(format!(
        "The Nim compiler reported an error: {} (the code's, for a person).",
        display_text(&c[1])
    )))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::hit::Strength;

    #[test]
    fn the_compilers_error_is_the_cause_and_nimbles_lines_headings() {
        for text in [
            "/home/runner/work/geo/geo/tests/test_haversine.nim(18, 24) Error: type mismatch",
            "/usr/lib/nim/pure/unittest.nim(646, 43) Error: type mismatch: got <int literal(5), int literal(5)>",
            "C:\\a\\geo\\geo\\src\\geo.nim(3, 8) Error: cannot open file: jsony",
            "/tmp/x/config.nims(53, 12) Error: undeclared identifier: 'lc'",
        ] {
            let hit = compile_error(&Line::plain(text)).expect(text);
            assert_eq!(
                (hit.category, hit.strength),
                (Category::Unknown, Strength::Blocker),
                "{text}"
            );
        }
        for text in [
            "     Error: Execution failed with exit code 1",
            "    Error:  Build failed for the package: geodist",
        ] {
            let mut line = Line::plain(text);
            line.script = "nimble test -y";
            assert_eq!(compile_error(&line).expect(text).strength, Strength::Summary, "{text}");
            // The same generic words where the step runs no nimble.
            for script in ["make check", "./nimbler.sh test"] {
                line.script = script;
                assert!(compile_error(&line).is_none(), "{script}: {text}");
            }
        }
        crate::classify::catalogue::assert_reads(
            compile_error,
            &[],
            &[
                "/home/runner/work/geo/geo/src/geo.nim(6, 8) Warning: imported and not used: 'sequtils' [UnusedImport]",
                "src/app.py(3, 8) Error: no",
                "Error: unhandled exception: FAILED",
            ],
        );
    }
}
