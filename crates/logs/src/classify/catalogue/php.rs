//! PHP and Composer.
//!
//! Sources: Composer's messages (`Composer could not find a composer.json file in
//! {dir}`, `Your requirements could not be resolved to an installable set of
//! packages.`, and from a lock file `Your lock file does not contain a
//! compatible set of packages. Please run composer update.`) and the PHP CLI's `sapi/cli/php_cli.c` (`Could not open input
//! file: {path}` for a script that does not exist).

use super::util::{after, path_hit};
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "php/cli-input-file",
        grammar: "Could not open input file: {path}",
        needles: &["Could not open input file: "],
        check: cli_input_file,
        examples: &[ex(
            "Could not open input file: bin/console",
            Category::FileNotFound,
            Some("bin/console"),
        )],
    },
    Entry {
        id: "php/composer",
        grammar: "Composer could not find a composer.json file in {dir} | Your requirements could not be resolved to an \
              installable set of packages. | Your lock file does not contain a compatible set of packages. Please run \
              composer update. (`composer install` from a lock file)",
        needles: &[
            "could not find a composer.json",
            "could not be resolved to an installable set",
            "does not contain a compatible set of packages",
        ],
        check: composer,
        examples: &[
            ex(
                "Composer could not find a composer.json file in /home/runner/work/site/site",
                Category::FileNotFound,
                Some("composer.json"),
            ),
            ex(
                "Your lock file does not contain a compatible set of packages. Please run composer update.",
                Category::Unknown,
                None,
            ),
        ],
    },
];

fn cli_input_file(line: &Line<'_>) -> Option<Hit> {
    let path = after(line.text, "Could not open input file: ")?.trim();
    Some(path_hit(path, 0.75, "PHP was given a script that does not exist."))
}

fn composer(line: &Line<'_>) -> Option<Hit> {
    if line.text.contains("composer.json") {
        return Some(path_hit(
            "composer.json",
            0.75,
            "Composer found no composer.json where it ran (a wrong working directory, or no checkout).",
        ));
    }
    Some(Hit::install_failure(
        "Composer could not resolve the package requirements.",
    ))
}
