//! Zephyr's build system (CMake modules run by `west build`).
//!
//! Source: `cmake/modules/boards.cmake`, which prints `No board named
//! '{board}' found.` and the boards it knows, then stops with CMake's
//! `Invalid BOARD; see above.` (a `CMake Error at …boards.cmake` block) and
//! west's `FATAL ERROR: command exited with status 1: …cmake …`. The board
//! name is the workflow's or the project's (a typo, or a board renamed by
//! Zephyr's hardware model v2, `nrf52840dk_nrf52840` → `nrf52840dk/nrf52840`):
//! a person's call, read where Zephyr says it, not at CMake's trailer.
//!
//! And Zephyr's Kconfig step (`scripts/kconfig/kconfig.py`, run by
//! `cmake/modules/kconfig.cmake`): Kconfiglib's own warnings, e.g.
//! `{file}:{line}: warning: attempt to assign the value '{v}' to the
//! undefined symbol {SYMBOL}`, which kconfig.py turns into errors: it
//! prints them, then `error: Aborting due to Kconfig warnings`, and CMake
//! stops (`CMake Error at …/kconfig.cmake:{n} (message): command failed with
//! return code: 1`, then west's `FATAL ERROR`), as zephyrproject-rtos/zephyr's
//! issues #26034 and #117762 and users' reports print it. The first warning is
//! the cause (the project's configuration, a person's call); the abort line
//! is a heading. A warning is read so only where the step runs Zephyr's
//! build (`west`, or Zephyr named nearby): other Kconfiglib users (ESP-IDF's
//! menuconfig) go on after a warning. Not read: kconfig.py's own `warning:
//! {SYMBOL} (defined at …) was assigned the value '{v}' but got the value
//! '{v}'`, which it prints through its `warn()` and keeps a warning (it is
//! not among Kconfiglib's warnings that abort), so a build goes on after it.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;
use crate::subject::display_text;

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "zephyr/kconfig-warning",
        grammar: "{file}:{line}: warning: attempt to assign the value '{v}' to the undefined symbol {SYMBOL} | \
                  error: Aborting due to Kconfig warnings",
        needles: &["to the undefined symbol ", "Aborting due to Kconfig warnings"],
        check: kconfig_warning,
        examples: &[ex("error: Aborting due to Kconfig warnings", Category::Unknown, None)],
    },
    Entry {
        id: "zephyr/no-board-named",
        grammar: "No board named '{board}' found.",
        needles: &["No board named '"],
        check: no_board_named,
        examples: &[ex(
            "No board named 'nrf52840dk_nrf52841' found.",
            Category::Unknown,
            None,
        )],
    },
];

/// Kconfiglib's warning of an assignment to an undefined symbol, in a step
/// that builds with Zephyr: its kconfig.py aborts on Kconfiglib's warnings,
/// so the warning is the failure though it says `warning:`
/// (`soften_warning` asks this).
pub fn is_fatal_kconfig_warning(line: &Line<'_>) -> bool {
    let text = line.text.trim();
    regex!(r"^\S+:\d+: warning: attempt to assign the value '[^']*' to the undefined symbol [A-Z0-9_]+$").is_match(text)
        && (line.step_mentions_command("west") || line.step_mentions("Zephyr") || line.step_mentions("zephyr"))
}

fn kconfig_warning(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim();
    if text == "error: Aborting due to Kconfig warnings" {
        return Some(Hit::summary(
            "Zephyr's Kconfig stopped the build on its warnings (the first warning above says which).",
        ));
    }
    if !is_fatal_kconfig_warning(line) {
        return None;
    }
    let symbol = regex!(r"(?:^warning: |undefined symbol )([A-Z0-9_]+)")
        .captures(text)
        .map(|c| c[1].to_string())
        .unwrap_or_default();
    Some(Hit::blocker(format!(
        "Zephyr's Kconfig rejected the configuration of {} (its warnings abort the build): the project's \
         configuration files, a person's call.",
        display_text(&symbol)
    )))
}

fn no_board_named(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^No board named '([^']+)' found\.$").captures(line.text.trim())?;
    Some(Hit::blocker(format!(
        "Zephyr has no board named '{}' (a typo, or a name its board list spells otherwise): a person's call.",
        display_text(&c[1])
    )))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::hit::Strength;

    #[test]
    fn a_kconfig_warning_in_a_west_build_is_the_cause_and_the_abort_a_heading() {
        let read = |text: &str, script: &'static str| {
            let mut line = Line::plain(text);
            line.script = script;
            kconfig_warning(&line).map(|h| h.strength)
        };
        let west = "west build -b nrf52840dk/nrf52840 app";
        let text =
            "/work/app/prj.conf:3: warning: attempt to assign the value 'y' to the undefined symbol MCUMGR_SMP_UART";
        assert_eq!(read(text, west), Some(Strength::Blocker), "{text}");
        // Another Kconfiglib user (ESP-IDF) goes on after a warning.
        assert_eq!(read(text, "idf.py build"), None, "{text}");
        // kconfig.py's own warning of a value that did not take stays a
        // warning (its `warn()`; the build goes on), so it is not read.
        for text in [
            "warning: NVS (defined at subsys/fs/nvs/Kconfig:6) was assigned the value 'y' but got the value 'n'.",
            "warning: MCUMGR (defined at subsys/mgmt/mcumgr/Kconfig:5) was assigned the value 'y' but got the",
        ] {
            assert_eq!(read(text, west), None, "{text}");
        }
        assert_eq!(
            read("error: Aborting due to Kconfig warnings", ""),
            Some(Strength::Summary)
        );
        assert_eq!(read("warning: the FOO symbol is deprecated", west), None);
        // `west` is a command word, not a substring of another word.
        assert_eq!(read(text, "./scripts/deploy.sh westbound"), None, "{text}");
    }

    #[test]
    fn zephyr_board_names() {
        crate::classify::catalogue::assert_reads(
            no_board_named,
            &["No board named 'nrf52840dk_nrf52841' found."],
            &["  Invalid BOARD; see above.", "echo \"No board named 'x' found.\""],
        );
    }
}
