use super::{CalleeError, WorkflowRef, call_spec, output_refs, parse_workflow_ref};
use crate::config::Config;
use crate::lint::{LintOptions, lint};
use crate::repo::MemoryRepo;
use crate::rules::test_support::{PATH, render};

const CALLEE: &str = "on:\n  workflow_call:\n    inputs:\n      env:\n        type: string\n        required: true\n      dry:\n        type: boolean\n        default: false\n      level:\n        type: number\n        required: true\n        default: 1\n    secrets:\n      token:\n        required: true\n      extra:\n    outputs:\n      url:\n        value: ${{ jobs.a.outputs.url }}\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: echo\n";

fn render_with(src: &str, repo: &MemoryRepo) -> Vec<String> {
    render_config(src, repo, &Config::default())
}

fn render_config(src: &str, repo: &MemoryRepo, config: &Config) -> Vec<String> {
    let opts = LintOptions {
        repo,
        ..LintOptions::new(config)
    };
    let idx = crate::text::LineIndex::new(src);
    lint(PATH, src.as_bytes(), &opts)
        .into_iter()
        .filter(|d| d.rule == "workflow-call")
        .map(|d| {
            let p = idx.line_column(src, d.range.start);
            format!("{}:{}: {} {}", p.line, p.column, d.severity, d.message)
        })
        .collect()
}

#[test]
fn references_are_parsed() {
    assert_eq!(
        parse_workflow_ref("./.github/workflows/a.yml"),
        Ok(WorkflowRef::Local {
            path: "./.github/workflows/a.yml"
        })
    );
    assert_eq!(
        parse_workflow_ref("o/r/.github/workflows/a.yaml@v1"),
        Ok(WorkflowRef::Remote {
            owner: "o",
            repo: "r",
            path: ".github/workflows/a.yaml",
            git_ref: "v1"
        })
    );
    assert_eq!(
        parse_workflow_ref("$/.github/workflows/a.yml"),
        Ok(WorkflowRef::Local {
            path: "$/.github/workflows/a.yml"
        })
    );
    assert!(parse_workflow_ref("$/.github/workflows/a.yml@main").is_err());
    for bad in [
        "./a.yml@main",
        "/foo/w.yml@main",
        "foo/w.yml@main",
        "foo/bar/w.yml",
        "owner/repo@main",
        "./.github/workflows/x",
    ] {
        assert!(parse_workflow_ref(bad).is_err(), "{bad}");
    }
}

#[test]
fn the_callee_contract_is_read_from_on_workflow_call() {
    let spec = call_spec(CALLEE).unwrap();
    let inputs: Vec<(&str, &str, bool)> = spec
        .inputs
        .iter()
        .map(|i| (i.name.as_str(), i.ty.as_str(), i.required))
        .collect();
    assert_eq!(
        inputs,
        [
            ("env", "string", true),
            ("dry", "boolean", false),
            ("level", "number", false)
        ]
    );
    assert_eq!(
        spec.secrets,
        [("token".to_string(), true), ("extra".to_string(), false)]
    );
    assert_eq!(spec.outputs, ["url"]);
    assert_eq!(call_spec("on: [push, workflow_call]\n").map(|s| s.inputs.len()), Ok(0));
    assert_eq!(call_spec("on: push\n"), Err(CalleeError::NotReusable));
    assert_eq!(call_spec("- a\n"), Err(CalleeError::Unreadable));
}

#[test]
fn malformed_calls_are_errors_without_a_repository() {
    let src = "on: push\njobs:\n  a:\n    uses: ./foo/bar/workflow.yml@main\n  b:\n    uses: foo/workflow.yml@main\n  c:\n    uses: foo/bar/workflow.yml\n  d:\n    uses: owner/repo@main\n  e:\n    uses: owner/repo/.github/workflows/ok.yml@v1\n  f:\n    uses: ./.github/workflows/missing.yml\n";
    let got = render(src, "workflow-call");
    let lines: Vec<&str> = got.iter().map(|m| m.split(": ").next().unwrap_or("")).collect();
    assert_eq!(lines, ["4:11", "6:11", "8:11", "10:11"], "{got:#?}");
    assert!(got[0].contains("takes no `@ref`"), "{got:#?}");
}

