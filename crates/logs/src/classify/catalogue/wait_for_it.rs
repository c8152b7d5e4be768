//! wait-for-it.sh, the shell script that waits for a TCP port.
//!
//! Source: vishnubob/wait-for-it's `wait-for-it.sh`: `echoerr
//! "$WAITFORIT_cmdname: waiting $WAITFORIT_TIMEOUT seconds for
//! $WAITFORIT_HOST:$WAITFORIT_PORT"`, then, when the port never accepted a
//! connection in that time, `"$WAITFORIT_cmdname: timeout occurred after
//! waiting $WAITFORIT_TIMEOUT seconds for $WAITFORIT_HOST:$WAITFORIT_PORT"`
//! (exit 124, `timeout`'s), and with `--strict` `"$WAITFORIT_cmdname: strict
//! mode, refusing to execute subprocess"` after it (a consequence).
//!
//! The time is the script's own `--timeout`, not the job's limit: the
//! service never answered at that host and port (a service container
//! without a `ports:` mapping for a job on the runner, `localhost` from a
//! container job, a service that did not start). A blocker whose message
//! says so, never `timeout`.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "wait_for_it/timeout",
        grammar: "{cmdname}: timeout occurred after waiting {n} seconds for {host}:{port}",
        needles: &["timeout occurred after waiting "],
        check: timed_out,
        examples: &[ex(
            "wait-for-it.sh: timeout occurred after waiting 60 seconds for localhost:5432",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "wait_for_it/strict-refusal",
        grammar: "{cmdname}: strict mode, refusing to execute subprocess",
        needles: &["strict mode, refusing to execute subprocess"],
        check: strict_refusal,
        examples: &[ex(
            "wait-for-it.sh: strict mode, refusing to execute subprocess",
            Category::Unknown,
            None,
        )],
    },
];

fn timed_out(line: &Line<'_>) -> Option<Hit> {
    let c =
        regex!(r"^(\S+): timeout occurred after waiting (\d+) seconds for (\S+):(\d+)$").captures(line.text.trim())?;
    Some(Hit::blocker(format!(
        "{} waited its own {} seconds (its --timeout, not the job's time limit) and nothing accepted connections at \
         {}:{}: the service is not reachable there (a service container without a `ports:` mapping for a job on \
         the runner, `localhost` from a container job, or a service that did not start).",
        &c[1], &c[2], &c[3], &c[4]
    )))
}

fn strict_refusal(line: &Line<'_>) -> Option<Hit> {
    regex!(r"^\S+: strict mode, refusing to execute subprocess$")
        .is_match(line.text.trim())
        .then(|| Hit::notice("wait-for-it did not run its command because the wait before it failed."))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scripts_own_wait_is_not_the_jobs_limit() {
        let hit = timed_out(&Line::plain(
            "wait-for-it.sh: timeout occurred after waiting 60 seconds for localhost:5432",
        ))
        .expect("read");
        assert_eq!((hit.category, hit.fixable), (Category::Unknown, false));
        assert!(hit.message.contains("not the job's time limit") && hit.message.contains("localhost:5432"));
        let trailer = strict_refusal(&Line::plain(
            "wait-for-it.sh: strict mode, refusing to execute subprocess",
        ))
        .expect("read");
        assert_eq!(trailer.strength, crate::classify::hit::Strength::Weak);
        crate::classify::catalogue::assert_reads(timed_out, &[], &["wait-for-it.sh: waiting 60 seconds for db:5432"]);
    }
}
