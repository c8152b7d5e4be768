//! The Serverless Framework (`serverless`, `sls`).
//!
//! Source: the plugin manager (`lib/classes/plugin-manager.js`,
//! `resolveServicePlugins`): a name under the service's `plugins:` that
//! neither the service directory (its `node_modules`, or a local path) nor
//! the Framework's own install resolves stops every command with the
//! `PLUGIN_NOT_FOUND` error `Serverless plugin "{name}" not found. Make sure
//! it's installed and listed in the "plugins" section of your serverless
//! config file.`, followed by ` Use the --debug flag to learn more.` (v3, v4)
//! or ` Run "serverless plugin install -n {name}" to install it.` (v1, v2).
//! v3 prints it under its `Error:` heading, v1 and v2 under `Serverless Error
//! ----`; v4 opens its errors with a `✖` mark.
//!
//! A plugin named by an npm package name is that npm package, which the
//! service's package.json lists and an install step puts in `node_modules`:
//! `missing_dependency` of the package, never fixable (autoheal does not
//! edit package.json, and the job's install is the project's). A plugin
//! named by a path (`./plugins/stage-guard`) is the project's own file: not
//! a package, a person's fix.

use super::node::npm_package_hit;
use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;
use crate::subject::display_text;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "serverless/plugin-not-found",
    grammar: "Serverless plugin \"{name}\" not found. Make sure it's installed and listed in the \"plugins\" section \
              of your serverless config file. [Use the --debug flag to learn more. | Run \"serverless plugin \
              install -n {name}\" to install it.]",
    needles: &["Serverless plugin \""],
    check: plugin_not_found,
    examples: &[
        ex(
            "Serverless plugin \"serverless-python-requirements\" not found. Make sure it's installed and listed in \
             the \"plugins\" section of your serverless config file. Use the --debug flag to learn more.",
            Category::MissingDependency,
            Some("serverless-python-requirements"),
        ),
        ex(
            "  Serverless plugin \"./plugins/stage-guard\" not found. Make sure it's installed and listed in the \
             \"plugins\" section of your serverless config file.",
            Category::Unknown,
            None,
        ),
    ],
}];

fn plugin_not_found(line: &Line<'_>) -> Option<Hit> {
    // The message opens the line (after v4's mark or a UI copy's `Error: `);
    // in any other place it is someone's sentence quoting it.
    let c = regex!(
        r#"^(?:✖ )?(?:Error: )?Serverless plugin "([^"]+)" not found\. Make sure it's installed and listed in the "plugins" section"#
    )
    .captures(line.text.trim())?;
    let name = &c[1];
    let resolver = "The Serverless Framework cannot load a plugin the service lists under `plugins:`,";
    Some(npm_package_hit(name, resolver).map(|hit| hit.fixable(false)).unwrap_or_else(|| {
        Hit::blocker(format!(
            "The Serverless Framework could not load the plugin '{}' the service lists under `plugins:`; it is not \
             an npm package name but a path to the project's own plugin file, which is not where the service \
             resolves it (a manual fix).",
            display_text(name)
        ))
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_npm_plugin_is_a_package_a_local_one_is_not() {
        for (text, want) in [
            (
                "Serverless plugin \"serverless-offline\" not found. Make sure it's installed and listed in the \
                 \"plugins\" section of your serverless config file. Run \"serverless plugin install -n \
                 serverless-offline\" to install it.",
                Some("serverless-offline"),
            ),
            (
                "✖ Serverless plugin \"@acme/serverless-stage-guard\" not found. Make sure it's installed and listed \
                 in the \"plugins\" section of your serverless config file. Use the --debug flag to learn more.",
                Some("@acme/serverless-stage-guard"),
            ),
        ] {
            let hit = plugin_not_found(&Line::plain(text)).expect(text);
            assert_eq!(
                (hit.category, hit.subject.as_deref(), hit.fixable),
                (Category::MissingDependency, want, false),
                "{text}"
            );
        }
        let local = plugin_not_found(&Line::plain(
            "Serverless plugin \"./plugins/stage-guard\" not found. Make sure it's installed and listed in the \
             \"plugins\" section of your serverless config file.",
        ))
        .expect("read");
        assert_eq!((local.category, local.fixable), (Category::Unknown, false));
        crate::classify::catalogue::assert_reads(
            plugin_not_found,
            &[],
            &[
                "echo 'Serverless plugin \"serverless-offline\" not found. Make sure it's installed and listed in the \
               \"plugins\" section'",
            ],
        );
    }
}
