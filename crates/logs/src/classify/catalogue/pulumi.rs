//! Pulumi.
//!
//! Source: the Pulumi Cloud backend's answer when a stack already has an
//! update running (`[409] Conflict: Another update is currently in
//! progress.`, printed by the CLI as `error: {message}`), and the self-managed
//! (DIY) backends' lock (`the stack is currently locked by {n} lock(s)`); the
//! Automation API tells a conflict by exactly these texts
//! (`sdk/python/lib/pulumi/automation/errors.py`, `conflict_text`,
//! `diy_backend_conflict_text`). Another deploy of the same stack running at
//! once (no `concurrency:` group) or one interrupted and never cancelled
//! (`pulumi cancel`): for a person, named where Pulumi says it, not at the
//! action's `Command failed with exit code 255` relay.

use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "pulumi/update-conflict",
    grammar: "error: [409] Conflict: Another update is currently in progress. | error: the stack is currently locked by \
              {n} lock(s). …",
    needles: &[
        "Conflict: Another update is currently in progress",
        "the stack is currently locked by ",
    ],
    check: update_conflict,
    examples: &[ex(
        "error: [409] Conflict: Another update is currently in progress.",
        Category::Unknown,
        None,
    )],
}];

fn update_conflict(line: &Line<'_>) -> Option<Hit> {
    super::util::regex!(
        r"^(?:error: )?(?:\[409\] Conflict: Another update is currently in progress|the stack is currently locked by \d+ lock)"
    )
    .is_match(line.text.trim())
    .then(|| {
        Hit::blocker(
            "Pulumi refused the update: the stack has another update in progress or is locked (a concurrent deploy \
             of the same stack, or an interrupted one never cancelled with `pulumi cancel`).",
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_backends_conflicts_and_not_the_actions_relay() {
        crate::classify::catalogue::assert_reads(
            update_conflict,
            &[
                "error: [409] Conflict: Another update is currently in progress.",
                "error: the stack is currently locked by 1 lock(s). Either wait for the other process(es) to end or \
                 delete the lock file with `pulumi cancel`.",
            ],
            &[
                "Error: Command failed with exit code 255: pulumi up --yes; error: [409] Conflict: Another update is \
               currently in progress.",
            ],
        );
    }
}
