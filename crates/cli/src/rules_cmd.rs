//! `autoheal rules` and `autoheal explain`.

use anyhow::bail;
use autoheal_engine::rules::{RULES, rule};

use crate::Outcome;

pub fn list() -> anyhow::Result<Outcome> {
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

pub fn explain(id: &str) -> anyhow::Result<Outcome> {
    let Some(r) = rule(id) else {
        let ids: Vec<&str> = RULES.iter().map(|r| r.id).collect();
        let hint = autoheal_engine::config::suggest(id, &ids)
            .map(|s| format!("; did you mean `{s}`?"))
            .unwrap_or_default();
        bail!("unknown rule `{id}`{hint} (see `autoheal rules`)")
    };
    match autoheal_engine::rules::docs::page(r.id) {
        Some(doc) => out!("{doc}"),
        None => outln!("{}\n\n{}", r.id, r.summary),
    }
    Ok(Outcome::Clean)
}
