//! The one HTTP path to GitHub: octocrab underneath (transport, and its `Page` for
//! pagination), with our retries, rate-limit waits, timeouts, size caps, redaction and
//! dry-run on top. `endpoints.rs` holds the typed endpoints.

pub mod config;
pub mod dry_run;
pub mod endpoints;
pub mod retry;
mod search_limit;
pub mod secret;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use bytes::Bytes;
use http::header::{ACCEPT, CONTENT_LENGTH, LOCATION};
use http::{HeaderMap, HeaderName, Method, StatusCode};
use http_body_util::{BodyExt, Full};
use octocrab::{FromResponse, Octocrab, Page};
use serde::de::DeserializeOwned;
use serde_json::Value;

use self::config::ClientConfig;
use self::dry_run::{PlannedWrite, posted_text, summarize};
use self::retry::{Clock, Decision, Sleeper, SystemClock, TokioSleeper, backoff, decide};
use self::search_limit::{SearchWindow, refusal_wait};
use self::secret::Redactor;
use crate::error::{Error, Result, is_workflows_refusal};

/// Pages followed before giving up on a `Link: rel="next"` chain (100 items a page).
const MAX_PAGES: usize = 1000;
/// All pages of one list together: this many times the cap of one response.
const MAX_LIST_RESPONSES: u64 = 8;
/// Redirect hops followed for a log download.
const MAX_REDIRECTS: usize = 5;

/// A fully read response.
#[derive(Debug, Clone)]
pub struct RawResponse {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

/// The GitHub REST client. Cheap to clone; clones share the dry-run record.
#[derive(Clone)]
pub struct GitHub {
    api: Octocrab,
    /// Has no credentials at all: used for redirect targets (log blob storage).
    anonymous: Octocrab,
    config: Arc<ClientConfig>,
    redactor: Redactor,
    sleeper: Arc<dyn Sleeper>,
    clock: Arc<dyn Clock>,
    planned: Arc<Mutex<Vec<PlannedWrite>>>,
    /// GitHub's search rate limit as this client's searches saw it; held for the whole of a
    /// search, so searches go one at a time (`search_limit`).
    search: Arc<tokio::sync::Mutex<SearchWindow>>,
    /// When the pass's time budget runs out (`ClientConfig::pass_budget`, from `new`).
    deadline: Option<tokio::time::Instant>,
    /// The writes made so far (`METHOD path`, redacted), so a pass stopped by its budget says
    /// what it left behind.
    written: Arc<Mutex<Vec<String>>>,
}

/// What [`GitHub::send`] does with an answer that says a rate limit was hit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RateLimits {
    /// Wait as the answer says and retry, within the retry policy.
    Wait,
    /// Return [`Error::RateLimited`] at once with the wait it names: the caller paces.
    Surface,
}

impl std::fmt::Debug for GitHub {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GitHub")
            .field("api_url", &self.config.api_url)
            .field("authenticated", &self.config.token.is_some())
            .field("dry_run", &self.config.dry_run)
            .finish_non_exhaustive()
    }
}

fn build_octocrab(config: &ClientConfig, with_token: bool) -> Result<Octocrab> {
    let per_phase = Some(config.request_timeout);
    let mut builder = Octocrab::builder()
        .base_uri(config.api_url.as_str())
        .map_err(|e| Error::Config(format!("invalid API URL: {e}")))?
        .set_connect_timeout(Some(config.request_timeout.min(Duration::from_secs(30))))
        .set_read_timeout(per_phase)
        .set_write_timeout(per_phase)
        .add_header(ACCEPT, "application/vnd.github+json".to_string())
        .add_header(
            HeaderName::from_static("x-github-api-version"),
            "2022-11-28".to_string(),
        );
    if let Some(token) = config.token.as_ref().filter(|_| with_token) {
        builder = builder.personal_token(token.expose().to_string());
    }
    builder
        .build()
        .map_err(|e| Error::Config(format!("cannot build the HTTP client: {e}")))
}

impl GitHub {
    /// Builds the client. Must be called inside a tokio runtime.
    pub fn new(config: ClientConfig) -> Result<GitHub> {
        GitHub::with_timing(config, Arc::new(TokioSleeper), Arc::new(SystemClock))
    }

