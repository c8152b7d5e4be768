//! R8 (and D8), Android's shrinker and dexer, run by the Android Gradle
//! plugin (`minify{Variant}WithR8`).
//!
//! Sources: R8's missing-class diagnostic as the plugin reports it (AGP 8
//! makes it an error): `ERROR: Missing classes detected while running R8.
//! Please add the missing classes or apply additional keep rules that are
//! generated in {path}/missing_rules.txt.`, then one line per class, the
//! first prefixed `ERROR: R8: ` (`Missing class {class} (referenced from:
//! {context}[ and {n} other contexts])`); Gradle then reports `> Compilation
//! failed to complete` under the R8 task. A class the program references
//! that no dependency provides at build time is the build's choice (a
//! `compileOnly` dependency, an optional integration, a `-dontwarn` rule),
//! never a package to install: the classes are Java's, and a person decides.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;
use crate::subject::display_text;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "r8/missing-classes",
    grammar: "ERROR: Missing classes detected while running R8. Please add the missing classes or apply additional \
              keep rules that are generated in {path}. | [ERROR: R8: ]Missing class {class} (referenced from: \
              {context})",
    needles: &["Missing classes detected while running R8", "Missing class "],
    check: missing_classes,
    examples: &[ex(
        "ERROR: Missing classes detected while running R8. Please add the missing classes or apply additional keep \
         rules that are generated in /home/runner/work/app/app/app/build/outputs/mapping/release/missing_rules.txt.",
        Category::Unknown,
        None,
    )],
}];

fn missing_classes(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim();
    if regex!(r"^(?:ERROR: ?)?(?:R8: )?Missing classes detected while running R8\.").is_match(text) {
        return Some(Hit::blocker(
            "R8 found classes the app references but no dependency provides at build time (listed in its \
             missing_rules.txt): add the dependency, a keep rule or a -dontwarn rule, a person's call (no package \
             to install).",
        ));
    }
    let c = regex!(r"^(?:ERROR: ?)?(?:R8: )?Missing class ([\w.$]+) \(referenced from: ").captures(text)?;
    // The list under the heading: each class is a detail of the same
    // failure, which its heading states.
    Some(
        Hit::blocker(format!(
            "R8: the class {} is referenced but missing at build time (a person's call: a dependency, a keep rule or \
             -dontwarn).",
            display_text(&c[1])
        ))
        .weak(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::hit::Strength;

    #[test]
    fn the_heading_is_the_cause_and_each_class_a_detail() {
        let heading = missing_classes(&Line::plain(
            "ERROR: Missing classes detected while running R8. Please add the missing classes or apply additional \
             keep rules that are generated in D:\\a\\app\\app\\app\\build\\outputs\\mapping\\release\\missing_rules.txt.",
        ))
        .expect("read");
        assert_eq!(
            (heading.category, heading.strength),
            (Category::Unknown, Strength::Blocker)
        );
        for text in [
            "ERROR: R8: Missing class org.slf4j.impl.StaticLoggerBinder (referenced from: void \
             org.slf4j.LoggerFactory.bind() and 3 other contexts)",
            "Missing class java.lang.invoke.StringConcatFactory (referenced from: void a.b.log(java.lang.String))",
        ] {
            let hit = missing_classes(&Line::plain(text)).expect(text);
            assert_eq!(
                (hit.category, hit.strength, hit.fixable),
                (Category::Unknown, Strength::Weak, false)
            );
        }
        assert!(missing_classes(&Line::plain("Missing class names are listed in the report")).is_none());
    }
}
