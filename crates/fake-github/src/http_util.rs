//! Query strings, pagination with `Link` headers and GitHub-shaped error bodies.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

pub fn percent_decode(raw: &str) -> String {
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match u8::from_str_radix(raw.get(i + 1..i + 3).unwrap_or(""), 16) {
                Ok(value) => {
                    out.push(value);
                    i += 2;
                }
                Err(_) => out.push(b'%'),
            },
            other => out.push(other),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

pub fn percent_encode(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for byte in raw.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~' | b'/' | b',' | b':') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Parsed query string, keeping order so `Link` URLs echo the client's parameters.
#[derive(Debug, Clone, Default)]
pub struct Query(pub Vec<(String, String)>);

impl Query {
    pub fn parse(raw: Option<&str>) -> Self {
        let pairs = raw
            .unwrap_or("")
            .split('&')
            .filter(|pair| !pair.is_empty())
            .map(|pair| {
                let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
                (percent_decode(key), percent_decode(value))
            })
            .collect();
        Query(pairs)
    }

    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }

    fn with_page(&self, page: usize, style: PageLinks) -> String {
        let mut pairs: Vec<String> = self
            .0
            .iter()
            .filter(|(key, _)| key != "page" && key != "after")
            .map(|(key, value)| format!("{}={}", percent_encode(key), percent_encode(value)))
            .collect();
        match style {
            PageLinks::Numbered | PageLinks::Endless | PageLinks::SelfLoop => pairs.push(format!("page={page}")),
            // The cursor goes first so a client that edits `page=` finds nothing to edit.
            PageLinks::Cursor => pairs.insert(0, format!("after={}", cursor(page))),
        }
        pairs.join("&")
    }

    /// The page asked for: `page=N`, or the page an `after` cursor names.
    fn page(&self) -> usize {
        self.get("after")
            .and_then(|c| {
                c.strip_prefix("Y3Vyc29y")
                    .and_then(|n| usize::from_str_radix(n, 16).ok())
            })
            .or_else(|| self.get("page").and_then(|v| v.parse::<usize>().ok()))
            .unwrap_or(1)
            .max(1)
    }
}

/// An opaque-looking cursor for a page (GitHub's cursors are base64; this one starts with
/// base64 of "cursor").
fn cursor(page: usize) -> String {
    format!("Y3Vyc29y{page:x}")
}

/// How the fake writes `Link` URLs. GitHub's docs tell clients to follow `rel="next"` as
/// given and not to build page URLs: some endpoints page by cursor (`after=`), not `page=`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum PageLinks {
    #[default]
    Numbered,
    Cursor,
    /// A broken or hostile server: every page links to a next one, for ever (empty past the
    /// items).
    Endless,
    /// A broken or hostile server: every page's `next` is the page itself.
    SelfLoop,
}

/// Page size cap and link style of the fake's lists.
#[derive(Debug, Clone, Copy, Default)]
pub struct Paging {
    /// 0 = GitHub's `per_page`; small values force pagination.
    pub max_page_size: usize,
    pub links: PageLinks,
}

pub fn error(status: StatusCode, message: &str) -> Response {
    (
        status,
        axum::Json(json!({ "message": message, "documentation_url": "https://docs.github.com/rest" })),
    )
        .into_response()
}

pub fn not_found() -> Response {
    error(StatusCode::NOT_FOUND, "Not Found")
}

pub fn json_response(status: StatusCode, value: Value) -> Response {
    (status, axum::Json(value)).into_response()
}

/// One page of `items` plus a `Link` header pointing at the next and last pages.
pub struct Page {
    pub items: Vec<Value>,
    pub link: Option<String>,
}

pub fn paginate(items: Vec<Value>, query: &Query, paging: Paging, base_url: &str, path: &str) -> Page {
    let max_page_size = paging.max_page_size;
    let requested = query
        .get("per_page")
        .and_then(|v| v.parse::<usize>().ok())
        .unwrap_or(30)
        .clamp(1, 100);
    let per_page = if max_page_size > 0 {
        requested.min(max_page_size)
    } else {
        requested
    };
    let page = query.page();
    let total = items.len();
    let last = total.div_ceil(per_page).max(1);
    let items: Vec<Value> = items
        .into_iter()
        .skip((page - 1).saturating_mul(per_page))
        .take(per_page)
        .collect();
    let mut links = Vec::new();
    match paging.links {
        PageLinks::Endless | PageLinks::SelfLoop => {
            let next = if paging.links == PageLinks::Endless {
                page + 1
            } else {
                page
            };
            let next = format!(
                "<{base_url}{path}?{}>; rel=\"next\"",
                query.with_page(next, paging.links)
            );
            return Page {
                items,
                link: Some(next),
            };
        }
        PageLinks::Numbered | PageLinks::Cursor => {}
    }
    if page < last {
        links.push(format!(
            "<{base_url}{path}?{}>; rel=\"next\"",
            query.with_page(page + 1, paging.links)
        ));
        links.push(format!(
            "<{base_url}{path}?{}>; rel=\"last\"",
            query.with_page(last, paging.links)
        ));
    }
    if page > 1 {
        links.push(format!(
            "<{base_url}{path}?{}>; rel=\"prev\"",
            query.with_page(page - 1, paging.links)
        ));
        links.push(format!(
            "<{base_url}{path}?{}>; rel=\"first\"",
            query.with_page(1, paging.links)
        ));
    }
    Page {
        items,
        link: (!links.is_empty()).then(|| links.join(", ")),
    }
}

pub fn page_response(page: Page, wrap: impl FnOnce(Vec<Value>) -> Value) -> Response {
    let mut response = json_response(StatusCode::OK, wrap(page.items));
    if let Some(link) = page.link.and_then(|l| HeaderValue::from_str(&l).ok()) {
        response.headers_mut().insert(header::LINK, link);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_handles_plus_escapes_and_bad_escapes() {
        assert_eq!(percent_decode("a+b%20c%2Cd"), "a b c,d");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz"), "%zz");
    }

    #[test]
    fn pages_link_to_next_and_last() {
        let items: Vec<Value> = (0..5).map(|i| json!(i)).collect();
        let query = Query::parse(Some("state=open&per_page=100"));
        let paging = Paging {
            max_page_size: 2,
            links: PageLinks::Numbered,
        };
        let page = paginate(items.clone(), &query, paging, "http://h", "/x");
        assert_eq!(page.items, vec![json!(0), json!(1)]);
        let link = page.link.unwrap_or_default();
        assert!(
            link.contains("<http://h/x?state=open&per_page=100&page=2>; rel=\"next\""),
            "{link}"
        );
        assert!(link.contains("page=3>; rel=\"last\""), "{link}");

        let cursor = Paging {
            links: PageLinks::Cursor,
            ..paging
        };
        let first = paginate(items.clone(), &query, cursor, "http://h", "/x");
        let link = first.link.unwrap_or_default();
        assert!(
            link.contains("<http://h/x?after=Y3Vyc29y2&state=open&per_page=100>; rel=\"next\""),
            "{link}"
        );
        let second = paginate(
            items,
            &Query::parse(Some("after=Y3Vyc29y2&state=open&per_page=100")),
            cursor,
            "http://h",
            "/x",
        );
        assert_eq!(second.items, vec![json!(2), json!(3)]);
    }
}
