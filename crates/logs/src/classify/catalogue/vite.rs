//! Vite's production build (`vite build`), whose bundler is Rollup.
//!
//! Source: `packages/vite/src/node/build.ts` (`onRollupWarning`): Rollup
//! only warns about an import it cannot resolve (`UNRESOLVED_IMPORT`); Vite
//! throws it as an error, unless the id is a CommonJS external, with the
//! message `[vite]: Rollup failed to resolve import "{exporter}" from
//! "{id}".` and three lines of advice (`This is most likely unintended
//! because it can break your application at runtime.`, `If you do want to
//! externalize this module explicitly add it to`,
//! `` `build.rollupOptions.external` ``). The CLI prints `error during
//! build:` and the error's stack, so the message is on its own line (after
//! `Error: ` on the releases that print the stack's first line whole).
//! `{exporter}` is the request as the code wrote it, `{id}` the importing
//! file's absolute path.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "vite/rollup-unresolved-import",
    grammar: "[vite]: Rollup failed to resolve import \"{request}\" from \"{importer}\".",
    needles: &["Rollup failed to resolve import"],
    check: unresolved_import,
    examples: &[
        ex(
            "[vite]: Rollup failed to resolve import \"lodash-es\" from \"/home/runner/work/app/app/src/util.ts\".",
            Category::MissingDependency,
            Some("lodash-es"),
        ),
        ex(
            "Error: [vite]: Rollup failed to resolve import \"@tanstack/react-query\" from \
             \"D:/a/web/web/src/main.tsx\".",
            Category::MissingDependency,
            Some("@tanstack/react-query"),
        ),
        ex(
            "[vite]: Rollup failed to resolve import \"./components/Chart.vue\" from \
             \"/home/runner/work/app/app/src/App.vue\".",
            Category::Unknown,
            None,
        ),
    ],
}];

fn unresolved_import(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r#"^(?:Error: )?\[vite\]: Rollup failed to resolve import "([^"]+)" from "([^"]+)"\.?$"#)
        .captures(line.text.trim())?;
    Some(super::node::unresolved_import("Vite (Rollup)", &c[1], Some(&c[2])))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::SubjectDetail;

    #[test]
    fn an_unresolved_import_is_read_by_what_it_names() {
        let read = |text: &str| unresolved_import(&Line::plain(text)).expect(text);
        // A package the project imports: its manifest, never a fix here.
        let project = read(
            "[vite]: Rollup failed to resolve import \"lodash-es\" from \"/home/runner/work/app/app/src/util.ts\".",
        );
        assert_eq!(project.category, Category::MissingDependency);
        assert!(!project.fixable);
        assert!(matches!(project.detail, SubjectDetail::Package { .. }));
        // An unscoped name with a subpath (`zod/v4/core`) could be an alias
        // of the build's configuration: not named as a package, even from a
        // dependency's file.
        let dependency = read(
            "[vite]: Rollup failed to resolve import \"zod/v4/core\" from \
             \"/w/app/node_modules/.pnpm/@hookform+resolvers@5.2.2/node_modules/@hookform/resolvers/zod/dist/zod.mjs\".",
        );
        assert_eq!(dependency.category, Category::Unknown);
        // A dependency's own import of a package names the importing package.
        let scoped = read(
            "[vite]: Rollup failed to resolve import \"@floating-ui/dom\" from \
             \"/w/app/node_modules/@headlessui/vue/dist/index.mjs\".",
        );
        assert_eq!(scoped.subject.as_deref(), Some("@floating-ui/dom"));
        assert!(scoped.message.contains("'@headlessui/vue'"), "{}", scoped.message);
        // Paths, aliases, built-ins and virtual modules are the code's or the
        // configuration's.
        for text in [
            "[vite]: Rollup failed to resolve import \"/style.css\" from \"/w/app/index.html\".",
            "[vite]: Rollup failed to resolve import \"@/components/Nav\" from \"/w/app/src/App.tsx\".",
            "[vite]: Rollup failed to resolve import \"~/lib/api\" from \"/w/app/src/App.tsx\".",
            "[vite]: Rollup failed to resolve import \"fs\" from \"/w/app/src/App.tsx\".",
            "[vite]: Rollup failed to resolve import \"virtual:pwa-register\" from \"/w/app/src/main.ts\".",
            "[vite]: Rollup failed to resolve import \"React\" from \"/w/app/src/main.ts\".",
        ] {
            let hit = read(text);
            assert_eq!((hit.category, hit.fixable), (Category::Unknown, false), "{text}");
        }
        // A scoped name with a subpath is as likely an alias (`@app/*` in
        // tsconfig paths) as a package's file: never told to add
        // `@app/utils` (review89 M1).
        let alias = read("[vite]: Rollup failed to resolve import \"@app/utils/date\" from \"/w/app/src/main.ts\".");
        assert_eq!((alias.category, alias.subject.as_deref()), (Category::Unknown, None));
        assert!(alias.message.contains("path alias"), "{}", alias.message);
        // Built-ins by their `node:` name, and a plugin's virtual module, are
        // not imports by a path (review89 L1).
        let node = read("[vite]: Rollup failed to resolve import \"node:fs\" from \"/w/app/src/main.ts\".");
        assert!(node.message.contains("built-in"), "{}", node.message);
        let virtual_module =
            read("[vite]: Rollup failed to resolve import \"virtual:pwa-register\" from \"/w/app/src/main.ts\".");
        assert!(virtual_module.message.contains("plugin"), "{}", virtual_module.message);
        assert!(
            !virtual_module.message.contains("by a path"),
            "{}",
            virtual_module.message
        );
        let windows =
            read("[vite]: Rollup failed to resolve import \"C:\\w\\src\\x.ts\" from \"C:\\w\\src\\main.ts\".");
        assert!(windows.message.contains("by a path"), "{}", windows.message);
        crate::classify::catalogue::assert_reads(
            unresolved_import,
            &[],
            &[
                "echo '[vite]: Rollup failed to resolve import \"x\" from \"y\".'",
                "This is most likely unintended because it can break your application at runtime.",
                "(!) Unresolved dependencies",
            ],
        );
    }
}
