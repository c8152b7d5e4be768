//! Zephyr's build system (CMake modules run by `west build`).
//!
//! Source: `cmake/modules/boards.cmake`, which prints `No board named
//! '{board}' found.` and the boards it knows, then stops with CMake's
//! `Invalid BOARD; see above.` (a `CMake Error at …boards.cmake` block) and
//! west's `FATAL ERROR: command exited with status 1: …cmake …`. The board
//! name is the workflow's or the project's (a typo, or a board renamed by
//! Zephyr's hardware model v2, `nrf52840dk_nrf52840` → `nrf52840dk/nrf52840`):
//! a person's call, read where Zephyr says it, not at CMake's trailer.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;
use crate::subject::display_text;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "zephyr/no-board-named",
    grammar: "No board named '{board}' found.",
    needles: &["No board named '"],
    check: no_board_named,
    examples: &[ex(
        "No board named 'nrf52840dk_nrf52841' found.",
        Category::Unknown,
        None,
    )],
}];

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

    #[test]
    fn zephyr_board_names() {
        crate::classify::catalogue::assert_reads(
            no_board_named,
            &["No board named 'nrf52840dk_nrf52841' found."],
            &["  Invalid BOARD; see above.", "echo \"No board named 'x' found.\""],
        );
    }
}