    /// Like [`GitHub::new`] with an injected sleeper and clock (tests use
    /// [`crate::RecordingSleeper`] so rate-limit waits take no time).
    pub fn with_timing(config: ClientConfig, sleeper: Arc<dyn Sleeper>, clock: Arc<dyn Clock>) -> Result<GitHub> {
        let redactor = Redactor::new(config.token.as_ref());
        let api = build_octocrab(&config, true)?;
        let anonymous = build_octocrab(&config, false)?;
        let deadline = config.pass_budget.map(|budget| tokio::time::Instant::now() + budget);
        Ok(GitHub {
            deadline,
            written: Arc::default(),
            api,
            anonymous,
            config: Arc::new(config),
            redactor,
            sleeper,
            clock,
            planned: Arc::new(Mutex::new(Vec::new())),
            search: Arc::new(tokio::sync::Mutex::new(SearchWindow::default())),
        })
    }

    pub fn config(&self) -> &ClientConfig {
        &self.config
    }

    pub fn is_dry_run(&self) -> bool {
        self.config.dry_run
    }

    /// Writes recorded in dry-run mode, in order.
    pub fn planned_writes(&self) -> Vec<PlannedWrite> {
        self.planned.lock().map(|p| p.clone()).unwrap_or_default()
    }

    /// The time left of the pass's budget before `method path`, or the error that stops the
    /// pass there.
    fn time_left(&self, method: &Method, shown_path: &str) -> Result<Option<Duration>> {
        let Some(deadline) = self.deadline else {
            return Ok(None);
        };
        let left = deadline.saturating_duration_since(tokio::time::Instant::now());
        if left.is_zero() {
            return Err(self.out_of_time(method, shown_path, false));
        }
        Ok(Some(left))
    }

    /// [`Error::OutOfTime`] at `method path`, with the writes made so far.
    fn out_of_time(&self, method: &Method, shown_path: &str, in_flight: bool) -> Error {
        Error::OutOfTime {
            budget_secs: self.config.pass_budget.map_or(0, |b| b.as_secs()),
            method: method.to_string(),
            path: shown_path.to_string(),
            in_flight: in_flight && is_write(method),
            written: self.written.lock().map(|w| w.clone()).unwrap_or_default(),
        }
    }

    /// Sleep `wait` unless it reaches past the pass's budget: then stop before `method path`.
    async fn wait_within_budget(&self, wait: Duration, method: &Method, shown_path: &str) -> Result<()> {
        if self.time_left(method, shown_path)?.is_some_and(|left| wait >= left) {
            return Err(self.out_of_time(method, shown_path, false));
        }
        self.sleeper.sleep(wait).await;
        Ok(())
    }

    pub(crate) fn redact(&self, text: &str) -> String {
        self.redactor.redact(text)
    }

    /// Sends one request (relative path with query, or absolute URL on the API host) with
    /// retries. Non-success answers become errors; 3xx are returned as they are.
    pub async fn request(&self, method: Method, path: &str, body: Option<&Value>) -> Result<RawResponse> {
        if method != Method::GET && method != Method::HEAD && self.config.dry_run {
            return Ok(self.plan(&method, path, body));
        }
        self.send(
            &self.api,
            method,
            path,
            body,
            self.config.max_json_bytes,
            RateLimits::Wait,
        )
        .await
    }

    /// A search request (`GET /search/…`) through the client's search window (see
    /// `search_limit`): one search at a time; before it, the wait for the window's reset when
    /// the latest answer left none; a refusal retried after the wait it names (doubled while
    /// refusals repeat); every wait taken from the pass's budget, past which the search fails
    /// at once with [`Error::SearchLimited`].
    pub(crate) async fn search_get(&self, path: &str) -> Result<RawResponse> {
        let policy = &self.config.retry;
        let shown_path = self.redact(path);
        let mut window = self.search.lock().await;
        let mut refusals = 0u32;
        let mut previous = Duration::ZERO;
        loop {
            if let Some(wait) = window.wait_before_next(self.clock.now_unix()) {
                window.spend(wait, policy, &shown_path)?;
                self.wait_within_budget(wait, &Method::GET, &shown_path).await?;
            }
            let limit = self.config.max_json_bytes;
            match self
                .send(&self.api, Method::GET, path, None, limit, RateLimits::Surface)
                .await
            {
                Ok(response) => {
                    window.note(&response.headers);
                    return Ok(response);
                }
                Err(Error::RateLimited { wait_secs, .. }) => {
                    refusals += 1;
                    let wait = refusal_wait(Duration::from_secs(wait_secs), previous, refusals);
                    window.spend(wait, policy, &shown_path)?;
                    previous = wait;
                    self.wait_within_budget(wait, &Method::GET, &shown_path).await?;
                }
                Err(other) => return Err(other),
            }
        }
    }

