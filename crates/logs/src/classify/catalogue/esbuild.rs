//! esbuild, and the tools that bundle with it and print its messages as it
//! does (tsup, Vite's dependency scan, Angular's application builder,
//! wrangler).
//!
//! Source: `internal/bundler/bundler.go`: an import path the resolver cannot
//! find is the error `Could not resolve {path}` (the path quoted as a JS
//! string), with a note: `You can mark the path {path} as external to
//! exclude it from the bundle, which will remove this error …` for a package,
//! `The package {path} wasn't found on the file system but is built into
//! node.` for a Node built-in on a non-node platform. The CLI's logger
//! (`internal/logger/logger.go`) prints an error as `✘ [ERROR] {text}` (`X
//! [ERROR]` where the terminal has no Unicode) and the location on the lines
//! after it; the JS API's rejected build message is `Build failed with {n}
//! error(s):` and then `{file}:{line}:{column}: ERROR: {text}` per error,
//! which names the importing file. A warning is `▲ [WARNING] …` (an
//! unresolved `require()` inside `try`), which the build survives.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "esbuild/could-not-resolve",
    grammar: "✘ [ERROR] Could not resolve \"{path}\" | {file}:{line}:{column}: ERROR: Could not resolve \"{path}\"",
    needles: &["Could not resolve \""],
    check: could_not_resolve,
    examples: &[
        ex(
            "✘ [ERROR] Could not resolve \"date-fns\"",
            Category::MissingDependency,
            Some("date-fns"),
        ),
        ex(
            "src/index.ts:3:21: ERROR: Could not resolve \"@aws-sdk/client-s3\"",
            Category::MissingDependency,
            Some("@aws-sdk/client-s3"),
        ),
        ex(
            "X [ERROR] Could not resolve \"./routes/admin\"",
            Category::Unknown,
            None,
        ),
        ex("✘ [ERROR] Could not resolve \"crypto\"", Category::Unknown, None),
    ],
}];

fn could_not_resolve(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r#"^(?:(?:✘|X) \[ERROR\]|(\S+?):\d+:\d+: ERROR:) Could not resolve "([^"]+)"$"#)
        .captures(line.text.trim())?;
    let importer = c.get(1).map(|m| m.as_str());
    Some(super::node::unresolved_import("esbuild", &c[2], importer))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unresolved_path_is_read_only_as_an_error() {
        let read = |text: &str| could_not_resolve(&Line::plain(text)).expect(text);
        let package = read("✘ [ERROR] Could not resolve \"date-fns\"");
        assert_eq!(package.category, Category::MissingDependency);
        assert!(!package.fixable, "package.json is the project's");
        // The API's form names the importer: a dependency's import.
        let dependency = read("node_modules/markdown-it/lib/index.js:14:27: ERROR: Could not resolve \"entities\"");
        assert_eq!(dependency.subject.as_deref(), Some("entities"));
        assert!(dependency.message.contains("'markdown-it'"), "{}", dependency.message);
        for text in [
            "✘ [ERROR] Could not resolve \"punycode\"",
            "✘ [ERROR] Could not resolve \"node:fs\"",
            "✘ [ERROR] Could not resolve \"../shared/config\"",
            "✘ [ERROR] Could not resolve \"components/Button\"",
        ] {
            let hit = read(text);
            assert_eq!((hit.category, hit.fixable), (Category::Unknown, false), "{text}");
        }
        crate::classify::catalogue::assert_reads(
            could_not_resolve,
            &[],
            &[
                "▲ [WARNING] Could not resolve \"bufferutil\" [unresolved-import]",
                "Could not resolve \"x\" (mentioned in a test name)",
                "Could not resolve host: registry.npmjs.org",
            ],
        );
    }
}
