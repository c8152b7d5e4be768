//! nbclient, the Jupyter notebook executor behind `jupyter nbconvert
//! --execute`, `jupyter execute`, nbmake and papermill's default engine.
//!
//! Source: nbclient's `exceptions.py`. A cell that raised is reported as
//! `CellExecutionError` whose text is `An error occurred while executing the
//! following cell:`, the cell's source between `------------------` lines,
//! then the kernel's traceback (IPython's, with its colours): a heading whose
//! cause the traceback below states (a module the kernel could not import is
//! that module's missing dependency). A cell that ran past the executor's own
//! per-cell limit (`NotebookClient.timeout`: nbconvert's
//! `--ExecutePreprocessor.timeout`, nbmake's `--nbmake-timeout`, 300 s in
//! nbmake by default) is `CellTimeoutError`: `A cell timed out while it was
//! being executed, after {timeout} seconds.`, then `The message was: {msg}.`
//! and a preview of the cell. That is the notebook's setting, not the job's
//! `timeout-minutes`: the cell's work or the setting, for a person.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "jupyter/cell-timeout",
        grammar: "A cell timed out while it was being executed, after {timeout} seconds.",
        needles: &["A cell timed out while it was being executed"],
        check: cell_timeout,
        examples: &[ex(
            "A cell timed out while it was being executed, after 600 seconds.",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "jupyter/cell-execution-error",
        grammar: "[nbclient.exceptions.CellExecutionError: ]An error occurred while executing the following cell:",
        needles: &["An error occurred while executing the following cell"],
        check: cell_execution_error,
        examples: &[ex(
            "nbclient.exceptions.CellExecutionError: An error occurred while executing the following cell:",
            Category::Unknown,
            None,
        )],
    },
];

fn cell_timeout(line: &Line<'_>) -> Option<Hit> {
    // nbmake's short summary quotes the same sentence after the notebook's id.
    let c = regex!(
        r"^(?:FAILED \S+ - |(?:[\w.]+\.)?CellTimeoutError: )?A cell timed out while it was being executed, after (\d+) seconds\.$"
    )
    .captures(line.text.trim())?;
    Some(Hit::blocker(format!(
        "A notebook cell ran past the executor's own per-cell limit ({} s: nbclient's `timeout`, set by nbmake's \
         `--nbmake-timeout` or nbconvert's `--ExecutePreprocessor.timeout`): the cell's work or that setting, not the \
         job's time limit.",
        &c[1]
    )))
}

fn cell_execution_error(line: &Line<'_>) -> Option<Hit> {
    regex!(r"^(?:(?:[\w.]+\.)?CellExecutionError: )?An error occurred while executing the following cell:$")
        .is_match(line.text.trim())
        .then(|| Hit::summary("A notebook cell raised an exception; the kernel's traceback after the cell says which."))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::catalogue::assert_reads;
    use crate::classify::hit::Strength;

    #[test]
    fn a_cells_own_limit_is_not_the_jobs() {
        assert_reads(
            cell_timeout,
            &[
                "A cell timed out while it was being executed, after 300 seconds.",
                "nbclient.exceptions.CellTimeoutError: A cell timed out while it was being executed, after 60 seconds.",
                "FAILED docs/nb/03-training.ipynb:: - A cell timed out while it was being executed, after 600 seconds.",
            ],
            &["print('A cell timed out while it was being executed, after 5 seconds.')"],
        );
        let hit = cell_timeout(&Line::plain(
            "A cell timed out while it was being executed, after 600 seconds.",
        ))
        .expect("read");
        assert_eq!((hit.category, hit.fixable), (Category::Unknown, false));
        assert!(hit.message.contains("600 s") && hit.message.contains("not the job's time limit"));
    }

    #[test]
    fn a_cells_exception_is_a_heading_its_traceback_decides() {
        assert_reads(
            cell_execution_error,
            &[
                "An error occurred while executing the following cell:",
                "nbclient.exceptions.CellExecutionError: An error occurred while executing the following cell:",
            ],
            &["# An error occurred while executing the following cell: see above"],
        );
        let hit =
            cell_execution_error(&Line::plain("An error occurred while executing the following cell:")).expect("read");
        assert_eq!(hit.strength, Strength::Summary);
    }
}
