//! Hex, Elixir's package manager (the `hex` archive Mix runs for `mix
//! deps.get`).
//!
//! Source: `Hex.SCM` (hexpm/hex `lib/hex/scm.ex`): a package tarball that
//! does not download prints the reason with `Hex.Shell.error`, then Mix
//! raises `Package fetch failed and no cached copy available ({tarball
//! url})` (`** (Mix) …`, [`super::elixir`]). The reason is `Request failed
//! ({status})` for an HTTP status other than 200/304, `Request failed
//! (:timeout)` (followed by its advice to lower `HEX_HTTP_CONCURRENCY` and
//! raise `HEX_HTTP_TIMEOUT`), or `Request failed ({inspected error})`. Mix
//! announces each package as `* Getting {name} (Hex package)` before it is
//! fetched, so that line (or `Resolving Hex dependencies...`) just before
//! tells Hex's `Request failed` from another program's.
//!
//! A `429` is Hex.pm's rate limit (`rate_limit`, Hex.pm: the retry wraps
//! `mix deps.get`); any other reason is a download that failed (a timeout, a
//! server error: an install failure, for a person).

use super::util::{rate_limit_hit, regex};
use super::{Entry, ex_after};
use crate::classify::hit::{Hit, Line};
use crate::report::{Category, RateLimitService};

pub const ENTRIES: &[Entry] = &[Entry {
    id: "hex/request-failed",
    grammar: "Request failed ({status} | :timeout | {inspected error}) (Hex.SCM's reason, after Mix's `* Getting {name} \
              (Hex package)`)",
    needles: &["Request failed ("],
    check: request_failed,
    examples: &[
        ex_after(
            &["* Getting phoenix (Hex package)"],
            "Request failed (429)",
            Category::RateLimit,
            Some("Hex.pm"),
        ),
        ex_after(
            &["* Getting plug (Hex package)"],
            "Request failed (:timeout)",
            Category::Unknown,
            None,
        ),
    ],
}];

/// Mix announced a Hex package (or Hex's resolution) just before.
fn after_hex(line: &Line<'_>) -> bool {
    line.recent
        .iter()
        .any(|l| l.trim_end().ends_with("(Hex package)") || l.contains("Resolving Hex dependencies"))
}

fn request_failed(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^Request failed \((\S[^()]*)\)$").captures(line.text.trim())?;
    if !after_hex(line) {
        return None;
    }
    let reason = &c[1];
    if reason == "429" {
        return Some(rate_limit_hit(
            RateLimitService::HexPm,
            None,
            0.85,
            "Hex.pm refused a package download with 429 Too Many Requests (its rate limit).",
        ));
    }
    Some(Hit::install_failure(format!(
        "Hex could not download a package ({reason}): a network or server failure, not a rate limit; Mix stops \
         without a cached copy."
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn after<'a>(recent: &'a [&'a str], text: &'a str) -> Option<Hit> {
        request_failed(&Line {
            recent,
            ..Line::plain(text)
        })
    }

    #[test]
    fn only_hex_s_reason_after_a_hex_package() {
        let getting = ["* Getting jason (Hex package)"];
        let hit = after(&getting, "Request failed (429)").expect("read");
        assert_eq!(
            (hit.category, hit.subject.as_deref(), hit.fixable),
            (Category::RateLimit, Some("Hex.pm"), true)
        );
        let timeout = after(&getting, "Request failed (:timeout)").expect("read");
        assert_eq!((timeout.category, timeout.fixable), (Category::Unknown, false));
        let server = after(&getting, "Request failed (503)").expect("read");
        assert_eq!(server.category, Category::Unknown);
        // Another program's wording, with no Hex package before it.
        assert!(after(&["Downloading report"], "Request failed (429)").is_none());
        assert!(after(&getting, "Request failed (429) after 3 attempts").is_none());
    }
}
