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
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;
use crate::subject::display_text;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "hlint/hint",
    grammar: "{file}.hs:{line}:{col}[-{col}]: {Suggestion|Warning|Error}: {hint} | {n} hints",
    needles: &[": Suggestion: ", ": Warning: ", ": Error: ", " hint"],
    check: hint,
    examples: &[ex(
        "src/Ledger/Report.hs:41:9-37: Warning: Use mapM_",
        Category::Unknown,
        None,
    )],
}];

fn hint(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim();
    if regex!(r"^(?:\d+ hints|1 hint)$").is_match(text) && line.step_mentions("hlint") {
        return Some(Hit::summary(
            "HLint printed hints (its count; the first hint above says which).",
        ));
    }
    let c = regex!(
        r"^(?:[A-Za-z]:)?[^\s:]+\.(?:hs|lhs|hsc):(?:\d+:\d+(?:-\d+)?|\(\d+,\d+\)-\(\d+,\d+\)): (Suggestion|Warning|Error): (\S.*)$"
    )
    .captures(text)?;
    Some(Hit::blocker(format!(
        "HLint's {} hint: {} (the code's, for a person).",
        c[1].to_ascii_lowercase(),
        display_text(&c[2])
    )))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::hit::Strength;

    #[test]
    fn the_first_hint_is_the_cause_and_the_count_a_heading() {
        for text in [
            "src/Ledger/Report.hs:41:9-37: Warning: Use mapM_",
            "src/Mailer/Subscription.hs:63:26-54: Suggestion: Use Just",
            "./src/Parsers/Request.hs:132:91: Error: Use elem",
            "src\\Ledger\\Report.hs:(12,1)-(14,20): Warning: Redundant do",
        ] {
            let hit = hint(&Line::plain(text)).expect(text);
            assert_eq!(
                (hit.category, hit.strength),
                (Category::Unknown, Strength::Blocker),
                "{text}"
            );
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
