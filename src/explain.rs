//! `autoheal explain`: print the documentation of a rule.

use anyhow::bail;
use autoheal_engine::rules::{RULES, rule};

use crate::Outcome;

pub fn run(id: &str) -> anyhow::Result<Outcome> {
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
