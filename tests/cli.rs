//! The CLI's own commands: rules, explain, completions, man.

use std::process::{Command, Output};

fn autoheal(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_autoheal"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

#[test]
fn rules_lists_exactly_the_documented_rules() {
    let out = autoheal(&["rules"]);
    assert_eq!(out.status.code(), Some(0));
    let listed: std::collections::BTreeSet<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| l.split_whitespace().next().map(str::to_string))
        .collect();
    let docs = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules");
    let documented: std::collections::BTreeSet<String> = std::fs::read_dir(docs)
        .unwrap()
        .filter_map(|e| e.ok()?.path().file_stem()?.to_str().map(str::to_string))
        .collect();
    assert_eq!(listed, documented, "`autoheal rules` and docs/rules/*.md disagree");
    assert!(listed.contains("timeout") && listed.contains("syntax"));
}

#[test]
fn explain_prints_the_rule_page_and_suggests_on_typos() {
    let out = autoheal(&["explain", "timeout"]);
    assert_eq!(out.status.code(), Some(0));
    let page = std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules/timeout.md"))
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), page);
    let typo = autoheal(&["explain", "timout"]);
    assert_eq!(typo.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&typo.stderr).contains("did you mean `timeout`"));
}

/// Every id the tool prints can be explained: the config's `config`, the
/// language server's `past-failure`, and check codes (`rule/check`).
#[test]
fn explain_knows_config_past_failure_and_check_codes() {
    let docs = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs");
    let read = |p: &str| std::fs::read_to_string(docs.join(p)).unwrap();
    let config = autoheal(&["explain", "config"]);
    assert_eq!(config.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&config.stdout), read("config.md"));
    let past = autoheal(&["explain", "past-failure"]);
    assert_eq!(past.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&past.stdout), read("failure-store.md"));
    let code = autoheal(&["explain", "schema/unknown-key"]);
    assert_eq!(code.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&code.stdout),
        format!(
            "`schema/unknown-key` is a check of the `schema` rule.\n\n{}",
            read("rules/schema.md")
        )
    );
    for unknown in ["nope/unknown-key", "schema/Not A Code"] {
        let out = autoheal(&["explain", unknown]);
        assert_eq!(out.status.code(), Some(2), "{unknown}");
    }
}

#[test]
fn completions_and_man_page_are_generated() {
    let bash = autoheal(&["completions", "bash"]);
    assert!(String::from_utf8_lossy(&bash.stdout).contains("_autoheal()"));
    let man = autoheal(&["man"]);
    let roff = String::from_utf8_lossy(&man.stdout);
    assert!(roff.contains(".TH autoheal 1") && roff.contains("check"), "{roff}");
}
