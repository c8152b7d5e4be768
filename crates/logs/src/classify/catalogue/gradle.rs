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
//! {docs url}` line. The problems are the build's code, for a person. Gradle
//! prints the same report whether or not the problems fail the build: with
//! `--configuration-cache-problems=warn` (`org.gradle.configuration-cache.
//! problems=warn`) the build goes on and may fail for another reason. Only
//! the failure's description, `ConfigurationCacheProblemsException`'s
//! `Configuration cache problems found in this build.` (or
//! `TooManyConfigurationCacheProblemsException`'s `Maximum number of
//! configuration cache problems has been reached.`, which warn mode also
//! raises), says the problems failed it: that line is the blocker, located
//! at the step's first listed problem (`COUNTED_SUMMARIES`); the report's
//! heading and problem lines alone are weak.
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
//! been stopped: {reason}`. Either ends that Gradle invocation with a failure;
//! a later `BUILD SUCCESSFUL in {t}` in the same step (a script that runs
//! Gradle again) shows the build went on, and the report is then weak
//! (`DAEMON_GONE`, softened by the scanner at [`build_succeeded`]). The reason is the daemon's own: its health
//! check's (`since the JVM garbage collector is thrashing`, older `JVM
//! garbage collector thrashing and after running out of JVM memory`, its
//! Metaspace or heap running out), for which `org.gradle.jvmargs` and the
//! build's parallelism are the person's levers; or `stop command received`,
//! another process's `gradle --stop` (a concurrent build or IDE sharing the
//! daemon registry), where memory is not the matter. Any other reason is
//! quoted without a cause.
//!
//! The daemon's own health check warns while the build still runs: Gradle's
//! `LowHeapSpaceDaemonExpirationStrategy` (`DaemonMemoryStatus.
//! isHeapSpaceExhausted()`) logs `Expiring Daemon because JVM heap space is
//! exhausted` (a graceful expiry, reason `after running out of JVM heap
//! space`), and its successor `HealthExpirationStrategy` (Gradle 8) `The
//! Daemon will expire {after the build|immediately} {reason}.` with the
//! reasons `after running out of JVM heap space`, `since the JVM garbage
//! collector is thrashing` and `after running out of JVM Metaspace`; before
//! Gradle 8 the daemon logged `Daemon will be stopped at the end of the build
//! {reason}` and `Daemon is stopping immediately {reason}` (`DaemonExpiration
//! Status`' messages, e.g. `after running out of JVM memory`, `JVM garbage
//! collector thrashing and after running out of JVM memory`), the first also
//! bare for a single-use daemon (`--no-daemon`, forked for the build's JVM
//! arguments), which says nothing of memory and is not read. The JVM
//! ran out of memory (`org.gradle.jvmargs`, the build's parallelism): not
//! fixable, for a person. The warning is weak: the failed task's own cause
//! (`> Java heap space` in the failure report) says what failed, and a build
//! that expires its daemon gracefully may still pass.

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
        id: CONFIGURATION_CACHE_FAILED,
        grammar: "Configuration cache problems found in this build. | Maximum number of configuration cache problems \
                  has been reached. (the failure's description under `* What went wrong:`)",
        needles: &[
            "Configuration cache problems found in this build",
            "Maximum number of configuration cache problems has been reached",
        ],
        check: configuration_cache_failed,
        examples: &[ex(
            "Configuration cache problems found in this build.",
            Category::Unknown,
            None,
        )],
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
        id: "gradle/daemon-expiring",
        grammar: "Expiring Daemon because JVM heap space is exhausted | The Daemon will expire {after the \
                  build|immediately} {reason}. | Daemon will be stopped at the end of the build {reason} | Daemon is \
                  stopping immediately {reason}",
        needles: &[
            "Expiring Daemon because",
            "The Daemon will expire ",
            "Daemon will be stopped at the end of the build",
            "Daemon is stopping immediately",
        ],
        check: daemon_expiring,
        examples: &[ex(
            "Expiring Daemon because JVM heap space is exhausted",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: DAEMON_GONE,
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

/// The entry of the failure's description (counted in `COUNTED_SUMMARIES`).
pub const CONFIGURATION_CACHE_FAILED: &str = "gradle/configuration-cache-failed";

fn cc_heading() -> &'static regex::Regex {
    regex!(r"^\d+ problems? (?:was|were) found (?:storing|reusing) the configuration cache(?:[,.]|$)")
}

fn cc_problem() -> &'static regex::Regex {
    regex!(
        r"^- (?:Task `[^`]+` of type `[^`]+`|Build file '[^']+'|Settings file '[^']+'|Init script '[^']+'|Plugin '[^']+'|Plugin class '[^']+'|Unknown location): (.+)$"
    )
}

