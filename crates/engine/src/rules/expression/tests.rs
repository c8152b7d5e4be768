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

/// `cache-mode` is walked at both levels: a misspelt function or property
/// is found there too (no context is refused: the availability table has no
/// row for the key).
#[test]
fn cache_mode_expressions_are_checked() {
    let src = "on: push\ncache-mode: ${{ github.event_nam == 'push' && 'write' || 'read' }}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    cache-mode: ${{ startWith(github.ref, 'refs/tags/') && 'none' || 'read' }}\n    steps:\n      - run: x\n";
    let out = r(src);
    assert_eq!(out.len(), 2, "{out:?}");
    assert!(
        out[0].starts_with("2:17: property \"event_nam\" is not defined"),
        "{out:?}"
    );
    assert!(out[1].starts_with("6:21: undefined function \"startWith\""), "{out:?}");
}

#[test]
fn the_documented_example() {
    let src = "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - id: build\n        run: echo \"v=1\" >> \"$GITHUB_OUTPUT\"\n      - run: echo ${{ steps.biuld.outputs.v }}\n";
    let out = r(src);
    let page = crate::rules::docs::page("expression").unwrap_or("");
    assert_eq!(out.len(), 1);
    assert!(page.contains(&out[0]), "{}", out[0]);
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
fn values_given_to_a_local_callee_are_checked_here_and_typed_by_workflow_call() {
    let repo = crate::repo::MemoryRepo::new([(
        ".github/workflows/c.yml",
        "on:\n  workflow_call:\n    inputs:\n      n:\n        type: number\n      s:\n        type: string\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo\n",
    )]);
    let src = "on: push\njobs:\n  call:\n    uses: ./.github/workflows/c.yml\n    with:\n      n: ${{ github.run_attempt == '1' }}\n      s: ${{ fromJSON('[1]') }}\n";
    let got = r_repo(src, &repo);
    // The input's type is `workflow-call/input-type`'s; an array where a
    // string goes is this rule's template-value error.
    assert_eq!(got.len(), 1, "{got:#?}");
    assert!(got[0].starts_with("7:10: object, array, and null values"), "{got:#?}");
}

#[test]
fn typed_keys_take_only_their_type_from_an_expression() {
    let src = "on:\n  workflow_dispatch:\n    inputs:\n      minutes:\n        type: number\n      lenient:\n        type: boolean\njobs:\n  a:\n    runs-on: x\n    timeout-minutes: ${{ github.event.inputs.minutes }}\n    continue-on-error: ${{ inputs.minutes }}\n    strategy:\n      max-parallel: ${{ inputs.lenient }}\n      fail-fast: ${{ inputs.lenient }}\n    steps:\n      - run: echo\n        timeout-minutes: ${{ inputs.minutes }}\n        continue-on-error: ${{ fromJSON('true') }}\n      - run: echo\n        timeout-minutes: ${{ fromJSON('\"5\"') }}\n        continue-on-error: ${{ steps.x.outputs.y }}\n";
    let got = r(src);
    let at: Vec<&str> = got.iter().map(|m| m.split(": ").next().unwrap_or("")).collect();
    // Lines 11, 12, 14 and 21 give the wrong type; 22 reads a step that is
    // not defined (an undefined-property error, not a type error).
    assert_eq!(at, ["11:22", "12:24", "14:21", "21:26", "22:32"], "{got:#?}");
    assert!(
        got[0].contains("type of expression at \"timeout-minutes\" must be number but found type string"),
        "{got:#?}"
    );
    assert!(
        got[1].contains("\"continue-on-error\" must be bool but found type number"),
        "{got:#?}"
    );
    assert!(
        got[2].contains("\"max-parallel\" must be number but found type bool"),
        "{got:#?}"
    );
    assert!(got[4].contains("property \"x\" is not defined"), "{got:#?}");
}

/// Whitespace kept around a lone `${{ }}` (quotes, a block scalar's
/// newline) or two expressions side by side make a string template, which a
/// boolean or number key rejects; YAML strips a plain scalar's trailing
/// spaces, so that one is still the expression's own value.
#[test]
fn typed_keys_given_a_template_around_an_expression_get_a_string() {
    let src = "on: push\njobs:\n  a:\n    runs-on: x\n    continue-on-error: ${{ true }}   \n    timeout-minutes: |\n      ${{ 5 }}\n    strategy:\n      fail-fast: ${{ true }}${{ false }}\n      max-parallel: ${{ 2 }}\n    steps:\n      - run: echo\n        continue-on-error: \"${{ true }} \"\n";
    let got = r(src);
    let at: Vec<&str> = got.iter().map(|m| m.split(": ").next().unwrap_or("")).collect();
    assert_eq!(at, ["6:22", "9:18", "13:28"], "{got:#?}");
    assert!(
        got[0].contains("\"timeout-minutes\" must be number but found type string: the text around"),
        "{got:#?}"
    );
    assert!(
        got[2].contains("\"continue-on-error\" must be bool but found type string"),
        "{got:#?}"
    );
}

/// `concurrency.cancel-in-progress`, the workflow's and a job's, is read with
/// `AssertBoolean` like `continue-on-error`: a string or number expression
/// fails, a boolean one and the group's strings do not.
#[test]
fn cancel_in_progress_takes_only_a_boolean_from_an_expression() {
    let src = "on:\n  workflow_dispatch:\n    inputs:\n      cancel:\n        type: boolean\nconcurrency:\n  group: ci-${{ github.ref }}\n  cancel-in-progress: ${{ github.ref_name }}\njobs:\n  a:\n    runs-on: x\n    concurrency:\n      group: ${{ github.workflow }}\n      cancel-in-progress: ${{ inputs.cancel }}\n    steps:\n      - run: echo\n  b:\n    runs-on: x\n    concurrency:\n      group: b\n      cancel-in-progress: ${{ 1 }}\n    steps:\n      - run: echo\n  c:\n    runs-on: x\n    concurrency: c-${{ github.event_name != 'push' }}\n    steps:\n      - run: echo\n";
    let got = r(src);
    let at: Vec<&str> = got.iter().map(|m| m.split(": ").next().unwrap_or("")).collect();
    assert_eq!(at, ["8:23", "21:27"], "{got:#?}");
    assert!(
        got[0].contains("\"cancel-in-progress\" must be bool but found type string"),
        "{got:#?}"
    );
    assert!(
        got[1].contains("\"cancel-in-progress\" must be bool but found type number"),
        "{got:#?}"
    );
}

#[test]
fn job_services_has_exactly_the_services_the_job_declares() {
    let src = "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    services:\n      Redis:\n        image: redis:8\n    steps:\n      - run: echo ${{ job.services.redis.ports['6379'] }} ${{ job.services.mysql.id }}\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ job.services.redis.id }}\n  c:\n    runs-on: ubuntu-latest\n    services: ${{ fromJSON(vars.SERVICES) }}\n    steps:\n      - run: echo ${{ job.services.redis.id }}\n";
    let out = r(src);
    // An id of another case is the same service; an undeclared one, or any
    // one in a job without services, is always empty; services given by an
    // expression may have any id.
    assert_eq!(out.len(), 2, "{out:#?}");
    assert!(out[0].contains("property \"mysql\" is not defined"), "{}", out[0]);
    assert!(
        out[1].contains("property \"redis\" is not defined in object type {}"),
        "{}",
        out[1]
    );
}

/// A comparison with a string the property never holds (GitHub's contexts
/// reference lists each property's values; strings compare without case):
/// `==` is never true (an error), `!=` always true (a warning), with the
/// nearest value when one is a typo away.
#[test]
fn comparisons_with_a_value_the_context_never_has() {
    let src = "on: [push, pull_request]
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - id: s
        run: echo hi
      - if: steps.s.outcome == 'skiped'
        run: echo 1
      - if: ${{ job.status == 'failed' }}
        run: echo 2
      - if: github.event_name == 'pull-request'
        run: echo 3
      - if: runner.os == 'linux' && runner.arch == 'arm64' && 'macOS' != runner.os
        run: echo 4
      - if: steps.s.conclusion != 'succeeded'
        run: echo 5
      - run: echo ${{ runner.os == 'ubuntu' }}
      - if: github.event_name == 'pull_request' || github.event_name == 'Push'
        run: echo 6
  b:
    needs: a
    if: needs.a.result == 'sucess'
    runs-on: ubuntu-latest
    steps:
      - run: echo hi
";
    let found: Vec<(String, crate::diagnostic::Severity, &str)> = {
        let idx = crate::text::LineIndex::new(src);
        crate::rules::test_support::lint_rule(src, "expression")
            .into_iter()
            .map(|d| {
                let p = idx.line_column(src, d.range.start);
                (format!("{}:{}: {}", p.line, p.column, d.message), d.severity, d.code)
            })
            .collect()
    };
    let lines: Vec<&str> = found.iter().map(|(l, _, _)| l.as_str()).collect();
    assert_eq!(
        lines,
        [
            "8:32: steps.s.outcome is never \"skiped\" (its values are \"success\", \"failure\", \"cancelled\" and \"skipped\"), so \"==\" is always false (did you mean \"skipped\"?)",
            "10:31: job.status is never \"failed\" (its values are \"success\", \"failure\" and \"cancelled\"), so \"==\" is always false",
            "12:34: github.event_name is never \"pull-request\" (no event has that name), so \"==\" is always false (did you mean \"pull_request\"?)",
            "16:35: steps.s.conclusion is never \"succeeded\" (its values are \"success\", \"failure\", \"cancelled\" and \"skipped\"), so \"!=\" is always true",
            "18:36: runner.os is never \"ubuntu\" (its values are \"Linux\", \"Windows\" and \"macOS\"), so \"==\" is always false",
            "23:27: needs.a.result is never \"sucess\" (its values are \"success\", \"failure\", \"cancelled\" and \"skipped\"), so \"==\" is always false (did you mean \"success\"?)",
        ],
        "{found:?}"
    );
    use crate::diagnostic::Severity::{Error, Warning};
    let severities: Vec<_> = found.iter().map(|(_, s, _)| *s).collect();
    assert_eq!(severities, [Error, Error, Error, Warning, Error, Error]);
    assert!(
        found.iter().all(|(_, _, c)| *c == "expression/impossible-value"),
        "{found:?}"
    );
}

/// A matrix written as `fromJSON()` of a literal is typed from the literal,
/// as a written matrix is: its keys (with `include` rows) are known, so a
/// key it lacks is an error, and a value of the wrong shape where GitHub
/// expands the matrix (a row that is not an array, a matrix that is not an
/// object, an `include` that is not an array of objects) is an error too.
#[test]
fn literal_from_json_matrices_are_typed() {
    let job = |strategy: &str, run: &str| {
        format!(
            "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    strategy:\n{strategy}    steps:\n      - run: echo \"{run}\"\n"
        )
    };
    // A whole matrix: `toolchain` is not among its keys.
    let whole = job(
        "      matrix: ${{ fromJSON('{\"target\":[\"x86_64\",\"aarch64\"],\"include\":[{\"target\":\"riscv\",\"lto\":true}]}') }}\n",
        "${{ matrix.target }} ${{ matrix.lto }} ${{ matrix.toolchain }}",
    );
    let out = r(&whole);
    assert_eq!(out.len(), 1, "{out:?}");
    assert!(
        out[0].starts_with("8:63: property \"toolchain\" is not defined"),
        "{out:?}"
    );
    // Rows given as literal arrays and `include` given whole are typed too.
    let rows = job(
        "      matrix:\n        node: ${{ fromJSON('[20, 22]') }}\n        include: ${{ fromJSON('[{\"node\":24,\"experimental\":true}]') }}\n",
        "${{ matrix.node }} ${{ matrix.experimental }} ${{ matrix.nod }}",
    );
    let out = r(&rows);
    assert_eq!(out.len(), 1, "{out:?}");
    assert!(out[0].contains("property \"nod\" is not defined"), "{out:?}");
    // Shapes GitHub cannot expand.
    let row_object = job(
        "      matrix:\n        config: ${{ fromJSON('{\"name\":\"full\"}') }}\n",
        "${{ matrix.config.name }}",
    );
    let out = r(&row_object);
    assert_eq!(out.len(), 1, "{out:?}");
    assert!(
        out[0].starts_with("7:17:") && out[0].contains("must be array"),
        "{out:?}"
    );
    let whole_array = job("      matrix: ${{ fromJSON('[\"a\"]') }}\n", "x");
    let out = r(&whole_array);
    assert_eq!(out.len(), 1, "{out:?}");
    assert!(
        out[0].starts_with("6:15:") && out[0].contains("must be object"),
        "{out:?}"
    );
    let include_row = job(
        "      matrix:\n        os: [a]\n        include:\n          - ${{ fromJSON('\"str\"') }}\n",
        "x",
    );
    let out = r(&include_row);
    assert_eq!(out.len(), 1, "{out:?}");
    assert!(
        out[0].starts_with("9:13:") && out[0].contains("must be object"),
        "{out:?}"
    );
    // What a whole literal's keys hold is not judged (actionlint's valid
    // `{"foo":{}}`), and such a key is known, of any type.
    let object_value = job("      matrix: ${{ fromJSON('{\"foo\":{}}') }}\n", "${{ matrix.foo }}");
    assert_eq!(r(&object_value), Vec::<String>::new());
    // A matrix computed from anything else is left open.
    let computed = job("      matrix: ${{ fromJSON(vars.MATRIX) }}\n", "${{ matrix.anything }}");
    assert_eq!(r(&computed), Vec::<String>::new());
}

/// A `number` input (dispatch or call) compared with a word that holds no
/// digit is never equal; numerals, blank strings, `Infinity`, a boolean
/// input with `'true'`, string inputs, and a property of another context
/// are left alone.
#[test]
fn a_number_input_compared_with_a_word_is_never_equal() {
    let src = "on:\n  workflow_dispatch:\n    inputs:\n      replicas:\n        type: number\n      dry:\n        type: boolean\n      name:\n        type: string\njobs:\n  a:\n    runs-on: x\n    steps:\n      - if: inputs.replicas == 'two'\n        run: echo\n      - if: inputs.Replicas != 'none'\n        run: echo\n      - if: inputs.replicas == '2' || inputs.replicas == '' || inputs.replicas == 'Infinity'\n        run: echo\n      - if: inputs.dry == 'true' || inputs.name == 'two' || github.event.inputs.replicas == 'two'\n        run: echo\n      - if: inputs.replicas > 'many'\n        run: echo\n";
    assert_input_word_findings(src, ["14", "16"], "input replicas is declared a number");
}

/// The findings of `src` about a typed input compared with a word: on
/// `lines`, the first an `==` (always false) that says `declared`, the
/// second an `!=` (always true).
fn assert_input_word_findings(src: &str, lines: [&str; 2], declared: &str) {
    let got: Vec<String> = r(src).into_iter().filter(|m| m.contains("is not a number")).collect();
    let found: Vec<&str> = got.iter().map(|m| m.split(':').next().unwrap_or("")).collect();
    assert_eq!(found, lines, "{got:#?}");
    assert!(got[0].contains(declared) && got[0].contains("always false"), "{got:#?}");
    assert!(got[1].contains("\"!=\" is always true"), "{got:#?}");
}

/// A `boolean` input (dispatch or call) compared with a word that is not
/// `true` / `false` and holds no digit is never equal, whether GitHub gives
/// the input as a boolean or as the string `true` / `false`; those two
/// words (either case), numerals, blank strings and `github.event.inputs`
/// are left alone.
#[test]
fn a_boolean_input_compared_with_a_word_other_than_true_or_false_is_never_equal() {
    let src = "on:\n  workflow_call:\n    inputs:\n      publish:\n        type: boolean\njobs:\n  a:\n    runs-on: x\n    steps:\n      - if: inputs.publish == 'yes'\n        run: echo\n      - if: inputs.publish != 'off'\n        run: echo\n      - if: inputs.publish == 'true' || inputs.publish != 'False' || inputs.publish == '1' || inputs.publish == ''\n        run: echo\n      - if: github.event.inputs.publish == 'yes'\n        run: echo\n";
    assert_input_word_findings(src, ["10", "12"], "input publish is declared a boolean");
}

/// `github.event.action` compared with an activity type none of the
/// workflow's triggers delivers: any such word when every trigger writes its
/// `types:`, only a near miss when a trigger's full list stands in; nothing
/// when a trigger has no activity types (`push`, `workflow_call`,
/// `repository_dispatch`).
#[test]
fn github_event_action_is_judged_by_the_triggers_activity_types() {
    let job = "jobs:\n  a:\n    runs-on: x\n    steps:\n      - if: github.event.action == 'labelled'\n        run: echo\n      - if: github.event.action != 'closed'\n        run: echo\n      - if: github.event.action == 'OPENED'\n        run: echo\n";
    let impossible = |on: &str| under_triggers(on, job, "github.event.action is never");
    // Every trigger names its types: any other word is impossible.
    let written = impossible("on:\n  issues:\n    types: [opened, labeled]\n  issue_comment:\n    types: created\n");
    let lines: Vec<&str> = written.iter().map(|m| m.split(':').next().unwrap_or("")).collect();
    assert_eq!(lines, ["10", "12"], "{written:#?}");
    assert!(
        written[0].contains("\"created\", \"labeled\", \"opened\"")
            && written[0].contains("always false")
            && written[0].contains("did you mean \"labeled\"?"),
        "{written:#?}"
    );
    assert!(written[1].contains("\"!=\" is always true"), "{written:#?}");
    // `issues` without `types:`: its full list stands in, so only the near
    // miss is reported (`closed` is one of its types anyway).
    let full = impossible("on:\n  issues:\n  pull_request_review:\n    types: [submitted]\n");
    assert_eq!(full.len(), 1, "{full:#?}");
    assert!(full[0].starts_with("9:"), "{full:#?}");
    // A misspelt written type is delivered never: it is not listed, not
    // suggested, and the word it spells is judged like any other.
    let misspelt =
        impossible("on:\n  issues:\n    types: [labelled, unlabled]\n  pull_request:\n    types: [labeled]\n");
    let lines: Vec<&str> = misspelt.iter().map(|m| m.split(':').next().unwrap_or("")).collect();
    assert_eq!(lines, ["10", "12", "14"], "{misspelt:#?}");
    // A type two triggers deliver is suggested once.
    let twice = impossible("on:\n  issues:\n    types: [labeled]\n  pull_request:\n    types: [labeled]\n");
    assert!(
        twice[0].contains("deliver \"labeled\")") && twice[0].ends_with("(did you mean \"labeled\"?)"),
        "{twice:#?}"
    );
    // Only misspelt types written: the events rule speaks, not this one.
    assert_eq!(
        impossible("on:\n  issues:\n    types: [labelled]\n"),
        Vec::<String>::new()
    );
    assert!(
        misspelt[0].contains("never \"labelled\" (the workflow's triggers deliver \"labeled\")")
            && !misspelt.iter().any(|m| m.contains("unlabled")),
        "{misspelt:#?}"
    );
    // A trigger without activity types: nothing is judged.
    for on in [
        "on: [issues, push]\n",
        "on:\n  workflow_call:\n  issues:\n    types: [opened]\n",
        "on:\n  repository_dispatch:\n    types: [labelled]\n",
    ] {
        assert_eq!(impossible(on), Vec::<String>::new(), "{on}");
    }
}

/// A compared word that a misspelt `types:` entry stands for (or the
/// misspelling itself) points at the trigger's list, where the mistake is;
/// without a misspelling the comparison gets the suggestion.
#[test]
fn a_misspelt_trigger_type_is_pointed_at_not_the_comparison() {
    let job = "jobs:\n  a:\n    runs-on: x\n    steps:\n      - if: github.event.action == 'unlabeled'\n        run: echo\n      - if: github.event.action != 'unlabled'\n        run: echo\n      - if: github.event.action == 'closed'\n        run: echo\n";
    let impossible = |on: &str| under_triggers(on, job, "github.event.action is never");
    let misspelt = impossible("on:\n  issues:\n    types: [labeled, unlabled]\n");
    let lines: Vec<&str> = misspelt.iter().map(|m| m.split(':').next().unwrap_or("")).collect();
    assert_eq!(lines, ["8", "10", "12"], "{misspelt:#?}");
    for m in &misspelt[..2] {
        assert!(
            m.ends_with("(the issues trigger's types: lists \"unlabled\", which is no activity type of \"issues\"; did you mean \"unlabeled\" there?)"),
            "{misspelt:#?}"
        );
        assert!(!m.contains("did you mean \"labeled\""), "{misspelt:#?}");
    }
    // `closed` is no near miss of the misspelling: no pointer, no suggestion.
    assert!(!misspelt[2].contains("trigger's types"), "{misspelt:#?}");
    // Written right, the trigger is not blamed: the comparison is.
    let written = impossible("on:\n  issues:\n    types: [labeled]\n");
    assert!(
        written[0].ends_with("(did you mean \"labeled\"?)") && !written.iter().any(|m| m.contains("trigger's types")),
        "{written:#?}"
    );
}

/// `inputs.<id>` of a `workflow_dispatch` choice input compared with a word
/// none of its options is (GitHub refuses a dispatch with such a value).
#[test]
fn a_choice_input_compared_with_a_word_outside_its_options_is_never_equal() {
    let job = "jobs:\n  a:\n    runs-on: x\n    steps:\n      - if: inputs.tier == 'xlarge'\n        run: echo\n      - if: inputs.tier != 'Large'\n        run: echo\n      - if: github.event.inputs.tier != 'smal'\n        run: echo\n      - if: inputs.tier == ''\n        run: echo\n      - if: inputs.name == 'x'\n        run: echo\n";
    let choice = "on:\n  workflow_dispatch:\n    inputs:\n      tier:\n        type: choice\n        options: [small, large]\n      name:\n        type: string\n";
    let never = |on: &str| under_triggers(on, job, "is a choice of");
    let found = never(choice);
    let lines: Vec<&str> = found.iter().map(|m| m.split(':').next().unwrap_or("")).collect();
    assert_eq!(lines, ["13", "17"], "{found:#?}");
    assert!(
        found[0].contains("inputs.tier is never \"xlarge\" (input \"tier\" is a choice of \"small\", \"large\"), so \"==\" is always false"),
        "{found:#?}"
    );
    assert!(
        found[1].contains("\"!=\" is always true") && found[1].ends_with("(did you mean \"small\"?)"),
        "{found:#?}"
    );
    let severities: Vec<crate::Severity> =
        crate::rules::test_support::lint_rule(&format!("{choice}{job}"), "expression")
            .into_iter()
            .filter(|d| d.message.contains("is a choice of"))
            .map(|d| d.severity)
            .collect();
    assert_eq!(severities, [crate::Severity::Error, crate::Severity::Warning]);
    // Options from an expression, or an input a caller may pass as well:
    // any value can arrive, nothing is judged; a callable workflow's
    // `github.event.inputs` is its caller's.
    assert_eq!(
        never(
            "on:\n  workflow_dispatch:\n    inputs:\n      tier:\n        type: choice\n        options: ${{ fromJSON(vars.TIERS) }}\n"
        ),
        Vec::<String>::new()
    );
    assert_eq!(
        never(
            "on:\n  workflow_dispatch:\n    inputs:\n      tier:\n        type: choice\n        options: [small, '${{ vars.TIER }}']\n"
        ),
        Vec::<String>::new()
    );
    assert_eq!(
        never(&format!(
            "{choice}  workflow_call:\n    inputs:\n      tier:\n        type: string\n"
        )),
        Vec::<String>::new()
    );
    // Input names are matched without case, so `Tier` under
    // `workflow_call` is the same input.
    assert_eq!(
        never(&format!(
            "{choice}  workflow_call:\n    inputs:\n      Tier:\n        type: string\n"
        )),
        Vec::<String>::new()
    );
    let callable = never(&format!("{choice}  workflow_call:\n"));
    assert_eq!(callable.len(), 1, "{callable:#?}");
    assert!(callable[0].starts_with("14:"), "{callable:#?}");
}

/// The workflow's `name` evaluates no expression: a context there is
/// refused, as under `defaults.run`; `run-name` may read `github`.
#[test]
fn the_workflow_name_allows_no_context() {
    let job = "on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: echo\n";
    let out = r(&format!("name: Build ${{{{ github.ref_name }}}}\n{job}"));
    assert_eq!(out.len(), 1, "{out:?}");
    assert!(out[0].starts_with("1:17:") && out[0].contains("\"github\""), "{out:?}");
    assert_eq!(
        r(&format!(
            "name: Build\nrun-name: Build ${{{{ github.ref_name }}}}\n{job}"
        )),
        Vec::<String>::new()
    );
}

/// The findings of the workflow `on` + `job` whose message holds `needle`.
fn under_triggers(on: &str, job: &str, needle: &str) -> Vec<String> {
    r(&format!("{on}{job}"))
        .into_iter()
        .filter(|m| m.contains(needle))
        .collect()
}

/// `github.event.<field>` is judged by the fields the triggers' payloads
/// carry, only when every trigger's payload fields are known.
#[test]
fn a_payload_field_no_trigger_sends_is_always_null() {
    let job = "jobs:\n  a:\n    runs-on: x\n    steps:\n      - run: echo ${{ github.event.pull_request.title }}\n      - if: github.event.forced\n        run: echo\n      - run: echo ${{ github.event.action }} ${{ github.event.ref }}\n";
    let absent = |on: &str| under_triggers(on, job, "is always null");
    // push carries `forced` but not `pull_request`; fields many events
    // share (`action`, `ref`) are never judged.
    let push = absent("on: push\n");
    assert_eq!(push.len(), 1, "{push:#?}");
    assert!(push[0].starts_with("6:"), "{push:#?}");
    assert!(
        push[0].contains("github.event.pull_request is always null")
            && push[0].contains("(\"push\")")
            && push[0].contains("\"pull_request_target\""),
        "{push:#?}"
    );
    // issues: neither field is sent.
    let issues = absent("on:\n  issues:\n    types: [opened]\n");
    let lines: Vec<&str> = issues.iter().map(|m| m.split(':').next().unwrap_or("")).collect();
    assert_eq!(lines, ["8", "9"], "{issues:#?}");
    // One trigger sending the field is enough; a trigger whose payload is
    // not listed (`workflow_call`: the caller's) turns the check off.
    for on in [
        "on: [push, pull_request]\n",
        "on:\n  push:\n  workflow_call:\n",
        "on: [issues, repository_dispatch]\n",
    ] {
        let found = absent(on);
        assert!(!found.iter().any(|m| m.contains("pull_request is")), "{on}: {found:#?}");
    }
    assert_eq!(absent("on: [issues, deployment_status]\n"), Vec::<String>::new());
}
