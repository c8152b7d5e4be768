//! The Supabase CLI.
//!
//! Source: the CLI's access-token check (`internal/utils/access_token.go`,
//! `ErrMissingToken`): a command that talks to the platform (`link`, `db
//! push`, `functions deploy`, …) without `SUPABASE_ACCESS_TOKEN` and without a
//! `supabase login` stops with `Access token not provided. Supply an access
//! token by running supabase login or setting the SUPABASE_ACCESS_TOKEN
//! environment variable.` (newer releases quote `supabase login` in
//! backticks); the CLI then prints its generic `Try rerunning the command with
//! --debug to troubleshoot the error.`, which says nothing. A secret the job
//! does not get (a fork's pull request) or never set: for a person.

use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "supabase/access-token-missing",
    grammar: "Access token not provided. Supply an access token by running supabase login or setting the \
              SUPABASE_ACCESS_TOKEN environment variable.",
    needles: &["Access token not provided. Supply an access token"],
    check: access_token_missing,
    examples: &[ex(
        "Access token not provided. Supply an access token by running supabase login or setting the \
         SUPABASE_ACCESS_TOKEN environment variable.",
        Category::Unknown,
        None,
    )],
}];

fn access_token_missing(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim();
    // The message starts the line (the CLI's error output; a timestamped
    // debug logger puts its date first).
    let at = text.find("Access token not provided. Supply an access token")?;
    (at == 0 || super::util::regex!(r"^\d{4}/\d\d/\d\d \d\d:\d\d:\d\d $").is_match(&text[..at])).then(|| {
        Hit::blocker(
            "The Supabase CLI has no access token: SUPABASE_ACCESS_TOKEN is empty or not set (a secret a fork's \
             pull request does not get, or one never set) and no `supabase login` ran.",
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_missing_token_not_a_quote_of_it() {
        crate::classify::catalogue::assert_reads(
            access_token_missing,
            &[
                "Access token not provided. Supply an access token by running `supabase login` or setting the \
                 SUPABASE_ACCESS_TOKEN environment variable.",
                "2026/05/21 20:36:21 Access token not provided. Supply an access token by running supabase login or \
                 setting the SUPABASE_ACCESS_TOKEN environment variable.",
            ],
            &["echo \"Access token not provided. Supply an access token first\""],
        );
    }
}
