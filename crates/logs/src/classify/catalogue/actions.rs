//! Messages printed by common actions and the actions toolkit.
//!
//! Sources: `@actions/io` (`Unable to locate executable file: {tool}. Please
//! verify either the file path exists or the file can be found within a
//! directory specified by the PATH environment variable. …`), `@actions/core`
//! (`Input required and not supplied: {name}`), actions/upload-artifact (`No
//! files were found with the provided path: {path}. No artifacts will be
//! uploaded.`), actions/download-artifact (`Unable to download artifact(s):
//! Artifact not found for name: {name}`), the caching in actions/setup-node
//! (`Dependencies lock file is not found in {dir}. Supported file patterns:
//! {list}`), setup-python and setup-java (`No file in {dir} matched to
//! [{patterns}], make sure you have checked out the target repository`),
//! setup-go (`Dependencies file is not found in {dir}. Supported file pattern:
//! {file}`), the version files of setup-node and setup-go (`The specified
//! {tool} version file at: {path} does not exist`, joined to
//! `GITHUB_WORKSPACE`) and setup-python (`... at: {path} doesn't exist.`, the
//! path as given), the tool lookups of setup-python (`The version '{v}' with
//! architecture '{arch}' was not found for {os}.`, before v5 `Version {v} with
//! arch {arch} not found`, for PyPy and GraalPy `PyPy version {v} ({pypy}) with
//! arch {arch} not found`; its `architecture` input accepts x86, x64 and
//! arm64), setup-node and setup-go (`Unable to find {Node|Go}
//! version '{v}' for platform {platform} and architecture {arch}.`), and the
//! release-asset globs of softprops/action-gh-release (`Pattern '{glob}' does
//! not match any files.`), ncipollo/release-action (`Artifact pattern:{glob} did
//! not match any files`) and marvinpinto/action-automatic-releases (`{glob}
//! doesn't match any files`), and nick-fields/retry's notice between attempts
//! (`Attempt {n} failed. Reason: {message}`, at warning level unless
//! `warning_on_retry: false`; after a success `Command completed after {n}
//! attempt(s).`, after the last attempt `Final attempt failed. {message}`).
//! softprops/action-gh-release (`src/github.ts`) reports a refused release as
//! `⚠️ GitHub release failed with status: {status}`, prints the API's answer,
//! and before it tries again `retrying... ({n} retries remaining)` (after the
//! last, `❌ Too many retries. Aborting...`). The retry helper of
//! actions/checkout and `@actions/tool-cache` (`retry-helper.ts`) prints a
//! failed attempt's error and then `Waiting {n} seconds before trying again`
//! (three attempts). GitHub's cache service answers a client of its retired
//! v1 API with `This legacy service is shutting down, effective April 15,
//! 2025. …` (relayed by BuildKit's `type=gha` cache, sccache and old
//! @actions/cache). actions/checkout (`src/ref-helper.ts`, `getCheckoutInfo`)
//! throws `A branch or tag with the name '{ref}' could not be found` when the
//! `ref:` it was given is neither a remote branch nor a tag after its fetch
//! (whose failed attempts the retry helper printed before it).

use super::util::{after, command_hit, path_hit, quoted, regex, runner_hit};
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::line::LineKind;
use crate::report::{Category, RunnerClass, RunnerFailure};

/// The id of nick-fields/retry's notice that it will run the command again,
/// which ranking reads (`rank.rs`): what that attempt printed was not the
/// step's outcome.
pub const RETRY_ACTION_ATTEMPT: &str = "actions/retry-attempt-failed";

/// The id of softprops/action-gh-release's notice that it will create the
/// release again after the attempt it printed (`rank.rs` reads it like the
/// retry action's).
pub const GH_RELEASE_RETRY: &str = "actions/gh-release-retrying";

