//! HLint, Haskell's linter.
//!
//! Source: HLint's idea report (its `Idea` show instance, as its README and
//! ndmitchell/hlint's issues print it): each hint as `{file}:{line}:{col}[-{col}]:
//! {Suggestion|Warning|Error}: {hint}` (a span over lines is
//! `({l},{c})-({l},{c})`), then `Found:` and `Perhaps:` (older releases `Why
//! not:`) blocks, and a closing count, `{n} hints`, `1 hint` or `No hints`
//! (HLint 1 said `{n} suggestions`). HLint exits 1 when it printed any hint,
//! so the first one is the cause: the code's, for a person; the count is a
//! heading over it.

use super::util::regex;
use super::{Entry, ex_after};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;
use crate::subject::display_text;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "hlint/hint",
    grammar: "{file}.hs:{line}:{col}[-{col}]: {Suggestion|Warning|Error}: {hint} | {n} hints",
    needles: &[": Suggestion: ", ": Warning: ", ": Error: ", " hint"],
    check: hint,
    examples: &[ex_after(
        &["hlint src/ app/"],
        "src/Ledger/Report.hs:41:9-37: Warning: Use mapM_",
        Category::Unknown,
        None,
    )],
}];

fn hint(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim();
    if !runs_hlint(line) {
        return None;
    }
    if regex!(r"^(?:\d+ hints|1 hint)$").is_match(text) {
        return Some(Hit::summary(
            "HLint printed hints (its count; the first hint above says which).",
        ));
    }
    let c = regex!(
        r"^(?:[A-Za-z]:)?[^\s:]+\.(?:hs|lhs|hsc):(?:\d+:\d+(?:-\d+)?|\(\d+,\d+\)-\(\d+,\d+\)): (Suggestion|Warning|Error): (\S.*)$"
    )
    .captures(text)?;
    let hit = Hit::blocker(format!(
        "HLint's {} hint: {} (the code's, for a person).",
        c[1].to_ascii_lowercase(),
        display_text(&c[2])
    ));
    Some(if below_fail_level(line, &c[1]) { hit.weak() } else { hit })
}

/// The step runs HLint: the program (`hlint src`, `cabal run hlint`,
/// `stack exec hlint`) or haskell-actions/hlint-run, whose header names it.
/// Other Haskell tools print `{file}.hs:{l}:{c}: Warning: …` too.
fn runs_hlint(line: &Line<'_>) -> bool {
    line.step_mentions_command("hlint") || line.step_mentions("hlint-run")
}

/// Whether a hint of `severity` is below the level the step fails on:
/// haskell-actions/hlint-run's `fail-on` input (`error`, `warning`,
/// `suggestion`; its header echoes it), which fails the step on hints of
/// that severity or above only. Without it every hint counts.
fn below_fail_level(line: &Line<'_>, severity: &str) -> bool {
    let rank = |s: &str| match s.to_ascii_lowercase().as_str() {
        "error" => 3,
        "warning" => 2,
        _ => 1,
    };
    let level = std::iter::once(line.script)
        .chain(line.recent.iter().copied())
        .find_map(|text| {
            regex!(r"\bfail-on:\s*'?(error|warning|suggestion)\b")
                .captures(text)
                .map(|c| rank(&c[1]))
        });
    level.is_some_and(|level| rank(severity) < level)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// hlint-run's `fail-on: warning` fails the step on a Warning, not on
    /// a Suggestion above it.
    #[test]
    fn a_hint_below_the_step_s_fail_level_is_weak() {
        use crate::classify::hit::Strength;
        let read = |text: &str, script: &'static str| {
            let mut line = Line::plain(text);
            line.script = script;
            hint(&line).map(|h| h.strength)
        };
        let suggestion = "src/Lib.hs:12:5-20: Suggestion: Use fmap";
        let warning = "src/Lib.hs:30:1-9: Warning: Redundant bracket";
        let action = |fail_on: &str| format!("Run haskell-actions/hlint-run@v2\n  fail-on: {fail_on}");
        let (on_warning, on_error) = (action("warning").leak(), action("error").leak());
        assert_eq!(read(suggestion, "hlint src/"), Some(Strength::Blocker));
        assert_eq!(read(suggestion, on_warning), Some(Strength::Weak));
        assert_eq!(read(warning, on_warning), Some(Strength::Blocker));
        assert_eq!(read(warning, on_error), Some(Strength::Weak));
    }
    use crate::classify::hit::Strength;

    #[test]
    fn the_first_hint_is_the_cause_and_the_count_a_heading() {
        for text in [
            "src/Ledger/Report.hs:41:9-37: Warning: Use mapM_",
            "src/Mailer/Subscription.hs:63:26-54: Suggestion: Use Just",
            "./src/Parsers/Request.hs:132:91: Error: Use elem",
            "src\\Ledger\\Report.hs:(12,1)-(14,20): Warning: Redundant do",
        ] {
            let mut line = Line::plain(text);
            line.script = "hlint src/ app/";
            let hit = hint(&line).expect(text);
            assert_eq!(
                (hit.category, hit.strength),
                (Category::Unknown, Strength::Blocker),
                "{text}"
            );
            // The same shape where no step runs HLint (another Haskell tool,
            // or a file that only names it) is not read.
            for script in ["stack build --pedantic", "cat .hlint.yaml && stack build"] {
                line.script = script;
                assert!(hint(&line).is_none(), "{script}: {text}");
            }
        }
        let mut count = Line::plain("3 hints");
        count.script = "hlint src/ app/";
        assert_eq!(hint(&count).expect("count").strength, Strength::Summary);
        crate::classify::catalogue::assert_reads(
            hint,
            &[],
            &[
                // A count no HLint step printed, GHC's own diagnostics.
                "3 hints",
                "src/Main.hs:5:1: error: [GHC-88464]",
                "src/Main.hs:5:1: warning: [GHC-40910] [-Wunused-top-binds]",
                "app/main.ts:3:1: Warning: Use const",
            ],
        );
    }
}
