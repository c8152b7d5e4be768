//! Laravel, the PHP framework.
//!
//! Source: `Illuminate\Encryption\MissingAppKeyException`, thrown by
//! `EncryptionServiceProvider` when the `app.key` configuration (the
//! `APP_KEY` environment variable, usually from `.env`) is empty, with the
//! message `No application encryption key has been specified.`; PHPUnit and
//! Collision (`php artisan test`) print the class on the failed test's
//! heading and the message under it. The job has no `.env` (a fresh
//! checkout: `.env` is not committed) or leaves `APP_KEY` unset: a person
//! copies `.env.example` and runs `php artisan key:generate`, or sets the
//! variable. Not a missing file or secret a fix can know.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "laravel/missing-app-key",
    grammar: "[Illuminate\\Encryption\\MissingAppKeyException: ]No application encryption key has been specified.",
    needles: &["No application encryption key has been specified"],
    check: missing_app_key,
    examples: &[ex(
        "  No application encryption key has been specified.",
        Category::Unknown,
        None,
    )],
}];

fn missing_app_key(line: &Line<'_>) -> Option<Hit> {
    regex!(r"^(?:(?:[\w\\]*MissingAppKeyException|RuntimeException):? )?No application encryption key has been specified\.$")
        .is_match(line.text.trim())
        .then(|| {
            Hit::blocker(
                "Laravel has no application key (APP_KEY is empty): the job has no .env (it is not committed) or \
                 does not set APP_KEY. Copy .env.example to .env and run `php artisan key:generate` in the job, or \
                 set APP_KEY for it (a manual fix).",
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::catalogue::assert_reads;

    #[test]
    fn the_exception_s_message_alone_or_after_its_class() {
        assert_reads(
            missing_app_key,
            &[
                "  No application encryption key has been specified.",
                "Illuminate\\Encryption\\MissingAppKeyException: No application encryption key has been specified.",
                "RuntimeException: No application encryption key has been specified.",
            ],
            &["echo \"No application encryption key has been specified. See README\""],
        );
    }
}
