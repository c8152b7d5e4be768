//! The Scala compiler's diagnostics, as sbt (or scala-cli, Mill) relays them.
//!
//! Sources: Scala 3's message renderer (`dotty.tools.dotc.reporting.
//! MessageRendering`), which heads each diagnostic with `-- [E{nnn}] {Kind}
//! Error: {file}:{line}:{col}` (`-- Error: {file}:{line}:{col}` for a message
//! without an id) over the source line, a `^^^` marker and the message, and
//! closes with `{n} error(s) found`; Scala 2's reporter prints
//! `{file}.scala:{line}:{col}: {message}` at error level (`error:` after the
//! location when not under sbt). sbt prefixes each line with `[error] ` and
//! then reports the task, `({project} / Compile / compileIncremental)
//! Compilation failed`. The compiler's first error is the cause: the code's,
//! for a person; the counts and sbt's task line are headings over it.
//! Warnings (`-- [E198] Unused Symbol Warning: …`, `[warn]`) are not read.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;
use crate::subject::display_text;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "scala/compile-error",
    grammar: "[[error] ]-- [E{nnn}] {Kind} Error: {file}.scala:{line}:{col} | [error] {file}.scala:{line}:{col}: \
              {message} | [error] {n} error(s) found",
    needles: &[" Error: ", ".scala:", " found"],
    check: compile_error,
    examples: &[ex(
        "[error] -- [E007] Type Mismatch Error: /home/runner/work/app/app/core/src/main/scala/Quote.scala:42:27 ",
        Category::Unknown,
        None,
    )],
}];

fn compile_error(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim();
    let text = text.strip_prefix("[error]").map_or(text, str::trim_start);
    if regex!(r"^(?:one|two|three|four|\d+) errors? found$").is_match(text) && line.step_mentions("sbt") {
        return Some(Hit::summary(
            "The Scala compiler reported errors (its count; the first error above says which).",
        ));
    }
    if let Some(c) = regex!(
        r"^-- (?:\[E\d{3}\] )?((?:[A-Z][a-z]+ )*)Error: ((?:[A-Za-z]:)?[^\s:]+\.(?:scala|sc|java)):\d+:\d+(?: -+)?$"
    )
    .captures(text)
    {
        let kind = c[1].trim();
        return Some(Hit::blocker(format!(
            "The Scala compiler reported {} in {}: the code's, for a person.",
            if kind.is_empty() {
                "an error".to_string()
            } else {
                format!("a {kind} error")
            },
            display_text(&c[2])
        )));
    }
    // Scala 2 under sbt: the location and the message on one `[error]` line.
    let scala2 = line.text.trim_start().starts_with("[error]")
        && regex!(r"^(?:[A-Za-z]:)?[^\s:]+\.scala:\d+:\d+: \S").is_match(text);
    scala2.then(|| Hit::blocker("The Scala compiler reported an error in the code: for a person."))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::hit::Strength;

    #[test]
    fn the_compilers_first_error_is_the_cause() {
        for text in [
            "[error] -- [E007] Type Mismatch Error: /opt/actions-runner/_work/p/p/core/src/main/scala/Quote.scala:42:27 ",
            "-- [E006] Not Found Error: src/main/scala/Main.scala:3:10",
            // Scala 3 pads its heading with dashes to the page width (a long
            // path leaves none, as above).
            "-- [E007] Type Mismatch Error: src/main/scala/Main.scala:3:10 ------------------------------",
            "[error] -- Error: C:\\a\\p\\p\\src\\main\\scala\\Main.scala:12:4 ",
            "[error] /home/runner/work/p/p/src/main/scala/Main.scala:12:4: type mismatch;",
        ] {
            let hit = compile_error(&Line::plain(text)).expect(text);
            assert_eq!(
                (hit.category, hit.strength),
                (Category::Unknown, Strength::Blocker),
                "{text}"
            );
        }
        let mut count = Line::plain("[error] one error found");
        count.script = "sbt -batch compile";
        assert_eq!(compile_error(&count).expect("count").strength, Strength::Summary);
        crate::classify::catalogue::assert_reads(
            compile_error,
            &[],
            &[
                "[warn] -- [E198] Unused Symbol Warning: src/main/scala/Main.scala:3:10 ",
                "-- [E198] Unused Symbol Warning: src/main/scala/Main.scala:3:10",
                // Scala 2's location without sbt's error level, a count no sbt step printed.
                "src/main/scala/Main.scala:12:4: type mismatch;",
                "one error found",
            ],
        );
    }
}
