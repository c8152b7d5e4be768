//! The reference pages of every id the tool prints: a rule
//! (`docs/rules/<id>.md`, embedded at build time), a check code within a
//! rule (`schema/unknown-key`: its rule's page), and the ids that are not
//! rules: `config` (mistakes in `.github/autoheal.yml`) and `past-failure`
//! (the language server's "failed in run N" diagnostics).

include!(concat!(env!("OUT_DIR"), "/rule_docs.rs"));

/// The id of diagnostics about the config file.
pub const CONFIG: &str = "config";
/// The id of the language server's diagnostics from the failure store.
pub const PAST_FAILURE: &str = "past-failure";

/// Ids that are not rules, with their page (path under `docs/`, text).
static TOPICS: &[(&str, &str, &str)] = &[
    (CONFIG, "config.md", include_str!("../../../../docs/config.md")),
    (
        PAST_FAILURE,
        "failure-store.md",
        include_str!("../../../../docs/failure-store.md"),
    ),
];

/// The markdown page of a rule.
pub fn page(id: &str) -> Option<&'static str> {
    PAGES.iter().find(|(p, _)| *p == id).map(|(_, text)| *text)
}

/// What `autoheal explain ID` prints, for an id the tool prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Explanation {
    /// The rule (or topic) the page is about.
    pub id: &'static str,
    pub page: &'static str,
}

/// The page that explains `id`: a rule id, a check code (`rule/check`,
/// explained by its rule's page), `config` or `past-failure`.
pub fn explain(id: &str) -> Option<Explanation> {
    if let Some(&(topic, _, page)) = TOPICS.iter().find(|(t, _, _)| *t == id) {
        return Some(Explanation { id: topic, page });
    }
    let rule_id = match id.split_once('/') {
        Some((rule, check)) if is_check_name(check) => rule,
        Some(_) => return None,
        None => id,
    };
    let rule = super::rule(rule_id)?;
    if id != rule.id && !rule.emits(id) {
        return None;
    }
    Some(Explanation {
        id: rule.id,
        page: page(rule.id)?,
    })
}

/// The shape of the part of a check code after the rule: `unknown-key`.
fn is_check_name(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
}

/// Every id `explain` knows besides check codes: rules, then topics.
pub fn ids() -> Vec<&'static str> {
    super::RULES
        .iter()
        .map(|r| r.id)
        .chain(TOPICS.iter().map(|(t, _, _)| *t))
        .collect()
}

/// Where the page is published, for LSP `codeDescription` and SARIF `helpUri`.
pub fn url(id: &str) -> String {
    const BASE: &str = "https://github.com/autoheal-dev/autoheal/blob/main/docs";
    let rule = id.split_once('/').map_or(id, |(rule, _)| rule);
    match TOPICS.iter().find(|(t, _, _)| *t == rule) {
        Some((_, file, _)) => format!("{BASE}/{file}"),
        None => format!("{BASE}/rules/{rule}.md"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_codes_and_topics_are_explained_and_nothing_else() {
        assert_eq!(explain("timeout").map(|e| e.id), Some("timeout"));
        assert_eq!(explain("schema/unknown-key").map(|e| e.id), Some("schema"));
        assert_eq!(explain("config").map(|e| e.id), Some("config"));
        assert!(explain("config").is_some_and(|e| e.page.starts_with("# Configuration")));
        assert!(explain("past-failure").is_some_and(|e| e.page.contains(".autoheal/failures/")));
        assert_eq!(explain("timeout/missing").map(|e| e.id), Some("timeout"));
        for unknown in [
            "nope",
            "schema/",
            "schema/Unknown Key",
            "nope/unknown-key",
            "/x",
            "",
            "timeout/not-a-check",
        ] {
            assert_eq!(explain(unknown), None, "{unknown}");
        }
    }

    #[test]
    fn urls_point_at_the_page_that_explains_the_id() {
        assert!(url("timeout").ends_with("/docs/rules/timeout.md"));
        assert!(url("runner-label/unknown").ends_with("/docs/rules/runner-label.md"));
        assert!(url("config").ends_with("/docs/config.md"));
        assert!(url("past-failure").ends_with("/docs/failure-store.md"));
    }

    /// build.rs writes the pages themselves into the generated table, not
    /// `include_str!`s of their absolute paths: a table generated in another
    /// checkout sharing the target directory (pre-commit's clone) then
    /// neither points into that checkout nor makes this crate rebuild.
    #[test]
    fn the_generated_pages_name_no_checkout() {
        let generated = include_str!(concat!(env!("OUT_DIR"), "/rule_docs.rs"));
        assert!(!generated.contains("include_str!"), "{generated}");
        assert!(!generated.contains(env!("CARGO_MANIFEST_DIR")), "{generated}");
        assert_eq!(page("timeout"), Some(include_str!("../../../../docs/rules/timeout.md")));
        assert_eq!(
            page("template-injection"),
            Some(include_str!("../../../../docs/rules/template-injection.md"))
        );
    }

    /// Every code a rule declares is explained by its rule's page, and a
    /// code no rule declares is not.
    #[test]
    fn every_declared_code_is_explained() {
        for rule in super::super::RULES {
            assert!(!rule.codes.is_empty(), "{} declares no codes", rule.id);
            for code in rule.codes {
                assert!(
                    code.starts_with(&format!("{}/", rule.id)),
                    "{code} is not under {}",
                    rule.id
                );
                assert_eq!(explain(code).map(|e| e.id), Some(rule.id), "`autoheal explain {code}`");
            }
            assert_eq!(explain(&format!("{}/not-a-check", rule.id)), None);
        }
    }
}
