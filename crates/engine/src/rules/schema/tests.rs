use crate::config::Config;
use crate::lint::{LintOptions, lint};
use crate::rules::test_support::render;

#[test]
fn unknown_keys_get_a_suggestion_and_the_expected_set() {
    let src = "on: push\nnmae: x\njobs:\n  build:\n    runs_on: ubuntu-latest\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n        shel: bash\n";
    assert_eq!(
        render(src, "schema"),
        [
            "2:1: unexpected key \"nmae\" for the workflow; did you mean \"name\"?; expected one of \"concurrency\", \"defaults\", \"env\", \"jobs\", \"name\", \"on\", \"permissions\", \"run-name\"",
            "5:5: unexpected key \"runs_on\" for job \"build\"; did you mean \"runs-on\"?; expected one of \"concurrency\", \"container\", \"continue-on-error\", \"defaults\", \"env\", \"environment\", \"if\", \"name\", \"needs\", \"outputs\", \"permissions\", \"runs-on\", \"secrets\", \"services\", \"snapshot\", \"steps\", \"strategy\", \"timeout-minutes\", \"uses\", \"with\"",
            "9:9: unexpected key \"shel\" for a step that runs a script; did you mean \"shell\"?; expected one of \"background\", \"continue-on-error\", \"env\", \"id\", \"if\", \"name\", \"run\", \"shell\", \"timeout-minutes\", \"working-directory\"",
        ]
    );
}

#[test]
fn missing_required_sections() {
    let src = "on:\n  workflow_call:\n    inputs:\n      foo:\n        required: true\n    outputs:\n      bar:\n        description: x\nconcurrency:\n  cancel-in-progress: true\njobs:\n  test:\n    environment:\n      url: https://example.com\n";
    assert_eq!(
        render(src, "schema"),
        [
            "4:7: \"type\" is required in input \"foo\" of \"workflow_call\", but it is missing",
            "7:7: \"value\" is required in output \"bar\" of \"workflow_call\", but it is missing",
            "9:1: \"group\" is required in \"concurrency\" section, but it is missing",
            "12:3: \"runs-on\" section is missing in job \"test\"",
            "12:3: \"steps\" section is missing in job \"test\"",
            "13:5: \"name\" is required in \"environment\" section, but it is missing",
        ]
    );
}

#[test]
fn value_types_and_expressions() {
    let src = "on: push\njobs:\n  a:\n    runs-on: ${{ matrix.os }}\n    timeout-minutes: 4 minutes\n    continue-on-error: maybe\n    strategy:\n      max-parallel: 1.5\n      fail-fast: ${{ github.ref == 'main' }}\n      matrix: ${{ fromJSON(needs.x.outputs.m) }}\n    env: FOO=bar\n    steps:\n      - uses: actions/checkout@v4\n        with: foo\n      - run: echo\n        timeout-minutes: -3\n";
    assert_eq!(
        render(src, "schema"),
        [
            "5:22: \"timeout-minutes\" must be a number or a ${{ }} expression, but found the string \"4 minutes\"",
            "6:24: \"continue-on-error\" must be `true`, `false` or a ${{ }} expression, but found the string \"maybe\"",
            "8:21: \"max-parallel\" must be a whole number or a ${{ }} expression, but found a number `1.5`",
            "11:10: \"env\" of job \"a\" must be a mapping, but found the string \"FOO=bar\"",
            "14:15: \"with\" must be a mapping, but found the string \"foo\"",
            "16:26: \"timeout-minutes\" must be greater than zero, but found -3",
        ]
    );
}

#[test]
fn steps_run_xor_uses_and_reusable_calls() {
    let src = "on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: echo\n        uses: actions/checkout@v4\n      - name: nothing\n      -\n  call:\n    uses: o/r/.github/workflows/w.yml@v1\n    runs-on: x\n  plain:\n    runs-on: x\n    with:\n      a: b\n    steps:\n      - run: echo\n";
    assert_eq!(
        render(src, "schema"),
        [
            "6:9: a step cannot have both \"run\" and \"uses\"; split it into two steps",
            "8:9: a step must run a script with \"run\" or an action with \"uses\"",
            "9:8: a step should not be empty; it must run a script with \"run\" or an action with \"uses\"",
            "12:5: \"runs-on\" is not available in job \"call\", which calls a reusable workflow with \"uses\"; only \"concurrency\", \"if\", \"name\", \"needs\", \"permissions\", \"secrets\", \"strategy\", \"uses\", \"with\" are allowed",
            "15:5: \"with\" is only available when job \"plain\" calls a reusable workflow with \"uses\"",
        ]
    );
}

#[test]
fn containers_services_and_parallel_steps() {
    let src = "on: push\njobs:\n  a:\n    runs-on: x\n    container:\n      env:\n        A: b\n      credentials:\n        username: u\n      entrypoint: sh\n    services:\n      db:\n        image: postgres\n        entrypoint: sh\n    steps:\n      - parallel:\n          - run: a\n          - uses: b/c@v1\n            background: true\n      - wait-all:\n      - wait: [x]\n      - cancel: x\n";
    assert_eq!(
        render(src, "schema"),
        [
            "5:5: \"image\" is required in \"container\", but it is missing",
            "8:7: \"password\" is required in \"credentials\" section, but it is missing",
            "10:7: unexpected key \"entrypoint\" for \"container\"; expected one of \"credentials\", \"env\", \"image\", \"options\", \"ports\", \"volumes\"",
        ]
    );
}

