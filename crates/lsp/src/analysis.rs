//! Running the engine on one document snapshot, off the async runtime and
//! with panics caught, so one bad input can never take the server down.

use std::panic::AssertUnwindSafe;
use std::sync::Arc;

use autoheal_engine::model::FileKind;
use autoheal_engine::repo::RepoFiles;
use autoheal_engine::{Config, Diagnostic, LintOptions, fix, lint, yaml};

use crate::document::Snapshot;
use crate::failure_store::{self, MappedFailure, SavedRun};

/// Everything the engine found for one document generation.
///
/// Fixes are not verified here: verifying re-lints the file once per fix,
/// which on a large workflow costs tens of milliseconds per keystroke.
/// Diagnostics are published at once and fixes are verified when offered
/// ([`Analysis::verified`]), so only verified edits ever reach the editor.
pub struct Analysis {
    pub snapshot: Snapshot,
    pub diagnostics: Vec<Diagnostic>,
    pub parse_errors: usize,
    pub failures: Vec<MappedFailure>,
    /// False once [`Analysis::verified`] produced this view.
    pub unverified: bool,
}

/// What an analysis reads besides the text.
#[derive(Clone)]
pub struct Inputs {
    pub path: String,
    pub kind: FileKind,
    pub config: Arc<Config>,
    pub repo: Arc<dyn RepoFiles + Send>,
    pub runs: Arc<Vec<SavedRun>>,
}

impl Inputs {
    fn options(&self, verify_fixes: bool) -> LintOptions<'_> {
        let mut opts = LintOptions::new(&self.config);
        opts.repo = &*self.repo;
        opts.kind = Some(self.kind);
        opts.verify_fixes = verify_fixes;
        // The same shellcheck and pyflakes findings as `autoheal check`, so
        // a file clean in the editor is clean in CI.
        opts.script_checker =
            autoheal_shellcheck::for_config(&self.config).map(|s| s as &dyn autoheal_engine::external::ScriptChecker);
        opts.python_checker = autoheal_shellcheck::pyflakes::for_config(&self.config)
            .map(|p| p as &dyn autoheal_engine::external::ScriptChecker);
        opts
    }

    /// Fully verified diagnostics of another text (fix-all rounds).
    pub fn lint_verified(&self, text: &str) -> fix::Relinted {
        lint::lint_counted(&self.path, text.as_bytes(), &self.options(true))
    }
}

/// Everything the engine finds in one document snapshot, giving up between its phases (parse, lint, past failures)
/// once `superseded` says a newer text arrived: its result would be thrown
/// away. A document over the engine's size budget costs nothing here: the
/// parser refuses it before reading it.
pub fn analyze_unless(snapshot: Snapshot, inputs: &Inputs, superseded: impl Fn() -> bool) -> Option<Analysis> {
    if inputs.config.is_ignored(&inputs.path) {
        return Some(Analysis {
            snapshot,
            diagnostics: Vec::new(),
            parse_errors: 0,
            failures: Vec::new(),
            unverified: true,
        });
    }
    let opts = inputs.options(false);
    let doc = yaml::parse(snapshot.text.as_bytes());
    if superseded() {
        return None;
    }
    let diagnostics = lint::lint_parsed(&inputs.path, &snapshot.text, &doc, &opts);
    if superseded() {
        return None;
    }
    let parse_errors = lint::parse_error_count(&doc);
    let failures = match (inputs.kind, failure_store::latest_for(&inputs.runs, &inputs.path)) {
        (FileKind::Workflow, Some(run)) => failure_store::map_run(run, &snapshot.text, &snapshot.index, &doc),
        _ => Vec::new(),
    };
    Some(Analysis {
        snapshot,
        diagnostics,
        parse_errors,
        failures,
        unverified: true,
    })
}

impl Analysis {
    /// The diagnostics `pick` selects, each keeping only the fixes that
    /// pass the engine's verification; past failures as they are.
    ///
    /// Past failures `pick_failure` selects get fixes generated for the
    /// current text by `autoheal-fixes`, which verifies its own (the run
    /// file's saved fixes are never read: `failure_store`).
    pub fn verified(
        &self,
        inputs: &Inputs,
        pick: impl Fn(&Diagnostic) -> bool,
        pick_failure: impl Fn(&MappedFailure) -> bool,
    ) -> Analysis {
        let opts = inputs.options(false);
        let relint = |text: &str| lint::relint(&inputs.path, text, &opts);
        let text = &*self.snapshot.text;
        let diagnostics = self
            .diagnostics
            .iter()
            .filter(|d| pick(d))
            .map(|d| {
                let fixes = d
                    .fixes
                    .iter()
                    .filter(|f| {
                        fix::verify(&inputs.path, text, f, d, &self.diagnostics, self.parse_errors, &relint).is_ok()
                    })
                    .cloned()
                    .collect();
                Diagnostic { fixes, ..d.clone() }
            })
            .collect();
        Analysis {
            snapshot: self.snapshot.clone(),
            diagnostics,
            parse_errors: self.parse_errors,
            failures: self
                .failures
                .iter()
                .map(|f| match &f.input {
                    Some(input) if f.fixes.is_empty() && pick_failure(f) => MappedFailure {
                        fixes: autoheal_fixes::fixes_for(input, &inputs.path, text, &*inputs.repo).fixes,
                        ..f.clone()
                    },
                    _ => f.clone(),
                })
                .collect(),
            unverified: false,
        }
    }
}

