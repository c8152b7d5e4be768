//! `autoheal rules`: every rule with its default severity.

use autoheal_engine::rules::RULES;

use crate::Outcome;

pub fn run() -> anyhow::Result<Outcome> {
    let width = RULES.iter().map(|r| r.id.len()).max().unwrap_or(0);
    for r in RULES {
        let state = if r.enabled_by_default {
            r.default_severity.as_str()
        } else {
            "off"
        };
        outln!("{:<width$}  {:<7}  {}", r.id, state, r.summary);
    }
    Ok(Outcome::Clean)
}