#[test]
fn action_metadata() {
    let src = "name: x\ndescription: y\ninputs:\n  a:\n    type: string\noutputs:\n  o:\n    description: d\nruns:\n  using: composite\n  main: index.js\n  steps:\n    - run: echo\n    - uses: actions/checkout@v4\n";
    let config = Config::default();
    let idx = crate::text::LineIndex::new(src);
    let got: Vec<String> = lint("action.yml", src.as_bytes(), &LintOptions::new(&config))
        .into_iter()
        .filter(|d| d.rule == "schema")
        .map(|d| {
            let p = idx.line_column(src, d.range.start);
            format!("{}:{}: {} {}", p.line, p.column, d.severity, d.message)
        })
        .collect();
    assert_eq!(
        got,
        [
            "5:5: warning unexpected key \"type\" for input \"a\"; expected one of \"default\", \"deprecationMessage\", \"description\", \"required\"",
            "7:3: error \"value\" is required in output \"o\" of a composite action, but it is missing",
            "11:3: error unexpected key \"main\" for \"runs\" of a composite action; expected one of \"steps\", \"using\"",
            "13:7: error a composite action's \"run\" step must set \"shell\"",
        ]
    );
    let bad = "name: x\nruns:\n  using: node18\n";
    let d = lint("action.yml", bad.as_bytes(), &LintOptions::new(&config));
    assert!(
        d.iter()
            .any(|d| d.message.starts_with("\"using\" must be one of") && d.message.contains("did you mean \"node")),
        "{d:?}"
    );
}

#[test]
fn valid_workflows_are_quiet() {
    let src = "name: CI\nrun-name: ${{ github.actor }}\non:\n  push:\n    branches: [main]\n    paths-ignore: ['docs/**']\n  pull_request:\n    types: [opened]\n  schedule:\n    - cron: '0 0 * * *'\n  workflow_dispatch:\n    inputs:\n      level:\n        type: choice\n        options: [a, b]\n        required: True\npermissions: read-all\nenv:\n  A: 1\ndefaults:\n  run:\n    shell: bash\nconcurrency: ci-${{ github.ref }}\njobs:\n  a:\n    runs-on: { group: big, labels: [linux] }\n    container: null\n    environment: prod\n    strategy:\n      matrix:\n        os: [x, y]\n        include:\n          - os: z\n    outputs:\n      o: ${{ steps.s.outputs.o }}\n    steps:\n      - id: s\n        run: echo\n        shell: bash\n  b:\n    needs: a\n    uses: ./.github/workflows/r.yml\n    secrets: inherit\n    with:\n      x: 1\n";
    assert_eq!(render(src, "schema"), Vec::<String>::new());
}

#[test]
fn broken_yaml_does_not_claim_sections_are_missing() {
    let src = "on: push\njobs:\n  a:\n    runs-on: x\n    strategy:\n      matrix:\n        v: [\n  \"x\",\n   ]\n    steps:\n      - run: echo\n";
    assert!(
        render(src, "schema")
            .iter()
            .all(|m| !m.contains("missing") && !m.contains("empty")),
        "{:?}",
        render(src, "schema")
    );
}

#[test]
fn keys_differing_only_in_case_are_duplicates() {
    let src = "on: push\nenv:\n  FOO: 1\n  foo: 2\njobs:\n  a:\n    runs-on: x\n    strategy:\n      matrix:\n        Os: [a]\n        os: [b]\n    steps:\n      - uses: a/b@v1\n        with:\n          Token: x\n          token: y\n";
    assert_eq!(
        render(src, "schema"),
        [
            "4:3: key \"foo\" in \"env\" duplicates \"FOO\" (line 3); these keys are case-insensitive",
            "11:9: key \"os\" in \"matrix\" duplicates \"Os\" (line 10); these keys are case-insensitive",
            "16:11: key \"token\" in \"with\" duplicates \"Token\" (line 15); these keys are case-insensitive",
        ]
    );
}

#[test]
fn environment_variable_names() {
    let src = "on: push\nenv:\n  GOOD_1: x\njobs:\n  a:\n    runs-on: x\n    env:\n      FOO=BAR: foo\n      FOO BAR: foo\n      A&B: c\n    steps:\n      - run: echo\n        env:\n          ${{ matrix.name }}: x\n          foo-${{ github.event_name }} bar: y\n";
    let got = render(src, "schema");
    assert_eq!(got.len(), 3, "{got:#?}");
    assert!(
        got[0].starts_with("8:7: environment variable name \"FOO=BAR\" is invalid"),
        "{got:#?}"
    );
}

#[test]
fn an_empty_file_or_one_of_comments_is_an_error_like_github_makes_it() {
    // A bare `---` is a document whose value is null, reported where it is.
    assert_eq!(
        render("---\n", "schema"),
        ["2:1: the workflow is empty; it needs `on:` and `jobs:`"]
    );
    for src in ["", "\n", "# nothing yet\n"] {
        assert_eq!(
            render(src, "schema"),
            ["1:1: the workflow is empty; it needs `on:` and `jobs:`"],
            "{src:?}"
        );
    }
    let config = Config::default();
    let d = lint("action.yml", b"", &LintOptions::new(&config));
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(
        (d[0].code, d[0].severity),
        ("schema/empty-file", crate::Severity::Error)
    );
    assert!(d[0].message.starts_with("the action metadata is empty"), "{d:?}");
}

#[test]
fn schedule_named_without_its_mapping() {
    for (src, at) in [
        (
            "on: schedule\njobs:\n  t:\n    runs-on: x\n    steps:\n      - run: a\n",
            "1:5",
        ),
        (
            "on: [push, schedule]\njobs:\n  t:\n    runs-on: x\n    steps:\n      - run: a\n",
            "1:12",
        ),
    ] {
        assert_eq!(
            render(src, "schema"),
            [format!(
                "{at}: the \"schedule\" event must be configured with a mapping: write `schedule:` under `on:` with `- cron: ...` items"
            )]
        );
    }
}
