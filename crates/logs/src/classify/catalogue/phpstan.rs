//! PHPStan, PHP's static analyser.
//!
//! Source: PHPStan's `TableErrorFormatter` (the default `--error-format`):
//! per file, a Symfony Console table whose header row is `Line` and the
//! file's relative path, and one row per error, `{line}` then the message
//! (wrapped onto continuation rows with an empty first cell, the error's
//! identifier under it); then Symfony's error block ` [ERROR] Found {n}
//! error[s]`, and exit status 1. The block fails the run; the first error
//! row counts (`COUNTED_SUMMARIES`).

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

/// The entry of PHPStan's closing block (counted in `COUNTED_SUMMARIES`).
pub const FOUND: &str = "phpstan/found-errors";

pub const ENTRIES: &[Entry] = &[Entry {
    id: FOUND,
    grammar: "[ERROR] Found {n} error[s] (Symfony Console's error block, after the tables of errors per file)",
    needles: &["[ERROR] Found "],
    check: found_errors,
    examples: &[ex(" [ERROR] Found 2 errors", Category::Unknown, None)],
}];

fn found_errors(line: &Line<'_>) -> Option<Hit> {
    regex!(r"^\[ERROR\] Found [1-9]\d* errors?$")
        .is_match(line.text.trim())
        .then(|| {
            Hit::blocker(
                "PHPStan found errors in the code (the first is in the table above its summary): the code or the \
                 analysis configuration is to fix, a person's change.",
            )
        })
}

/// A table's header row, `  Line   {file}`: PHPStan's error tables began.
pub fn started(text: &str) -> bool {
    regex!(r"^\s+Line\s{2,}\S").is_match(text)
}

/// An error's first row, `  {line}     {message}`.
pub fn counted_record(text: &str) -> bool {
    regex!(r"^\s{1,3}\d+\s{2,}\S").is_match(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::catalogue::assert_reads;

    #[test]
    fn the_closing_block_and_the_rows_it_counts() {
        assert_reads(
            found_errors,
            &[" [ERROR] Found 2 errors                ", "[ERROR] Found 1 error"],
            &["[ERROR] Found 0 errors", "grep '[ERROR] Found 2 errors' out.txt"],
        );
        assert!(started("  Line   src/Billing/InvoiceRepository.php      "));
        assert!(!started("Line 3 of the report"));
        assert!(counted_record(
            "  41     Method App\\Billing\\InvoiceRepository::findOpen() should return        "
        ));
        // A continuation row has an empty first cell.
        assert!(!counted_record(
            "         list<App\\Billing\\Invoice> but returns array<int, mixed>."
        ));
        assert!(!counted_record(
            " ------ ---------------------------------------------- "
        ));
    }
}
