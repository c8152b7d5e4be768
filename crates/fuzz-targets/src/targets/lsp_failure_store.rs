//! `.autoheal/failures/` records against any workflow text: parsing and
//! re-mapping never panic, and mapped ranges lie inside the text.

use autoheal_engine::text::LineIndex;
use autoheal_engine::yaml;
use autoheal_lsp::failure_store::{map_run, parse_run};

pub const DICTIONARY: &[&str] = &[
    "{\"version\": 1, ",
    "\"workflow_path\": \".github/workflows/ci.yml\", ",
    "\"workflow_hash\": \"",
    "\"failures\": [",
    "{\"category\": \"missing_dependency\", \"message\": \"m\", ",
    "\"span\": {\"path\": \".github/workflows/ci.yml\", \"start\": {\"line\": 3, \"column\": 5, \"offset\": 20}, \"end\": {\"line\": 3, \"column\": 9, \"offset\": 24}}",
    "\"step\": {\"name\": \"Test\", \"number\": 2}",
    "\"job\": \"test\"",
    "]}",
    "\0",
];

pub fn seeds() -> Vec<Vec<u8>> {
    let record = "{\"version\": 1, \"workflow_path\": \".github/workflows/ci.yml\", \"failures\": [{\"category\": \"missing_dependency\", \"subject\": \"yaml\", \"message\": \"m\", \"confidence\": 0.9, \"fixable\": true, \"job\": \"test\", \"step\": {\"name\": \"Test\", \"number\": 2}, \"span\": {\"path\": \".github/workflows/ci.yml\", \"start\": {\"line\": 6, \"column\": 9, \"offset\": 60}, \"end\": {\"line\": 6, \"column\": 20, \"offset\": 71}}, \"evidence\": []}]}";
    let workflow =
        "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - name: Test\n        run: pytest\n";
    vec![
        format!("{record}\0{workflow}").into_bytes(),
        format!("{record}\0").into_bytes(),
        format!("{record}\0{}", crate::hostile::alias_bomb()).into_bytes(),
    ]
}

pub fn run(data: &[u8]) {
    let split = data.iter().position(|b| *b == 0).unwrap_or(data.len());
    let (Ok(record), Ok(workflow)) = (
        std::str::from_utf8(&data[..split]),
        std::str::from_utf8(data.get(split + 1..).unwrap_or(&[])),
    ) else {
        return;
    };
    let Ok(run) = parse_run(record) else { return };
    let doc = yaml::parse(workflow.as_bytes());
    for f in map_run(&run, workflow, &LineIndex::new(workflow), &doc) {
        assert!(f.range.start <= f.range.end && f.range.end <= workflow.len());
        assert!(workflow.is_char_boundary(f.range.start) && workflow.is_char_boundary(f.range.end));
    }
}
