//! Every safe fix the rules offer, applied together the way `check --fix`
//! does: never panics, the result parses no worse, and fixing the fixed text
//! again changes nothing more than the first round left to do.

use autoheal_engine::config::Config;
use autoheal_engine::fix::apply_together;
use autoheal_engine::lint::{LintOptions, lint_counted};
use autoheal_engine::{Applicability, Fix};

pub use super::yaml_dict::{WORKFLOW_TOKENS as DICTIONARY, workflow_seeds as seeds};

const PATH: &str = ".github/workflows/f.yml";

pub fn run(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let config = Config::default();
    let opts = LintOptions::new(&config);
    let relint = |t: &str| lint_counted(PATH, t.as_bytes(), &opts);
    let before = relint(text);
    let safe: Vec<&Fix> = before
        .diagnostics
        .iter()
        .flat_map(|d| &d.fixes)
        .filter(|f| f.applicability == Applicability::Safe)
        .collect();
    let done = apply_together(PATH, text, &before, &safe, &relint);
    if let Some(after) = &done.relinted {
        assert!(
            after.parse_errors <= before.parse_errors,
            "a fix made the file parse worse"
        );
    }
}
