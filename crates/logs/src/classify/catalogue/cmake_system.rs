//! CMake's system determination, read across lines: the toolchain path its
//! formatter wrapped, and the errors CMake prints after that determination
//! failed.
//!
//! CMake prints a `message(FATAL_ERROR …)` text through its documentation
//! formatter (`cmDocumentationFormatter`): a paragraph indented by two
//! spaces and wrapped at spaces to a width of 77, a word longer than the room
//! left going whole onto the next line. So `CMakeDetermineSystem.cmake`'s
//! `Could not find toolchain file: {CMAKE_TOOLCHAIN_FILE}` carries a long path
//! (a vcpkg root's `…/scripts/buildsystems/vcpkg.cmake`, a workspace path) on
//! the line below `  Could not find toolchain file:`, and a path with spaces
//! may go on over more lines. The text ends before `Call Stack (most recent
//! call first):` or a blank line, neither indented.
//!
//! CMake 4 quotes the path on a line of its own (`message(FATAL_ERROR "Could
//! not find toolchain file:\n \"${CMAKE_TOOLCHAIN_FILE}\"")`). The formatter
//! (`PrintFormatted`) prints a line that begins with a space as preformatted
//! text: unwrapped, after the indent, and set off by a blank line before and
//! after it (the paragraph before it ends with a newline of its own). So the
//! text is `  Could not find toolchain file:`, a blank line, and `   "{path}"`,
//! the path whole between its quotes (spaces included).
//!
//! When determining the system failed (its own `FATAL_ERROR`, or one of the
//! toolchain file it includes, whose `Call Stack` passes through
//! `CMakeDetermineSystem.cmake`), CMake goes on enabling the project's
//! languages without the files that set the build program and the compilers,
//! and prints `CMake Error: CMake was unable to find a build program
//! corresponding to "{generator}".` and `CMake Error: CMAKE_{LANG}_COMPILER
//! not set, after EnableLanguage`: consequences of that error, not a missing
//! program. Without such an error before them in the step, they stand.

use super::util::{path_hit, regex};
use crate::classify::hit::{Hit, Strength};

/// The entry that reads the text (`build_tools`), whose finding a wrapped
/// path's replaces.
pub const TOOLCHAIN_FILE_MISSING: &str = "build_tools/cmake-toolchain-file-missing";
/// The text's first words, which a line of the formatter's text begins with.
pub const TOOLCHAIN_TEXT: &str = "Could not find toolchain file:";

/// The formatter's indent.
const INDENT: &str = "  ";

/// What CMake says when it did not find the toolchain file (the entry's
/// message, wrapped or not).
pub(super) const TOOLCHAIN_MISSING: &str = "CMake did not find the toolchain file it was given (CMAKE_TOOLCHAIN_FILE or \
                                            --toolchain), neither from the build directory nor the source directory.";

/// `CMakeDetermineSystem.cmake`'s `message(FATAL_ERROR)` heading.
pub(super) fn determine_system_heading(text: &str) -> bool {
    regex!(r"^CMake Error at .*CMakeDetermineSystem\.cmake:\d+ \(message\):$").is_match(text.trim())
}

/// A line of the formatter's text after its first: indented, not blank.
fn continues(text: &str) -> bool {
    text.strip_prefix(INDENT).is_some_and(|rest| !rest.trim().is_empty())
}

/// `text` continues a `Could not find toolchain file:` text CMake wrapped
/// (it and the lines between are indented continuation lines, the text's
/// first line under `CMakeDetermineSystem.cmake`'s heading): the finding of
/// the whole path, joined at single spaces as the formatter broke it.
pub fn wrapped_toolchain_path(recent: &[&str], text: &str) -> Option<Hit> {
    wrapped(recent, text).map(|(hit, above)| Hit {
        entry: TOOLCHAIN_FILE_MISSING,
        ..hit.opened_lines_above(above)
    })
}

