//! The `autoheal init` templates are valid YAML, lint clean and never interpolate `${{ }}`
//! inside a `run:` script.

use std::collections::BTreeSet;

use autoheal_engine::yaml::{self, Node};
use autoheal_engine::{Config, LintOptions};
use autoheal_github::init::{CONFIG_EXAMPLES, CONFIG_PATH, InitFile, InitOptions, Mode, plan_init};

fn all_files() -> Vec<InitFile> {
    let mut files = Vec::new();
    for mode in [Mode::Single, Mode::TwoWorkflow] {
        let options = InitOptions {
            mode,
            workflows: vec!["CI".into(), "Release: \"nightly\"".into()],
            // As `init --pin sha` (the default) writes it; a tag would be an
            // `unpinned-uses` finding.
            action: autoheal_github::init::ActionRef::parse("autoheal-dev/autoheal@v0")
                .expect("valid")
                .pinned_to("0123456789abcdef0123456789abcdef01234567"),
            ..InitOptions::default()
        };
        files.extend(plan_init(&options, &BTreeSet::new()).unwrap_or_else(|e| panic!("{e}")));
    }
    files
}

/// Every `run:` value anywhere in the tree.
fn run_values<'a>(node: &'a Node, out: &mut Vec<&'a str>) {
    if let Some(entries) = node.as_mapping() {
        for entry in entries {
            if entry.key.as_str() == Some("run")
                && let Some(script) = entry.value.as_str()
            {
                out.push(script);
            }
            run_values(&entry.value, out);
        }
    }
    for item in node.as_sequence().unwrap_or_default() {
        run_values(item, out);
    }
}

#[test]
fn templates_parse_without_errors() {
    for file in all_files() {
        let doc = yaml::parse(file.contents.as_bytes());
        assert!(
            doc.errors.is_empty(),
            "{}: {:?}\n{}",
            file.path,
            doc.errors,
            file.contents
        );
        assert!(doc.root.is_some(), "{}", file.path);
    }
}

#[test]
fn no_expression_inside_run_scripts() {
    for file in all_files().into_iter().filter(|f| f.path != CONFIG_PATH) {
        let doc = yaml::parse(file.contents.as_bytes());
        let mut runs = Vec::new();
        if let Some(root) = &doc.root {
            run_values(root, &mut runs);
        }
        assert!(!runs.is_empty(), "{} has a run step", file.path);
        for script in runs {
            assert!(!script.contains("${{"), "{}: {script}", file.path);
        }
    }
}

#[test]
fn monitor_triggers_on_completed_runs_of_the_listed_workflows_only_on_failure() {
    let files = plan_init(
        &InitOptions {
            workflows: vec!["Build".into()],
            ..InitOptions::default()
        },
        &BTreeSet::new(),
    );
    let files = files.unwrap_or_else(|e| panic!("{e}"));
    let doc = yaml::parse(files[0].contents.as_bytes());
    let root = doc.root.unwrap_or_else(|| panic!("no root"));
    let trigger = root
        .get("on")
        .and_then(|on| on.get("workflow_run"))
        .unwrap_or_else(|| panic!("no workflow_run"));
    let names: Vec<_> = trigger
        .get("workflows")
        .and_then(Node::as_sequence)
        .unwrap_or_default()
        .iter()
        .filter_map(Node::as_str)
        .collect();
    assert_eq!(names, ["Build"]);
    let types: Vec<_> = trigger
        .get("types")
        .and_then(Node::as_sequence)
        .unwrap_or_default()
        .iter()
        .filter_map(Node::as_str)
        .collect();
    assert_eq!(types, ["completed"]);
    let job = root
        .get("jobs")
        .and_then(|j| j.get("autoheal"))
        .unwrap_or_else(|| panic!("no job"));
    let condition = job.get("if").and_then(Node::as_str).unwrap_or_default();
    assert!(condition.contains("conclusion == 'failure'") && condition.contains("conclusion == 'cancelled'"));
    assert!(!files[0].contents.contains("actions/checkout"));
}

#[test]
fn templates_lint_clean() {
    let config = Config::default();
    let options = LintOptions::new(&config);
    for file in all_files().into_iter().filter(|f| f.path != CONFIG_PATH) {
        let diagnostics = autoheal_engine::lint(file.path, file.contents.as_bytes(), &options);
        let shown: Vec<String> = diagnostics
            .iter()
            .map(|d| format!("{} {:?}: {}", d.rule, d.severity, d.message))
            .collect();
        assert!(shown.is_empty(), "{}:\n{}", file.path, shown.join("\n"));
    }
}

#[test]
fn config_template_is_accepted_by_the_config_parser() {
    let files = plan_init(&InitOptions::default(), &BTreeSet::new()).unwrap_or_else(|e| panic!("{e}"));
    let config = files
        .iter()
        .find(|f| f.path == CONFIG_PATH)
        .unwrap_or_else(|| panic!("no config"));
    let (parsed, diagnostics) = Config::parse(CONFIG_PATH, config.contents.as_bytes(), &[]);
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    assert_eq!(parsed.rejection_threshold, 3);
}

#[test]
fn every_commented_config_example_is_valid_once_uncommented() {
    let rules = autoheal_engine::rules::rule_ids();
    let all: String = CONFIG_EXAMPLES.iter().map(|(_, example)| *example).collect();
    let (parsed, diagnostics) = Config::parse(CONFIG_PATH, all.as_bytes(), &rules);
    assert!(diagnostics.is_empty(), "{diagnostics:?}\n{all}");
    assert!(parsed.copilot.review && parsed.copilot.assign_unfixable);
    // Each example is in the written file, commented out line by line.
    let files = plan_init(&InitOptions::default(), &BTreeSet::new()).unwrap_or_else(|e| panic!("{e}"));
    let config = &files
        .iter()
        .find(|f| f.path == CONFIG_PATH)
        .map(|f| f.contents.clone())
        .unwrap_or_default();
    for (_, example) in CONFIG_EXAMPLES {
        let commented: String = example.lines().map(|l| format!("# {l}\n")).collect();
        assert!(config.contains(&commented), "{commented}");
    }
    let (parsed, diagnostics) = Config::parse(CONFIG_PATH, config.as_bytes(), &rules);
    assert!(diagnostics.is_empty() && !parsed.copilot.review);
    // `init --copilot` writes the Copilot settings live.
    let copilot = plan_init(
        &InitOptions {
            copilot: true,
            ..InitOptions::default()
        },
        &BTreeSet::new(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let config = copilot
        .iter()
        .find(|f| f.path == CONFIG_PATH)
        .map(|f| f.contents.clone())
        .unwrap_or_default();
    let (parsed, diagnostics) = Config::parse(CONFIG_PATH, config.as_bytes(), &rules);
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    assert!(parsed.copilot.review && parsed.copilot.assign_unfixable);
}

#[test]
#[ignore = "prints the templates for review"]
fn show_templates() {
    for file in all_files() {
        println!("==== {}\n{}", file.path, file.contents);
    }
}
