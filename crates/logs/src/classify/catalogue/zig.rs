//! Zig and `zig build`.
//!
//! Sources: the compiler's error messages (`{file}.zig:{line}:{col}: error:
//! {message}`, followed by the source line and a `^~~~` marker), and the build
//! runner's report (`lib/compiler/build_runner.zig`, `std.Build.Step`): the
//! failed step's tree (`+- compile exe {name} Debug native 1 errors`), `error:
//! the following command failed with {n} compilation errors:` with the
//! command, `Build Summary: {n}/{n} steps succeeded; {n} failed` and `error:
//! the following build command failed with exit code {n}:`. The compiler's
//! own error is the cause; the build runner's lines are headings over it.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "zig/compile-error",
        grammar: "{file}.zig:{line}:{col}: error: {message}",
        needles: &[".zig:"],
        check: compile_error,
        examples: &[ex(
            "src/tokenizer.zig:88:17: error: use of undeclared identifier 'alloc'",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "zig/build-failed",
        grammar: "error: the following {command failed with {n} compilation errors|build command failed with exit \
                  code {n}}: | Build Summary: {n}/{n} steps succeeded; {n} failed",
        needles: &["error: the following ", "Build Summary: "],
        check: build_failed,
        examples: &[ex(
            "error: the following command failed with 1 compilation errors:",
            Category::Unknown,
            None,
        )],
    },
];

fn compile_error(line: &Line<'_>) -> Option<Hit> {
    regex!(r"^(?:[A-Za-z]:)?[^\s:]+\.zig:\d+:\d+: error: ")
        .is_match(line.text.trim_start())
        .then(|| Hit::blocker("The Zig compiler reported an error in the code: a code failure, not fixed."))
}

fn build_failed(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim();
    let failed = regex!(r"^error: the following (?:command failed with \d+ compilation errors?|build command failed with exit code \d+|command (?:exited with error code \d+|terminated unexpectedly)):$")
        .is_match(text)
        || regex!(r"^Build Summary: \d+/\d+ steps succeeded(?: \(\d+ failed\)|; \d+ failed)").is_match(text);
    failed.then(|| Hit::summary("`zig build` failed (its report; the compiler's error above says why)."))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compiler_errors_and_the_build_runners_report() {
        crate::classify::catalogue::assert_reads(
            compile_error,
            &[
                "/home/runner/work/lexi/lexi/build.zig:14:30: error: no field named 'root_source_file' in struct 'Build.ExecutableOptions'",
                "C:\\a\\lexi\\lexi\\src\\main.zig:3:1: error: expected type expression, found '}'",
            ],
            &[
                "src/main.zig:3:1: note: declared here",
                "see src/main.zig:3:1: error: in the docs",
            ],
        );
        crate::classify::catalogue::assert_reads(
            build_failed,
            &[
                "error: the following build command failed with exit code 1:",
                "Build Summary: 0/3 steps succeeded; 1 failed",
                "Build Summary: 2/5 steps succeeded (1 failed)",
            ],
            &[
                "Build Summary: 3/3 steps succeeded",
                "error: the following files are missing",
            ],
        );
    }
}