#[test]
fn inputs_secrets_and_outputs_are_checked_against_a_local_callee() {
    let repo = MemoryRepo::new([
        (".github/workflows/deploy.yml", CALLEE),
        (".github/workflows/plain.yml", "on: push\njobs: {}\n"),
    ]);
    let src = "on: push\njobs:\n  deploy:\n    uses: $/.github/workflows/deploy.yml\n    with:\n      dry: maybe\n      levle: 2\n    secrets:\n      tokne: ${{ secrets.T }}\n  after:\n    needs: deploy\n    runs-on: x\n    steps:\n      - run: echo ${{ needs.deploy.outputs.url }} ${{ needs.deploy.outputs.uri }}\n  ok:\n    uses: ./.github/workflows/deploy.yml\n    with:\n      env: prod\n      DRY: true\n      level: ${{ 3 }}\n    secrets: inherit\n  plain:\n    uses: ./.github/workflows/plain.yml\n";
    assert_eq!(
        render_with(src, &repo),
        [
            "4:11: error missing input \"env\", which reusable workflow \"$/.github/workflows/deploy.yml\" requires",
            "4:11: error missing secret \"token\", which reusable workflow \"$/.github/workflows/deploy.yml\" requires; pass it under `secrets:` or use `secrets: inherit`",
            "6:12: error input \"dry\" of reusable workflow \"$/.github/workflows/deploy.yml\" is a boolean, but the value is a string",
            "7:7: error input \"levle\" is not defined by reusable workflow \"$/.github/workflows/deploy.yml\"; did you mean \"level\"?; its inputs are \"dry\", \"env\", \"level\"",
            "9:7: error secret \"tokne\" is not defined by reusable workflow \"$/.github/workflows/deploy.yml\"; did you mean \"token\"?; its secrets are \"extra\", \"token\"",
            "23:11: error \"./.github/workflows/plain.yml\" is not a reusable workflow: it has no `on: workflow_call` trigger",
        ]
    );
    // The undeclared output `uri` is the `expression` rule's finding (it
    // types `needs.deploy.outputs` from the callee); this rule reports it
    // only when that rule is off, so it is never said twice.
    let all = crate::lint::lint(
        PATH,
        src.as_bytes(),
        &LintOptions {
            repo: &repo,
            ..LintOptions::new(&Config::default())
        },
    );
    let uri: Vec<(&str, &str)> = all
        .iter()
        .filter(|d| d.message.contains("\"uri\""))
        .map(|d| (d.rule, d.code))
        .collect();
    assert_eq!(uri, [("expression", "expression/undefined-property")]);
    let (off, _) = Config::parse(
        ".github/autoheal.yml",
        b"rules:\n  expression: off\n",
        &crate::rules::rule_ids(),
    );
    let alone = render_config(src, &repo, &off);
    assert!(
        alone.contains(&"14:76: error output \"uri\" is not defined by the reusable workflow job \"deploy\" calls; its outputs are \"url\"".to_string()),
        "{alone:#?}"
    );
}

