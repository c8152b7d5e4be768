//! Gradle, Maven and the JVM.
//!
//! Sources: Maven Resolver's transfer errors (`Could not transfer artifact
//! {coords} from/to {repo id} ({url}): status code: {code}, reason phrase:
//! {reason} ({code})`; `central` is the id the Maven super POM gives Maven
//! Central), Maven's `NoPomException` text (`The goal you specified requires a
//! project to execute but there is no POM in this directory ({dir})`), the
//! `-f`/`--file` check that `bin/mvn` and Maven's CLI both make before a build
//! (`POM file {arg} specified with the -f/--file command line argument does
//! not exist`; `Directory {dir} extracted from the -f/--file command-line
//! argument {arg} does not exist`: Maven 3.9's `bin/mvn` prints it and its
//! `MavenCli` prints it again; both print it only when `{arg}` is a regular
//! file, so that form names a POM that exists, no missing file; `bin/mvn.cmd`
//! words the first `POM file "{arg}" specified the -f/--file command-line
//! argument does not exist`, the argument quoted),
//! Gradle's resolution errors (`Could not GET '{url}'. Received status code
//! {code} from server: {reason}`, `Could not resolve all files for
//! configuration`, `Plugin [id: '{id}'] was not found in any of the following
//! sources`), the `gradlew` script (`JAVA_HOME is not set and no 'java'
//! command could be found in your PATH.`), Maven Resolver's
//! `ArtifactNotFoundException` (`Could not find artifact {coords} in {repo id}
//! ({url})`, and the cached form `{coords} was not found in {url} during a
//! previous attempt`), Gradle's `Could not find {group}:{name}:{version}.` (under
//! `Could not resolve all files for configuration`, with the locations searched) and the JVM launcher (`Could not
//! find or load main class {class}`; `Error: LinkageError occurred while loading main class {class}` over
//! `java.lang.UnsupportedClassVersionError: {class} has been compiled by a more recent version of the Java Runtime
//! (class file version {v}), this version of the Java Runtime only recognizes class file versions up to {v}`).
//! A repository that refused the build's credentials (Maven Resolver's `status code: 401, reason phrase: Unauthorized
//! (401)` or `403`, Gradle's `Received status code 401 from server: Unauthorized`), and Maven's goal failure
//! (`MojoExecutor`'s `[ERROR] Failed to execute goal {plugin}:{version}:{goal} ({execution}) on project {p}:
//! {message}`, read last, like Gradle's report, when no tool's entry read the line).
//! Maven's model errors (`DefaultModelBuilder`: `[FATAL] Non-parseable POM {path}: {reason} @ line {l}, column {c}`
//! under `Some problems were encountered while processing the POMs:`).
//! Maven Enforcer's rule failures (`EnforceMojo`: `[ERROR] Rule {n}: {rule class} failed with message:` with the
//! rule's own text on the next lines since enforcer 3.0; 1.x logged the rule at `[WARNING]` and failed the goal with
//! `Some Enforcer rules have failed. Look above for specific messages explaining why the rule failed.`).
//! Surefire's `The forked VM terminated without properly saying goodbye. VM crash or System.exit called?`
//! (`ForkStarter`, a forked test JVM that died).
//! Maven's `[INFO] Downloaded from central: {url} ({size} at {rate})` and `[INFO] BUILD SUCCESS`, and Gradle's
//! `BUILD SUCCESSFUL in {t}`, say the build got its artifacts: ranking reads them (`rank.rs`).

use super::util::{path_hit, rate_limit_hit, regex, service_near, url_host};
use super::{Entry, ex, ex_after};
use crate::classify::hit::{Hit, Line, Strength};
use crate::report::{Category, RateLimitService, SubjectDetail};

/// The ids of Maven's and Gradle's successes, which ranking reads.
pub const MAVEN_CENTRAL_DOWNLOADED: &str = "jvm/maven-central-downloaded";
pub const MAVEN_BUILD_SUCCEEDED: &str = "jvm/maven-build-succeeded";
pub const GRADLE_BUILD_SUCCEEDED: &str = "jvm/gradle-build-succeeded";

