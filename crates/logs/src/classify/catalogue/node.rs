//! Node.js, TypeScript's compiler, npm, yarn and pnpm.
//!
//! Sources: Node's module loaders (`lib/internal/modules/cjs/loader.js`:
//! `Cannot find module '{request}'`, then `Require stack:` and `- {file}` per
//! requiring module, the failed `require()`'s first; `lib/internal/modules/esm/resolve.js`:
//! `[ERR_MODULE_NOT_FOUND]: Cannot find package '{name}' imported from {base}`;
//! `lib/internal/errors.js`: `[ERR_REQUIRE_ESM]: require() of ES Module {path} from {parent} not supported.`),
//! libuv's error strings (`ENOENT: no such file or directory, {syscall}
//! '{path}'`, `spawn {file} ENOENT`), TypeScript's diagnostic messages
//! (`TS2307`, `TS5057`, `TS5058`), npm's error output (`npm ERR! code {CODE}`,
//! since npm 10 `npm error code {CODE}`; `npm ci`'s lockfile requirement), yarn
//! exec / npx (`libnpmexec`: `could not determine executable to run`, when the
//! package it resolved has no binary of that name), yarn
//! classic (`Couldn't find a package.json file in "{dir}"`, `Couldn't find the binary {program}`,
//! node-gyp's `gyp ERR! stack Error: not found: {command}` (`lib/build.js`, the `which` package's error), corepack's
//! `This project is configured to use {manager} because {path} has a "packageManager" field`, `Request failed
//! "{status}"`, the engine check's `error {pkg}@{version}: The engine "{engine}" is incompatible with this module.
//! Expected version "{range}". Got "{version}"`), ESLint's stylish formatter summary (`✖ {n} problem(s) ({n}
//! error(s), {n} warning(s))`) and its crash report (`bin/eslint.js`: `Oops! Something went wrong! :(`, `ESLint:
//! {version}`, then the message of `messages/*.js`: `ESLint couldn't find an eslint.config.(js|mjs|cjs) file.` when
//! ESLint 9 meets a project still configured by `.eslintrc.*`, `… couldn't find a configuration file.`, `… couldn't
//! find the plugin "{name}".` (a missing npm package), `… couldn't find the config "{name}" to extend from.`), pnpm's `ERR_PNPM_*` codes (`ERR_PNPM_IGNORED_BUILDS`: pnpm/pnpm #9071, strict-dep-builds, and pnpm.io's `approve-builds` page) and bun install's `error: GET {url} - {status}`.
//! npm's install summary (`added {n} packages, and audited {m} packages in
//! {t}`; npm 6: `added {n} packages from {c} contributors and audited {m}
//! packages in {t}`; nothing to add: `up to date, audited {m} packages in
//! {t}`) says an install succeeded: ranking reads it (`rank.rs`). So do yarn
//! classic's closing `Done in {seconds}s.` (`src/cli/index.js`, after every
//! command that succeeded, emoji `✨` first on a terminal), yarn berry's `➤
//! YN0000: · Done in {t}` / `Done with warnings in {t}` (v4; v2/v3 without the
//! `·`; `Failed with errors in` when it did not; its `YN0009` BUILD_FAILED,
//! `{locator} couldn't be built successfully (exit code {n}, logs can be found
//! here: {path})`, is a blocker), and pnpm's `Packages: +{n}`
//! (the install's summary of added packages) and `Done in {t}` (pnpm 8 and
//! later, `using pnpm v{version}` from pnpm 9).

use super::util::{after, command_hit, path_hit, quoted, rate_limit_hit, regex, service_for_host, url_host};
use super::{Entry, ex, ex_after};
use crate::classify::hit::{Hit, Line, Strength};
use crate::report::{Category, Ecosystem, RateLimitService, SubjectDetail};
use crate::subject::{display_text, is_npm_package};

/// The id of npm's successful install summary, which ranking reads.
pub const NPM_INSTALL_SUCCEEDED: &str = "node/npm-install-succeeded";

/// The id of yarn's and pnpm's closing success lines, which ranking reads.
pub const YARN_PNPM_SUCCEEDED: &str = "node/yarn-pnpm-succeeded";

