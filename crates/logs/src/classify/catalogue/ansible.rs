//! Ansible.
//!
//! Sources: `ansible-playbook`'s check of its arguments before it runs
//! anything (`lib/ansible/cli/playbook.py`: `the playbook: {path} could not be
//! found`), printed by the CLI's error display as `ERROR! {message}`
//! (ansible-core 2.19 on: `[ERROR]: {message}`); and the default stdout
//! callback's task results (`lib/ansible/plugins/callback/default.py`):
//! `fatal: [{host}]: FAILED! => {result}` for a task that failed and
//! `fatal: [{host}]: UNREACHABLE! => {result}` for a host it could not reach
//! (`[{host} -> {delegate}]` when delegated). A failed task or an unreachable
//! host is the play's (its code, the inventory, the network): for a person,
//! pinned where Ansible said which host and why, not at its `PLAY RECAP` or
//! the exit code.
//!
//! A missing playbook is named, never fixed by pointing at where it moved:
//! `ansible-playbook` checks its playbooks before it reads the inventory, and
//! a playbook moves with its inventory, roles and vars; with the playbook
//! found and the inventory still missing, Ansible warns that only the
//! implicit localhost is available, skips every play (`skipping: no hosts
//! matched`) and exits 0: a deploy that did nothing, reported green.
//!
//! A task failure under `ignore_errors` is followed by `...ignoring` on the
//! next line, which one line cannot see: it is still read as a blocker (at
//! worst a wrong pin, never a fix).

use super::util::{path_hit, regex};
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "ansible/playbook-not-found",
        grammar: "ERROR! the playbook: {path} could not be found | [ERROR]: the playbook: {path} could not be found",
        needles: &["the playbook: "],
        check: playbook_not_found,
        examples: &[ex(
            "ERROR! the playbook: playbooks/deploy.yml could not be found",
            Category::FileNotFound,
            Some("playbooks/deploy.yml"),
        )],
    },
    Entry {
        id: "ansible/task-fatal",
        grammar: "fatal: [{host}]: FAILED! => {result} | fatal: [{host}]: UNREACHABLE! => {result}",
        needles: &["]: FAILED! =>", "]: UNREACHABLE! =>"],
        check: task_fatal,
        examples: &[ex(
            "fatal: [web-2]: UNREACHABLE! => {\"changed\": false, \"msg\": \"Failed to connect to the host via ssh: \
             ssh: connect to host 10.20.0.12 port 22: Connection timed out\", \"unreachable\": true}",
            Category::Unknown,
            None,
        )],
    },
];

fn playbook_not_found(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^(?:ERROR! |\[ERROR\]: )the playbook: (.+) could not be found$").captures(line.text.trim())?;
    let mut hit = path_hit(
        &c[1],
        0.85,
        "ansible-playbook was given a playbook that does not exist. Not fixed by a new path: a playbook moves with \
         its inventory and roles, and a play whose inventory is missing matches no hosts and exits 0, a deploy \
         that did nothing.",
    );
    hit.fixable = false;
    Some(hit)
}

fn task_fatal(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^fatal: \[([^\]]+)\]: (FAILED|UNREACHABLE)! =>").captures(line.text.trim())?;
    let what = if &c[2] == "UNREACHABLE" {
        "could not reach the host"
    } else {
        "had a task fail on the host"
    };
    Some(Hit::blocker(format!(
        "Ansible {what} {}: the play, its inventory or the host is for a person.",
        crate::subject::display_text(&c[1])
    )))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::hit::Strength;

    #[test]
    fn a_missing_playbook_in_both_error_displays() {
        for text in [
            "ERROR! the playbook: site.yml could not be found",
            "[ERROR]: the playbook: site.yml could not be found",
        ] {
            let hit = playbook_not_found(&Line::plain(text)).expect(text);
            assert_eq!(
                (hit.category, hit.subject.as_deref(), hit.fixable),
                (Category::FileNotFound, Some("site.yml"), false)
            );
        }
        crate::classify::catalogue::assert_reads(
            playbook_not_found,
            &[],
            &[
                "ERROR! the playbook: site.yml does not appear to be a file",
                "echo 'the playbook: site.yml could not be found'",
            ],
        );
    }

    #[test]
    fn a_failed_task_or_unreachable_host_is_a_blocker() {
        for text in [
            "fatal: [web-2]: UNREACHABLE! => changed=false ",
            "fatal: [db-1 -> localhost]: FAILED! => {\"changed\": false, \"msg\": \"No package matching 'nginx-full' \
             is available\"}",
        ] {
            let hit = task_fatal(&Line::plain(text)).expect(text);
            assert_eq!((hit.category, hit.strength), (Category::Unknown, Strength::Blocker));
        }
        crate::classify::catalogue::assert_reads(
            task_fatal,
            &[],
            &["ok: [web-1]", "web-2 : ok=0 changed=0 unreachable=1 failed=0"],
        );
    }
}
