//! The catalogue: what each tool prints when a job fails, one module per
//! emitter (the program that writes the message). Each [`Entry`] states the
//! message grammar as the tool prints it (and where that is documented or
//! written in the tool's source), the literal needles that must appear for it
//! to apply, how it turns a line into a [`Hit`] (category, subject, whether a
//! fix may be made), and fixture lines this project wrote in the tool's format.
//!
//! # Priority between entries
//!
//! A line is offered to the entries whose needles it contains, in the order
//! of [`EMITTERS`] and, within an emitter, in the order of its `ENTRIES`; the
//! first entry that returns a hit decides the line. The order follows one rule:
//! **the program that decided the outcome speaks first**.
//!
//! 1. `runner`: the GitHub Actions runner's own annotations (time limit,
//!    invalid workflow, lost runner, cancel). They describe the job, whatever
//!    the job printed before.
//! 2. `github_api`, `docker`: service answers (rate limits, registry errors)
//!    that other tools only relay (`buildx failed with: … 429 …`);
//!    `testcontainers`, whose "no Docker environment" report lists the socket
//!    paths it tried (not files of the workflow).
//! 3. `clojure` (clojure.test, Leiningen), `julia` (Pkg, Test), `zig` (with its build runner's failed test), `nim` (the compiler's `Error:`, ahead of nimble's), `ocaml` (opam), `perl` (perl, cpanm), `lua` (LuaRocks), `latex` (TeX's `! LaTeX Error:`), `mkdocs` (its strict-mode abort),
//!    `pre_commit` (a failed hook, ahead of the linter output under it): whose
//!    messages are anchored to their own wording, ahead of the generic test and build summaries below
//!    (`{n} failed`, `compilation errors`) that other tools print too; `huggingface` (the Hub's gated, uncached
//!    and refused requests, ahead of `http`'s status lines), `jupyter` (nbclient's cell errors and per-cell
//!    limit), `papermill`, `hypothesis`, `xdist` (a dead pytest-xdist worker), `cython`, `pdm` (`pdm run`), `nextest` (its summary decides;
//!    its `{n} failed` counts read like pytest's), ahead
//!    of pytest's summaries in `python`; `pypi_publish` (pypa/gh-action-pypi-publish's refused trusted-publishing exchange, its reason line), `nbval` (its failed cell's heading), `pytest_benchmark` (its regression list, ahead of pytest's `ERROR:` repeat), `conda_lock` (the platform it could not lock, ahead of the solver's lines), `python`, `python_lint` (ruff, flake8, mypy), `pyright`, `sqlfluff` (their first error or violation, ahead of their counts), `tox`, `yarn_pnp` (Yarn's Plug'n'Play resolver), `npm_publish` (the registry's refusal of `npm publish`, its status line under the `code E{status}` heading), `node`, `vite` (its Rollup build's unresolved import), `esbuild`, `webpack` (their unresolved imports, webpack's only under an error's heading), `nextjs` (its type check's error), `central_portal` (the Sonatype Central Portal's failed deployment, ahead of Maven's goal failure that repeats it), `gradle_actions` (setup-gradle's wrapper validation), `gradle` (Gradle's configuration cache problems, a task input that does not exist, a daemon that died), `checkstyle`, `ktlint`, `android_lint` (their first finding, ahead of the build tool's failure that repeats it), `r8` (its missing classes), `sbt` (its parser's unknown command), `scala` (the Scala 3 and 2 compilers' first error, ahead of sbt's `Compilation failed`), `jvm`, `kustomize` (a resource its kustomization lists, ahead of `go`'s `lstat` reading of the same path), `go`, `golangci_lint` (its configuration refusals and failed runs; a missing config file stays `go`'s path error), `govulncheck` (its first finding), `gotestsum` (its `=== FAIL:` line), `miri` (its interpreter's error), `cargo_publish` (`cargo publish`'s token, dirty-tree and version checks), `cargo`, `protoc` (a code generator plugin it could not start), `rustfmt` (its check mode's first hunk), `cargo_machete` (its unused dependencies, never missing ones), `wasm_pack` (a crate directory without a manifest, its wasm-bindgen trailer), `wasm_bindgen` (its schema version refusal), `zizmor` (its findings, where zizmor ran), `cargo_audit` (its first finding), `cargo_deny` (its bans check, ahead of `deno lint`'s same `error[{rule}]:` shape), `rustup`, `jekyll` (its renderer's `Liquid Exception:`, ahead of Ruby's report of the same error), `ruby` (Bundler, Ruby, RSpec's and Minitest's summaries), `rubocop` (its missing `--config` file, its
//!    offense summary), `rails` (its credentials' key), `php` (with the engine's own memory and time limits), `laravel`
//!    (its missing application key), `phpstan`, `php_cs_fixer` (their closing summaries), `r`, `dotnet`, `pester`, `kubernetes`, `skaffold` (its status check's failed resource), `argocd` (`argocd app wait`'s own limit, a Degraded application),
//!    `terraform`, `tflint`, `terragrunt` (a module's error), `kubeconform` (an invalid resource), `cocoapods`, `dart`, `swift` (SwiftPM, XCTest), `eunit` (rebar3's EUnit failures, ahead of ExUnit's summary
//!    that reads alike), `elixir` (Mix, ExUnit), `credo` (its first issue), `hex` (Hex's failed package download), `hlint` (its first hint), `haskell` (cabal, GHC, Stack), `bazel`, `conan`, `deno`,
//!    `nix`, `helm`, `chart_testing` (a chart `ct` failed), `cdk` (the CDK's first failed CloudFormation event, ahead of its closing `❌` line), `aws` (the CLI, SDKs and configure-aws-credentials), `aws_sam` (the SAM CLI's missing template),
//!    `gcloud`, `azure` (az and Entra ID sign-in), `playwright`, `cypress`,
//!    `fastlane` (its actions' errors, the closing `[!]` repeat, its own `-showBuildSettings` limit), `xcodebuild` (the archive export), `expo` (EAS CLI's account check), `tauri` (its bundler), `electron_builder` (a resource its configuration names), `android` (sdkmanager, the emulator, the Android Gradle plugin's checks), `apple` (notarytool, hdiutil, codesign's unusable key),
//!    `signtool` (SignTool's refusals), `wix` (the WiX Toolset's errors, a source file it did not find), `inno_setup`
//!    (ISCC's compile errors), `vcpkg` (its baseline refusals, ahead of CMake's `vcpkg install failed.` heading),
//!    `packages` (apt, apk, dnf/dnf5/yum, zypper, brew, choco, winget), `chocolatey` (an installer's exit code, its own
//!    execution timeout, its counts), `git`, `ssh` (OpenSSH's host key checks),
//!    `netlify` (the Netlify CLI's deploy folder), `firebase` (the Firebase CLI's project root), `flutter_action` (its release-manifest lookup), `snyk` (its test summary), `goreleaser` (its failed run's error), `semantic_release`, `changesets` (a refused publish), `sphinx` (the warning `-W` stopped on), `lychee` (a failed link), `hadolint`, `markdownlint`, `codespell`, `typos`, `commitlint`, `actionlint`, `stylelint`, `biome`, `size_limit`, `pa11y` (their findings; stylelint's and ESLint's pattern that matched no file), `docusaurus` (its broken links, a plugin, theme or preset it cannot resolve), `gatsby` (a GraphQL query's reason), `angular` (a target's builder package), `dune` (a library not found), `cuda` (nvcc's refusal), `zephyr` (a board it does not know, a Kconfig warning its build aborts on), `platformio` (a package its registry has no build of for the machine; `pio test`'s bars), `unity` (a failed case), `godot` (a missing export template), `scalatest` (a failed test), `asdf` (a shim with no installed version), `trivy` (its scan's total), `codeql` (the CLI's nothing-extracted message, upload-sarif's missing SARIF path, ahead of `actions`' generic path message), `semgrep` and `dependency_review` (their first finding),
//!    `prisma` (its CLI's `--schema` lookup), `liquibase` (a changelog not on its search path), `psql` (a file its `-f` reads or its `-o` writes), `alembic` (its closing `FAILED:`), `activerecord` (Rails' pending migrations, a missing database), `dbt` (a node's error, its `Completed with` heading, a missing profile), `selenium` (a driver for another browser version), `puppeteer` (its browser not installed, its launch heading), `chromium` (Chrome's fatal sandbox lines), `karma` (a browser with no binary), `wait_for_it` (its own wait limit), `ansible`
//!    (`ansible-playbook`'s missing playbook, a task's `fatal:` result), `packer` (its plugin getter's GitHub limit, a builder's own SSH wait),
//!    `pulumi` (a stack's update conflict), `supabase` (its missing access token), `serverless` (the Serverless
//!    Framework's plugin not found), `oclif` (the Heroku CLI's and other
//!    oclif tools' ` ›   Error:`),
//!    `actions` (messages of common actions and the actions toolkit), `pages` (upload-pages-artifact's archive of a
//!    missing site directory, ahead of `shell`'s tar; deploy-pages' refusals and its own wait limit), `codecov` (codecov-cli's error lines), `coveralls` (its coverage reporter), `setup_versions` (setup-java's and
//!    setup-ruby's version lists), `sanitizers` (ASan, LSan, MSan, TSan and UBSan reports, at their heads) and
//!    `valgrind` (Memcheck's errors, at their heads; ahead of `build_tools`, whose compiler diagnostics
//!    share UBSan's `{file}:{line}:{col}:` form): the tool
//!    that failed, which knows more than the shell around it (`npm ERR! enoent …` before a
//!    generic "no such file", a TypeScript `Cannot find module` before Node's).
//! 4. `msvc` (Microsoft's linker, `error LNK{nnnn}`), `build_tools`: C/C++ compilers, linkers, the dynamic loader, make, CMake and doxygen; a compiler's `fatal error: x.h: No
//!    such file or directory` must not reach the shell's file entries.
//! 5. `shell`: bash, dash, sh, zsh, busybox, PowerShell, cmd: "command not
//!    found" and "No such file or directory" forms.
//! 6. `http`: a bare HTTP 429 whose service is named only by a URL's host.
//! 7. `system`: the operating system and network (out of memory, disk full,
//!    permission denied, DNS, refused connections): the last word, because
//!    those strings also appear inside the messages above.
//!    `node_crash`: Node's report of an uncaught exception, whose message
//!    line may hold any of the messages above (a 429 a client threw);
//!    `docker_daemon`: the Docker CLI's `Error response from daemon:
//!    {message}` that nothing above read (the daemon relays registries', runc's
//!    and Go's messages, which belong to their entries).
//!
//! 8. `gradle`: a `> {cause}` line of Gradle's `* What went wrong:`
//!    report that nothing above read (Gradle relays other tools' messages
//!    there, which belong to those tools); of a chain of such lines the
//!    innermost cause is reported (`super::rank`).
//! 9. `maven`: Maven's `[ERROR] Failed to execute goal … on project {p}:
//!    {message}` that nothing above read, a heading (a cause near it wins).
//!
//! Across lines and jobs, the findings are ranked and consequences of earlier
//! failures are marked in `super::rank` (documented there).

