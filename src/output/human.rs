//! `--format human`: codespan-reporting snippets, colored as `--color` and
//! the environment say (see `terminal`); the common uncolored snippet is
//! written directly, byte for byte as codespan writes it (`plain`). Paths,
//! messages and source lines are escaped: they come from the files being
//! linted.

use std::io::Write;

use autoheal_engine::Severity;
use codespan_reporting::diagnostic::{Diagnostic as Report, Label, LabelStyle};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::{self, termcolor};

use crate::Verbosity;
use crate::check::FileReport;
use crate::terminal::{self, EscapedSource, escape};

mod plain;

pub fn write(out: &mut dyn Write, reports: &[FileReport], verbosity: &Verbosity) -> anyhow::Result<()> {
    use rayon::prelude::*;
    // Each file is rendered in the worker threads into its own buffer and
    // the buffers are written in order: one buffer grown to the whole
    // report on the main thread after the lint was serial, and copied at
    // every doubling.
    let color = terminal::color();
    let rendered = reports
        .par_iter()
        .map(|rep| render_file(rep, color, verbosity))
        .collect::<anyhow::Result<Vec<Rendered>>>()?;
    let mut counts = [0usize; 3];
    let mut applied = 0;
    for r in rendered {
        out.write_all(r.buffer.as_slice())?;
        counts.iter_mut().zip(r.counts).for_each(|(c, n)| *c += n);
        applied += r.applied;
    }
    if !verbosity.quiet {
        let total: usize = counts.iter().sum();
        if total == 0 {
            writeln!(out, "No problems found in {} file(s).", reports.len())?;
        } else {
            writeln!(
                out,
                "Found {} error(s), {} warning(s), {} info in {} file(s).",
                counts[Severity::Error as usize],
                counts[Severity::Warning as usize],
                counts[Severity::Info as usize],
                reports.len()
            )?;
        }
        if applied > 0 {
            writeln!(out, "Applied {applied} fix(es).")?;
        }
    }
    Ok(())
}

/// One file's part of the report.
struct Rendered {
    buffer: termcolor::Buffer,
    /// Findings by severity.
    counts: [usize; 3],
    applied: usize,
}

fn render_file(rep: &FileReport, color: bool, verbosity: &Verbosity) -> anyhow::Result<Rendered> {
    let config = term::Config::default();
    let mut buffer = if color {
        termcolor::Buffer::ansi()
    } else {
        termcolor::Buffer::no_color()
    };
    let mut counts = [0usize; 3];
    let path = escape(&rep.path);
    for t in &rep.applied {
        if !verbosity.quiet {
            use std::io::Write as _;
            writeln!(buffer, "{path}: fixed: {}", escape(t))?;
        }
    }
    if rep.diagnostics.is_empty() {
        return Ok(Rendered {
            buffer,
            counts,
            applied: rep.applied.len(),
        });
    }
    let source = EscapedSource::new(&rep.source);
    let range = |r: autoheal_engine::TextRange| source.offset(r.start)..source.offset(r.end);
    // Uncolored findings of the common shape are written directly (see
    // `plain`); codespan's file, which counts the lines again, only when
    // one is not.
    let lines = (!color).then(|| plain::Lines::new(&source.text));
    let mut file = None;
    let mut direct = Vec::new();
    for d in &rep.diagnostics {
        counts[d.severity as usize] += 1;
        let message = escape(&d.message);
        let notes: Vec<String> = d
            .fixes
            .iter()
            .map(|f| {
                let kind = match f.applicability {
                    autoheal_engine::Applicability::Safe => "fix",
                    autoheal_engine::Applicability::Unsafe => "unsafe fix",
                    autoheal_engine::Applicability::DisplayOnly => "display-only fix",
                };
                format!("{kind} available: {}", escape(&f.title))
            })
            .collect();
        let primary = range(d.range);
        if let Some(lines) = lines.as_ref().filter(|_| d.labels.is_empty()) {
            direct.clear();
            let snippet = plain::Snippet {
                severity: d.severity,
                code: d.rule,
                message: &message,
                name: &path,
                start: primary.start,
                end: primary.end,
                notes: &notes,
            };
            if plain::write(&mut direct, &source.text, lines, &snippet) {
                buffer.write_all(&direct)?;
                continue;
            }
        }
        let base = match d.severity {
            Severity::Error => Report::error(),
            Severity::Warning => Report::warning(),
            Severity::Info => Report::note(),
        };
        let mut labels = vec![Label::new(LabelStyle::Primary, (), primary)];
        labels.extend(
            d.labels
                .iter()
                .map(|l| Label::new(LabelStyle::Secondary, (), range(l.range)).with_message(escape(&l.message))),
        );
        let report = base
            .with_code(d.rule)
            .with_message(message)
            .with_labels(labels)
            .with_notes(notes);
        let file = file.get_or_insert_with(|| SimpleFile::new(path.as_str(), source.text.as_ref()));
        term::emit(&mut buffer, &config, &*file, &report)
            .map_err(|e| anyhow::anyhow!("cannot render a diagnostic: {e}"))?;
    }
    Ok(Rendered {
        buffer,
        counts,
        applied: rep.applied.len(),
    })
}
