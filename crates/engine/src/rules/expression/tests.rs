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
fn expressions_given_to_a_local_callee_are_typed_against_its_inputs() {
    let repo = crate::repo::MemoryRepo::new([(
        ".github/workflows/c.yml",
        "on:\n  workflow_call:\n    inputs:\n      n:\n        type: number\n      s:\n        type: string\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo\n",
    )]);
    let src = "on: push\njobs:\n  call:\n    uses: ./.github/workflows/c.yml\n    with:\n      n: ${{ github.run_attempt == '1' }}\n      s: ${{ github.run_attempt == '1' }}\n  fine:\n    uses: ./.github/workflows/c.yml\n    with:\n      n: ${{ github.run_number }}\n      s: ${{ fromJSON('[1]') }}\n";
    let got = r_repo(src, &repo);
    assert_eq!(got.len(), 2, "{got:#?}");
    assert!(
        got[0].starts_with("6:10: input \"n\" of reusable workflow \"./.github/workflows/c.yml\" is a number"),
        "{got:#?}"
    );
    // An array where a string is declared: the template-value error.
    assert!(got[1].starts_with("12:10: object, array, and null values"), "{got:#?}");
}