mod actionlint;
mod actions;
mod activerecord;
mod alembic;
mod android;
mod android_lint;
mod angular;
mod ansible;
mod apple;
mod argocd;
mod asdf;
mod aws;
mod aws_sam;
mod azure;
mod bazel;
mod biome;
mod build_tools;
mod cargo;
mod cargo_audit;
mod cargo_deny;
mod cargo_machete;
mod cargo_publish;
mod cdk;
mod central_portal;
mod changesets;
mod chart_testing;
mod checkstyle;
mod chocolatey;
mod chromium;
mod clojure;
mod cmake_system;
mod cocoapods;
mod codecov;
mod codeql;
mod codespell;
mod commitlint;
mod conan;
mod conda_lock;
mod coveralls;
mod credo;
mod cuda;
mod cypress;
mod cython;
mod dart;
mod dbt;
mod deno;
mod dependency_review;
mod docker;
mod docusaurus;
mod dotnet;
mod dune;
mod electron_builder;
mod elixir;
mod esbuild;
mod eunit;
mod expo;
mod fastlane;
mod firebase;
mod flutter_action;
mod gatsby;
mod gcloud;
mod git;
mod github_api;
mod go;
mod godot;
mod golangci_lint;
mod goreleaser;
mod gotestsum;
mod govulncheck;
mod gradle;
mod gradle_actions;
mod hadolint;
mod haskell;
mod helm;
mod hex;
mod hlint;
mod http;
mod huggingface;
mod hypothesis;
mod inno_setup;
mod jekyll;
mod julia;
mod jupyter;
mod jvm;
mod karma;
mod ktlint;
mod kubeconform;
mod kubernetes;
mod kustomize;
mod laravel;
mod latex;
mod liquibase;
mod lua;
mod lychee;
mod markdownlint;
mod miri;
mod mkdocs;
mod msvc;
mod nbval;
mod netlify;
mod nextest;
mod nextjs;
mod nim;
mod nix;
mod node;
mod npm_publish;
mod ocaml;
mod oclif;
mod pa11y;
mod packages;
mod packer;
mod pages;
mod papermill;
mod pdm;
mod perl;
mod pester;
mod php;
mod php_cs_fixer;
mod phpstan;
mod pip_build;
mod pkg_m4;
mod platformio;
mod playwright;
mod pre_commit;
mod prisma;
mod protoc;
mod psql;
mod pulumi;
mod puppeteer;
mod pypi_publish;
mod pyright;
mod pytest_benchmark;
mod python;
mod python_lint;
mod r;
mod r8;
mod rails;
mod rubocop;
mod ruby;
mod runner;
mod rustfmt;
mod rustup;
mod sanitizers;
mod sbt;
mod scala;
mod scalatest;
mod selenium;
mod semantic_release;
mod semgrep;
mod serverless;
mod setup_versions;
mod shell;
mod signtool;
mod size_limit;
mod skaffold;
mod snyk;
mod sphinx;
mod sqlfluff;
mod ssh;
mod stylelint;
mod supabase;
mod swift;
mod system;
mod tauri;
mod terraform;
mod terragrunt;
mod testcontainers;
mod tflint;
mod tox;
mod trivy;
mod typos;
mod unity;
pub(crate) mod util;
mod valgrind;
mod vcpkg;
mod vite;
mod wait_for_it;
mod wasm_bindgen;
mod wasm_pack;
mod webpack;
mod wix;
mod xcodebuild;
mod xdist;
mod yarn_pnp;
mod zephyr;
mod zig;
mod zizmor;

