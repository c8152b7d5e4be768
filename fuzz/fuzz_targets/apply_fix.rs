#![no_main]
//! Apply every fix the rules offer on arbitrary input: the result must be
//! produced without panics, and applying all safe fixes twice must equal once.

use autoheal_engine::config::Config;
use autoheal_engine::fix::apply_compatible;
use autoheal_engine::lint::{LintOptions, lint};
use autoheal_engine::{Applicability, Fix};
use libfuzzer_sys::fuzz_target;

const PATH: &str = ".github/workflows/f.yml";

fn fix_once(text: &str, opts: &LintOptions<'_>) -> String {
    let diags = lint(PATH, text.as_bytes(), opts);
    let safe: Vec<&Fix> = diags.iter().flat_map(|d| &d.fixes).filter(|f| f.applicability == Applicability::Safe).collect();
    apply_compatible(PATH, text, &safe).0
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let config = Config::default();
    let opts = LintOptions::new(&config);
    let once = fix_once(text, &opts);
    let _ = fix_once(&once, &opts);
});
