use crate::config::Config;
use crate::lint::{LintOptions, lint};
use crate::rules::test_support::render;

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

#[test]
fn runs_using_is_read_without_case_like_the_runner() {
    let config = Config::default();
    let src = "name: a\ndescription: d\nruns:\n  using: Node24\n  main: index.js\n";
    let d = lint("act/action.yml", src.as_bytes(), &LintOptions::new(&config));
    assert!(d.iter().all(|d| d.rule != "schema"), "{d:#?}");
    let src = "name: a\ndescription: d\nruns:\n  using: Composite\n  main: index.js\n";
    let d = lint("act/action.yml", src.as_bytes(), &LintOptions::new(&config));
    // `main` is not a key of a composite action, and `steps` is missing.
    assert_eq!(d.iter().filter(|d| d.rule == "schema").count(), 2, "{d:#?}");
}

#[test]
fn a_calls_with_secrets_and_a_jobs_outputs_cannot_be_one_expression() {
    // GitHub's workflow schema: `workflow-job-with`, `workflow-job-secrets`'s
    // mapping and `job-outputs` have no expression context; `env` and a
    // step's `with` do.
    let src = "on: push\njobs:\n  call:\n    uses: o/r/.github/workflows/w.yml@v1\n    with: ${{ fromJSON('{}') }}\n    secrets: ${{ secrets }}\n  plain:\n    runs-on: x\n    outputs: ${{ fromJSON('{}') }}\n    env: ${{ fromJSON('{}') }}\n    steps:\n      - uses: a/b@v1\n        with: ${{ fromJSON('{}') }}\n  inherit:\n    uses: o/r/.github/workflows/w.yml@v1\n    secrets: inherit\n";
    let got = render(src, "schema");
    let at: Vec<&str> = got.iter().map(|m| m.split(": ").next().unwrap_or("")).collect();
    assert_eq!(at, ["5:11", "6:14", "9:14"], "{got:#?}");
    assert!(got[0].contains("\"with\" must be a mapping written out"), "{got:#?}");
}

#[test]
fn a_quoted_boolean_is_a_string_to_a_boolean_key() {
    // GitHub's template reader types only plain scalars; a quoted "true"
    // is a string token, rejected where a boolean is expected.
    let src = "on: push\nconcurrency:\n  group: g\n  cancel-in-progress: 'false'\njobs:\n  t:\n    runs-on: x\n    continue-on-error: \"true\"\n    strategy:\n      fail-fast: True\n      matrix:\n        a: [1]\n    steps:\n      - run: a\n        continue-on-error: FALSE\n";
    assert_eq!(
        render(src, "schema"),
        [
            "4:23: \"cancel-in-progress\" must be `true`, `false` or a ${{ }} expression, but found the string \"false\"; remove the quotes",
            "8:24: \"continue-on-error\" must be `true`, `false` or a ${{ }} expression, but found the string \"true\"; remove the quotes",
        ]
    );
}

#[test]
fn an_undefined_alias_is_one_syntax_error_not_also_an_empty_value() {
    let src = "on: push\njobs:\n  t:\n    runs-on: *missing\n    steps:\n      - run: a\n  u:\n    runs-on: ''\n    steps:\n      - run: a\n";
    // The quoted empty string is still reported; the alias's stand-in is not.
    assert_eq!(
        render(src, "schema"),
        ["8:14: \"runs-on\" should not be an empty string"]
    );
    // A merge key is the syntax rule's one finding, not also an unknown key.
    let src = "on: push\njobs:\n  t:\n    <<: {a: 1}\n    runs-on: x\n    steps:\n      - run: a\n";
    assert!(render(src, "schema").is_empty(), "{:?}", render(src, "schema"));
    assert_eq!(render(src, "syntax").len(), 1);
}

#[test]
fn a_mapping_key_with_no_value_is_an_error_and_an_empty_one_a_warning() {
    let src = "on: push\nenv:\njobs:\n  a:\n    runs-on: ubuntu-latest\n    env: {}\n    outputs:\n    strategy:\n    services: {}\n    steps:\n      - run: echo\n        env:\n      - run: echo\n        env: {A: b}\n";
    let config = Config::default();
    let found: Vec<(u32, crate::Severity)> =
        lint(".github/workflows/a.yml", src.as_bytes(), &LintOptions::new(&config))
            .iter()
            .filter(|d| d.code == "schema/empty-value")
            .map(|d| (src[..d.range.start].lines().count() as u32, d.severity))
            .collect();
    use crate::Severity::{Error, Warning};
    assert_eq!(
        found,
        [
            (2, Error),
            (6, Warning),
            (7, Error),
            (8, Error),
            (9, Warning),
            (12, Error)
        ]
    );
    // After a parse error a null may be what recovery left: not reported.
    let broken = "on: push\nenv:\njobs:\n  a:\n    runs-on: [\n";
    assert!(render(broken, "schema").iter().all(|m| !m.contains("has no value")));
}