/// The path's finding and how many lines above `text` its text began.
fn wrapped(recent: &[&str], text: &str) -> Option<(Hit, u8)> {
    if let Some(found) = quoted(recent, text) {
        return Some(found);
    }
    if !continues(text) {
        return None;
    }
    let mut parts = vec![text.trim()];
    for (i, line) in recent.iter().enumerate().rev() {
        if let Some(first) = line.trim().strip_prefix(TOOLCHAIN_TEXT) {
            if !line.starts_with(INDENT) || !determine_system_heading(recent.get(i.checked_sub(1)?)?) {
                return None;
            }
            if !first.trim().is_empty() {
                parts.push(first.trim());
            }
            parts.reverse();
            let above = u8::try_from(recent.len() - i).ok()?;
            return Some((path_hit(&parts.join(" "), 0.8, TOOLCHAIN_MISSING), above));
        }
        if !continues(line) {
            return None;
        }
        parts.push(line.trim());
    }
    None
}

/// CMake 4's form: `   "{path}"` (the indent, the preformatted line's own
/// space, the quoted path) after a blank line under the text's first line,
/// itself under `CMakeDetermineSystem.cmake`'s heading.
fn quoted(recent: &[&str], text: &str) -> Option<(Hit, u8)> {
    let path = text
        .strip_prefix(INDENT)?
        .strip_prefix(' ')?
        .trim_end()
        .strip_prefix('"')?
        .strip_suffix('"')?;
    let [.., heading, first, blank] = recent else {
        return None;
    };
    let opens = first.starts_with(INDENT) && first.trim() == TOOLCHAIN_TEXT;
    if path.is_empty() || path.contains('"') || !blank.trim().is_empty() || !opens || !determine_system_heading(heading)
    {
        return None;
    }
    Some((path_hit(path, 0.8, TOOLCHAIN_MISSING), 2))
}

/// The current step's CMake runs: whether one failed to determine the
/// system (see the module's documentation).
#[derive(Clone, Debug, Default)]
pub struct CmakeSystem {
    /// The latest `CMake Error`/`CMake Warning` heading of the step was an
    /// error's: a `Call Stack` below it is that error's.
    in_error: bool,
    failed: bool,
}

impl CmakeSystem {
    /// Reads one output line of the step.
    pub fn learn(&mut self, text: &str) {
        let trimmed = text.trim();
        if trimmed.starts_with("CMake Error") {
            self.in_error = true;
            self.failed |= determine_system_heading(trimmed);
        } else if trimmed.starts_with("CMake Warning") || trimmed.starts_with("CMake Deprecation Warning") {
            self.in_error = false;
        } else if self.in_error
            && text.starts_with(INDENT)
            && regex!(r"^.*CMakeDetermineSystem\.cmake:\d+ \(include\)$").is_match(trimmed)
        {
            self.failed = true;
        }
    }

