//! webpack (4 and 5), and the frameworks that print its compile errors
//! (Next.js, Create React App, Storybook's webpack builder).
//!
//! Source: webpack's `lib/ModuleNotFoundError.js` (`Module not found:
//! {err}`, the error of enhanced-resolve, `lib/Resolver.js`: `Can't resolve
//! '{request}' in '{path}'`, `{path}` the importing file's directory). The
//! stats printer (`lib/stats/DefaultStatsPrinterPlugin.js`) heads each error
//! `ERROR in {module} {loc}` and each warning `WARNING in {module} {loc}`, on
//! the line above. Next.js (`wellknown-errors-plugin/parseNotFoundError.ts`)
//! and Create React App (`formatWebpackMessages.js`) print the message
//! without webpack's `Error: `, under `Failed to compile.` for errors and
//! `Compiled with warnings` (Next: ` ⚠ Compiled with warnings`) for
//! warnings, with the importing module's path between. A warning (an
//! optional dependency a package tries, node-fetch's `encoding`) does not
//! fail the build, so the message is read only under an error's heading.

use super::util::regex;
use super::{Entry, ex_after};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "webpack/module-not-found",
    grammar: "Module not found: [Error: ]Can't resolve '{request}'[ in '{directory}'] (under `ERROR in …` or `Failed \
              to compile.`)",
    needles: &["Module not found: "],
    check: module_not_found,
    examples: &[
        ex_after(
            &["ERROR in ./src/index.tsx 5:0-30"],
            "Module not found: Error: Can't resolve 'react-router-dom' in '/home/runner/work/app/app/src'",
            Category::MissingDependency,
            Some("react-router-dom"),
        ),
        ex_after(
            &["Failed to compile.", "", "./src/app/page.tsx"],
            "Module not found: Can't resolve 'framer-motion'",
            Category::MissingDependency,
            Some("framer-motion"),
        ),
        ex_after(
            &["ERROR in ./src/App.tsx 9:0-42"],
            "Module not found: Error: Can't resolve './Header' in '/home/runner/work/app/app/src'",
            Category::Unknown,
            None,
        ),
    ],
}];

/// Which heading the message is under, the nearest of the recent lines.
#[derive(Debug, PartialEq)]
enum Heading {
    Error,
    Warning,
}

fn heading(recent: &[&str]) -> Option<Heading> {
    recent.iter().rev().find_map(|l| {
        let l = l.trim();
        if l.starts_with("ERROR in ") || l == "Failed to compile." || l == "Failed to compile" {
            Some(Heading::Error)
        } else if l.starts_with("WARNING in ") || l.contains("Compiled with warnings") {
            Some(Heading::Warning)
        } else {
            None
        }
    })
}

fn module_not_found(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^Module not found: (?:Error: )?Can't resolve '([^']+)'(?: in '([^']+)')?$")
        .captures(line.text.trim())?;
    if line.is_warning() || heading(line.recent) != Some(Heading::Error) {
        return None;
    }
    Some(super::node::unresolved_import(
        "webpack",
        &c[1],
        c.get(2).map(|m| m.as_str()),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn under<'a>(recent: &'a [&'a str], text: &'a str) -> Option<Hit> {
        module_not_found(&Line {
            recent,
            ..Line::plain(text)
        })
    }

    #[test]
    fn only_an_errors_unresolved_import_is_read() {
        let message = "Module not found: Error: Can't resolve 'encoding' in '/w/app/node_modules/node-fetch/lib'";
        // A warning: the build went on.
        assert!(under(&["WARNING in ./node_modules/node-fetch/lib/index.js 9:11-26"], message).is_none());
        assert!(
            under(
                &[
                    " ⚠ Compiled with warnings",
                    "",
                    "./node_modules/node-fetch/lib/index.js"
                ],
                message
            )
            .is_none()
        );
        // No heading in sight: the line alone cannot tell.
        assert!(under(&[], message).is_none());
        // An error: a dependency's import, named with the importing package.
        let hit = under(&["ERROR in ./node_modules/node-fetch/lib/index.js 9:11-26"], message).expect("read");
        assert_eq!(hit.category, Category::MissingDependency);
        assert!(!hit.fixable);
        assert!(hit.message.contains("'node-fetch'"), "{}", hit.message);
        // webpack 5 without polyfills for Node's core modules.
        let core = under(
            &["ERROR in ./src/crypto.js 1:0-33"],
            "Module not found: Error: Can't resolve 'crypto' in '/w/app/src'",
        )
        .expect("read");
        assert_eq!((core.category, core.fixable), (Category::Unknown, false));
        // The heading nearest the message decides.
        assert!(
            under(
                &["ERROR in ./src/a.js 1:0-20", "", "WARNING in ./src/b.js 2:0-10"],
                "Module not found: Error: Can't resolve 'x' in '/w/app/src'"
            )
            .is_none()
        );
        assert!(
            under(
                &["ERROR in ./src/a.js 1:0-20"],
                "echo Module not found: Can't resolve 'x'"
            )
            .is_none()
        );
    }
}
