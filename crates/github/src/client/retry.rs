//! When to retry a request and how long to wait, with an injectable clock and sleeper so
//! tests exercise rate limits without waiting.

use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use http::{HeaderMap, StatusCode};

/// Limits on retrying.
#[derive(Debug, Clone)]
pub struct RetryPolicy {
    /// Retries after the first attempt (so `max_retries + 1` attempts in all).
    pub max_retries: u32,
    /// First backoff for 5xx and connection errors; doubles each retry.
    pub base_backoff: Duration,
    pub max_backoff: Duration,
    /// The longest single wait for a rate-limit reset; a later reset fails fast instead.
    pub max_rate_limit_wait: Duration,
    /// Wait for a 429 that names no time (GitHub asks for at least a minute).
    pub secondary_limit_wait: Duration,
    /// The longest all searches of one client (one pass) wait for GitHub's search rate limit
    /// together (`client::search_limit`); past it a search fails at once.
    pub max_search_wait: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_retries: 4,
            base_backoff: Duration::from_secs(1),
            max_backoff: Duration::from_secs(30),
            max_rate_limit_wait: Duration::from_secs(15 * 60),
            secondary_limit_wait: Duration::from_secs(60),
            // Five of the search limit's one-minute windows: the monitor job has twenty.
            max_search_wait: Duration::from_secs(5 * 60),
        }
    }
}

/// What to do with a response.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Accept,
    /// Rate limited: wait this long, then retry.
    RateLimited(Duration),
    /// Transient server failure: back off, then retry.
    Backoff,
    /// Final failure (4xx that is not a rate limit).
    Fail,
}

fn header_i64(headers: &HeaderMap, name: &str) -> Option<i64> {
    headers.get(name)?.to_str().ok()?.trim().parse().ok()
}

/// Whether an error body's `message` says a rate limit was hit. GitHub's docs tell a
/// secondary limit apart from a refusal by this message alone when the answer is a 403 with
/// neither `retry-after` nor an exhausted `x-ratelimit-remaining` ("You have exceeded a
/// secondary rate limit…"), and ask the client to wait at least a minute then.
fn says_rate_limit(body: &[u8]) -> bool {
    serde_json::from_slice::<serde_json::Value>(body)
        .ok()
        .and_then(|v| v.get("message")?.as_str().map(str::to_ascii_lowercase))
        .is_some_and(|m| m.contains("rate limit"))
}

/// Classifies a response. `now_unix` is the current time in seconds since the epoch; `body`
/// is read only for a 403 that carries no rate-limit header.
pub fn decide(status: StatusCode, headers: &HeaderMap, body: &[u8], now_unix: i64, policy: &RetryPolicy) -> Decision {
    if status.is_success() || status.is_redirection() || status.is_informational() {
        return Decision::Accept;
    }
    if status == StatusCode::TOO_MANY_REQUESTS || status == StatusCode::FORBIDDEN {
        if let Some(secs) = header_i64(headers, "retry-after") {
            return Decision::RateLimited(Duration::from_secs(secs.max(0).unsigned_abs()));
        }
        if header_i64(headers, "x-ratelimit-remaining") == Some(0) {
            let wait = header_i64(headers, "x-ratelimit-reset")
                .map(|reset| reset.saturating_sub(now_unix))
                .unwrap_or(60);
            // One extra second: the reset instant itself may still be limited.
            return Decision::RateLimited(Duration::from_secs(wait.max(0).unsigned_abs() + 1));
        }
        if status == StatusCode::TOO_MANY_REQUESTS || says_rate_limit(body) {
            return Decision::RateLimited(policy.secondary_limit_wait);
        }
        return Decision::Fail;
    }
    if status.is_server_error() {
        return Decision::Backoff;
    }
    Decision::Fail
}

/// Backoff before retry number `retry` (0-based): base * 2^retry, capped.
pub fn backoff(policy: &RetryPolicy, retry: u32) -> Duration {
    let factor = 1u32.checked_shl(retry.min(20)).unwrap_or(u32::MAX);
    policy.base_backoff.saturating_mul(factor).min(policy.max_backoff)
}

pub type SleepFuture = Pin<Box<dyn Future<Output = ()> + Send>>;

/// Waits between attempts. Tests inject [`RecordingSleeper`].
pub trait Sleeper: Send + Sync {
    fn sleep(&self, duration: Duration) -> SleepFuture;
}

/// Current time for rate-limit resets.
pub trait Clock: Send + Sync {
    fn now_unix(&self) -> i64;
}

#[derive(Debug, Default, Clone, Copy)]
pub struct TokioSleeper;

