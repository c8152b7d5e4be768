//! actionlint's `.github/actionlint.yaml` on any bytes: never panics, every
//! diagnostic inside the input, and whatever it yields applies to a lint
//! without panicking.

use autoheal_engine::actionlint_config::ActionlintConfig;
use autoheal_engine::config::Config;
use autoheal_engine::lint::{LintOptions, lint};

pub const DICTIONARY: &[&str] = &[
    "self-hosted-runner:\n",
    "  labels:\n",
    "    - gpu-*\n",
    "config-variables:\n",
    "  - REGION\n",
    "config-variables: null\n",
    "paths:\n",
    "  .github/workflows/**/*.yml:\n",
    "    ignore:\n",
    "      - '",
    "'\n",
    "(",
    ")",
    "[",
    "{",
    "*",
    "**",
    "\\",
    ": ",
    "- ",
];

pub fn seeds() -> Vec<Vec<u8>> {
    let mut seeds: Vec<Vec<u8>> = [
        "self-hosted-runner:\n  labels: [linux-*-large, gpu]\nconfig-variables: [ENV]\n",
        "paths:\n  .github/workflows/*.yml:\n    ignore:\n      - 'label \"\\S+\" is unknown'\n",
        "paths:\n  '[':\n    ignore: ['(']\nself-hosted-runner: [x]\nnope: 1\n",
        "config-variables: null\n",
    ]
    .iter()
    .map(|t| t.as_bytes().to_vec())
    .collect();
    seeds.push(crate::hostile::alias_bomb().into_bytes());
    seeds
}

const WORKFLOW: &str = "on: push\njobs:\n  a:\n    runs-on: gpu-x\n    steps:\n      - run: echo ${{ vars.X }}\n";

pub fn run(data: &[u8]) {
    let (facts, diags) = ActionlintConfig::parse(".github/actionlint.yaml", data);
    for d in diags {
        assert!(d.range.end <= data.len(), "{d:?}");
    }
    let mut config = Config::default();
    facts.apply_to(&mut config);
    lint(
        ".github/workflows/ci.yml",
        WORKFLOW.as_bytes(),
        &LintOptions::new(&config),
    );
}
