//! The one diagnostic type every front end shares: the CLI prints it, the
//! language server publishes it, the heal loop turns its fixes into PRs.

use serde::{Deserialize, Serialize};

use crate::text::TextRange;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "info" | "note" => Some(Severity::Info),
            "warning" | "warn" => Some(Severity::Warning),
            "error" => Some(Severity::Error),
            _ => None,
        }
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How sure a check is that a finding is a real problem (zizmor's scale):
/// pedantic checks report `Low`, pattern matches that can be wrong `Medium`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    Low,
    Medium,
    #[default]
    High,
}

impl Confidence {
    pub fn as_str(self) -> &'static str {
        match self {
            Confidence::Low => "low",
            Confidence::Medium => "medium",
            Confidence::High => "high",
        }
    }
}

/// A security audit's own rating of how bad a finding is if real (zizmor's
/// scale), apart from the diagnostic's [`Severity`], which decides whether
/// `check` fails. See `rules::audit::diagnostic_severity` for the mapping.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AuditSeverity {
    Low,
    Medium,
    High,
}

impl AuditSeverity {
    pub fn as_str(self) -> &'static str {
        match self {
            AuditSeverity::Low => "low",
            AuditSeverity::Medium => "medium",
            AuditSeverity::High => "high",
        }
    }
    /// GitHub code scanning's `security-severity` score (7.0 and up is
    /// high, 4.0 and up medium, below that low).
    pub fn score(self) -> &'static str {
        match self {
            AuditSeverity::High => "8.0",
            AuditSeverity::Medium => "5.5",
            AuditSeverity::Low => "2.0",
        }
    }
}

/// Whether a fix may be applied without a human looking at it. Three levels
/// (as in ruff): what each applier takes is decided here, by level, never
/// by the fix's type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    /// Keeps the workflow's meaning except for the problem fixed: `check
    /// --fix`, the language server's fix-all, `autoheal fix --write` and
    /// heal's pull request apply it.
    Safe,
    /// Sure to address the problem, but changes behavior (a job may now fail
    /// without failing the run, a longer time limit, a retried fetch):
    /// applied on request (`check --fix=unsafe`), and by `autoheal fix
    /// --write` and heal's pull request, which a person reviews.
    Unsafe,
    /// For a person only: a guess only a person can confirm (a missing
    /// file's rewrite onto a file that may not be the one the step wanted),
    /// or a fallback that hides the failure instead of repairing it
    /// ([`Fix::fallback`]). Shown (`diagnose`, the JSON output, a single
    /// quick fix a person picks in the editor), never applied by any tool on
    /// its own, whatever flag is given: this level is the one thing every
    /// applier checks.
    #[serde(rename = "display-only")]
    DisplayOnly,
}

impl Applicability {
    /// The name serde gives it.
    pub fn as_str(self) -> &'static str {
        match self {
            Applicability::Safe => "safe",
            Applicability::Unsafe => "unsafe",
            Applicability::DisplayOnly => "display-only",
        }
    }

    /// May a tool apply it without a person choosing this one fix, when
    /// asked to apply unsafe fixes too (`unsafe_too`) or not? DisplayOnly
    /// never.
    pub fn applies_unattended(self, unsafe_too: bool) -> bool {
        match self {
            Applicability::Safe => true,
            Applicability::Unsafe => unsafe_too,
            Applicability::DisplayOnly => false,
        }
    }
}

/// Replace `range` of the file at `path` with `new_text`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Edit {
    pub path: String,
    pub range: TextRange,
    pub new_text: String,
}

impl Edit {
    pub fn replace(path: impl Into<String>, range: TextRange, new_text: impl Into<String>) -> Self {
        Edit {
            path: path.into(),
            range,
            new_text: new_text.into(),
        }
    }
    pub fn insert(path: impl Into<String>, at: usize, new_text: impl Into<String>) -> Self {
        Edit {
            path: path.into(),
            range: TextRange::empty(at),
            new_text: new_text.into(),
        }
    }
    pub fn delete(path: impl Into<String>, range: TextRange) -> Self {
        Edit {
            path: path.into(),
            range,
            new_text: String::new(),
        }
    }

