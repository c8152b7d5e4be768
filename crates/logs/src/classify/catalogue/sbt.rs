//! sbt's own command-line parser.
//!
//! Source: sbt's command parser (`sbt.internal.util.complete`, the
//! `Act`/`BasicCommands` parsers), which, when no command, project, scope or
//! key matches what it was given, prints every alternative's expectation as
//! its own `[error]` line: `Expected ID character`, `Not a valid command:
//! {word}[ (similar: {names})]`, `Expected project ID`, `Expected
//! configuration`, `Expected ':'`, `Expected key`, `Not a valid key:
//! {word}[ (similar: …)]`, then the input and a `^` under the failing
//! position. The word is a task or command no loaded plugin defines (a
//! plugin missing from `project/plugins.sbt`, or a typo): a build matter for
//! a person, never a program to install.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;
use crate::subject::display_text;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "sbt/not-a-valid-command",
    grammar: "[error] Not a valid command: {word}[ (similar: {names})] | [error] Not a valid key: {word}[ (similar: \
              {names})] | [error] Expected {what} (the parser's other alternatives)",
    needles: &["Not a valid command: ", "Not a valid key: ", "[error] Expected "],
    check: not_a_valid_command,
    examples: &[ex(
        "[error] Not a valid command: scalafmtCheckAll (similar: scalacOptions)",
        Category::Unknown,
        None,
    )],
}];

fn not_a_valid_command(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim();
    if let Some(c) = regex!(r"^\[error\] Not a valid command: (\S+)").captures(text) {
        return Some(Hit::blocker(format!(
            "sbt does not know the command or task `{}` (a plugin that defines it is not in project/plugins.sbt, or \
             a typo): a build matter for a person, not a program to install.",
            display_text(&c[1])
        )));
    }
    // The parser's other alternatives, printed around it: not the cause.
    regex!(r"^\[error\] (?:Not a valid key: \S+|Not a valid project ID: \S+|Expected (?:ID character|project ID|configuration|key|':'.*|whitespace character|'/'.*))")
        .is_match(text)
        .then(|| Hit::notice("sbt's parser listing what it expected (its `Not a valid command:` line says which word)."))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::hit::Strength;

    #[test]
    fn the_unknown_word_is_the_cause_and_the_expectations_notices() {
        let hit = not_a_valid_command(&Line::plain(
            "[error] Not a valid command: scalafmtCheckAll (similar: scalacOptions)",
        ))
        .expect("read");
        assert_eq!(
            (hit.category, hit.strength, hit.fixable),
            (Category::Unknown, Strength::Blocker, false)
        );
        for text in [
            "[error] Expected ID character",
            "[error] Expected ':'",
            "[error] Not a valid key: scalafmtCheckAll (similar: scalacOptions, scalaInstance)",
        ] {
            assert_eq!(
                not_a_valid_command(&Line::plain(text)).map(|h| h.strength),
                Some(Strength::Weak),
                "{text}"
            );
        }
        assert!(not_a_valid_command(&Line::plain("[error] Expected 3 but got 4 (FooSpec.scala:12)")).is_none());
    }
}
