use crate::rules::test_support::render;

fn r(src: &str) -> Vec<String> {
    render(src, "expression")
}

#[test]
fn every_key_used_has_an_availability_row() {
    for key in super::walk::KEYS_USED {
        assert!(autoheal_expr::availability(key).is_some(), "{key}");
    }
}

#[test]
fn contexts_not_available_at_the_key_are_reported_at_the_context_name() {
    let src = "on: push\nenv:\n  A: ${{ env.X }}\njobs:\n  a:\n    if: env.X == 'y'\n    runs-on: ubuntu-latest\n    env:\n      B: ${{ runner.os }}\n    steps:\n      - run: echo ${{ runner.os }} ${{ env.A }}\n";
    let out = r(src);
    assert_eq!(out.len(), 3, "{out:#?}");
    assert!(out[0].starts_with("3:10: context \"env\" is not allowed here. available contexts are \"github\", \"inputs\", \"secrets\", \"vars\"."), "{}", out[0]);
    assert!(
        out[1].starts_with("6:9: context \"env\" is not allowed here."),
        "{}",
        out[1]
    );
    assert!(
        out[2].starts_with("9:14: context \"runner\" is not allowed here."),
        "{}",
        out[2]
    );
}

#[test]
fn steps_needs_matrix_and_inputs_are_typed_from_the_workflow() {
    let src = "on:
  workflow_dispatch:
    inputs:
      name: {type: string}
jobs:
  first:
    runs-on: ubuntu-latest
    outputs:
      version: ${{ steps.v.outputs.version }}
    steps:
      - run: echo ${{ steps.later.outputs.x }}
      - id: later
        run: echo ok
      - id: v
        run: echo ${{ steps.later.outputs.x }}
  second:
    needs: first
    runs-on: ${{ matrix.os }}
    strategy:
      matrix:
        os: [ubuntu-latest]
        include:
          - os: macos-latest
            node: 20
    steps:
      - run: echo ${{ needs.first.outputs.version }} ${{ needs.first.outputs.nope }} ${{ matrix.node }} ${{ matrix.arch }}
      - run: echo ${{ inputs.name }} ${{ inputs.nmae }} ${{ github.event.inputs.name }}
";
    assert_eq!(
        r(src),
        [
            "11:23: property \"later\" is not defined in object type {}".to_string(),
            "26:58: property \"nope\" is not defined in object type {version: string}".into(),
            "26:109: property \"arch\" is not defined in object type {node: number; os: string}".into(),
            "27:42: property \"nmae\" is not defined in object type {name: string} (did you mean \"name\"?)".into(),
        ]
    );
}

#[test]
fn conditions_always_true_constant_and_bare() {
    let src = "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - if: ${{ false }} && ${{ true }}\n        run: x\n      - if: true\n        run: x\n      - if: github.ref == 'main' && steps.nope.outputs.x\n        run: x\n      - if: |\n          ${{ success() }}\n        run: x\n";
    let out = r(src);
    assert_eq!(
        out,
        [
            "6:13: if: condition \"${{ false }} && ${{ true }}\" is always evaluated to true because extra characters are around ${{ }}",
            "8:13: constant expression \"true\" in condition. remove the if: section",
            "10:37: property \"nope\" is not defined in object type {}",
            "12:13: if: condition \"${{ success() }}\\n\" is always evaluated to true because extra characters are around ${{ }}",
        ]
    );
}

#[test]
fn spans_inside_literal_blocks_point_at_the_expression_line() {
    let src = "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          echo one\n          echo ${{ foo.bar }}\n";
    let out = r(src);
    assert_eq!(out.len(), 1);
    assert!(out[0].starts_with("8:20: undefined variable \"foo\""), "{}", out[0]);
}

#[test]
fn objects_in_templates_but_not_whole_structural_values() {
    let src = "on: push\njobs:\n  a:\n    runs-on: ${{ fromJSON('[\"a\"]') }}\n    strategy:\n      matrix: ${{ fromJSON(github.event.client_payload.m) }}\n    steps:\n      - run: echo ${{ github.event }}\n        env: ${{ fromJSON('{}') }}\n        with:\n          x: ${{ steps }}\n";
    let out = r(src);
    assert_eq!(out.len(), 2, "{out:#?}");
    assert!(
        out[0].starts_with("8:19: object, array, and null values should not be evaluated in template"),
        "{}",
        out[0]
    );
    assert!(out[1].starts_with("11:14: object, array"), "{}", out[1]);
}

