//! `cargo xtask eval logs [design|check|all]`: category and strict subject
//! accuracy of the root cause on `../shared/corpus/failure-logs`, one line per
//! case, figures for cases 001–199, 200–285 and overall, and the count of
//! `none` cases on which some failure was marked fixable.
//!
//! Held-out discipline: cases whose number is divisible by 3 are the *check*
//! set, kept aside while designing; the others are the *design* set. `all`
//! (the default, what CI runs) also compares the figures with the floor
//! recorded in `docs/accuracy.md` and fails below it; any fix offered on a
//! `none` case fails every run.

mod expected;

use std::path::{Path, PathBuf};

use autoheal_logs::{Category, LogFile, LogInput, Options, analyze};

use expected::{actual_value, expected_value};

/// The first case number added after the classifier was written (issue
/// #12): the evals report the cases before and from it apart, under these
/// names.
pub const FIRST_LATER_CASE: u32 = 200;
pub const EARLIER_CASES: &str = "001-199";
pub const LATER_CASES: &str = "200-285";

/// Which cases to evaluate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Set {
    Design,
    Check,
    All,
}

impl Set {
    pub fn parse(s: Option<&str>) -> Option<Set> {
        Some(match s {
            None | Some("all") => Set::All,
            Some("design") => Set::Design,
            Some("check") => Set::Check,
            _ => return None,
        })
    }

    pub fn label(self) -> &'static str {
        match self {
            Set::All => "all",
            Set::Design => "design",
            Set::Check => "check",
        }
    }

    pub fn contains(self, number: u32) -> bool {
        match self {
            Set::All => true,
            Set::Design => !number.is_multiple_of(3),
            Set::Check => number.is_multiple_of(3),
        }
    }

    /// The cases of `corpus/failure-logs` in this set, in file order: the
    /// log's name (`NNN-slug`), its number and its path (the sidecar is the
    /// same path with `.json`).
    pub fn cases(self, corpus: &Path) -> Vec<(String, u32, PathBuf)> {
        crate::files_under(&corpus.join("failure-logs"), &[".log"])
            .into_iter()
            .filter_map(|log| {
                let name = log.file_stem()?.to_string_lossy().into_owned();
                let number = name.split('-').next()?.parse::<u32>().ok()?;
                self.contains(number).then_some((name, number, log))
            })
            .collect()
    }
}

#[derive(Debug, serde::Deserialize)]
struct Sidecar {
    expected_category: String,
    #[serde(default)]
    expected_detail: Option<String>,
}

/// One case's result.
struct CaseResult {
    name: String,
    number: u32,
    expected: String,
    got: String,
    expected_subject: Option<String>,
    got_subject: Option<String>,
    category_ok: bool,
    /// `None` when the case has no expected detail.
    subject_ok: Option<bool>,
    fix_on_none: bool,
}

#[derive(Default, Clone, Copy)]
struct Tally {
    cases: usize,
    category: usize,
    subject_total: usize,
    subject: usize,
    fixes_on_none: usize,
}

impl Tally {
    fn add(&mut self, r: &CaseResult) {
        self.cases += 1;
        self.category += usize::from(r.category_ok);
        if let Some(ok) = r.subject_ok {
            self.subject_total += 1;
            self.subject += usize::from(ok);
        }
        self.fixes_on_none += usize::from(r.fix_on_none);
    }

    fn line(&self, label: &str) -> String {
        format!(
            "{label:<16} category {}/{} ({}), subject {}/{} ({}), fixes on `none` cases {}",
            self.category,
            self.cases,
            percent(self.category, self.cases),
            self.subject,
            self.subject_total,
            percent(self.subject, self.subject_total),
            self.fixes_on_none
        )
    }
}

fn percent(a: usize, b: usize) -> String {
    if b == 0 {
        "-".into()
    } else {
        format!("{:.1}%", 100.0 * a as f64 / b as f64)
    }
}

fn evaluate_case(name: &str, number: u32, log: &[u8], sidecar: &Sidecar) -> CaseResult {
    let input = LogInput {
        logs: vec![LogFile { job: None, bytes: log }],
        ..LogInput::default()
    };
    let analysis = analyze(&input, &Options::default()).unwrap_or_default();
    let root = analysis.root_cause();
    let got = match root.map(|f| f.category) {
        None | Some(Category::Unknown) => "none".to_string(),
        Some(c) => c.as_str().to_string(),
    };
    let expected = sidecar.expected_category.clone();
    let category_ok = got == expected;
    let expected_subject = sidecar
        .expected_detail
        .as_deref()
        .filter(|_| expected != "none")
        .map(|d| expected_value(&expected, d).unwrap_or_else(|| format!("<unmappable: {d}>")));
    let got_subject = root.and_then(actual_value);
    let subject_ok = expected_subject
        .as_ref()
        .map(|e| category_ok && got_subject.as_ref() == Some(e));
    CaseResult {
        name: name.to_string(),
        number,
        fix_on_none: expected == "none" && analysis.failures.iter().any(|f| f.fixable),
        expected,
        got,
        expected_subject,
        got_subject,
        category_ok,
        subject_ok,
    }
}

