//! Unity, the C unit-test framework (ThrowTheSwitch), as PlatformIO's
//! `pio test` and Ceedling run it.
//!
//! Source: Unity's output (`unity.c`, `UnityConcludeTest` and
//! `UnityTestResultsFailBegin`): each test as `{file}:{line}:{test}:PASS`,
//! `…:IGNORE[: {message}]` or `{file}:{line}:{test}:FAIL[: {message}]` (an
//! assertion's message, `Expected 7 Was 6`), then `-----------------------`,
//! `{n} Tests {m} Failures {k} Ignored` and `OK` or `FAIL`. PlatformIO's
//! Unity runner (`platformio/test/runners/unity.py`) prints a failed case's
//! line as Unity wrote it followed by a tab and `[FAILED]`, and a passed one
//! without its `:PASS`, followed by `[PASSED]`. The first `:FAIL` line is the
//! cause (the code's or the test's, for a person); Unity's count is a
//! heading over it.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;
use crate::subject::display_text;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "unity/failed-test",
    grammar: "{file}:{line}:{test}:FAIL[: {message}][\t[FAILED]] | {n} Tests {m} Failures {k} Ignored",
    needles: &[":FAIL", " Failures "],
    check: failed_test,
    examples: &[ex(
        "test/test_frame/test_main.c:44:test_frame_rejects_bad_checksum:FAIL: Expected 0 Was 1\t[FAILED]",
        Category::Unknown,
        None,
    )],
}];

/// Unity's failed case (`{file}:{line}:{test}:FAIL[: {message}]`, with
/// PlatformIO's `[FAILED]` after it): grep's shape, Unity's report.
pub fn is_failed_case(text: &str) -> bool {
    failed_case(text.trim()).is_some()
}

fn failed_case(text: &str) -> Option<regex::Captures<'_>> {
    regex!(r"^((?:[A-Za-z]:)?[^\s:]+\.(?:c|cc|cpp|cxx|h|hpp|ino)):(\d+):(\w+):FAIL(?:: ?(.*?))?(?:\s+\[FAILED\])?$")
        .captures(text)
}

fn failed_test(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim();
    if let Some(c) = regex!(r"^\d+ Tests (\d+) Failures \d+ Ignored$").captures(text) {
        return (&c[1] != "0")
            .then(|| Hit::summary("Unity counted failed tests (the first FAIL line above says which)."));
    }
    let c = failed_case(text)?;
    let reason = c.get(4).map(|m| m.as_str().trim()).filter(|m| !m.is_empty());
    Some(Hit::blocker(format!(
        "Unity test {} failed at {}:{}{} (the code's or the test's, for a person).",
        display_text(&c[3]),
        display_text(&c[1]),
        &c[2],
        reason.map(|r| format!(": {}", display_text(r))).unwrap_or_default()
    )))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::hit::Strength;

    #[test]
    fn a_failed_case_is_the_cause_and_unity_s_count_a_heading() {
        for text in [
            "test/test_frame/test_main.c:44:test_frame_rejects_bad_checksum:FAIL: Expected 0 Was 1\t[FAILED]",
            // Unity's own line (Ceedling, a bare runner), with and without a message.
            "test/test_parser.c:31:test_parses_empty_frame:FAIL: Expected TRUE Was FALSE",
            "test\\test_led\\test_main.cpp:12:test_led_state_high:FAIL",
        ] {
            let hit = failed_test(&Line::plain(text)).expect(text);
            assert_eq!(
                (hit.category, hit.strength),
                (Category::Unknown, Strength::Blocker),
                "{text}"
            );
        }
        // Grep's shape, yet Unity's report: not quoted text.
        assert!(is_failed_case(
            "test/test_frame/test_main.c:44:test_frame_rejects_bad_checksum:FAIL: Expected 0 Was 1\t[FAILED]"
        ));
        assert!(!is_failed_case("src/main.c:12:int main(void) {"));
        assert_eq!(
            failed_test(&Line::plain("3 Tests 1 Failures 0 Ignored "))
                .expect("count")
                .strength,
            Strength::Summary
        );
        crate::classify::catalogue::assert_reads(
            failed_test,
            &[],
            &[
                // Passed and ignored cases, a clean count, other tools' FAIL lines.
                "test/test_crc/test_main.c:18:test_crc16_ccitt_known_vector\t[PASSED]",
                "test/test_crc/test_main.c:18:test_crc16_ccitt_known_vector:PASS",
                "test/test_crc/test_main.c:25:test_crc16_empty:IGNORE: not on native",
                "2 Tests 0 Failures 0 Ignored ",
                "FAIL: //pkg/auth:auth_test (see /tmp/test.log)",
                "--- FAIL: TestParse (0.00s)",
            ],
        );
    }
}