pub(crate) use actions::{GH_RELEASE_RETRY, RETRY_ACTION_ATTEMPT, TOOLKIT_RETRY};
pub(crate) use build_tools::make_ignored;
pub(crate) use cmake_system::{CmakeSystem, TOOLCHAIN_FILE_MISSING, TOOLCHAIN_TEXT, wrapped_toolchain_path};
#[cfg(test)]
pub(crate) use docker::PULL_SUCCEEDED;
pub(crate) use dotnet::NUGET_RETRY;
pub(crate) use fastlane::{REPEAT as FASTLANE_REPEAT, record as fastlane_record, repeated as fastlane_repeated};
pub(crate) use git::SUBMODULE_RETRY;
pub use github_api::SECONDARY_LIMIT_REFUSALS;
pub(crate) use go::missing_program as go_missing_program;
pub(crate) use gradle::{DAEMON_GONE as GRADLE_DAEMON_GONE, build_succeeded as gradle_build_succeeded};
pub(crate) use http::CURL_RETRY;
pub(crate) use jvm::{GRADLE_CAUSE, gradle_cause_depth};
pub use pip_build::{BuildFrontend, PipBuild};
pub(crate) use pkg_m4::PkgConfigProbe;
pub(crate) use sanitizers::is_report_head as is_sanitizer_report_head;
pub(crate) use unity::is_failed_case as is_unity_failed_case;
pub(crate) use zephyr::is_fatal_kconfig_warning;

