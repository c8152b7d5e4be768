//! Popular actions' metadata read from their real `action.yml` files, keyed
//! by action and major version. The data modules are written by
//! `cargo xtask gen actions` (never by hand):
//! - [`corpus`]: the root actions of `../shared/corpus/actions` (a snapshot
//!   of each repository's default branch); the majors such a snapshot
//!   describes are those whose runtime (`runs.using`) it declares, as the
//!   runtime data lists them (`data/action-runtimes.txt`);
//! - [`sources`]: the `action.yml` of given majors gathered outside the
//!   repository (`AUTOHEAL_ACTION_SOURCES`, one directory per action and
//!   major with the commit and the evidence for the major).
//!
//! Each entry names the repository, commit and path it was read from, and
//! the date it was read.

#[rustfmt::skip]
mod corpus;
#[rustfmt::skip]
mod sources;

/// One action's metadata as read from one `action.yml`.
pub struct GeneratedAction {
    /// `owner/repo[/path]`, lower case.
    pub name: &'static str,
    /// The majors this metadata describes (empty: not known, so the entry
    /// only types outputs and is never used to judge a `with:`).
    pub majors: &'static [u32],
    /// Why the file belongs to those majors.
    pub evidence: &'static str,
    /// `owner/repo@commit path` the metadata was read from.
    pub source: &'static str,
    /// `source` names a commit of the action's own repository. An entry
    /// read at a tag through someone else's transcript is unverified: it
    /// may give warnings (unknown and missing inputs, an old runtime), but
    /// no error (its outputs do not close `steps.<id>.outputs`), no
    /// `--fix` target (see `runtimes::current_major_after`) and no say in
    /// any fix's decision (`runtimes::is_docker_action`, which
    /// `missing_command` reads).
    pub verified: bool,
    /// When it was read (`YYYY-MM-DD`).
    pub read_on: &'static str,
    /// `runs.using`.
    pub runtime: &'static str,
    pub inputs: &'static [GeneratedInput],
    pub outputs: &'static [&'static str],
}

pub struct GeneratedInput {
    pub name: &'static str,
    /// `required: true` without a default.
    pub required: bool,
    /// The metadata gives a `deprecationMessage`.
    pub deprecated: bool,
}

/// Every generated entry: the per-major sources first, then the corpus.
pub fn generated_actions() -> impl Iterator<Item = &'static GeneratedAction> {
    sources::ACTIONS.iter().chain(corpus::ACTIONS)
}

/// The generated entries of `name`, case-insensitively, in
/// [`generated_actions`]' order. Indexed once: every `uses:` of a file has
/// its action looked up several times (its inputs, its runtime, its next
/// major, whether it runs in Docker), and each lookup scanned all ~500
/// entries, a tenth of the `action` rule's time in the language server.
pub fn generated_named(name: &str) -> &'static [&'static GeneratedAction] {
    static BY_NAME: std::sync::LazyLock<std::collections::HashMap<String, Vec<&'static GeneratedAction>>> =
        std::sync::LazyLock::new(|| {
            let mut by_name: std::collections::HashMap<String, Vec<&'static GeneratedAction>> =
                std::collections::HashMap::new();
            for a in generated_actions() {
                by_name.entry(a.name.to_ascii_lowercase()).or_default().push(a);
            }
            by_name
        });
    BY_NAME.get(&*ascii_lowercase(name)).map_or(&[], Vec::as_slice)
}

/// `name` in ASCII lower case, copied only when it has a capital.
pub(crate) fn ascii_lowercase(name: &str) -> std::borrow::Cow<'_, str> {
    if name.bytes().any(|b| b.is_ascii_uppercase()) {
        std::borrow::Cow::Owned(name.to_ascii_lowercase())
    } else {
        std::borrow::Cow::Borrowed(name)
    }
}

/// The metadata of `name@v<major>`, case-insensitively.
pub fn generated_for(name: &str, major: u32) -> Option<&'static GeneratedAction> {
    generated_named(name)
        .iter()
        .copied()
        .find(|a| a.majors.contains(&major))
}

/// The corpus snapshot (default branch, so the newest metadata) of
/// `owner/repo[/path]`, case-insensitively.
pub fn corpus_snapshot(name: &str) -> Option<&'static GeneratedAction> {
    corpus::ACTIONS.iter().find(|a| a.name.eq_ignore_ascii_case(name))
}

/// The newest metadata of `owner/repo[/path]`: the corpus snapshot when
/// there is one, else the highest major read.
pub fn generated_action(name: &str) -> Option<&'static GeneratedAction> {
    corpus_snapshot(name).or_else(|| {
        sources::ACTIONS
            .iter()
            .filter(|a| a.name.eq_ignore_ascii_case(name))
            .max_by_key(|a| a.majors.iter().max())
    })
}

/// The entries read from per-major sources (not from the corpus snapshot).
pub fn per_major_sources() -> &'static [GeneratedAction] {
    sources::ACTIONS
}
