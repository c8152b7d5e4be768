//! Miri, Rust's interpreter that detects undefined behaviour
//! (`cargo miri test`, `cargo miri run`).
//!
//! Source: Miri's `src/diagnostics.rs` (`report_error`): the interpreter
//! stops at the first error and prints it as a rustc diagnostic, `error:
//! Undefined Behavior: {what}` (a data race is `Undefined Behavior: Data race
//! detected between …`), `error: unsupported operation: {what}` (something
//! Miri cannot interpret, such as a foreign function: not a bug of the
//! program) or `error: memory leaked: {alloc} …`, with the `-->` location,
//! `= help: this indicates a [potential] bug in the program: …` and a
//! backtrace, then `note: some details are omitted, run with
//! `MIRIFLAGS=-Zmiri-backtrace=full` for a verbose backtrace` and rustc's
//! `error: aborting due to 1 previous error`. Under `cargo miri test`
//! libtest has already printed `test {name} ... ` without a line break, so
//! the error starts on the test's line. cargo's `error: test failed, to rerun
//! pass …` that follows is its trailer.
//!
//! Undefined behaviour is a bug of the code (or Miri's experimental aliasing
//! model): a blocker for a person, located at Miri's error.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "miri/interpreter-error",
    grammar: "[test {name} ... ]error: Undefined Behavior: {what} | error: unsupported operation: {what} | error: \
              memory leaked: {what}",
    needles: &[
        "error: Undefined Behavior: ",
        "error: unsupported operation: ",
        "error: memory leaked: ",
    ],
    check: interpreter_error,
    examples: &[ex(
        "test tests::push_then_pop ... error: Undefined Behavior: attempting a read access using <91872> at \
         alloc41277[0x0], but that tag does not exist in the borrow stack for this location",
        Category::Unknown,
        None,
    )],
}];

fn interpreter_error(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^(?:test \S+ \.\.\. )?error: (Undefined Behavior|unsupported operation|memory leaked): (.+)$")
        .captures(line.text.trim())?;
    let what = crate::subject::display_text(c[2].trim());
    let message = match &c[1] {
        "Undefined Behavior" => format!(
            "Miri found undefined behaviour in the code it ran: {what}. A bug of the code (or of Miri's experimental \
             aliasing model, which its help lines say); a person's call."
        ),
        "unsupported operation" => format!(
            "Miri cannot interpret an operation the code performs ({what}): not a bug of the program; a person \
             excludes that code from Miri (`#[cfg_attr(miri, ignore)]`) or changes it."
        ),
        _ => format!("Miri found memory the program leaked ({what}); a person's call."),
    };
    Some(Hit::blocker(message))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::hit::Strength;

    #[test]
    fn miris_error_is_a_blocker_on_the_tests_line_or_its_own() {
        for (text, says) in [
            (
                "test tests::push_then_pop ... error: Undefined Behavior: attempting a read access using <91872> at \
                 alloc41277[0x0], but that tag does not exist in the borrow stack for this location",
                "undefined behaviour",
            ),
            (
                "error: Undefined Behavior: Data race detected between (1) non-atomic write on thread `unnamed-1` and \
                 (2) non-atomic read on thread `main` at alloc1234",
                "undefined behaviour",
            ),
            (
                "error: unsupported operation: can't call foreign function `sqlite3_open_v2` on OS `linux`",
                "cannot interpret",
            ),
            (
                "error: memory leaked: alloc1029 (Rust heap, size: 8, align: 8), allocated here:",
                "leaked",
            ),
        ] {
            let hit = interpreter_error(&Line::plain(text)).expect(text);
            assert_eq!(
                (hit.category, hit.strength),
                (Category::Unknown, Strength::Blocker),
                "{text}"
            );
            assert!(hit.message.contains(says), "{}", hit.message);
        }
        crate::classify::catalogue::assert_reads(
            interpreter_error,
            &[],
            &[
                "    = help: this indicates a bug in the program: it performed an invalid operation, and caused Undefined Behavior",
                "// error: Undefined Behavior: is what Miri reports here",
            ],
        );
    }
}
