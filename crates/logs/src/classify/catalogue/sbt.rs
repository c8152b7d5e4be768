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
//!
//! sbt's batch mode runs each command-line argument as its own command, so
//! `sbt testOnly com.acme.FooSpec` runs `testOnly` (every test) and then the
//! argument, which the parser refuses (`Not a valid command: com`): when the
//! step's `sbt` argv shows the word after a task that takes arguments, the
//! fix is quoting the task with its argument (`sbt "testOnly …"`), not a
//! plugin (sbt/sbt#6577, its batch-mode documentation).

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;
use crate::shell_lex;
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
        let word = display_text(&c[1]);
        if let Some((task, argument)) = unquoted_argument(line.script, &c[1]) {
            return Some(Hit::blocker(format!(
                "sbt ran `{}` as a command of its own: the step gives `{}` its argument unquoted, and sbt runs each \
                 command-line argument as a command (quote the task with its argument: `sbt \"{} {}\"`); a build \
                 matter for a person.",
                display_text(&argument),
                display_text(&task),
                display_text(&task),
                display_text(&argument)
            )));
        }
        return Some(Hit::blocker(format!(
            "sbt does not know the command or task `{word}` (a plugin that defines it is not in project/plugins.sbt, \
             a typo, or an argument of the previous command given unquoted): a build matter for a person, not a \
             program to install."
        )));
    }
    // The parser's other alternatives, printed around it: not the cause.
    regex!(r"^\[error\] (?:Not a valid key: \S+|Not a valid project ID: \S+|Expected (?:ID character|project ID|configuration|key|':'.*|whitespace character|'/'.*))")
        .is_match(text)
        .then(|| Hit::notice("sbt's parser listing what it expected (its `Not a valid command:` line says which word)."))
}

/// sbt's tasks and commands that take their input after a space.
const TAKES_ARGUMENTS: &[&str] = &[
    "testOnly",
    "testQuick",
    "test-only",
    "test-quick",
    "run",
    "runMain",
    "run-main",
    "bgRun",
    "bgRunMain",
    "set",
    "project",
];

/// The task (as written) and the argument (the word the parser refused
/// begins it) when the step's `sbt` argv has that argument right after a
/// task that takes arguments (scoped or not: `Test/testOnly`, `app/run`).
fn unquoted_argument(script: &str, word: &str) -> Option<(String, String)> {
    if word.is_empty() {
        return None;
    }
    for logical in shell_lex::logical_lines(script) {
        let Ok(lexed) = shell_lex::lex(&logical.code) else {
            continue;
        };
        for command in &lexed.commands {
            let mut words = command.argv();
            if words.next().map(|w| shell_lex::program_name(&w.text)) != Some("sbt") {
                continue;
            }
            let args: Vec<&str> = words.map(|w| w.text.as_str()).filter(|w| !w.starts_with('-')).collect();
            for pair in args.windows(2) {
                let task = pair[0].rsplit(['/', ':']).next().unwrap_or(pair[0]);
                if TAKES_ARGUMENTS.contains(&task) && pair[1].starts_with(word) && !pair[1].contains(' ') {
                    return Some((pair[0].to_string(), pair[1].to_string()));
                }
            }
        }
    }
    None
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

    /// `sbt testOnly com.acme.FooSpec`: sbt ran `testOnly`, then the
    /// argument as a command (sbt/sbt#6577).
    #[test]
    fn an_unquoted_argument_is_named_as_one() {
        let text = "[error] Not a valid command: com";
        for script in [
            "sbt -v testOnly com.acme.billing.InvoiceSpec\n",
            "sbt clean 'Test/testOnly' com.acme.billing.InvoiceSpec\n",
        ] {
            let line = Line {
                script,
                ..Line::plain(text)
            };
            let hit = not_a_valid_command(&line).expect(script);
            assert_eq!((hit.category, hit.strength), (Category::Unknown, Strength::Blocker));
            assert!(hit.message.contains("com.acme.billing.InvoiceSpec"), "{}", hit.message);
            assert!(
                hit.message.contains("unquoted") && !hit.message.contains("plugins.sbt"),
                "{}",
                hit.message
            );
        }
        // Quoted as one argument: the word is no argument of the step's.
        let quoted = Line {
            script: "sbt \"testOnly com.acme.billing.InvoiceSpec\" scalafmtCheckAll\n",
            ..Line::plain("[error] Not a valid command: scalafmtCheckAll")
        };
        let hit = not_a_valid_command(&quoted).expect("read");
        assert!(hit.message.contains("plugins.sbt"), "{}", hit.message);
    }
}
