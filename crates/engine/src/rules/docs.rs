//! The rule reference pages (`docs/rules/<id>.md`), embedded at build time.

include!(concat!(env!("OUT_DIR"), "/rule_docs.rs"));

/// The markdown page of a rule.
pub fn page(id: &str) -> Option<&'static str> {
    PAGES.iter().find(|(p, _)| *p == id).map(|(_, text)| *text)
}

/// Where the page is published, for LSP `codeDescription` and SARIF `helpUri`.
pub fn url(id: &str) -> String {
    format!("https://github.com/autoheal-dev/autoheal/blob/main/docs/rules/{id}.md")
}