/// The report's count heading: the problems it lists are counted after it.
pub fn configuration_cache_report_started(text: &str) -> bool {
    cc_heading().is_match(text.trim())
}

/// A problem line of the report (counted once its heading was printed).
pub fn configuration_cache_problem_record(text: &str) -> bool {
    cc_problem().is_match(text.trim())
}

/// The failure's description: the problems failed the build.
fn configuration_cache_failed(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim();
    let failed = text == "Configuration cache problems found in this build."
        || text.starts_with("Maximum number of configuration cache problems has been reached.");
    failed.then(|| {
        Hit::blocker(
            "Gradle failed the build on its configuration cache problems: the build's code is not compatible with \
             the configuration cache (the first problem it listed; for a person, or run without \
             --configuration-cache).",
        )
    })
}

/// The heading, or a problem line under it (a `- ` line whose recent lines
/// hold the heading; a `- ` line anywhere else is not Gradle's). Weak: the
/// report is printed in warn mode too (module documentation).
fn configuration_cache_problem(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim();
    let heading = cc_heading();
    if heading.is_match(text) {
        return Some(
            Hit::summary("Gradle's configuration cache found problems in the build (listed below it).").weak(),
        );
    }
    let problem = cc_problem().captures(text)?;
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
        .weak()
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

fn daemon_expiring(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim();
    let reason = if let Some(reason) = text
        .strip_prefix("Expiring Daemon because ")
        .or_else(|| text.strip_prefix("Daemon will be stopped at the end of the build "))
        .or_else(|| text.strip_prefix("Daemon is stopping immediately "))
    {
        reason
    } else {
        regex!(r"^The Daemon will expire (?:after the build|immediately) (.+?)\.?$")
            .captures(text)?
            .get(1)
            .expect("reason")
            .as_str()
    };
    if !regex!(r"(?i)heap|garbage collector|metaspace|memory").is_match(reason) {
        return None;
    }
    Some(
        Hit::blocker(format!(
            "Gradle's daemon ran out of memory ({}): raise org.gradle.jvmargs' -Xmx (or -XX:MaxMetaspaceSize) or lower \
             the build's parallelism; a person's choice, not fixable.",
            display_text(reason)
        ))
        .weak(),
    )
}

/// The entry of a daemon that died or was stopped under the build.
pub const DAEMON_GONE: &str = "gradle/daemon-gone";

/// Gradle's closing line of a build that passed (`BUILD SUCCESSFUL in
/// {duration}`, the build result the console prints last): a daemon report
/// earlier in the same step did not end the step's build.
pub fn build_succeeded(text: &str) -> bool {
    regex!(r"^BUILD SUCCESSFUL in \d").is_match(text.trim())
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
    let reason = display_text(&c[1]);
    let memory = regex!(r"(?i)garbage collector|JVM memory|metaspace|\bheap\b|out of memory").is_match(&c[1]);
    let message = if memory {
        format!(
            "Gradle's build daemon stopped itself: {reason} (its JVM ran out of memory: raise org.gradle.jvmargs' \
             -Xmx or lower the build's parallelism)."
        )
    } else if c[1].trim() == "stop command received" {
        format!(
            "Gradle's build daemon was stopped during the build: {reason} (another process ran `gradle --stop`: a \
             concurrent build, step or IDE sharing the daemon registry; not a memory problem)."
        )
    } else {
        format!("Gradle's build daemon was stopped during the build: {reason}.")
    };
    Some(Hit::blocker(message))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::hit::Strength;

    #[test]
    fn the_daemon_s_memory_warning_is_weak_and_not_fixable() {
        for text in [
            "Expiring Daemon because JVM heap space is exhausted",
            "The Daemon will expire after the build after running out of JVM heap space.",
            "The Daemon will expire immediately since the JVM garbage collector is thrashing.",
            "Daemon will be stopped at the end of the build after running out of JVM memory",
            "Daemon is stopping immediately JVM garbage collector thrashing and after running out of JVM memory",
        ] {
            let hit = daemon_expiring(&Line::plain(text)).expect(text);
            assert_eq!(hit.category, Category::Unknown);
            assert!(!hit.fixable);
            assert_eq!(hit.strength, Strength::Weak, "the failed task's cause says what failed");
            assert!(hit.message.contains("org.gradle.jvmargs"), "{}", hit.message);
        }
        crate::classify::catalogue::assert_reads(
            daemon_expiring,
            &[],
            &[
                "Expiring Daemon because of a stop command",
                "echo 'Expiring Daemon because JVM heap space is exhausted'",
                // A single-use daemon's notice, with no reason.
                "Daemon will be stopped at the end of the build ",
                "Daemon will be stopped at the end of the build",
            ],
        );
    }

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
        // Weak: the failure's description decides (warn mode prints the same list).
        assert_eq!(hit.strength, Strength::Weak);
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
            Some(Strength::Weak)
        );
        // The same shape anywhere else (a changelog, a Markdown list) is not Gradle's.
        assert!(configuration_cache_problem(&Line::plain(problem)).is_none());
        let elsewhere = Line {
            recent: &["Changes in this release:"],
            ..Line::plain("- Build file 'build.gradle': now reads the version from git")
        };
        assert!(configuration_cache_problem(&elsewhere).is_none());
    }

    use crate::classify::tests::analyze_text as analyze;

    const CC_REPORT: &str = "1 problem was found storing the configuration cache.\n\
        - Build file 'app/build.gradle': line 12: external process started 'git rev-parse --short HEAD'\n\
        \x20 See https://docs.gradle.org/8.11.1/userguide/configuration_cache.html#config_cache:requirements:external_processes\n\
        \n\
        See the complete report at file:///home/runner/work/app/app/build/reports/configuration-cache/a1/b2/configuration-cache-report.html\n";

    /// In warn mode the report is printed, and the build fails for another
    /// reason: the configuration cache is not blamed.
    #[test]
    fn a_warn_mode_report_does_not_outrank_the_real_failure() {
        let log = format!(
            "##[group]Run ./gradlew build --configuration-cache --configuration-cache-problems=warn\n\
             ./gradlew build --configuration-cache --configuration-cache-problems=warn\n##[endgroup]\n\
             > Task :app:compileJava FAILED\n\n{CC_REPORT}\n\
             FAILURE: Build failed with an exception.\n\n\
             * What went wrong:\n\
             Execution failed for task ':app:compileJava'.\n\
             > Could not resolve all files for configuration ':app:compileClasspath'.\n\
             \x20  > Could not find com.acme:widgets:2.4.1.\n\
             \x20    Required by:\n\
             \x20        project :app\n\n\
             BUILD FAILED in 41s\n\
             Configuration cache entry stored with 1 problem.\n\
             ##[error]Process completed with exit code 1.\n"
        );
        let analysis = analyze(&log);
        let root = analysis.root_cause().expect("a failure");
        assert!(!root.message.contains("configuration cache"), "{root:?}");
        assert!(
            root.evidence.iter().all(|e| !e.text.contains("external process")),
            "{root:?}"
        );
    }

    /// In fail mode the failure's description says the problems failed the
    /// build: the finding begins at the first problem the report listed.
    #[test]
    fn a_failing_report_is_located_at_its_first_problem() {
        let log = format!(
            "##[group]Run ./gradlew build --configuration-cache\n./gradlew build --configuration-cache\n##[endgroup]\n\
             > Task :app:build\n\n{CC_REPORT}\n\
             FAILURE: Build failed with an exception.\n\n\
             * What went wrong:\n\
             Configuration cache problems found in this build.\n\n{CC_REPORT}\
             > Starting an external process 'git rev-parse --short HEAD' during configuration time is unsupported.\n\n\
             BUILD FAILED in 12s\n\
             Configuration cache entry discarded with 1 problem.\n\
             ##[error]Process completed with exit code 1.\n"
        );
        let analysis = analyze(&log);
        let root = analysis.root_cause().expect("a failure");
        assert!(root.message.contains("configuration cache problems"), "{root:?}");
        assert!(root.evidence[0].text.contains("external process started"), "{root:?}");
        assert_eq!(root.evidence[0].line, 7, "{root:?}");
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
        let message = |text: &str| daemon_gone(&Line::plain(text)).expect(text).message;
        for memory in [
            "Gradle build daemon has been stopped: since the JVM garbage collector is thrashing",
            "Gradle build daemon has been stopped: JVM garbage collector thrashing and after running out of JVM memory",
        ] {
            assert!(message(memory).contains("-Xmx"), "{memory}");
        }
        // Another process's `gradle --stop`: raising the heap is not the fix.
        let stopped = message("Gradle build daemon has been stopped: stop command received");
        assert!(
            !stopped.contains("-Xmx") && !stopped.contains("ran out of memory"),
            "{stopped}"
        );
        assert!(stopped.contains("gradle --stop"), "{stopped}");
        let other = message("Gradle build daemon has been stopped: other compatible daemons were started");
        assert!(!other.contains("memory"), "{other}");
        assert!(other.contains("other compatible daemons were started"), "{other}");
    }
}
