//! PHP-CS-Fixer, PHP's code style fixer.
//!
//! Source: PHP-CS-Fixer's `fix` command (`FixCommand`,
//! `Console/Report/FixReport/TextReporter.php`): after the banner `PHP CS
//! Fixer {version} {codename} by …` it lists each file it would change,
//! `{i}) {file}[ ({rules})]` right-aligned in four columns, with its diff
//! under `--diff`, then `Found {n} of {m} files that can be fixed in {t}
//! seconds, {mem} MB memory used` under `--dry-run` (`Fixed {n} of {m}
//! files …` otherwise). A dry run that found files exits with status 8:
//! the summary fails the run, the first listed file counts
//! (`COUNTED_SUMMARIES`).

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

/// The entry of the dry run's summary (counted in `COUNTED_SUMMARIES`).
pub const FOUND: &str = "php_cs_fixer/dry-run-found";

pub const ENTRIES: &[Entry] = &[Entry {
    id: FOUND,
    grammar: "Found {n} of {m} files that can be fixed in {t} seconds, {mem} MB memory used (`--dry-run`, exit \
              status 8 when n > 0)",
    needles: &["files that can be fixed in "],
    check: dry_run_found,
    examples: &[ex(
        "Found 2 of 148 files that can be fixed in 1.902 seconds, 20.00 MB memory used",
        Category::Unknown,
        None,
    )],
}];

fn dry_run_found(line: &Line<'_>) -> Option<Hit> {
    regex!(r"^Found [1-9]\d* of \d+ files? that can be fixed in [\d.]+ seconds?")
        .is_match(line.text.trim())
        .then(|| {
            Hit::blocker(
                "PHP-CS-Fixer's dry run found files that do not follow the code style (the first is listed above \
                 its summary): run the fixer and commit the result, a person's change.",
            )
        })
}

/// The banner `PHP CS Fixer {version} …`: the fixer started in the step.
pub fn started(text: &str) -> bool {
    regex!(r"^PHP CS Fixer \d").is_match(text.trim_start())
}

/// A listed file, `   {i}) {file}[ ({rules})]`.
pub fn counted_record(text: &str) -> bool {
    regex!(r"^\s*\d+\) \S+\.php(?: \(.*\))?\s*$").is_match(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::catalogue::assert_reads;

    #[test]
    fn the_dry_run_s_summary_and_the_files_it_counts() {
        assert_reads(
            dry_run_found,
            &["Found 1 of 1 files that can be fixed in 0.016 seconds, 19.56 MB memory used"],
            &[
                "Found 0 of 6271 files that can be fixed in 14.330 seconds, 40.00 MB memory used",
                "Fixed 3 of 148 files in 1.902 seconds, 20.00 MB memory used",
            ],
        );
        assert!(started(
            "PHP CS Fixer 3.65.0 Persian Successor by Fabien Potencier, Dariusz Ruminski and contributors."
        ));
        assert!(counted_record(
            "   1) src/Parser/Lexer.php (ordered_imports, no_unused_imports)"
        ));
        assert!(counted_record("  12) tests/Parser/LexerTest.php"));
        // RSpec's and PHPUnit's numbered failures are not files.
        assert!(!counted_record(
            "  1) User validations rejects an email without a domain"
        ));
        assert!(!counted_record(
            "1) Tariff\\Pricing\\Tests\\Unit\\RoundingTest::testRoundsHalfUpToCents"
        ));
    }
}
