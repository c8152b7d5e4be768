//! nbval, the pytest plugin that runs Jupyter notebooks as tests
//! (`pytest --nbval`, `--nbval-lax`).
//!
//! Source: nbval's `plugin.py`: a cell whose run raised, or whose fresh
//! outputs differ from the ones saved in the notebook, raises `NbCellError`,
//! which pytest shows under the cell's heading (`{notebook}::Cell {n}`) as
//! `Notebook cell execution failed`, then `Cell {n}: {reason}` (`Cell outputs
//! differ`, `Cell execution caused an exception`), the cell's `Input:` and a
//! `Traceback:` (for a difference, `mismatch '{mime type}'` and the reference
//! and new outputs); its README shows the same report. The cell is the
//! project's notebook (its code, or outputs saved from another run), for a
//! person: the first line of the report is where the failure shows, and
//! pytest's summary below only counts it.

use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "nbval/cell-failed",
    grammar: "Notebook cell execution failed (then `Cell {n}: Cell outputs differ | Cell execution caused an \
              exception`)",
    needles: &["Notebook cell execution failed"],
    check: cell_failed,
    examples: &[ex("Notebook cell execution failed", Category::Unknown, None)],
}];

fn cell_failed(line: &Line<'_>) -> Option<Hit> {
    (line.text.trim() == "Notebook cell execution failed").then(|| {
        Hit::blocker(
            "A notebook cell failed under nbval (its outputs differ from the saved ones, or it raised; the cell \
             and the difference follow): the notebook, for a person.",
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::hit::Strength;

    #[test]
    fn the_cells_report_heading_is_the_blocker() {
        let hit = cell_failed(&Line::plain("Notebook cell execution failed")).expect("read");
        assert_eq!((hit.category, hit.strength), (Category::Unknown, Strength::Blocker));
        crate::classify::catalogue::assert_reads(
            cell_failed,
            &["  Notebook cell execution failed  "],
            &[
                "Notebook cell execution failed: see above",
                "print('Notebook cell execution failed')",
            ],
        );
    }
}
