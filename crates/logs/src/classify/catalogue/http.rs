//! HTTP status lines as any client prints them (curl, wget, requests, Go's
//! net/http, .NET's HttpClient, the package managers): the status code says
//! *what* happened; the URL's host (or the service the message names) says
//! *which* service did it.
//!
//! Sources: RFC 6585 (429 Too Many Requests), RFC 9110 (403, 5xx), curl's
//! `The requested URL returned error: {code}`, .NET's `Response status code does
//! not indicate success: {code} ({reason}).`, requests' `{code} Client Error:
//! {reason} for url: {url}`, pip's `HTTP error {code} while getting {url}`, the JDK's
//! `HttpURLConnection` (`Server returned HTTP response code: {code} for URL: {url}`), uv's
//! `HTTP status client error ({code} {reason}) for url ({url})`, and Sonatype's
//! Maven Central throttling text (`has hit the rate limit with Maven Central`).

use super::util::{host_near, is_loopback_host, rate_limit_hit, regex, service_near};
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::{Category, RateLimitService};

/// The id of curl's retry notice, which ranking reads (`rank.rs`).
pub const CURL_RETRY: &str = "http/curl-retry";

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "http/too-many-requests",
        grammar: "429 Too Many Requests | Too Many Requests (429) | returned error: 429 | HTTP error 429 while getting \
                  {url} | 429 Client Error: Too Many Requests for url: {url} | (429 Too Many Requests) for url ({url}) | \
                  (429) Too Many Requests | Server returned HTTP response code: 429 for URL: {url} (the JDK's \
                  HttpURLConnection, e.g. the Gradle wrapper's download)",
        needles: &["429", "Too Many Requests", "too many requests"],
        check: too_many_requests,
        examples: &[
            ex(
                "ERROR: HTTP error 429 while getting https://files.pythonhosted.org/packages/ab/cd/numpy-2.0.tar.gz",
                Category::RateLimit,
                Some("PyPI"),
            ),
            ex(
                "curl: (22) The requested URL returned error: 429",
                Category::RateLimit,
                Some("a service"),
            ),
            ex(
                "java.io.IOException: Server returned HTTP response code: 429 for URL: \
                 https://services.gradle.org/distributions/gradle-8.11.1-bin.zip",
                Category::RateLimit,
                Some("Gradle distribution server"),
            ),
            ex(
                "error: failed to copy: httpReadSeeker: failed open: unexpected status code \
                 https://ghcr.io/v2/acme/base/blobs/sha256:00: 429 Too Many Requests",
                Category::RateLimit,
                Some("GitHub Container Registry"),
            ),
        ],
    },
    Entry {
        id: "http/urllib3-too-many-429",
        grammar: "HTTPSConnectionPool(host='{host}', port={port}): Max retries exceeded with url: {path} (Caused by \
                  ResponseError('too many 429 error responses')) | WARNING: Retrying (Retry(total={n}, …)) after \
                  connection broken by 'ResponseError('too many 429 error responses')': {path}",
        needles: &["too many 429 error responses"],
        check: urllib3_too_many_429,
        examples: &[
            ex(
                "pip._vendor.urllib3.exceptions.MaxRetryError: HTTPSConnectionPool(host='pypi.org', port=443): Max \
                 retries exceeded with url: /simple/twine/ (Caused by ResponseError('too many 429 error responses'))",
                Category::RateLimit,
                Some("PyPI"),
            ),
            ex(
                "HTTPSConnectionPool(host='api.example.org', port=443): Max retries exceeded with url: /v1/x (Caused \
                 by ResponseError('too many 429 error responses'))",
                Category::RateLimit,
                Some("a service"),
            ),
        ],
    },
    Entry {
        id: CURL_RETRY,
        grammar: "Warning: Problem : {reason}. Will retry in {n} seconds. {m} retries left. (curl --retry) | Warning: \
                  Transient problem: {reason} Will retry in {n} seconds. {m} retries left. (curl before 7.66)",
        needles: &["Will retry in"],
        check: curl_retry,
        examples: &[ex(
            "Warning: Problem : HTTP error. Will retry in 2 seconds. 4 retries left.",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "http/rate-limit-wording",
        grammar: "{client}: rate limit exceeded | has hit the rate limit with {service} | You have reached your rate \
                  limit",
        needles: &["rate limit"],
        check: rate_limit_wording,
        examples: &[ex(
            "Your IP: 20.1.2.3 has hit the rate limit with Maven Central. Too many requests.",
            Category::RateLimit,
            Some("Maven Central"),
        )],
    },
    Entry {
        id: "http/server-error",
        grammar: "{5xx} {reason} | Response status code does not indicate success: {code} ({reason}). | The requested \
                  URL returned error: {5xx}",
        needles: &[
            "does not indicate success",
            "Service Unavailable",
            "Bad Gateway",
            "Gateway Timeout",
            "Internal Server Error",
            "returned error: 5",
        ],
        check: server_error,
        examples: &[ex(
            "Error: Response status code does not indicate success: 503 (Service Unavailable).",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "http/forbidden",
        grammar: "403 Forbidden | (Forbidden) | returned error: 403 | HTTP 403",
        needles: &["Forbidden", "error: 403", "HTTP 403"],
        check: forbidden,
        examples: &[ex(
            "fatal: unable to access 'https://github.com/acme/private.git/': The requested URL returned error: 403",
            Category::Unknown,
            None,
        )],
    },
];

fn too_many_requests(line: &Line<'_>) -> Option<Hit> {
    let text = line.text;
    let status = regex!(
        r"(?i)\b429\s+(?:Too Many Requests|Client Error)|Too Many Requests\s*\(429\)|\(429\)|returned error: 429\b|HTTP(?: error| status| status code|/\d(?:\.\d)?)? 429\b|status code:? 429\b|got 429\b|429 TOO MANY REQUESTS|HTTP response code: 429\b"
    )
    .is_match(text)
        || text.contains("Too Many Requests") && !line.is_warning();
    if !status || answered_by_the_job(line) || frame_argument(line.text) {
        return None;
    }
    let service = service_near(line).unwrap_or(RateLimitService::Other);
    let message = match service {
        RateLimitService::Other => match super::util::url_host(text) {
            Some(host) => format!(
                "{} answered 429 Too Many Requests (a service autoheal does not name).",
                crate::subject::display_text(host)
            ),
            None => "A server answered 429 Too Many Requests (its service is not one autoheal names).".to_string(),
        },
        s => format!("{} answered 429 Too Many Requests.", s.display_name()),
    };
    Some(rate_limit_hit(
        service,
        None,
        if service == RateLimitService::Other { 0.55 } else { 0.85 },
        &message,
    ))
}

/// Whether the server the status is about runs on the runner itself (its
/// URL's host is a loopback address): a test's mock server or a service the
/// job started answered, so the code under test printed the status; no
/// service's limit was reached. What failed is read from the test's own
/// report.
fn answered_by_the_job(line: &Line<'_>) -> bool {
    host_near(line).is_some_and(is_loopback_host)
}

/// Whether `text` is a value pytest shows in a traceback, not a message: its
/// long traceback lists each frame's arguments as `{name} = {repr}` (and
/// `--showlocals` its locals), and an HTTP client's response repr is
/// `<Response [429 Too Many Requests]>` (httpx) or `<Response [429]>`
/// (requests). The request it stands for is reported by the error the frame
/// raised, read on its own line.
fn frame_argument(text: &str) -> bool {
    regex!(r"^\s*[A-Za-z_]\w* = <.*>\s*$").is_match(text)
}

fn urllib3_too_many_429(line: &Line<'_>) -> Option<Hit> {
    let text = line.text;
    let pool_host = regex!(r"ConnectionPool\(host='([^']+)'").captures(text);
    if pool_host.as_ref().is_some_and(|c| is_loopback_host(&c[1])) || answered_by_the_job(line) {
        return None;
    }
    let service = match pool_host {
        Some(c) => super::util::service_for_host(&c[1]).unwrap_or(RateLimitService::Other),
        None => match service_near(line) {
            Some(s) => s,
            // pip's default index serves the PEP 503 `/simple/` API, but so
            // does any index pip was pointed at instead; only without such a
            // setting is the path PyPI's.
            None if regex!(r"': /simple/").is_match(text) && !custom_python_index(line) => RateLimitService::Pypi,
            None => RateLimitService::Other,
        },
    };
    Some(rate_limit_hit(
        service,
        None,
        if service == RateLimitService::Other { 0.55 } else { 0.85 },
        &format!(
            "{} kept answering 429 Too Many Requests until the client gave up retrying.",
            match service {
                RateLimitService::Other => "A server",
                s => s.display_name(),
            }
        ),
    ))
}

/// Whether pip was pointed at an index other than PyPI: its options
/// (`--index-url`/`-i`, `--extra-index-url`) or environment (`PIP_INDEX_URL`,
/// `PIP_EXTRA_INDEX_URL`, shown in the step's `env:` header) in the step's
/// script, or pip's own `Looking in indexes: {urls}`, which pip prints only
/// when the index list is not PyPI's alone (`pip/_internal/cli/req_command.py`).
fn custom_python_index(line: &Line<'_>) -> bool {
    let option = regex!(r"(?:^|\s)(?:--index-url|--extra-index-url|-i)[\s=]\S|PIP_(?:EXTRA_)?INDEX_URL");
    option.is_match(line.script) || line.recent.iter().any(|l| l.contains("Looking in indexes:"))
}

/// curl's notice before it retries a transfer (`--retry`), from curl's
/// `tool_operate.c`: `Warning: Problem : HTTP error. Will retry in {n}
/// seconds. {m} retries left.` (curl 7.x before 7.66 wrote `Transient
/// problem: HTTP error Will retry in …`). The error printed just before it was
/// one attempt, not the outcome; ranking weakens it (`rank.rs`).
fn curl_retry(line: &Line<'_>) -> Option<Hit> {
    regex!(r"(?:Transient problem|Problem)\s*:.*Will retry in \d+ seconds?\.? \d+ retr(?:y|ies) left")
        .is_match(line.text)
        .then(|| Hit::notice("curl retried a transfer."))
}

fn rate_limit_wording(line: &Line<'_>) -> Option<Hit> {
    let text = line.text;
    let lower = text.to_ascii_lowercase();
    let hit_limit = lower.contains("rate limit exceeded")
        || lower.contains("hit the rate limit")
        || lower.contains("reached your rate limit")
        || lower.contains("rate limit reached");
    if !hit_limit || line.is_warning() || answered_by_the_job(line) {
        return None;
    }
    let service = service_near(line).unwrap_or(RateLimitService::Other);
    Some(rate_limit_hit(
        service,
        None,
        if service == RateLimitService::Other { 0.5 } else { 0.8 },
        "A service's rate limit was exceeded.",
    ))
}

fn server_error(line: &Line<'_>) -> Option<Hit> {
    let text = line.text;
    let five = regex!(r"\b5\d\d\b").is_match(text)
        || [
            "Service Unavailable",
            "Bad Gateway",
            "Gateway Timeout",
            "Internal Server Error",
        ]
        .iter()
        .any(|r| text.contains(r));
    if five {
        return Some(Hit::blocker(
            "A server failed (HTTP 5xx): an outage on the service's side; rerun later.",
        ));
    }
    if text.contains("does not indicate success: 403") || text.contains("does not indicate success: 404") {
        return Some(Hit::blocker("A download was refused or not found (HTTP 403/404)."));
    }
    None
}

fn forbidden(line: &Line<'_>) -> Option<Hit> {
    let text = line.text;
    (text.contains("403") || text.contains("(Forbidden)") || text.contains("Forbidden:")).then(|| {
        Hit::blocker(
            "The server refused the request (HTTP 403): missing permissions or credentials, not a rate limit unless \
             the message says so.",
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 429 from a server on the runner itself (a test's mock) is the code
    /// under test's, not a registry's limit: no rate-limit finding, whether
    /// the URL is on the line or on the request line before it.
    #[test]
    fn a_429_from_a_loopback_server_is_no_rate_limit() {
        let recent = ["mock_api = <MockServer http://127.0.0.1:45121>"];
        let wget = ["--2026-12-06 10:00:00--  http://127.0.0.1:8080/api"];
        let curl = ["curl -fsS http://localhost:3000/api/items"];
        for (text, recent) in [
            ("2026-12-06 10:00:00 ERROR 429: Too Many Requests.", &wget[..]),
            ("curl: (22) The requested URL returned error: 429", &curl[..]),
            (
                "E       httpx.HTTPStatusError: Client error '429 Too Many Requests' for url \
                 'http://127.0.0.1:45121/v1/charges/ch_1'",
                &[][..],
            ),
            ("self = <Response [429 Too Many Requests]>", &recent[..]),
            (
                "Error: Request failed with status code 429 (GET http://localhost:3000/api)",
                &[][..],
            ),
            ("rate limit exceeded for http://[::1]:8080/v1/items", &[][..]),
        ] {
            let line = Line {
                recent,
                ..Line::plain(text)
            };
            assert!(too_many_requests(&line).is_none(), "{text}");
            assert!(rate_limit_wording(&line).is_none(), "{text}");
        }
        let pool = Line::plain(
            "requests.exceptions.RetryError: HTTPConnectionPool(host='localhost', port=8089): Max retries exceeded \
             with url: /v1 (Caused by ResponseError('too many 429 error responses'))",
        );
        assert!(urllib3_too_many_429(&pool).is_none());
        // pytest's listing of a frame's argument is a value, not a message.
        assert!(too_many_requests(&Line::plain("self = <Response [429 Too Many Requests]>")).is_none());
        // A status without a URL is not about a loopback server another line
        // merely mentions (issue 12): which server answered is unknown, and a
        // 429 is still a limit reached.
        for recent in [
            &["Server listening on http://localhost:3000", "Downloading fixtures"][..],
            &recent[..],
        ] {
            let line = Line {
                recent,
                ..Line::plain("curl: (22) The requested URL returned error: 429")
            };
            assert_eq!(
                too_many_requests(&line).map(|h| h.category),
                Some(Category::RateLimit),
                "{recent:?}"
            );
        }
        // A registry's URL is still its limit.
        let npm = Line::plain("npm error 429 Too Many Requests - GET https://registry.npmjs.org/left-pad");
        assert_eq!(
            too_many_requests(&npm).map(|h| (h.category, h.subject)),
            Some((Category::RateLimit, Some("npm registry".to_string())))
        );
    }
}
