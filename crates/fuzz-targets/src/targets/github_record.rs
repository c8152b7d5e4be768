//! The hidden record in an issue body (what `heal` reads back from an issue
//! anyone can edit): never panics, and a record that decodes encodes to a
//! block that decodes to the same record.

use autoheal_github::record::{Record, decode, encode};

pub const DICTIONARY: &[&str] = &[
    "<!-- autoheal:",
    " -->",
    "{\"version\":2,",
    "\"failures\":[",
    "{\"category\":\"timeout\",\"subject\":\"",
    "\"}",
    "]",
    "\\u003c",
    "\\u003e",
    "\\u0040",
    "@",
    "<",
    ">",
    "\"run_id\":18446744073709551615,",
    "null",
    "[]",
    "{}",
];

pub fn seeds() -> Vec<Vec<u8>> {
    let record = Record {
        version: 2,
        fingerprint: ".github/workflows/ci.yml|build|timeout|".into(),
        workflow_path: ".github/workflows/ci.yml".into(),
        job: "build".into(),
        category: "timeout".into(),
        run_id: 42,
        evidence: vec!["line <b>@user</b> -->".into()],
        ..Record::default()
    };
    let block = encode(&record);
    vec![
        format!("An issue body.\n\n{block}\n").into_bytes(),
        format!("{block}{block}").into_bytes(),
        block.replace("42", "-1").into_bytes(),
        b"<!-- autoheal: {\"version\": 2} -->".to_vec(),
    ]
}

pub fn run(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Some(record) = decode(text) {
        let again = decode(&encode(&record));
        assert_eq!(again.as_ref(), Some(&record));
    }
}
