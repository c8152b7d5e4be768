//! The compilers' run-time sanitizers (compiler-rt's, which Clang and GCC
//! both link): AddressSanitizer, LeakSanitizer, MemorySanitizer,
//! ThreadSanitizer and UndefinedBehaviorSanitizer.
//!
//! Sources: compiler-rt's reports as its documentation pages
//! (clang.llvm.org's AddressSanitizer, ThreadSanitizer and
//! UndefinedBehaviorSanitizer) and users' reports of them show them.
//! `sanitizer_common`'s `Report()` puts `=={pid}==` before a report's head:
//! `=={pid}==ERROR: AddressSanitizer: {kind} on address {addr} at pc …`
//! (`heap-use-after-free`, `heap-buffer-overflow`, `stack-buffer-overflow`,
//! `SEGV on unknown address`, …), `=={pid}==ERROR: LeakSanitizer: detected
//! memory leaks`, `=={pid}==WARNING: MemorySanitizer:
//! use-of-uninitialized-value`; ThreadSanitizer prints its head between
//! `==================` rules without the pid, `WARNING: ThreadSanitizer:
//! {kind} (pid={pid})` (always with the pid), and exits 66 at the end (`exitcode`) after `ThreadSanitizer:
//! reported {n} warnings`; UBSan's diagnostic is located like a compiler's,
//! `{file}:{line}:{col}: runtime error: {message}`. Every tool ends its
//! report with `SUMMARY: {Tool}: {kind} {location}`, and ASan with
//! `=={pid}==ABORTING`: trailers that repeat the head.
//!
//! A sanitizer's report is a bug of the code the test ran (or of what it
//! links): a blocker located at the report's head, never a missing file or
//! program, whatever paths its frames name. ThreadSanitizer and
//! MemorySanitizer call their reports warnings, but the process fails
//! because of them; [`is_report_head`] tells `Line::is_warning` so.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "sanitizers/report",
        grammar: "=={pid}==ERROR: {AddressSanitizer|LeakSanitizer|HWAddressSanitizer}: {kind} … | \
                  =={pid}==WARNING: MemorySanitizer: {kind} | WARNING: ThreadSanitizer: {kind} (pid={pid}) | \
                  {file}:{line}:{col}: runtime error: {message} (UBSan)",
        needles: &["Sanitizer: ", ": runtime error: "],
        check: report,
        examples: &[
            ex(
                "==7342==ERROR: AddressSanitizer: heap-use-after-free on address 0x502000000098 at pc \
                 0x5578e3a4c2f1 bp 0x7ffc0a9e6b10 sp 0x7ffc0a9e6b08",
                Category::Unknown,
                None,
            ),
            ex(
                "src/sip.cc:47:21: runtime error: signed integer overflow: 2147483647 + 1 cannot be represented in \
                 type 'int'",
                Category::Unknown,
                None,
            ),
        ],
    },
    Entry {
        id: "sanitizers/trailer",
        grammar: "SUMMARY: {Tool}Sanitizer: {kind} {location} | =={pid}==ABORTING | ThreadSanitizer: reported {n} \
                  warnings",
        needles: &["Sanitizer: ", "==ABORTING"],
        check: trailer,
        examples: &[ex(
            "SUMMARY: AddressSanitizer: heap-use-after-free /src/list.c:77:22 in list_iter_next",
            Category::Unknown,
            None,
        )],
    },
];

/// The head of a sanitizer's report (see the module documentation): what
/// the tool found, named by the tool.
fn head(text: &str) -> Option<(&str, &str)> {
    let text = text.trim();
    if let Some(c) = regex!(
        r"^==\d+==(?:ERROR|WARNING): (AddressSanitizer|HWAddressSanitizer|LeakSanitizer|MemorySanitizer): (\S.*)$"
    )
    .captures(text)
    {
        return Some((c.get(1)?.as_str(), c.get(2)?.as_str()));
    }
    if let Some(c) = regex!(r"^WARNING: (ThreadSanitizer): (\S.*) \(pid=\d+\)$").captures(text) {
        return Some((c.get(1)?.as_str(), c.get(2)?.as_str()));
    }
    let c = regex!(r"^\S+:\d+:\d+: runtime error: (\S.*)$").captures(text)?;
    Some(("UndefinedBehaviorSanitizer", c.get(1)?.as_str()))
}

/// A sanitizer's report head, which the tool may word as a warning though it
/// fails the process (`Line::is_warning` leaves it an error).
pub fn is_report_head(text: &str) -> bool {
    head(text).is_some()
}

fn report(line: &Line<'_>) -> Option<Hit> {
    let (tool, what) = head(line.text)?;
    let what = crate::subject::display_text(what);
    let hit = Hit::blocker(format!(
        "{tool} reported a bug in the code the step ran: {what}. The report's frames say where; a person's call."
    ));
    // UBSan reports and carries on by default (clang's UndefinedBehaviorSanitizer
    // page: "print a verbose error report and continue execution (default)";
    // `halt_on_error=false` in its flags), and no exit code follows from it: a
    // passing test's report is not why a later one failed. It decides only
    // where the step asked it to stop (`-fno-sanitize-recover`, or
    // `halt_on_error=1` in the step's script or the lines above).
    let halts = line.step_mentions("halt_on_error=1") || line.step_mentions("-fno-sanitize-recover");
    if tool == "UndefinedBehaviorSanitizer" && !halts {
        return Some(hit.weak());
    }
    Some(hit)
}