    fn plan(&self, method: &Method, path: &str, body: Option<&Value>) -> RawResponse {
        let write = PlannedWrite {
            method: method.to_string(),
            path: path.to_string(),
            summary: summarize(body),
            text: posted_text(body),
        };
        if self.config.echo_dry_run {
            eprintln!("{}", self.redact(&write.to_string()));
        }
        if let Ok(mut planned) = self.planned.lock() {
            planned.push(write);
        }
        // No answer: `write_json` hands callers a placeholder instead.
        RawResponse {
            status: StatusCode::OK,
            headers: HeaderMap::new(),
            body: Vec::new(),
        }
    }

    async fn send(
        &self,
        octo: &Octocrab,
        method: Method,
        path: &str,
        body: Option<&Value>,
        limit: u64,
        rate_limits: RateLimits,
    ) -> Result<RawResponse> {
        let policy = &self.config.retry;
        let shown_path = self.redact(strip_query_secrets(path));
        let mut retry = 0u32;
        loop {
            // An attempt gets its own timeout or what is left of the pass's budget, the less.
            let left = self.time_left(&method, &shown_path)?;
            let cut_by_budget = left.is_some_and(|left| left < self.config.request_timeout);
            let attempt = tokio::time::timeout(
                left.map_or(self.config.request_timeout, |left| {
                    left.min(self.config.request_timeout)
                }),
                self.send_once(octo, &method, path, body, limit),
            );
            let outcome = match attempt.await {
                Err(_) if cut_by_budget => return Err(self.out_of_time(&method, &shown_path, true)),
                Err(_) => Err(Error::Timeout {
                    method: method.to_string(),
                    path: shown_path.clone(),
                    secs: self.config.request_timeout.as_secs(),
                }),
                Ok(result) => result,
            };
            let (wait, last_error) = match outcome {
                Ok(response) => match decide(
                    response.status,
                    &response.headers,
                    &response.body,
                    self.clock.now_unix(),
                    policy,
                ) {
                    Decision::Accept => {
                        if is_write(&method) {
                            if let Ok(mut written) = self.written.lock() {
                                written.push(format!("{method} {shown_path}"));
                            }
                        }
                        return Ok(response);
                    }
                    Decision::Fail => return Err(self.api_error(&method, &shown_path, &response)),
                    Decision::RateLimited(wait) => {
                        if rate_limits == RateLimits::Surface
                            || wait > policy.max_rate_limit_wait
                            || retry >= policy.max_retries
                        {
                            return Err(Error::RateLimited {
                                method: method.to_string(),
                                path: shown_path,
                                status: response.status.as_u16(),
                                wait_secs: wait.as_secs(),
                            });
                        }
                        (wait, None)
                    }
                    Decision::Backoff => (
                        backoff(policy, retry),
                        Some(self.api_error(&method, &shown_path, &response)),
                    ),
                },
                Err(error @ (Error::Transport { .. } | Error::Timeout { .. })) => (backoff(policy, retry), Some(error)),
                Err(other) => return Err(other),
            };
            if retry >= policy.max_retries {
                return Err(last_error.unwrap_or_else(|| Error::Transport {
                    method: method.to_string(),
                    path: shown_path,
                    message: "retries exhausted".into(),
                }));
            }
            retry += 1;
            self.wait_within_budget(wait, &method, &shown_path).await?;
        }
    }