    /// A hit on `text` that reports what CMake could not set because the
    /// system determination failed earlier in the step: a consequence, weak
    /// and not fixable.
    pub fn consequence(&self, text: &str, hit: Hit) -> Hit {
        if !self.failed
            || !regex!(
                r"^CMake Error: (?:CMake was unable to find a build program corresponding to |CMAKE_\w+_COMPILER not set, after EnableLanguage)"
            )
            .is_match(text.trim_start())
        {
            return hit;
        }
        Hit {
            category: crate::report::Category::Unknown,
            subject: None,
            detail: crate::report::SubjectDetail::None,
            strength: Strength::Weak,
            message: "A consequence of the CMake error above: CMake could not determine the system (the toolchain \
                      file, or its own error), so it never set the build program and compilers it reports here."
                .to_string(),
            ..hit
        }
        .fixable(false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Category;

    const HEADING: &str =
        "CMake Error at /usr/local/share/cmake-3.31/Modules/CMakeDetermineSystem.cmake:152 (message):";

    #[test]
    fn a_path_on_the_line_below_the_text_is_the_toolchain_file() {
        let hit = wrapped_toolchain_path(
            &[HEADING, "  Could not find toolchain file:"],
            "  cmake/toolchains/arm-none-eabi-gcc-cortex-m4f.cmake",
        )
        .expect("read");
        assert_eq!(
            (hit.category, hit.subject.as_deref(), hit.fixable),
            (
                Category::FileNotFound,
                Some("cmake/toolchains/arm-none-eabi-gcc-cortex-m4f.cmake"),
                true
            )
        );
        // The finding begins at the text's first line.
        assert_eq!((hit.entry, hit.opened_lines_above), (TOOLCHAIN_FILE_MISSING, 1));
        // A path outside the workspace (vcpkg's root on the runner) is named
        // and not fixable, as on one line.
        let outside = wrapped_toolchain_path(
            &[HEADING, "  Could not find toolchain file:"],
            "  /usr/local/share/vcpkg/scripts/buildsystems/vcpkg.cmake",
        )
        .expect("read");
        assert!(!outside.fixable, "{outside:?}");
    }

    #[test]
    fn a_path_with_spaces_is_joined_across_the_lines_cmake_broke_it_on() {
        let hit = wrapped_toolchain_path(
            &[
                HEADING,
                "  Could not find toolchain file: cmake/board support",
                "  package/toolchains",
            ],
            "  arm.cmake",
        )
        .expect("read");
        assert_eq!(
            hit.subject.as_deref(),
            Some("cmake/board support package/toolchains arm.cmake")
        );
        assert_eq!(hit.opened_lines_above, 2);
    }

    #[test]
    fn only_the_text_under_cmakes_heading_continues() {
        let text = "  cmake/toolchains/arm.cmake";
        // The call stack after the text, a blank line, another module's
        // text, or no heading: not a continuation.
        for recent in [
            &[
                HEADING,
                "  Could not find toolchain file: x.cmake",
                "Call Stack (most recent call first):",
            ][..],
            &[HEADING, "  Could not find toolchain file:", ""],
            &[
                "CMake Error at CMakeLists.txt:3 (message):",
                "  Could not find toolchain file:",
            ],
            &["  Could not find toolchain file:"],
            &["Could not find toolchain file:"],
        ] {
            assert!(wrapped_toolchain_path(recent, text).is_none(), "{recent:?}");
        }
        assert!(wrapped_toolchain_path(&[HEADING, "  Could not find toolchain file:"], "cmake/x.cmake").is_none());
    }

    /// CMake 4 (finlogs19 low item): the quoted path after a blank line, the
    /// finding at the text's first line; a path with spaces stays whole, one
    /// outside the workspace or not a path is named and not fixable.
    #[test]
    fn cmake_4_quotes_the_path_after_a_blank_line() {
        const CMAKE4: &str =
            "CMake Error at /usr/local/share/cmake-4.1/Modules/CMakeDetermineSystem.cmake:154 (message):";
        let text = [CMAKE4, "  Could not find toolchain file:", ""];
        let hit = wrapped_toolchain_path(&text, "   \"cmake/toolchains/arm-none-eabi.cmake\"").expect("read");
        assert_eq!(
            (
                hit.category,
                hit.subject.as_deref(),
                hit.fixable,
                hit.opened_lines_above
            ),
            (
                Category::FileNotFound,
                Some("cmake/toolchains/arm-none-eabi.cmake"),
                true,
                2
            )
        );
        let spaced = wrapped_toolchain_path(&text, "   \"cmake/board support package/arm.cmake\"").expect("read");
        assert_eq!(spaced.subject.as_deref(), Some("cmake/board support package/arm.cmake"));
        for path in [
            "   \"C:/vcpkg/scripts/buildsystems/vcpkg.cmake\"",
            "   \"/usr/local/share/vcpkg/scripts/buildsystems/vcpkg.cmake\"",
            // PowerShell passed `$env:…` unexpanded (an unquoted argument).
            "   \"$env:VCPKG_INSTALLATION_ROOT/scripts/buildsystems/vcpkg.cmake\"",
        ] {
            let hit = wrapped_toolchain_path(&text, path).expect(path);
            assert!(!hit.fixable, "{path}: {hit:?}");
        }
        // Without the heading or the text's first line (another CMake
        // error's quoted value), or not quoted: not read.
        for (recent, line) in [
            (
                &[
                    "CMake Error at CMakeLists.txt:3 (message):",
                    "  Could not find toolchain file:",
                    "",
                ][..],
                "   \"x.cmake\"",
            ),
            (
                &[CMAKE4, "  Could not find toolchain file: y.cmake", ""][..],
                "   \"x.cmake\"",
            ),
            (&[CMAKE4, "  Some other text:", ""][..], "   \"x.cmake\""),
            (&text[..], "   x.cmake"),
            (&text[..], "   \"\""),
            (&text[..], "\"x.cmake\""),
        ] {
            assert!(wrapped_toolchain_path(recent, line).is_none(), "{recent:?} {line}");
        }
    }

    fn ninja() -> Hit {
        Hit::cause(Category::MissingCommand, 0.7, "ninja").fixable(true)
    }

    const BUILD_PROGRAM: &str = "CMake Error: CMake was unable to find a build program corresponding to \"Ninja\".  \
                                 CMAKE_MAKE_PROGRAM is not set.  You probably need to select a different build tool.";

    #[test]
    fn after_the_system_determination_failed_the_build_program_is_a_consequence() {
        let mut system = CmakeSystem::default();
        for line in [
            HEADING,
            "  Could not find toolchain file:",
            "  x.cmake",
            "Call Stack (most recent call first):",
        ] {
            system.learn(line);
        }
        for text in [
            BUILD_PROGRAM,
            "CMake Error: CMAKE_CXX_COMPILER not set, after EnableLanguage",
        ] {
            let hit = system.consequence(text, ninja());
            assert_eq!(
                (hit.category, hit.strength, hit.fixable),
                (Category::Unknown, Strength::Weak, false)
            );
        }
        // The toolchain file's own error, CMakeDetermineSystem on its stack.
        let mut system = CmakeSystem::default();
        for line in [
            "CMake Error at cmake/arm.cmake:9 (message):",
            "  arm-none-eabi-gcc not found on PATH",
            "Call Stack (most recent call first):",
            "  /usr/share/cmake-3.28/Modules/CMakeDetermineSystem.cmake:170 (include)",
        ] {
            system.learn(line);
        }
        assert_eq!(system.consequence(BUILD_PROGRAM, ninja()).strength, Strength::Weak);
    }

    #[test]
    fn module_paths_with_spaces_are_read_as_on_linux() {
        // GitHub's Windows images install CMake under `C:/Program Files`
        // (finfix18 M1): the heading and the call stack name that path.
        const WINDOWS: &str =
            "CMake Error at C:/Program Files/CMake/share/cmake-3.31/Modules/CMakeDetermineSystem.cmake:152 (message):";
        assert!(determine_system_heading(WINDOWS));
        let mut system = CmakeSystem::default();
        for line in [WINDOWS, "  Could not find toolchain file:", "  x.cmake"] {
            system.learn(line);
        }
        assert_eq!(system.consequence(BUILD_PROGRAM, ninja()).strength, Strength::Weak);
        let mut system = CmakeSystem::default();
        for line in [
            "CMake Error at cmake/arm.cmake:9 (message):",
            "  arm-none-eabi-gcc not found on PATH",
            "Call Stack (most recent call first):",
            "  C:/Program Files/CMake/share/cmake-3.31/Modules/CMakeDetermineSystem.cmake:170 (include)",
        ] {
            system.learn(line);
        }
        assert_eq!(system.consequence(BUILD_PROGRAM, ninja()).strength, Strength::Weak);
        let hit =
            wrapped_toolchain_path(&[WINDOWS, "  Could not find toolchain file:"], "  cmake/arm.cmake").expect("read");
        assert_eq!(hit.subject.as_deref(), Some("cmake/arm.cmake"));
    }

    #[test]
    fn a_build_program_missing_on_its_own_stands() {
        let mut system = CmakeSystem::default();
        system.learn("-- The C compiler identification is GNU 13.2.0");
        assert_eq!(
            system.consequence(BUILD_PROGRAM, ninja()).category,
            Category::MissingCommand
        );
        // A warning's call stack through CMakeDetermineSystem is no failure.
        for line in [
            "CMake Warning at cmake/arm.cmake:3 (message):",
            "  deprecated option",
            "Call Stack (most recent call first):",
            "  /usr/share/cmake-3.28/Modules/CMakeDetermineSystem.cmake:170 (include)",
        ] {
            system.learn(line);
        }
        let hit = system.consequence(BUILD_PROGRAM, ninja());
        assert_eq!((hit.category, hit.fixable), (Category::MissingCommand, true));
    }
}