#[cfg(test)]
pub(crate) use node::NPM_INSTALL_SUCCEEDED;
pub(crate) use node::relay_prefix;
pub(crate) use node::{MODULE_NOT_FOUND, required_by as node_required_by};
pub(crate) use ruby::installed_gem;
pub(crate) use runner::{BARE_CANCEL, CONTAINER_PULL_RETRY, HostedImage, PROCESS_EXIT_CODE, hosted_image};
pub(crate) use sphinx::TREATED_AS_ERROR as SPHINX_TREATED_AS_ERROR;

/// Whether a line is a record a summary counts.
pub(crate) type CountsRecord = fn(&str) -> bool;

/// Whether a line is the tool's start in a step, after which its records
/// are counted (`None`: the records are the tool's own from the step's start).
pub(crate) type StartsCounting = Option<fn(&str) -> bool>;

/// Summaries that end a build because of records the tool logged before
/// them, each with the test for those records: the scanner pins the
/// summary's finding to the step's first such record (`classify/mod.rs`).
/// MkDocs' strict abort counts its `WARNING -` records (`mkdocs.rs`); Sphinx
/// 8.1's `-W` summary its `WARNING:` records after its `Running Sphinx v…`
/// banner (`sphinx.rs`: pip's own `WARNING: …` in the same step is not one).
/// RuboCop's offense summary counts its offense lines after `Inspecting {n}
/// files` (`rubocop.rs`), PHPStan's ` [ERROR] Found {n} errors` its error rows
/// after a table's `Line` header (`phpstan.rs`), PHP-CS-Fixer's dry-run
/// summary the files it lists after its banner (`php_cs_fixer.rs`).
/// Checkstyle's failure summaries (Maven's `You have {n} Checkstyle
/// violation[s].`, Gradle's `Checkstyle rule violations were found.`) its
/// error-level violation lines (`checkstyle.rs`); Gradle's `Configuration
/// cache problems found in this build.` the
/// problems its report lists after its count heading (`gradle.rs`).
/// A tool's mark on the findings that fail the run (its entry) and the
/// entry of the tool's findings: once a step printed the mark, its findings
/// without one are weak (`classify/mod.rs`). semgrep's `❰❰ Blocking ❱❱`
/// under a blocking finding's rule id (`semgrep.rs`).
pub(crate) const MARKED_FINDINGS: &[(&str, &str)] = &[(semgrep::BLOCKING, semgrep::FINDING)];

pub(crate) const COUNTED_SUMMARIES: &[(&str, StartsCounting, CountsRecord)] = &[
    (mkdocs::STRICT_ABORT, None, mkdocs::counted_record),
    (
        sphinx::WARNINGS_AS_ERRORS,
        Some(sphinx::started),
        sphinx::counted_record,
    ),
    (rubocop::OFFENSES, Some(rubocop::started), rubocop::counted_record),
    (phpstan::FOUND, Some(phpstan::started), phpstan::counted_record),
    (
        php_cs_fixer::FOUND,
        Some(php_cs_fixer::started),
        php_cs_fixer::counted_record,
    ),
    (checkstyle::VIOLATIONS_FOUND, None, checkstyle::counted_record),
    (
        gradle::CONFIGURATION_CACHE_FAILED,
        Some(gradle::configuration_cache_report_started),
        gradle::configuration_cache_problem_record,
    ),
];

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder};

