//! `autoheal explain`: print the page of any id the tool prints: a rule, a
//! check code (`schema/unknown-key`), `config` or `past-failure`.

use anyhow::bail;
use autoheal_engine::rules::docs;

use crate::Outcome;

pub fn run(id: &str) -> anyhow::Result<Outcome> {
    let Some(explained) = docs::explain(id) else {
        let hint = autoheal_engine::suggest(id, &docs::ids())
            .map(|s| format!("; did you mean `{s}`?"))
            .unwrap_or_default();
        bail!("unknown rule or check code `{id}`{hint} (see `autoheal rules`)")
    };
    if explained.id != id {
        outln!("`{id}` is a check of the `{}` rule.\n", explained.id);
    }
    out!("{}", explained.page);
    Ok(Outcome::Clean)
}
