//! The OpenSSH client, as scripts, rsync and git run it.
//!
//! Sources: OpenSSH's `sshconnect.c`: with `StrictHostKeyChecking` on (a job's
//! fresh `~/.ssh/known_hosts` has no entry for a deploy host) it prints `No
//! {key type} host key is known for {host} and you have requested strict
//! checking.` and then `Host key verification failed.`; a key that changed
//! since `known_hosts` recorded it is refused with the same last line under
//! its `REMOTE HOST IDENTIFICATION HAS CHANGED!` banner. Adding the host's key
//! (`ssh-keyscan`, a `known_hosts` secret) or trusting it blindly is a person's
//! decision about a security check: never fixed.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "ssh/host-key-verification",
    grammar: "No {type} host key is known for {host} and you have requested strict checking. | Host key verification \
              failed.",
    needles: &["host key is known for", "Host key verification failed"],
    check: host_key_verification,
    examples: &[
        ex(
            "No ED25519 host key is known for web1.example.com and you have requested strict checking.",
            Category::Unknown,
            None,
        ),
        ex("Host key verification failed.", Category::Unknown, None),
    ],
}];

fn host_key_verification(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim();
    let refused = regex!(r"^No \S+ host key is known for \S+ and you have requested strict checking\.$").is_match(text)
        || regex!(r"^(?:fatal: )?Host key verification failed\.$").is_match(text);
    refused.then(|| {
        Hit::blocker(
            "ssh refused the server: its host key is not in the job's known_hosts (or changed). Adding the key is a \
             security decision for a person (ssh-keyscan, a known_hosts secret).",
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strict_host_key_checking_refusals() {
        crate::classify::catalogue::assert_reads(
            host_key_verification,
            &[
                "No ECDSA host key is known for [deploy.example.com]:2222 and you have requested strict checking.",
                "Host key verification failed.",
            ],
            &[
                "echo 'Host key verification failed.' >&2",
                "Warning: Permanently added 'web1.example.com' (ED25519) to the list of known hosts.",
            ],
        );
    }
}
