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

#[test]
fn metadata_problems_the_schema_cannot_see() {
    let src = "name: x\ninputs:\n  foo:\n    description: a\n  FOO:\n    description: b\noutputs:\n  out:\n    value: x\nruns:\n  using: node16\n  main: index.js\n  post-if: always()\nbranding:\n  icon: edit\n  color: grey\n";
    assert_eq!(
        render(src, "action-metadata"),
        [
            "1:1: warning action metadata has no `description`; GitHub's metadata syntax requires one (the Marketplace shows it)",
            "5:3: error inputs name \"FOO\" collides with \"foo\" (line 3): names are case-insensitive",
            "9:5: warning output \"out\" sets `value`, which only composite actions use; this action sets outputs from its code",
            "11:10: error `using: node16` is end-of-life; GitHub runs the action on a newer Node.js instead. Test it on and declare `node24`",
            "13:3: warning `post-if` has no effect without `post` (or `post-entrypoint`)",
            "16:10: warning unknown branding color \"grey\"; use one of \"white\", \"black\", \"yellow\", \"blue\", \"green\", \"orange\", \"red\", \"purple\", \"gray-dark\"",
        ]
    );
    // None of these are the schema rule's findings too.
    assert_eq!(render(src, "schema"), Vec::<String>::new());
}

#[test]
fn unknown_icons_get_a_suggestion() {
    let src = "name: x\ndescription: y\nruns:\n  using: composite\n  steps: []\nbranding:\n  icon: git-brnch\n  color: gray-dark\n";
    let got = render(src, "action-metadata");
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(
        got[0].starts_with("7:9: warning unknown branding icon \"git-brnch\"; did you mean \"git-branch\"?"),
        "{got:?}"
    );
}

#[test]
fn valid_metadata_is_quiet() {
    let src = "name: x\ndescription: y\ninputs:\n  a: {description: a}\noutputs:\n  o:\n    value: ${{ steps.s.outputs.o }}\nruns:\n  using: composite\n  steps:\n    - id: s\n      run: echo\n      shell: bash\nbranding:\n  icon: zap\n  color: purple\n";
    assert_eq!(render(src, "action-metadata"), Vec::<String>::new());
    let docker = "name: x\ndescription: y\nruns:\n  using: docker\n  image: Dockerfile\n  post-entrypoint: /cleanup.sh\n  post-if: always()\n";
    assert_eq!(render(docker, "action-metadata"), Vec::<String>::new());
}

#[test]
fn workflows_are_not_checked() {
    let src = "on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: echo\n";
    let config = Config::default();
    let diags = lint(".github/workflows/a.yml", src.as_bytes(), &LintOptions::new(&config));
    assert!(diags.iter().all(|d| d.rule != "action-metadata"));
}

#[test]
fn node20_is_being_retired() {
    let src = "name: x\ndescription: y\nruns:\n  using: node20\n  main: index.js\n";
    assert_eq!(
        render(src, "action-metadata"),
        [
            "4:10: warning `using: node20` is being retired by GitHub, which moves actions to Node.js 24; test the action on and declare `node24`"
        ]
    );
}