/// npm, yarn and pnpm fetch from the npm registry (yarn's
/// `registry.yarnpkg.com` is the same registry) or the registry they were
/// pointed at, which a bare `429` line does not name (yarn berry's `Response
/// Code: 429` line comes before the URL that names it).
pub const FETCH_SUCCESSES: &[super::FetchSuccess] = &[
    (NPM_INSTALL_SUCCEEDED, &[RateLimitService::Npm, RateLimitService::Other]),
    (YARN_PNPM_SUCCEEDED, &[RateLimitService::Npm, RateLimitService::Other]),
];

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: NPM_INSTALL_SUCCEEDED,
        grammar: "added {n} package[s], and audited {m} packages in {t} | added {n} packages from {c} contributors and \
                  audited {m} packages in {t} (npm 6) | up to date, audited {m} packages in {t}",
        needles: &["audited "],
        check: npm_install_succeeded,
        examples: &[ex(
            "added 812 packages, and audited 813 packages in 12s",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: YARN_PNPM_SUCCEEDED,
        grammar: "[✨ ] Done in {seconds}s. (yarn classic) | ➤ YN0000: [· ]Done [with warnings ]in {t} (yarn berry) | \
                  Packages: +{n} | Done in {t}[ using pnpm v{version}] (pnpm)",
        needles: &["Done in ", "Done with warnings in ", "Packages: +"],
        check: yarn_pnpm_succeeded,
        examples: &[
            ex("Done in 41.07s.", Category::Unknown, None),
            ex("➤ YN0000: · Done in 13s 402ms", Category::Unknown, None),
            ex("Packages: +644", Category::Unknown, None),
        ],
    },
    Entry {
        id: "node/typescript-path-missing",
        grammar: "error TS5058: The specified path does not exist: '{path}'. | error TS5057: Cannot find a \
                  tsconfig.json file at the specified directory: '{dir}'.",
        needles: &["TS5058", "TS5057"],
        check: typescript_path_missing,
        examples: &[ex(
            "error TS5058: The specified path does not exist: 'tsconfig.build.json'.",
            Category::FileNotFound,
            Some("tsconfig.build.json"),
        )],
    },
    Entry {
        id: "node/typescript-error",
        grammar: "{file}({line},{col}): error TS{code}: {message} | {file}:{line}:{col} - error TS{code}: {message} \
                  (TS2307: Cannot find module '{m}' or its corresponding type declarations.: a bare package name that \
                  does not resolve at all is a package not installed; a package found without types is TS7016, a \
                  relative or aliased path a code error)",
        needles: &["error TS"],
        check: typescript_error,
        examples: &[
            ex(
                "src/index.ts(3,20): error TS2307: Cannot find module './Config' or its corresponding type \
                 declarations.",
                Category::Unknown,
                None,
            ),
            ex(
                "src/server.ts(2,21): error TS2307: Cannot find module 'fastify' or its corresponding type \
                 declarations.",
                Category::MissingDependency,
                Some("fastify"),
            ),
            ex(
                "src/a.ts:1:17 - error TS2307: Cannot find module 'components/Button' or its corresponding type \
                 declarations.",
                Category::Unknown,
                None,
            ),
        ],
    },
    Entry {
        id: "node/npx-no-executable",
        grammar: "npm ERR! could not determine executable to run | npm error could not determine executable to run \
                  (npm 10)",
        needles: &["could not determine executable to run"],
        check: npx_no_executable,
        examples: &[ex(
            "npm error could not determine executable to run",
            Category::MissingCommand,
            None,
        )],
    },
    Entry {
        id: MODULE_NOT_FOUND,
        grammar: "Error [ERR_MODULE_NOT_FOUND]: Cannot find package '{name}' imported from {path} | Error: Cannot find \
                  module '{request}' (with a `Require stack:`)",
        needles: &["Cannot find package", "Cannot find module"],
        check: package_not_found,
        examples: &[
            ex(
                "Error [ERR_MODULE_NOT_FOUND]: Cannot find package 'zod' imported from /home/runner/work/a/a/index.mjs",
                Category::MissingDependency,
                Some("zod"),
            ),
            ex(
                "Error: Cannot find module '/home/runner/work/app/app/dist/cli.js'",
                Category::FileNotFound,
                Some("dist/cli.js"),
            ),
            ex(
                "Error: Cannot find module 'D:\\a\\app\\app\\scripts\\gen.js'",
                Category::FileNotFound,
                Some("scripts/gen.js"),
            ),
            ex("Error: Cannot find module './routes'", Category::Unknown, None),
            ex("Error: Cannot find module 'C:'", Category::Unknown, None),
        ],
    },
    Entry {
        id: "node/npm-ci-without-lockfile",
        grammar: "The `npm ci` command can only install with an existing package-lock.json or npm-shrinkwrap.json with \
                  lockfileVersion >= 1.",
        needles: &["can only install with an existing package-lock.json"],
        check: npm_ci_without_lockfile,
        examples: &[ex(
            "npm ERR! The `npm ci` command can only install with an existing package-lock.json or \
             npm-shrinkwrap.json with lockfileVersion >= 1.",
            Category::FileNotFound,
            Some("package-lock.json"),
        )],
    },
    Entry {
        id: "node/npm-too-many-requests",
        grammar: "npm ERR! code E429 | npm ERR! 429 Too Many Requests - GET {url} | npm error 429 Too Many Requests - \
                  GET {url} | yarn: Request failed \"429 Too Many Requests\" | ERR_PNPM_FETCH_429",
        needles: &["E429", "ERR_PNPM_FETCH_429", "npm ERR! 429", "npm error 429"],
        check: npm_too_many_requests,
        examples: &[ex(
            "npm ERR! 429 Too Many Requests - GET https://registry.npmjs.org/left-pad",
            Category::RateLimit,
            Some("npm registry"),
        )],
    },
    Entry {
        id: "node/yarn-network-error",
        grammar: "YN0035: │ {descriptor}: {reason} (yarn berry's NETWORK_ERROR, with its details on the next lines: \
                  `YN0035: │   Response Code: {code} ({reason})`, `YN0035: │   Request Method: {method}`, `YN0035: │   \
                  Request URL: {url}`)",
        needles: &["Request URL: http"],
        check: yarn_network_error,
        examples: &[ex(
            "➤ YN0035: │   Request URL: https://registry.yarnpkg.com/lodash",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "node/enoent",
        grammar: "ENOENT: no such file or directory, {syscall} '{path}' (npm prints it as `npm ERR! enoent …`)",
        needles: &["ENOENT: no such file or directory"],
        check: enoent,
        examples: &[
            ex(
                "npm ERR! enoent ENOENT: no such file or directory, open '/home/runner/work/site/site/package.json'",
                Category::FileNotFound,
                Some("package.json"),
            ),
            ex(
                "Error: ENOENT: no such file or directory, scandir 'src/locales'",
                Category::FileNotFound,
                Some("src/locales"),
            ),
        ],
    },
    Entry {
        id: "node/spawn-enoent",
        grammar: "Error: spawn {file} ENOENT | error Couldn't find the binary {program} (yarn classic's \
                  `src/util/child.js`, when a program it spawns itself, such as git for a git dependency, gives \
                  ENOENT)",
        needles: &["ENOENT", "Couldn't find the binary "],
        check: spawn_enoent,
        examples: &[
            ex("Error: spawn git ENOENT", Category::MissingCommand, Some("git")),
            ex(
                "error Couldn't find the binary git",
                Category::MissingCommand,
                Some("git"),
            ),
        ],
    },
    Entry {
        id: "node/node-gyp-tool-missing",
        grammar: "gyp ERR! stack Error: not found: {command} (node-gyp's `lib/build.js` looks the build program up \
                  with the `which` package, whose error is `not found: {command}`; npm relays it as `npm error gyp \
                  ERR! …`)",
        needles: &["gyp ERR! stack Error: not found: "],
        check: node_gyp_tool_missing,
        examples: &[ex(
            "npm error gyp ERR! stack Error: not found: make",
            Category::MissingCommand,
            Some("make"),
        )],
    },
    Entry {
        id: "node/node-gyp-compiler-missing",
        grammar: "[npm error ]make: {program}: No such file or directory (GNU make's failure to run a recipe's \
                  program, under node-gyp's build: after its `gyp info` lines or its Makefile's `CC(target)` echo)",
        needles: &[": No such file or directory"],
        check: node_gyp_compiler_missing,
        examples: &[ex_after(
            &["npm error gyp info spawn make"],
            "npm error make: cc: No such file or directory",
            Category::MissingCommand,
            Some("cc"),
        )],
    },
    Entry {
        id: "node/corepack-package-manager-mismatch",
        grammar: "[Usage Error: ]This project is configured to use {manager} because {path} has a \"packageManager\" \
                  field (corepack's `Engine`, when the step runs another package manager)",
        needles: &["has a \"packageManager\" field"],
        check: corepack_mismatch,
        examples: &[ex(
            "This project is configured to use pnpm because /home/runner/work/web/web/package.json has a \
             \"packageManager\" field",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "node/no-package-json",
        grammar: "error Couldn't find a package.json file in \"{dir}\" (yarn) | ERR_PNPM_NO_IMPORTER_MANIFEST_FOUND No \
                  package.json (or package.yaml, or package.json5) was found in \"{dir}\". (pnpm)",
        needles: &["Couldn't find a package.json", "ERR_PNPM_NO_IMPORTER_MANIFEST_FOUND"],
        check: no_package_json,
        examples: &[ex(
            "error Couldn't find a package.json file in \"/home/runner/work/app/app\"",
            Category::FileNotFound,
            Some("package.json"),
        )],
    },
    Entry {
        id: "node/pnpm-no-lockfile",
        grammar: "ERR_PNPM_NO_LOCKFILE Cannot install with \"frozen-lockfile\" because pnpm-lock.yaml is absent",
        needles: &["ERR_PNPM_NO_LOCKFILE"],
        check: pnpm_no_lockfile,
        examples: &[ex(
            " ERR_PNPM_NO_LOCKFILE  Cannot install with \"frozen-lockfile\" because pnpm-lock.yaml is absent",
            Category::FileNotFound,
            Some("pnpm-lock.yaml"),
        )],
    },
    Entry {
        id: "node/bin-not-found",
        grammar: "error Command \"{name}\" not found. (yarn run) | ERR_PNPM_RECURSIVE_EXEC_FIRST_FAIL Command \"{name}\" \
                  not found (pnpm exec)",
        needles: &["Command \""],
        check: bin_not_found,
        examples: &[ex(
            "error Command \"eslint\" not found.",
            Category::MissingCommand,
            Some("eslint"),
        )],
    },
    Entry {
        id: "node/test-timeout",
        grammar: "Error: Timeout of {n}ms exceeded. (mocha) | Exceeded timeout of {n} ms for a test. (jest)",
        needles: &["ms exceeded", "Exceeded timeout of"],
        check: test_timeout,
        examples: &[ex(
            "Error: Timeout of 2000ms exceeded. For async tests and hooks, ensure \"done()\" is called",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "node/bun-http-status",
        grammar: "error: GET {url} - {status} (bun install, a registry request that failed)",
        needles: &["error: GET http"],
        check: bun_http_status,
        examples: &[
            ex(
                "error: GET https://registry.npmjs.org/zod - 429",
                Category::RateLimit,
                Some("npm registry"),
            ),
            ex(
                "error: GET https://registry.npmjs.org/@acme%2fui - 404",
                Category::Unknown,
                None,
            ),
        ],
    },
    Entry {
        id: "node/install-failure",
        grammar: "npm ERR! code {CODE} | npm error code {CODE} (npm's error code line; a number or ELIFECYCLE is a \
                  script that failed, ENOENT a missing file, E429 a rate limit: those have their own entries) | error \
                  Your lockfile needs to be updated, but yarn was run with `--frozen-lockfile`. | \
                  ERR_PNPM_OUTDATED_LOCKFILE | ERR_PNPM_LOCKFILE_{…} (pnpm's lockfile errors, e.g. \
                  ERR_PNPM_LOCKFILE_BREAKING_CHANGE  Lockfile {path} not compatible with current pnpm) | \
                  ERR_PNPM_NO_MATCHING_VERSION  No matching version found for \
                  {name}@{range} (pnpm's resolver, npm's ETARGET) | YN0028: The lockfile would have been modified | ➤ \
                  YN{code}: │ {descriptor}: No candidates found (yarn berry's resolver: no version matches the range) | \
                  error: lockfile had changes, but lockfile is frozen (bun's `--frozen-lockfile`) | \
                  ERR_PNPM_FETCH_{status}  GET {url}: {reason} - {status} (pnpm's fetch of a package that failed, a \
                  404 for a private scope without the registry's auth among them; a 429 is the rate-limit entries') | \
                  ERR_PNPM_IGNORED_BUILDS  Ignored build scripts: {pkg}[@{version}], … (pnpm 10.3's \
                  `strict-dep-builds`, pnpm 11's default `strictDepBuilds`; pnpm 11 brackets the code, \
                  `[ERR_PNPM_IGNORED_BUILDS]`; its hint `Run \"pnpm approve-builds\" to pick …` follows)",
        needles: &[
            "ERR_PNPM_FETCH_",
            "npm ERR! code",
            "npm error code",
            "Your lockfile needs to be updated",
            "ERR_PNPM_OUTDATED_LOCKFILE",
            "ERR_PNPM_LOCKFILE_",
            "ERR_PNPM_NO_MATCHING_VERSION",
            "lockfile would have been modified",
            "No candidates found",
            "lockfile had changes, but lockfile is frozen",
            "ERR_PNPM_IGNORED_BUILDS",
        ],
        check: install_failure,
        examples: &[
            ex("npm ERR! code ERESOLVE", Category::Unknown, None),
            ex("npm error code E401", Category::Unknown, None),
            ex(
                "error: lockfile had changes, but lockfile is frozen",
                Category::Unknown,
                None,
            ),
            ex(
                " ERR_PNPM_NO_MATCHING_VERSION  No matching version found for @tanstack/react-query@^6.9.0",
                Category::Unknown,
                None,
            ),
            ex(
                "\u{2009}ERR_PNPM_LOCKFILE_BREAKING_CHANGE\u{2009} Lockfile /home/runner/work/a/a/pnpm-lock.yaml not \
                 compatible with current pnpm",
                Category::Unknown,
                None,
            ),
            ex(
                "➤ YN0001: │ Error: left-pad@npm:^9.0.0: No candidates found",
                Category::Unknown,
                None,
            ),
            ex(
                " ERR_PNPM_FETCH_404  GET https://registry.npmjs.org/@acme%2Ftokens: Not Found - 404",
                Category::Unknown,
                None,
            ),
            ex(
                " ERR_PNPM_IGNORED_BUILDS  Ignored build scripts: esbuild@0.25.10, sharp@0.34.4.",
                Category::Unknown,
                None,
            ),
            ex(
                "[ERR_PNPM_IGNORED_BUILDS] Ignored build scripts: better-sqlite3@12.4.1",
                Category::Unknown,
                None,
            ),
        ],
    },
    Entry {
        id: "node/engine-incompatible",
        grammar: "error {pkg}@{version}: The engine \"{engine}\" is incompatible with this module. Expected version \
                  \"{range}\". Got \"{version}\" (yarn 1; npm prints the same check as `npm warn EBADENGINE`, a \
                  warning that fails nothing unless engine-strict is set, when it is `npm error code EBADENGINE`)",
        needles: &["is incompatible with this module"],
        check: engine_incompatible,
        examples: &[ex(
            "error vite@6.0.1: The engine \"node\" is incompatible with this module. Expected version \">=18\". Got \
             \"16.20.2\"",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "node/eslint-summary",
        grammar: "✖ {n} problem[s] ({n} error[s], {n} warning[s]) (ESLint's stylish formatter)",
        needles: &["problem (", "problems ("],
        check: eslint_summary,
        examples: &[ex("✖ 3 problems (1 error, 2 warnings)", Category::Unknown, None)],
    },
    Entry {
        id: "node/eslint-could-not-find",
        grammar: "ESLint couldn't find {an eslint.config.(js|mjs|cjs) file|a configuration file|the plugin \"{name}\"|the \
                  config \"{name}\" to extend from}. (under `Oops! Something went wrong! :(` and `ESLint: {version}`)",
        needles: &["ESLint couldn't find "],
        check: eslint_could_not_find,
        examples: &[ex(
            "ESLint couldn't find an eslint.config.(js|mjs|cjs) file.",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "node/mocha-summary",
        grammar: "{n} failing (mocha's spec reporter summary, under `{n} passing ({t})`, on a line of its own)",
        needles: &[" failing"],
        check: mocha_summary,
        examples: &[ex("  1 failing", Category::Unknown, None)],
    },
    Entry {
        id: "node/yarn-build-failed",
        grammar: "➤ YN0009: │ {locator} couldn't be built successfully (exit code {n}, logs can be found here: {path}) \
                  (yarn berry's BUILD_FAILED: a package's install script failed)",
        needles: &["couldn't be built successfully"],
        check: yarn_build_failed,
        examples: &[ex(
            "➤ YN0009: │ canvas@npm:2.11.2 couldn't be built successfully (exit code 1, logs can be found here: \
             /tmp/xfs-8d1c2a/build.log)",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "node/require-esm",
        grammar: "Error [ERR_REQUIRE_ESM]: require() of ES Module {path} from {path} not supported.",
        needles: &["[ERR_REQUIRE_ESM]"],
        check: require_esm,
        examples: &[ex(
            "Error [ERR_REQUIRE_ESM]: require() of ES Module /w/node_modules/node-fetch/src/index.js from /w/a.js not \
             supported.",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "node/missing-script",
        grammar: "npm ERR! Missing script: \"{name}\" | npm error Missing script: \"{name}\"",
        needles: &["Missing script:"],
        check: missing_script,
        examples: &[ex("npm error Missing script: \"lint\"", Category::Unknown, None)],
    },
    Entry {
        id: "node/heap-out-of-memory",
        grammar: "FATAL ERROR: … JavaScript heap out of memory",
        needles: &["heap out of memory"],
        check: heap_out_of_memory,
        examples: &[ex(
            "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "node/bun-test-failed",
        grammar: "error: expect(received).{matcher}(expected) (bun test's failed assertion, under the source frame \
                  `{line} | {code}` and above `Expected: …` / `Received: …` and `(fail) {test}`)",
        needles: &["error: expect(received)"],
        check: bun_test_failed,
        examples: &[ex("error: expect(received).toBe(expected)", Category::Unknown, None)],
    },
    Entry {
        id: "node/script-failed",
        grammar: "npm ERR! code ELIFECYCLE | npm error code 1 | npm ERR! Failed at the {pkg} {script} script. | npm \
                  error command failed",
        needles: &[
            "ELIFECYCLE",
            "Failed at the",
            "command failed",
            "npm ERR! code",
            "npm error code",
        ],
        check: script_failed,
        examples: &[ex("npm ERR! code ELIFECYCLE", Category::Unknown, None)],
    },
];

/// Node's report of an uncaught exception, read last (after every other
/// emitter): `lib/internal/process/execution.js` prints the throwing frame
/// (`{file}:{line}`, the source line, a `^` marker under the throw), a blank
/// line, then `{Name}[ [{code}]]: {message}` with its `    at …` stack and
/// `Node.js v{version}` at the end. A program that crashed this way failed on
/// its own error; a message another entry reads (a missing module, a 429 a
/// client threw) was decided before this one.
pub const CRASH_ENTRIES: &[Entry] = &[Entry {
    id: "node_crash/uncaught-exception",
    grammar: "{file}:{line} / {source} / {^ marker} / (blank) / {Name}[ [{code}]]: {message}",
    needles: &["Error: ", "Error [", "Exception: "],
    check: uncaught_exception,
    examples: &[super::ex_after(
        &[
            "/opt/hostedtoolcache/node/20.18.1/x64/lib/node_modules/corepack/dist/lib/corepack.cjs:21535",
            "  if (key == null || signature == null) throw new Error(`Cannot find matching keyid: ${JSON.stringify({ signatures, keys })}`);",
            "                                              ^",
            "",
        ],
        "Error: Cannot find matching keyid: {\"signatures\":[],\"keys\":[]}",
        Category::Unknown,
        None,
    )],
}];

fn typescript_path_missing(line: &Line<'_>) -> Option<Hit> {
    let raw = quoted(after(line.text, "TS505")?)?;
    if line.text.contains("TS5057") {
        let dir = raw.trim_end_matches('/');
        let path = if dir.is_empty() || dir == "." {
            "tsconfig.json".to_string()
        } else {
            format!("{dir}/tsconfig.json")
        };
        return Some(path_hit(
            &path,
            0.75,
            "TypeScript found no tsconfig.json where it was pointed.",
        ));
    }
    Some(path_hit(
        raw,
        0.8,
        "TypeScript was pointed at a path that does not exist.",
    ))
}

fn typescript_error(line: &Line<'_>) -> Option<Hit> {
    let text = line.text;
    if !regex!(r"error TS\d+:").is_match(text) {
        return None;
    }
    if let Some(c) = regex!(r"error TS2307: Cannot find module '((?:@[a-z0-9._-]+/)?[a-z0-9._-]+)'").captures(text) {
        // Only a whole package name: `components/Button` is as likely a
        // `baseUrl` path of the project as a file of a package.
        if let Some(hit) = npm_package_hit(&c[1], "TypeScript cannot resolve") {
            return Some(hit);
        }
    }
    Some(Hit::blocker("TypeScript compile error."))
}

/// The command `npx {name}` or `npm exec [--] {name}` ran, from the step's
/// script (the message itself names nothing).
fn npx_command(script: &str) -> Option<&str> {
    // The message does not say which call failed: with two, naming either
    // could be wrong.
    let calls = regex!(r"(?m)(?:^|[\s;&|(])(?:npx|npm exec|npm x)\s")
        .find_iter(script)
        .count();
    if calls != 1 {
        return None;
    }
    let c = regex!(r"(?m)(?:^|[\s;&|(])(?:npx|npm exec|npm x)\s+(?:(?:--yes|-y|--no|--)\s+)*([^\s-][^\s]*)")
        .captures(script)?;
    let word = c.get(1)?.as_str();
    // `prettier@3` → `prettier`; a scoped package names no command.
    let name = word.split('@').next().filter(|n| !n.is_empty())?;
    crate::subject::is_command(name).then_some(name)
}

fn npx_no_executable(line: &Line<'_>) -> Option<Hit> {
    let message = "npx (npm exec) found no executable to run: the package is not a dependency of the project, or its \
                   binary has another name (a package manager other than npm, with its own runner, also gives this). \
                   Not fixed by installing a system tool.";
    let hit = Hit::cause(Category::MissingCommand, 0.55, message);
    Some(match npx_command(line.script) {
        Some(name) => hit.with_subject(
            name,
            SubjectDetail::Command {
                name: name.to_string(),
                known: false,
            },
        ),
        None => hit,
    })
}

fn package_not_found(line: &Line<'_>) -> Option<Hit> {
    let text = line.text;
    let raw = quoted(after(text, "Cannot find package").or_else(|| after(text, "Cannot find module"))?)?;
    let parent = esm_parent(text);
    let bare = !raw.starts_with(['.', '/']) && !raw.contains(':') && !raw.contains('\\');
    if bare {
        let name = package_of_request(raw);
        let hit = npm_package_hit(&name, "Node.js cannot resolve").map(|hit| match parent {
            // An installed package imports it, not the project's code.
            Some(Parent::Package(importer)) => Hit {
                message: format!(
                    "Node.js cannot resolve the npm package '{name}', which the installed package '{}' imports: it is \
                     not installed where that package resolves it. Either it is a peer dependency of '{}' the \
                     project must add to package.json, or '{}' does not declare it (a strict layout such as pnpm's \
                     exposes that; a newer release may declare it). autoheal does not edit package.json.",
                    package_shown(importer),
                    package_shown(importer),
                    package_shown(importer)
                ),
                ..hit
            },
            _ => hit,
        });
        return Some(hit.unwrap_or_else(|| {
            Hit::blocker(format!(
                "Node.js cannot resolve '{}', which is not an npm package name (an import with the wrong case, or \
                 a path).",
                display_text(raw)
            ))
        }));
    }
    let absolute = raw.starts_with('/') || is_windows_absolute(raw);
    match parent {
        // The main entry point, which Node's ESM loader resolves with the
        // working directory as its parent: a file the step was told to run.
        Some(Parent::WorkingDirectory) | None if absolute => Some(path_hit(
            raw,
            0.6,
            "Node.js was asked to run or load a file that does not exist.",
        )),
        // An installed package imports a file of its own that is not there.
        Some(Parent::Package(importer)) if absolute => Some(Hit::blocker(format!(
            "The installed package '{}' imports '{}', which is not there: a broken or incomplete install of the \
             package (a cache restored over another version, an interrupted install) or a release published without \
             the file. Reinstall it cleanly or pin another version (a manual fix).",
            package_shown(importer),
            display_text(raw)
        ))),
        // A file of the project imports it: the code's import (an ESM import
        // needs the file's extension, which Node's `Did you mean to import`
        // hint gives), not a file the step was told to run.
        Some(_) if absolute => Some(Hit::blocker(format!(
            "The code imports '{}', which does not exist (an ESM import without its file extension, or a build \
             that did not emit it).",
            display_text(raw)
        ))),
        _ => Some(Hit::blocker(format!(
            "The code imports '{}', which does not resolve (a code error, or a build step that did not run).",
            display_text(raw)
        ))),
    }
}

/// Who imports what ESM's resolver did not find.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Parent<'t> {
    /// `{cwd}/`: the main entry point. Node's `defaultResolve`
    /// (`lib/internal/modules/esm/resolve.js`) gives the entry it runs
    /// through the ESM loader (a `--loader`/`--import` hook, an `.mjs` or
    /// `"type": "module"` entry) the working directory as its parent.
    WorkingDirectory,
    /// A file inside `node_modules`: the named package imports it.
    Package(&'t str),
    /// A file of the project.
    Project,
}

/// The parent of ESM's `Cannot find {module|package} '{x}' imported from
/// {parent}` (`ERR_MODULE_NOT_FOUND` in `lib/internal/errors.js`), on the
/// message's own line.
fn esm_parent(text: &str) -> Option<Parent<'_>> {
    let parent = after(text, "' imported from ")?.trim_end();
    if parent.is_empty() {
        return None;
    }
    if parent.ends_with(['/', '\\']) {
        return Some(Parent::WorkingDirectory);
    }
    Some(parent_file(parent))
}

/// The entry id of [`package_not_found`], whose CommonJS form the scanner
/// refines by the `Require stack:` under it ([`required_by`]).
pub const MODULE_NOT_FOUND: &str = "node/package-not-found";

/// What the first entry of CommonJS's `Require stack:` says about the
/// `Cannot find module '{request}'` above it. Node's CJS loader
/// (`Module._resolveFilename`, `lib/internal/modules/cjs/loader.js`) builds
/// the message as `Cannot find module '{request}'`, then `\nRequire
/// stack:\n- ` and the stack joined by `\n- `, the stack being the requiring module's
/// `filename || id`, then its parent's, up to the entry point: the first
/// entry is the file whose `require()` failed. `message`, `stack` and
/// `first` are three consecutive lines (after the same prefix, a task
/// runner's `{task}: ` included). Returns the hit the parent decides, or
/// `None` when it changes nothing (a file of the project requiring a
/// package or a relative path: the message line's own reading stands) or
/// the lines are not such a stack (a parent that is no absolute path:
/// `[eval]`, `internal/preload`).
pub fn required_by(message: &str, stack: &str, first: &str) -> Option<Hit> {
    let at = message.find("Cannot find module '")?;
    if message.contains("' imported from ") {
        return None;
    }
    let prefix = &message[..at];
    let prefix = prefix.strip_suffix("Error: ").unwrap_or(prefix);
    if stack.strip_prefix(prefix)?.trim_end() != "Require stack:" {
        return None;
    }
    let parent = first.strip_prefix(prefix)?.strip_prefix("- ")?.trim_end();
    if !(parent.starts_with('/') || is_windows_absolute(parent)) {
        return None;
    }
    let raw = quoted(after(message, "Cannot find module")?)?;
    let bare = !raw.starts_with(['.', '/']) && !raw.contains(':') && !raw.contains('\\');
    let absolute = raw.starts_with('/') || is_windows_absolute(raw);
    let in_node_modules = |path: &str| path.contains("/node_modules/") || path.contains("\\node_modules\\");
    // A file inside an Electron app's archive (`…/resources/app.asar/…`,
    // electron-builder's and Electron Forge's packed app): the packager left
    // the package out of the archive (a devDependency, or a `files` pattern
    // that excludes it). The install the job ran had it; installing it again
    // changes nothing.
    if bare && in_asar(parent) {
        return Some(Hit::blocker(format!(
            "The packaged Electron app cannot load '{}': its archive ({}) does not contain the package, which the \
             packager left out (a devDependency, or excluded by the packager's `files` patterns). Not a package \
             missing from the job's install: the app's packaging is for a person to correct.",
            display_text(&package_of_request(raw)),
            display_text(&format!(
                "{}.asar",
                parent
                    .rsplit_once(".asar")
                    .map_or(parent, |(archive, _)| archive)
                    .rsplit(['/', '\\'])
                    .next()
                    .unwrap_or("app")
            )),
        )));
    }
    match parent_file(parent) {
        // A package's own `require()` of a package: not the project's
        // import, so not (only) the project's manifest.
        Parent::Package(importer) if bare => {
            let name = package_of_request(raw);
            let hit = npm_package_hit(&name, "Node.js cannot resolve")?;
            Some(Hit {
                message: format!(
                    "Node.js cannot resolve the npm package '{name}', which the installed package '{importer}' \
                     requires (the first file of Node's `Require stack:`): it is not installed where that package \
                     resolves it. Either the project must add it to package.json (a peer dependency of '{importer}', \
                     or a plugin '{importer}' loads by the name the project's configuration gives it), or \
                     '{importer}' does not declare it (a strict layout such as pnpm's exposes that; a newer release \
                     may declare it; an install that omitted it). autoheal does not edit package.json.",
                    importer = package_shown(importer),
                ),
                ..hit
            })
        }
        // A package's own file, by a relative path or inside
        // `node_modules`: its install is broken or incomplete.
        Parent::Package(importer) if !absolute || in_node_modules(raw) => Some(Hit::blocker(format!(
            "The installed package '{}' requires '{}', which is not there: a broken or incomplete install of \
                 the package (a cache restored over another version, an interrupted install) or a release \
                 published without the file. Reinstall it cleanly or pin another version (a manual fix).",
            package_shown(importer),
            display_text(raw)
        ))),
        // A file of the project requires a file by its absolute path (a
        // path it computes, `path.join(__dirname, …)`): the code or a build
        // that did not emit it, not a file the step was told to run.
        Parent::Project if absolute => Some(Hit::blocker(format!(
            "The project's code requires '{}', which does not exist (a build step that did not emit it, or a path \
             the code computes): not a file the step was told to run.",
            display_text(raw)
        ))),
        _ => None,
    }
}

/// A path inside an Electron archive (`app.asar`): Electron's patched `fs`
/// reads such a path as a directory of the archive.
fn in_asar(path: &str) -> bool {
    path.contains(".asar/") || path.contains(".asar\\")
}

/// Node.js's built-in modules (`require('node:module').builtinModules` of
/// Node 22, without the `_`-prefixed internals): a bundler building for a
/// browser cannot resolve them, which says nothing about a missing package
/// (several share a name with a polyfill on npm: `buffer`, `events`, `util`).
const NODE_BUILTINS: &[&str] = &[
    "assert",
    "async_hooks",
    "buffer",
    "child_process",
    "cluster",
    "console",
    "constants",
    "crypto",
    "dgram",
    "diagnostics_channel",
    "dns",
    "domain",
    "events",
    "fs",
    "http",
    "http2",
    "https",
    "inspector",
    "module",
    "net",
    "os",
    "path",
    "perf_hooks",
    "process",
    "punycode",
    "querystring",
    "readline",
    "repl",
    "stream",
    "string_decoder",
    "sys",
    "timers",
    "tls",
    "trace_events",
    "tty",
    "url",
    "util",
    "v8",
    "vm",
    "wasi",
    "worker_threads",
    "zlib",
];

/// What a bundler's unresolved import says (Vite's Rollup, esbuild,
/// webpack): `request` as the source wrote it, `importer` the importing file
/// or its directory when the message names it. A whole package name is a
/// package not installed where the importer resolves it (`missing_dependency`,
/// never fixable: the fix is package.json); a Node built-in is a build for
/// another platform; a relative or absolute path is the code's import of a
/// file that is not there; a bare path with a subpath under an unscoped name
/// (`components/Button`) is as likely a path alias of the bundler's
/// configuration as a package's file, as for TypeScript's TS2307.
pub(super) fn unresolved_import(bundler: &str, request: &str, importer: Option<&str>) -> Hit {
    let builtin_message = || {
        Hit::blocker(format!(
            "{bundler} could not resolve '{}', a Node.js built-in module, in a build for another platform (a browser \
             bundle): the build's platform, an external, or a polyfill package is a person's call.",
            display_text(request)
        ))
    };
    if request.strip_prefix("node:").is_some_and(|b| !b.is_empty()) {
        return builtin_message();
    }
    let drive = request.as_bytes().get(1) == Some(&b':') && request.starts_with(|c: char| c.is_ascii_alphabetic());
    let by_path = request.starts_with(['.', '/']) || request.contains('\\') || drive;
    if !by_path && request.contains(':') {
        // A module ID with a scheme (`virtual:pwa-register`, `data:`…) is a
        // plugin's or loader's, not a file or an npm package (review89 L1).
        return Hit::blocker(format!(
            "{bundler} could not resolve '{}', a module ID with a scheme that a build plugin or loader provides: the \
             build's configuration (a plugin not installed or not registered) is a person's call.",
            display_text(request)
        ));
    }
    if by_path {
        return Hit::blocker(format!(
            "{bundler} could not resolve '{}', which the code imports by a path: the file is not there (renamed, \
             not committed, a different case, or a build step that did not write it). The import or the file is the \
             code's to fix (a manual fix).",
            display_text(request)
        ));
    }
    let name = package_of_request(request);
    let builtin = NODE_BUILTINS
        .iter()
        .any(|b| name == *b || request.strip_prefix(*b).is_some_and(|rest| rest.starts_with('/')));
    if builtin {
        return builtin_message();
    }
    // A request with a subpath, scoped or not (`components/Button`,
    // `@app/utils/date`), is as likely a path alias of the build's
    // configuration (tsconfig `paths`, Vite's `resolve.alias`, Nx's `@org/lib`)
    // as a file of a package: only a whole package name is read as one, as
    // TypeScript's TS2307 entry does (review89 M1).
    if name != request {
        return Hit::blocker(format!(
            "{bundler} could not resolve '{}': a file of a package, or a path alias of the build's configuration \
             that does not resolve (a manual fix).",
            display_text(request)
        ));
    }
    let resolver = format!("{bundler} cannot resolve");
    let Some(hit) = npm_package_hit(&name, &resolver) else {
        return Hit::blocker(format!(
            "{bundler} could not resolve '{}', which is not an npm package name (an import with the wrong case, or \
             a path alias of the build's configuration).",
            display_text(request)
        ));
    };
    // esbuild names the importer relative to the working directory
    // (`node_modules/markdown-it/lib/index.js`).
    let importer = importer.map(|i| {
        if i.starts_with("node_modules/") || i.starts_with("node_modules\\") {
            format!("/{i}")
        } else {
            i.to_string()
        }
    });
    match importer.as_deref().map(parent_file) {
        Some(Parent::Package(importer)) => Hit {
            message: format!(
                "{bundler} cannot resolve the npm package '{name}', which the installed package '{importer}' imports: \
                 it is not installed where that package resolves it. Either it is a (peer or optional) dependency of \
                 '{importer}' the project must add to package.json, or '{importer}' does not declare it. autoheal \
                 does not edit package.json.",
                importer = package_shown(importer),
            ),
            ..hit
        },
        _ => hit,
    }
}

/// The package a bare request names: `lodash/fp` → `lodash`;
/// `@scope/pkg/sub` → `@scope/pkg`.
fn package_of_request(raw: &str) -> String {
    let parts: Vec<&str> = raw.splitn(3, '/').collect();
    if raw.starts_with('@') && parts.len() >= 2 {
        format!("{}/{}", parts[0], parts[1])
    } else {
        parts[0].to_string()
    }
}

/// A package's name as [`parent_file`] read it from a path, shown with `/`
/// (a Windows path gives `@scope\name`).
fn package_shown(importer: &str) -> String {
    display_text(&importer.replace('\\', "/"))
}

/// A module file as a parent: inside `node_modules` (the last one, so
/// pnpm's `.pnpm/{id}/node_modules/{name}` too), the package it belongs
/// to; else a file of the project.
fn parent_file(parent: &str) -> Parent<'_> {
    let inside = parent
        .rfind("/node_modules/")
        .or_else(|| parent.rfind("\\node_modules\\"))
        .map(|at| &parent[at + "/node_modules/".len()..]);
    match inside {
        Some(rest) => {
            let mut parts = rest.split(['/', '\\']);
            let first = parts.next().unwrap_or_default();
            let end = if first.starts_with('@') {
                parts
                    .next()
                    .map_or(first.len(), |second| first.len() + 1 + second.len())
            } else {
                first.len()
            };
            Parent::Package(&rest[..end])
        }
        None => Parent::Project,
    }
}

/// `D:\a\app\app\x.js` or `C:/…`: Node on Windows resolves the script
/// it is told to run to such a path, as `/home/…` elsewhere.
fn is_windows_absolute(raw: &str) -> bool {
    let b = raw.as_bytes();
    b.len() > 3 && b[0].is_ascii_alphabetic() && b[1] == b':' && matches!(b[2], b'\\' | b'/')
}

/// A `missing_dependency` hit for an npm package a resolver could not find,
/// or `None` when `name` is not an npm package name.
pub(super) fn npm_package_hit(name: &str, resolver: &str) -> Option<Hit> {
    if !is_npm_package(name) {
        return None;
    }
    Some(
        Hit::cause(
            Category::MissingDependency,
            0.75,
            format!(
                "{resolver} the npm package '{name}': it is not installed where the step runs. Add it to \
                 package.json's dependencies (and install them in the job); autoheal does not edit package.json."
            ),
        )
        .with_subject(
            name,
            SubjectDetail::Package {
                ecosystem: Ecosystem::Npm,
                name: name.to_string(),
            },
        ),
    )
}

fn npm_ci_without_lockfile(_: &Line<'_>) -> Option<Hit> {
    Some(path_hit(
        "package-lock.json",
        0.85,
        "`npm ci` needs a package-lock.json, and there is none where it ran.",
    ))
}

fn npm_too_many_requests(line: &Line<'_>) -> Option<Hit> {
    let text = line.text;
    // The forms of the grammar, whole: `E429` or `429` inside a sha, a
    // version or a path is no status.
    if !regex!(r#"\bE429\b|\bERR_PNPM_FETCH_429\b|\bnpm (?:ERR!|error) 429\b|"429 Too Many Requests""#).is_match(text) {
        return None;
    }
    let service = url_host(text)
        .and_then(service_for_host)
        .unwrap_or(RateLimitService::Npm);
    Some(rate_limit_hit(
        service,
        None,
        0.9,
        "The npm registry rate-limited the install (429 Too Many Requests).",
    ))
}

/// Yarn berry prints the status of a failed request two lines above its URL;
/// the URL names the registry that answered. Only a 429 is a rate limit; any
/// other status is an install failure the status line already explains.
fn yarn_network_error(line: &Line<'_>) -> Option<Hit> {
    let url = after(line.text, "Request URL: ")?;
    let status = line.recent.iter().rev().take(3).find_map(|l| {
        regex!(r"YN0035: .*Response Code: (\d{3})")
            .captures(l)
            .map(|c| c[1].to_string())
    });
    if status.as_deref() != Some("429") {
        return Some(Hit::install_failure(
            "Yarn's request to the package registry failed (see the response code above the URL).",
        ));
    }
    let service = url_host(url)
        .map(|h| service_for_host(h).unwrap_or(RateLimitService::Other))
        .unwrap_or(RateLimitService::Other);
    Some(rate_limit_hit(
        service,
        None,
        0.85,
        "The package registry rate-limited yarn's install (429 Too Many Requests).",
    ))
}

fn enoent(line: &Line<'_>) -> Option<Hit> {
    let path = quoted(after(line.text, "no such file or directory,")?)?;
    Some(path_hit(path, 0.75, "A file the tool opens does not exist."))
}

/// libuv's `spawn {file} ENOENT`, and yarn classic's wording of the same
/// failure (the whole message is `Couldn't find the binary {program}`, after
/// the `error ` prefix yarn classic's reporter always prints: without it, or
/// with a trailing word, the words are another program's output).
fn spawn_enoent(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"spawn (\S+) ENOENT")
        .captures(line.text)
        .or_else(|| regex!(r"^error Couldn't find the binary (\S+)\s*$").captures(line.text.trim_start()))?;
    Some(command_hit(&c[1], line, 0.8))
}

/// node-gyp did not find the program it builds with (`make`, a compiler):
/// a command missing where the step runs.
fn node_gyp_tool_missing(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"gyp ERR! stack Error: not found: (\S+)\s*$").captures(line.text)?;
    Some(node_gyp_toolchain(command_hit(&c[1], line, 0.75)))
}

/// GNU make's failure to run a recipe's program (`make: {program}: No such
/// file or directory`, then `Error 127`) inside node-gyp's build, as npm
/// relays an install script's output (`npm error …`, npm 10; `npm ERR! …`
/// before): the compiler node-gyp's Makefile runs (`cc` for C sources, `g++`
/// for C++, gyp's make generator's defaults) is missing. Read only after
/// node-gyp's own lines (`gyp info …`) or its Makefile's echo (`CC(target)`,
/// `CXX(target)`), so another make's recipe is left to the shell's entries.
fn node_gyp_compiler_missing(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^(?:npm (?:error|ERR!) )?make(?:\[\d+\])?: ([A-Za-z0-9_.+-]+): No such file or directory\s*$")
        .captures(line.text.trim_start())?;
    let in_node_gyp = line
        .recent
        .iter()
        .any(|l| l.contains("gyp info ") || l.contains("CC(target)") || l.contains("CXX(target)"));
    in_node_gyp.then(|| node_gyp_toolchain(command_hit(&c[1], line, 0.75)))
}

/// node-gyp builds with a toolchain, not one program: its README's Unix
/// prerequisites are Python, `make` and a C/C++ compiler (GCC), and an image
/// that lacks one (`node:*-slim`, `node:*-alpine`) lacks the others, so an
/// install of the program the build met first is no complete fix (the next
/// run stops at the next one). The command stays the subject; a person
/// installs the toolchain (Debian and Alpine: `python3 make g++`) or uses an
/// image that has it.
fn node_gyp_toolchain(mut hit: Hit) -> Hit {
    if hit.category == Category::MissingCommand {
        hit.fixable = false;
        hit.message.push_str(
            " node-gyp needs a whole build toolchain (Python, make and a C/C++ compiler such as g++), and an image \
             without one of them (node:*-slim, node:*-alpine) usually lacks the others: installing this one program \
             is no complete fix. Install the toolchain (python3 make g++) in the image or job, or use an image that \
             has it (a manual fix).",
        );
    }
    hit
}

/// corepack refuses a package manager other than the one package.json's
/// `packageManager` names: the workflow runs the wrong one (or the field is
/// wrong), which a person decides.
fn corepack_mismatch(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r#"This project is configured to use ([\w.-]+) because \S.* has a "packageManager" field"#)
        .captures(line.text)?;
    Some(Hit::blocker(format!(
        "corepack refused the package manager the step runs: package.json's packageManager field names {}. The \
         step (or the field) must use the same one.",
        display_text(&c[1])
    )))
}

fn no_package_json(_: &Line<'_>) -> Option<Hit> {
    Some(path_hit(
        "package.json",
        0.75,
        "There is no package.json where the package manager ran (a wrong working directory, or no checkout).",
    ))
}

fn pnpm_no_lockfile(_: &Line<'_>) -> Option<Hit> {
    Some(path_hit(
        "pnpm-lock.yaml",
        0.8,
        "pnpm was run with a frozen lockfile, and pnpm-lock.yaml is absent.",
    ))
}

fn bin_not_found(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r#"Command "([^"]+)" not found"#).captures(line.text)?;
    Some(command_hit(&c[1], line, 0.75))
}

fn test_timeout(line: &Line<'_>) -> Option<Hit> {
    regex!(r"Timeout of \d+ms exceeded|Exceeded timeout of \d+ ?ms")
        .is_match(line.text)
        .then(|| Hit::blocker("A test timed out (the test's own limit, not the job's time limit)."))
}

/// bun's registry request that failed, as `bun install` prints it: 429 is the
/// registry's limit (named by the URL's host), 404 a package or version the
/// registry does not have.
fn bun_http_status(line: &Line<'_>) -> Option<Hit> {
    let c =
        regex!(r"^error: GET (https?://(?P<host>[^/\s]+)\S*) - (?P<status>\d{3})$").captures(line.text.trim_end())?;
    match &c["status"] {
        "429" => {
            let service = service_for_host(&c["host"]).unwrap_or(RateLimitService::Other);
            Some(rate_limit_hit(
                service,
                None,
                if service == RateLimitService::Other { 0.55 } else { 0.85 },
                &format!(
                    "bun's request to the registry was refused with 429 Too Many Requests ({}).",
                    service.display_name()
                ),
            ))
        }
        "404" => Some(Hit::install_failure(
            "The registry has no such package or version (a typo, an unpublished version, or a private package \
             without credentials).",
        )),
        _ => None,
    }
}

fn install_failure(line: &Line<'_>) -> Option<Hit> {
    if line.text.contains("ERR_PNPM_FETCH_429") {
        return None;
    }
    if let Some(code) = npm_error_code(line.text) {
        // A script that failed, a missing file, a rate limit: other entries.
        if code == "ELIFECYCLE" || code == "ENOENT" || code == "E429" || code.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
    }
    let text = line.text;
    if text.contains("ERR_PNPM_LOCKFILE_BREAKING_CHANGE") {
        // pnpm's LockfileBreakingChangeError: the lockfile's format is from
        // another pnpm major than the one running.
        return Some(Hit::install_failure(
            "pnpm cannot read this pnpm-lock.yaml: it was written by another pnpm major version. A person runs the pnpm \
             version that wrote it (package.json's `packageManager`, or pnpm/action-setup's `version`) rather than \
             recreating the lockfile with this one.",
        ));
    }
    if text.contains("ERR_PNPM_IGNORED_BUILDS") {
        // pnpm 10 no longer runs dependencies' install scripts unless the
        // project approves them; with strict-dep-builds (pnpm 11's default)
        // the unapproved ones fail the install. Approving a package's script
        // is a trust decision the project makes, never a generated fix.
        return Some(Hit::install_failure(
            "pnpm refused dependencies' build scripts the project has not approved (strict-dep-builds): a person \
             reviews them and approves the ones it trusts (`pnpm approve-builds`, or `onlyBuiltDependencies` / \
             `allowBuilds` in pnpm-workspace.yaml).",
        ));
    }
    if text.contains("ERR_PNPM_OUTDATED_LOCKFILE") {
        return Some(Hit::install_failure(
            "pnpm-lock.yaml does not match package.json, and a frozen lockfile (CI's default) may not be updated: a \
             person runs `pnpm install` and commits the lockfile.",
        ));
    }
    Some(Hit::install_failure(
        "The package install failed (a dependency conflict, a missing version, or an out-of-date lockfile).",
    ))
}

fn engine_incompatible(line: &Line<'_>) -> Option<Hit> {
    regex!(r#"^error \S+: The engine "[^"]+" is incompatible with this module\."#)
        .is_match(line.text.trim_start())
        .then(|| {
            Hit::blocker(
                "A package does not support the job's runtime version (its `engines` field): a person aligns the \
                 job's Node version (setup-node's node-version) or the package's version.",
            )
        })
}

fn eslint_summary(line: &Line<'_>) -> Option<Hit> {
    let failing = regex!(r"^✖ \d+ problems? \(([1-9]\d*) errors?, \d+ warnings?\)").is_match(line.text.trim_start());
    failing.then(|| Hit::blocker("ESLint found errors."))
}

/// ESLint stopped before linting: its configuration (a flat config ESLint 9
/// wants, a shared config it names) is the project's to change. A plugin it
/// could not load (`messages/plugin-missing.js`: `ESLint couldn't find the
/// plugin "{name}".`, then `(The package "{name}" was not found when loaded
/// as a Node module from the directory "{dir}".)` and `npm install
/// {name}@latest --save-dev`) is an npm package missing where the step runs:
/// a missing dependency, fixed in package.json (never by autoheal). A name
/// with whitespace (`messages/whitespace-found.js`, the same opening then `.
/// because there is whitespace in the name`) is the configuration's mistake.
fn eslint_could_not_find(line: &Line<'_>) -> Option<Hit> {
    if let Some(c) = regex!(r#"^ESLint couldn't find the plugin "([^"\s]+)"\.$"#).captures(line.text.trim()) {
        return npm_package_hit(&c[1], "ESLint could not load its plugin,");
    }
    regex!(r#"^ESLint couldn't find (?:an eslint\.config\.\S+ file|a configuration file|the plugin "[^"]+"|the config "[^"]+" to extend from)\.?"#)
        .is_match(line.text.trim())
        .then(|| {
            Hit::blocker(
                "ESLint could not load its configuration (ESLint 9 reads only a flat eslint.config.* file; a plugin \
                 or shared config the configuration names was not found): the configuration is the project's to \
                 change.",
            )
        })
}

/// Tests mocha ran failed (its `Error: Timeout of {n}ms exceeded` is a
/// test's own limit, not the job's): the failures are listed below it.
fn mocha_summary(line: &Line<'_>) -> Option<Hit> {
    regex!(r"^[1-9]\d* failing$")
        .is_match(line.text.trim())
        .then(|| Hit::blocker("Tests that mocha ran failed (listed below the summary)."))
}

fn yarn_build_failed(line: &Line<'_>) -> Option<Hit> {
    regex!(r"YN0009: (?:│ )?\S+ couldn't be built successfully \(exit code")
        .is_match(line.text)
        .then(|| {
            Hit::blocker(
                "A package's install (build) script failed under Yarn; its build log is on the runner only: a person \
                 reads the package's build requirements.",
            )
        })
}

fn require_esm(line: &Line<'_>) -> Option<Hit> {
    regex!(r"^(?:Error )?\[ERR_REQUIRE_ESM\]: require\(\) of ES Module ")
        .is_match(line.text.trim_start())
        .then(|| {
            Hit::blocker(
                "CommonJS code require()d a package that ships only as an ES module: a person changes the import or \
                 pins the package's last CommonJS release.",
            )
        })
}

fn missing_script(_: &Line<'_>) -> Option<Hit> {
    Some(Hit::blocker("package.json has no script with that name."))
}

fn heap_out_of_memory(_: &Line<'_>) -> Option<Hit> {
    Some(Hit::blocker("Node.js ran out of heap memory."))
}

/// The code of npm's error code line (`npm ERR! code {CODE}`, npm 10's `npm
/// error code {CODE}`): read once for the entries that share the line.
fn npm_error_code(text: &str) -> Option<&str> {
    regex!(r"npm (?:ERR!|error) code (\S+)")
        .captures(text)
        .and_then(|c| c.get(1))
        .map(|m| m.as_str())
}

/// The prefix npm writes before every line of its failure report (npm 10+'s
/// `npm error `, npm 6-9's `npm ERR! `), including the relayed output of a
/// failed install or lifecycle script (node-gyp, a `postinstall`).
pub fn relay_prefix(text: &str) -> Option<&'static str> {
    ["npm error ", "npm ERR! "]
        .into_iter()
        .find(|p| text.trim_start().starts_with(p))
}

fn script_failed(line: &Line<'_>) -> Option<Hit> {
    let text = line.text;
    let failed = match npm_error_code(text) {
        Some(code) => code == "ELIFECYCLE" || code.chars().all(|c| c.is_ascii_digit()),
        None => text.contains("npm") && (text.contains("Failed at the") || text.contains("command failed")),
    };
    failed.then(|| {
        Hit::new(
            Category::Unknown,
            0.2,
            Strength::StepFailed,
            "An npm script failed; its own output above says why.",
        )
    })
}

fn yarn_pnpm_succeeded(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim();
    let yarn_classic = regex!(r"^(?:✨\s+)?Done in \d+(?:\.\d+)?s\.$");
    let yarn_berry = regex!(r"^➤ YN0000: (?:· )?Done (?:with warnings )?in \d+(?:ms|s|m)\b");
    let pnpm = regex!(r"^(?:Packages: \+\d+$|Done in \d+(?:\.\d+)?m?s(?: using pnpm v\S+)?$)");
    [yarn_classic, yarn_berry, pnpm]
        .iter()
        .any(|r| r.is_match(text))
        .then(|| Hit::notice("yarn or pnpm finished."))
}

fn npm_install_succeeded(line: &Line<'_>) -> Option<Hit> {
    regex!(r"^(?:added \d+ packages?(?:, and| from \d+ contributors? and)|up to date,) audited \d+ packages? in \S+$")
        .is_match(line.text.trim())
        .then(|| Hit::notice("npm installed the packages."))
}

/// bun test's heading of a failed `expect` (its own frame and values are
/// quotes, `quoted.rs`).
fn bun_test_failed(line: &Line<'_>) -> Option<Hit> {
    regex!(r"^error: expect\(received\)(?:\.(?:not|resolves|rejects))*\.\w+\(")
        .is_match(line.text.trim_start())
        .then(|| Hit::blocker("A bun test failed (an `expect` did not hold): a code failure, not fixed."))
}

/// See [`CRASH_ENTRIES`]: the line is an error's name and message, right
/// after a blank line that follows the `^` marker of Node's throwing frame.
fn uncaught_exception(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim_end();
    let c = regex!(r"^((?:[A-Z][A-Za-z]*)?(?:Error|Exception))(?: \[[A-Z0-9_]+\])?: (.+)$").captures(text)?;
    let [.., marker, blank] = line.recent else {
        return None;
    };
    let thrown_here = blank.trim().is_empty() && regex!(r"^\s*\^+\s*$").is_match(marker);
    thrown_here.then(|| {
        Hit::blocker(format!(
            "A Node.js program stopped on an uncaught {}: {} (its stack trace below says where).",
            &c[1],
            display_text(&c[2].chars().take(160).collect::<String>())
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// ESLint's crash report names no file of the workflow: a configuration
    /// file it looked for is ESLint's choice of format, not a moved path.
    #[test]
    fn eslint_s_configuration_refusals_are_the_project_s() {
        crate::classify::catalogue::assert_reads(
            eslint_could_not_find,
            &[
                "ESLint couldn't find an eslint.config.(js|mjs|cjs) file.",
                "ESLint couldn't find the plugin \"eslint-plugin-react\".",
                "ESLint couldn't find the config \"airbnb\" to extend from. Please check that the name of the config \
                 is correct.",
            ],
            &["echo ESLint couldn't find your files", "ESLint couldn't find anything"],
        );
        let hit = eslint_could_not_find(&Line::plain("ESLint couldn't find a configuration file.")).expect("read");
        assert_eq!(
            (hit.category, hit.fixable, hit.subject),
            (Category::Unknown, false, None)
        );
    }

    /// `messages/plugin-missing.js`: the plugin is an npm package ESLint
    /// could not load from the project (a dev dependency not installed), a
    /// missing dependency the project's manifest fixes; a name with
    /// whitespace (`whitespace-found.js`) is the configuration's mistake.
    #[test]
    fn a_plugin_eslint_could_not_load_is_a_missing_npm_package() {
        for (text, name) in [
            (
                "ESLint couldn't find the plugin \"eslint-plugin-react\".",
                "eslint-plugin-react",
            ),
            (
                "ESLint couldn't find the plugin \"@typescript-eslint/eslint-plugin\".",
                "@typescript-eslint/eslint-plugin",
            ),
        ] {
            let hit = eslint_could_not_find(&Line::plain(text)).expect("read");
            assert_eq!(
                (hit.category, hit.subject.as_deref(), hit.fixable),
                (Category::MissingDependency, Some(name), false),
                "{text}"
            );
        }
        let spaced = "ESLint couldn't find the plugin \"eslint-plugin-foo bar\". because there is whitespace in the name. \
                      Please check your configuration and remove all whitespace characters.";
        let hit = eslint_could_not_find(&Line::plain(spaced)).expect("read");
        assert_eq!((hit.category, hit.subject), (Category::Unknown, None));
    }

    /// An ESM import of a missing file is the code's import, not a file the
    /// step runs (never a path fix); a missing entry point stays a file.
    #[test]
    fn an_esm_import_of_a_missing_file_is_the_codes() {
        let import = "Error [ERR_MODULE_NOT_FOUND]: Cannot find module '/home/runner/work/cli/cli/dist/commands/init' \
                      imported from /home/runner/work/cli/cli/dist/index.js";
        let hit = package_not_found(&Line::plain(import)).expect("read");
        assert_eq!((hit.category, hit.fixable), (Category::Unknown, false));
        let entry = "Error: Cannot find module '/home/runner/work/cli/cli/dist/cli.mjs'";
        let hit = package_not_found(&Line::plain(entry)).expect("read");
        assert_eq!(
            (hit.category, hit.subject.as_deref()),
            (Category::FileNotFound, Some("dist/cli.mjs"))
        );
    }

    /// pnpm's failed fetch is a failed install, except its 429, which is
    /// the rate-limit entries'.
    #[test]
    fn pnpm_fetch_errors_but_429_are_failed_installs() {
        let hit = install_failure(&Line::plain(
            " ERR_PNPM_FETCH_404  GET https://registry.npmjs.org/@acme%2Ftokens: Not Found - 404",
        ))
        .expect("read");
        assert_eq!(hit.strength, Strength::InstallFailure);
        assert!(
            install_failure(&Line::plain(
                " ERR_PNPM_FETCH_429  GET https://registry.npmjs.org/zod: Too Many Requests - 429"
            ))
            .is_none()
        );
    }

    /// ESM's `imported from {parent}` decides what a missing module is: the
    /// working directory (`{cwd}/`) as parent is the entry point the step
    /// ran (a file), a parent inside `node_modules` is a package's own
    /// import (its install, not the project's code), any other parent is the
    /// project's import.
    #[test]
    fn esm_not_found_is_decided_by_its_parent() {
        let hit = |text: &str| package_not_found(&Line::plain(text)).expect("read");
        let entry = hit(
            "Error [ERR_MODULE_NOT_FOUND]: Cannot find module '/home/runner/work/a/a/src/seed.ts' imported \
                         from /home/runner/work/a/a/",
        );
        assert_eq!(
            (entry.category, entry.subject.as_deref()),
            (Category::FileNotFound, Some("src/seed.ts"))
        );
        let entry = hit(
            "Error [ERR_MODULE_NOT_FOUND]: Cannot find module 'D:\\a\\t\\t\\scripts\\release.ts' \
                         imported from D:\\a\\t\\t\\",
        );
        assert_eq!(
            (entry.category, entry.subject.as_deref()),
            (Category::FileNotFound, Some("scripts/release.ts"))
        );
        let own = hit(
            "Error [ERR_MODULE_NOT_FOUND]: Cannot find module '/w/node_modules/@acme/ui/dist/x' imported \
                       from /w/node_modules/@acme/ui/dist/index.mjs",
        );
        assert_eq!((own.category, own.fixable), (Category::Unknown, false));
        assert!(own.message.contains("'@acme/ui'"), "{}", own.message);
        let project = hit(
            "Error [ERR_MODULE_NOT_FOUND]: Cannot find module '/w/dist/commands/init' imported from \
                           /w/dist/index.js",
        );
        assert_eq!((project.category, project.fixable), (Category::Unknown, false));
        assert!(project.message.starts_with("The code imports"), "{}", project.message);
        let dependency = hit(
            "Error [ERR_MODULE_NOT_FOUND]: Cannot find package 'globals' imported from \
                              /w/node_modules/.pnpm/cfg@3.1.0/node_modules/cfg/index.js",
        );
        assert_eq!(
            (dependency.category, dependency.subject.as_deref()),
            (Category::MissingDependency, Some("globals"))
        );
        assert!(dependency.message.contains("'cfg'"), "{}", dependency.message);
        let project = hit("Error [ERR_MODULE_NOT_FOUND]: Cannot find package 'kysely' imported from /w/db/migrate.mjs");
        assert!(!project.message.contains("installed package"), "{}", project.message);
    }

    /// A packed Electron app's `require()` of a package its archive lacks:
    /// the packaging's mistake, not the install's (Playwright's call log
    /// prefix on each line of Electron's stderr, and Windows' archive path).
    #[test]
    fn a_package_missing_from_an_electron_archive_is_the_packaging_s() {
        let prefix = "      - [pid=6112][err] ";
        let hit = required_by(
            &format!("{prefix}Error: Cannot find module 'electron-log/main'"),
            &format!("{prefix}Require stack:"),
            &format!("{prefix}- /Users/r/w/q/q/dist/mac-arm64/Q.app/Contents/Resources/app.asar/out/main/index.js"),
        )
        .expect("an archive's file requires it");
        assert_eq!((hit.category, hit.fixable), (Category::Unknown, false));
        assert!(
            hit.message.contains("'electron-log'") && hit.message.contains("app.asar"),
            "{}",
            hit.message
        );
        let hit = required_by(
            "Error: Cannot find module 'sqlite3'",
            "Require stack:",
            "- C:\\Users\\runneradmin\\AppData\\Local\\Programs\\q\\resources\\app.asar\\main.js",
        )
        .expect("an archive's file requires it");
        assert_eq!(hit.category, Category::Unknown);
        // A relative request from the archive is the app's own file: as before.
        assert!(
            required_by(
                "Error: Cannot find module './preload.js'",
                "Require stack:",
                "- /w/dist/linux-unpacked/resources/app.asar/main.js",
            )
            .is_none()
        );
    }

    /// CommonJS's `Require stack:` decides by its first entry, the file
    /// whose `require()` failed: a package's (its dependency, its own file)
    /// or the project's (an absolute path is the code's, a package or a
    /// relative path stays as the message line read it).
    #[test]
    fn cjs_not_found_is_decided_by_the_first_file_of_its_require_stack() {
        let stack = "Require stack:";
        let by = |message: &str, first: &str| required_by(message, stack, first);
        let dependency = by(
            "Error: Cannot find module 'ms'",
            "- /w/node_modules/.pnpm/debug@4.3.7/node_modules/debug/src/common.js",
        )
        .expect("a package requires it");
        assert_eq!(
            (dependency.category, dependency.subject.as_deref(), dependency.fixable),
            (Category::MissingDependency, Some("ms"), false)
        );
        assert!(dependency.message.contains("'debug'"), "{}", dependency.message);
        let scoped = by(
            "Error: Cannot find module '@babel/runtime/helpers/x'",
            "- D:\\a\\w\\w\\node_modules\\@mui\\utils\\node\\index.js",
        )
        .expect("a package requires it");
        assert_eq!(scoped.subject.as_deref(), Some("@babel/runtime"));
        assert!(scoped.message.contains("'@mui/utils'"), "{}", scoped.message);
        for (request, first) in [
            ("./utils", "- /w/node_modules/handlebars/dist/cjs/handlebars/base.js"),
            ("../lib/x", "- /w/node_modules/handlebars/bin/handlebars.js"),
            (
                "/w/node_modules/handlebars/lib/x.js",
                "- /w/node_modules/handlebars/bin/handlebars.js",
            ),
            ("/w/dist/config.js", "- /w/scripts/deploy.js"),
        ] {
            let hit = by(&format!("Error: Cannot find module '{request}'"), first).expect("decided");
            assert_eq!((hit.category, hit.fixable), (Category::Unknown, false), "{request}");
        }
        // A tool told to load a project file (`mocha --require test/setup.js`):
        // the message line's own reading (a file) stands.
        assert!(
            by(
                "Error: Cannot find module '/w/test/setup.js'",
                "- /w/node_modules/mocha/lib/cli/run.js"
            )
            .is_none()
        );
        // The project requires a package or a relative file: as the line read it.
        assert!(by("Error: Cannot find module 'dotenv'", "- /w/scripts/deploy.js").is_none());
        assert!(by("Error: Cannot find module './routes'", "- /w/src/app.js").is_none());
        // Not a stack of that message: no absolute parent, another prefix,
        // an ESM line, no `Require stack:` line.
        assert!(by("Error: Cannot find module 'ms'", "- [eval]").is_none());
        assert!(by("Error: Cannot find module 'ms'", "- internal/preload").is_none());
        assert!(
            by(
                "api:test: Error: Cannot find module 'ms'",
                "- /w/node_modules/debug/src/node.js"
            )
            .is_none()
        );
        assert!(
            required_by(
                "api:test: Error: Cannot find module 'ms'",
                "api:test: Require stack:",
                "api:test: - /w/node_modules/debug/src/node.js"
            )
            .is_some()
        );
        assert!(
            required_by(
                "Error [ERR_MODULE_NOT_FOUND]: Cannot find module '/w/x' imported from /w/y.js",
                stack,
                "- /w/node_modules/debug/src/node.js"
            )
            .is_none()
        );
        assert!(
            required_by(
                "Error: Cannot find module 'ms'",
                "    at Module._load (node:internal/modules/cjs/loader:1075:27)",
                "- /w/node_modules/debug/src/node.js"
            )
            .is_none()
        );
    }

    /// A program of node-gyp's toolchain, whether node-gyp looked it up
    /// (`not found: make`) or make ran it (`make: cc: No such file or
    /// directory` under node-gyp's lines), is named but not fixable; make's
    /// same words outside node-gyp's build are not this entry's.
    #[test]
    fn node_gyps_toolchain_is_no_one_program_install() {
        let hit = node_gyp_tool_missing(&Line::plain("npm error gyp ERR! stack Error: not found: make")).expect("read");
        assert_eq!(
            (hit.category, hit.subject.as_deref(), hit.fixable),
            (Category::MissingCommand, Some("make"), false)
        );
        let recent = ["npm error gyp info spawn make"];
        let line = Line {
            recent: &recent,
            ..Line::plain("npm error make: cc: No such file or directory")
        };
        let hit = node_gyp_compiler_missing(&line).expect("read");
        assert_eq!(
            (hit.category, hit.subject.as_deref(), hit.fixable),
            (Category::MissingCommand, Some("cc"), false)
        );
        assert!(node_gyp_compiler_missing(&Line::plain("make: cc: No such file or directory")).is_none());
        let line = Line {
            recent: &recent,
            ..Line::plain("npm error make: ./gen.sh: No such file or directory (retrying)")
        };
        assert!(node_gyp_compiler_missing(&line).is_none());
    }

    /// node-gyp's missing build program is a command; corepack's refusal is
    /// for a person.
    #[test]
    fn node_gyp_and_corepack_refusals() {
        let hit = node_gyp_tool_missing(&Line::plain("gyp ERR! stack Error: not found: make")).expect("read");
        assert_eq!(
            (hit.category, hit.subject.as_deref()),
            (Category::MissingCommand, Some("make"))
        );
        assert!(node_gyp_tool_missing(&Line::plain("gyp ERR! stack Error: not found: make (retrying)")).is_none());
        let hit = corepack_mismatch(&Line::plain(
            "Usage Error: This project is configured to use yarn because /w/package.json has a \"packageManager\" field",
        ))
        .expect("read");
        assert_eq!((hit.category, hit.fixable), (Category::Unknown, false));
        assert!(
            corepack_mismatch(&Line::plain(
                "Fall back: if package.json has a \"packageManager\" field, use it"
            ))
            .is_none()
        );
    }

    /// yarn classic's spawn failure names the program as its whole message;
    /// the same words inside a longer sentence are another tool's.
    #[test]
    fn yarn_names_the_program_it_could_not_spawn() {
        let hit = spawn_enoent(&Line::plain("error Couldn't find the binary git")).expect("read");
        assert_eq!(
            (hit.category, hit.subject.as_deref()),
            (Category::MissingCommand, Some("git"))
        );
        for text in [
            "Couldn't find the binary git in the package, see the docs",
            "[!] Couldn't find the binary 'tool' in the package.",
            // review80 L2: yarn classic always prints its `error ` prefix.
            "Couldn't find the binary git",
            "  Couldn't find the binary protoc",
        ] {
            assert!(spawn_enoent(&Line::plain(text)).is_none(), "{text}");
        }
    }

    #[test]
    fn an_uncaught_exception_is_read_only_under_nodes_throw_marker() {
        let frame = [
            "/home/runner/work/app/app/scripts/seed.js:14",
            "    throw new TypeError(`bad row ${i}`);",
            "    ^",
            "",
        ];
        let read = |text: &str, recent: &[&str]| {
            uncaught_exception(&Line {
                recent,
                ..Line::plain(text)
            })
        };
        let hit = read("TypeError: bad row 3", &frame).expect("read");
        assert!(hit.message.contains("uncaught TypeError"), "{}", hit.message);
        assert!(
            read(
                "Error [ERR_INVALID_ARG_TYPE]: The \"path\" argument must be of type string",
                &frame
            )
            .is_some()
        );
        // The same words printed by a program that went on, or a log line.
        assert!(read("TypeError: bad row 3", &["starting", ""]).is_none());
        assert!(read("TypeError: bad row 3", &[]).is_none());
        assert!(read("error: bad row 3", &frame).is_none());
    }

    #[test]
    fn bun_test_failures() {
        crate::classify::catalogue::assert_reads(
            bun_test_failed,
            &[
                "error: expect(received).toEqual(expected)",
                "error: expect(received).not.toContain(expected)",
                "error: expect(received).rejects.toThrow()",
            ],
            &["expect(received).toBe(expected)", "error: expected 2 arguments"],
        );
    }

    #[test]
    fn mochas_summary_decides_only_on_its_own_line() {
        assert!(mocha_summary(&Line::plain("  2 failing")).is_some());
        assert!(mocha_summary(&Line::plain("  0 failing")).is_none());
        assert!(mocha_summary(&Line::plain("expect(out).toContain('1 failing')")).is_none());
    }

    #[test]
    fn yarn_and_pnpm_success_lines_and_near_misses() {
        crate::classify::catalogue::assert_reads(
            yarn_pnpm_succeeded,
            &[
                "Done in 41.07s.",
                "✨  Done in 3.12s.",
                "➤ YN0000: · Done in 13s 402ms",
                "➤ YN0000: Done with warnings in 2m 1s",
                "Packages: +644",
                "Done in 14.2s",
                "Done in 2.1s using pnpm v9.15.0",
            ],
            &[
                "➤ YN0000: · Failed with errors in 4s 18ms",
                "Done in time for the release",
                "Packages: -3",
                "echo Done in 5s.",
            ],
        );
    }
}

#[cfg(test)]
mod pnpm_lockfile_advice {
    /// A lockfile "not compatible with current pnpm" was written by another
    /// pnpm major: the advice is that version, not a lockfile to update.
    #[test]
    fn a_breaking_lockfile_asks_for_the_pnpm_that_wrote_it() {
        let hit = super::install_failure(&crate::classify::hit::Line::plain(
            " ERR_PNPM_LOCKFILE_BREAKING_CHANGE  Lockfile /home/runner/work/a/a/pnpm-lock.yaml not compatible with \
             current pnpm",
        ))
        .expect("read");
        assert!(!hit.fixable);
        assert!(hit.message.contains("packageManager"), "{}", hit.message);
        assert!(!hit.message.contains("out-of-date lockfile"), "{}", hit.message);
        let outdated = super::install_failure(&crate::classify::hit::Line::plain(
            " ERR_PNPM_OUTDATED_LOCKFILE  Cannot install with \"frozen-lockfile\" because pnpm-lock.yaml is not up to \
             date with package.json",
        ))
        .expect("read");
        assert!(outdated.message.contains("pnpm install"), "{}", outdated.message);
    }
}

/// pnpm's refusal of unapproved build scripts is the failure, not the
/// `Run "pnpm approve-builds" …` hint printed under it.
#[cfg(test)]
mod pnpm_ignored_builds {
    use crate::classify::tests::analyze_text as analyze;

    #[test]
    fn the_refusal_is_the_root_and_asks_a_person_to_approve() {
        for code in [" ERR_PNPM_IGNORED_BUILDS ", "[ERR_PNPM_IGNORED_BUILDS]"] {
            let log = format!(
                "##[group]Run pnpm install --frozen-lockfile\npnpm install --frozen-lockfile\n##[endgroup]\n\
                 Packages: +212\nProgress: resolved 212, reused 0, downloaded 212, added 212, done\n\n\
                 {code} Ignored build scripts: esbuild@0.25.10, sharp@0.34.4.\n\n\
                 Run \"pnpm approve-builds\" to pick which dependencies should be allowed to run scripts.\n\
                 ##[error]Process completed with exit code 1.\n"
            );
            let analysis = analyze(&log);
            let root = analysis.root_cause().expect("a failure");
            assert_eq!(root.category, crate::report::Category::Unknown, "{root:?}");
            assert!(!root.fixable, "{root:?}");
            assert!(root.message.contains("approve"), "{root:?}");
            assert!(
                root.evidence
                    .first()
                    .is_some_and(|e| e.text.contains("Ignored build scripts")),
                "{root:?}"
            );
        }
    }

    /// The pnpm 10 warning box (strict-dep-builds off) fails nothing.
    #[test]
    fn the_warning_box_is_not_read() {
        assert!(
            super::install_failure(&crate::classify::hit::Line::plain(
                "│   Ignored build scripts: esbuild.                                                          │"
            ))
            .is_none_or(|hit| !hit.message.contains("approve"))
        );
    }
}

#[cfg(test)]
mod npm_limit_forms {
    #[test]
    fn only_the_printed_forms_of_a_429_are_a_limit() {
        crate::classify::catalogue::assert_reads(
            super::npm_too_many_requests,
            &[
                "npm ERR! code E429",
                "npm error 429 Too Many Requests - GET https://registry.npmjs.org/left-pad",
                " ERR_PNPM_FETCH_429  GET https://registry.npmjs.org/react: Too Many Requests - 429",
            ],
            &[
                "error - 2026-12-06 13:50:08,316 -- Upload failed: {\"message\":\"Report for commit 9f2e4291ab not found\"}",
                "Downloaded sha256:8e4290a1 layer E4290",
                "npm ERR! code E4290",
            ],
        );
    }
}
