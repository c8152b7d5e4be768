//! `--format human`: codespan-reporting snippets, colored as `--color` and
//! the environment say (see `terminal`). Paths, messages and source lines
//! are escaped: they come from the files being linted.

use std::io::Write;

use autoheal_engine::Severity;
use codespan_reporting::diagnostic::{Diagnostic as Report, Label, LabelStyle};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, termcolor};

use crate::Verbosity;
use crate::check::FileReport;
use crate::terminal::{self, EscapedSource, escape};

pub fn write(out: &mut dyn Write, reports: &[FileReport], verbosity: &Verbosity) -> anyhow::Result<()> {
    let mut files = SimpleFiles::new();
    let config = term::Config::default();
    let mut buffer = if terminal::color() {
        termcolor::Buffer::ansi()
    } else {
        termcolor::Buffer::no_color()
    };
    let mut counts = [0usize; 3];
    let mut applied = 0;
    for rep in reports {
        let path = escape(&rep.path);
        let source = EscapedSource::new(&rep.source);
        let range = |r: autoheal_engine::TextRange| source.offset(r.start)..source.offset(r.end);
        let id = files.add(path.clone(), source.text.clone());
        for t in &rep.applied {
            if !verbosity.quiet {
                use std::io::Write as _;
                writeln!(buffer, "{path}: fixed: {}", escape(t))?;
            }
            applied += 1;
        }
        for d in &rep.diagnostics {
            counts[d.severity as usize] += 1;
            let base = match d.severity {
                Severity::Error => Report::error(),
                Severity::Warning => Report::warning(),
                Severity::Info => Report::note(),
            };
            let mut labels = vec![Label::new(LabelStyle::Primary, id, range(d.range))];
            labels.extend(
                d.labels
                    .iter()
                    .map(|l| Label::new(LabelStyle::Secondary, id, range(l.range)).with_message(escape(&l.message))),
            );
            let mut notes = Vec::new();
            for f in &d.fixes {
                let kind = match f.applicability {
                    autoheal_engine::Applicability::Safe => "fix",
                    autoheal_engine::Applicability::Unsafe => "unsafe fix",
                };
                notes.push(format!("{kind} available: {}", escape(&f.title)));
            }
            let report = base
                .with_code(d.rule)
                .with_message(escape(&d.message))
                .with_labels(labels)
                .with_notes(notes);
            term::emit(&mut buffer, &config, &files, &report)
                .map_err(|e| anyhow::anyhow!("cannot render a diagnostic: {e}"))?;
        }
    }
    out.write_all(buffer.as_slice())?;
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