#[test]
fn expressions_and_literals_are_typed_by_one_check() {
    let repo = MemoryRepo::new([(
        ".github/workflows/c.yml",
        "on:\n  workflow_call:\n    inputs:\n      n:\n        type: number\n      s:\n        type: string\n      b:\n        type: boolean\njobs:\n  j:\n    runs-on: x\n    steps:\n      - run: echo\n",
    )]);
    let src = "on:\n  workflow_dispatch:\n    inputs:\n      count:\n        type: number\njobs:\n  wrong:\n    uses: ./.github/workflows/c.yml\n    with:\n      n: ${{ github.run_number }}\n      b: ${{ github.event.inputs.count }}\n  wrong-too:\n    uses: ./.github/workflows/c.yml\n    with:\n      n: ${{ github.ref == 'refs/heads/main' }}\n      b: 1\n  template:\n    uses: ./.github/workflows/c.yml\n    with:\n      n: 1${{ inputs.count }}\n  fine:\n    uses: ./.github/workflows/c.yml\n    with:\n      n: ${{ inputs.count }}\n      s: ${{ github.ref == 'refs/heads/main' }}\n      b: ${{ inputs.count > 1 }}\n  converts:\n    uses: ./.github/workflows/c.yml\n    with:\n      n: '3'\n      s: 42\n      b: 'true'\n";
    let got = render_with(src, &repo);
    let at: Vec<&str> = got.iter().map(|m| m.split(": ").next().unwrap_or("")).collect();
    assert_eq!(at, ["10:10", "11:10", "15:10", "16:10", "20:10"], "{got:#?}");
    assert!(
        got[0].ends_with("input \"n\" of reusable workflow \"./.github/workflows/c.yml\" is a number, but the value is an expression of type string"),
        "{got:#?}"
    );
    // A bool expression and a bool literal get the same finding.
    assert!(
        got[2].contains("is a number, but the value is an expression of type bool"),
        "{got:#?}"
    );
    assert!(got[3].contains("is a boolean, but the value is a number"), "{got:#?}");
    let codes: Vec<&str> = lint(
        PATH,
        src.as_bytes(),
        &LintOptions {
            repo: &repo,
            ..LintOptions::new(&Config::default())
        },
    )
    .into_iter()
    .filter(|d| d.message.contains("of reusable workflow"))
    .map(|d| d.code)
    .collect();
    assert_eq!(codes, [super::INPUT_TYPE; 5]);
}

#[test]
fn callees_outside_the_workflows_directory_are_warnings() {
    let src = "on: push\njobs:\n  a:\n    uses: owner/repo/x.yml@ref\n  b:\n    uses: ./.github/workflows/sub/x.yml\n  c:\n    uses: $/.github/workflows-lab/x.yml\n";
    // A repository whose listing is unknown cannot say the callees are missing.
    let got = render_with(src, &MemoryRepo::default().with_unknown_listing());
    assert_eq!(got.len(), 2, "{got:#?}");
    assert!(got.iter().all(|m| m.contains(" warning ")), "{got:#?}");
}

#[test]
fn output_references_are_found_with_offsets() {
    let text = "${{ needs.a.outputs.x }}-${{ fromJSON(needs.b-c.outputs.y_z).k }} needsx.a.outputs.q";
    let refs = output_refs(text);
    assert_eq!(refs, [(20, "a", "x"), (56, "b-c", "y_z")]);
    assert_eq!(&text[56..59], "y_z");
}

mod props {
    use super::super::{WorkflowRef, parse_workflow_ref};
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn remote_calls_reassemble_to_their_text(s in "[a-z./@y-]{0,30}") {
            if let Ok(WorkflowRef::Remote { owner, repo, path, git_ref }) = parse_workflow_ref(&s) {
                prop_assert_eq!(format!("{owner}/{repo}/{path}@{git_ref}"), s);
            }
        }
    }
}

#[test]
fn permissions_missing_callees_and_null_inputs() {
    let callee = "on:\n  workflow_call:\n    inputs:\n      name:\n        type: string\npermissions:\n  contents: read\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: echo\n  b:\n    permissions:\n      pull-requests: write\n    runs-on: x\n    steps:\n      - run: echo\n";
    let repo = MemoryRepo::new([(".github/workflows/callee.yml", callee)]);
    let src = "on: push\njobs:\n  narrow:\n    permissions:\n      contents: none\n      pull-requests: write\n    uses: ./.github/workflows/callee.yml\n    with:\n      name: null\n  enough:\n    permissions:\n      contents: read\n      pull-requests: write\n    uses: ./.github/workflows/callee.yml\n  all:\n    permissions: write-all\n    uses: ./.github/workflows/callee.yml\n  unknown:\n    uses: ./.github/workflows/callee.yml\n  gone:\n    uses: ./.github/workflows/gone.yml\n";
    let got = render_with(src, &repo);
    assert_eq!(got.len(), 4, "{got:#?}");
    assert!(
        got[0].starts_with("7:11: error job \"a\" of reusable workflow \"./.github/workflows/callee.yml\" asks for more than the caller grants: `contents: read` (granted: none); GitHub fails the run before it starts"),
        "{got:#?}"
    );
    assert!(
        got[1].starts_with("9:13: error input \"name\" of reusable workflow"),
        "{got:#?}"
    );
    assert!(got[1].ends_with("is a string, but the value is null"), "{got:#?}");
    // No `permissions:` anywhere: job "b" wants more than a read-only default.
    assert!(
        got[2].starts_with("19:11: warning job \"b\" of reusable workflow \"./.github/workflows/callee.yml\" asks for more than a restricted default `GITHUB_TOKEN` grants: `pull-requests: write` (granted: none)"),
        "{got:#?}"
    );
    assert!(
        got[3].starts_with("21:11: error reusable workflow \"./.github/workflows/gone.yml\" does not exist"),
        "{got:#?}"
    );
}

