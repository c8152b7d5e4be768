//! Fix type 5, `yaml_syntax`: the engine's re-parse-verified syntax fixes,
//! applied at the position of the run-level "Invalid workflow file …
//! (Line: N, Col: M)" message.

use autoheal_engine::repo::relative_path;
use autoheal_engine::rules::syntax::syntax_fixes_at;
use autoheal_engine::text::{LineColumn, LineIndex};
use autoheal_engine::yaml::{self, SyntaxErrorKind};

use crate::{Candidate, Ctx, Generated};

/// How far (in lines) the parser's error may be from the line GitHub named.
const LINE_SLACK: u32 = 2;

fn reported_offset(ctx: &Ctx<'_>) -> Option<(usize, u32)> {
    let index = LineIndex::new(ctx.source);
    if let Some(at) = ctx.failure.offset.filter(|o| *o <= ctx.source.len()) {
        return Some((at, index.line_column(ctx.source, at).line));
    }
    let line = ctx.failure.line.filter(|l| *l >= 1 && *l <= index.line_count())?;
    let column = ctx.failure.column.unwrap_or(1).max(1);
    Some((
        index.offset_of_line_column(ctx.source, LineColumn { line, column }),
        line,
    ))
}

fn parse_error_lines(source: &str) -> Vec<u32> {
    let index = LineIndex::new(source);
    yaml::parse(source.as_bytes())
        .errors
        .iter()
        .filter(|e| e.kind == SyntaxErrorKind::Parse)
        .map(|e| index.line_column(source, e.range.start).line)
        .collect()
}

pub(crate) fn generate(ctx: &Ctx<'_>) -> Generated {
    if let Some(named) = &ctx.failure.invalid_file {
        let named = relative_path(named).unwrap_or(named);
        if relative_path(ctx.path).unwrap_or(ctx.path) != named {
            return Err(format!(
                "GitHub named `{named}` as the invalid file, not `{}`; its line numbers are that file's, so no edit is made \
                 here (run the fix on `{named}`)",
                ctx.path
            ));
        }
    }
    let (offset, line) = reported_offset(ctx).ok_or("the message gives no line in this workflow")?;
    let errors = parse_error_lines(ctx.source);
    if errors.is_empty() {
        return Err("the workflow is valid YAML; GitHub rejected its content (an unknown key or a wrong value), which needs a manual fix".into());
    }
    if !errors.iter().any(|l| l.abs_diff(line) <= LINE_SLACK) {
        return Err(format!(
            "no YAML syntax error near line {line}; the reported problem needs a manual fix"
        ));
    }
    let before = errors.len();
    let path = ctx.path.to_string();
    Ok(syntax_fixes_at(ctx.path, ctx.source, offset)
        .into_iter()
        .map(|fix| {
            let path = path.clone();
            let intent = move |files: &crate::Files| {
                let n = files
                    .get(&path)
                    .map(|t| parse_error_lines(t).len())
                    .unwrap_or(usize::MAX);
                if n < before {
                    Ok(())
                } else {
                    Err(format!("{n} YAML errors remain (was {before})"))
                }
            };
            Candidate {
                fix,
                intent: Box::new(intent) as crate::Intent,
            }
        })
        .collect())
}

/// After the fix: is there still a syntax error at the reported line?
pub(crate) fn still_broken_at(ctx: &Ctx<'_>) -> Option<String> {
    let (_, line) = reported_offset(ctx)?;
    parse_error_lines(ctx.source)
        .contains(&line)
        .then(|| format!("a YAML error remains at line {line}"))
}

#[cfg(test)]
mod tests {
    use crate::test_support::*;
    use crate::{Category, FailureInput};

    fn at(line: u32, col: u32) -> FailureInput {
        let mut f = FailureInput::new(Category::YamlSyntax, None);
        f.line = Some(line);
        f.column = Some(col);
        f
    }

    #[test]
    fn quotes_a_colon_value_at_the_reported_line_in_a_commented_file() {
        let src = "# Release pipeline\non: push\n\njobs:\n  release:\n    runs-on: ubuntu-latest\n    steps:\n      # tag it\n      - run: echo version: 1.2  # print\n      - run: make\n";
        let out = apply_only(&at(9, 20), src);
        assert_eq!(
            out,
            src.replace(
                "- run: echo version: 1.2  # print",
                "- run: 'echo version: 1.2'  # print"
            )
        );
    }

    /// GitHub named another file: its line numbers say nothing about this
    /// one, even when this one has a syntax error at the same line.
    #[test]
    fn only_the_file_github_named_is_edited() {
        let src = "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo version: 1.2\n";
        let mut f = at(6, 20);
        f.invalid_file = Some(".github/workflows/release.yml".into());
        let why = manual_reason(&f, src);
        assert!(why.contains("named `.github/workflows/release.yml`"), "{why}");
        f.invalid_file = Some("./.github/workflows/ci.yml".into());
        assert!(apply_only(&f, src).contains("- run: 'echo version: 1.2'"));
    }

    #[test]
    fn realigns_a_misindented_key_in_a_crlf_file() {
        let src = "on: push\r\njobs:\r\n  a:\r\n    runs-on: ubuntu-latest\r\n     steps:\r\n       - run: make\r\n";
        let out = apply_only(&at(5, 6), src);
        assert_eq!(
            out,
            "on: push\r\njobs:\r\n  a:\r\n    runs-on: ubuntu-latest\r\n    steps:\r\n      - run: make\r\n"
        );
    }

    #[test]
    fn valid_yaml_or_a_far_away_line_needs_a_manual_fix() {
        let ok = "on: push\njobs:\n  a:\n    runs-on: x\n    workflows: [a]\n";
        assert!(manual_reason(&at(5, 5), ok).contains("valid YAML"));
        let src = "on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: echo a: b\n\n\n\n\n# end\n";
        assert!(manual_reason(&at(11, 1), src).contains("no YAML syntax error near line 11"));
        assert!(manual_reason(&at(99, 1), src).contains("no line"));
    }
}
