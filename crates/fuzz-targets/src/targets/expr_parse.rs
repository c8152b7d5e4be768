//! The expression layer on any text: template scanning, parsing, printing,
//! checking and the untrusted-input search never panic, and a printed tree
//! parses back to the same tree.

use autoheal_expr::{Checker, Scope, availability, check_template, classify_condition, parse, untrusted_inputs};

pub const DICTIONARY: &[&str] = &[
    "${{ ",
    " }}",
    "&&",
    "||",
    "!",
    "==",
    "!=",
    "<=",
    ">=",
    "(",
    ")",
    "[",
    "]",
    ".",
    ".*",
    "*",
    "'",
    "''",
    "github",
    "github.event.issue.title",
    "env",
    "matrix",
    "steps.a.outputs.b",
    "needs.x.result",
    "inputs.i",
    "secrets.S",
    "fromJSON(",
    "toJSON(",
    "format('{0}', ",
    "contains(",
    "startsWith(",
    "endsWith(",
    "join(",
    "hashFiles('**/x')",
    "success()",
    "always()",
    "failure()",
    "cancelled()",
    "null",
    "true",
    "false",
    "1e3",
    "0x1F",
    "-1.5",
    "NaN",
    ",",
];

pub fn seeds() -> Vec<Vec<u8>> {
    let texts = [
        "${{ github.event.issue.title }}",
        "${{ github.event_name == 'push' && !cancelled() || matrix.os }}",
        "echo ${{ format('{0}-{1}', github.ref, fromJSON(toJSON(env)).x) }} and ${{ 1 }}",
        "${{ contains(github.event.pull_request.labels.*.name, 'ok') }}",
        "${{ steps.a.outputs.b[0]['c'] }}",
        "success() && (needs.build.result == 'success' || inputs.force)",
        "${{ hashFiles('**/package-lock.json', '**/yarn.lock') }}",
        "${{ 0x1F != -1.5e2 && null == '' }}",
        "${{ unclosed",
    ];
    let mut seeds: Vec<Vec<u8>> = texts.iter().map(|t| t.as_bytes().to_vec()).collect();
    seeds.push(format!("${{{{ {}a{} }}}}", "(".repeat(10_000), ")".repeat(10_000)).into_bytes());
    seeds.push(format!("${{{{ {}a }}}}", "!".repeat(10_000)).into_bytes());
    seeds.push(format!("${{{{ a{} }}}}", " && a".repeat(10_000)).into_bytes());
    seeds.push(format!("${{{{ {}1{} }}}}", "fromJSON(".repeat(300), ")".repeat(300)).into_bytes());
    seeds
}

pub fn run(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let scope = Scope::new();
    let checker = Checker::new(&scope).with_availability(availability("jobs.<job_id>.steps.run"));
    let checked = check_template(text, &checker);
    for error in &checked.errors {
        assert!(error.span.end <= text.len());
    }
    let _ = checked.template_value_errors();
    let _ = checked.untrusted_inputs();
    let _ = classify_condition(text);
    if let Ok(expr) = parse(text) {
        let printed = expr.to_string();
        let again = parse(&printed).expect("printed expression parses");
        assert_eq!(again.sexpr(), expr.sexpr());
        let _ = checker.check(&expr);
        let _ = untrusted_inputs(&expr);
        let _ = expr.is_constant();
    }
}
