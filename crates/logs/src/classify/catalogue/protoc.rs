//! protoc, the Protocol Buffers compiler, running its code generator plugins.
//!
//! Source: protoc's `subprocess.cc` (the child it forks for a plugin writes
//! `{plugin}: program not found or is not executable` and `Please specify a
//! program using absolute path or make sure the program is available in your
//! PATH system variable`, then exits 1) and `command_line_interface.cc`
//! (`--{name}_out: {plugin}: Plugin failed with status code {n}.`). protoc
//! looks for `--{name}_out`'s plugin as `protoc-gen-{name}` on `PATH`, so the
//! first line names the missing command; the `Plugin failed` line after it is
//! its consequence. Alone (the plugin ran and exited non-zero), the `Plugin
//! failed` line is the plugin's own failure, for a person.
//!
//! A plugin is installed by its own ecosystem at the version the project
//! pins (`go install google.golang.org/protobuf/cmd/protoc-gen-go@{v}`, an
//! npm or pip package), so it is a missing command no known-tools table
//! installs: not fixable.

use super::util::{command_hit, regex};
use super::{Entry, ex, ex_after};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "protoc/plugin-not-found",
        grammar: "{plugin}: program not found or is not executable",
        needles: &[": program not found or is not executable"],
        check: plugin_not_found,
        examples: &[ex(
            "protoc-gen-go: program not found or is not executable",
            Category::MissingCommand,
            Some("protoc-gen-go"),
        )],
    },
    Entry {
        id: "protoc/plugin-failed",
        grammar: "--{name}_out: {plugin}: Plugin failed with status code {n}.",
        needles: &["Plugin failed with status code"],
        check: plugin_failed,
        examples: &[
            ex(
                "--ts_out: protoc-gen-ts: Plugin failed with status code 1.",
                Category::Unknown,
                None,
            ),
            ex_after(
                &["protoc-gen-go: program not found or is not executable"],
                "--go_out: protoc-gen-go: Plugin failed with status code 1.",
                Category::Unknown,
                None,
            ),
        ],
    },
];

fn plugin_not_found(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^([\w.+-]+): program not found or is not executable$").captures(line.text.trim())?;
    Some(command_hit(&c[1], line, 0.8))
}

fn plugin_failed(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^--\w+_out: ([\w.+-]+): Plugin failed with status code \d+\.$").captures(line.text.trim())?;
    let plugin = &c[1];
    let missing = format!("{plugin}: program not found or is not executable");
    if line.recent.iter().any(|l| l.trim() == missing) {
        return Some(
            Hit::blocker(format!(
                "protoc could not start its plugin {plugin} (see the line above)."
            ))
            .weak(),
        );
    }
    Some(Hit::blocker(format!(
        "protoc's plugin {plugin} failed; its own output above says why."
    )))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::catalogue::assert_reads;
    use crate::classify::hit::Strength;

    #[test]
    fn the_plugin_protoc_could_not_start_is_the_missing_command() {
        assert_reads(
            plugin_not_found,
            &[
                "protoc-gen-go-grpc: program not found or is not executable",
                "protoc-gen-dart: program not found or is not executable",
            ],
            &["echo protoc-gen-go: program not found or is not executable"],
        );
        let hit =
            plugin_not_found(&Line::plain("protoc-gen-go: program not found or is not executable")).expect("read");
        assert_eq!(
            (hit.category, hit.subject.as_deref(), hit.fixable),
            (Category::MissingCommand, Some("protoc-gen-go"), false)
        );
        let after = Line {
            recent: &["protoc-gen-go: program not found or is not executable"],
            ..Line::plain("--go_out: protoc-gen-go: Plugin failed with status code 1.")
        };
        assert_eq!(plugin_failed(&after).map(|h| h.strength), Some(Strength::Weak));
        let alone = plugin_failed(&Line::plain(
            "--go_out: protoc-gen-go: Plugin failed with status code 1.",
        ))
        .expect("read");
        assert_eq!(alone.strength, Strength::Blocker);
    }
}