#[test]
fn syntax_errors_and_special_functions() {
    let src = "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    timeout-minutes: ${{ hashFiles('x') }}\n    steps:\n      - run: echo ${{ github.ref == \"x\" }}\n      - run: echo ${{ github.ref\n";
    let out = r(src);
    assert_eq!(out.len(), 3, "{out:#?}");
    assert!(
        out[0].starts_with("5:26: calling function \"hashFiles\" is not allowed here."),
        "{}",
        out[0]
    );
    assert!(
        out[1].starts_with("7:37: got unexpected character '\"' while lexing expression"),
        "{}",
        out[1]
    );
    assert!(
        out[2].starts_with("8:19: expression \"${{\" is not closed"),
        "{}",
        out[2]
    );
}

#[test]
fn composite_action_steps_are_checked() {
    let src = "name: x\nruns:\n  using: composite\n  steps:\n    - run: echo ${{ inputs.who }} ${{ inputs.nope }}\n      shell: bash\ninputs:\n  who: {description: x}\n";
    let diags = crate::lint::lint(
        "action.yml",
        src.as_bytes(),
        &crate::lint::LintOptions::new(&crate::config::Config::default()),
    );
    let msgs: Vec<_> = diags
        .iter()
        .filter(|d| d.rule == "expression")
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(msgs, ["property \"nope\" is not defined in object type {who: string}"]);
}

#[test]
fn service_ports_may_be_indexed_by_number() {
    let src = "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    services:\n      db:\n        image: postgres\n    steps:\n      - run: echo ${{ job.services.db.ports[5432] }} ${{ job.services.db.ports[true] }}\n";
    let out = r(src);
    assert_eq!(out.len(), 1, "{out:#?}");
    assert!(out[0].contains("must be type of string but got \"bool\""), "{}", out[0]);
}

#[test]
fn input_defaults_see_earlier_inputs_and_must_match_the_type() {
    let src = "on:\n  workflow_call:\n    inputs:\n      a:\n        type: string\n        default: ${{ inputs.b }}\n      b:\n        type: boolean\n        default: ${{ inputs.a }}\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo\n";
    assert_eq!(
        r(src),
        [
            "6:22: property \"b\" is not defined in object type {}",
            "9:18: type of input \"b\" must be bool but found type string",
        ]
    );
}

#[test]
fn reusable_workflows_only_read_declared_secrets() {
    let src = "on:\n  workflow_call:\n    secrets:\n      token: {required: true}\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ secrets.token }} ${{ secrets.GITHUB_TOKEN }} ${{ secrets.other }}\n";
    let out = r(src);
    assert_eq!(
        out,
        ["9:72: property \"other\" is not defined in object type {github_token: string; token: string}"]
    );
    let open = src.replace("on:\n  workflow_call:", "on:\n  push:\n  workflow_call:");
    assert!(r(&open).is_empty());
}

#[test]
fn the_documented_example() {
    let src = "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - id: build\n        run: echo \"v=1\" >> \"$GITHUB_OUTPUT\"\n      - run: echo ${{ steps.biuld.outputs.v }}\n";
    let out = r(src);
    let page = crate::rules::docs::page("expression").unwrap_or("");
    assert_eq!(out.len(), 1);
    assert!(page.contains(&out[0]), "{}", out[0]);
}

#[test]
fn whole_expressions_must_have_the_shape_the_key_takes() {
    let src = "on: push\njobs:\n  a:\n    runs-on: ${{ fromJSON('{\"foo\":\"x\"}') }}\n    services: ${{ github.ref }}\n    container:\n      image: x\n      credentials: ${{ github.ref }}\n    steps:\n      - run: echo\n  b:\n    runs-on: ${{ fromJSON('[\"a\"]') }}\n    services: ${{ fromJSON(vars.SERVICES) }}\n    steps:\n      - run: echo\n";
    assert_eq!(
        r(src),
        [
            "4:14: type of expression at \"runs-on\" must be string or array but found type \"{foo: string}\"",
            "5:15: type of expression at \"services\" must be object but found type string",
            "8:20: type of expression at \"credentials\" must be object but found type string",
        ]
    );
}

#[test]
fn service_credentials_must_be_objects() {
    let src = "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    services:\n      foo:\n        image: ubuntu:latest\n        credentials: ${{ 'username:password' }}\n    steps:\n      - run: echo ${{ job.services.foo.ports[5432] }} ${{ github[1] }}\n";
    let out = r(src);
    assert_eq!(out.len(), 2, "{out:#?}");
    assert_eq!(
        out[0],
        "8:22: type of expression at \"credentials\" must be object but found type string"
    );
    assert!(
        out[1].starts_with("10:66: property access of object must be type of string but got \"number\""),
        "{}",
        out[1]
    );
}

