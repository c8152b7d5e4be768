//! papermill, which runs a parameterized notebook.
//!
//! Source: papermill's `exceptions.py` and `execute.py`. When a cell raised,
//! `raise_for_execution_errors` raises `PapermillExecutionError`, whose text
//! is a line of 75 dashes, `Exception encountered at "In [{exec_count}]":`
//! and the kernel's traceback; the CLI lets it propagate, so the log shows
//! Python's traceback ending in `papermill.exceptions.PapermillExecutionError: `
//! followed by that text. The notebook's code or data raised: a person's call.
//! The heading is where the failure begins; the cell's own exception lines
//! below it are the detail.

use super::util::regex;
use super::{Entry, ex_after};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "papermill/execution-error",
    grammar: "papermill.exceptions.PapermillExecutionError: (then a line of dashes and `Exception encountered at \
              \"In [{n}]\":`, read on that line)",
    needles: &["Exception encountered at \"In ["],
    check: execution_error,
    examples: &[ex_after(
        &[
            "papermill.exceptions.PapermillExecutionError: ",
            "---------------------------------------------------------------------------",
        ],
        "Exception encountered at \"In [6]\":",
        Category::Unknown,
        None,
    )],
}];

fn execution_error(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r#"^Exception encountered at "In \[(\d*)\]":$"#).captures(line.text.trim())?;
    // The heading is two lines above: the exception's name, then the dashes.
    let [.., heading, dashes] = line.recent else {
        return None;
    };
    let heading_ok = regex!(r"^(?:papermill\.exceptions\.)?PapermillExecutionError:$").is_match(heading.trim());
    if !heading_ok || !regex!(r"^-{20,}$").is_match(dashes.trim()) {
        return None;
    }
    Some(
        Hit::blocker(format!(
            "A notebook cell (In [{}]) raised an exception while papermill ran the notebook; the kernel's traceback \
             below says what (the notebook's code or data, a person's call).",
            &c[1]
        ))
        .opened_lines_above(2),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::hit::Strength;

    #[test]
    fn the_cells_exception_under_papermills_heading() {
        let line = Line {
            recent: &[
                "    raise error",
                "papermill.exceptions.PapermillExecutionError: ",
                "---------------------------------------------------------------------------",
            ],
            ..Line::plain("Exception encountered at \"In [6]\":")
        };
        let hit = execution_error(&line).expect("read");
        assert_eq!(
            (hit.category, hit.strength, hit.opened_lines_above),
            (Category::Unknown, Strength::Blocker, 2)
        );
        assert!(hit.message.contains("In [6]"), "{}", hit.message);
        // Alone, or under another heading, the words are no papermill report.
        assert!(execution_error(&Line::plain("Exception encountered at \"In [6]\":")).is_none());
        let other = Line {
            recent: &["print(x)", "------------------------------"],
            ..Line::plain("Exception encountered at \"In [2]\":")
        };
        assert!(execution_error(&other).is_none());
    }
}