/// Run `f` on the blocking pool, turning a panic into an error message.
pub async fn guarded<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> Result<T, String> {
    match tokio::task::spawn_blocking(move || std::panic::catch_unwind(AssertUnwindSafe(f))).await {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(payload)) => Err(panic_message(&*payload)),
        Err(e) => Err(e.to_string()),
    }
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "panic with a non-string payload".to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use autoheal_engine::repo::NoRepo;

    fn analyze(snapshot: Snapshot, inputs: &Inputs) -> Analysis {
        analyze_unless(snapshot, inputs, || false).expect("never superseded")
    }

    fn inputs(config: Config) -> Inputs {
        Inputs {
            path: ".github/workflows/ci.yml".into(),
            kind: FileKind::Workflow,
            config: Arc::new(config),
            repo: Arc::new(NoRepo),
            runs: Arc::new(Vec::new()),
        }
    }

    #[test]
    fn fixes_are_verified_on_demand() {
        let text = "on: push\njobs:\n  build:\n    runs-on:ubuntu-latest\n    timeout-minutes: 5\n    steps:\n      - run: make\n";
        let inputs = inputs(Config::default());
        let a = analyze(Snapshot::new(text.into(), 1, 1), &inputs);
        assert!(a.unverified);
        let v = a.verified(&inputs, |d| d.rule == "syntax", |_| true);
        assert!(!v.unverified);
        assert!(v.diagnostics.iter().all(|d| d.rule == "syntax"));
        let engine = lint::lint(&inputs.path, text.as_bytes(), &inputs.options(true));
        let fixes = |ds: &[Diagnostic]| ds.iter().flat_map(|d| d.fixes.clone()).collect::<Vec<_>>();
        assert_eq!(
            fixes(&v.diagnostics),
            fixes(&engine),
            "the same fixes the verifying engine keeps"
        );
        assert!(!fixes(&v.diagnostics).is_empty());
    }

    #[test]
    fn lints_with_the_config() {
        let text = "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n";
        let a = analyze(Snapshot::new(text.into(), 1, 1), &inputs(Config::default()));
        assert!(a.diagnostics.iter().any(|d| d.rule == "timeout"), "{:?}", a.diagnostics);
        let (off, _) = Config::parse("c", b"rules:\n  timeout: off\n", &autoheal_engine::rules::rule_ids());
        let a = analyze(Snapshot::new(text.into(), 1, 1), &inputs(off));
        assert!(!a.diagnostics.iter().any(|d| d.rule == "timeout"));
        let (ignored, _) = Config::parse(
            "c",
            b"ignore: ['.github/workflows/*']\n",
            &autoheal_engine::rules::rule_ids(),
        );
        assert!(
            analyze(Snapshot::new(text.into(), 1, 1), &inputs(ignored))
                .diagnostics
                .is_empty()
        );
    }

    /// The editor runs the shellcheck `autoheal check` runs
    /// (`autoheal_shellcheck::for_config`): on when installed, off when the
    /// config turns it off.
    #[test]
    fn shellcheck_runs_in_the_editor_as_in_check() {
        for enabled in [true, false] {
            let mut config = Config::default();
            config.shellcheck = enabled;
            let expected = autoheal_shellcheck::for_config(&config).is_some();
            assert_eq!(inputs(config).options(false).script_checker.is_some(), expected);
        }
        let mut off = Config::default();
        off.shellcheck = false;
        assert!(autoheal_shellcheck::for_config(&off).is_none());
    }

    /// The same for pyflakes (`autoheal_shellcheck::pyflakes::for_config`).
    #[test]
    fn pyflakes_runs_in_the_editor_as_in_check() {
        for enabled in [true, false] {
            let mut config = Config::default();
            config.pyflakes = enabled;
            let expected = autoheal_shellcheck::pyflakes::for_config(&config).is_some();
            assert_eq!(inputs(config).options(false).python_checker.is_some(), expected);
        }
        let mut off = Config::default();
        off.pyflakes = false;
        assert!(autoheal_shellcheck::pyflakes::for_config(&off).is_none());
    }

    #[tokio::test]
    async fn panics_become_errors() {
        let r: Result<(), String> = guarded(|| panic!("engine bug")).await;
        assert_eq!(r, Err("engine bug".to_string()));
        assert_eq!(guarded(|| 2 + 2).await, Ok(4));
    }
}