fn r_repo(src: &str, repo: &crate::repo::MemoryRepo) -> Vec<String> {
    let config = crate::config::Config::default();
    let opts = crate::lint::LintOptions {
        repo,
        ..crate::lint::LintOptions::new(&config)
    };
    let idx = crate::text::LineIndex::new(src);
    crate::lint::lint(crate::rules::test_support::PATH, src.as_bytes(), &opts)
        .into_iter()
        .filter(|d| d.rule == "expression")
        .map(|d| {
            let p = idx.line_column(src, d.range.start);
            format!("{}:{}: {}", p.line, p.column, d.message)
        })
        .collect()
}

#[test]
fn outputs_of_local_actions_and_reusable_workflows_are_typed() {
    let repo = crate::repo::MemoryRepo::new([
        (
            "act/action.yml",
            "name: a\ndescription: d\noutputs:\n  digest:\n    description: x\nruns:\n  using: node24\n  main: i.js\n",
        ),
        (
            ".github/workflows/build.yml",
            "on:\n  workflow_call:\n    outputs:\n      version:\n        value: ${{ jobs.b.outputs.v }}\njobs:\n  b:\n    runs-on: ubuntu-latest\n    outputs:\n      v: x\n    steps:\n      - run: echo\n",
        ),
    ]);
    let src = "on: push\njobs:\n  build:\n    uses: ./.github/workflows/build.yml\n  test:\n    needs: build\n    runs-on: ubuntu-latest\n    steps:\n      - id: a\n        uses: ./act\n      - run: echo ${{ steps.a.outputs.digest }} ${{ steps.a.outputs.digests }}\n      - run: echo ${{ needs.build.outputs.version }} ${{ needs.build.outputs.tag }}\n";
    let got = r_repo(src, &repo);
    assert_eq!(got.len(), 2, "{got:#?}");
    assert!(
        got[0].starts_with("11:53: property \"digests\" is not defined"),
        "{got:#?}"
    );
    assert!(got[1].starts_with("12:58: property \"tag\" is not defined"), "{got:#?}");
}

#[test]
fn steps_of_parallel_groups_are_visible_after_the_group() {
    let src = "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - parallel:\n          - id: one\n            run: echo x\n          - id: two\n            run: echo ${{ github.sha }}\n      - run: echo ${{ steps.one.outputs.x }} ${{ steps.two.outcome }}\n      - run: echo ${{ steps.three.outputs.x }}\n";
    let got = r(src);
    assert_eq!(got.len(), 1, "{got:#?}");
    assert!(
        got[0].starts_with("12:23: property \"three\" is not defined"),
        "{got:#?}"
    );
}

#[test]
fn a_runner_group_may_come_from_the_matrix() {
    let src = "on: push\njobs:\n  a:\n    runs-on: ${{ matrix.config.runner }}\n    strategy:\n      matrix:\n        config:\n          - runner: {group: big, labels: [x]}\n          - runner: ubuntu-latest\n    steps:\n      - run: echo\n  b:\n    runs-on: ${{ matrix.bad }}\n    strategy:\n      matrix:\n        bad:\n          - {os: linux}\n    steps:\n      - run: echo\n";
    let got = r(src);
    assert_eq!(got.len(), 1, "{got:#?}");
    assert!(
        got[0].starts_with("13:14: type of expression at \"runs-on\""),
        "{got:#?}"
    );
}

#[test]
fn popular_action_outputs_come_from_the_generated_table() {
    let src = "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/cache@v4\n        id: cache\n        with:\n          key: k\n          path: p\n      - run: echo ${{ steps.cache.outputs.cache-hit }} ${{ steps.cache.outputs.cache_hit }}\n      - uses: some/unknown@v1\n        id: other\n      - run: echo ${{ steps.other.outputs.anything }}\n";
    let got = r(src);
    assert_eq!(got.len(), 1, "{got:#?}");
    assert!(
        got[0].starts_with("11:60: property \"cache_hit\" is not defined"),
        "{got:#?}"
    );
}

#[test]
fn env_given_as_one_expression_must_be_an_object() {
    let src = "on: push\nenv: ${{ fromJSON('{\"A\":\"1\"}') }}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    strategy:\n      matrix:\n        s: ['A=1']\n        o: [{A: '1'}]\n    env: ${{ matrix.s }}\n    steps:\n      - run: echo\n        env: ${{ matrix.o }}\n      - run: echo\n        env: ${{ matrix.s }}\n";
    assert_eq!(
        r(src),
        [
            "10:10: type of expression at \"env\" must be object but found type string",
            "15:14: type of expression at \"env\" must be object but found type string",
        ]
    );
}
