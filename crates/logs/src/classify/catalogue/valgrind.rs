//! Valgrind's Memcheck (and Helgrind's race reports), run with
//! `--error-exitcode` so that the errors it finds fail the step.
//!
//! Sources: the Valgrind user manual's Memcheck chapter ("Explanation of
//! error messages from Memcheck") and Memcheck's `mc_errors.c`, and users'
//! reports of its output. Every line Valgrind writes starts with
//! `=={pid}== `; an error is a head line, then its stack (`   at 0x…:
//! {fn} ({file}:{line})`, `   by …`) and the address's description. The
//! heads: `Invalid read of size {n}`, `Invalid write of size {n}`, `Invalid
//! free() / delete / delete[] / realloc()`, `Mismatched free() / delete /
//! delete []`, `Conditional jump or move depends on uninitialised value(s)`,
//! `Use of uninitialised value of size {n}`, `Syscall param {p} points to |
//! contains uninitialised byte(s)`, `Source and destination overlap in
//! {fn}`, `Argument '{arg}' of function {fn} has a fishy (possibly negative)
//! value: {v}`, the leak checker's `{bytes} bytes in {n} blocks are
//! definitely | indirectly | possibly lost in loss record {i} of {m}`, and
//! Helgrind's `Possible data race during read | write of size {n} at {addr}
//! by thread #{t}`. The run closes with `ERROR SUMMARY: {n} errors from {m}
//! contexts (suppressed: …)`, a count of the errors above (none when `{n}`
//! is 0).
//!
//! An error Memcheck found is a bug of the program it ran: a blocker located
//! at its head line where the step runs Valgrind with `--error-exitcode`
//! (otherwise weak: Valgrind then exits with the program's status), never a
//! missing file, whatever the stack's paths. Indirectly lost blocks are not
//! errors by default (`--errors-for-leak-kinds=definite,possible`).

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "valgrind/error",
        grammar: "=={pid}== {Invalid read|write of size {n} | Invalid free() … | Mismatched free() … | Conditional \
                  jump or move depends on uninitialised value(s) | Use of uninitialised value of size {n} | Syscall \
                  param {p} … uninitialised byte(s) | Source and destination overlap in {fn} | {b} bytes in {n} \
                  blocks are {definitely|possibly} lost in loss record {i} of {m} | Possible data race \
                  during {read|write} of size {n} …}",
        needles: &["== "],
        check: error,
        examples: &[ex("==4172== Invalid read of size 4", Category::Unknown, None)],
    },
    Entry {
        id: "valgrind/error-summary",
        grammar: "=={pid}== ERROR SUMMARY: {n} errors from {m} contexts (suppressed: {s} from {t}) ({n} > 0)",
        needles: &["ERROR SUMMARY: "],
        check: error_summary,
        examples: &[ex(
            "==4172== ERROR SUMMARY: 1 errors from 1 contexts (suppressed: 0 from 0)",
            Category::Unknown,
            None,
        )],
    },
];

/// The text after Valgrind's `=={pid}== ` prefix.
fn body(text: &str) -> Option<&str> {
    let m = regex!(r"^==\d+== ").find(text.trim_start())?;
    Some(&text.trim_start()[m.end()..])
}

