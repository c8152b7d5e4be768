//! Accuracy measurement over labelled logs (the `xtask eval logs` core).
//!
//! A case is a log plus a sidecar `{"expected_category", "expected_detail"}`;
//! `none` means "no fix may be offered". The caller reads the files.

use serde::{Deserialize, Serialize};

use crate::{Category, LogFile, LogInput, Options, analyze};

#[derive(Clone, Debug, Deserialize)]
pub struct Sidecar {
    pub expected_category: String,
    #[serde(default)]
    pub expected_detail: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct CaseResult {
    pub name: String,
    pub expected_category: String,
    pub predicted_category: String,
    pub expected_detail: Option<String>,
    pub predicted_subject: Option<String>,
    pub category_ok: bool,
    /// None when the case names no detail.
    pub subject_ok: Option<bool>,
    /// A `none` case for which some failure was marked fixable.
    pub fix_offered_on_none: bool,
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct EvalReport {
    pub cases: Vec<CaseResult>,
    pub category_correct: usize,
    pub subject_correct: usize,
    pub subject_total: usize,
    pub fixes_on_none: usize,
}

impl EvalReport {
    pub fn category_accuracy(&self) -> f64 {
        ratio(self.category_correct, self.cases.len())
    }
    pub fn subject_accuracy(&self) -> f64 {
        ratio(self.subject_correct, self.subject_total)
    }
    pub fn summary(&self) -> String {
        format!(
            "category accuracy {}/{} ({:.1}%), subject accuracy {}/{} ({:.1}%), fixes offered on `none` cases: {}",
            self.category_correct,
            self.cases.len(),
            100.0 * self.category_accuracy(),
            self.subject_correct,
            self.subject_total,
            100.0 * self.subject_accuracy(),
            self.fixes_on_none
        )
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// Scores one case.
pub fn evaluate_case(name: &str, log: &[u8], sidecar: &Sidecar, options: &Options) -> CaseResult {
    let input = LogInput {
        logs: vec![LogFile { job: None, bytes: log }],
        ..LogInput::default()
    };
    let analysis = analyze(&input, options).unwrap_or_default();
    let root = analysis.failures.first();
    let predicted = match root.map(|f| f.category) {
        None | Some(Category::Unknown) => "none".to_string(),
        Some(c) => c.as_str().to_string(),
    };
    let expected = sidecar.expected_category.clone();
    let subject = root.and_then(|f| f.subject.clone());
    let subject_ok = sidecar
        .expected_detail
        .as_deref()
        .map(|d| predicted == expected && subject_matches(d, subject.as_deref()));
    let fix_offered_on_none = expected == "none" && analysis.failures.iter().any(|f| f.fixable);
    CaseResult {
        name: name.to_string(),
        category_ok: predicted == expected,
        predicted_category: predicted,
        expected_category: expected,
        expected_detail: sidecar.expected_detail.clone(),
        predicted_subject: subject,
        subject_ok,
        fix_offered_on_none,
    }
}

/// The expected detail is prose (`pkg_resources (setuptools)`, `Docker Hub
/// pull rate limit (429)`); the subject matches when it names the same thing.
pub fn subject_matches(expected: &str, subject: Option<&str>) -> bool {
    let Some(subject) = subject.map(str::trim).filter(|s| !s.is_empty()) else {
        return false;
    };
    let e = expected.to_ascii_lowercase();
    let s = subject.to_ascii_lowercase();
    if e == s || e.contains(&s) || s.contains(&e) {
        return true;
    }
    // `package.json` for `/home/runner/work/r/r/package.json`.
    e.ends_with(&format!("/{s}"))
}

/// Scores all cases: `(name, log bytes, sidecar JSON)`.
pub fn evaluate<'a>(cases: impl IntoIterator<Item = (&'a str, &'a [u8], &'a str)>, options: &Options) -> EvalReport {
    let mut report = EvalReport::default();
    for (name, log, sidecar) in cases {
        let Ok(sidecar) = serde_json::from_str::<Sidecar>(sidecar) else {
            continue;
        };
        let result = evaluate_case(name, log, &sidecar, options);
        report.category_correct += usize::from(result.category_ok);
        if let Some(ok) = result.subject_ok {
            report.subject_total += 1;
            report.subject_correct += usize::from(ok);
        }
        report.fixes_on_none += usize::from(result.fix_offered_on_none);
        report.cases.push(result);
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subject_matching_is_about_the_same_thing() {
        assert!(subject_matches("pkg_resources (setuptools)", Some("setuptools")));
        assert!(subject_matches(
            "/home/runner/work/sme/sme/package.json",
            Some("package.json")
        ));
        assert!(subject_matches("360", Some("360")));
        assert!(!subject_matches("360", Some("30")));
        assert!(!subject_matches("yarn", None));
    }

    #[test]
    fn scores_a_case() {
        let sidecar = Sidecar {
            expected_category: "missing_dependency".into(),
            expected_detail: Some("PyYAML".into()),
        };
        let r = evaluate_case(
            "x",
            b"ModuleNotFoundError: No module named 'yaml'\n",
            &sidecar,
            &Options::default(),
        );
        assert!(r.category_ok && r.subject_ok == Some(true) && !r.fix_offered_on_none);
        let none = Sidecar {
            expected_category: "none".into(),
            expected_detail: None,
        };
        let r = evaluate_case(
            "y",
            b"Error: Input required and not supplied: token\n",
            &none,
            &Options::default(),
        );
        assert!(r.category_ok && !r.fix_offered_on_none);
    }
}