    /// One edit turning `before` into `after` that replaces only the span
    /// where they differ (on character boundaries), so it conflicts with as
    /// few other edits as possible: how a whole-file result (several fixes
    /// applied together) becomes one fix again.
    pub fn between(path: impl Into<String>, before: &str, after: &str) -> Self {
        let mut prefix = before.bytes().zip(after.bytes()).take_while(|(a, b)| a == b).count();
        while !before.is_char_boundary(prefix) || !after.is_char_boundary(prefix) {
            prefix -= 1;
        }
        let room = before.len().min(after.len()) - prefix;
        let mut suffix = before
            .bytes()
            .rev()
            .zip(after.bytes().rev())
            .take(room)
            .take_while(|(a, b)| a == b)
            .count();
        while !before.is_char_boundary(before.len() - suffix) || !after.is_char_boundary(after.len() - suffix) {
            suffix -= 1;
        }
        Edit::replace(
            path,
            TextRange::new(prefix, before.len() - suffix),
            &after[prefix..after.len() - suffix],
        )
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fix {
    /// A short imperative title ("Set `timeout-minutes: 60` on job `build`").
    pub title: String,
    /// Why this change, and what a reviewer should check: the PR body and
    /// the code action's detail.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub explanation: String,
    pub applicability: Applicability,
    /// What the fix is, not who may apply it: a last resort that makes the
    /// failure go away without repairing its cause (skipping a step when its
    /// file is missing hides the failure). Its level is always
    /// [`Applicability::DisplayOnly`] ([`Fix::fallback`] builds it so),
    /// which is what keeps every applier off it; this mark only tells it
    /// apart from a display-only guess where that is said or counted (the
    /// plan's reason, `diagnose`'s and the editor's label, `eval fixes`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub fallback: bool,
    pub edits: Vec<Edit>,
}

impl Fix {
    pub fn safe(title: impl Into<String>, edits: Vec<Edit>) -> Self {
        Fix {
            title: title.into(),
            explanation: String::new(),
            applicability: Applicability::Safe,
            fallback: false,
            edits,
        }
    }
    pub fn unsafe_(title: impl Into<String>, edits: Vec<Edit>) -> Self {
        Fix {
            title: title.into(),
            explanation: String::new(),
            applicability: Applicability::Unsafe,
            fallback: false,
            edits,
        }
    }
    /// A guess shown to people, never applied by a tool on its own (see
    /// [`Applicability::DisplayOnly`]).
    pub fn display_only(title: impl Into<String>, edits: Vec<Edit>) -> Self {
        Fix {
            applicability: Applicability::DisplayOnly,
            ..Fix::unsafe_(title, edits)
        }
    }
    /// A last resort that hides the failure (see [`Fix::fallback`]):
    /// display-only, so no tool applies it on its own.
    pub fn fallback(title: impl Into<String>, edits: Vec<Edit>) -> Self {
        Fix {
            fallback: true,
            ..Fix::display_only(title, edits)
        }
    }
    pub fn with_explanation(mut self, explanation: impl Into<String>) -> Self {
        self.explanation = explanation.into();
        self
    }
}

/// A secondary location ("first defined here").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Label {
    pub range: TextRange,
    pub message: String,
}

/// LSP-style tags that editors render specially.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Tag {
    Unnecessary,
    Deprecated,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub path: String,
    pub rule: &'static str,
    /// The stable code of the check within its rule (`schema/unknown-key`);
    /// the rule id itself for rules with one check. JSON, SARIF and
    /// `# autoheal: ignore[<code>]` use it.
    pub code: &'static str,
    pub severity: Severity,
    pub confidence: Confidence,
    /// The security audits' rating of the finding (`None` for other rules).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audit_severity: Option<AuditSeverity>,
    pub message: String,
    pub range: TextRange,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub labels: Vec<Label>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fixes: Vec<Fix>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<Tag>,
}

impl Diagnostic {
    pub fn new(
        path: &str,
        rule: &'static str,
        severity: Severity,
        range: TextRange,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            path: path.to_string(),
            rule,
            code: rule,
            severity,
            confidence: Confidence::High,
            audit_severity: None,
            message: message.into(),
            range,
            labels: Vec::new(),
            fixes: Vec::new(),
            tags: Vec::new(),
        }
    }
    /// Sets the check's stable code, `<rule>/<check>`.
    pub fn with_code(mut self, code: &'static str) -> Self {
        debug_assert!(
            code == self.rule || code.starts_with(self.rule),
            "{code} is not under {}",
            self.rule
        );
        self.code = code;
        self
    }
    /// [`Diagnostic::with_code`] on a diagnostic already reported.
    pub fn set_code(&mut self, code: &'static str) -> &mut Self {
        debug_assert!(
            code == self.rule || code.starts_with(self.rule),
            "{code} is not under {}",
            self.rule
        );
        self.code = code;
        self
    }
    pub fn with_confidence(mut self, confidence: Confidence) -> Self {
        self.confidence = confidence;
        self
    }
    pub fn with_label(mut self, range: TextRange, message: impl Into<String>) -> Self {
        self.labels.push(Label {
            range,
            message: message.into(),
        });
        self
    }
    pub fn with_fix(mut self, fix: Fix) -> Self {
        self.fixes.push(fix);
        self
    }
    pub fn with_tag(mut self, tag: Tag) -> Self {
        self.tags.push(tag);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::{Applicability, Fix};

    #[test]
    fn applicability_levels_serialise_and_gate_unattended_appliers() {
        for (level, name) in [
            (Applicability::Safe, "safe"),
            (Applicability::Unsafe, "unsafe"),
            (Applicability::DisplayOnly, "display-only"),
        ] {
            assert_eq!(level.as_str(), name);
            let json = serde_json::to_string(&level).expect("serialises");
            assert_eq!(json, format!("\"{name}\""));
            assert_eq!(serde_json::from_str::<Applicability>(&json).expect("parses"), level);
        }
        assert!(Applicability::Safe.applies_unattended(false));
        assert!(!Applicability::Unsafe.applies_unattended(false));
        assert!(Applicability::Unsafe.applies_unattended(true));
        // Shown only: no flag makes a tool apply it on its own.
        assert!(!Applicability::DisplayOnly.applies_unattended(true));
        assert!(!Applicability::DisplayOnly.applies_unattended(false));
    }

    /// A fallback (skipping a step whose file is missing hides the failure)
    /// is kept off every applier by its level alone, the one mechanism: no
    /// applier needs to look at the `fallback` mark, which only says what
    /// the fix is.
    #[test]
    fn a_fallback_is_display_only() {
        let fix = Fix::fallback("Skip step \"Test\" when `x` is missing", Vec::new());
        assert!(fix.fallback);
        assert_eq!(fix.applicability, Applicability::DisplayOnly);
        assert!(!fix.applicability.applies_unattended(true));
    }
}
