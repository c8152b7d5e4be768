//! The classifier: consumes log events, keeps only what it needs (candidate
//! lines, step headers, a small window of recent lines) and ranks the
//! findings into failures, likely root cause first.

pub mod custom;
mod rank;
pub mod rules;

use std::sync::Arc;

use aho_corasick::AhoCorasick;

use crate::events::{LineEvent, LogSink};
use crate::knowledge::python;
use crate::line::{CommandProps, LineKind};
use crate::report::{Evidence, Failure};
use crate::subject;
use custom::CustomRules;
use rules::{Hit, LineContext, NEEDLES, classify_line};

/// Caps that keep memory flat on huge logs.
const MAX_FINDINGS_PER_JOB: usize = 512;
const MAX_WEAK_PER_JOB: usize = 16;
const MAX_STEPS_PER_JOB: usize = 4096;
const MAX_SCRIPT_BYTES: usize = 16 * 1024;
const RECENT_LINES: usize = 6;
const MAX_EVIDENCE_TEXT: usize = 500;

/// Compiled rules, shared by all scans.
#[derive(Clone, Debug)]
pub struct Classifier {
    /// None when some custom pattern has no literal: every line is checked.
    prefilter: Option<Arc<AhoCorasick>>,
    custom: Option<Arc<CustomRules>>,
    /// Normalized names of the project's own packages.
    own_packages: Vec<String>,
}

impl Classifier {
    pub fn new(custom: Option<CustomRules>, own_packages: &[String]) -> Classifier {
        let mut needles: Vec<String> = NEEDLES.iter().map(|s| (*s).to_string()).collect();
        let mut custom_all_lines = false;
        if let Some(c) = &custom {
            match &c.needles {
                Some(extra) => needles.extend(extra.iter().cloned()),
                None => custom_all_lines = !c.is_empty(),
            }
        }
        let prefilter = if custom_all_lines {
            None
        } else {
            AhoCorasick::new(&needles).ok().map(Arc::new)
        };
        let custom = custom.filter(|c| !c.is_empty()).map(Arc::new);
        let mut own: Vec<String> = own_packages.iter().map(|p| python::normalize_name(p)).collect();
        own.dedup();
        Classifier {
            prefilter,
            custom,
            own_packages: own,
        }
    }

    pub fn scanner(&self) -> Scanner<'_> {
        Scanner {
            classifier: self,
            jobs: Vec::new(),
            recent: Recent::default(),
            seen_repo: None,
        }
    }
}

/// A finding: a hit with where it was seen.
#[derive(Clone, Debug)]
pub(crate) struct Finding {
    pub hit: Hit,
    pub line: u64,
    pub step: Option<usize>,
    pub evidence: Vec<Evidence>,
    pub props: Option<CommandProps>,
    /// `…/_temp/<uuid>.sh: line N:`: line N of the step's script.
    pub script_line: Option<u32>,
}

#[derive(Clone, Debug)]
pub(crate) struct StepState {
    pub number: Option<u32>,
    pub name: String,
    pub script: String,
}

#[derive(Clone, Debug, Default)]
pub(crate) struct JobState {
    pub name: Option<String>,
    pub steps: Vec<StepState>,
    pub findings: Vec<Finding>,
    pub weak: usize,
}

#[derive(Debug, Default)]
struct Recent {
    lines: [String; RECENT_LINES],
    next: usize,
    filled: usize,
}

impl Recent {
    fn push(&mut self, text: &str) {
        let slot = &mut self.lines[self.next];
        slot.clear();
        slot.push_str(&text[..floor_boundary(text, 512)]);
        self.next = (self.next + 1) % RECENT_LINES;
        self.filled = (self.filled + 1).min(RECENT_LINES);
    }

    fn ordered(&self) -> Vec<&str> {
        (0..self.filled)
            .map(|i| self.lines[(self.next + RECENT_LINES - self.filled + i) % RECENT_LINES].as_str())
            .collect()
    }
}

fn floor_boundary(s: &str, max: usize) -> usize {
    let mut at = s.len().min(max);
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// One pass over a set of logs.
pub struct Scanner<'c> {
    classifier: &'c Classifier,
    pub(crate) jobs: Vec<JobState>,
    recent: Recent,
    seen_repo: Option<String>,
}

