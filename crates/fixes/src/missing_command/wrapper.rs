//! A missing command the project may pin with a wrapper it commits (`mvn`:
//! the Maven Wrapper, [`autoheal_logs::knowledge::install::Wrapper`]): the
//! OS package's version (Ubuntu's `maven` is 3.6.x on focal and jammy) can
//! be older than the project's `requireMavenVersion` or a plugin's
//! prerequisite, where `./mvnw` runs the version the project names.
//!
//! With the repository's listing and a wrapper file in it, no install is
//! offered: the step should run the wrapper (a manual fix). With no listing,
//! the install is offered but not Safe ([`Pinned::Unknown`]): the fix's
//! explanation names the wrapper to look for. Without a wrapper in a
//! complete listing, the install stays as it was.

use autoheal_logs::knowledge::install::{Wrapper, wrapper};

use crate::Ctx;

/// What the repository says about `command`'s wrapper.
pub(super) enum Pinned {
    /// No wrapper stands in for the command, or the listing has none.
    No,
    /// The listing is unknown: the repository may have the wrapper.
    Unknown(&'static Wrapper),
}

/// [`Pinned`], or why no install is offered: the repository has the
/// wrapper.
pub(super) fn pinned(ctx: &Ctx<'_>, command: &str) -> Result<Pinned, String> {
    let Some(wrapper) = wrapper(command) else {
        return Ok(Pinned::No);
    };
    let Some(listing) = ctx.repo.list() else {
        return Ok(Pinned::Unknown(wrapper));
    };
    match listing.iter().find(|p| wrapper.has_file(p)) {
        None => Ok(Pinned::No),
        Some(file) => Err(format!(
            "the repository has a wrapper for `{command}` (`{file}`), which runs the version the project pins: the \
             step should run `{}` instead of `{command}` (from the wrapper's directory); an OS package's `{command}` \
             can be older than the project requires (a manual fix)",
            wrapper.run
        )),
    }
}

/// The sentence a fix made without the listing adds to its explanation.
pub(super) fn unknown_note(wrapper: &Wrapper) -> String {
    format!(
        " autoheal did not see the repository's files: if it has a wrapper for `{0}` (`{1}`), the step should run \
         `{1}` instead, since the OS package's `{0}` can be older than the project requires; so this install is not \
         applied without a person.",
        wrapper.command, wrapper.run
    )
}
