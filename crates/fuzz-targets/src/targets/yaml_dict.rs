//! Tokens of workflow YAML, shared by the targets that read workflows.

pub const WORKFLOW_TOKENS: &[&str] = &[
    "on: push\n",
    "jobs:\n",
    "  build:\n",
    "    runs-on: ubuntu-latest\n",
    "    steps:\n",
    "      - run: ",
    "      - uses: ",
    "actions/checkout@v4",
    "    timeout-minutes: ",
    "    needs: [",
    "    if: ",
    "    with:\n",
    "    env:\n",
    "    strategy:\n",
    "      matrix:\n",
    "    permissions:\n",
    "    container: ",
    "    services:\n",
    "${{ ",
    " }}",
    "github.event.issue.title",
    "matrix.os",
    "secrets.GITHUB_TOKEN",
    "&a ",
    "*a",
    "<<: ",
    "|\n",
    ">-\n",
    "|2+\n",
    "\t",
    "\n  ",
    "\n    ",
    "- ",
    ": ",
    "[",
    "]",
    "{",
    "}",
    "'",
    "\"",
    "# autoheal: ignore\n",
    "---\n",
    "...\n",
    "!!str ",
    "? ",
    "~",
    "null",
    "true",
    "0x1F",
    ".inf",
    "\r\n",
    "\u{feff}",
    "é",
    "😀",
];

/// Small workflows, ordinary and broken, that seed the workflow targets.
pub fn workflow_seeds() -> Vec<Vec<u8>> {
    let texts: &[&str] = &[
        "name: CI\non:\n  push:\n    branches: [main]\n  pull_request:\njobs:\n  test:\n    runs-on: ${{ matrix.os }}\n    timeout-minutes: 20\n    strategy:\n      matrix:\n        os: [ubuntu-latest, windows-latest]\n        python: ['3.11', '3.12']\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-python@v5\n        with:\n          python-version: ${{ matrix.python }}\n      - run: |\n          pip install -r requirements.txt\n          pytest -q\n",
        "on: [push]\njobs:\n  a:\n    runs-on:ubuntu-latest\n    steps:\n      - run: echo ${{ github.event.issue.title }}\n  b:\n    needs: [a, c]\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/cache@v3\n",
        "on: push\njobs:\n  build:\n\truns-on: x # comment\n\tsteps:\n\t  - run: make\n",
        "on:\n  schedule:\n    - cron: '*/1 * * * *'\n  workflow_dispatch:\n    inputs:\n      x:\n        type: choice\n        options: [a, b]\njobs:\n  a:\n    if: ${{ inputs.x == 'a' && always() }}\n    runs-on: [self-hosted, linux]\n    container: node:20\n    steps:\n      - run: echo \"${{ toJSON(github) }}\"\n        shell: bash\n",
        "on: push\njobs:\n  call:\n    uses: ./.github/workflows/reusable.yml\n    with:\n      x: 1\n    secrets: inherit\n  x:\n    runs-on: ubuntu-latest\n    outputs:\n      o: ${{ steps.s.outputs.v }}\n    steps:\n      - id: s\n        run: echo \"v=1\" >> $GITHUB_OUTPUT\n",
        "name: 'Action'\ndescription: d\ninputs:\n  token:\n    required: true\nruns:\n  using: composite\n  steps:\n    - run: echo ${{ inputs.token }}\n      shell: bash\n",
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: [unclosed\n  b: {x: 1\n",
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    runs-on: macos-latest\n    steps:\n      - run: docker-compose up -d\n      - run: pip install pytest   # deps\n",
        super::super::hostile::TAB_IN_BLOCK_SCALAR,
        super::super::hostile::JOBS_SHARING_AN_ANCHOR,
    ];
    let mut seeds: Vec<Vec<u8>> = texts.iter().map(|t| t.as_bytes().to_vec()).collect();
    seeds.push(super::super::hostile::alias_bomb().into_bytes());
    seeds.push(super::super::hostile::deep_block_sequence(100_000).into_bytes());
    seeds.push(super::super::hostile::deep_flow_sequence(300).into_bytes());
    seeds.push(format!("on: push\njobs:\n{}", "  j: {}\n".repeat(3)).into_bytes());
    seeds.push(format!("on: push\nx: {}\n", "a".repeat(70_000)).into_bytes());
    seeds.push(vec![0xff, 0xfe, b'o', b'n']);
    seeds
}
