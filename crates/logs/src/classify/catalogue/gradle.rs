//! Gradle's own account of a build it could not run as asked (not the
//! resolution errors and the failure report's `>` causes, which `jvm.rs`
//! reads).
//!
//! Sources: Gradle's configuration cache report
//! (`ConfigurationCacheProblemsSummary`, printed after the build and again
//! under `* What went wrong:` as `Configuration cache problems found in this
//! build.`): a count heading `{n} problem[s] {was|were} found {storing|reusing}
//! the configuration cache[, only the first {k} were considered][, {u} of
//! which seem unique].` and one line per problem, `- {location}: {problem}`
//! where the location is `` Task `{path}` of type `{type}` ``, `Build file
//! '{file}'`, `Settings file '{file}'`, `Plugin '{id}'`, `Plugin class
//! '{class}'` or `Unknown location`, each followed by an indented `See
//! {docs url}` line. The problems are the build's code, for a person.
//!
//! Gradle's validation of a task's declared inputs before it runs
//! (`DefaultTypeValidationContext`, `validation_problems.html`): `A problem
//! was found with the configuration of task '{task}' (type '{type}').` (or
//! `Some problems were found …`) over one bullet per problem, `- [In plugin
//! '{id}' ]type '{type}' property '{property}' specifies {file|directory}
//! '{path}' which doesn't exist.` followed by `Reason: An input file was
//! expected to be present but it doesn't exist.` The path is the one the
//! build script configured for the task (a linter's config file, a
//! baseline): a missing file, named in the build, which no edit of the
//! workflow reaches.
//!
//! The Gradle client's report of a daemon that died under it
//! (`DaemonDisappearedException`): `Gradle build daemon disappeared
//! unexpectedly (it may have been killed or may have crashed)`, and of one
//! that stopped itself (`DaemonStoppedException`): `Gradle build daemon has
//! been stopped: {reason}` (its garbage collector thrashing, out of JVM
//! memory). A person decides (the runner's memory, `org.gradle.jvmargs`,
//! the build's parallelism).

use super::util::{path_hit, regex};
use super::{Entry, ex, ex_after};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;
use crate::subject::display_text;

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "gradle/configuration-cache-problem",
        grammar: "{n} problem[s] {was|were} found {storing|reusing} the configuration cache. (a heading) | - {location}: \
                  {problem} (one line per problem under it; the location is ``Task `{path}` of type `{type}` ``, \
                  `Build file '{file}'`, `Plugin '{id}'` …)",
        needles: &[
            "found storing the configuration cache",
            "found reusing the configuration cache",
            "- Task `",
            "- Build file '",
            "- Settings file '",
            "- Init script '",
            "- Plugin '",
            "- Plugin class '",
            "- Unknown location: ",
        ],
        check: configuration_cache_problem,
        examples: &[
            ex(
                "1 problem was found storing the configuration cache.",
                Category::Unknown,
                None,
            ),
            ex_after(
                &["2 problems were found storing the configuration cache."],
                "- Build file 'build.gradle': external process started 'git rev-parse --verify HEAD'",
                Category::Unknown,
                None,
            ),
        ],
    },
    Entry {
        id: "gradle/input-does-not-exist",
        grammar: "- [In plugin '{id}' ]type '{type}' property '{property}' specifies {file|directory} '{path}' which \
                  doesn't exist. (under `A problem was found with the configuration of task '{task}' …`)",
        needles: &["which doesn't exist"],
        check: input_does_not_exist,
        examples: &[ex(
            "  - In plugin 'io.gitlab.arturbosch.detekt' type 'io.gitlab.arturbosch.detekt.Detekt' property 'config' \
             specifies file '/home/runner/work/app/app/config/detekt/detekt.yml' which doesn't exist.",
            Category::FileNotFound,
            Some("config/detekt/detekt.yml"),
        )],
    },
    Entry {
        id: "gradle/daemon-gone",
        grammar: "Gradle build daemon disappeared unexpectedly (it may have been killed or may have crashed) | Gradle \
                  build daemon has been stopped: {reason}",
        needles: &[
            "Gradle build daemon disappeared",
            "Gradle build daemon has been stopped",
        ],
        check: daemon_gone,
        examples: &[ex(
            "Gradle build daemon disappeared unexpectedly (it may have been killed or may have crashed)",
            Category::Unknown,
            None,
        )],
    },
];

/// The heading, or a problem line under it (a `- ` line whose recent lines
/// hold the heading; a `- ` line anywhere else is not Gradle's).
fn configuration_cache_problem(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim();
    let heading = regex!(r"^\d+ problems? (?:was|were) found (?:storing|reusing) the configuration cache(?:[,.]|$)");
    if heading.is_match(text) {
        return Some(Hit::summary(
            "Gradle's configuration cache found problems in the build (listed below it).",
        ));
    }
    let problem = regex!(
        r"^- (?:Task `[^`]+` of type `[^`]+`|Build file '[^']+'|Settings file '[^']+'|Init script '[^']+'|Plugin '[^']+'|Plugin class '[^']+'|Unknown location): (.+)$"
    )
    .captures(text)?;
    // Only under the heading: the nearest line that is not a problem or its
    // `See …` link must be the count heading.
    let under_heading = line
        .recent
        .iter()
        .rev()
        .map(|l| l.trim())
        .find(|l| !l.starts_with("- ") && !l.starts_with("See "))
        .is_some_and(|l| heading.is_match(l));
    under_heading.then(|| {
        Hit::blocker(format!(
            "The build is not compatible with Gradle's configuration cache: {} (the build's code, for a person; or \
             run without --configuration-cache).",
            display_text(&problem[1])
        ))
    })
}