    async fn send_once(
        &self,
        octo: &Octocrab,
        method: &Method,
        path: &str,
        body: Option<&Value>,
        limit: u64,
    ) -> Result<RawResponse> {
        let transport = |e: octocrab::Error| Error::Transport {
            method: method.to_string(),
            path: self.redact(strip_query_secrets(path)),
            message: self.redact(&e.to_string()),
        };
        let response = match *method {
            Method::GET => octo._get(path).await,
            Method::POST => octo._post(path, body).await,
            Method::PATCH => octo._patch(path, body).await,
            Method::PUT => octo._put(path, body).await,
            Method::DELETE => octo._delete(path, body).await,
            _ => return Err(Error::Config(format!("unsupported method {method}"))),
        }
        .map_err(transport)?;
        let (parts, mut incoming) = response.into_parts();
        let too_large = || Error::TooLarge {
            what: format!("response of {method} {}", strip_query_secrets(path)),
            limit,
        };
        let declared = parts
            .headers
            .get(CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<u64>().ok());
        if declared.is_some_and(|len| len > limit) {
            return Err(too_large());
        }
        let mut bytes = Vec::new();
        while let Some(frame) = incoming.frame().await {
            let frame = frame.map_err(transport)?;
            if let Ok(data) = frame.into_data() {
                if bytes.len() as u64 + data.len() as u64 > limit {
                    return Err(too_large());
                }
                bytes.extend_from_slice(&data);
            }
        }
        Ok(RawResponse {
            status: parts.status,
            headers: parts.headers,
            body: bytes,
        })
    }

    fn api_error(&self, method: &Method, path: &str, response: &RawResponse) -> Error {
        let status = response.status.as_u16();
        let message = serde_json::from_slice::<Value>(&response.body)
            .ok()
            .and_then(|v| {
                let main = v.get("message")?.as_str()?.to_string();
                let details: Vec<String> = v
                    .get("errors")
                    .and_then(Value::as_array)
                    .map(|errors| {
                        errors
                            .iter()
                            .filter_map(|e| e.get("message").and_then(Value::as_str).or_else(|| e.as_str()))
                            .map(str::to_string)
                            .collect()
                    })
                    .unwrap_or_default();
                Some(if details.is_empty() {
                    main
                } else {
                    format!("{main} ({})", details.join("; "))
                })
            })
            .unwrap_or_else(|| String::from_utf8_lossy(&response.body).chars().take(300).collect());
        let message = self.redact(&message);
        let method = method.to_string();
        let path = path.to_string();
        if is_workflows_refusal(status, &message) {
            return Error::WorkflowsPermission { method, path, message };
        }
        if status == 404 {
            return Error::NotFound { method, path };
        }
        let invalid = if status == 422 {
            self.invalid_fields(&response.body)
        } else {
            Vec::new()
        };
        Error::Api {
            method,
            path,
            status,
            message,
            invalid,
        }
    }

    /// The object entries of a 422 answer's `errors` (some answers give plain strings there,
    /// which name no field).
    fn invalid_fields(&self, body: &[u8]) -> Vec<crate::error::Invalid> {
        let Ok(answer) = serde_json::from_slice::<Value>(body) else {
            return Vec::new();
        };
        let text = |entry: &Value, key: &str| self.redact(entry.get(key).and_then(Value::as_str).unwrap_or_default());
        answer
            .get("errors")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter(|entry| entry.is_object())
            .map(|entry| crate::error::Invalid {
                resource: text(entry, "resource"),
                field: text(entry, "field"),
                code: text(entry, "code"),
                values: match entry.get("value") {
                    Some(Value::String(one)) => vec![self.redact(one)],
                    Some(Value::Array(many)) => many.iter().filter_map(Value::as_str).map(|v| self.redact(v)).collect(),
                    _ => Vec::new(),
                },
            })
            .collect()
    }

    /// GET and deserialize.
    pub async fn get_json<T: DeserializeOwned>(&self, path: &str) -> Result<T> {
        let response = self.request(Method::GET, path, None).await?;
        decode(path, &response.body)
    }

    /// A write (POST/PATCH/PUT/DELETE) with a JSON body, deserializing the answer. In dry-run
    /// mode nothing is sent and the answer is `T::default()`, a placeholder (number 0, empty
    /// sha) that only lets the dry run go on to plan the next writes.
    pub async fn write_json<T: DeserializeOwned + Default>(
        &self,
        method: Method,
        path: &str,
        body: &Value,
    ) -> Result<T> {
        let dry_run = self.config.dry_run;
        let response = self.request(method, path, Some(body)).await?;
        if dry_run {
            return Ok(T::default());
        }
        decode(path, &response.body)
    }

