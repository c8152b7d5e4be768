//! Every rule has exactly one reference page, `docs/rules/<id>.md`, and
//! every page belongs to a rule, so documentation and code cannot drift.

use std::collections::BTreeSet;
use std::path::Path;

use autoheal_engine::rules::RULES;

#[test]
fn docs_rules_pages_are_exactly_the_rule_ids() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/rules");
    let pages: BTreeSet<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .filter_map(|p| p.file_stem().and_then(|s| s.to_str()).map(str::to_string))
        .collect();
    let ids: BTreeSet<String> = RULES.iter().map(|r| r.id.to_string()).collect();
    let missing: Vec<&String> = ids.difference(&pages).collect();
    let orphan: Vec<&String> = pages.difference(&ids).collect();
    assert!(
        missing.is_empty() && orphan.is_empty(),
        "rules without a page: {missing:?}; pages without a rule: {orphan:?}"
    );
}

#[test]
fn each_page_names_its_rule_and_how_to_turn_it_off() {
    for rule in RULES {
        let page = autoheal_engine::rules::docs::page(rule.id).unwrap_or_else(|| panic!("no page for {}", rule.id));
        assert!(
            page.starts_with(&format!("# `{}`", rule.id)),
            "{} page must start with its id",
            rule.id
        );
        assert!(
            page.contains(&format!("{}: off", rule.id)),
            "{} page must say how to turn it off",
            rule.id
        );
        assert!(page.contains("## Example"), "{} page needs an example", rule.id);
    }
}

/// Every code a rule declares is listed under its page's "## Codes", and
/// the page lists no code the rule doesn't declare, so `autoheal explain
/// <code>` shows a page that names the check.
#[test]
fn each_page_lists_exactly_its_rules_codes() {
    for rule in RULES {
        let page = autoheal_engine::rules::docs::page(rule.id).unwrap_or_else(|| panic!("no page for {}", rule.id));
        let listed: BTreeSet<&str> = page
            .lines()
            .filter_map(|l| l.strip_prefix("- `"))
            .filter_map(|l| l.split_once("`:").map(|(code, _)| code))
            .filter(|code| code.starts_with(&format!("{}/", rule.id)))
            .collect();
        let declared: BTreeSet<&str> = rule.codes.iter().copied().collect();
        assert_eq!(
            listed, declared,
            "docs/rules/{}.md lists other codes than the rule declares",
            rule.id
        );
        assert!(page.contains("## Codes"), "{} page needs a `## Codes` section", rule.id);
    }
}