#[test]
fn a_caller_without_permissions_gets_the_repository_default() {
    // GitHub's GITHUB_TOKEN table: no default grants `id-token: write`; the
    // restricted default grants only `contents: read` and `packages: read`.
    let callee = "on: workflow_call
permissions:
  id-token: write
  contents: read
jobs:
  oidc:
    runs-on: x
    steps:
      - run: echo
  read:
    permissions:
      contents: read
      packages: read
    runs-on: x
    steps:
      - run: echo
  comment:
    permissions:
      issues: write
    runs-on: x
    steps:
      - run: echo
";
    let repo = MemoryRepo::new([(".github/workflows/callee.yml", callee)]);
    let got = render_with(
        "on: push
jobs:
  call:
    uses: ./.github/workflows/callee.yml
",
        &repo,
    );
    assert_eq!(got.len(), 2, "{got:#?}");
    assert!(
        got[0].starts_with("4:11: error job \"oidc\" of reusable workflow \"./.github/workflows/callee.yml\" asks for `id-token: write` (granted: none), which no default `GITHUB_TOKEN` grants"),
        "{got:#?}"
    );
    assert!(
        got[1].starts_with("4:11: warning job \"comment\" of reusable workflow \"./.github/workflows/callee.yml\" asks for more than a restricted default `GITHUB_TOKEN` grants: `issues: write` (granted: none)"),
        "{got:#?}"
    );
    // A caller that is itself called gets its grant from its own caller.
    let got = render_with(
        "on: [workflow_call, push]
jobs:
  call:
    uses: ./.github/workflows/callee.yml
",
        &repo,
    );
    assert!(got.is_empty(), "{got:#?}");
}

#[test]
fn a_broken_callee_contract_is_reported_at_the_call() {
    let repo = MemoryRepo::new([
        (
            ".github/workflows/inputs.yml",
            "on:\n  workflow_call:\n    inputs:\n      validate: validate something\n      kind:\n        type: choice\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: echo\n",
        ),
        (
            ".github/workflows/secrets.yml",
            "on:\n  workflow_call:\n    secrets:\n      foo: my secret\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: echo\n",
        ),
        (
            ".github/workflows/outputs.yml",
            "on:\n  workflow_call:\n    outputs: my outputs\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: echo\n",
        ),
        (
            ".github/workflows/fine.yml",
            "on:\n  workflow_call:\n    inputs:\n      a:\n        type: string\n    secrets:\n      s:\n    outputs:\n      o:\n        value: x\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: echo\n",
        ),
    ]);
    let src = "on: push\njobs:\n  a:\n    uses: ./.github/workflows/inputs.yml\n  b:\n    uses: ./.github/workflows/secrets.yml\n  c:\n    uses: ./.github/workflows/outputs.yml\n  d:\n    uses: ./.github/workflows/fine.yml\n    with:\n      a: x\n";
    let got = render_with(src, &repo);
    let lines: Vec<&str> = got.iter().map(|g| g.split(':').next().unwrap_or("")).collect();
    assert_eq!(lines, ["4", "4", "6", "8"], "{got:#?}");
    assert!(got[0].contains("input \"validate\" must be a mapping"), "{got:#?}");
    assert!(got[1].contains("input \"kind\" has type \"choice\""), "{got:#?}");
}