    /// Every item of a paginated list, following `Link: rel="next"` with octocrab's [`Page`].
    /// `wrapper` names the field that holds the array (`jobs`, `check_runs`…) when the page is
    /// an object; a page without it is an error, not an empty list.
    pub async fn get_all<T: DeserializeOwned>(&self, path: &str, wrapper: Option<&str>) -> Result<Vec<T>> {
        Ok(self.get_pages(path, wrapper, MAX_PAGES).await?.0)
    }

    /// [`GitHub::get_all`] up to `max_pages` pages (at most the list's own page budget):
    /// the items and whether GitHub had more pages than were read, for a list a caller needs
    /// only the start of (its newest items) and says so when it stops.
    pub async fn get_pages<T: DeserializeOwned>(
        &self,
        path: &str,
        wrapper: Option<&str>,
        max_pages: usize,
    ) -> Result<(Vec<T>, bool)> {
        let separator = if path.contains('?') { '&' } else { '?' };
        let mut next = Some(format!("{path}{separator}per_page=100"));
        let mut all = Vec::new();
        let mut pages = 0;
        // A list's pages together get a few responses' worth: each page is capped alone, and
        // anyone can add to some lists (comments on a public issue).
        let list_limit = self.config.max_json_bytes.saturating_mul(MAX_LIST_RESPONSES);
        let mut list_bytes = 0u64;
        let mut visited = std::collections::HashSet::new();
        while let Some(url) = next.take() {
            // A caller's own smaller budget stops quietly (it says so); the list's own budget
            // is an error below.
            if max_pages < MAX_PAGES && pages >= max_pages {
                return Ok((all, true));
            }
            pages += 1;
            if pages > MAX_PAGES {
                return Err(Error::Decode {
                    path: path.to_string(),
                    message: format!("more than {MAX_PAGES} pages"),
                });
            }
            if !visited.insert(url.clone()) {
                return Err(Error::Decode {
                    path: path.to_string(),
                    message: format!(
                        "the next page repeats a page already read ({})",
                        strip_query_secrets(&url)
                    ),
                });
            }
            let response = self.request(Method::GET, &url, None).await?;
            list_bytes += response.body.len() as u64;
            if list_bytes > list_limit {
                return Err(Error::TooLarge {
                    what: format!("pages of GET {}", strip_query_secrets(path)),
                    limit: list_limit,
                });
            }
            let page: Page<T> = decode_page(path, response, wrapper).await?;
            all.extend(page.items);
            next = page.next.map(|uri| uri.to_string());
            if let Some(url) = next.as_deref().filter(|url| !same_origin(url, &self.config.api_url)) {
                // The token goes with every API request; a page elsewhere never gets it.
                return Err(Error::Decode {
                    path: path.to_string(),
                    message: format!("the next page is on another host ({})", strip_query_secrets(url)),
                });
            }
        }
        Ok((all, false))
    }

    /// Downloads a log endpoint that answers with a redirect to blob storage. The redirect is
    /// followed by a client that has no credentials, so the token never reaches that host.
    pub async fn download_redirected(&self, path: &str) -> Result<Vec<u8>> {
        let limit = self.config.max_log_bytes;
        let mut response = self
            .send(&self.api, Method::GET, path, None, limit, RateLimits::Wait)
            .await?;
        let mut hops = 0;
        while response.status.is_redirection() {
            hops += 1;
            if hops > MAX_REDIRECTS {
                return Err(Error::Decode {
                    path: path.to_string(),
                    message: "too many redirects".into(),
                });
            }
            let location = response
                .headers
                .get(LOCATION)
                .and_then(|v| v.to_str().ok())
                .ok_or_else(|| Error::Decode {
                    path: path.to_string(),
                    message: "redirect without Location".into(),
                })?
                .to_string();
            response = self
                .send(&self.anonymous, Method::GET, &location, None, limit, RateLimits::Wait)
                .await?;
        }
        Ok(response.body)
    }
}

