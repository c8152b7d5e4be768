//! Native build tools: C/C++ compilers and linkers, the dynamic loader, GNU
//! make, CMake and doxygen.
//!
//! Sources: GCC (`fatal error: {header}: No such file or directory`) and Clang
//! (`fatal error: '{header}' file not found`), GNU ld (`cannot find -l{lib}`,
//! `undefined reference to`), glibc's loader (`error while loading shared
//! libraries: {lib}: cannot open shared object file: No such file or
//! directory`), GNU make (`make: *** No targets specified and no makefile
//! found.  Stop.`, `No rule to make target '{t}'`), CMake (`The source directory
//! "{dir}" does not exist.`, `… does not appear to contain CMakeLists.txt.`) and
//! doxygen (`error: configuration file {file} not found!`).

use super::util::{after, path_hit, quoted, regex};
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line, Strength};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "build_tools/missing-header",
        grammar: "{file}:{line}:{col}: fatal error: {header}: No such file or directory (GCC) | fatal error: \
                  '{header}' file not found (Clang)",
        needles: &["fatal error:"],
        check: missing_header,
        examples: &[
            ex(
                "src/ext.c:3:10: fatal error: Python.h: No such file or directory",
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
        id: "build_tools/link-error",
        grammar: "/usr/bin/ld: cannot find -l{lib} | undefined reference to `{symbol}' | collect2: error: ld returned 1 \
                  exit status",
        needles: &["cannot find -l", "undefined reference to", "ld returned"],
        check: link_error,
        examples: &[
            ex("/usr/bin/ld: cannot find -lssl", Category::Unknown, None),
            ex("collect2: error: ld returned 1 exit status", Category::Unknown, None),
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
];

fn missing_header(line: &Line<'_>) -> Option<Hit> {
    let text = line.text;
    let header = regex!(r"fatal error: ([^:\s]+\.(?:h|hpp|hh|hxx|H)): No such file or directory").is_match(text)
        || regex!(r"fatal error: '[^']+' file not found").is_match(text);
    if header {
        return Some(Hit::blocker(
            "A C/C++ header is missing: the development package of a system library is not installed (or an \
             include path is wrong).",
        ));
    }
    regex!(r"fatal error: ")
        .is_match(text)
        .then(|| Hit::blocker("Compile or build error."))
}

fn missing_shared_library(_: &Line<'_>) -> Option<Hit> {
    Some(Hit::blocker(
        "A shared library is missing on the runner: a system package is not installed (not a Python or npm \
         dependency).",
    ))
}

fn link_error(line: &Line<'_>) -> Option<Hit> {
    // `ld returned` as a word: GNU tar's `tar: Child returned status 2` is not
    // the linker.
    regex!(r"cannot find -l|undefined reference to|\bld returned \d+ exit status")
        .is_match(line.text)
        .then(|| Hit::blocker("Link error (a missing library or symbol)."))
}

fn make_no_makefile(_: &Line<'_>) -> Option<Hit> {
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
    let dir = quoted(after(line.text, "The source directory")?)?;
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
    let c = regex!(r"error: configuration file (\S+) not found!").captures(line.text)?;
    Some(path_hit(&c[1], 0.75, "The doxygen configuration file does not exist."))
}
