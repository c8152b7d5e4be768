#[test]
fn at_most_25_dispatch_inputs() {
    let inputs: String = (0..26)
        .map(|i| format!("      i{i}:\n        type: string\n"))
        .collect();
    let src = format!(
        "on:\n  workflow_dispatch:\n    inputs:\n{inputs}jobs:\n  a:\n    runs-on: x\n    steps:\n      - run: echo\n"
    );
    let got = crate::rules::test_support::render(&src, "events");
    assert_eq!(
        got,
        ["2:3: \"workflow_dispatch\" takes at most 25 inputs, but 26 are declared; GitHub rejects the workflow"]
    );
    let ok = src.replace("      i25:\n        type: string\n", "");
    assert!(crate::rules::test_support::render(&ok, "events").is_empty());
}

#[test]
fn a_reusable_workflow_cannot_declare_github_token() {
    let src = |name: &str| {
        format!(
            "on:\n  workflow_call:\n    secrets:\n      {name}:\n        required: true\n      npm-token:\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: echo\n"
        )
    };
    for name in ["GITHUB_TOKEN", "github_token", "GitHub_Token"] {
        let got = crate::rules::test_support::render(&src(name), "events");
        assert_eq!(got.len(), 1, "{got:#?}");
        assert!(
            got[0].starts_with(&format!(
                "4:7: secret \"{name}\" cannot be declared by a reusable workflow"
            )),
            "{got:#?}"
        );
    }
    // Only the exact name is reserved; a dispatch input of that name is no secret.
    assert!(crate::rules::test_support::render(&src("GITHUB_TOKEN_RO"), "events").is_empty());
    let dispatch = "on:\n  workflow_dispatch:\n    inputs:\n      GITHUB_TOKEN:\n        type: string\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: echo\n";
    assert!(crate::rules::test_support::render(dispatch, "events").is_empty());
}

#[test]
fn workflow_run_needs_workflows() {
    let job = "jobs:\n  a:\n    runs-on: x\n    steps:\n      - run: echo\n";
    let render = |on: &str| crate::rules::test_support::render(&format!("{on}{job}"), "events");
    let message = "\"workflow_run\" names no workflow to follow; add `workflows:` with the names of the workflows whose runs trigger this one";
    assert_eq!(
        render("on:\n  workflow_run:\n    types: [completed]\n"),
        [format!("2:3: {message}")]
    );
    assert_eq!(render("on:\n  workflow_run:\n"), [format!("2:3: {message}")]);
    assert_eq!(render("on: [push, workflow_run]\n"), [format!("1:12: {message}")]);
    assert_eq!(render("on: workflow_run\n"), [format!("1:5: {message}")]);
    assert!(render("on:\n  workflow_run:\n    workflows: [CI]\n    types: [completed]\n").is_empty());
    // Another event's mapping without `workflows` is not this finding.
    assert!(render("on:\n  push:\n    branches: [main]\n").is_empty());
}

/// A filter under an event that takes no such key (`workflow_dispatch`
/// takes only `inputs`) is one finding, the schema's unknown key; under an
/// event with filters it does not apply to (`tags` on `pull_request`) it
/// stays this rule's warning.
#[test]
fn a_filter_an_event_never_takes_is_reported_once() {
    let src = "on:\n  workflow_dispatch:\n    branches: [main]\n  pull_request:\n    tags: ['v*']\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: echo\n";
    let found: Vec<(usize, &str)> = crate::rules::test_support::lint_str(src)
        .iter()
        .filter(|d| d.range.start < src.find("jobs:").unwrap_or(0))
        .map(|d| (d.range.start, d.code))
        .collect();
    let branches = src.find("branches").unwrap_or_default();
    let tags = src.find("tags").unwrap_or_default();
    assert_eq!(
        found,
        [(branches, "schema/unknown-key"), (tags, "events/unavailable-filter")],
        "{found:?}"
    );
}
