//! Biome, the JavaScript/TypeScript/JSON/CSS formatter and linter (`biome
//! check`, `biome lint`, `biome format`, `biome ci`).
//!
//! Source: the console reporter's output (`biome check`, `biome ci`, as Biome
//! prints it in its issues and users' logs): each diagnostic opens
//! with a header, `{path}[:{line}:{column}] {category}[ {TAG}…] ━━━…`
//! (`lint/style/useConst`, `format`, `assist/source/organizeImports`,
//! `parse`; tags such as `FIXABLE`), then a blank line, then the severity
//! and the message, `  × {message}` for an error (`✖` in older releases), `!`
//! for a warning, `i` for information. The run ends with `Checked {n}
//! file(s) in {t}.`, `Found {n} error(s).` and a closing `{command} ━━━`
//! block (`× Some errors were emitted while running checks.`), which name no
//! file. Only the severity line says whether the diagnostic is an error, so
//! the finding is read there and located at its header: the first error is
//! where the report begins, the code's or the configuration's to fix (a
//! person's call).

use super::util::regex;
use super::{Entry, ex_after};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;
use crate::subject::display_text;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "biome/diagnostic",
    grammar: "{path}[:{line}:{column}] {category}[ {TAG}] ━━━ / (blank) / × {message}",
    needles: &["× ", "✖ "],
    check: diagnostic,
    examples: &[ex_after(
        &[
            "src/utils/date.ts:14:7 lint/style/useConst  FIXABLE  ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━",
            "",
        ],
        "  × This let declares a variable that is only assigned once.",
        Category::Unknown,
        None,
    )],
}];

fn diagnostic(line: &Line<'_>) -> Option<Hit> {
    let message = regex!(r"^\s*[×✖] (\S.*)$").captures(line.text.trim_end())?;
    let (above, header) = match line.recent {
        [.., header, blank] if blank.trim().is_empty() => (2, header),
        [.., header] => (1, header),
        [] => return None,
    };
    let c = regex!(r"^(\S*[./]\S*?)(?::(\d+):(\d+))? ([a-z][A-Za-z]*(?:/[A-Za-z0-9]+)*)(?:\s+[A-Z]+)*\s+━{3,}$")
        .captures(header.trim())?;
    let place = match (c.get(2), c.get(3)) {
        (Some(l), Some(col)) => format!("{}:{}:{}", display_text(&c[1]), l.as_str(), col.as_str()),
        _ => display_text(&c[1]),
    };
    Some(
        Hit::blocker(format!(
            "Biome reported {} at {place}: {}. The code is to fix (Biome's safe fixes: `biome check --write`), or \
             the rule to configure (a manual fix).",
            display_text(&c[4]),
            display_text(&message[1])
        ))
        .opened_lines_above(above),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_error_is_read_under_its_header_and_located_there() {
        let hit = diagnostic(&Line {
            recent: &[
                "src/client.ts:41:5 lint/suspicious/noDebugger  FIXABLE  ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━",
                "",
            ],
            ..Line::plain("  × This is an unexpected use of the debugger statement.")
        })
        .expect("read");
        assert_eq!(
            (hit.category, hit.fixable, hit.opened_lines_above),
            (Category::Unknown, false, 2)
        );
        assert!(hit.message.contains("src/client.ts:41:5"), "{}", hit.message);
        // A formatter diagnostic names no position.
        assert!(
            diagnostic(&Line {
                recent: &[
                    "apps/admin/tsconfig.json format ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━",
                    ""
                ],
                ..Line::plain("  × Formatter would have printed the following content:")
            })
            .is_some()
        );
    }

    #[test]
    fn warnings_and_the_closing_block_are_not_read() {
        let header = "src/bad.js:3:7 lint/correctness/noUnusedVariables  FIXABLE  ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━";
        assert!(
            diagnostic(&Line {
                recent: &[header, ""],
                ..Line::plain("  ! This variable unused is unused.")
            })
            .is_none()
        );
        assert!(
            diagnostic(&Line {
                recent: &[
                    "check ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━",
                    ""
                ],
                ..Line::plain("  × Some errors were emitted while running checks.")
            })
            .is_none()
        );
        // A cross mark another tool printed, with no Biome header above it.
        assert!(
            diagnostic(&Line {
                recent: &["Running tests", ""],
                ..Line::plain("× 2 tests failed")
            })
            .is_none()
        );
    }
}