impl Sleeper for TokioSleeper {
    fn sleep(&self, duration: Duration) -> SleepFuture {
        Box::pin(tokio::time::sleep(duration))
    }
}

#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now_unix(&self) -> i64 {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
            .unwrap_or(0)
    }
}

/// Returns at once and remembers every requested wait.
#[derive(Debug, Default, Clone)]
pub struct RecordingSleeper {
    sleeps: Arc<Mutex<Vec<Duration>>>,
}

impl RecordingSleeper {
    pub fn sleeps(&self) -> Vec<Duration> {
        self.sleeps.lock().map(|s| s.clone()).unwrap_or_default()
    }
}

impl Sleeper for RecordingSleeper {
    fn sleep(&self, duration: Duration) -> SleepFuture {
        if let Ok(mut sleeps) = self.sleeps.lock() {
            sleeps.push(duration);
        }
        Box::pin(std::future::ready(()))
    }
}

/// A clock fixed at a given instant.
#[derive(Debug, Clone, Copy)]
pub struct FixedClock(pub i64);

impl Clock for FixedClock {
    fn now_unix(&self) -> i64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            if let Ok(value) = value.parse() {
                map.insert(*name, value);
            }
        }
        map
    }

    #[test]
    fn retry_after_wins() {
        let p = RetryPolicy::default();
        let h = headers(&[("retry-after", "7")]);
        assert_eq!(
            decide(StatusCode::TOO_MANY_REQUESTS, &h, b"", 0, &p),
            Decision::RateLimited(Duration::from_secs(7))
        );
        assert_eq!(
            decide(StatusCode::FORBIDDEN, &h, b"", 0, &p),
            Decision::RateLimited(Duration::from_secs(7))
        );
    }

    #[test]
    fn exhausted_primary_limit_waits_until_reset() {
        let p = RetryPolicy::default();
        let h = headers(&[("x-ratelimit-remaining", "0"), ("x-ratelimit-reset", "1030")]);
        assert_eq!(
            decide(StatusCode::FORBIDDEN, &h, b"", 1000, &p),
            Decision::RateLimited(Duration::from_secs(31))
        );
        // A reset in the past still waits a second rather than hammering.
        assert_eq!(
            decide(StatusCode::FORBIDDEN, &h, b"", 2000, &p),
            Decision::RateLimited(Duration::from_secs(1))
        );
    }

    #[test]
    fn plain_forbidden_and_client_errors_fail_server_errors_back_off() {
        let p = RetryPolicy::default();
        let none = HeaderMap::new();
        assert_eq!(decide(StatusCode::FORBIDDEN, &none, b"", 0, &p), Decision::Fail);
        assert_eq!(
            decide(StatusCode::UNPROCESSABLE_ENTITY, &none, b"", 0, &p),
            Decision::Fail
        );
        assert_eq!(decide(StatusCode::BAD_GATEWAY, &none, b"", 0, &p), Decision::Backoff);
        assert_eq!(decide(StatusCode::FOUND, &none, b"", 0, &p), Decision::Accept);
        assert_eq!(
            decide(StatusCode::TOO_MANY_REQUESTS, &none, b"", 0, &p),
            Decision::RateLimited(p.secondary_limit_wait)
        );
    }

    #[test]
    fn a_forbidden_secondary_limit_without_headers_waits_a_minute() {
        let p = RetryPolicy::default();
        // A secondary limit may leave x-ratelimit-remaining above zero.
        let h = headers(&[("x-ratelimit-remaining", "14"), ("x-ratelimit-reset", "1030")]);
        let body = br#"{"message": "You have exceeded a secondary rate limit. Please wait a few minutes before you try again."}"#;
        assert_eq!(
            decide(StatusCode::FORBIDDEN, &h, body, 1000, &p),
            Decision::RateLimited(p.secondary_limit_wait)
        );
        let refusal = br#"{"message": "Resource not accessible by integration"}"#;
        assert_eq!(decide(StatusCode::FORBIDDEN, &h, refusal, 1000, &p), Decision::Fail);
        assert_eq!(decide(StatusCode::FORBIDDEN, &h, b"not json", 1000, &p), Decision::Fail);
    }

    #[test]
    fn backoff_doubles_and_caps() {
        let p = RetryPolicy::default();
        assert_eq!(backoff(&p, 0), Duration::from_secs(1));
        assert_eq!(backoff(&p, 3), Duration::from_secs(8));
        assert_eq!(backoff(&p, 10), Duration::from_secs(30));
        assert_eq!(backoff(&p, u32::MAX), Duration::from_secs(30));
    }
}