use super::hit::{Hit, Line};
use crate::report::Category;

/// One message of one tool.
pub struct Entry {
    /// `emitter/message`, stable (shown in `--format json`'s message? no: in
    /// tests and docs).
    pub id: &'static str,
    /// The message as the tool prints it, `{placeholders}` for the variable
    /// parts.
    pub grammar: &'static str,
    /// Literal substrings (matched ASCII case-insensitively); a line reaches
    /// `check` only when it contains one of them.
    pub needles: &'static [&'static str],
    /// Turns a line into a hit, or declines (the needle alone is not enough).
    pub check: fn(&Line<'_>) -> Option<Hit>,
    /// Lines in the tool's format, written for this project, and what they
    /// must give on their own.
    pub examples: &'static [Example],
}

/// A fixture line and the category and subject it must give.
pub struct Example {
    pub line: &'static str,
    pub category: Category,
    pub subject: Option<&'static str>,
    /// The lines printed just before it, for an entry that reads a line only
    /// in its report's context (empty for most).
    pub before: &'static [&'static str],
}

/// Shorthand for [`Example`] in the emitter modules.
pub const fn ex(line: &'static str, category: Category, subject: Option<&'static str>) -> Example {
    Example {
        line,
        category,
        subject,
        before: &[],
    }
}

/// An [`Example`] that follows the lines `before` (an entry that needs its
/// report's context).
pub const fn ex_after(
    before: &'static [&'static str],
    line: &'static str,
    category: Category,
    subject: Option<&'static str>,
) -> Example {
    Example {
        line,
        category,
        subject,
        before,
    }
}

/// The emitters, in priority order (see the module documentation).
/// Test helper: `check` reads every line of `reads` and none of `ignores`.
#[cfg(test)]
pub(crate) fn assert_reads(check: fn(&Line<'_>) -> Option<Hit>, reads: &[&str], ignores: &[&str]) {
    for text in reads {
        assert!(check(&Line::plain(text)).is_some(), "not read: {text}");
    }
    for text in ignores {
        assert!(check(&Line::plain(text)).is_none(), "read: {text}");
    }
}

/// Test helper: `check` reads each line as a `missing_dependency` of the
/// npm package it names (`Some`), never fixable as the project's manifest
/// is the fix, or as `unknown` when the line names no package (`None`).
#[cfg(test)]
pub(crate) fn assert_manifest_dependency(check: fn(&Line<'_>) -> Option<Hit>, cases: &[(&str, Option<&str>)]) {
    for &(text, want) in cases {
        let hit = check(&Line::plain(text)).expect(text);
        assert_eq!(hit.subject.as_deref(), want, "{text}");
        assert!(!hit.fixable, "{text}");
        let category = if want.is_some() {
            crate::report::Category::MissingDependency
        } else {
            crate::report::Category::Unknown
        };
        assert_eq!(hit.category, category, "{text}");
    }
}

/// A tool's success line (by entry id) and the services whose rate limits it
/// shows the tool got past, when it comes later in the same step (`rank.rs`).
pub type FetchSuccess = (&'static str, &'static [crate::report::RateLimitService]);

/// Every emitter's success lines, each declared beside its entry.
const FETCH_SUCCESSES: &[&[FetchSuccess]] = &[
    docker::FETCH_SUCCESSES,
    python::FETCH_SUCCESSES,
    node::FETCH_SUCCESSES,
    jvm::FETCH_SUCCESSES,
    go::FETCH_SUCCESSES,
    cargo::FETCH_SUCCESSES,
    packages::FETCH_SUCCESSES,
];

/// The services whose limits the success line of `entry` shows a tool got
/// past; `None` when `entry` is not a success line.
pub(crate) fn fetch_success_services(entry: &str) -> Option<&'static [crate::report::RateLimitService]> {
    FETCH_SUCCESSES
        .iter()
        .flat_map(|table| table.iter())
        .find(|(id, _)| *id == entry)
        .map(|(_, services)| *services)
}

/// The programs that print an emitter's messages (the commands a script line
/// runs them as), for the emitters whose blockers a script may tolerate: a
/// `|| true` or `set +e` tolerates a blocker only when the command it
/// tolerated is one of these (`rank::weaken_outlived_blockers`). `text` is
/// the blocker's line: where the emitter's messages come from several
/// clients, its form names the one that printed it (Octokit's dump is a node
/// script's, PyGithub's exception a python script's;
/// [`github_api::printers`]). An entry starting with `.` is a script's
/// extension (`./scripts/label.mjs || true` runs node by its shebang). An
/// emitter not listed (the machine: `system`, `runner`; a shell's own
/// messages; a wrapper or library printed by many programs) has none, so its
/// blockers are never taken as tolerated.
pub(crate) fn programs_of(emitter: &str, text: &str) -> &'static [&'static str] {
    match emitter {
        "github_api" => github_api::printers(text),
        "docker" | "docker_daemon" => &["docker", "podman", "nerdctl", "docker-compose"],
        "git" => &["git"],
        "kubernetes" => &["kubectl", "oc"],
        "helm" => &["helm"],
        "terraform" => &["terraform", "tofu"],
        "aws" => &["aws"],
        "gcloud" => &["gcloud", "gsutil"],
        "azure" => &["az"],
        "codecov" => &["codecov", "codecovcli"],
        _ => &[],
    }
}

