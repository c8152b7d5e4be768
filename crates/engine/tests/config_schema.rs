//! `docs/autoheal.schema.json` and `docs/config.md` against the config parser:
//! every key the parser accepts is in the schema, every schema key is
//! accepted, and the documented example parses without errors.

use std::path::Path;

use autoheal_engine::config::Config;

fn docs(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

fn schema() -> serde_json::Value {
    serde_json::from_str(&docs("autoheal.schema.json")).expect("docs/autoheal.schema.json is valid JSON")
}

fn schema_keys() -> Vec<String> {
    let schema = schema();
    let props = schema["properties"]
        .as_object()
        .expect("the schema has top-level properties");
    props.keys().cloned().collect()
}

fn rule_ids() -> Vec<&'static str> {
    autoheal_engine::rules::rule_ids()
}

/// The diagnostics for a config holding only `key:` with a null value.
fn unknown_key_errors(key: &str) -> Vec<String> {
    let src = format!("{key}:\n");
    let (_, diags) = Config::parse("autoheal.yml", src.as_bytes(), &rule_ids());
    diags
        .into_iter()
        .map(|d| d.message)
        .filter(|m| m.contains("unknown config key"))
        .collect()
}

#[test]
fn every_schema_key_is_accepted_by_the_parser() {
    let keys = schema_keys();
    assert!(keys.len() >= 7, "{keys:?}");
    for key in keys {
        assert!(
            unknown_key_errors(&key).is_empty(),
            "the schema has `{key}` but the parser rejects it"
        );
    }
}

#[test]
fn every_key_the_parser_accepts_is_in_the_schema() {
    // The parser's error for an unknown key lists the keys it accepts.
    let errors = unknown_key_errors("no-such-key");
    let message = errors.first().expect("an unknown key is reported");
    let listed = message
        .split("expected one of")
        .nth(1)
        .expect("the error lists the accepted keys");
    let accepted: Vec<&str> = listed.split(',').map(str::trim).filter(|k| !k.is_empty()).collect();
    assert!(accepted.len() >= 7, "{accepted:?}");
    let keys = schema_keys();
    for key in accepted {
        assert!(
            keys.iter().any(|k| k == key),
            "the parser accepts `{key}` but the schema lacks it"
        );
    }
}

#[test]
fn schema_enums_match_the_parser() {
    let schema = schema();
    let categories: Vec<&str> = schema["$defs"]["logPattern"]["properties"]["category"]["enum"]
        .as_array()
        .expect("category enum")
        .iter()
        .filter_map(|v| v.as_str())
        .collect();
    assert_eq!(categories, autoheal_engine::config::CATEGORIES);
    for severity in schema["$defs"]["severity"]["enum"].as_array().expect("severity enum") {
        let s = severity.as_str().expect("string");
        let src = format!("fail-level: {s}\n");
        let (_, diags) = Config::parse("c.yml", src.as_bytes(), &rule_ids());
        assert!(diags.is_empty(), "schema severity `{s}` is rejected: {diags:?}");
    }
}

#[test]
fn the_documented_example_parses_cleanly() {
    let page = docs("config.md");
    let marker = page
        .find("<!-- config-example")
        .expect("docs/config.md marks its example");
    let rest = &page[marker..];
    let start = rest.find("```yaml\n").expect("a yaml block follows the marker") + "```yaml\n".len();
    let len = rest[start..].find("```").expect("the block is closed");
    let example = &rest[start..start + len];
    let (config, diags) = Config::parse(".github/autoheal.yml", example.as_bytes(), &rule_ids());
    assert!(diags.is_empty(), "{diags:?}");
    assert!(!config.rules.is_empty());
    assert!(!config.log_patterns.is_empty());
    assert!(config.is_ignored(".github/workflows/generated-x.yml"));
}
