//! Output formats for `check`.

mod github;
mod human;
mod json;
mod sarif;

use std::io::Write;

use clap::ValueEnum;

use crate::Verbosity;
use crate::check::FileReport;

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum Format {
    /// Source snippets with labels (colored as `--color` says).
    Human,
    /// Machine-readable; see docs/json-output.md.
    Json,
    /// SARIF 2.1.0 for code scanning.
    Sarif,
    /// GitHub Actions workflow commands (`::error file=…::…`).
    Github,
}

pub fn write(out: &mut dyn Write, format: Format, reports: &[FileReport], verbosity: &Verbosity) -> anyhow::Result<()> {
    match format {
        Format::Human => human::write(out, reports, verbosity),
        Format::Json => json::write(out, reports),
        Format::Sarif => sarif::write(out, reports),
        Format::Github => github::write(out, reports),
    }
}

/// 1-based line/column of both ends of a range, for every format.
pub struct Region {
    pub start_line: u32,
    pub start_column: u32,
    pub end_line: u32,
    pub end_column: u32,
}

pub fn region(index: &autoheal_engine::LineIndex, source: &str, range: autoheal_engine::TextRange) -> Region {
    let s = index.line_column(source, range.start);
    let e = index.line_column(source, range.end);
    Region {
        start_line: s.line,
        start_column: s.column,
        end_line: e.line,
        end_column: e.column,
    }
}