fn error(line: &Line<'_>) -> Option<Hit> {
    let body = body(line.text)?;
    let head = regex!(
        r"^(?:Invalid (?:read|write) of size \d+|Invalid free\(\) / delete / delete\[\] / realloc\(\)|Mismatched free\(\) / delete / delete ?\[\]|Conditional jump or move depends on uninitialised value\(s\)|Use of uninitialised value of size \d+|Syscall param \S+ (?:points to|contains) uninitialised byte\(s\)|Source and destination overlap in \w+\(.*\)|Argument '\w+' of function \w+ has a fishy \(possibly negative\) value: -?\d+|[\d,]+(?: \([\d,]+ direct, [\d,]+ indirect\))? bytes in [\d,]+ blocks are (?:definitely|possibly) lost in loss record [\d,]+ of [\d,]+|Possible data race during (?:read|write) of size \d+ at 0x[0-9A-Fa-f]+ by thread #\d+)$"
    )
    .find(body.trim_end())?;
    let hit = Hit::blocker(format!(
        "Valgrind found a memory error in the program it ran: {}. Its stack below says where; a person's call.",
        crate::subject::display_text(head.as_str())
    ));
    // Valgrind exits with the program's own status unless told otherwise
    // (`--error-exitcode`, the manual's core options): without it the errors
    // it reports fail nothing, and a later failure is the cause (finlogs22).
    if !line.step_mentions("--error-exitcode") {
        return Some(hit.weak());
    }
    Some(hit)
}

fn error_summary(line: &Line<'_>) -> Option<Hit> {
    let body = body(line.text)?;
    regex!(r"^ERROR SUMMARY: [1-9][\d,]* errors? from [\d,]+ contexts?")
        .is_match(body)
        .then(|| Hit::summary("Valgrind's count of the errors it reported above.").weak())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::catalogue::assert_reads;
    use crate::classify::hit::Strength;

    #[test]
    fn an_errors_head_is_a_blocker() {
        for text in [
            "==4172== Invalid read of size 4",
            "==88== Invalid write of size 1",
            "==88== Invalid free() / delete / delete[] / realloc()",
            "==88== Mismatched free() / delete / delete []",
            "==5214== Conditional jump or move depends on uninitialised value(s)",
            "==5214== Use of uninitialised value of size 8",
            "==3021== Syscall param write(buf) points to uninitialised byte(s)",
            "==3021== Source and destination overlap in memcpy(0x4a4e048, 0x4a4e040, 16)",
            "==9== 48 bytes in 1 blocks are definitely lost in loss record 1 of 2",
            "==9== 1,024 (64 direct, 960 indirect) bytes in 1 blocks are definitely lost in loss record 3 of 3",
            "==702== Possible data race during write of size 8 at 0x10C0A8 by thread #3",
        ] {
            let script = "valgrind --leak-check=full --error-exitcode=1 ./build/ring_test";
            let hit = error(&Line {
                script,
                ..Line::plain(text)
            })
            .expect(text);
            assert_eq!(
                (hit.category, hit.strength),
                (Category::Unknown, Strength::Blocker),
                "{text}"
            );
            // Without `--error-exitcode` Valgrind exits with the program's
            // status: its report is weak.
            assert_eq!(
                error(&Line::plain(text)).expect(text).strength,
                Strength::Weak,
                "{text}"
            );
        }
        assert_reads(
            error,
            &[],
            &[
                // Without Valgrind's prefix: a program's own words, or a quote.
                "Invalid read of size 4",
                "==4172==    at 0x109A3E: ring_pop (ring.c:58)",
                "==4172== Memcheck, a memory error detector",
                "==9==    definitely lost: 48 bytes in 1 blocks",
                "==9== 48 bytes in 1 blocks are still reachable in loss record 1 of 2",
                // Not an error by default (`--errors-for-leak-kinds`).
                "==9== 960 bytes in 15 blocks are indirectly lost in loss record 2 of 3",
            ],
        );
    }

    #[test]
    fn the_error_summary_counts_weakly_and_only_errors() {
        let hit = error_summary(&Line::plain(
            "==4172== ERROR SUMMARY: 1 errors from 1 contexts (suppressed: 0 from 0)",
        ))
        .expect("read");
        assert_eq!(hit.strength, Strength::Weak);
        assert_reads(
            error_summary,
            &[],
            &[
                "==4172== ERROR SUMMARY: 0 errors from 0 contexts (suppressed: 0 from 0)",
                "ERROR SUMMARY: 2 errors from 2 contexts",
            ],
        );
    }
}
