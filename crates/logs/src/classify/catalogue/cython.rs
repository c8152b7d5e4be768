//! Cython, compiling `.pyx` sources to C (usually inside a build backend's
//! hook, in pip's build box).
//!
//! Source: Cython's `Compiler/Errors.py`. A compile error is reported as
//! `Error compiling Cython file:`, the source around it between lines of 60
//! dashes with a caret under the column, then `{file}:{line}:{column}:
//! {message}` (`CompileError`'s position as `Errors.format_position`
//! writes it); `cythonize` then raises `Cython.Compiler.Errors.CompileError:
//! {file}`. Warnings carry a `warning: ` prefix. An error is the project's
//! code against the Cython that was installed (Cython 3 made `noexcept`
//! explicit, for instance): a person's call.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;
use crate::subject::display_text;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "cython/compile-error",
    grammar: "{file}.pyx|.pxd|.pxi:{line}:{column}: {message} (after `Error compiling Cython file:`)",
    needles: &[".pyx:", ".pxd:", ".pxi:"],
    check: compile_error,
    examples: &[ex(
        "src/geo/_distance.pyx:27:22: Cannot assign type 'double (double) except? -1 nogil' to 'dist_fn'",
        Category::Unknown,
        None,
    )],
}];

fn compile_error(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^([\w./\\-]+\.(?:pyx|pxd|pxi)):(\d+):(\d+): (\S.*)$").captures(line.text.trim())?;
    Some(Hit::blocker(format!(
        "Cython could not compile {} (line {}): {} (the project's code against the installed Cython, a person's \
         call).",
        display_text(&c[1]),
        &c[2],
        display_text(&c[4])
    )))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::catalogue::assert_reads;

    #[test]
    fn cythons_error_position_and_not_its_warnings() {
        assert_reads(
            compile_error,
            &[
                "fastgeo/_distance.pyx:27:22: Cannot assign type 'double (double) except? -1 nogil' to 'dist_fn'",
                "pkg/_core.pxd:3:0: 'libc/math.pxd' not found",
            ],
            &[
                "warning: pkg/_core.pyx:10:4: Unused entry 'tmp'",
                "  File \"pmdarima/utils/_array.pyx\", line 1, in init pmdarima.utils._array",
                "Compiling fastgeo/_distance.pyx because it changed.",
            ],
        );
    }
}