pub const EMITTERS: &[(&str, &[Entry])] = &[
    ("runner", runner::ENTRIES),
    ("github_api", github_api::ENTRIES),
    ("docker", docker::ENTRIES),
    ("testcontainers", testcontainers::ENTRIES),
    ("clojure", clojure::ENTRIES),
    ("julia", julia::ENTRIES),
    ("zig", zig::ENTRIES),
    ("nim", nim::ENTRIES),
    ("ocaml", ocaml::ENTRIES),
    ("dune", dune::ENTRIES),
    ("cuda", cuda::ENTRIES),
    ("zephyr", zephyr::ENTRIES),
    ("platformio", platformio::ENTRIES),
    ("unity", unity::ENTRIES),
    ("godot", godot::ENTRIES),
    ("scalatest", scalatest::ENTRIES),
    ("perl", perl::ENTRIES),
    ("lua", lua::ENTRIES),
    ("latex", latex::ENTRIES),
    ("mkdocs", mkdocs::ENTRIES),
    ("pre_commit", pre_commit::ENTRIES),
    ("huggingface", huggingface::ENTRIES),
    ("jupyter", jupyter::ENTRIES),
    ("papermill", papermill::ENTRIES),
    ("hypothesis", hypothesis::ENTRIES),
    ("xdist", xdist::ENTRIES),
    ("cython", cython::ENTRIES),
    ("pdm", pdm::ENTRIES),
    ("nextest", nextest::ENTRIES),
    ("pypi_publish", pypi_publish::ENTRIES),
    ("nbval", nbval::ENTRIES),
    ("pytest_benchmark", pytest_benchmark::ENTRIES),
    ("conda_lock", conda_lock::ENTRIES),
    ("python", python::ENTRIES),
    ("python_lint", python_lint::ENTRIES),
    ("pyright", pyright::ENTRIES),
    ("sqlfluff", sqlfluff::ENTRIES),
    ("tox", tox::ENTRIES),
    ("yarn_pnp", yarn_pnp::ENTRIES),
    ("npm_publish", npm_publish::ENTRIES),
    ("node", node::ENTRIES),
    ("vite", vite::ENTRIES),
    ("esbuild", esbuild::ENTRIES),
    ("webpack", webpack::ENTRIES),
    ("nextjs", nextjs::ENTRIES),
    ("central_portal", central_portal::ENTRIES),
    ("gradle_actions", gradle_actions::ENTRIES),
    ("gradle", gradle::ENTRIES),
    ("checkstyle", checkstyle::ENTRIES),
    ("ktlint", ktlint::ENTRIES),
    ("android_lint", android_lint::ENTRIES),
    ("r8", r8::ENTRIES),
    ("sbt", sbt::ENTRIES),
    ("scala", scala::ENTRIES),
    ("jvm", jvm::ENTRIES),
    ("kustomize", kustomize::ENTRIES),
    ("go", go::ENTRIES),
    ("golangci_lint", golangci_lint::ENTRIES),
    ("govulncheck", govulncheck::ENTRIES),
    ("gotestsum", gotestsum::ENTRIES),
    ("miri", miri::ENTRIES),
    ("cargo_publish", cargo_publish::ENTRIES),
    ("cargo", cargo::ENTRIES),
    ("protoc", protoc::ENTRIES),
    ("rustfmt", rustfmt::ENTRIES),
    ("cargo_machete", cargo_machete::ENTRIES),
    ("wasm_pack", wasm_pack::ENTRIES),
    ("wasm_bindgen", wasm_bindgen::ENTRIES),
    ("zizmor", zizmor::ENTRIES),
    ("cargo_audit", cargo_audit::ENTRIES),
    ("cargo_deny", cargo_deny::ENTRIES),
    ("rustup", rustup::ENTRIES),
    ("jekyll", jekyll::ENTRIES),
    ("ruby", ruby::ENTRIES),
    ("rubocop", rubocop::ENTRIES),
    ("rails", rails::ENTRIES),
    ("php", php::ENTRIES),
    ("laravel", laravel::ENTRIES),
    ("phpstan", phpstan::ENTRIES),
    ("php_cs_fixer", php_cs_fixer::ENTRIES),
    ("r", r::ENTRIES),
    ("dotnet", dotnet::ENTRIES),
    ("pester", pester::ENTRIES),
    ("kubernetes", kubernetes::ENTRIES),
    ("skaffold", skaffold::ENTRIES),
    ("argocd", argocd::ENTRIES),
    ("terraform", terraform::ENTRIES),
    ("tflint", tflint::ENTRIES),
    ("terragrunt", terragrunt::ENTRIES),
    ("kubeconform", kubeconform::ENTRIES),
    ("cocoapods", cocoapods::ENTRIES),
    ("dart", dart::ENTRIES),
    ("swift", swift::ENTRIES),
    ("eunit", eunit::ENTRIES),
    ("elixir", elixir::ENTRIES),
    ("credo", credo::ENTRIES),
    ("hex", hex::ENTRIES),
    ("hlint", hlint::ENTRIES),
    ("haskell", haskell::ENTRIES),
    ("bazel", bazel::ENTRIES),
    ("conan", conan::ENTRIES),
    ("deno", deno::ENTRIES),
    ("nix", nix::ENTRIES),
    ("helm", helm::ENTRIES),
    ("chart_testing", chart_testing::ENTRIES),
    ("cdk", cdk::ENTRIES),
    ("aws", aws::ENTRIES),
    ("aws_sam", aws_sam::ENTRIES),
    ("gcloud", gcloud::ENTRIES),
    ("azure", azure::ENTRIES),
    ("playwright", playwright::ENTRIES),
    ("cypress", cypress::ENTRIES),
    ("fastlane", fastlane::ENTRIES),
    ("xcodebuild", xcodebuild::ENTRIES),
    ("expo", expo::ENTRIES),
    ("tauri", tauri::ENTRIES),
    ("electron_builder", electron_builder::ENTRIES),
    ("android", android::ENTRIES),
    ("apple", apple::ENTRIES),
    ("signtool", signtool::ENTRIES),
    ("wix", wix::ENTRIES),
    ("inno_setup", inno_setup::ENTRIES),
    ("vcpkg", vcpkg::ENTRIES),
    ("packages", packages::ENTRIES),
    ("chocolatey", chocolatey::ENTRIES),
    ("git", git::ENTRIES),
    ("ssh", ssh::ENTRIES),
    ("netlify", netlify::ENTRIES),
    ("firebase", firebase::ENTRIES),
    ("flutter_action", flutter_action::ENTRIES),
    ("snyk", snyk::ENTRIES),
    ("goreleaser", goreleaser::ENTRIES),
    ("semantic_release", semantic_release::ENTRIES),
    ("changesets", changesets::ENTRIES),
    ("sphinx", sphinx::ENTRIES),
    ("lychee", lychee::ENTRIES),
    ("hadolint", hadolint::ENTRIES),
    ("markdownlint", markdownlint::ENTRIES),
    ("codespell", codespell::ENTRIES),
    ("typos", typos::ENTRIES),
    ("commitlint", commitlint::ENTRIES),
    ("actionlint", actionlint::ENTRIES),
    ("stylelint", stylelint::ENTRIES),
    ("biome", biome::ENTRIES),
    ("size_limit", size_limit::ENTRIES),
    ("pa11y", pa11y::ENTRIES),
    ("docusaurus", docusaurus::ENTRIES),
    ("gatsby", gatsby::ENTRIES),
    ("angular", angular::ENTRIES),
    ("asdf", asdf::ENTRIES),
    ("trivy", trivy::ENTRIES),
    ("codeql", codeql::ENTRIES),
    ("semgrep", semgrep::ENTRIES),
    ("dependency_review", dependency_review::ENTRIES),
    ("prisma", prisma::ENTRIES),
    ("liquibase", liquibase::ENTRIES),
    ("psql", psql::ENTRIES),
    ("alembic", alembic::ENTRIES),
    ("activerecord", activerecord::ENTRIES),
    ("dbt", dbt::ENTRIES),
    ("selenium", selenium::ENTRIES),
    ("puppeteer", puppeteer::ENTRIES),
    ("chromium", chromium::ENTRIES),
    ("karma", karma::ENTRIES),
    ("wait_for_it", wait_for_it::ENTRIES),
    ("ansible", ansible::ENTRIES),
    ("packer", packer::ENTRIES),
    ("pulumi", pulumi::ENTRIES),
    ("supabase", supabase::ENTRIES),
    ("serverless", serverless::ENTRIES),
    ("oclif", oclif::ENTRIES),
    ("actions", actions::ENTRIES),
    ("pages", pages::ENTRIES),
    ("codecov", codecov::ENTRIES),
    ("coveralls", coveralls::ENTRIES),
    ("setup_versions", setup_versions::ENTRIES),
    ("sanitizers", sanitizers::ENTRIES),
    ("valgrind", valgrind::ENTRIES),
    ("msvc", msvc::ENTRIES),
    ("build_tools", build_tools::ENTRIES),
    ("shell", shell::ENTRIES),
    ("http", http::ENTRIES),
    ("system", system::ENTRIES),
    ("node_crash", node::CRASH_ENTRIES),
    ("docker_daemon", docker::DAEMON_REFUSAL_ENTRIES),
    ("gradle", jvm::GRADLE_CAUSE_ENTRIES),
    ("maven", jvm::MAVEN_GOAL_ENTRIES),
];