fn trailer(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim();
    regex!(
        r"^(?:SUMMARY: (?:Address|HWAddress|Leak|Memory|Thread|UndefinedBehavior)Sanitizer: \S.*|==\d+==ABORTING|ThreadSanitizer: reported \d+ warnings?)$"
    )
    .is_match(text)
    .then(|| Hit::summary("A sanitizer's closing line; its report above says what it found.").weak())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::catalogue::assert_reads;
    use crate::classify::hit::Strength;

    #[test]
    fn ubsans_report_decides_only_where_the_step_halts_on_it() {
        let text = "src/sip.cc:47:21: runtime error: signed integer overflow: 2147483647 + 1 cannot be represented in \
                    type 'int'";
        let hit = report(&Line::plain(text)).expect("read");
        assert_eq!(hit.strength, Strength::Weak, "recovering UBSan (the default) is weak");
        let halting = ["UBSAN_OPTIONS: print_stacktrace=1:halt_on_error=1"];
        let line = Line {
            recent: &halting,
            ..Line::plain(text)
        };
        assert_ne!(report(&line).expect("read").strength, Strength::Weak);
        let line = Line {
            script: "clang++ -fsanitize=undefined -fno-sanitize-recover=all t.cc && ./a.out",
            ..Line::plain(text)
        };
        assert_ne!(report(&line).expect("read").strength, Strength::Weak);
    }

    #[test]
    fn each_sanitizers_report_head_is_a_blocker() {
        for (text, tool) in [
            (
                "==7342==ERROR: AddressSanitizer: heap-use-after-free on address 0x502000000098 at pc 0x5578e3a4c2f1 \
                 bp 0x7ffc0a9e6b10 sp 0x7ffc0a9e6b08",
                "AddressSanitizer",
            ),
            (
                "==311==ERROR: AddressSanitizer: SEGV on unknown address 0x000000000010 (pc 0x55d0 bp 0x7ffd sp \
                 0x7ffd T0)",
                "AddressSanitizer",
            ),
            ("==9120==ERROR: LeakSanitizer: detected memory leaks", "LeakSanitizer"),
            (
                "==5521==WARNING: MemorySanitizer: use-of-uninitialized-value",
                "MemorySanitizer",
            ),
            ("WARNING: ThreadSanitizer: data race (pid=918274)", "ThreadSanitizer"),
            (
                "WARNING: ThreadSanitizer: lock-order-inversion (potential deadlock) (pid=77)",
                "ThreadSanitizer",
            ),
            (
                "/home/runner/work/a/a/src/sip.cc:47:21: runtime error: left shift of 1073741824 by 1 places cannot \
                 be represented in type 'int'",
                "UndefinedBehaviorSanitizer",
            ),
            (
                "C:/a/lib/lib/src/map.cpp:12:9: runtime error: member call on null pointer of type 'Map'",
                "UndefinedBehaviorSanitizer",
            ),
        ] {
            // UBSan's decides only where the step halts on it (see below).
            let halting = ["UBSAN_OPTIONS: halt_on_error=1"];
            let hit = report(&Line {
                recent: &halting,
                ..Line::plain(text)
            })
            .expect(text);
            assert_eq!(
                (hit.category, hit.strength),
                (Category::Unknown, Strength::Blocker),
                "{text}"
            );
            assert!(hit.message.contains(tool), "{text}: {}", hit.message);
            assert!(is_report_head(text), "{text}");
        }
        assert_reads(
            report,
            &[],
            &[
                // Go's runtime panics have no location before them.
                "panic: runtime error: index out of range [3] with length 3",
                "  -fsanitize=address: AddressSanitizer: enabled",
                "SUMMARY: AddressSanitizer: heap-use-after-free /src/list.c:77:22 in list_iter_next",
            ],
        );
    }

    #[test]
    fn the_closing_lines_repeat_the_head_weakly() {
        for text in [
            "SUMMARY: AddressSanitizer: heap-use-after-free /src/list.c:77:22 in list_iter_next",
            "SUMMARY: UndefinedBehaviorSanitizer: undefined-behavior /src/sip.cc:47:21 ",
            "SUMMARY: ThreadSanitizer: data race /src/deque.cpp:34:11 in orbit::Deque::push(orbit::Task*)",
            "SUMMARY: LeakSanitizer: 48 byte(s) leaked in 1 allocation(s).",
            "==7342==ABORTING",
            "ThreadSanitizer: reported 1 warnings",
        ] {
            let hit = trailer(&Line::plain(text)).expect(text);
            assert_eq!(hit.strength, Strength::Weak, "{text}");
        }
        assert_reads(trailer, &[], &["SUMMARY: 3 tests failed", "ABORTING"]);
    }

    /// ThreadSanitizer's head starts with `WARNING:` but is no warning the
    /// tool went on after: the process exits 66.
    #[test]
    fn a_thread_sanitizer_report_is_no_tool_warning() {
        assert!(!Line::plain("WARNING: ThreadSanitizer: data race (pid=4)").is_warning());
        // Without the report's `(pid=…)` it is not a report's head.
        assert!(Line::plain("WARNING: ThreadSanitizer: memory layout is incompatible").is_warning());
        assert!(Line::plain("WARNING: the cache is cold").is_warning());
    }
}
