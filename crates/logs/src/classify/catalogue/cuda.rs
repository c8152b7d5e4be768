//! NVIDIA's CUDA compiler driver, nvcc.
//!
//! Source: nvcc reports its own refusals (an option or architecture it does
//! not support, an input it cannot read) as `nvcc fatal   : {message}`
//! (padded before the colon, as its `nvcc error   :` and `nvcc warning :`
//! lines), then exits non-zero, so a make or CMake trailer follows. An
//! unsupported `compute_XX` is the project's architecture list against the
//! toolkit's (CUDA 12 dropped Kepler's `compute_35`): a person's call.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;
use crate::subject::display_text;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "cuda/nvcc-fatal",
    grammar: "nvcc fatal   : {message}",
    needles: &["nvcc fatal"],
    check: nvcc_fatal,
    examples: &[ex(
        "nvcc fatal   : Unsupported gpu architecture 'compute_35'",
        Category::Unknown,
        None,
    )],
}];

fn nvcc_fatal(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^nvcc fatal\s*: (.+)$").captures(line.text.trim())?;
    Some(Hit::blocker(format!(
        "nvcc refused the compilation: {} (the project's build flags against the installed CUDA toolkit; a person's call).",
        display_text(c[1].trim())
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nvcc_refusals() {
        crate::classify::catalogue::assert_reads(
            nvcc_fatal,
            &[
                "nvcc fatal   : Unsupported gpu architecture 'compute_35'",
                "nvcc fatal : Value 'c++20' is not defined for option 'std'",
            ],
            &[
                "echo nvcc fatal: x",
                "nvcc warning : The 'compute_50' architecture is deprecated",
            ],
        );
    }
}
