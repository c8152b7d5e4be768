//! Checkers that run outside the engine (shellcheck, pyflakes), behind a
//! trait so the engine itself stays free of I/O: a front end that can spawn
//! processes passes implementations in [`crate::LintOptions::script_checker`]
//! (shell scripts, for the `shell` rule) and
//! [`crate::LintOptions::python_checker`] (Python scripts, for the `pyflakes`
//! rule), and each rule hands its checker every script of a file in one
//! batch.

use crate::diagnostic::Severity;

/// The dialect a script is checked as.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ScriptLanguage {
    Bash,
    Sh,
    Python,
}

impl ScriptLanguage {
    /// The dialect's name (for bash and sh, the one shellcheck's `-s`
    /// option takes).
    pub fn as_str(self) -> &'static str {
        match self {
            ScriptLanguage::Bash => "bash",
            ScriptLanguage::Sh => "sh",
            ScriptLanguage::Python => "python",
        }
    }
}

/// One `run:` script. `text` has every `${{ }}` expression replaced by a
/// same-length placeholder (see [`mask_expressions`]), so byte offsets in it
/// are offsets in the scalar's value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Script {
    pub language: ScriptLanguage,
    pub text: String,
    /// Where the `run:` value starts in the file: what a note about the
    /// whole script (too long to check) points at.
    pub offset: usize,
}

/// One problem a checker found, by byte range in its script's `text`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScriptFinding {
    /// Index into the batch passed to [`ScriptChecker::check`].
    pub script: usize,
    pub start: usize,
    pub end: usize,
    /// [`Severity::Error`] for a script the checker cannot parse (a
    /// shellcheck SC1xxx error, a Python syntax error); below for advice.
    pub severity: Severity,
    /// The checker's code, e.g. `SC2086` (empty when it has none: pyflakes
    /// prints no codes).
    pub code: String,
    pub message: String,
}

pub trait ScriptChecker: Sync {
    /// Check a batch of scripts (all of one file). Implementations may run
    /// them in parallel; a checker that fails returns no findings.
    fn check(&self, scripts: &[Script]) -> Vec<ScriptFinding>;
}

/// Replace each `${{ … }}` with underscores of the same byte length, so a
/// checker sees a plain word where GitHub substitutes a value and offsets
/// still line up. Multi-byte characters inside become several underscores;
/// line breaks inside an expression are kept.
pub fn mask_expressions(script: &str) -> String {
    let mut out = String::with_capacity(script.len());
    let mut rest = script;
    while let Some(open) = rest.find("${{") {
        out.push_str(&rest[..open]);
        let after = &rest[open..];
        let Some(close) = after.find("}}") else {
            out.push_str(after);
            return out;
        };
        let expr = &after[..close + 2];
        out.extend(expr.bytes().map(|b| if b == b'\n' { '\n' } else { '_' }));
        rest = &after[close + 2..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::mask_expressions;
    use proptest::prelude::*;

    #[test]
    fn expressions_become_same_length_placeholders() {
        assert_eq!(
            mask_expressions("echo ${{ matrix.os }} done"),
            "echo ________________ done"
        );
        assert_eq!(
            mask_expressions("a ${{ x }}${{ y }} b"),
            format!("a {} b", "_".repeat(16))
        );
        assert_eq!(mask_expressions("unclosed ${{ x"), "unclosed ${{ x");
        assert_eq!(mask_expressions("${{ 'é' }}").len(), "${{ 'é' }}".len());
    }

    proptest! {
        #[test]
        fn masking_keeps_length_and_line_breaks(s in "(\\$\\{\\{|\\}\\}|[a-zé\n ]){0,40}") {
            let m = mask_expressions(&s);
            prop_assert_eq!(m.len(), s.len());
            prop_assert_eq!(m.matches('\n').count(), s.matches('\n').count());
        }
    }
}
