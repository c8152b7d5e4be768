use crate::rules::test_support::{apply_first_fix, lint_rule, render};

#[test]
fn the_documented_example() {
    let src = "on: issues\njobs:\n  greet:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo \"New issue - ${{ github.event.issue.title }}\"\n";
    let page = crate::rules::docs::page("template-injection").unwrap_or("");
    let out = render(src, "template-injection");
    assert_eq!(out.len(), 1);
    assert!(page.contains(&out[0]), "{}", out[0]);
    let fixed = apply_first_fix(src, "template-injection");
    assert!(page.contains(fixed.split("steps:\n").nth(1).unwrap_or("?")), "{fixed}");
}

/// Counts and flags of the payload (integers and booleans in GitHub's
/// webhook schemas) cannot carry shell syntax; a text field beside them can.
#[test]
fn numbers_and_flags_of_the_payload_are_not_reported() {
    let src = "on: pull_request_target\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.event.pull_request.commits }} ${{ github.event.pull_request.additions }} ${{ github.event.pull_request.changed_files }} ${{ github.event.pull_request.number }} ${{ github.event.pull_request.mergeable }} ${{ github.event.pull_request.head.repo.has_wiki }} ${{ github.event.issue.comments }} ${{ github.event.pull_request.milestone.title }}\n";
    let codes: Vec<&str> = lint_rule(src, "template-injection").iter().map(|d| d.code).collect();
    assert_eq!(codes, ["template-injection/event"]);
    // Pedantic users still see each of them as a plain expansion.
    let mut config = crate::config::Config::default();
    config.persona = crate::config::Persona::Pedantic;
    let options = crate::lint::LintOptions::new(&config);
    let expansions = crate::lint::lint(crate::rules::test_support::PATH, src.as_bytes(), &options)
        .iter()
        .filter(|d| d.code == "template-injection/expansion")
        .count();
    assert_eq!(expansions, 7);
}

/// `github.event.schedule` is the cron string of the workflow file that
/// triggered the run: not chosen by anyone who could not edit the script.
/// A payload field of the same name elsewhere is still judged as before.
#[test]
fn the_schedule_of_a_scheduled_run_is_not_reported() {
    let src = "on:\n  schedule:\n    - cron: '0 3 * * 1'\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.event.schedule }}\n      - run: echo ${{ github.event.workflow_run.schedule }}\n";
    let found: Vec<String> = lint_rule(src, "template-injection")
        .iter()
        .map(|d| d.message.clone())
        .collect();
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].starts_with("\"github.event.workflow_run.schedule\""),
        "{found:?}"
    );
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    fn fragment() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "echo ",
            "\"",
            "'",
            "\\",
            " ",
            "\n",
            "# note ",
            "cat <<EOF\n",
            "cat <<'EOF'\n",
            "\nEOF\n",
            "${{ github.event.issue.title }}",
            "${{ github.head_ref || 'x' }}",
            "${{ github.sha }}",
            "x_y",
            "$(date)",
        ])
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

        /// Whatever the script, a fix offered for it applies, parses, and
        /// leaves no untrusted expansion behind in that step.
        #[test]
        fn offered_fixes_remove_every_finding(parts in prop::collection::vec(fragment(), 1..12)) {
            let script: String = parts.concat();
            let body: String = script.lines().map(|l| format!("          {l}\n")).collect();
            let src = format!("on: issues\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n{body}");
            prop_assume!(!crate::yaml::parse(src.as_bytes()).has_errors());
            // Unverified, so that the property checks the fix itself.
            let config = crate::config::Config::default();
            let opts = crate::lint::LintOptions { verify_fixes: false, ..crate::lint::LintOptions::new(&config) };
            let diags: Vec<_> = crate::lint::lint(crate::rules::test_support::PATH, src.as_bytes(), &opts)
                .into_iter()
                .filter(|d| d.rule == "template-injection")
                .collect();
            if let Some(fix) = diags.iter().find_map(|d| d.fixes.first()) {
                let edits: Vec<_> = fix.edits.iter().collect();
                let out = crate::fix::apply_edits(crate::rules::test_support::PATH, &src, &edits).expect("applies");
                prop_assert!(!crate::yaml::parse(out.as_bytes()).has_parse_errors(), "{}", out);
                prop_assert!(lint_rule(&out, "template-injection").is_empty(), "{}", out);
            }
        }

        #[test]
        fn quoting_scans_any_text(text in "\\PC{0,80}", lang in 0..3u8) {
            let lang = match lang {
                0 => super::super::quoting::Lang::Js,
                1 => super::super::quoting::Lang::Shell(super::super::quoting::ShellKind::Pwsh),
                _ => super::super::quoting::Lang::Shell(super::super::quoting::ShellKind::Posix),
            };
            let spans: Vec<autoheal_expr::Span> = autoheal_expr::find_expressions(&text).iter().map(|e| e.span).collect();
            let at: Vec<usize> = spans.iter().map(|s| s.start).collect();
            let states = super::super::quoting::states(&text, &spans, &at, lang);
            prop_assert_eq!(states.len(), at.len());
        }
    }
}

#[test]
fn a_code_input_action_is_recognized_in_any_case_at_any_version() {
    assert!(super::uses_action("Actions/GitHub-Script@v7", "actions/github-script"));
    assert!(super::uses_action(
        "actions/github-script@main",
        "actions/github-script"
    ));
    assert!(!super::uses_action(
        "actions/github-scripts@v7",
        "actions/github-script"
    ));
    assert!(!super::uses_action("actions/github-script", "actions/github-script"));
    assert!(!super::uses_action("actions/githüb", "actions/github-script"));
}

/// A matrix given by `fromJSON()` of a literal holds values written in the
/// workflow itself, like a written matrix: nothing is computed at run time.
/// A matrix read from another job's output still is.
#[test]
fn matrix_values_from_literal_json_are_not_computed() {
    let src = "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    strategy:\n      matrix: ${{ fromJSON('{\"target\":[\"x86_64\"]}') }}\n    steps:\n      - run: echo ${{ matrix.target }}\n  b:\n    runs-on: ubuntu-latest\n    strategy:\n      matrix:\n        node: ${{ fromJSON('[20, 22]') }}\n        include:\n          - ${{ fromJSON('{\"os\":\"linux\"}') }}\n    steps:\n      - run: echo ${{ matrix.node }} ${{ matrix.os }}\n  c:\n    needs: a\n    runs-on: ubuntu-latest\n    strategy:\n      matrix:\n        mod: ${{ fromJSON(needs.a.outputs.mods) }}\n    steps:\n      - run: echo ${{ matrix.mod }}\n";
    let found: Vec<String> = lint_rule(src, "template-injection")
        .iter()
        .map(|d| d.message.clone())
        .collect();
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].starts_with("\"matrix.mod\""), "{found:?}");
}
