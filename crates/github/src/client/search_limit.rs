//! GitHub's search rate limit: 30 requests a minute for an authenticated token (10 without),
//! a budget of its own apart from the 5,000 an hour of the rest of the REST API, shared by
//! every search the token makes. `heal --many` searches for rules in many repositories at
//! once, so the client asks one search at a time (GitHub's best practices: requests in
//! series, not concurrently), waits for the window's reset when the last answer said none
//! is left (`x-ratelimit-remaining: 0`, `x-ratelimit-reset`) instead of asking to be
//! refused, and retries a refusal after the wait it names (`retry-after`, the reset; a
//! secondary limit naming neither: a minute, doubled while refusals repeat). All searches
//! of one client (one pass) wait at most [`RetryPolicy::max_search_wait`] together; past it
//! a search fails at once with [`Error::SearchLimited`], so a pass never hangs on search.

use std::time::Duration;

use http::HeaderMap;

use super::retry::RetryPolicy;
use crate::error::Error;

/// What the latest search answer said of the window, and how long searches have waited.
#[derive(Debug, Default)]
pub(crate) struct SearchWindow {
    /// `x-ratelimit-remaining` of the latest answer counted against the search resource.
    remaining: Option<u64>,
    /// Its `x-ratelimit-reset` (unix seconds).
    reset_at: Option<i64>,
    /// Every wait of this client's searches so far.
    waited: Duration,
}

/// The header's integer value.
fn header_i64(headers: &HeaderMap, name: &str) -> Option<i64> {
    headers.get(name)?.to_str().ok()?.trim().parse().ok()
}

impl SearchWindow {
    /// Reads an answer's rate-limit headers; only those counted against the search resource
    /// (`x-ratelimit-resource: search`, or no resource named) describe the search window.
    pub(crate) fn note(&mut self, headers: &HeaderMap) {
        let resource = headers.get("x-ratelimit-resource").and_then(|v| v.to_str().ok());
        if resource.is_some_and(|r| !r.eq_ignore_ascii_case("search")) {
            return;
        }
        self.remaining = header_i64(headers, "x-ratelimit-remaining").and_then(|n| u64::try_from(n).ok());
        self.reset_at = header_i64(headers, "x-ratelimit-reset");
    }

    /// How long to wait before the next search: until the reset (and one second, as the
    /// reset instant may still be limited) when the latest answer left none.
    pub(crate) fn wait_before_next(&self, now_unix: i64) -> Option<Duration> {
        if self.remaining != Some(0) {
            return None;
        }
        let reset = self.reset_at?;
        Some(Duration::from_secs(
            reset.saturating_sub(now_unix).max(0).unsigned_abs() + 1,
        ))
    }

    /// Takes `wait` from the budget, or says it cannot: the error names all the search
    /// has waited and the budget.
    pub(crate) fn spend(&mut self, wait: Duration, policy: &RetryPolicy, path: &str) -> Result<(), Error> {
        if self.waited + wait > policy.max_search_wait {
            return Err(Error::SearchLimited {
                path: path.to_string(),
                waited_secs: self.waited.as_secs(),
                budget_secs: policy.max_search_wait.as_secs(),
            });
        }
        self.waited += wait;
        // The wait ends the window the latest answer described.
        self.remaining = None;
        Ok(())
    }
}

/// The wait before retry `refusal` (1-based) of a refused search: what GitHub named, and
/// for a refusal that repeats, at least twice the wait before it (GitHub: "wait for an
/// exponentially increasing amount of time between retries").
pub(crate) fn refusal_wait(stated: Duration, previous: Duration, refusal: u32) -> Duration {
    if refusal <= 1 {
        stated
    } else {
        stated.max(previous.saturating_mul(2))
    }
}