#[test]
fn quoted_values_are_type_errors_only_when_no_conversion_helps() {
    let repo = MemoryRepo::new([(".github/workflows/c.yml", CALLEE)]);
    let src = "on: push\njobs:\n  a:\n    uses: ./.github/workflows/c.yml\n    with:\n      env: x\n      level: \"five\"\n      dry: 'yes'\n  b:\n    uses: ./.github/workflows/c.yml\n    with:\n      env: x\n      level: '5'\n      dry: \"TRUE\"\n    secrets: inherit\n";
    let got = render_with(src, &repo);
    let types: Vec<&String> = got.iter().filter(|m| m.contains("but the value is")).collect();
    assert_eq!(types.len(), 2, "{got:#?}");
    assert!(types[0].starts_with("7:14: error input \"level\""), "{got:#?}");
    assert!(
        types[0].ends_with("is a number, but the value is the string \"five\""),
        "{got:#?}"
    );
    assert!(types[1].starts_with("8:12: error input \"dry\""), "{got:#?}");
}

/// A callee called by many jobs is read (and parsed) once per file, and
/// every call is still checked against it: each job here misses the
/// required inputs. (Parsing the callee once per job, three times each,
/// made a repository of callers lint ten times slower; docs/performance.md.)
#[test]
fn a_callee_called_by_many_jobs_is_read_once() {
    use crate::config::RuleSetting;
    use crate::rules::test_support::CountingRepo;
    let repo = CountingRepo::new(MemoryRepo::new([(".github/workflows/c.yml", CALLEE)]), "c.yml");
    let mut config = Config::default();
    for r in crate::rules::RULES {
        if r.id != "workflow-call" {
            config.rules.insert(r.id.to_string(), RuleSetting::Off);
        }
    }
    let src = "on: push\njobs:\n  a:\n    uses: ./.github/workflows/c.yml\n  b:\n    uses: ./.github/workflows/c.yml\n  c:\n    uses: ./.github/workflows/c.yml\n";
    let opts = LintOptions {
        repo: &repo,
        verify_fixes: false,
        ..LintOptions::new(&config)
    };
    let diags = lint(PATH, src.as_bytes(), &opts);
    let lines: Vec<usize> = diags
        .iter()
        .filter(|d| d.message.contains("\"env\""))
        .map(|d| src[..d.range.start].lines().count())
        .collect();
    assert_eq!(lines, [4, 6, 8], "{diags:#?}");
    assert_eq!(repo.reads(), 1);
}

/// GitHub rejects a called workflow declaring a `GITHUB_TOKEN` secret (any
/// case) when the caller's run starts, so the call is where the run fails.
#[test]
fn a_callee_declaring_github_token_is_reported_at_the_call() {
    let callee = |name: &str| {
        format!(
            "on:\n  workflow_call:\n    secrets:\n      {name}:\n        required: true\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: echo\n"
        )
    };
    let repo = MemoryRepo::new([
        (".github/workflows/upper.yml", callee("GITHUB_TOKEN")),
        (".github/workflows/lower.yml", callee("github_token")),
        (".github/workflows/other.yml", callee("GITHUB_TOKEN_RO")),
    ]);
    let src = "on: push\njobs:\n  a:\n    uses: ./.github/workflows/upper.yml\n    secrets: inherit\n  b:\n    uses: ./.github/workflows/lower.yml\n    secrets: inherit\n  c:\n    uses: ./.github/workflows/other.yml\n    secrets: inherit\n";
    let got = render_with(src, &repo);
    assert_eq!(got.len(), 2, "{got:#?}");
    assert!(
        got[0].starts_with("4:11: error") && got[0].contains("secret \"GITHUB_TOKEN\" is a name GitHub reserves"),
        "{got:#?}"
    );
    assert!(
        got[1].starts_with("7:11: error") && got[1].contains("secret \"github_token\" is a name"),
        "{got:#?}"
    );
}