/// A download from `central` is Maven Central answering again; a whole build
/// that succeeded also got past any repository it was pointed at.
pub const FETCH_SUCCESSES: &[super::FetchSuccess] = {
    use RateLimitService as S;
    &[
        (MAVEN_CENTRAL_DOWNLOADED, &[S::MavenCentral]),
        (MAVEN_BUILD_SUCCEEDED, &[S::MavenCentral, S::Other]),
        (
            GRADLE_BUILD_SUCCEEDED,
            &[S::MavenCentral, S::GradlePluginPortal, S::GradleDistributions, S::Other],
        ),
    ]
};

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: MAVEN_CENTRAL_DOWNLOADED,
        grammar: "[INFO] Downloaded from central: {url} ({size} at {rate})",
        needles: &["Downloaded from central: "],
        check: maven_central_downloaded,
        examples: &[ex(
            "[INFO] Downloaded from central: https://repo.maven.apache.org/maven2/a/b/1/b-1.jar (171 kB at 1.9 MB/s)",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: MAVEN_BUILD_SUCCEEDED,
        grammar: "[INFO] BUILD SUCCESS",
        needles: &["BUILD SUCCESS"],
        check: maven_build_succeeded,
        examples: &[ex("[INFO] BUILD SUCCESS", Category::Unknown, None)],
    },
    Entry {
        id: GRADLE_BUILD_SUCCEEDED,
        grammar: "BUILD SUCCESSFUL in {t}",
        needles: &["BUILD SUCCESSFUL in "],
        check: gradle_build_succeeded,
        examples: &[ex("BUILD SUCCESSFUL in 49s", Category::Unknown, None)],
    },
    Entry {
        id: "jvm/repository-429",
        grammar: "Could not transfer artifact {coords} from/to {repo} ({url}): status code: 429, reason phrase: Too \
                  Many Requests (429) (Maven Resolver 1.9+) | … from/to {repo} ({url}): Failed to transfer file {url} \
                  with status code 429 (Maven 3.8's Wagon transport) | … Return code is: 429, ReasonPhrase: Too Many \
                  Requests. (Wagon before 3.8) | Could not GET '{url}'. Received status code 429 from server: {reason} \
                  (Gradle)",
        needles: &["status code: 429", "status code 429", "Return code is: 429"],
        check: repository_429,
        examples: &[
            ex(
                "Could not GET 'https://repo.maven.apache.org/maven2/org/x/y/1.0/y-1.0.pom'. Received status code \
                 429 from server: Too Many Requests",
                Category::RateLimit,
                Some("Maven Central"),
            ),
            ex(
                "[ERROR] Could not transfer artifact org.x:y:pom:1.0 from/to central: status code: 429, reason \
                 phrase: Too Many Requests (429)",
                Category::RateLimit,
                Some("Maven Central"),
            ),
            ex(
                "> Could not GET 'https://plugins.gradle.org/m2/org/x/y/1.0/y-1.0.pom'. Received status code 429 \
                 from server: Too Many Requests",
                Category::RateLimit,
                Some("Gradle plugin portal"),
            ),
            ex(
                "[ERROR] Failed to execute goal on project app: Could not resolve dependencies for project \
                 com.acme:app:jar:1.0: Could not transfer artifact org.x:y:jar:1.0 from/to central \
                 (https://repo.maven.apache.org/maven2): Failed to transfer file \
                 https://repo.maven.apache.org/maven2/org/x/y/1.0/y-1.0.jar with status code 429 -> [Help 1]",
                Category::RateLimit,
                Some("Maven Central"),
            ),
            ex(
                "[ERROR] Failed to transfer file: https://repo1.maven.org/maven2/org/x/y/1.0/y-1.0.pom. Return code \
                 is: 429, ReasonPhrase: Too Many Requests.",
                Category::RateLimit,
                Some("Maven Central"),
            ),
        ],
    },
    Entry {
        id: "jvm/gradle-wrapper-jar-missing",
        grammar: "Error: Could not find or load main class org.gradle.wrapper.GradleWrapperMain",
        needles: &["org.gradle.wrapper.GradleWrapperMain"],
        check: gradle_wrapper_jar_missing,
        examples: &[ex(
            "Error: Could not find or load main class org.gradle.wrapper.GradleWrapperMain",
            Category::FileNotFound,
            Some("gradle/wrapper/gradle-wrapper.jar"),
        )],
    },
    Entry {
        id: "jvm/maven-no-pom",
        grammar: "The goal you specified requires a project to execute but there is no POM in this directory ({dir}).",
        needles: &["there is no POM in this directory"],
        check: maven_no_pom,
        examples: &[ex(
            "[ERROR] The goal you specified requires a project to execute but there is no POM in this directory \
             (/home/runner/work/app/app).",
            Category::FileNotFound,
            Some("pom.xml"),
        )],
    },
    Entry {
        id: "jvm/maven-file-argument-missing",
        grammar: "POM file {arg} specified with the -f/--file command line argument does not exist | POM file \"{arg}\" \
                  specified the -f/--file command-line argument does not exist | Directory {dir} extracted from the \
                  -f/--file command-line argument {arg} does not exist",
        needles: &[
            "the -f/--file command line argument",
            "the -f/--file command-line argument",
        ],
        check: maven_file_argument_missing,
        examples: &[
            ex(
                "POM file services/api/pom.xml specified with the -f/--file command line argument does not exist",
                Category::FileNotFound,
                Some("services/api/pom.xml"),
            ),
            ex(
                "POM file \"services/api/pom.xml\" specified the -f/--file command-line argument does not exist",
                Category::FileNotFound,
                Some("services/api/pom.xml"),
            ),
            ex(
                "Directory /home/runner/work/app/app/services extracted from the -f/--file command-line argument \
                 services/api/pom.xml does not exist",
                Category::Unknown,
                None,
            ),
        ],
    },
    Entry {
        id: "jvm/java-missing",
        grammar: "ERROR: JAVA_HOME is not set and no 'java' command could be found in your PATH.",
        needles: &["no 'java' command could be found"],
        check: java_missing,
        examples: &[ex(
            "ERROR: JAVA_HOME is not set and no 'java' command could be found in your PATH.",
            Category::MissingCommand,
            Some("java"),
        )],
    },
    Entry {
        id: "jvm/artifact-not-found",
        grammar: "Could not find artifact {group}:{artifact}:{type}:{version} in {repo id} ({url}) | {coords} was not \
                  found in {url} during a previous attempt. (Maven) | Could not find {group}:{name}:{version}. (Gradle)",
        needles: &[
            "Could not find artifact",
            "during a previous attempt",
            "> Could not find ",
        ],
        check: artifact_not_found,
        examples: &[
            ex(
                "[ERROR] Failed to execute goal on project app: Could not resolve dependencies for project \
             com.acme:app:jar:1.0: Could not find artifact com.acme:lib:jar:2.0 in central \
             (https://repo.maven.apache.org/maven2) -> [Help 1]",
                Category::Unknown,
                None,
            ),
            ex("   > Could not find com.acme.maps:sdk:4.2.0.", Category::Unknown, None),
            ex(
                "[ERROR] Failed to execute goal on project app: Could not resolve dependencies for project \
                 com.acme:app:jar:1.0: com.acme:lib:jar:2.0 was not found in https://repo.maven.apache.org/maven2 \
                 during a previous attempt. This failure was cached in the local repository and resolution is not \
                 reattempted until the update interval of central has elapsed or updates are forced -> [Help 1]",
                Category::Unknown,
                None,
            ),
        ],
    },
    Entry {
        id: "jvm/resolution-failure",
        grammar: "Could not resolve all files for configuration '{conf}'. | Could not resolve all dependencies for \
                  configuration '{conf}'. | Could not resolve dependencies for project {coords} | Plugin [id: '{id}'…] \
                  was not found in any of the following sources:",
        needles: &[
            "Could not resolve all files for configuration",
            "Could not resolve all dependencies for configuration",
            "Could not resolve dependencies for project",
            "was not found in any of the following sources",
        ],
        check: resolution_failure,
        examples: &[ex(
            "Could not resolve all files for configuration ':app:debugRuntimeClasspath'.",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "jvm/class-file-version",
        grammar: "Error: LinkageError occurred while loading main class {class} | \
                  java.lang.UnsupportedClassVersionError: {class} has been compiled by a more recent version of the \
                  Java Runtime (class file version {v}), this version of the Java Runtime only recognizes class file \
                  versions up to {v}",
        needles: &[
            "LinkageError occurred while loading main class",
            "UnsupportedClassVersionError",
        ],
        check: class_file_version,
        examples: &[ex(
            "Error: LinkageError occurred while loading main class com.acme.Main",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "jvm/repository-refused-credentials",
        grammar: "Could not transfer artifact {coords} from/to {repo id} ({url}): status code: 401|403, reason phrase: \
                  {reason} | Could not GET '{url}'. Received status code 401|403 from server: {reason}",
        needles: &[
            "status code: 401",
            "status code: 403",
            "Received status code 401",
            "Received status code 403",
        ],
        check: repository_refused_credentials,
        examples: &[ex(
            "[ERROR] \tCould not transfer artifact com.acme:core:pom:4.2.0 from/to github \
             (https://maven.pkg.github.com/acme/platform): status code: 401, reason phrase: Unauthorized (401)",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "jvm/pom-unreadable",
        grammar: "[FATAL] Non-parseable POM {path}: {reason} @ line {l}, column {c} | [ERROR] Some problems were \
                  encountered while processing the POMs: (a heading; the problems follow as `[ERROR]`/`[FATAL]` \
                  lines)",
        needles: &[
            "Non-parseable POM",
            "Some problems were encountered while processing the POMs",
        ],
        check: pom_unreadable,
        examples: &[
            ex(
                "[FATAL] Non-parseable POM /w/pom.xml: Unrecognised tag: 'dependecy' @ line 41, column 20",
                Category::Unknown,
                None,
            ),
            ex(
                "[ERROR] [ERROR] Some problems were encountered while processing the POMs:",
                Category::Unknown,
                None,
            ),
        ],
    },
    Entry {
        id: "jvm/enforcer-rule-failed",
        grammar: "[ERROR] Rule {n}: {rule class} failed with message: (the rule's message follows) | … Some Enforcer \
                  rules have failed. Look above for specific messages explaining why the rule failed.",
        needles: &["failed with message:", "Some Enforcer rules have failed"],
        check: enforcer_rule_failed,
        examples: &[
            ex(
                "[ERROR] Rule 0: org.apache.maven.enforcer.rules.dependency.BannedDependencies failed with message:",
                Category::Unknown,
                None,
            ),
            ex(
                "[ERROR] Failed to execute goal org.apache.maven.plugins:maven-enforcer-plugin:1.4.1:enforce \
                 (enforce) on project app: Some Enforcer rules have failed. Look above for specific messages \
                 explaining why the rule failed. -> [Help 1]",
                Category::Unknown,
                None,
            ),
        ],
    },
    Entry {
        id: "jvm/surefire-fork-crashed",
        grammar: "[ERROR] The forked VM terminated without properly saying goodbye. VM crash or System.exit called? \
                  (maven-surefire's `ForkStarter`, with `Process Exit Code: {n}` and `Crashed tests:` below)",
        needles: &["The forked VM terminated without properly saying goodbye"],
        check: surefire_fork_crashed,
        examples: &[ex(
            "[ERROR] The forked VM terminated without properly saying goodbye. VM crash or System.exit called?",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "jvm/javac-release-unsupported",
        grammar: "[ERROR] Source option {n} is no longer supported. Use {m} or later. | Target option {n} is no longer \
                  supported. Use {m} or later. (javac's `compiler.err.option.removed.source`/`.target`) | error: \
                  invalid target release: {n} | error: release version {n} not supported (a JDK older than the \
                  release asked for)",
        needles: &["is no longer supported. Use", "invalid target release", "not supported"],
        check: javac_release_unsupported,
        examples: &[
            ex(
                "[ERROR] Source option 7 is no longer supported. Use 8 or later.",
                Category::Unknown,
                None,
            ),
            ex("error: invalid target release: 21", Category::Unknown, None),
        ],
    },
    Entry {
        id: "jvm/build-and-test-failure",
        grammar: "[ERROR] COMPILATION ERROR : | error: cannot find symbol | Compilation failed; see the compiler error \
                  output for details. | There were failing tests. | Tests run: {n}, Failures: {f}, Errors: {e} | \
                  FAILURE: Build failed with an exception. | BUILD FAILED in {t} | e: file:///{path}.kt:{line}:{col} \
                  {message} (kotlinc) | e: {path}.kt: ({line}, {col}): {message} (older kotlinc)",
        needles: &[
            "COMPILATION ERROR",
            "cannot find symbol",
            "Compilation failed",
            "There were failing tests",
            "Failures: ",
            "Build failed with an exception",
            "BUILD FAILED",
            "e: file:///",
            ".kt: (",
        ],
        check: build_and_test_failure,
        examples: &[
            ex("[ERROR] COMPILATION ERROR :", Category::Unknown, None),
            ex(
                "e: file:///home/runner/work/a/a/src/main/kotlin/App.kt:7:9 Unresolved reference 'x'.",
                Category::Unknown,
                None,
            ),
            ex("FAILURE: Build failed with an exception.", Category::Unknown, None),
        ],
    },
];

/// javac refused the language level the build asks for: the JDK is newer
/// than a `-source`/`-target` it dropped, or older than a `--release` it does
/// not know. The JDK or the build's setting is for a person to choose.
fn javac_release_unsupported(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim_start();
    let text = text.strip_prefix("[ERROR] ").unwrap_or(text);
    let text = text.strip_prefix("error: ").unwrap_or(text);
    regex!(
        r"^(?:(?:Source|Target) option \d+ is no longer supported\. Use \d+ or later\.|invalid target release: \S+$|release version \S+ not supported$)"
    )
    .is_match(text)
    .then(|| {
        Hit::blocker(
            "javac does not support the Java release the build asks for (the JDK is newer than an old -source/-target \
             it dropped, or older than the --release): the JDK the job sets up or the build's release setting.",
        )
    })
}

/// Maven could not read the project's POM (malformed XML, a missing
/// version): the project's own file, for a person. The heading Maven prints
/// above the problems is a summary, so the problem line leads.
fn pom_unreadable(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim_start();
    if regex!(r"^\[(?:FATAL|ERROR)\] +Non-parseable POM \S").is_match(text) {
        return Some(Hit::blocker(
            "Maven could not parse the project's POM (the line and column are in the message): a person fixes the XML.",
        ));
    }
    regex!(r"^\[ERROR\] (?:\[ERROR\] )?Some problems were encountered while processing the POMs:")
        .is_match(text)
        .then(|| Hit::summary("Maven could not build the project model; the problems are listed below."))
}

/// A package repository refused the credentials the build sent (or sent
/// none): a person configures them (`settings.xml` servers, setup-java's
/// `server-id`, a token with `read:packages`). Never a rate limit.
fn repository_refused_credentials(line: &Line<'_>) -> Option<Hit> {
    regex!(r"(?:Could not transfer artifact \S+ from/to \S+ \(\S+\): status code: 40[13],|Received status code 40[13] from server)")
        .is_match(line.text)
        .then(|| {
            Hit::blocker(
                "A package repository refused the build's credentials (HTTP 401/403): a person configures them for \
                 that repository (Maven's settings.xml `<server>`, Gradle's repository credentials, a token that may \
                 read the packages).",
            )
        })
}

/// Maven's own line for a goal that failed, when no entry read it: the
/// heading of the failure, whose cause a tool may print near it.
fn maven_goal_failed(line: &Line<'_>) -> Option<Hit> {
    regex!(r"^\[ERROR\] Failed to execute goal \S+ (?:\([^)]*\) )?on project [^:]+: \S")
        .is_match(line.text.trim_start())
        .then(|| Hit::summary("A Maven goal failed; its message is on this line and the lines above it say more."))
}

/// A rule the project set for its own build (Java or Maven version, banned
/// or converging dependencies) failed: a person changes the build or the
/// rule. At `[WARNING]` a rule only warns (its `level` is `WARN`).
fn enforcer_rule_failed(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim_start();
    let own = regex!(r"^\[ERROR\] Rule \d+: [\w.$]+ failed with message:").is_match(text)
        || (text.starts_with("[ERROR] ") && text.contains("Some Enforcer rules have failed"));
    own.then(|| {
        Hit::blocker(
            "A Maven Enforcer rule of the project failed (the rule's message is on the lines below it): a person \
             changes the build's environment or the rule.",
        )
    })
}

fn repository_429(line: &Line<'_>) -> Option<Hit> {
    let text = line.text;
    // `central` is Maven Central's repository id in the super POM.
    let service = if url_host(text).is_none() && text.contains("from/to central") {
        RateLimitService::MavenCentral
    } else {
        service_near(line).unwrap_or(RateLimitService::Other)
    };
    Some(rate_limit_hit(
        service,
        None,
        if service == RateLimitService::Other { 0.6 } else { 0.9 },
        &format!(
            "{} rate-limited the dependency download (HTTP 429).",
            match service {
                RateLimitService::Other => "A repository",
                s => s.display_name(),
            }
        ),
    ))
}

fn gradle_wrapper_jar_missing(_: &Line<'_>) -> Option<Hit> {
    let mut hit = path_hit(
        "gradle/wrapper/gradle-wrapper.jar",
        0.7,
        "The Gradle wrapper's jar is missing from the repository (often excluded by .gitignore): commit it.",
    );
    // The fix is a file to commit, not a workflow edit.
    hit.fixable = false;
    Some(hit)
}

fn maven_no_pom(_: &Line<'_>) -> Option<Hit> {
    Some(path_hit(
        "pom.xml",
        0.75,
        "Maven found no pom.xml where it ran (a wrong working directory, or no checkout).",
    ))
}

fn maven_file_argument_missing(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim();
    // Printed only when the argument is a regular file (`bin/mvn`'s `elif [ -f
    // "$arg" ]`, MavenCli's `Files.isRegularFile`, `mvn.cmd` after its `if not
    // exist` check): the POM exists; its directory could not be entered.
    if let Some(c) = regex!(
        r#"^(?:\[ERROR\] )?Directory (?:"[^"]+"|\S+) extracted from the -f/--file command-line argument (?:"([^"]+)"|(\S+)) does not exist$"#
    )
    .captures(text)
    {
        let arg = c.get(1).or_else(|| c.get(2))?.as_str();
        return Some(Hit::blocker(format!(
            "Maven could not enter the directory of the POM given with `-f`/`--file` ({}); the POM itself exists \
             (Maven prints this only for an existing file), so no file moved: check the directory's permissions or \
             the path's form (a manual fix).",
            crate::subject::display_text(arg)
        )));
    }
    // POSIX `bin/mvn` and MavenCli, then `bin/mvn.cmd` (the argument quoted).
    let c = regex!(
        r#"^(?:\[ERROR\] )?POM file (?:(\S+) specified with the -f/--file command line argument|"([^"]+)" specified the -f/--file command-line argument) does not exist$"#
    )
    .captures(text)?;
    let arg = c.get(1).or_else(|| c.get(2))?.as_str();
    Some(path_hit(
        arg,
        0.8,
        "Maven was given a POM file (`-f`/`--file`) that does not exist.",
    ))
}

fn java_missing(line: &Line<'_>) -> Option<Hit> {
    use crate::knowledge::install::{Reach, reaches, route};
    // The one decision of a fix's route (`install::route`) and of where it
    // works (`install::reaches`, from the place the log shows).
    let fixable = route("java").is_some_and(|r| !matches!(reaches("java", r, &line.place), Reach::No(_)));
    Some(
        Hit::cause(
            Category::MissingCommand,
            0.8,
            "No Java is installed where the build runs (the Gradle wrapper found neither JAVA_HOME nor `java`).",
        )
        .with_subject(
            "java",
            SubjectDetail::Command {
                name: "java".into(),
                known: true,
            },
        )
        .fixable(fixable),
    )
}

fn artifact_not_found(line: &Line<'_>) -> Option<Hit> {
    let text = line.text;
    let found = text.contains("Could not find artifact")
        // Maven Resolver's cached miss, in its own words:
        // `{coords} was not found in {url} during a previous attempt. This
        // failure was cached in the local repository …`.
        || regex!(r"[\w.-]+:[\w.-]+:\S+ was not found in \S+ during a previous attempt").is_match(text)
        || regex!(r"> Could not find [\w.-]+:[\w.-]+:[\w.+-]+\.$").is_match(text.trim_end());
    found.then(|| {
        Hit::install_failure(
            "The repository has no such artifact (a wrong coordinate or version, or a repository missing from the \
             build): a person fixes the build file.",
        )
    })
}

fn resolution_failure(_: &Line<'_>) -> Option<Hit> {
    // Gradle and Maven print this heading above (or before) the cause.
    Some(Hit::summary(
        "Dependencies could not be resolved; the lines below it say why (a missing version, a repository error).",
    ))
}

/// The entry of a cause line of Gradle's failure report.
pub const GRADLE_CAUSE: &str = "gradle/what-went-wrong";

/// How deep a cause line of Gradle's failure report is: the columns before
/// its `> `. Gradle prints a failure's causes outermost first, each nested
/// cause indented further than the one it caused (`> A`, `   > B`, `      >
/// C`); causes of one failure side by side share a depth.
pub fn gradle_cause_depth(text: &str) -> Option<usize> {
    let trimmed = text.trim_start();
    trimmed.starts_with("> ").then(|| text.len() - trimmed.len())
}

/// Gradle's own account of a failure, read only when no tool's entry reads
/// the line (it comes last in the catalogue's order: a cause such as `> Could
/// not GET … 429` or a missing program belongs to its emitter).
pub const GRADLE_CAUSE_ENTRIES: &[Entry] = &[Entry {
    id: GRADLE_CAUSE,
    grammar: "* What went wrong:\n{message}\n> {cause}\n   > {cause} (Gradle's failure report: each `>` line a cause \
              of the one above, up to the next `* ` heading such as `* Try:`)",
    // `> ` and the first letter of the cause (matched case-insensitively):
    // Gradle's causes are exception messages, which start with a word.
    needles: &[
        "> A", "> B", "> C", "> D", "> E", "> F", "> G", "> H", "> I", "> J", "> K", "> L", "> M", "> N", "> O", "> P",
        "> Q", "> R", "> S", "> T", "> U", "> V", "> W", "> X", "> Y", "> Z",
    ],
    check: gradle_cause,
    examples: &[ex_after(
        &[
            "* What went wrong:",
            "Could not determine the dependencies of task ':app:compileDebugJavaWithJavac'.",
        ],
        "> Failed to install the following Android SDK packages as some licences have not been accepted.",
        Category::Unknown,
        None,
    )],
}];

/// Maven's goal failure, read only when no tool's entry reads the line (it
/// comes last with Gradle's report: a cause in the line, a 429 or a missing
/// program, belongs to its emitter).
pub const MAVEN_GOAL_ENTRIES: &[Entry] = &[Entry {
    id: "maven/goal-failed",
    grammar: "[ERROR] Failed to execute goal {plugin}:{version}:{goal} ({execution}) on project {p}: {message} -> \
              [Help 1]",
    needles: &["Failed to execute goal "],
    check: maven_goal_failed,
    examples: &[ex(
        "[ERROR] Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:3.13.0:compile \
         (default-compile) on project ledger: Fatal error compiling: error: release version 21 not supported -> [Help 1]",
        Category::Unknown,
        None,
    )],
}];

fn gradle_cause(line: &Line<'_>) -> Option<Hit> {
    let cause = line.text.trim_start().strip_prefix("> ")?.trim();
    if cause.is_empty() {
        return None;
    }
    let heading = line
        .recent
        .iter()
        .rev()
        .map(|l| l.trim())
        .find(|l| l.starts_with("* "))?;
    (heading == "* What went wrong:").then(|| Hit::summary(format!("Gradle: {}", crate::subject::display_text(cause))))
}

fn class_file_version(_: &Line<'_>) -> Option<Hit> {
    Some(Hit::blocker(
        "The Java runtime is older than the one the classes were compiled for (a person aligns setup-java's \
         java-version with the build's target).",
    ))
}

fn build_and_test_failure(line: &Line<'_>) -> Option<Hit> {
    let text = line.text;
    if text.contains("Failures: ") {
        let failing = regex!(r"Failures: [1-9]|Errors: [1-9]").is_match(text);
        return failing.then(|| Hit::blocker("Tests failed."));
    }
    // kotlinc's error lines: `e: file:///{path}.kt:{line}:{col} {message}`
    // (Kotlin 1.9+ through Gradle), `e: {path}.kt: ({line}, {col}): {message}`
    // before; a location that is no source line (a library's
    // `….jar!/META-INF/{name}.kotlin_module` whose metadata this compiler
    // cannot read) is a `file://` URI followed by the message.
    if regex!(r"^e: (?:(?:file://)?\S+\.kts?(?::\d+:\d+ |: \(\d+, \d+\): )|file:///\S+ [A-Z])").is_match(text) {
        return Some(Hit::blocker("Kotlin compile error."));
    }
    if text.contains("BUILD FAILED") || text.contains("Build failed with an exception") {
        return Some(Hit::new(
            Category::Unknown,
            0.2,
            Strength::StepFailed,
            "The build failed; the lines above say why.",
        ));
    }
    // The needles match without case; the tools print these words in one
    // case (Gradle's welcome text says "Java compilation errors at the end
    // of the build output", which is no error).
    // maven-compiler-plugin's `[ERROR] COMPILATION ERROR :` heads javac's
    // messages, printed under it: a heading, which an entry's reading of them
    // (javac's removed `-source`/`-target`) explains.
    if text.contains("COMPILATION ERROR") && !text.contains("cannot find symbol") {
        return Some(Hit::summary(
            "Java compile error (maven-compiler-plugin; javac's messages follow).",
        ));
    }
    const PRINTED: &[&str] = &[
        "cannot find symbol",
        "Compilation failed",
        "There were failing tests",
        "Compilation error. See log for more details",
    ];
    PRINTED
        .iter()
        .any(|w| text.contains(w))
        .then(|| Hit::blocker("Java/Kotlin compile error or failing tests."))
}

/// Surefire's (and Failsafe's) report of a forked test JVM that died
/// without its end-of-run handshake: a crash, `System.exit`, or a kill
/// (`Process Exit Code: 137` is SIGKILL, the kernel's out-of-memory killer
/// on a runner). A person decides (memory, `forkCount`, the test). Read as
/// Surefire prints it, at the start of the line after Maven's `[ERROR] `
/// and, in the goal's report, the exception's name
/// (`ExecutionException`, `…SurefireBooterForkException:`, after `Caused by: `);
/// the words elsewhere on a line are not its report (review80 L6).
fn surefire_fork_crashed(line: &Line<'_>) -> Option<Hit> {
    if !regex!(
        r"^(?:\[ERROR\]\s+)?(?:(?:Caused by:\s+)?(?:org\.apache\.maven\.surefire\.booter\.SurefireBooterForkException:|ExecutionException)\s+)?The forked VM terminated without properly saying goodbye"
    )
    .is_match(line.text.trim_start())
    {
        return None;
    }
    Some(Hit::blocker(
        "Surefire's forked test JVM died without finishing (a crash, System.exit, or killed: exit code 137 is \
         SIGKILL, usually the runner running out of memory).",
    ))
}

fn maven_central_downloaded(line: &Line<'_>) -> Option<Hit> {
    regex!(r"^(?:\[INFO\] )?Downloaded from central: https?://\S+")
        .is_match(line.text.trim())
        .then(|| Hit::notice("Maven downloaded from Maven Central."))
}

fn maven_build_succeeded(line: &Line<'_>) -> Option<Hit> {
    (line.text.trim() == "[INFO] BUILD SUCCESS").then(|| Hit::notice("Maven's build succeeded."))
}

fn gradle_build_succeeded(line: &Line<'_>) -> Option<Hit> {
    regex!(r"^BUILD SUCCESSFUL in \S+$")
        .is_match(line.text.trim())
        .then(|| Hit::notice("Gradle's build succeeded."))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The needles match without case, the tools' words do not: Gradle's
    /// welcome text mentions compilation errors without reporting one.
    #[test]
    fn compile_words_are_read_in_their_printed_case() {
        assert!(
            build_and_test_failure(&Line::plain(
                " - Java compilation errors at the end of the build output"
            ))
            .is_none()
        );
        for text in [
            "[ERROR] COMPILATION ERROR : ",
            "   > Compilation error. See log for more details",
            "Compilation failed; see the compiler error output for details.",
        ] {
            assert!(build_and_test_failure(&Line::plain(text)).is_some(), "{text}");
        }
        // kotlinc's error on a library whose metadata it cannot read names a
        // `file://` location that is no source line.
        assert!(
            build_and_test_failure(&Line::plain(
                "e: file:///home/runner/.gradle/caches/x/kotlin-stdlib-2.1.0.jar!/META-INF/kotlin-stdlib.kotlin_module \
             Module was compiled with an incompatible version of Kotlin."
            ))
            .is_some()
        );
        assert!(build_and_test_failure(&Line::plain("e: file:///tmp/notes.txt")).is_none());
        let hit = surefire_fork_crashed(&Line::plain(
            "[ERROR] The forked VM terminated without properly saying goodbye. VM crash or System.exit called?",
        ))
        .expect("read");
        assert_eq!((hit.category, hit.fixable), (Category::Unknown, false));
        crate::classify::catalogue::assert_reads(
            surefire_fork_crashed,
            &[
                "[ERROR] ExecutionException The forked VM terminated without properly saying goodbye. VM crash or System.exit called?",
                "Caused by: org.apache.maven.surefire.booter.SurefireBooterForkException: The forked VM terminated without properly saying goodbye. VM crash or System.exit called?",
            ],
            &[
                "echo 'The forked VM terminated without properly saying goodbye'",
                "[INFO] Running ForkTest: The forked VM terminated without properly saying goodbye (expected)",
            ],
        );
    }

    #[test]
    fn refused_credentials_are_a_blocker_and_a_goal_failure_a_heading() {
        let refused = repository_refused_credentials(&Line::plain(
            "Could not GET 'https://maven.pkg.github.com/acme/p/x.pom'. Received status code 401 from server: \
             Unauthorized",
        ))
        .expect("hit");
        assert_eq!(
            (refused.category, refused.strength),
            (Category::Unknown, Strength::Blocker)
        );
        assert!(repository_refused_credentials(&Line::plain("status code: 401 is documented here")).is_none());
        let goal = maven_goal_failed(&Line::plain(
            "[ERROR] Failed to execute goal org.apache.maven.plugins:maven-surefire-plugin:3.5.2:test \
             (default-test) on project api: There are test failures.",
        ))
        .expect("hit");
        assert_eq!(goal.strength, Strength::Summary);
        assert!(maven_goal_failed(&Line::plain("echo '[ERROR] Failed to execute goal x on project y: z'")).is_none());
    }

    #[test]
    fn an_unparseable_pom_leads_its_heading() {
        let fatal = pom_unreadable(&Line::plain(
            "[FATAL] Non-parseable POM /w/pom.xml: Unrecognised tag @ line 4",
        ))
        .expect("hit");
        assert_eq!(fatal.strength, Strength::Blocker);
        let heading = pom_unreadable(&Line::plain(
            "[ERROR] Some problems were encountered while processing the POMs:",
        ))
        .expect("hit");
        assert_eq!(heading.strength, Strength::Summary);
        assert!(pom_unreadable(&Line::plain("see: Non-parseable POM errors in the FAQ")).is_none());
    }

    #[test]
    fn an_enforcer_rule_decides_only_at_error_level() {
        let error = "[ERROR] Rule 1: org.apache.maven.enforcer.rules.version.RequireJavaVersion failed with message:";
        assert_eq!(
            enforcer_rule_failed(&Line::plain(error)).map(|h| h.category),
            Some(Category::Unknown)
        );
        let warn = "[WARNING] Rule 0: org.apache.maven.plugins.enforcer.RequireMavenVersion failed with message:";
        assert!(enforcer_rule_failed(&Line::plain(warn)).is_none());
        assert!(enforcer_rule_failed(&Line::plain("expected: Rule 1: X failed with message:")).is_none());
    }

    /// A `>` line is a cause only under `* What went wrong:`: under `* Try:`
    /// it is advice, and elsewhere a progress line (`> Task :app:test`).
    #[test]
    fn gradle_cause_needs_its_heading() {
        let advice = Line {
            recent: &[
                "* What went wrong:",
                "Execution failed for task ':app:lint'.",
                "",
                "* Try:",
            ],
            ..Line::plain("> Run with --stacktrace option to get the stack trace.")
        };
        assert!(gradle_cause(&advice).is_none());
        assert!(gradle_cause(&Line::plain("> Task :app:test FAILED")).is_none());
        let cause = Line {
            recent: &["* What went wrong:", "A problem occurred configuring project ':app'."],
            ..Line::plain("   > SDK location not found.")
        };
        assert!(gradle_cause(&cause).is_some());
    }

    #[test]
    fn a_causes_depth_is_its_indentation() {
        assert_eq!(gradle_cause_depth("> Failed to apply plugin 'x'."), Some(0));
        assert_eq!(gradle_cause_depth("      > Cannot query the value."), Some(6));
        assert_eq!(gradle_cause_depth("   Required by:"), None);
        assert_eq!(gradle_cause_depth(">no space"), None);
    }

    #[test]
    fn maven_and_gradle_successes_and_near_misses() {
        let central =
            "[INFO] Downloaded from central: https://repo.maven.apache.org/maven2/a/b/1/b-1.jar (1 kB at 9 kB/s)";
        assert!(maven_central_downloaded(&Line::plain(central)).is_some());
        let other = "[INFO] Downloaded from nexus: https://nexus.example/repo/a/b/1/b-1.jar (1 kB at 9 kB/s)";
        assert!(maven_central_downloaded(&Line::plain(other)).is_none());
        assert!(maven_build_succeeded(&Line::plain("[INFO] BUILD SUCCESS")).is_some());
        assert!(maven_build_succeeded(&Line::plain("[INFO] BUILD SUCCESSFUL? no")).is_none());
        assert!(gradle_build_succeeded(&Line::plain("BUILD SUCCESSFUL in 49s")).is_some());
        assert!(gradle_build_succeeded(&Line::plain("BUILD FAILED in 38s")).is_none());
    }

    /// Only Maven Resolver's own sentence (coordinates, repository URL,
    /// "during a previous attempt") is a cached miss, not any "was not found in".
    #[test]
    fn cached_miss_needs_maven_wording() {
        let cached = "org.acme:core:jar:1.2 was not found in https://repo.maven.apache.org/maven2 during a previous \
                      attempt. This failure was cached in the local repository";
        assert!(artifact_not_found(&Line::plain(cached)).is_some());
        for other in [
            "Cache entry was not found in the store during a previous attempt",
            "Error: the key 'x' was not found in secrets during a previous attempt",
        ] {
            assert!(artifact_not_found(&Line::plain(other)).is_none(), "{other}");
        }
    }
}

#[cfg(test)]
mod file_argument_tests {
    use super::*;

    /// `bin/mvn` and MavenCli print the `Directory … extracted from …` form
    /// only when the argument is a regular file: the POM exists, no fix of a
    /// missing file applies to it.
    #[test]
    fn the_directory_form_names_a_pom_that_exists() {
        let hit = maven_file_argument_missing(&Line::plain(
            "Directory /home/runner/work/app/app/services extracted from the -f/--file command-line argument \
             services/api/pom.xml does not exist",
        ))
        .expect("read");
        assert!(!hit.fixable, "{hit:?}");
        assert_eq!(hit.category, Category::Unknown);
        let hit = maven_file_argument_missing(&Line::plain(
            "Directory \"D:\\a\\app\\services\" extracted from the -f/--file command-line argument \
             \"services\\api\\pom.xml\" does not exist",
        ))
        .expect("read");
        assert!(!hit.fixable, "{hit:?}");
    }

    /// `bin/mvn.cmd` (a Windows leg) words a missing POM `POM file "{arg}"
    /// specified the -f/--file command-line argument does not exist`.
    #[test]
    fn the_windows_script_s_wording_is_read() {
        let hit = maven_file_argument_missing(&Line::plain(
            "POM file \"services\\billing\\pom.xml\" specified the -f/--file command-line argument does not exist",
        ))
        .expect("read");
        assert_eq!(hit.category, Category::FileNotFound);
        assert!(hit.message.contains("does not exist"), "{}", hit.message);
        assert!(
            maven_file_argument_missing(&Line::plain(
                "echo POM file \"x/pom.xml\" specified the -f/--file command-line argument does not exist"
            ))
            .is_none()
        );
    }
}