pub fn run(corpus: &Path, set: Set, root: &Path) -> anyhow::Result<()> {
    let mut results = Vec::new();
    for (name, number, log) in set.cases(corpus) {
        let sidecar: Sidecar = serde_json::from_str(&std::fs::read_to_string(log.with_extension("json"))?)?;
        results.push(evaluate_case(&name, number, &std::fs::read(&log)?, &sidecar));
    }
    let (mut early, mut late, mut all) = (Tally::default(), Tally::default(), Tally::default());
    for r in &results {
        let mark = match (r.category_ok, r.subject_ok, r.fix_on_none) {
            (_, _, true) => "FIX-ON-NONE",
            (true, Some(false), _) => "MISS-SUBJ",
            (true, _, _) => "ok",
            (false, _, _) => "MISS",
        };
        let show = |category: &str, subject: &Option<String>| match subject {
            Some(s) => format!("{category} [{s}]"),
            None => category.to_string(),
        };
        println!(
            "{mark:<11} {:<62} expected {:<40} got {}",
            r.name,
            show(&r.expected, &r.expected_subject),
            show(&r.got, &r.got_subject)
        );
        all.add(r);
        if r.number < FIRST_LATER_CASE {
            early.add(r);
        } else {
            late.add(r);
        }
    }
    let label = set.label();
    println!("{}", early.line(&format!("{label} {EARLIER_CASES}")));
    println!("{}", late.line(&format!("{label} {LATER_CASES}")));
    println!("{}", all.line(&format!("{label} overall")));
    if all.fixes_on_none > 0 {
        anyhow::bail!("a fix was offered on a case no automatic fix should touch");
    }
    if set == Set::All {
        let floor = Floor::read(&root.join("docs/accuracy.md"))?;
        floor.check(&all)?;
        println!(
            "at or above the floor recorded in docs/accuracy.md (category {}, subject {})",
            floor.category, floor.subject
        );
    }
    Ok(())
}

/// The figures recorded in `docs/accuracy.md`, in its `eval-logs-floor` block:
/// the one place the thresholds live.
struct Floor {
    category: usize,
    subject: usize,
}

impl Floor {
    fn read(path: &Path) -> anyhow::Result<Floor> {
        Floor::parse(&std::fs::read_to_string(path)?, path)
    }

    fn parse(text: &str, path: &Path) -> anyhow::Result<Floor> {
        let [category, subject] =
            crate::floor::counts(text, path, "eval-logs-floor", ["category_correct", "subject_correct"])?;
        Ok(Floor { category, subject })
    }

    fn check(&self, all: &Tally) -> anyhow::Result<()> {
        if all.category < self.category || all.subject < self.subject {
            anyhow::bail!(
                "accuracy dropped below the floor in docs/accuracy.md: category {} < {} or subject {} < {}",
                all.category,
                self.category,
                all.subject,
                self.subject
            );
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_floor_is_read_from_its_block_and_enforced() {
        let doc = "# x\n```eval-logs-floor\ncategory_correct 137/145\nsubject_correct 98/105\n```\n";
        let floor = Floor::parse(doc, Path::new("a.md")).expect("floor");
        assert_eq!((floor.category, floor.subject), (137, 98));
        let at = Tally {
            cases: 145,
            category: 137,
            subject_total: 105,
            subject: 98,
            fixes_on_none: 0,
        };
        assert!(floor.check(&at).is_ok());
        assert!(floor.check(&Tally { category: 136, ..at }).is_err());
        assert!(floor.check(&Tally { subject: 97, ..at }).is_err());
        assert!(Floor::parse("no block", Path::new("a.md")).is_err());
        assert!(Floor::parse("```eval-logs-floor\ncategory_correct x\n```", Path::new("a.md")).is_err());
    }

    #[test]
    fn the_split_is_by_case_number() {
        assert!(Set::Check.contains(3) && Set::Check.contains(285) && !Set::Check.contains(4));
        assert!(Set::Design.contains(1) && !Set::Design.contains(6));
        assert!(Set::All.contains(6));
        assert_eq!(Set::parse(Some("design")), Some(Set::Design));
        assert_eq!(Set::parse(None), Some(Set::All));
        assert_eq!(Set::parse(Some("x")), None);
    }
}
