//! Fuzzes the expression layer: template scanning, parsing, printing, checking and the
//! untrusted-input search must never panic, and printed trees must parse back.
#![no_main]

use autoheal_expr::{Checker, Scope, availability, check_template, classify_condition, parse, untrusted_inputs};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
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
});
