//! oclif command-line tools (the Heroku CLI, Salesforce's `sf`, …).
//!
//! Source: `@oclif/core`'s error display (`errors/handle.ts` with
//! `errors/errors/cli.ts`): an error a command raises is printed as ` ›   Error:
//! {message}` (the `›` bang, `»` on Windows: `CLIError.bang`, then the
//! message), more lines of it under the same
//! ` ›   ` prefix, and, for Heroku's API errors, ` ›   Error ID: {id}` last. The
//! message says why (`Invalid credentials provided.`, `Couldn't find that
//! app.`); the `Error ID:` line is its code, not the pin. What the tool refused
//! (a token, an app name, a permission) is a person's.

use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "oclif/error",
    grammar: " ›   Error: {message} [ ›   Error ID: {id}] (» for › on Windows)",
    needles: &["›   Error: ", "»   Error: "],
    check: error,
    examples: &[ex(" ›   Error: Invalid credentials provided.", Category::Unknown, None)],
}];

fn error(line: &Line<'_>) -> Option<Hit> {
    let c = super::util::regex!(r"^[›»]\s+Error: (.+)$").captures(line.text.trim())?;
    let message = c[1].trim();
    // Heroku's `Error ID: {id}` repeats the code of the message above it.
    if message.starts_with("ID: ") {
        return None;
    }
    Some(Hit::blocker(format!(
        "The command-line tool stopped with: {}",
        crate::subject::display_text(message)
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_message_not_its_error_id() {
        crate::classify::catalogue::assert_reads(
            error,
            &[
                " ›   Error: Invalid credentials provided.",
                " ›   Error: Couldn't find that app.",
                // Windows' bang (review89 L3).
                " »   Error: Invalid credentials provided.",
            ],
            &[
                " ›   Error ID: unauthorized",
                " ›",
                "Error: Process completed with exit code 1.",
            ],
        );
    }
}