/// Whether `method` changes something on GitHub.
fn is_write(method: &Method) -> bool {
    !matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// Whether `url` (absolute, or relative to the API) is on the API's scheme, host and port.
fn same_origin(url: &str, api_url: &str) -> bool {
    fn origin(url: &str) -> Option<String> {
        let (scheme, rest) = url.split_once("://")?;
        let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
        Some(format!("{scheme}://{authority}").to_ascii_lowercase())
    }
    match origin(url) {
        None => true,
        Some(found) => origin(api_url).is_some_and(|api| api == found),
    }
}

/// Signed storage URLs carry their credentials in the query; never show it.
fn strip_query_secrets(path: &str) -> &str {
    if path.starts_with("http://") || path.starts_with("https://") {
        path.split('?').next().unwrap_or(path)
    } else {
        path
    }
}

pub(crate) fn decode<T: DeserializeOwned>(path: &str, body: &[u8]) -> Result<T> {
    serde_json::from_slice(body).map_err(|e| Error::Decode {
        path: path.to_string(),
        message: e.to_string(),
    })
}

/// One page of a list through octocrab's [`Page`] (items and `Link` header). A wrapped page
/// is reduced to its array first, so octocrab's own guess of the wrapper is never needed.
async fn decode_page<T: DeserializeOwned>(path: &str, response: RawResponse, wrapper: Option<&str>) -> Result<Page<T>> {
    let decode_error = |message: String| Error::Decode {
        path: path.to_string(),
        message,
    };
    let body = match wrapper {
        None => response.body,
        Some(field) => {
            let mut page: Value = decode(path, &response.body)?;
            let items = page
                .get_mut(field)
                .map(Value::take)
                .ok_or_else(|| decode_error(format!("the answer has no `{field}` list")))?;
            serde_json::to_vec(&items).map_err(|e| decode_error(e.to_string()))?
        }
    };
    let body = Full::new(Bytes::from(body)).map_err(|never| match never {});
    let mut http_response = http::Response::new(body);
    *http_response.status_mut() = response.status;
    *http_response.headers_mut() = response.headers;
    Page::<T>::from_response(http_response)
        .await
        .map_err(|e| decode_error(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(body: &str, link: Option<&str>) -> RawResponse {
        let mut headers = HeaderMap::new();
        if let Some(link) = link {
            headers.insert(http::header::LINK, link.parse().unwrap_or_else(|_| unreachable!()));
        }
        RawResponse {
            status: StatusCode::OK,
            headers,
            body: body.as_bytes().to_vec(),
        }
    }

    #[tokio::test]
    async fn pages_follow_the_next_link_and_need_their_wrapper() {
        let link = "<https://api.github.com/x?page=1>; rel=\"prev\", <https://api.github.com/x?page=3>; rel=\"next\"";
        let decoded: Page<u32> = decode_page("/x", page("[1, 2]", Some(link)), None)
            .await
            .unwrap_or_default();
        assert_eq!(decoded.items, [1, 2]);
        assert_eq!(
            decoded.next.map(|u| u.to_string()).as_deref(),
            Some("https://api.github.com/x?page=3")
        );
        let wrapped: Page<u32> = decode_page("/x", page(r#"{"total_count": 1, "jobs": [7]}"#, None), Some("jobs"))
            .await
            .unwrap_or_default();
        assert_eq!((wrapped.items, wrapped.next), (vec![7], None));
        let missing = decode_page::<u32>("/x", page(r#"{"total_count": 0}"#, None), Some("jobs")).await;
        assert!(missing.is_err_and(|e| e.to_string().contains("no `jobs` list")));
    }

    #[test]
    fn next_pages_stay_on_the_api_host() {
        let api = "https://ghe.example.com/api/v3";
        assert!(same_origin(
            "https://GHE.example.com/api/v3/repos/o/r/issues?after=x",
            api
        ));
        assert!(same_origin("/repos/o/r/issues?page=2", api));
        assert!(!same_origin("https://evil.example.com/api/v3/repos?page=2", api));
        assert!(!same_origin("http://ghe.example.com/api/v3/repos?page=2", api));
        assert!(!same_origin("https://ghe.example.com:8443/api/v3/repos?page=2", api));
    }

    #[test]
    fn storage_query_is_hidden() {
        assert_eq!(strip_query_secrets("https://blob/x?sig=abc"), "https://blob/x");
        assert_eq!(
            strip_query_secrets("/repos/o/r/issues?state=open"),
            "/repos/o/r/issues?state=open"
        );
    }
}
