//! Running the engine on one document snapshot, off the async runtime and
//! with panics caught, so one bad input can never take the server down.

use std::panic::AssertUnwindSafe;
use std::sync::Arc;

use autoheal_engine::model::FileKind;
use autoheal_engine::repo::RepoFiles;
use autoheal_engine::{Config, Diagnostic, LintOptions, lint};

use crate::document::Snapshot;
use crate::failure_store::{self, MappedFailure, SavedRun};

/// Everything the engine found for one document generation.
pub struct Analysis {
    pub snapshot: Snapshot,
    pub diagnostics: Vec<Diagnostic>,
    pub failures: Vec<MappedFailure>,
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

pub fn analyze(snapshot: Snapshot, inputs: &Inputs) -> Analysis {
    if inputs.config.is_ignored(&inputs.path) {
        return Analysis { snapshot, diagnostics: Vec::new(), failures: Vec::new() };
    }
    let mut opts = LintOptions::new(&inputs.config);
    opts.repo = &*inputs.repo;
    opts.kind = Some(inputs.kind);
    let diagnostics = lint(&inputs.path, snapshot.text.as_bytes(), &opts);
    let failures = match (inputs.kind, failure_store::latest_for(&inputs.runs, &inputs.path)) {
        (FileKind::Workflow, Some(run)) => {
            let doc = autoheal_engine::yaml::parse(snapshot.text.as_bytes());
            failure_store::map_run(run, &snapshot.text, &snapshot.index, &doc)
        }
        _ => Vec::new(),
    };
    Analysis { snapshot, diagnostics, failures }
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
    fn lints_with_the_config() {
        let text = "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n";
        let a = analyze(Snapshot::new(text.into(), 1, 1), &inputs(Config::default()));
        assert!(a.diagnostics.iter().any(|d| d.rule == "timeout"), "{:?}", a.diagnostics);
        let (off, _) = Config::parse("c", b"rules:\n  timeout: off\n", &autoheal_engine::rules::rule_ids());
        let a = analyze(Snapshot::new(text.into(), 1, 1), &inputs(off));
        assert!(!a.diagnostics.iter().any(|d| d.rule == "timeout"));
        let (ignored, _) = Config::parse("c", b"ignore: ['.github/workflows/*']\n", &autoheal_engine::rules::rule_ids());
        assert!(analyze(Snapshot::new(text.into(), 1, 1), &inputs(ignored)).diagnostics.is_empty());
    }

    #[tokio::test]
    async fn panics_become_errors() {
        let r: Result<(), String> = guarded(|| panic!("engine bug")).await;
        assert_eq!(r, Err("engine bug".to_string()));
        assert_eq!(guarded(|| 2 + 2).await, Ok(4));
    }
}
