//! `.github/autoheal.yml` on any bytes: never panics, every diagnostic
//! inside the input.

use autoheal_engine::config::Config;

pub const DICTIONARY: &[&str] = &[
    "rules:\n",
    "  timeout: off\n",
    "  shellcheck: warning\n",
    "ignore:\n",
    "  - '.github/workflows/*'\n",
    "fail-level: error\n",
    "persona: pedantic\n",
    "runner-labels: [gpu]\n",
    "log-patterns:\n",
    "  - regex: '",
    "'\n    category: missing_dependency\n",
    "    subject-group: 1\n",
    "(",
    ")",
    "[",
    "*",
    "\\",
    "&a ",
    "*a",
    "\t",
    ": ",
    "- ",
];

pub fn seeds() -> Vec<Vec<u8>> {
    let mut seeds: Vec<Vec<u8>> = [
        "rules:\n  timeout: off\n  expression: warning\nignore:\n  - '.github/workflows/legacy-*.yml'\nfail-level: warning\n",
        "log-patterns:\n  - regex: 'ERROR: tool (\\S+) missing'\n    category: missing_command\n    subject-group: 1\n",
        "rules: [x]\nignore: {a: b}\nunknown: 1\n",
        "rules:\n  no-such-rule: error\n  timeout: maybe\n",
    ]
    .iter()
    .map(|t| t.as_bytes().to_vec())
    .collect();
    seeds.push(crate::hostile::alias_bomb().into_bytes());
    seeds
}

pub fn run(data: &[u8]) {
    let rules = autoheal_engine::rules::rule_ids();
    let (_, diags) = Config::parse(".github/autoheal.yml", data, &rules);
    for d in diags {
        assert!(d.range.end <= data.len(), "{d:?}");
    }
}
