//! Native build tools: C/C++ compilers and linkers, the dynamic loader, GNU
//! make, CMake and doxygen; pkg-config's `Package {name} was not found in the
//! pkg-config search path.`.
//!
//! Sources: GCC (`fatal error: {header}: No such file or directory`) and Clang
//! (`fatal error: '{header}' file not found`) and their `{file}:{line}:{col}:
//! error: {message}` diagnostics (swiftc prints the same form), GNU ld (`cannot find -l{lib}`,
//! `undefined reference to`), glibc's loader (`error while loading shared
//! libraries: {lib}: cannot open shared object file: No such file or
//! directory`), xcode-select (`xcode-select: error: tool '{tool}' requires
//! Xcode, but active developer directory '{dir}' is a command line tools
//! instance`), Apple's dyld (`dyld[{pid}]: Library not loaded: {install name}`
//! with `Referenced from:` and `Reason:` lines below it, see
//! `build_tools::dyld_library_not_loaded`), GNU make (`make: *** No targets specified and no makefile
//! found.  Stop.`, `No rule to make target '{t}'`), CMake (`The source directory
//! "{dir}" does not exist.`, `… does not appear to contain CMakeLists.txt.`,
//! `CMake Error at {file}:{line} ({command}):`, `CMake was unable to find a
//! build program corresponding to "{generator}".` from `cmGlobalGenerator`),
//! ninja (`ninja: error: '{path}', needed by '{target}', missing and no known
//! rule to make it`, `src/build.cc`), Meson (`{file}:{line}:{col}: ERROR:
//! {message}`, `mesonbuild/mlog.py`'s located errors; and `ERROR: Cannot find
//! specified {native|cross} file: {f}`, raised by `coredata.py`'s machine-file
//! loader when a `--native-file`/`--cross-file` path is neither a file from
//! the working directory nor under `$XDG_DATA_HOME`/`$XDG_DATA_DIRS`'s
//! `meson/{native|cross}/`: with one file given, `{f}` is that file's path as
//! written; with several, the last one given, missing or not, so the subject
//! is read from the `Could not find any valid candidate for {native|cross}
//! files: …` list Meson logs just before, when it is there),
//! doxygen (`error: configuration file {file} not found!`), CTest's summary
//! (`{p}% tests passed, {f} tests failed out of {n}`, `cmCTestTestHandler.cxx`;
//! a failed count of 0 is a pass) and autoconf's `AC_MSG_ERROR`, which a
//! generated `configure` prints through `as_fn_error` as `configure: error:
//! {message}` (`AC_MSG_FAILURE` puts a `configure: error: in '{dir}':` line
//! before it, a heading: the message decides). pkg-config's `pkg.m4`
//! (`PKG_CHECK_MODULES`) fails that way with `The pkg-config script could not
//! be found or is too old.  Make sure it` when `PKG_PROG_PKG_CONFIG` found no
//! `pkg-config` (`checking for pkg-config... no`; "too old" is below 0.9.0,
//! checked by `checking pkg-config is at least version …`).
//!
//! CMake's modules stop with `message(FATAL_ERROR …)`, which CMake prints as a
//! `CMake Error at {module}:{line} (message):` heading with the module's text
//! indented below it: the heading only says where, so it is a summary whose
//! cause is the text. `CMakeDetermineSystem.cmake` says `Could not find
//! toolchain file: {CMAKE_TOOLCHAIN_FILE}` when the toolchain file given
//! (`-DCMAKE_TOOLCHAIN_FILE=`, `--toolchain`) is neither under the build
//! directory nor the source directory, as written; CMake then goes on to
//! `CMake was unable to find a build program corresponding to "{generator}"`
//! and `CMAKE_{LANG}_COMPILER not set, after EnableLanguage`, consequences of
//! the system it could not determine, not missing programs. Meson's test
//! runner (`mesonbuild/mtest.py`) lists the tests that did not pass under
//! `Summary of Failures:` (`{n}/{total} {project}:{suite} / {name}
//! {FAIL|TIMEOUT|ERROR|UNEXPECTEDPASS} {seconds}s …`), after the counts: a test's
//! `TIMEOUT` is its own `timeout:` in meson.build, not the job's time limit.
//! Apple's linkers (ld64 and Xcode 15's) report missing symbols as
//! `Undefined symbols for architecture {arch}:` with the symbols and their
//! references below, then `ld: symbol(s) not found for architecture {arch}`:
//! the architecture names what was being linked, not a runner mismatch.

use super::util::{after, command_hit, path_hit, quoted, regex, runner_hit, runner_tool_cache_arch};
use super::{Entry, cmake_system, ex, ex_after};
use crate::classify::hit::{Hit, Line, Strength};
use crate::report::{Category, RunnerClass, RunnerFailure, SubjectDetail};
use crate::subject::display_text;

