//! Active Record, Rails' database layer.
//!
//! Source: `activerecord/lib/active_record/migration.rb`:
//! `PendingMigrationError` (raised by `check_pending!`, which
//! `ActiveRecord::Migration.maintain_test_schema!` in a generated
//! `rails_helper.rb` / `test_helper.rb` calls) says `Migrations are pending.
//! To resolve this issue, run:` then `bin/rails db:migrate RAILS_ENV={env}`
//! and, since Rails 7.1, `You have {n} pending migration(s):` with their
//! files; `errors.rb`'s `NoDatabaseError` says `We could not find your
//! database: {name}. …`. Ruby prints `{Class}: {message}`; RSpec prints the
//! class on its own line (`ActiveRecord::PendingMigrationError:`) under
//! `Failure/Error: {code}`, the message below it.
//!
//! The schema the test database was loaded from (`db/schema.rb` or
//! `structure.sql`) is behind `db/migrate` (a migration committed without
//! the regenerated schema), or the database was not created: a person's
//! remedy. Blockers; the database's name is not a missing file.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "activerecord/database-not-ready",
    grammar: "ActiveRecord::PendingMigrationError:[ {message}] | Migrations are pending. To resolve this issue, run: | \
              ActiveRecord::NoDatabaseError: We could not find your database: {name}. …",
    needles: &[
        "ActiveRecord::PendingMigrationError",
        "Migrations are pending. To resolve this issue, run:",
        "ActiveRecord::NoDatabaseError",
    ],
    check: database_not_ready,
    examples: &[
        ex("ActiveRecord::PendingMigrationError:", Category::Unknown, None),
        ex(
            "ActiveRecord::NoDatabaseError: We could not find your database: shopfront_test. Available database \
             configurations can be found in config/database.yml.",
            Category::Unknown,
            None,
        ),
    ],
}];

fn database_not_ready(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim();
    let text = text.strip_prefix("rails aborted!").map_or(text, str::trim);
    if regex!(
        r"^(?:ActiveRecord::PendingMigrationError(?::|\s*$)|Migrations are pending\. To resolve this issue, run:$)"
    )
    .is_match(text)
    {
        return Some(Hit::blocker(
            "Rails refused to run with migrations pending: db/migrate has migrations the schema the test database \
             was loaded from (db/schema.rb or structure.sql) does not, usually a migration committed without the \
             regenerated schema. A person runs the migration and commits the schema.",
        ));
    }
    let c = regex!(r"^ActiveRecord::NoDatabaseError(?::\s*(?:We could not find your database: ([^.\s]+)\.)?|\s*$)")
        .captures(text)?;
    Some(Hit::blocker(match c.get(1) {
        Some(name) => format!(
            "Rails found no database `{}` on the server: the job did not create it (bin/rails db:create or \
             db:prepare) or its configuration names another.",
            name.as_str()
        ),
        None => "Rails found no database on the server: the job did not create it or its configuration names another."
            .to_string(),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rails_refusals_in_rspecs_and_rubys_forms() {
        for text in [
            "ActiveRecord::PendingMigrationError:",
            "ActiveRecord::PendingMigrationError: Migrations are pending. To resolve this issue, run:",
            "  Migrations are pending. To resolve this issue, run:",
            "ActiveRecord::NoDatabaseError: We could not find your database: shopfront_test. Available database \
             configurations can be found in config/database.yml.",
        ] {
            let hit = database_not_ready(&Line::plain(text)).expect(text);
            assert_eq!((hit.category, hit.fixable), (Category::Unknown, false), "{text}");
        }
        crate::classify::catalogue::assert_reads(
            database_not_ready,
            &[],
            &[
                "rescue ActiveRecord::PendingMigrationError => e",
                "  raise ActiveRecord::NoDatabaseError unless exists?",
            ],
        );
    }
}