/// Every entry in priority order, with the prefilter built from their needles.
pub struct Catalogue {
    pub entries: Vec<&'static Entry>,
    /// Needle pattern id → index in `entries`.
    owner: Vec<usize>,
    pub prefilter: AhoCorasick,
}

impl Catalogue {
    pub fn get() -> &'static Catalogue {
        static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
        CATALOGUE.get_or_init(|| {
            let entries: Vec<&'static Entry> = EMITTERS.iter().flat_map(|(_, list)| list.iter()).collect();
            let mut needles = Vec::new();
            let mut owner = Vec::new();
            for (i, entry) in entries.iter().enumerate() {
                for needle in entry.needles {
                    needles.push(*needle);
                    owner.push(i);
                }
            }
            let prefilter = AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .build(&needles)
                .unwrap_or_else(|e| panic!("catalogue needles: {e}"));
            Catalogue {
                entries,
                owner,
                prefilter,
            }
        })
    }

    /// The derived needle list (for custom prefilters and documentation).
    pub fn needles(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.entries.iter().flat_map(|e| e.needles.iter().copied())
    }

    /// True when some entry could apply to `text`.
    pub fn is_candidate(&self, text: &str) -> bool {
        self.prefilter.is_match(text)
    }

    /// The first entry (in priority order) whose needle `line` contains and
    /// whose check accepts it.
    pub fn classify(&self, line: &Line<'_>) -> Option<Hit> {
        let mut candidates: Vec<usize> = self
            .prefilter
            .find_overlapping_iter(line.text)
            .map(|m| self.owner[m.pattern().as_usize()])
            .collect();
        if candidates.is_empty() {
            return None;
        }
        candidates.sort_unstable();
        candidates.dedup();
        candidates.into_iter().find_map(|i| {
            let entry = self.entries[i];
            (entry.check)(line).map(|mut hit| {
                hit.entry = entry.id;
                hit
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_are_well_formed() {
        let catalogue = Catalogue::get();
        let mut ids: Vec<&str> = catalogue.entries.iter().map(|e| e.id).collect();
        let n = ids.len();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), n, "entry ids must be unique");
        for (emitter, list) in EMITTERS {
            for e in *list {
                assert!(
                    e.id.starts_with(&format!("{emitter}/")),
                    "{} is not under {emitter}/",
                    e.id
                );
                assert!(!e.grammar.is_empty(), "{}: no grammar", e.id);
                assert!(!e.examples.is_empty(), "{}: no fixture", e.id);
                assert!(!e.needles.is_empty(), "{}: no needle", e.id);
                for needle in e.needles {
                    assert!(needle.len() >= 3, "{}: needle {needle:?} too short", e.id);
                }
            }
        }
    }

    /// Every fixture, given alone (parsed as a reader would, without context),
    /// passes the Aho-Corasick prefilter built from the entries' needles and is
    /// decided by its own entry with the stated category and subject: so no
    /// entry is unreachable, and the priority order is tested on real message
    /// shapes.
    #[test]
    fn every_fixture_is_reached_through_the_prefilter_and_decided_by_its_entry() {
        let catalogue = Catalogue::get();
        let mut failures = Vec::new();
        for entry in &catalogue.entries {
            for example in entry.examples {
                if !catalogue.is_candidate(example.line) {
                    failures.push(format!("{}: prefilter misses {:?}", entry.id, example.line));
                    continue;
                }
                let own_needle = entry
                    .needles
                    .iter()
                    .any(|n| example.line.to_ascii_lowercase().contains(&n.to_ascii_lowercase()));
                if !own_needle {
                    failures.push(format!("{}: none of its needles in {:?}", entry.id, example.line));
                }
                // As a reader hands it over: timestamp and marker removed.
                let parsed = crate::line::parse_line(example.line.as_bytes());
                let line = Line {
                    text: &parsed.text,
                    kind: parsed.kind,
                    recent: example.before,
                    ..Line::plain("")
                };
                match catalogue.classify(&line) {
                    None => failures.push(format!("{}: no hit for {:?}", entry.id, example.line)),
                    Some(hit) => {
                        let got = (hit.entry, hit.category, hit.subject.as_deref());
                        let want = (entry.id, example.category, example.subject);
                        if got != want {
                            failures.push(format!("{:?}: got {got:?}, want {want:?}", example.line));
                        }
                    }
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }
}