/// GNU make's status line for a recipe line it was told to ignore (`-` before
/// the command, or `make -i`): `make: [{file}:{line}: {target}] Error {n}
/// (ignored)` (job.c's `child_error`, with `(ignored)` when the error is
/// ignored). It follows what the failed command printed, which then did not
/// stop make (`super::super` weakens those lines).
pub fn make_ignored(text: &str) -> bool {
    regex!(r"^g?make(?:\[\d+\])?: \[[^\]]*\] Error \d+ \(ignored\)$").is_match(text.trim())
}

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "build_tools/missing-header",
        grammar: "{file}:{line}:{col}: fatal error: {header}: No such file or directory (GCC; German \
                  `schwerwiegender Fehler: {header}: Datei oder Verzeichnis nicht gefunden`, French `erreur fatale : \
                  {header} : …`) | fatal error: '{header}' file not found (Clang)",
        needles: &["fatal error:", "schwerwiegender Fehler:", "erreur fatale"],
        check: missing_header,
        examples: &[
            ex(
                "src/ext.c:3:10: fatal error: Python.h: No such file or directory",
                Category::Unknown,
                None,
            ),
            ex(
                "src/uplink.c:3:10: schwerwiegender Fehler: openssl/ssl.h: Datei oder Verzeichnis nicht gefunden",
                Category::Unknown,
                None,
            ),
            ex(
                "src/uplink.c:3:10: erreur fatale : openssl/ssl.h : Aucun fichier ou dossier de ce type",
                Category::Unknown,
                None,
            ),
            ex(
                "lib.cpp:1:10: fatal error: 'zlib.h' file not found",
                Category::Unknown,
                None,
            ),
        ],
    },
    Entry {
        id: "build_tools/missing-shared-library",
        grammar: "error while loading shared libraries: {lib}: cannot open shared object file: No such file or \
                  directory | {lib}: cannot open shared object file",
        needles: &["cannot open shared object file"],
        check: missing_shared_library,
        examples: &[ex(
            "ImportError: libGL.so.1: cannot open shared object file: No such file or directory",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "build_tools/dyld-library-not-loaded",
        grammar: "dyld[{pid}]: Library not loaded: {install name} / Referenced from: <{uuid}> {image} / Reason: \
                  tried: '{path}' ({why}), … (dyld 4, macOS 12 and later) | dyld: Library not loaded: {install name} / \
                  Referenced from: {image} / Reason: image not found (older dyld) | dlopen({image}, {mode}): Library \
                  not loaded: … (the same text relayed by dlopen, e.g. in Python's ImportError)",
        needles: &["Library not loaded:", "Referenced from:"],
        check: dyld_library_not_loaded,
        examples: &[
            ex(
                "dyld[812]: Library not loaded: /usr/local/opt/readline/lib/libreadline.8.dylib",
                Category::Unknown,
                None,
            ),
            ex(
                "dyld: Library not loaded: /usr/local/opt/libffi/lib/libffi.8.dylib   Referenced from: \
                 /Users/runner/hostedtoolcache/Ruby/3.1.6/x64/bin/ruby   Reason: image not found",
                Category::OptionalJob,
                Some("architecture_mismatch"),
            ),
            ex(
                "dyld[97]: Library not loaded: /opt/homebrew/opt/x265/lib/libx265.209.dylib Referenced from: \
                 <0A1B2C3D-0000-3000-8000-000000000000> /opt/homebrew/Cellar/ffmpeg/7.1/bin/ffmpeg",
                Category::Unknown,
                None,
            ),
        ],
    },
    Entry {
        id: "build_tools/xcode-select-command-line-tools",
        grammar: "xcode-select: error: tool '{tool}' requires Xcode, but active developer directory '{dir}' is a \
                  command line tools instance",
        needles: &["requires Xcode, but active developer directory"],
        check: xcode_select_command_line_tools,
        examples: &[ex(
            "xcode-select: error: tool 'xcrun' requires Xcode, but active developer directory \
             '/Library/Developer/CommandLineTools' is a command line tools instance",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "build_tools/xcodebuild-error",
        grammar: "xcodebuild: error: {message} (xcodebuild's own refusals: a scheme, destination or project it \
                  cannot find) | xcodebuild: error: '{path}.{xcodeproj|xcworkspace}' does not exist. (the `-project` \
                  or `-workspace` it was given is not there)",
        needles: &["xcodebuild: error: "],
        check: xcodebuild_error,
        examples: &[
            ex(
                "xcodebuild: error: The project named \"App\" does not contain a scheme named \"AppTests\".",
                Category::Unknown,
                None,
            ),
            ex(
                "xcodebuild: error: 'ios/Pocket.xcodeproj' does not exist.",
                Category::FileNotFound,
                Some("ios/Pocket.xcodeproj"),
            ),
            ex(
                "xcodebuild: error: '/Users/runner/work/app/app/App.xcworkspace' does not exist.",
                Category::FileNotFound,
                Some("App.xcworkspace"),
            ),
        ],
    },
    Entry {
        id: "build_tools/compiler-error",
        grammar: "{file}.{c|cc|cpp|cxx|h|hpp|m|mm|swift}:{line}:{col}: error: {message} (GCC, Clang and swiftc \
                  diagnostics)",
        needles: &[": error: "],
        check: compiler_error,
        examples: &[ex(
            "Sources/App/Client.swift:2:8: error: no such module 'Alamofire'",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "build_tools/meson-error",
        grammar: "{dir/}meson.build:{line}:{col}: ERROR: {message} (Meson's error at a build-file location, also \
                  inside pip's relay of a meson-python backend)",
        needles: &["meson.build:"],
        check: meson_error,
        examples: &[ex(
            "../meson.build:1:0: ERROR: Unknown compiler(s): [['c++'], ['g++'], ['clang++']]",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "build_tools/meson-machine-file-missing",
        grammar: "ERROR: Cannot find specified {native|cross} file: {path} (Meson's machine-file loader)",
        needles: &[
            "Cannot find specified native file: ",
            "Cannot find specified cross file: ",
        ],
        check: meson_machine_file_missing,
        examples: &[ex(
            "ERROR: Cannot find specified native file: ci/native-gcc.ini",
            Category::FileNotFound,
            Some("ci/native-gcc.ini"),
        )],
    },
    Entry {
        id: "build_tools/pkg-config-missing",
        grammar: "Package {name} was not found in the pkg-config search path. | Package '{name}', required by \
                  '{by}', not found (pkg-config, pkgconf)",
        needles: &["was not found in the pkg-config search path", ", not found"],
        check: pkg_config_missing,
        examples: &[ex(
            "Package openssl was not found in the pkg-config search path.",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "build_tools/link-error",
        grammar: "/usr/bin/ld: cannot find -l{lib} | undefined reference to `{symbol}' | collect2: error: ld returned 1 \
                  exit status | Undefined symbols for architecture {arch}: (Apple's ld) | ld: symbol(s) not found for \
                  architecture {arch} | ld: library '{lib}' not found (Apple's ld since Xcode 15) | ld: library not \
                  found for -l{lib} (its older ld64)",
        needles: &[
            "cannot find -l",
            "ld: library '",
            "ld: library not found for -l",
            "undefined reference to",
            "ld returned",
            "Undefined symbols for architecture ",
            "symbol(s) not found for architecture ",
        ],
        check: link_error,
        examples: &[
            ex("/usr/bin/ld: cannot find -lssl", Category::Unknown, None),
            ex("collect2: error: ld returned 1 exit status", Category::Unknown, None),
            ex("Undefined symbols for architecture arm64:", Category::Unknown, None),
            ex("          ld: library 'pq' not found", Category::Unknown, None),
        ],
    },
    Entry {
        id: "build_tools/make-no-makefile",
        grammar: "make: *** No targets specified and no makefile found.  Stop.",
        needles: &["no makefile found"],
        check: make_no_makefile,
        examples: &[ex(
            "make: *** No targets specified and no makefile found.  Stop.",
            Category::FileNotFound,
            Some("Makefile"),
        )],
    },
    Entry {
        id: "build_tools/make-failure",
        grammar: "make: *** No rule to make target '{target}'.  Stop. | make: *** [{file}:{line}: {target}] Error {n}",
        needles: &["No rule to make target", "make: ***", "make[1]: ***"],
        check: make_failure,
        examples: &[ex(
            "make: *** No rule to make target 'docs'.  Stop.",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "build_tools/cmake-source-missing",
        grammar: "CMake Error: The source directory \"{dir}\" does not exist. | The source directory \"{dir}\" does not \
                  appear to contain CMakeLists.txt.",
        needles: &["The source directory"],
        check: cmake_source_missing,
        examples: &[ex(
            "CMake Error: The source directory \"/home/runner/work/app/app/native\" does not exist.",
            Category::FileNotFound,
            Some("native"),
        )],
    },
    Entry {
        id: "build_tools/doxygen-config-missing",
        grammar: "error: configuration file {file} not found!",
        needles: &["error: configuration file"],
        check: doxygen_config_missing,
        examples: &[ex(
            "error: configuration file docs/Doxyfile not found!",
            Category::FileNotFound,
            Some("docs/Doxyfile"),
        )],
    },
    Entry {
        id: "build_tools/cmake-build-program-missing",
        grammar: "CMake Error: CMake was unable to find a build program corresponding to \"{generator}\".  \
                  CMAKE_MAKE_PROGRAM is not set.  You probably need to select a different build tool.",
        needles: &["unable to find a build program corresponding to"],
        check: cmake_build_program_missing,
        examples: &[ex(
            "CMake Error: CMake was unable to find a build program corresponding to \"Ninja\".  CMAKE_MAKE_PROGRAM is \
             not set.  You probably need to select a different build tool.",
            Category::MissingCommand,
            Some("ninja"),
        )],
    },
    Entry {
        id: "build_tools/ninja-missing-input",
        grammar: "ninja: error: '{path}', needed by '{target}', missing and no known rule to make it",
        needles: &["missing and no known rule to make it"],
        check: ninja_missing_input,
        examples: &[ex(
            "ninja: error: '/usr/lib/x86_64-linux-gnu/libssl.so', needed by 'bin/server', missing and no known rule \
             to make it",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "build_tools/ctest-summary",
        grammar: "{p}% tests passed, {f} tests failed out of {n} (CTest's summary; {f} > 0)",
        needles: &["% tests passed, "],
        check: ctest_summary,
        examples: &[ex("75% tests passed, 1 tests failed out of 4", Category::Unknown, None)],
    },
    Entry {
        id: "build_tools/pkg-m4-pkg-config-missing",
        grammar: "configure: error: The pkg-config script could not be found or is too old.  Make sure it (pkg.m4's \
                  PKG_CHECK_MODULES through AC_MSG_FAILURE)",
        needles: &["The pkg-config script could not be found"],
        check: pkg_m4_pkg_config_missing,
        examples: &[ex(
            "configure: error: The pkg-config script could not be found or is too old.  Make sure it",
            Category::MissingCommand,
            Some("pkg-config"),
        )],
    },
    Entry {
        id: "build_tools/meson-test-failures",
        grammar: "Summary of Failures: / {n}/{total} {project}:{suite} / {test} {FAIL|TIMEOUT|ERROR|UNEXPECTEDPASS} \
                  {seconds}s … (Meson's test runner; the first row under the heading)",
        needles: &["FAIL", "TIMEOUT", "ERROR", "UNEXPECTEDPASS"],
        check: meson_test_failures,
        examples: &[ex_after(
            &["Summary of Failures:", ""],
            "11/14 quill:net / test_resolver       TIMEOUT        30.03s   killed by signal 15 SIGTERM",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "build_tools/autoconf-error",
        grammar: "configure: error: {message} (autoconf's AC_MSG_ERROR, at the start of the line)",
        needles: &["configure: error: "],
        check: autoconf_error,
        examples: &[ex(
            "configure: error: C compiler cannot create executables",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: cmake_system::TOOLCHAIN_FILE_MISSING,
        grammar: "CMake Error at {…}/CMakeDetermineSystem.cmake:{line} (message): / Could not find toolchain file: {path}",
        needles: &["Could not find toolchain file:"],
        check: cmake_toolchain_file_missing,
        examples: &[ex_after(
            &["CMake Error at /usr/local/share/cmake-3.31/Modules/CMakeDetermineSystem.cmake:152 (message):"],
            "  Could not find toolchain file: cmake/toolchains/arm-none-eabi.cmake",
            Category::FileNotFound,
            Some("cmake/toolchains/arm-none-eabi.cmake"),
        )],
    },
    // After CMake's own located messages above: the generic heading.
    Entry {
        id: "build_tools/cmake-error",
        grammar: "CMake Error at {file}:{line} ({command}): | CMake Error: {message}",
        needles: &["CMake Error"],
        check: cmake_error,
        examples: &[ex(
            "CMake Error at CMakeLists.txt:12 (find_package):",
            Category::Unknown,
            None,
        )],
    },
];

fn missing_header(line: &Line<'_>) -> Option<Hit> {
    let text = line.text;
    // GCC's `fatal error: ` as its German and French catalogues print it
    // (`po/de.po`: `schwerwiegender Fehler: `, `po/fr.po`: `erreur fatale : `),
    // with errno's text in the same language (`util::ENOENT_TEXTS`).
    let gcc = regex!(r"(?:fatal error|schwerwiegender Fehler|erreur fatale) ?: ([^:\s]+\.(?:h|hpp|hh|hxx|H))$");
    let header = super::util::before_enoent(text).is_some_and(|t| gcc.is_match(t))
        || regex!(r"fatal error: '[^']+' file not found").is_match(text);
    if header {
        return Some(Hit::blocker(
            "A C/C++ header is missing: the development package of a system library is not installed (or an \
             include path is wrong).",
        ));
    }
    regex!(r"(?:fatal error|schwerwiegender Fehler|erreur fatale) ?: ")
        .is_match(text)
        .then(|| Hit::blocker("Compile or build error."))
}

/// glibc's loader also prints `ERROR: ld.so: object '{lib}' from LD_PRELOAD
/// cannot be preloaded (cannot open shared object file): ignored.` (rtld.c)
/// for every process started while `LD_PRELOAD` names a library the machine
/// lacks (self-hosted images set it for GTK): the process runs anyway, so it
/// is no failure.
fn missing_shared_library(line: &Line<'_>) -> Option<Hit> {
    if line.text.contains("cannot be preloaded") && line.text.trim_end().ends_with("ignored.") {
        return None;
    }
    Some(Hit::blocker(
        "A shared library is missing on the runner: a system package is not installed (not a Python or npm \
         dependency).",
    ))
}

fn link_error(line: &Line<'_>) -> Option<Hit> {
    // Apple's linker, at the start of its line: the architecture is the one
    // being linked (a library or framework missing from the link), never the
    // runner's.
    if regex!(r"^(?:Undefined symbols for architecture \S+:$|ld: symbol\(s\) not found for architecture \S+$)")
        .is_match(line.text.trim())
    {
        return Some(Hit::blocker(
            "Link error: the linker found no definition of symbols the code uses (a library or framework missing \
             from the link, or not built); the architecture it names is the one being linked, not a runner mismatch.",
        ));
    }
    // Apple's linker names the library it did not find on its search path
    // (ld-prime since Xcode 15: `ld: library '{lib}' not found`; ld64 before
    // it: `ld: library not found for -l{lib}`), as GNU ld's `cannot find
    // -l{lib}` does; rustc's `= note:` indents it under its link command.
    if regex!(r"^(?:= note: )?ld: library (?:'[^']+' not found|not found for -l\S+)$").is_match(line.text.trim()) {
        return Some(Hit::blocker(
            "Link error: the linker did not find a library the link names (its development package is not \
             installed where the build runs, or not on the linker's search path).",
        ));
    }
    // `ld returned` as a word: GNU tar's `tar: Child returned status 2` is not
    // the linker.
    regex!(r"cannot find -l|undefined reference to|\bld returned \d+ exit status")
        .is_match(line.text)
        .then(|| Hit::blocker("Link error (a missing library or symbol)."))
}

/// pkg.m4's failure when `PKG_PROG_PKG_CONFIG` found no pkg-config: the
/// program is missing (unless the check above it says one was found and is
/// older than pkg.m4 accepts). Read alone the line cannot tell; the step's
/// checks, however far above, decide (`pkg_m4::PkgConfigProbe`).
fn pkg_m4_pkg_config_missing(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim_start();
    let text = regex!(r"^(?:\S*/)?configure: error: ")
        .find(text)
        .map_or(text, |m| &text[m.end()..]);
    if !text.starts_with("The pkg-config script could not be found or is too old.") {
        return None;
    }
    if line
        .recent
        .iter()
        .any(|l| regex!(r"^checking pkg-config is at least version [\d.]+\.\.\. no$").is_match(l.trim()))
    {
        return Some(Hit::blocker(
            "The pkg-config found is older than the project's pkg.m4 accepts: a person updates it.",
        ));
    }
    Some(command_hit("pkg-config", line, 0.75))
}

/// The first row Meson lists under `Summary of Failures:` (a blank line
/// between them): the test that failed the run, and how.
fn meson_test_failures(line: &Line<'_>) -> Option<Hit> {
    let under_heading = line
        .recent
        .iter()
        .rev()
        .take(2)
        .any(|l| l.trim() == "Summary of Failures:");
    if !under_heading {
        return None;
    }
    let c = regex!(r"^\s*\d+/\d+\s+(\S.*?)\s+(FAIL|TIMEOUT|ERROR|UNEXPECTEDPASS)\s+[\d.]+s\b").captures(line.text)?;
    let (test, status) = (c[1].trim(), &c[2]);
    let why = match status {
        "TIMEOUT" => {
            " It ran past its own test timeout (`timeout:` in meson.build, or `--timeout-multiplier`), which is not \
             the job's time limit."
        }
        "UNEXPECTEDPASS" => " It is marked `should_fail` and passed.",
        _ => "",
    };
    Some(Hit::blocker(format!(
        "Meson's test run failed: {} ended {status}.{why} A person reads the test's log (meson-logs/testlog.txt).",
        display_text(test)
    )))
}

/// `Could not find toolchain file: {path}` under the `message(FATAL_ERROR)`
/// heading of `CMakeDetermineSystem.cmake`: the file given as
/// `CMAKE_TOOLCHAIN_FILE`, as written.
fn cmake_toolchain_file_missing(line: &Line<'_>) -> Option<Hit> {
    if !cmake_system::determine_system_heading(line.recent.last()?) {
        return None;
    }
    let path = line.text.trim().strip_prefix(cmake_system::TOOLCHAIN_TEXT)?.trim();
    if path.is_empty() {
        // CMake's formatter put the path on the next line (CMake 4: quoted,
        // after a blank line), which `cmake_system::wrapped_toolchain_path`
        // reads: until then, the heading of a text that goes on.
        return Some(Hit::summary(format!(
            "{} Its path follows below.",
            cmake_system::TOOLCHAIN_MISSING
        )));
    }
    Some(path_hit(path, 0.8, cmake_system::TOOLCHAIN_MISSING))
}

fn make_no_makefile(line: &Line<'_>) -> Option<Hit> {
    // GNU make prefixes its own messages with its name (`make`, `gmake`,
    // `mingw32-make`, with `[{level}]` in a sub-make).
    if !regex!(r"^[\w.-]*make(?:\.exe)?(?:\[\d+\])?: \*\*\* No targets specified and no makefile found\.")
        .is_match(line.text.trim_start())
    {
        return None;
    }
    Some(path_hit(
        "Makefile",
        0.7,
        "make found no Makefile where it ran (a wrong working directory, or no checkout).",
    ))
}

fn make_failure(line: &Line<'_>) -> Option<Hit> {
    if line.text.contains("No rule to make target") {
        return Some(Hit::blocker(
            "make has no rule for the target (a wrong target name, or a source file it needs is missing).",
        ));
    }
    Some(Hit::new(
        Category::Unknown,
        0.2,
        Strength::StepFailed,
        "A make recipe failed; the lines above say why.",
    ))
}

fn cmake_source_missing(line: &Line<'_>) -> Option<Hit> {
    let dir = quoted(
        line.text
            .trim_start()
            .strip_prefix("CMake Error: The source directory")?,
    )?;
    if line.text.contains("CMakeLists.txt") {
        let path = format!("{}/CMakeLists.txt", dir.trim_end_matches('/'));
        return Some(path_hit(
            &path,
            0.7,
            "CMake found no CMakeLists.txt in the source directory.",
        ));
    }
    Some(path_hit(dir, 0.75, "The CMake source directory does not exist."))
}

fn doxygen_config_missing(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^error: configuration file (\S+) not found!").captures(line.text.trim_start())?;
    Some(path_hit(&c[1], 0.75, "The doxygen configuration file does not exist."))
}

/// Apple's dyld (and dlopen) cannot load a library: `Library not loaded:
/// {install name}`, then `Referenced from: [<{uuid}>] {image}` and `Reason:`
/// on the lines below (dyld 4 puts the image's UUID first; the web UI's copy
/// may join the three on one line). The heading alone is a summary whose
/// cause follows; the `Referenced from:` line decides.
///
/// One pattern is a runner mismatch rather than a missing library: an image
/// from the runner's tool cache built for x64 (`…/hostedtoolcache/{tool}/
/// {version}/x64/…`, the cache's per-architecture layout) that needs a library
/// at the Intel Homebrew prefix (`/usr/local/…`; Homebrew installs under
/// `/opt/homebrew` on Apple silicon, per its installation docs). That is an
/// Intel build of the tool run under Rosetta on an Apple-silicon Mac, where
/// nothing is installed at the Intel prefix. On an Intel Mac the same text is
/// a library that is really missing, so the log alone does not decide: the
/// hit is tied to Apple silicon only (`only_on`), which mapping confirms from
/// `runs-on`. Any other image (an arm64 tool, a Homebrew binary whose
/// dependency was upgraded) is a missing library for a person.
fn dyld_library_not_loaded(line: &Line<'_>) -> Option<Hit> {
    let text = line.text;
    let referenced = after(text, "Referenced from:");
    let Some(referenced) = referenced else {
        after(text, "Library not loaded:")?;
        return Some(Hit::summary(
            "The macOS dynamic loader could not load a library the program is linked against.",
        ));
    };
    let library = after(text, "Library not loaded:")
        .or_else(|| line.recent.iter().rev().find_map(|l| after(l, "Library not loaded:")))?;
    let library = library.split_whitespace().next().unwrap_or("");
    let image = regex!(r"^\s*(?:<[0-9A-Fa-f-]+>\s*)?(\S+)")
        .captures(referenced)
        .map_or("", |c| c.get(1).map_or("", |m| m.as_str()));
    let intel_prefix = library.starts_with("/usr/local/");
    let x64_tool = runner_tool_cache_arch(image).as_deref() == Some("x64");
    if intel_prefix && x64_tool {
        let mut hit = runner_hit(
            RunnerFailure::ArchitectureMismatch,
            None,
            0.6,
            "An x64 build from the runner's tool cache could not load a library at the Intel Homebrew prefix \
             (/usr/local): an Intel tool run on an Apple-silicon Mac, where Homebrew lives in /opt/homebrew (on an \
             Intel Mac the library would simply be missing).",
        );
        if let SubjectDetail::Runner { only_on, .. } = &mut hit.detail {
            *only_on = Some(RunnerClass::MacosArm64);
        }
        return Some(hit);
    }
    Some(Hit::blocker(
        "The macOS dynamic loader could not find a library the program is linked against (not installed, or \
         upgraded to another version since the program was built): install it or rebuild the program.",
    ))
}

fn xcodebuild_error(line: &Line<'_>) -> Option<Hit> {
    let message = line.text.trim_start().strip_prefix("xcodebuild: error: ")?;
    // The project or workspace file `-project`/`-workspace` names, as given
    // (relative to the working directory) or absolute: a path of the
    // checkout, which a fix may correct when the file moved.
    if let Some(c) = regex!(r"^'(.+\.(?:xcodeproj|xcworkspace))' does not exist\.$").captures(message.trim_end()) {
        return Some(path_hit(
            &c[1],
            0.8,
            "xcodebuild was given an Xcode project or workspace that does not exist.",
        ));
    }
    Some(Hit::blocker(
        "xcodebuild refused the invocation (a scheme, destination or project it cannot find).",
    ))
}

fn xcode_select_command_line_tools(_: &Line<'_>) -> Option<Hit> {
    Some(Hit::blocker(
        "The active developer directory is the Command Line Tools, not an Xcode: select an Xcode (`xcode-select -s`, \
         or a setup-xcode action) before running Xcode's tools.",
    ))
}

fn compiler_error(line: &Line<'_>) -> Option<Hit> {
    regex!(r"^\S+\.(?:c|cc|cpp|cxx|h|hpp|m|mm|swift):\d+:\d+: error: ")
        .is_match(line.text.trim_start())
        .then(|| Hit::blocker("A compile error."))
}

/// The program CMake's generator runs (CMake's `cmGlobal*Generator`s): a
/// generator not listed has no single program to install.
fn cmake_build_program_missing(line: &Line<'_>) -> Option<Hit> {
    let generator = quoted(
        line.text
            .trim_start()
            .strip_prefix("CMake Error: CMake was unable to find a build program corresponding to")?,
    )?;
    let program = match generator {
        "Ninja" | "Ninja Multi-Config" => "ninja",
        "Unix Makefiles" | "MSYS Makefiles" => "make",
        "MinGW Makefiles" => "mingw32-make",
        "NMake Makefiles" => "nmake",
        "NMake Makefiles JOM" => "jom",
        _ => {
            return Some(Hit::blocker(
                "CMake did not find the build program of the generator it was asked for.",
            ));
        }
    };
    Some(command_hit(program, line, 0.7))
}

fn ninja_missing_input(line: &Line<'_>) -> Option<Hit> {
    line.text.trim_start().starts_with("ninja: error: '").then(|| {
        Hit::blocker(
            "ninja has no file and no rule for an input of the build (a system library or generated file that is \
             not there: a package that is not installed, or a step that did not run).",
        )
    })
}

/// Tests CTest ran failed: the failing tests' output is above, for a person.
fn ctest_summary(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^\d+% tests passed, (\d+) tests? failed out of \d+").captures(line.text.trim_start())?;
    (c[1] != *"0").then(|| Hit::blocker("Tests that CTest ran failed (their output is above the summary)."))
}

/// A `configure` script stopped: a library, a program or an option the
/// project's `configure.ac` checks for is missing; the message says which.
fn autoconf_error(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim_start();
    // `AC_MSG_FAILURE`'s first line names the directory; its message follows.
    if regex!(r"^(?:\S*/)?configure: error: in [`'][^']*':$").is_match(text.trim_end()) {
        return Some(Hit::summary(
            "The project's `configure` script stopped on a check; its message follows this line.",
        ));
    }
    regex!(r"^(?:\S*/)?configure: error: \S").is_match(text).then(|| {
        Hit::blocker(
            "The project's `configure` script stopped on a check (a library's development files, a program or an \
                 option it needs): a person reads its message and `config.log`.",
        )
    })
}

fn cmake_error(line: &Line<'_>) -> Option<Hit> {
    // A module's `message(FATAL_ERROR …)`: the heading says where, the text
    // below it says why (an entry that reads that text decides).
    if regex!(r"^CMake Error at .+:\d+ \(message\):$").is_match(line.text.trim()) {
        return Some(Hit::summary(
            "A CMake module stopped the configure step (`message(FATAL_ERROR)`); the lines below it say why (a \
             `Could NOT find {package}` is a library or its development package that is not installed).",
        ));
    }
    regex!(r"^CMake Error(?: at .+?:\d+ \(\w+\))?:")
        .is_match(line.text.trim_start())
        .then(|| {
            Hit::blocker(
                "CMake's configure step failed (the lines below it say why; a `Could NOT find {package}` is a \
                 library or its development package that is not installed).",
            )
        })
}

fn meson_error(line: &Line<'_>) -> Option<Hit> {
    regex!(r"^(?:\S*/)?meson\.build:\d+:\d+: ERROR: ")
        .is_match(line.text.trim_start())
        .then(|| {
            Hit::blocker(
                "Meson stopped configuring the build (a compiler, dependency or option it needs): a person reads its \
                 message.",
            )
        })
}

fn meson_machine_file_missing(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^ERROR: Cannot find specified (native|cross) file: (\S+)$").captures(line.text.trim())?;
    let kind = &c[1];
    let message = format!(
        "Meson did not find the {kind} file the setup was given (--{kind}-file), neither from the working directory \
         nor in its meson/{kind}/ data directories."
    );
    // Meson raises after its loop over the files given, so `{f}` is the
    // last one given, missing or not; the list it logs just before
    // (`Could not find any valid candidate for {kind} files: {missing…}`,
    // space-separated by `mlog.log`) names the missing ones. Releases that
    // raised inside the loop print no list, and there `{f}` is the missing
    // file.
    let candidates = line.recent.iter().rev().take(3).find_map(|l| {
        let prefix = format!("Could not find any valid candidate for {kind} files: ");
        l.trim().strip_prefix(prefix.as_str()).map(str::to_string)
    });
    match candidates {
        None => Some(path_hit(&c[2], 0.8, &message)),
        Some(list) => {
            let missing: Vec<&str> = list.split_whitespace().collect();
            match missing.as_slice() {
                [one] => Some(path_hit(one, 0.8, &message)),
                // Several missing: each is a path to look at, and no one
                // rewrite fixes the setup.
                _ => Some(Hit {
                    fixable: false,
                    ..path_hit(missing.first().copied().unwrap_or(&c[2]), 0.8, &message)
                }),
            }
        }
    }
}

fn pkg_config_missing(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim_start();
    let found = text.contains("was not found in the pkg-config search path")
        || regex!(r"^Package '[^']+', required by '[^']+', not found").is_match(text);
    found.then(|| {
        Hit::install_failure(
            "pkg-config did not find a system library's development files (its -dev/-devel package is not \
             installed).",
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_header_in_each_catalogue_gccs_translations_print() {
        // review85 M2: French typography's space before the colon left the
        // French line a generic compile error.
        for text in [
            "src/ext.c:3:10: fatal error: Python.h: No such file or directory",
            "src/uplink.c:3:10: schwerwiegender Fehler: openssl/ssl.h: Datei oder Verzeichnis nicht gefunden",
            "src/uplink.c:3:10: erreur fatale : openssl/ssl.h : Aucun fichier ou dossier de ce type",
            "src/ext.c:3:10: fatal error: 'zlib.h' file not found",
        ] {
            let hit = missing_header(&Line::plain(text)).expect(text);
            assert!(hit.message.contains("header is missing"), "{text}: {}", hit.message);
        }
        let other = missing_header(&Line::plain("src/a.c:1:1: erreur fatale : trop d'erreurs")).expect("an error");
        assert_eq!(other.message, "Compile or build error.");
    }

    #[test]
    fn make_says_which_failures_it_ignored() {
        assert!(make_ignored("make: [Makefile:9: lint] Error 127 (ignored)"));
        assert!(make_ignored("make[1]: [build.mk:4: gen] Error 1 (ignored)"));
        assert!(!make_ignored("make: *** [Makefile:9: lint] Error 127"));
        assert!(!make_ignored("echo 'make: [x] Error 1 (ignored)' > notes"));
    }

    #[test]
    fn a_preload_the_loader_ignored_is_no_missing_library() {
        let ignored = "ERROR: ld.so: object 'libgtk3-nocsd.so.0' from LD_PRELOAD cannot be preloaded (cannot open \
                       shared object file): ignored.";
        assert!(missing_shared_library(&Line::plain(ignored)).is_none());
        let missing = "./bin/codec: error while loading shared libraries: libvpx.so.9: cannot open shared object \
                       file: No such file or directory";
        assert!(missing_shared_library(&Line::plain(missing)).is_some());
    }

    #[test]
    fn ctest_summary_decides_only_when_a_test_failed() {
        assert!(ctest_summary(&Line::plain("50% tests passed, 1 tests failed out of 2")).is_some());
        assert!(ctest_summary(&Line::plain("100% tests passed, 0 tests failed out of 12")).is_none());
        assert!(ctest_summary(&Line::plain("expected: 50% tests passed, 1 tests failed out of 2")).is_none());
    }

    fn after<'a>(recent: &'a [&'a str], text: &'a str) -> Line<'a> {
        Line {
            recent,
            ..Line::plain(text)
        }
    }

    #[test]
    fn a_toolchain_file_cmake_did_not_find_is_the_path_as_written() {
        let heading = ["CMake Error at /usr/share/cmake-3.28/Modules/CMakeDetermineSystem.cmake:154 (message):"];
        let hit = cmake_toolchain_file_missing(&after(
            &heading,
            "  Could not find toolchain file: cmake/toolchains/arm-none-eabi.cmake",
        ))
        .expect("read");
        assert_eq!(
            (hit.category, hit.subject.as_deref(), hit.fixable),
            (
                Category::FileNotFound,
                Some("cmake/toolchains/arm-none-eabi.cmake"),
                true
            )
        );
        // vcpkg's toolchain under an install root outside the workspace: named,
        // never a path of the repository to rewrite.
        let outside = cmake_toolchain_file_missing(&after(
            &heading,
            "  Could not find toolchain file: /usr/local/share/vcpkg/scripts/buildsystems/vcpkg.cmake",
        ))
        .expect("read");
        assert!(!outside.fixable);
        // Only under CMakeDetermineSystem's heading: an echo or another
        // module's text is not CMake's lookup.
        assert!(
            cmake_toolchain_file_missing(&after(
                &["CMake Error at CMakeLists.txt:3 (message):"],
                "  Could not find toolchain file: x.cmake"
            ))
            .is_none()
        );
        assert!(cmake_toolchain_file_missing(&Line::plain("Could not find toolchain file: x.cmake")).is_none());
    }

    #[test]
    fn a_modules_fatal_error_heading_is_a_summary_and_cmakes_own_errors_block() {
        let module = cmake_error(&Line::plain(
            "CMake Error at /usr/share/cmake-3.28/Modules/FindPackageHandleStandardArgs.cmake:230 (message):",
        ))
        .expect("read");
        assert_eq!(module.strength, Strength::Summary);
        let own = cmake_error(&Line::plain(
            "CMake Error at CMakeLists.txt:1 (cmake_minimum_required):",
        ))
        .expect("read");
        assert_eq!(own.strength, Strength::Blocker);
        // The same on Windows, where CMake's modules sit under `C:/Program
        // Files` (finfix18 M1).
        let windows = cmake_error(&Line::plain(
            "CMake Error at C:/Program Files/CMake/share/cmake-3.31/Modules/FindPackageHandleStandardArgs.cmake:230 \
             (message):",
        ))
        .expect("read");
        assert_eq!(windows.strength, Strength::Summary);
    }

    #[test]
    fn pkg_m4_without_pkg_config_is_the_missing_program() {
        let text = "configure: error: The pkg-config script could not be found or is too old.  Make sure it";
        let hit = pkg_m4_pkg_config_missing(&after(&["checking for pkg-config... no"], text)).expect("read");
        assert_eq!(
            (hit.category, hit.subject.as_deref(), hit.fixable),
            (Category::MissingCommand, Some("pkg-config"), true)
        );
        // One was found, older than pkg.m4 accepts: no install fixes that.
        let old = pkg_m4_pkg_config_missing(&after(
            &[
                "checking for pkg-config... /opt/old/bin/pkg-config",
                "checking pkg-config is at least version 0.9.0... no",
            ],
            text,
        ))
        .expect("read");
        assert_eq!(old.category, Category::Unknown);
        assert!(pkg_m4_pkg_config_missing(&Line::plain("echo The pkg-config script could not be found")).is_none());
        // AC_MSG_FAILURE's directory line is the heading of that message.
        let heading =
            autoconf_error(&Line::plain("configure: error: in '/__w/g/g/deps/fontconfig-2.15.0':")).expect("read");
        assert_eq!(heading.strength, Strength::Summary);
    }

    #[test]
    fn meson_s_summary_names_the_test_and_its_own_timeout() {
        let row = "11/14 quill:net / test_resolver_live          TIMEOUT        30.03s   killed by signal 15 SIGTERM";
        let hit = meson_test_failures(&after(&["Summary of Failures:", ""], row)).expect("read");
        assert_eq!((hit.category, hit.strength), (Category::Unknown, Strength::Blocker));
        assert!(hit.message.contains("not the job's time limit"));
        // The same row while the tests run is progress, not the summary.
        assert!(meson_test_failures(&after(&[" 9/14 quill:unit / test_time  OK  0.05s"], row)).is_none());
        assert!(
            meson_test_failures(&after(
                &["Summary of Failures:", ""],
                " 3/14 quill:unit / test_arena  OK  0.01s"
            ))
            .is_none()
        );
    }

    #[test]
    fn apple_s_undefined_symbols_are_a_link_error_not_a_runner_mismatch() {
        for text in [
            "Undefined symbols for architecture arm64:",
            "ld: symbol(s) not found for architecture x86_64",
        ] {
            let hit = link_error(&Line::plain(text)).expect(text);
            assert_eq!((hit.category, hit.strength), (Category::Unknown, Strength::Blocker));
        }
    }

    #[test]
    fn autoconf_errors_start_their_line() {
        for text in [
            "configure: error: Package requirements (libxml-2.0 >= 2.9.0) were not met:",
            "../configure: error: in '/home/runner/work/x/x/build':",
        ] {
            let hit = autoconf_error(&Line::plain(text)).expect(text);
            assert!(!hit.fixable);
        }
        assert!(autoconf_error(&Line::plain("grep -n 'configure: error: ' build.log")).is_none());
    }
    use crate::classify::catalogue::assert_reads;

    #[test]
    fn each_generator_names_its_program() {
        for (generator, program) in [
            ("Ninja", "ninja"),
            ("Unix Makefiles", "make"),
            ("NMake Makefiles", "nmake"),
        ] {
            let text = format!(
                "CMake Error: CMake was unable to find a build program corresponding to \"{generator}\".  \
                 CMAKE_MAKE_PROGRAM is not set."
            );
            let hit = cmake_build_program_missing(&Line::plain(&text)).expect("read");
            assert_eq!(
                (hit.category, hit.subject.as_deref()),
                (Category::MissingCommand, Some(program))
            );
        }
        let other = "CMake Error: CMake was unable to find a build program corresponding to \"Xcode\".";
        let hit = cmake_build_program_missing(&Line::plain(other)).expect("read");
        assert_eq!(hit.category, Category::Unknown);
    }

    /// Meson's located error, plain and in pip's indented relay; the words
    /// quoted elsewhere on a line (a test's output, a comment) are not read.
    #[test]
    fn meson_errors_only_at_a_build_file_location() {
        for text in [
            "meson.build:12:4: ERROR: Dependency \"openblas\" not found, tried pkgconfig",
            "      ../meson.build:1:0: ERROR: Unknown compiler(s): [['cc'], ['gcc']]",
            "subprojects/zlib/meson.build:3:0: ERROR: Program 'nasm' not found",
        ] {
            let hit = meson_error(&Line::plain(text)).expect(text);
            assert!((hit.category, hit.fixable) == (Category::Unknown, false), "{text}");
        }
        for text in [
            "assert 'meson.build:1:0: ERROR: x' in out",
            "# see meson.build:4: for the options",
            "meson.build:1:0: WARNING: Project targets '>=1.1' but uses feature introduced in '1.3'",
        ] {
            assert!(meson_error(&Line::plain(text)).is_none(), "{text}");
        }
    }

    /// Meson's missing machine file: a path in the workspace is the subject
    /// (the fix may point the option at where the file moved); one outside
    /// it, or words quoting the message, are not read as a moved file.
    #[test]
    fn meson_machine_file_missing_names_the_path() {
        for (text, path) in [
            (
                "ERROR: Cannot find specified native file: ci/native-gcc.ini",
                "ci/native-gcc.ini",
            ),
            (
                "  ERROR: Cannot find specified cross file: cross/aarch64.txt",
                "cross/aarch64.txt",
            ),
        ] {
            let hit = meson_machine_file_missing(&Line::plain(text)).expect(text);
            assert_eq!(
                (hit.category, hit.subject.as_deref(), hit.fixable),
                (Category::FileNotFound, Some(path), true),
                "{text}"
            );
        }
        let outside = meson_machine_file_missing(&Line::plain(
            "ERROR: Cannot find specified cross file: /opt/sdk/cross.ini",
        ))
        .expect("read");
        assert_eq!(outside.category, Category::FileNotFound);
        assert!(!outside.fixable);
        // With several files given, Meson names the last one; the list it
        // logs before names the missing one (final review A, 2).
        let read = |recent: &[&str]| {
            meson_machine_file_missing(&Line {
                recent,
                ..Line::plain("ERROR: Cannot find specified native file: ci/clang.ini")
            })
            .expect("read")
        };
        let one = read(&["Could not find any valid candidate for native files: ci/gcc.ini"]);
        assert_eq!((one.subject.as_deref(), one.fixable), (Some("ci/gcc.ini"), true));
        let two = read(&["Could not find any valid candidate for native files: ci/gcc.ini ci/clang.ini"]);
        assert!(!two.fixable);
        let older = read(&["The Meson build system"]);
        assert_eq!((older.subject.as_deref(), older.fixable), (Some("ci/clang.ini"), true));
        for text in [
            "echo 'ERROR: Cannot find specified native file: x.ini'",
            "ERROR: Cannot find specified toolchain file: x.ini",
            "Could not find any valid candidate for native files: ci/native-gcc.ini",
        ] {
            assert!(meson_machine_file_missing(&Line::plain(text)).is_none(), "{text}");
        }
    }

    /// The messages that name a program or a path are read only as the tool
    /// prints them, at the start of the line: the same words quoted in a
    /// test's assertion output, an `echo` or a comment are not the failure.
    #[test]
    fn program_and_path_messages_only_at_the_start_of_the_line() {
        assert_reads(
            cmake_build_program_missing,
            &[
                "CMake Error: CMake was unable to find a build program corresponding to \"Ninja\".  CMAKE_MAKE_PROGRAM is not set.",
            ],
            &[
                "Expected output to contain: CMake Error: CMake was unable to find a build program corresponding to \"Ninja\".",
                "+ echo 'CMake was unable to find a build program corresponding to \"Ninja\"'",
            ],
        );
        assert_reads(
            make_no_makefile,
            &[
                "make: *** No targets specified and no makefile found.  Stop.",
                "make[2]: *** No targets specified and no makefile found.  Stop.",
                "mingw32-make: *** No targets specified and no makefile found.  Stop.",
            ],
            &[
                "# if you see 'make: *** No targets specified and no makefile found.' run configure first",
                "    assert 'no makefile found' in out",
            ],
        );
        assert_reads(
            cmake_source_missing,
            &[
                "CMake Error: The source directory \"/w/app/native\" does not exist.",
                "CMake Error: The source directory \"/w/app\" does not appear to contain CMakeLists.txt.",
            ],
            &[
                "AssertionError: 'CMake Error: The source directory \"/w/app/native\" does not exist.' != ''",
                "note: The source directory \"/w/app/native\" is generated by the configure step",
            ],
        );
        assert_reads(
            doxygen_config_missing,
            &["error: configuration file docs/Doxyfile not found!"],
            &["    expected: \"error: configuration file docs/Doxyfile not found!\""],
        );
    }

    #[test]
    fn ninja_missing_input_only_in_ninja_form() {
        assert_reads(
            ninja_missing_input,
            &["ninja: error: 'gen/parser.c', needed by 'obj/parser.o', missing and no known rule to make it"],
            &["echo 'missing and no known rule to make it'"],
        );
    }
}
