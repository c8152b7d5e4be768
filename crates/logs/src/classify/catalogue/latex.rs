//! TeX and LaTeX (pdfTeX, XeTeX, LuaTeX; latexmk around them).
//!
//! Source: the LaTeX kernel reports its errors through `\GenericError`, which
//! TeX prints as `! LaTeX Error: {message}` (`ltclass.dtx`/`ltfiles.dtx`:
//! `File `{name}' not found.` for a `\usepackage`, `\documentclass` or
//! `\input` whose file is not on TeX's search path), then TeX's own help
//! (`Type X to quit or <RETURN> to proceed,`) and, in nonstop mode,
//! `! Emergency stop.`; latexmk then repeats the line (`Latexmk: Missing input
//! file …`) and closes with `Collected error summary …` and `Refer to
//! '{name}.log' and/or above output for more information`. The `! LaTeX
//! Error:` line is the failure; what follows restates it. With TeX's
//! `-file-line-error` option (pdfTeX, XeTeX and LuaTeX; in the default `args`
//! of the common LaTeX actions and in many `latexmkrc` files) the same error
//! is printed as `{file}:{line}: LaTeX Error: {message}` instead (review87 L3).
//!
//! A missing `.sty` or `.cls` is a TeX package the TeX installation lacks
//! (TeX Live's packages are split over many Debian packages, and which one
//! holds a file is not in the message) or a file of the project: a person
//! decides, so it is a blocker, never a file of the workflow to fix.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "latex/latex-error",
    grammar: "! LaTeX Error: {message} | {file}:{line}: LaTeX Error: {message}",
    needles: &["! LaTeX Error: ", ": LaTeX Error: "],
    check: latex_error,
    examples: &[
        ex("! LaTeX Error: File `tikz-cd.sty' not found.", Category::Unknown, None),
        ex(
            "./paper.tex:4: LaTeX Error: File `tikz-cd.sty' not found.",
            Category::Unknown,
            None,
        ),
    ],
}];

fn latex_error(line: &Line<'_>) -> Option<Hit> {
    // Only TeX's own line (it starts the line, in either form); latexmk's
    // quoted repeat (`  '! LaTeX Error: …'`) comes after it.
    let caps = regex!(r"^(?:! |[^\s:'][^\s:]*:\d+: )LaTeX Error: (.+)$").captures(line.text.trim_end())?;
    let message = caps.get(1)?.as_str();
    if let Some(file) = regex!(r"^File `([^']+)' not found\.").captures(message) {
        return Some(Hit::blocker(format!(
            "LaTeX could not find `{}`: a TeX package the TeX installation lacks (install the TeX Live package that \
             holds it) or a file of the project. Not a file the workflow names.",
            &file[1]
        )));
    }
    Some(Hit::blocker(format!("LaTeX stopped on an error: {message}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latex_errors() {
        crate::classify::catalogue::assert_reads(
            latex_error,
            &[
                "! LaTeX Error: File `tikz-cd.sty' not found.",
                "! LaTeX Error: Environment theorem undefined.",
                "./paper.tex:4: LaTeX Error: File `tikz-cd.sty' not found.",
                "chapters/intro.tex:112: LaTeX Error: Environment theorem undefined.",
            ],
            &[
                "  '! LaTeX Error: File `tikz-cd.sty' not found.'",
                "LaTeX Error: File `tikz-cd.sty' not found.",
                "  './paper.tex:4: LaTeX Error: File `tikz-cd.sty' not found.'",
                "paper.tex: LaTeX Error: no line number",
                "! Emergency stop.",
            ],
        );
        let hit = latex_error(&Line::plain("! LaTeX Error: File `tikz-cd.sty' not found.")).expect("read");
        assert_eq!(hit.category, Category::Unknown);
        assert!(!hit.fixable);
        assert!(hit.message.contains("tikz-cd.sty"));
        let hit = latex_error(&Line::plain(
            "./paper.tex:4: LaTeX Error: File `tikz-cd.sty' not found.",
        ))
        .expect("read");
        assert!(!hit.fixable && hit.message.contains("`tikz-cd.sty`"), "{}", hit.message);
    }
}
