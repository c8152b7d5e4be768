//! The Prisma CLI.
//!
//! Source: `@prisma/internals`' schema lookup (`getSchemaPath`,
//! `packages/internals/src/cli/getSchema.ts`): a `--schema` path that is not
//! there stops every command (`generate`, `migrate deploy`, `db push`, …)
//! before it reads anything else. Older releases throw `Provided --schema at
//! {path} doesn't exist.`; those that read multi-file schemas `Could not load
//! `--schema` from provided path `{path}`: file or directory not found`. The
//! CLI prints either as `Error: {message}`. The path is the one the command
//! line gave, relative to where the command ran: a file of the checkout.

use super::util::{path_hit, regex};
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "prisma/schema-not-found",
    grammar: "Error: Provided --schema at {path} doesn't exist. | Error: Could not load `--schema` from provided path \
              `{path}`: file or directory not found",
    needles: &[
        "Provided --schema at ",
        "Could not load `--schema` from provided path `",
    ],
    check: schema_not_found,
    examples: &[
        ex(
            "Error: Provided --schema at prisma/schema.prisma doesn't exist.",
            Category::FileNotFound,
            Some("prisma/schema.prisma"),
        ),
        ex(
            "Error: Could not load `--schema` from provided path `apps/api/prisma/schema.prisma`: file or directory \
             not found",
            Category::FileNotFound,
            Some("apps/api/prisma/schema.prisma"),
        ),
    ],
}];

fn schema_not_found(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(
        r"^(?:Error: )?(?:Provided --schema at (\S+) doesn't exist\.|Could not load `--schema` from provided path `([^`]+)`: file or directory not found)$"
    )
    .captures(line.text.trim())?;
    let path = c.get(1).or_else(|| c.get(2))?.as_str();
    Some(path_hit(
        path,
        0.8,
        "The Prisma CLI was given a schema (--schema) that does not exist.",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Both releases' forms give the path the command line named; a path
    /// outside the workspace is named but never fixed, and a quote of the
    /// message inside other text is not Prisma's report.
    #[test]
    fn the_schema_the_command_line_named() {
        for (text, path) in [
            (
                "Provided --schema at ./db/schema.prisma doesn't exist.",
                "db/schema.prisma",
            ),
            (
                "Error: Could not load `--schema` from provided path `prisma/schema`: file or directory not found",
                "prisma/schema",
            ),
        ] {
            let hit = schema_not_found(&Line::plain(text)).expect(text);
            assert_eq!(
                (hit.category, hit.subject.as_deref(), hit.fixable),
                (Category::FileNotFound, Some(path), true),
                "{text}"
            );
        }
        let outside = schema_not_found(&Line::plain(
            "Error: Provided --schema at /tmp/schema.prisma doesn't exist.",
        ))
        .expect("read");
        assert!(!outside.fixable);
        crate::classify::catalogue::assert_reads(
            schema_not_found,
            &[],
            &["expect(out).toContain('Provided --schema at x.prisma doesn't exist.')"],
        );
    }
}