/// The id of the retry helper's notice in actions/checkout and
/// `@actions/tool-cache` (`retry-helper.ts`): after an attempt failed and
/// printed its error, `Waiting {n} seconds before trying again`; the last
/// attempt prints none. `rank.rs` reads it like the retry action's notice.
pub const TOOLKIT_RETRY: &str = "actions/retry-helper-waiting";

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: GH_RELEASE_RETRY,
        grammar: "retrying... ({n} retries remaining) (softprops/action-gh-release, after an attempt's report)",
        needles: &["retries remaining)"],
        check: gh_release_retrying,
        examples: &[ex("retrying... (2 retries remaining)", Category::Unknown, None)],
    },
    Entry {
        id: TOOLKIT_RETRY,
        grammar: "Waiting {n} seconds before trying again (actions/checkout's and @actions/tool-cache's retry helper, \
                  after an attempt's error)",
        needles: &["seconds before trying again"],
        check: toolkit_retry,
        examples: &[ex("Waiting 14 seconds before trying again", Category::Unknown, None)],
    },
    Entry {
        id: "actions/cache-service-v1-retired",
        grammar: "This legacy service is shutting down, effective April 15, 2025. Migrate to the new service ASAP. For \
                  more information: https://gh.io/gha-cache-sunset (GitHub's cache service API v1, relayed by the \
                  clients that still call it: BuildKit's `type=gha` cache, sccache, old @actions/cache)",
        needles: &["This legacy service is shutting down"],
        check: cache_service_v1_retired,
        examples: &[ex(
            "#10 ERROR: This legacy service is shutting down, effective April 15, 2025. Migrate to the new service \
             ASAP. For more information: https://gh.io/gha-cache-sunset",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "actions/checkout-ref-not-found",
        grammar: "A branch or tag with the name '{ref}' could not be found (actions/checkout, after fetching `ref:`)",
        needles: &["A branch or tag with the name '"],
        check: checkout_ref_not_found,
        examples: &[ex(
            "Error: A branch or tag with the name 'release/2.4' could not be found",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "actions/gh-release-failed",
        grammar: "⚠️ GitHub release failed with status: {status} (softprops/action-gh-release; the API's answer on \
                  the next line)",
        needles: &["GitHub release failed with status: "],
        check: gh_release_failed,
        examples: &[ex("⚠️ GitHub release failed with status: 403", Category::Unknown, None)],
    },
    Entry {
        id: RETRY_ACTION_ATTEMPT,
        grammar: "Attempt {n} failed. Reason: {message} (nick-fields/retry, between attempts; its last attempt says \
                  `Final attempt failed. {message}` instead)",
        needles: &["failed. Reason: "],
        check: retry_action_attempt,
        examples: &[
            ex(
                "Attempt 1 failed. Reason: Child_process exited with error code 1",
                Category::Unknown,
                None,
            ),
            ex(
                "Attempt 2 failed. Reason: Timeout of 300000ms hit",
                Category::Unknown,
                None,
            ),
        ],
    },
    Entry {
        id: "actions/executable-not-found",
        grammar: "Unable to locate executable file: {tool}. Please verify either the file path exists or the file \
                  can be found within a directory specified by the PATH environment variable. …",
        needles: &["Unable to locate executable file"],
        check: executable_not_found,
        examples: &[ex(
            "Error: Unable to locate executable file: pnpm. Please verify either the file path exists or the file \
             can be found within a directory specified by the PATH environment variable.",
            Category::MissingCommand,
            Some("pnpm"),
        )],
    },
    Entry {
        id: "actions/input-required",
        grammar: "Input required and not supplied: {name} | Parameter token or opts.auth is required (Octokit) | \
                  Credentials could not be loaded, please check your action inputs (aws-actions) | Could not load \
                  credentials from any providers | Username and password required (docker/login-action)",
        needles: &[
            "Input required and not supplied",
            "Parameter token or opts.auth is required",
            "Credentials could not be loaded",
            "Could not load credentials from any providers",
            "Username and password required",
        ],
        check: input_required,
        examples: &[ex(
            "Error: Input required and not supplied: api-key",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "actions/upload-artifact-no-files",
        grammar: "No files were found with the provided path: {path}. No artifacts will be uploaded.",
        needles: &["No files were found with the provided path"],
        check: upload_artifact_no_files,
        examples: &[
            ex(
                "Error: No files were found with the provided path: build/reports/. No artifacts will be uploaded.",
                Category::FileNotFound,
                Some("build/reports"),
            ),
            ex(
                "Warning: No files were found with the provided path: dist/*.whl. No artifacts will be uploaded.",
                Category::FileNotFound,
                Some("dist/*.whl"),
            ),
        ],
    },
    Entry {
        id: "actions/download-artifact-missing",
        grammar: "Unable to download artifact(s): Artifact not found for name: {name} | Unable to find any artifacts \
                  for the associated workflow",
        needles: &["Artifact not found for name", "Unable to find any artifacts"],
        check: download_artifact_missing,
        examples: &[ex(
            "Error: Unable to download artifact(s): Artifact not found for name: wheels",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "actions/cache-lockfile-missing",
        grammar: "Dependencies lock file is not found in {dir}. Supported file patterns: {list} | No file in {dir} \
                  matched to [{patterns}], make sure you have checked out the target repository | Dependencies file \
                  is not found in {dir}. Supported file pattern: {file}",
        needles: &[
            "lock file is not found",
            "matched to [",
            "Dependencies file is not found",
        ],
        check: cache_lockfile_missing,
        examples: &[
            ex(
                "Error: Dependencies lock file is not found in /home/runner/work/app/app. Supported file patterns: \
                 package-lock.json,npm-shrinkwrap.json,yarn.lock",
                Category::FileNotFound,
                Some("package-lock.json"),
            ),
            ex(
                "Error: No file in /home/runner/work/app/app matched to [**/requirements.txt], make sure you have \
                 checked out the target repository",
                Category::FileNotFound,
                Some("requirements.txt"),
            ),
        ],
    },
    Entry {
        id: "actions/cache-dependency-path-unresolved",
        grammar: "Some specified paths were not resolved, unable to cache dependencies. (setup-go's and setup-node's \
                  cache when the files `cache-dependency-path` names hash to nothing; the path is the step's input, \
                  echoed under `with:` in its header)",
        needles: &["Some specified paths were not resolved"],
        check: cache_dependency_path_unresolved,
        examples: &[ex(
            "Error: Some specified paths were not resolved, unable to cache dependencies.",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "actions/version-file-missing",
        grammar: "The specified {tool} version file at: {path} does not exist (setup-node's `node-version-file`, \
                  setup-go's `go-version-file`) | The specified python version file at: {path} doesn't exist. \
                  (setup-python's `python-version-file`, thrown from its source as written)",
        needles: &["version file at: "],
        check: version_file_missing,
        examples: &[
            ex(
                "##[error]The specified node version file at: /home/runner/work/web/web/.nvmrc does not exist",
                Category::FileNotFound,
                Some(".nvmrc"),
            ),
            ex(
                "##[error]The specified python version file at: .python-version doesn't exist.",
                Category::FileNotFound,
                Some(".python-version"),
            ),
        ],
    },
    Entry {
        id: "actions/tool-version-for-architecture",
        grammar: "The version '{v}' with architecture '{arch}' was not found for {os}. | Version {v} with arch {arch} \
                  not found (setup-python before v5) | PyPy version {v} ({pypy}) with arch {arch} not found | GraalPy \
                  version {v} with arch {arch} not found | Unable to find {Node|Go} version '{v}' for platform \
                  {platform} and architecture {arch}.",
        needles: &["with architecture '", "and architecture ", " with arch "],
        check: tool_version_for_architecture,
        examples: &[
            ex(
                "Error: The version '3.7' with architecture 'arm64' was not found for macOS 14.5.",
                Category::OptionalJob,
                Some("tool_unavailable_for_architecture"),
            ),
            ex(
                "Error: Unable to find Node version '12' for platform darwin and architecture arm64.",
                Category::OptionalJob,
                Some("tool_unavailable_for_architecture"),
            ),
            ex(
                "Error: Version 3.6 with arch arm64 not found",
                Category::OptionalJob,
                Some("tool_unavailable_for_architecture"),
            ),
            // An older version than every ARM64 build: the architecture.
            ex(
                "##[error]Unable to find Go version '1.16.15' for platform windows and architecture arm64.",
                Category::OptionalJob,
                Some("tool_unavailable_for_architecture"),
            ),
            // Past the line from which the vendor builds ARM64: no release.
            ex(
                "##[error]Unable to find Go version '1.27' for platform linux and architecture arm64.",
                Category::Unknown,
                None,
            ),
            ex(
                "Error: Unable to find Node version '26.1.0' for platform darwin and architecture arm64.",
                Category::Unknown,
                None,
            ),
            // Not an architecture problem: the version is not built for this OS.
            ex(
                "Error: The version '3.5' with architecture 'x64' was not found for Ubuntu 24.04.",
                Category::Unknown,
                None,
            ),
            // Built for no machine of this Ubuntu release: not the architecture.
            ex(
                "##[error]The version '3.7' with architecture 'arm64' was not found for Ubuntu 24.04.",
                Category::Unknown,
                None,
            ),
            // Not a value setup-python accepts (x86, x64, arm64): an input error.
            ex(
                "Error: The version '3.12' with architecture 'aarch64' was not found for Ubuntu 22.04.",
                Category::Unknown,
                None,
            ),
        ],
    },
    Entry {
        id: "actions/deploy-folder-missing",
        grammar: "The directory you're trying to deploy named {dir} doesn't exist. Please double check the path and any \
                  prerequisite build scripts and try again. (JamesIves/github-pages-deploy-action)",
        needles: &["trying to deploy named"],
        check: deploy_folder_missing,
        examples: &[ex(
            "The directory you're trying to deploy named /home/runner/work/site/site/build doesn't exist. Please \
             double check the path and any prerequisite build scripts and try again. ❗",
            Category::FileNotFound,
            Some("build"),
        )],
    },
    Entry {
        id: "actions/path-does-not-exist",
        grammar: "Error: {File|Path|Directory|Folder} {path} does not exist | Error: {File|Path|Directory} not found: \
                  {path} | Error: The {file|path|directory} '{path}' does not exist (how JavaScript actions word a \
                  missing input path; only `Error:`/`##[error]` lines, only paths with a `/` or `.`)",
        needles: &["does not exist", "not found:", "doesn't exist"],
        check: path_does_not_exist,
        examples: &[ex(
            "##[error]Path does not exist: coverage/lcov.info",
            Category::FileNotFound,
            Some("coverage/lcov.info"),
        )],
    },
    Entry {
        id: "actions/release-glob-unmatched",
        grammar: "Pattern '{glob}' does not match any files. | Artifact pattern:{glob} did not match any files | {glob} \
                  doesn't match any files",
        needles: &[
            "does not match any files",
            "did not match any files",
            "doesn't match any files",
        ],
        check: release_glob_unmatched,
        examples: &[
            ex(
                "🤔 Pattern 'target/release/*.tar.gz' does not match any files.",
                Category::FileNotFound,
                Some("target/release/*.tar.gz"),
            ),
            ex(
                "Error: Artifact pattern:out/*.zip did not match any files",
                Category::FileNotFound,
                Some("out/*.zip"),
            ),
            ex(
                "Error: /home/runner/work/app/app/packages/*.vsix doesn't match any files",
                Category::FileNotFound,
                Some("packages/*.vsix"),
            ),
        ],
    },
];

fn executable_not_found(line: &Line<'_>) -> Option<Hit> {
    let rest = after(line.text, "Unable to locate executable file: ")?;
    let tool = rest.split(". ").next().unwrap_or(rest).trim_end_matches('.').trim();
    Some(command_hit(tool, line, 0.85))
}

fn input_required(line: &Line<'_>) -> Option<Hit> {
    let Some(name) = after(line.text, "Input required and not supplied:").map(str::trim) else {
        return Some(Hit::blocker(
            "The action has no credentials: a secret that is not set or not available to this run (forks, \
             Dependabot).",
        ));
    };
    Some(Hit::blocker(format!(
        "The action's required input '{}' was empty: usually a secret that is not set or not available to this \
         run (forks, Dependabot).",
        crate::subject::display_text(name)
    )))
}

fn upload_artifact_no_files(line: &Line<'_>) -> Option<Hit> {
    let rest = after(line.text, "No files were found with the provided path: ")?;
    let path = rest
        .split(". No artifacts")
        .next()
        .unwrap_or(rest)
        .trim()
        .trim_end_matches('.');
    // Several paths may be given on separate lines of `path:`; the first names
    // the failure.
    let first = path.split_whitespace().next().unwrap_or(path);
    Some(path_hit(
        first,
        0.8,
        "upload-artifact found no files at the given path.",
    ))
}

fn download_artifact_missing(_: &Line<'_>) -> Option<Hit> {
    Some(Hit::blocker(
        "The artifact to download was never uploaded (the job that makes it failed or was skipped, or the name \
         differs).",
    ))
}

fn cache_lockfile_missing(line: &Line<'_>) -> Option<Hit> {
    let text = line.text;
    let first = if let Some(list) =
        after(text, "Supported file patterns: ").or_else(|| after(text, "Supported file pattern: "))
    {
        list.split(',').next()?.trim().trim_end_matches('.')
    } else if let Some(list) = after(text, "matched to [") {
        let pattern = list.split(']').next()?.split(',').next()?.trim();
        let pattern = pattern.split(" or ").next().unwrap_or(pattern).trim();
        pattern.strip_prefix("**/").unwrap_or(pattern)
    } else {
        return None;
    };
    Some(path_hit(
        first,
        0.75,
        "The setup action's dependency cache needs a lock file that is not in the repository (or not checked out).",
    ))
}

/// setup-go's and setup-node's cache hash the files their
/// `cache-dependency-path` input names and throw this when nothing matched:
/// the message does not repeat the path, the step's header does.
///
/// Only the action's own line, case and all (setup-node's `cache-utils.ts` and setup-go's
/// `cache-utils.ts` throw it as an `Error`; the reader has taken off `##[error]` and
/// `Error: `): the sentence quoted inside other text (an assert, an echo) is no report of
/// the action (review84 L2).
fn cache_dependency_path_unresolved(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim();
    let text = text.strip_prefix("Error: ").unwrap_or(text);
    if text != "Some specified paths were not resolved, unable to cache dependencies." {
        return None;
    }
    let message = "The setup action's `cache-dependency-path` names no file in the checkout (moved, not committed, or \
                   no checkout before the step).";
    Some(match echoed_input(line.script, "cache-dependency-path") {
        Some(path) => path_hit(path, 0.7, message),
        None => Hit::blocker(format!(
            "{message} The log does not show the path it was given (a multi-line list, or no step header), so no fix \
             is made."
        )),
    })
}

/// The one-line value of input `name` as the runner echoes a `uses:` step's
/// inputs in its header (`with:`, then `  {name}: {value}` per input, then
/// `env:` if any). A multi-line value goes on at the left margin, and a
/// list is no single path: `None`. Only a `uses:` step's header, which opens
/// with `with:`: a `run:` step's script that happens to hold such lines is
/// no input (review84 L2).
fn echoed_input<'s>(script: &'s str, name: &str) -> Option<&'s str> {
    let mut lines = script.lines();
    if lines.next()?.trim_end() != "with:" {
        return None;
    }
    while let Some(l) = lines.next() {
        let entry = l.strip_prefix("  ")?;
        let Some(value) = entry.strip_prefix(name).and_then(|r| r.strip_prefix(':')) else {
            continue;
        };
        let continued = lines
            .next()
            .is_some_and(|next| !next.starts_with("  ") && next.trim_end() != "env:");
        let value = value.trim();
        return (!continued && !value.is_empty()).then_some(value);
    }
    None
}

/// A setup action's version-file input names a file the checkout does not
/// have (not committed, another directory, or no checkout before the step).
fn version_file_missing(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"The specified [\w.-]+ version file at: (\S+?) (?:does not|doesn't) exist").captures(line.text)?;
    Some(path_hit(
        &c[1],
        0.75,
        "The setup action's version file does not exist in the checkout.",
    ))
}

fn tool_version_for_architecture(line: &Line<'_>) -> Option<Hit> {
    let text = line.text;
    let arch = if let Some(c) = regex!(r"with architecture '([^']+)'").captures(text) {
        c[1].to_string()
    } else if let Some(c) = regex!(r"and architecture ([A-Za-z0-9_]+)").captures(text) {
        c[1].to_string()
    } else {
        regex!(r"(?:^|\s|\))(?:Version|version) \S+(?: \([^)]*\))? with arch ([A-Za-z0-9_]+) not found")
            .captures(text)?[1]
            .to_string()
    };
    let macos = text.contains("macOS") || text.contains("darwin");
    if matches!(arch.as_str(), "arm64" | "x64")
        && let Some(why) = python_not_built_for_os(text)
    {
        return Some(Hit::blocker(why));
    }
    if arch == "arm64" && built_for_arm64(text) {
        return Some(Hit::blocker(
            "The vendor builds this version's line for ARM64 on this platform, so the architecture is not why \
             the setup action found nothing: the version asked for is no release (yet). Choose a released \
             version.",
        ));
    }
    match arch.as_str() {
        "arm64" => Some(runner_hit(
            RunnerFailure::ToolUnavailableForArchitecture,
            Some(if macos {
                RunnerClass::MacosArm64
            } else {
                RunnerClass::Arm64
            }),
            0.8,
            "The setup action has no build of this version for the ARM64 runner: the failure is tied to the \
             runner's architecture.",
        )),
        "x64" | "x86" => Some(Hit::blocker(
            "The setup action has no build of this version for the runner's OS: choose a version that exists there.",
        )),
        _ => Some(Hit::blocker(format!(
            "'{}' is not an architecture the setup action accepts (x86, x64, arm64): fix the `architecture` input.",
            crate::subject::display_text(&arch)
        ))),
    }
}

/// setup-python's message names the OS release: actions/python-versions
/// builds a release for the Ubuntu images that exist when it is published
/// (and rebuilt some older patches later), so a version with no build for the
/// release on any architecture is too old for the OS, not for the runner's
/// architecture. What its `versions-manifest.json` lists for Ubuntu 24.04
/// (read at commit 0154b26, 2026-12-06; review86 M1, and again for 3.9 and
/// 3.10 by issue 12): no build of any 3.7 or older release; 3.8 from 3.8.12,
/// 3.9 from 3.9.12 (3.9.0-3.9.11 have 16.04/18.04/20.04 builds only), 3.10
/// from 3.10.4, each on x64 and arm64 both. So `3.9` (which resolves to the
/// newest 3.9) is built, `3.9.5` is not. 3.11's patches below 3.11.3 and other
/// releases were not read: those stay with the architecture. Only a plain
/// `{major}.{minor}[.{patch}]` request is read.
///
/// Answers what to ask for instead: the first patch of the minor that is
/// built there, or, for a minor older than every built one, nothing of it.
fn python_not_built_for_os(text: &str) -> Option<String> {
    /// A minor (`[3, 9]`) and the first of its patches that has a build.
    type FirstPatch = ([u32; 2], u32);
    // (release, the oldest minor with a build, and per minor read the first
    // patch that has one)
    const FIRST_BUILT: &[(&str, [u32; 2], &[FirstPatch])] =
        &[("Ubuntu 24.04", [3, 8], &[([3, 8], 12), ([3, 9], 12), ([3, 10], 4)])];
    let c = regex!(r"The version '([0-9][0-9.]*)' with architecture '[^']+' was not found for ([^.]+(?:\.\d+)?)\.?")
        .captures(text)?;
    let asked = super::setup_versions::numeric_version(&c[1])?;
    let [major, minor, rest @ ..] = asked.as_slice() else {
        return None;
    };
    let os = c[2].trim();
    let (_, oldest, firsts) = FIRST_BUILT.iter().find(|(release, ..)| *release == os)?;
    let asked_minor = [*major, *minor];
    if asked_minor < *oldest {
        return Some(format!(
            "setup-python builds no Python {major}.{minor} release for {os}, on any architecture (x64 included): the \
             version is too old for the runner's OS, not for its architecture. Choose Python {}.{} or newer, or an \
             older runner image.",
            oldest[0], oldest[1]
        ));
    }
    let (_, first) = firsts.iter().find(|(m, _)| *m == asked_minor)?;
    let patch = rest.first().filter(|p| *p < first)?;
    Some(format!(
        "setup-python builds Python {major}.{minor}.{patch} for no machine of {os} (x64 included): its first \
         {major}.{minor} build there is {major}.{minor}.{first}. The version is too old for the runner's OS, not for \
         its architecture: ask for {major}.{minor} (its newest patch) or {major}.{minor}.{first} or later, or use an \
         older runner image."
    ))
}

/// setup-node and setup-go print one message for a version with no build for
/// the architecture and for a version that does not exist at all. The vendors
/// publish ARM64 builds of every release from a known one on (go.dev's
/// downloads: darwin-arm64 from Go 1.16, windows-arm64 from 1.17; nodejs.org's
/// dist: darwin-arm64 from Node 16, win-arm64 from Node 20; linux-arm64 is
/// older for both, and the darwin line is used for it, which only leaves more
/// to the architecture), so a version at or past that line that
/// was not found is no release, whatever the runner. Only a plain numeric
/// version is read (`1.27`, `22.99.0`); a range, an alias (`lts/*`) or an
/// older version stays with the architecture.
fn built_for_arm64(text: &str) -> bool {
    let Some(c) =
        regex!(r"Unable to find (Node|Go) version '([0-9][0-9.]*)' for platform ([a-z0-9]+) and architecture arm64")
            .captures(text)
    else {
        return false;
    };
    let Some(asked) = super::setup_versions::numeric_version(&c[2]) else {
        return false;
    };
    let first: &[u32] = match (&c[1], &c[3]) {
        ("Go", "darwin" | "linux") => &[1, 16],
        ("Go", "windows" | "win32") => &[1, 17],
        ("Node", "darwin" | "linux") => &[16],
        ("Node", "win32" | "windows") => &[20],
        _ => return false,
    };
    // Compared on the components the request names beyond the line's own:
    // `1.27` against `[1, 16]`, `16` against `[16]`.
    asked.as_slice() >= first
}

fn deploy_folder_missing(line: &Line<'_>) -> Option<Hit> {
    let dir = after(line.text, "trying to deploy named ")?
        .split(" doesn't exist")
        .next()?
        .trim();
    // The folder to deploy is the build's output: never a tracked path that
    // moved (review87 H2), so not fixable.
    Some(
        path_hit(
            dir,
            0.75,
            "The folder to deploy does not exist (a wrong path, or the build did not make it). A folder to deploy is \
             made by the build, so no path in the repository is where it went: check the build step and the folder \
             it writes (a manual fix).",
        )
        .fixable(false),
    )
}

fn path_does_not_exist(line: &Line<'_>) -> Option<Hit> {
    if line.kind != LineKind::Error {
        return None;
    }
    let c = regex!(
        r#"(?i)\b(?:file|path|directory|folder)(?: or directory)?(?: not found| does not exist| doesn't exist)\s*:\s*['"`]?([^'"`\s]+)|\b(?:the )?(?:file|path|directory|folder) ['"`]?([^'"`\s]+?)['"`]? (?:does not exist|doesn't exist|was not found)"#
    )
    .captures(line.text)?;
    let path = c.get(1).or_else(|| c.get(2))?.as_str().trim_end_matches(['.', ',']);
    if !path.contains(['/', '.']) {
        return None;
    }
    Some(path_hit(path, 0.6, "An action was given a path that does not exist."))
}

fn release_glob_unmatched(line: &Line<'_>) -> Option<Hit> {
    let text = line.text;
    let glob = if let Some(q) = after(text, "Pattern ").and_then(quoted) {
        q.to_string()
    } else if let Some(rest) = after(text, "Artifact pattern:") {
        rest.split(" did not match").next()?.trim().to_string()
    } else {
        let before = text.split(" doesn't match any files").next()?;
        let before = before.rsplit(": ").next().unwrap_or(before).trim();
        before.rsplit(' ').next().unwrap_or(before).to_string()
    };
    Some(path_hit(&glob, 0.75, "A release-asset pattern matched no files."))
}

/// nick-fields/retry's `Attempt {n} failed. Reason: {message}`: the action
/// will run the command again. Only the action's own reasons (a non-zero exit
/// or its timeout) are read, so another program's "failed. Reason:" is not.
/// A notice only when another attempt follows: the action prints
/// `retrying... (0 retries remaining)` after its last attempt too, then
/// aborts (`❌ Too many retries. Aborting...`), so that attempt is the outcome.
fn gh_release_retrying(line: &Line<'_>) -> Option<Hit> {
    regex!(r"^retrying\.\.\. \(([1-9]\d*) retries remaining\)$")
        .is_match(line.text.trim())
        .then(|| Hit::notice("softprops/action-gh-release tried again."))
}

/// The GitHub API refused to create or update the release: 403 is the
/// token's permission (`contents: write`), 404 a tag or repository it cannot
/// see, 422 a release that exists. A person's fix either way.
fn gh_release_failed(line: &Line<'_>) -> Option<Hit> {
    let status = regex!(r"GitHub release failed with status: (\d{3}|undefined)\s*$")
        .captures(line.text.trim())?
        .get(1)?
        .as_str()
        .to_string();
    Some(Hit::blocker(if status == "403" {
        "The GitHub API refused to create the release (403): the token needs `contents: write` (or may not write \
         this repository)."
            .to_string()
    } else {
        format!("The GitHub API refused to create the release (status {status}).")
    }))
}

/// The checkout's `ref:` names no branch or tag of the repository (deleted,
/// renamed, never pushed, or a value such as a pull request's `{n}/merge`
/// that is no branch there): which ref was meant is a person's call. Read
/// only as the whole message (after the runner's error prefix), so a script
/// that quotes it is not the checkout's report.
fn checkout_ref_not_found(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^(?:Error: )?A branch or tag with the name '([^']+)' could not be found$")
        .captures(line.text.trim())?;
    Some(Hit::blocker(format!(
        "actions/checkout found no branch or tag named `{}` in the repository (deleted, renamed or never pushed; \
         a person chooses the ref).",
        &c[1]
    )))
}

fn toolkit_retry(line: &Line<'_>) -> Option<Hit> {
    regex!(r"^Waiting \d+ seconds before trying again$")
        .is_match(line.text.trim())
        .then(|| Hit::notice("The action's retry helper ran the command again."))
}

/// GitHub retired the cache service's v1 API; a client that still calls it
/// (an old buildx or BuildKit with `type=gha`, sccache, @actions/cache before
/// 4.2) gets this answer. BuildKit goes on after a cache import it could not
/// make (`#{n} importing cache manifest from gha:…`, then `#{n} ERROR: …`): that
/// attempt is weak, the export's error fails the build.
///
/// The sentence is read only where a client reports it, case and all: after
/// an error prefix (buildx's `ERROR: failed to solve: …`, BuildKit's `#{n}
/// ERROR: …` with or without its elapsed seconds, Go's and Rust's `error: …`),
/// after @actions/cache's `Failed to save: ` / `Failed to restore: ` (its
/// `cache.ts` warns with the error's message, which may wrap the service's
/// answer: `Unable to reserve cache with key {key}, another job may be
/// creating this cache. More details: {answer}`), each time right after a
/// `: `, or as the whole text of the runner's `##[error]`. A script quoting
/// the sentence (an `echo`, a changelog) is no client's report.
fn cache_service_v1_retired(line: &Line<'_>) -> Option<Hit> {
    const SENTENCE: &str = "This legacy service is shutting down, effective";
    let text = line.text.trim();
    let reported = regex!(r"^(?:#\d+ (?:\d+\.\d+ )?)?(?:ERROR|Error|error|Failed to (?:save|restore)): ")
        .find(text)
        .is_some_and(|prefix| {
            let rest = &text[prefix.end()..];
            rest.starts_with(SENTENCE) || rest.contains(&format!(": {SENTENCE}"))
        })
        || (line.kind == LineKind::Error && (text.starts_with(SENTENCE) || text.contains(&format!(": {SENTENCE}"))));
    if !reported {
        return None;
    }
    let hit = Hit::blocker(
        "The tool calls GitHub's retired cache service API v1 (shut down on April 15, 2025): upgrade it (buildx \
         0.21 / BuildKit 0.20, sccache 0.10, actions/cache v4.2) or stop using its GitHub Actions cache.",
    );
    let import = regex!(r"^#(\d+) ERROR: ")
        .captures(line.text.trim_start())
        .is_some_and(|c| {
            let step = format!("#{} importing cache manifest from ", &c[1]);
            line.recent.iter().any(|l| l.trim_start().starts_with(&step))
        });
    Some(if import { hit.weak() } else { hit })
}

fn retry_action_attempt(line: &Line<'_>) -> Option<Hit> {
    regex!(r"^Attempt \d+ failed\. Reason: (?:Child_process exited with error code \d+|Timeout of \d+ms hit)\s*$")
        .is_match(line.text.trim_start())
        .then(|| Hit::notice("A retry action ran the command again."))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_retry_helper_s_notice_and_the_retired_cache_service() {
        use crate::classify::hit::Strength;
        crate::classify::catalogue::assert_reads(
            toolkit_retry,
            &["Waiting 11 seconds before trying again"],
            &["Waiting for the server before trying again later"],
        );
        let refusal = "This legacy service is shutting down, effective April 15, 2025. Migrate to the new service \
                       ASAP. For more information: https://gh.io/gha-cache-sunset";
        let export = format!("#10 ERROR: {refusal}");
        let hit = cache_service_v1_retired(&Line::plain(&export)).expect("read");
        assert_eq!((hit.category, hit.strength), (Category::Unknown, Strength::Blocker));
        // BuildKit goes on after a cache import it could not make.
        let recent = ["#4 importing cache manifest from gha:5302847719385617734"];
        let import = format!("#4 ERROR: {refusal}");
        let line = Line {
            recent: &recent,
            ..Line::plain(&import)
        };
        assert_eq!(cache_service_v1_retired(&line).expect("read").strength, Strength::Weak);
    }

    #[test]
    fn the_retired_cache_service_is_read_only_where_a_client_reports_it() {
        let refusal = "This legacy service is shutting down, effective April 15, 2025. Migrate to the new service \
                       ASAP. For more information: https://gh.io/gha-cache-sunset";
        let read = [
            // buildx and BuildKit's plain progress.
            format!("ERROR: failed to solve: {refusal}"),
            format!("#12 ERROR: {refusal}"),
            format!("#12 0.514 ERROR: {refusal}"),
            // @actions/cache: `Failed to save: {message}` / `Failed to restore: {message}`,
            // the message possibly a reserve error carrying the service's answer.
            format!("Failed to restore: getCacheEntry failed: {refusal}"),
            format!(
                "Failed to save: Unable to reserve cache with key Linux-cargo-3f2a, another job may be creating \
                 this cache. More details: {refusal}"
            ),
        ];
        let ignored = [
            // A script quoting the sentence, in any case, is no client's report.
            refusal.to_string(),
            refusal.to_lowercase(),
            format!("note: {refusal}"),
            format!("ERROR: failed to solve: {}", refusal.to_uppercase()),
            "The docs say: this legacy service is shutting down".to_string(),
        ];
        let read: Vec<&str> = read.iter().map(String::as_str).collect();
        let ignored: Vec<&str> = ignored.iter().map(String::as_str).collect();
        crate::classify::catalogue::assert_reads(cache_service_v1_retired, &read, &ignored);
        // The runner's own error line carries the message after its marker.
        let marked = Line {
            kind: LineKind::Error,
            ..Line::plain(refusal)
        };
        assert!(cache_service_v1_retired(&marked).is_some());
    }

    #[test]
    fn reads_checkout_s_missing_ref_only_as_its_whole_message() {
        let hit = checkout_ref_not_found(&Line::plain(
            "A branch or tag with the name 'feature/x' could not be found",
        ))
        .expect("the checkout's message");
        assert_eq!(hit.category, Category::Unknown);
        assert!(hit.message.contains("`feature/x`"), "{}", hit.message);
        assert!(
            checkout_ref_not_found(&Line::plain(
                "Error: A branch or tag with the name '25/merge' could not be found"
            ))
            .is_some()
        );
        // A script quoting the message is not the checkout's report.
        assert!(
            checkout_ref_not_found(&Line::plain(
                "echo \"A branch or tag with the name 'x' could not be found\" >> notes.md"
            ))
            .is_none()
        );
    }

    #[test]
    fn reads_softprops_release_refusal_and_its_retry_notice() {
        crate::classify::catalogue::assert_reads(
            gh_release_failed,
            &[
                "⚠️ GitHub release failed with status: 403",
                "⚠️ GitHub release failed with status: undefined",
            ],
            &[
                "echo GitHub release failed with status: 403 earlier",
                "Release failed with status 403",
            ],
        );
        crate::classify::catalogue::assert_reads(
            gh_release_retrying,
            &["retrying... (2 retries remaining)", "retrying... (1 retries remaining)"],
            &[
                "retrying... (2 retries remaining) after 403",
                "Retrying in 2 seconds",
                // After the last attempt: no attempt follows.
                "retrying... (0 retries remaining)",
            ],
        );
    }

    /// review84 L2: the sentence anywhere on a line, in any case, was read as the action's
    /// error (a test's assert, an echo); only the action's own line is.
    #[test]
    fn an_unresolved_cache_path_is_read_only_from_the_actions_own_line() {
        let own = "Some specified paths were not resolved, unable to cache dependencies.";
        crate::classify::catalogue::assert_reads(
            cache_dependency_path_unresolved,
            &[
                own,
                "Error: Some specified paths were not resolved, unable to cache dependencies.",
            ],
            &[
                "some specified paths were not resolved, unable to cache dependencies.",
                "assert 'Some specified paths were not resolved' in out",
                "echo \"Some specified paths were not resolved, unable to cache dependencies.\"",
                "AssertionError: Some specified paths were not resolved, unable to cache dependencies.",
            ],
        );
    }

    #[test]
    fn an_unresolved_cache_path_is_the_input_the_header_echoes() {
        let text = "Some specified paths were not resolved, unable to cache dependencies.";
        let read = |script: &str| {
            let hit = cache_dependency_path_unresolved(&Line {
                script,
                ..Line::plain(text)
            })
            .expect("read");
            (hit.category, hit.subject, hit.fixable)
        };
        let one = "with:\n  go-version-file: worker/go.mod\n  cache-dependency-path: worker/go.sum\n  cache: true\n";
        assert_eq!(
            read(one),
            (Category::FileNotFound, Some("worker/go.sum".to_string()), true)
        );
        let last =
            "with:\n  node-version: 22\n  cache: npm\n  cache-dependency-path: web/package-lock.json\nenv:\n  CI: 1\n";
        assert_eq!(read(last).1.as_deref(), Some("web/package-lock.json"));
        // A list goes on at the margin: no one path; no header: no path.
        let list = "with:\n  cache-dependency-path: a/go.sum\nb/go.sum\n  cache: true\n";
        // A `run:` step's script holding such lines is no `uses:` step's inputs.
        let run = "cat <<EOF\nwith:\n  cache-dependency-path: web/package-lock.json\nEOF\n";
        for script in [list, "", "go test ./...\n", run] {
            assert_eq!(read(script), (Category::Unknown, None, false), "{script:?}");
        }
        // Another input's value is not read as this one.
        let other = "with:\n  go-version-file: worker/go.mod\n";
        assert_eq!(read(other).0, Category::Unknown);
    }

    #[test]
    fn an_arm64_build_line_tells_no_release_from_the_architecture() {
        // Past the vendor's first ARM64 build on that platform: no release.
        for text in [
            "Unable to find Go version '1.27' for platform linux and architecture arm64.",
            "Unable to find Go version '1.17.1' for platform windows and architecture arm64.",
            "Unable to find Node version '16' for platform darwin and architecture arm64.",
            "Unable to find Node version '22.99.0' for platform linux and architecture arm64.",
        ] {
            assert!(built_for_arm64(text), "{text}");
        }
        // Older than every ARM64 build, a range or alias, another tool, x64.
        for text in [
            "Unable to find Go version '1.16.15' for platform windows and architecture arm64.",
            "Unable to find Go version '1.4.3' for platform linux and architecture arm64.",
            "Unable to find Node version '14.21.3' for platform darwin and architecture arm64.",
            "Unable to find Node version '18' for platform win32 and architecture arm64.",
            "Unable to find Node version '>=22' for platform linux and architecture arm64.",
            "Unable to find Node version 'lts/*' for platform darwin and architecture arm64.",
            "Unable to find Node version '24.99.0' for platform linux and architecture x64.",
        ] {
            assert!(!built_for_arm64(text), "{text}");
        }
    }

    /// A Python line with no build for an Ubuntu release at all is the OS's,
    /// not the ARM64 runner's, and the answer names the first patch that is
    /// built; a newer version or another OS stays with the architecture.
    #[test]
    fn a_python_too_old_for_the_ubuntu_release_is_not_the_architecture() {
        for (text, first) in [
            (
                "The version '3.7' with architecture 'arm64' was not found for Ubuntu 24.04.",
                "Python 3.8 or newer",
            ),
            (
                "The version '3.7.17' with architecture 'arm64' was not found for Ubuntu 24.04.",
                "Python 3.8 or newer",
            ),
            (
                "The version '3.8.11' with architecture 'arm64' was not found for Ubuntu 24.04.",
                "is 3.8.12",
            ),
            // 3.9.0-3.9.11 have no 24.04 build (the manifest's 3.9.12 is the first).
            (
                "The version '3.9.5' with architecture 'arm64' was not found for Ubuntu 24.04.",
                "is 3.9.12",
            ),
            (
                "The version '3.9.0' with architecture 'x64' was not found for Ubuntu 24.04.",
                "is 3.9.12",
            ),
            (
                "The version '3.9.11' with architecture 'arm64' was not found for Ubuntu 24.04.",
                "is 3.9.12",
            ),
            (
                "The version '3.10.3' with architecture 'arm64' was not found for Ubuntu 24.04.",
                "is 3.10.4",
            ),
        ] {
            let why = python_not_built_for_os(text).unwrap_or_else(|| panic!("{text}"));
            assert!(
                why.contains(first) && why.contains("not for its architecture"),
                "{text}: {why}"
            );
        }
        let hit = tool_version_for_architecture(&Line::plain(
            "##[error]The version '3.9.5' with architecture 'arm64' was not found for Ubuntu 24.04.",
        ))
        .unwrap();
        assert_eq!(hit.category, Category::Unknown, "{}", hit.message);
        assert!(
            hit.message
                .contains("ask for 3.9 (its newest patch) or 3.9.12 or later"),
            "{}",
            hit.message
        );
        for text in [
            // The manifest has 3.8.12-3.8.18 for 24.04 on arm64 and x64
            // (review86 M1), and `3.8` resolves to the newest.
            "The version '3.8' with architecture 'arm64' was not found for Ubuntu 24.04.",
            "The version '3.8.12' with architecture 'arm64' was not found for Ubuntu 24.04.",
            "The version '3.9' with architecture 'arm64' was not found for Ubuntu 24.04.",
            "The version '3.9.12' with architecture 'arm64' was not found for Ubuntu 24.04.",
            "The version '3.10.4' with architecture 'arm64' was not found for Ubuntu 24.04.",
            // Not read below 3.11.3: stays with the architecture.
            "The version '3.11.0' with architecture 'arm64' was not found for Ubuntu 24.04.",
            "The version '3.8' with architecture 'arm64' was not found for Ubuntu 22.04.",
            "The version '3.7' with architecture 'arm64' was not found for macOS 14.5.",
            "The version '>=3.8' with architecture 'arm64' was not found for Ubuntu 24.04.",
        ] {
            assert_eq!(python_not_built_for_os(text), None, "{text}");
        }
    }

    /// A report a step of the run writes (a coverage report, a SARIF file)
    /// named by an action's missing-path error did not move: not fixable,
    /// whichever action names it; a source path stays fixable.
    #[test]
    fn a_missing_report_of_the_run_is_not_fixable() {
        let error = |text| Line {
            kind: LineKind::Error,
            ..Line::plain(text)
        };
        let hit = path_does_not_exist(&error("Path does not exist: coverage/lcov.info")).expect("read");
        assert_eq!(
            (hit.category, hit.subject.as_deref(), hit.fixable),
            (Category::FileNotFound, Some("coverage/lcov.info"), false)
        );
        assert!(hit.message.contains("coverage report"), "{}", hit.message);
        let hit = path_does_not_exist(&error("File not found: ./reports/coverage.xml")).expect("read");
        assert!(!hit.fixable, "{}", hit.message);
        let hit = path_does_not_exist(&error("Path does not exist: config/settings.yml")).expect("read");
        assert!(hit.fixable, "{}", hit.message);
    }
}