/// A task input the build script configured that is not there: the path is
/// the build's, so the file is reported and never fixed from the workflow.
fn input_does_not_exist(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(
        r"^-?\s*(?:In plugin '[^']+' )?[Tt]ype '[^']+' property '([^']+)' specifies (?:file|directory) '([^']+)' which doesn't exist\.?$"
    )
    .captures(line.text.trim())?;
    let mut hit = path_hit(
        &c[2],
        0.75,
        &format!(
            "Gradle: the task's input `{}` names a path that does not exist; the build script sets it, so the fix is \
             there (move the file back or change the path in the build), not in the workflow.",
            display_text(&c[1])
        ),
    );
    hit.fixable = false;
    Some(hit)
}

fn daemon_gone(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim();
    if text.starts_with("Gradle build daemon disappeared unexpectedly") {
        return Some(Hit::blocker(
            "Gradle's build daemon died during the build (killed or crashed: on a runner usually the kernel's \
             out-of-memory killer; check org.gradle.jvmargs, the build's parallelism and the runner's memory).",
        ));
    }
    let c = regex!(r"^Gradle build daemon has been stopped: (.+)$").captures(text)?;
    Some(Hit::blocker(format!(
        "Gradle's build daemon stopped itself: {} (its JVM ran out of memory: raise org.gradle.jvmargs' -Xmx or \
         lower the build's parallelism).",
        display_text(&c[1])
    )))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::hit::Strength;

    #[test]
    fn configuration_cache_problems_are_read_under_their_heading() {
        let heading = "1 problem was found storing the configuration cache.";
        let problem = "- Task `:app:stampVersion` of type `org.gradle.api.DefaultTask`: invocation of 'Task.project' \
                       at execution time is unsupported with the configuration cache.";
        let under = Line {
            recent: &[heading],
            ..Line::plain(problem)
        };
        let hit = configuration_cache_problem(&under).expect("read");
        assert_eq!(hit.strength, Strength::Blocker);
        assert!(hit.message.contains("Task.project"), "{}", hit.message);
        // A later problem, below the first one's `See` link.
        let second = Line {
            recent: &[
                heading,
                problem,
                "  See https://docs.gradle.org/8.11.1/userguide/configuration_cache.html",
            ],
            ..Line::plain(
                "- Plugin 'kotlin-android': registration of listener on 'Gradle.addBuildListener' is unsupported",
            )
        };
        assert!(configuration_cache_problem(&second).is_some());
        assert_eq!(
            configuration_cache_problem(&Line::plain(
                "5169 problems were found storing the configuration cache, only the first 4096 were considered, 31 \
                 of which seem unique."
            ))
            .map(|h| h.strength),
            Some(Strength::Summary)
        );
        // The same shape anywhere else (a changelog, a Markdown list) is not Gradle's.
        assert!(configuration_cache_problem(&Line::plain(problem)).is_none());
        let elsewhere = Line {
            recent: &["Changes in this release:"],
            ..Line::plain("- Build file 'build.gradle': now reads the version from git")
        };
        assert!(configuration_cache_problem(&elsewhere).is_none());
    }

    #[test]
    fn a_missing_task_input_is_a_file_the_build_names() {
        for text in [
            "  - In plugin 'io.gitlab.arturbosch.detekt' type 'io.gitlab.arturbosch.detekt.Detekt' property \
             'config' specifies file '/home/runner/work/app/app/config/detekt/detekt.yml' which doesn't exist.",
            "Type 'Detekt' property 'baseline' specifies file '/home/runner/work/app/app/config/detekt/detekt.yml' \
             which doesn't exist.",
        ] {
            let hit = input_does_not_exist(&Line::plain(text)).expect(text);
            assert_eq!(
                (hit.category, hit.subject.as_deref(), hit.fixable),
                (Category::FileNotFound, Some("config/detekt/detekt.yml"), false)
            );
        }
        // A directory on Windows.
        let hit = input_does_not_exist(&Line::plain(
            "  - Type 'org.gradle.api.tasks.Copy' property 'rootSpec$1' specifies directory \
             'D:\\a\\app\\app\\docs\\assets' which doesn't exist.",
        ))
        .expect("read");
        assert_eq!((hit.category, hit.fixable), (Category::FileNotFound, false));
        assert!(input_does_not_exist(&Line::plain("echo the file which doesn't exist")).is_none());
    }

    #[test]
    fn a_daemon_that_died_is_for_a_person() {
        crate::classify::catalogue::assert_reads(
            daemon_gone,
            &[
                "Gradle build daemon disappeared unexpectedly (it may have been killed or may have crashed)",
                "Gradle build daemon has been stopped: JVM garbage collector thrashing and after running out of JVM \
                 memory",
            ],
            &["echo 'Gradle build daemon disappeared unexpectedly' >> notes.txt"],
        );
    }
}
