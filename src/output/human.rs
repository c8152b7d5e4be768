//! `--format human`: codespan-reporting snippets; color only on a terminal
//! and never when NO_COLOR is set.

use std::io::{IsTerminal, Write};

use autoheal_engine::Severity;
use codespan_reporting::diagnostic::{Diagnostic as Report, Label, LabelStyle};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, termcolor};

use crate::Verbosity;
use crate::check::FileReport;

fn use_color() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stdout().is_terminal()
}

pub fn write(out: &mut dyn Write, reports: &[FileReport], verbosity: &Verbosity) -> anyhow::Result<()> {
    let mut files = SimpleFiles::new();
    let config = term::Config::default();
    let mut buffer = if use_color() {
        termcolor::Buffer::ansi()
    } else {
        termcolor::Buffer::no_color()
    };
    let mut counts = [0usize; 3];
    let mut applied = 0;
    for rep in reports {
        let id = files.add(rep.path.clone(), rep.source.clone());
        for t in &rep.applied {
            if !verbosity.quiet {
                use std::io::Write as _;
                writeln!(buffer, "{}: fixed: {t}", rep.path)?;
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
            let mut labels = vec![Label::new(LabelStyle::Primary, id, d.range.start..d.range.end)];
            labels.extend(
                d.labels.iter().map(|l| {
                    Label::new(LabelStyle::Secondary, id, l.range.start..l.range.end).with_message(&l.message)
                }),
            );
            let mut notes = Vec::new();
            for f in &d.fixes {
                let kind = match f.applicability {
                    autoheal_engine::Applicability::Safe => "fix",
                    autoheal_engine::Applicability::Unsafe => "unsafe fix",
                };
                notes.push(format!("{kind} available: {}", f.title));
            }
            let report = base
                .with_code(d.rule)
                .with_message(&d.message)
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