#[test]
fn a_string_tagged_number_is_a_string() {
    let src = "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    timeout-minutes: !!str 5\n    steps:\n      - run: echo\n        timeout-minutes: 5\n";
    let out = render(src, "schema");
    assert_eq!(out.len(), 1, "{out:?}");
    // At the tag, which is what made the value a string.
    assert!(out[0].starts_with("5:22: "), "{out:?}");
    // A tagged `true` has no quotes to remove: the tag is what to drop.
    let tagged = "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    continue-on-error: !!str true\n    steps:\n      - run: echo\n        continue-on-error: \"true\"\n";
    let out = render(tagged, "schema");
    assert_eq!(out.len(), 2, "{out:?}");
    assert!(
        out[0].starts_with("5:24: ") && out[0].ends_with("; remove the `!!str` tag"),
        "{out:?}"
    );
    assert!(
        out[1].starts_with("8:28: ") && out[1].ends_with("; remove the quotes"),
        "{out:?}"
    );
}

#[test]
fn a_jobs_cache_mode_is_known_on_both_kinds_of_job_and_is_a_string() {
    let ok = "on: pull_request_target\njobs:\n  a:\n    runs-on: ubuntu-latest\n    cache-mode: none\n    steps:\n      - run: x\n  b:\n    uses: ./.github/workflows/b.yml\n    cache-mode: read\n";
    assert_eq!(render(ok, "schema"), Vec::<String>::new());
    let listed =
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    cache-mode: [read]\n    steps:\n      - run: x\n";
    assert_eq!(
        render(listed, "schema"),
        ["5:17: \"cache-mode\" must be a string, but found a sequence"]
    );
    let misspelt =
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    cache_mode: write\n    steps:\n      - run: x\n";
    let out = render(misspelt, "schema");
    assert_eq!(out.len(), 1, "{out:?}");
    assert!(
        out[0].starts_with("5:5: unexpected key \"cache_mode\" for job \"a\"; did you mean \"cache-mode\"?"),
        "{out:?}"
    );
}

/// GitHub's four modes (changelog of 2026-09-10) at the workflow's top
/// level and on a job; anything else is refused, with the nearest mode; an
/// expression is left to the run.
#[test]
fn cache_mode_takes_the_four_modes_at_the_top_level_and_on_a_job() {
    let ok = "on: pull_request_target\ncache-mode: none\njobs:\n  a:\n    runs-on: ubuntu-latest\n    cache-mode: write-only\n    steps:\n      - run: x\n  b:\n    runs-on: ubuntu-latest\n    cache-mode: ${{ github.event_name == 'push' && 'write' || 'read' }}\n    steps:\n      - run: x\n";
    assert_eq!(render(ok, "schema"), Vec::<String>::new());
    let wrong = "on: push\ncache-mode: readonly\njobs:\n  a:\n    runs-on: ubuntu-latest\n    cache-mode: Write\n    steps:\n      - run: x\n";
    assert_eq!(
        render(wrong, "schema"),
        [
            "2:13: \"cache-mode\" must be one of \"none\", \"read\", \"write\", \"write-only\", but found \"readonly\"",
            "6:17: \"cache-mode\" must be one of \"none\", \"read\", \"write\", \"write-only\", but found \"Write\"; did you mean \"write\"?",
        ]
    );
}

#[test]
fn a_key_of_another_kind_of_action_is_reported_once_not_also_checked() {
    let config = Config::default();
    let src = b"name: a\ndescription: b\nruns:\n  using: node24\n  main: index.js\n  steps:\n    - run: echo\n";
    let d = lint("action.yml", src, &LintOptions::new(&config));
    let codes: Vec<&str> = d
        .iter()
        .filter(|d| d.code.starts_with("schema/"))
        .map(|d| d.code)
        .collect();
    assert_eq!(codes, ["schema/unknown-key"], "{d:?}");
}

/// `concurrency.queue` (GitHub's concurrency documentation: `single`, the
/// default, keeps one pending run; `max` lets up to 100 wait in order) is a
/// key of both levels; another value is reported with the nearest one.
#[test]
fn concurrency_takes_a_queue() {
    let src = "on: push\nconcurrency:\n  group: g\n  queue: max\njobs:\n  t:\n    runs-on: x\n    concurrency:\n      group: t\n      queue: ${{ github.ref == 'refs/heads/main' && 'max' || 'single' }}\n    steps:\n      - run: a\n  u:\n    runs-on: x\n    concurrency:\n      group: u\n      queue: singel\n    steps:\n      - run: a\n";
    assert_eq!(
        render(src, "schema"),
        ["17:14: \"queue\" must be one of \"max\", \"single\", but found \"singel\"; did you mean \"single\"?"]
    );
}

#[test]
fn an_empty_string_service_image_starts_no_service_and_is_valid() {
    // GitHub's workflow syntax: a service whose image is an empty string does
    // not start ("useful for conditional services"); a job container's empty
    // image and a service's null image are still reported.
    let src = "on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    container:\n      image: ''\n    services:\n      off:\n        image: ''\n      cond:\n        image: ${{ github.event_name == 'push' && 'redis:7' || '' }}\n      none:\n        image:\n    steps:\n      - run: a\n";
    assert_eq!(
        render(src, "schema"),
        [
            "6:14: \"image\" should not be an empty string",
            "13:15: \"image\" should not be an empty string"
        ]
    );
}
