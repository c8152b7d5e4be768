//! The `pyflakes` rule with the real pyflakes, when it is installed (the
//! test says so and passes otherwise): `${{ }}` in every place a workflow
//! puts one in a Python script gives pyflakes something to say about the
//! placeholder, and none of it is reported; the real mistake is, at its
//! line and column in the YAML block.

use autoheal_engine::config::Config;
use autoheal_engine::external::ScriptChecker;
use autoheal_engine::lint::{LintOptions, lint};
use autoheal_engine::{LineIndex, Severity};
use autoheal_shellcheck::pyflakes::Pyflakes;

const WORKFLOW: &str = r#"on: push
jobs:
  a:
    runs-on: ubuntu-latest
    defaults:
      run:
        shell: python
    steps:
      - run: |
          import json, os
          import ${{ matrix.module }}
          from ${{ matrix.pkg }} import thing
          count = ${{ inputs.count }}
          flag = ${{ inputs.flag }} == 'true'
          name = prefix_${{ matrix.name }}
          items = ${{ toJSON(matrix.items) }}
          path = "${{ github.workspace }}/x"
          if ${{ github.event_name == 'push' }}:
              print(json.dumps([count, flag, name, items, path, thing, os.sep]))
          ${{ inputs.extra }}
          print(undefined_real)
      - run: |
          both = ${{ inputs.a }} ${{ inputs.b }}
      - run: |
          def broken(:
              pass
"#;

#[test]
fn placeholders_are_not_reported_and_real_findings_are() {
    let Some(pyflakes) = Pyflakes::find() else {
        eprintln!("pyflakes is not installed; skipping");
        return;
    };
    let config = Config::default();
    let opts = LintOptions {
        python_checker: Some(&pyflakes as &dyn ScriptChecker),
        ..LintOptions::new(&config)
    };
    let index = LineIndex::new(WORKFLOW);
    let got: Vec<(u32, u32, Severity, String)> = lint(".github/workflows/ci.yml", WORKFLOW.as_bytes(), &opts)
        .into_iter()
        .filter(|d| d.rule == "pyflakes")
        .map(|d| {
            let at = index.line_column(WORKFLOW, d.range.start);
            (at.line, at.column, d.severity, d.message)
        })
        .collect();
    assert_eq!(got.len(), 2, "{got:#?}");
    assert_eq!(
        got[0],
        (
            21,
            17,
            Severity::Info,
            "pyflakes: undefined name 'undefined_real'".to_string()
        )
    );
    // Python's wording of a syntax error changes between versions.
    let (line, column, severity, _) = &got[1];
    assert_eq!((*line, *column, *severity), (25, 22, Severity::Info), "{got:#?}");
}
