use crate::config::Config;
use crate::lint::{LintOptions, lint};

fn render(src: &str, rule: &str) -> Vec<String> {
    let config = Config::default();
    let idx = crate::text::LineIndex::new(src);
    lint("sub/action.yml", src.as_bytes(), &LintOptions::new(&config))
        .into_iter()
        .filter(|d| d.rule == rule)
        .map(|d| {
            let p = idx.line_column(src, d.range.start);
            format!("{}:{}: {} {}", p.line, p.column, d.severity, d.message)
        })
        .collect()
}

/// The findings of this fixture are in its snapshot (`tests/rules.rs`);
/// none of them is the schema rule's too.
#[test]
fn metadata_problems_are_not_the_schemas() {
    let src = include_str!("../../../tests/rules/action-metadata/problems.action.yml");
    assert_eq!(render(src, "action-metadata").len(), 6);
    assert_eq!(render(src, "schema"), Vec::<String>::new());
}

#[test]
fn workflows_are_not_checked() {
    let src = "on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: echo\n";
    let config = Config::default();
    let diags = lint(".github/workflows/a.yml", src.as_bytes(), &LintOptions::new(&config));
    assert!(diags.iter().all(|d| d.rule != "action-metadata"));
}