impl Scanner<'_> {
    fn job(&mut self) -> &mut JobState {
        if self.jobs.is_empty() {
            self.jobs.push(JobState::default());
        }
        let last = self.jobs.len() - 1;
        &mut self.jobs[last]
    }

    fn is_candidate(&self, line: &LineEvent<'_>) -> bool {
        matches!(line.kind, LineKind::Error) || self.classifier.prefilter.as_ref().is_none_or(|p| p.is_match(line.text))
    }

    fn classify(&mut self, line: &LineEvent<'_>) -> Option<Hit> {
        let text = line.text;
        if let Some(custom) = &self.classifier.custom {
            if let Some(hit) = custom.classify(text) {
                return Some(hit);
            }
        }
        let recent = self.recent.ordered();
        let mut own = self.classifier.own_packages.clone();
        if let Some(repo) = &self.seen_repo {
            own.push(repo.clone());
        }
        let job = self.jobs.last();
        let script = job
            .and_then(|j| j.steps.last())
            .map(|s| s.script.as_str())
            .unwrap_or("");
        let ctx = LineContext {
            recent: &recent,
            script,
            own_packages: &own,
            is_warning: matches!(line.kind, LineKind::Warning | LineKind::Notice),
        };
        let hit = classify_line(text, &ctx);
        match hit {
            Some(hit) => Some(hit),
            None if line.kind == LineKind::Error => Some(Hit {
                category: crate::report::Category::Unknown,
                subject: None,
                detail: crate::report::SubjectDetail::None,
                fixable: false,
                confidence: 0.2,
                message: format!("Error: {}", subject::display_text(text)),
                strength: rules::Strength::Weak,
                job_level: false,
            }),
            None => None,
        }
    }

    /// Turns the findings into failures, root cause first.
    pub fn finish(self) -> Vec<Failure> {
        rank::rank(self.jobs)
    }
}

impl LogSink for Scanner<'_> {
    fn begin_job(&mut self, name: Option<&str>) {
        self.jobs.push(JobState {
            name: name.map(str::to_string),
            ..JobState::default()
        });
        self.recent = Recent::default();
    }

    fn begin_step(&mut self, number: Option<u32>, name: &str, _line: u64) {
        let job = self.job();
        if job.steps.len() < MAX_STEPS_PER_JOB {
            job.steps.push(StepState {
                number,
                name: name.to_string(),
                script: String::new(),
            });
        }
    }

    fn line(&mut self, line: &LineEvent<'_>) {
        if line.echo {
            // Keep the script for the typo check, but never classify it.
            if let Some(step) = self.job().steps.last_mut() {
                if step.script.len() + line.text.len() < MAX_SCRIPT_BYTES {
                    step.script.push_str(line.text);
                    step.script.push('\n');
                }
            }
            return;
        }
        if self.seen_repo.is_none() && line.text.contains("/work/") {
            if let Some(repo) = subject::repository_in_path(line.text) {
                self.seen_repo = Some(python::normalize_name(repo));
            }
        }
        if self.is_candidate(line) {
            if let Some(hit) = self.classify(line) {
                let step = self.jobs.last().and_then(|j| j.steps.len().checked_sub(1));
                let script_line = bash_script_line(line.text);
                let job = self.job();
                let weak = matches!(hit.strength, rules::Strength::Weak);
                let room = job.findings.len() < MAX_FINDINGS_PER_JOB && (!weak || job.weak < MAX_WEAK_PER_JOB);
                if room {
                    job.weak += usize::from(weak);
                    job.findings.push(Finding {
                        hit,
                        line: line.number,
                        step,
                        evidence: vec![Evidence {
                            line: line.number,
                            text: evidence_text(line.text),
                        }],
                        props: line.props.cloned(),
                        script_line,
                    });
                }
            }
        }
        self.recent.push(line.text);
    }
}

fn evidence_text(text: &str) -> String {
    text[..floor_boundary(text, MAX_EVIDENCE_TEXT)].trim_end().to_string()
}

/// `/home/runner/work/_temp/<uuid>.sh: line 7: …` → 7.
fn bash_script_line(text: &str) -> Option<u32> {
    let at = text.find("/_temp/")?;
    let rest = &text[at..];
    let sh = rest.find(".sh: ")?;
    let after = &rest[sh + 5..];
    let after = after.strip_prefix("line ").unwrap_or(after);
    let digits: String = after.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_line_of_bash_errors() {
        assert_eq!(
            bash_script_line("/home/runner/work/_temp/ab-cd.sh: line 7: foo: command not found"),
            Some(7)
        );
        assert_eq!(bash_script_line("/__w/_temp/ab.sh: 1: ./x: not found"), Some(1));
        assert_eq!(bash_script_line("foo: command not found"), None);
    }

    #[test]
    fn recent_window_is_bounded_and_ordered() {
        let mut r = Recent::default();
        for i in 0..10 {
            r.push(&format!("l{i}"));
        }
        assert_eq!(r.ordered(), vec!["l4", "l5", "l6", "l7", "l8", "l9"]);
    }
}
