//! Any bytes as a workflow and as action metadata: parse and lint with fix
//! verification; never panic, every range inside the input.

use autoheal_engine::config::Config;
use autoheal_engine::lint::{LintOptions, lint};

pub use super::yaml_dict::{WORKFLOW_TOKENS as DICTIONARY, workflow_seeds as seeds};

pub fn run(data: &[u8]) {
    let config = Config::default();
    let opts = LintOptions::new(&config);
    for path in [".github/workflows/f.yml", "action.yml"] {
        for d in lint(path, data, &opts) {
            assert!(d.range.start <= d.range.end && d.range.end <= data.len(), "{d:?}");
            for fix in &d.fixes {
                for e in &fix.edits {
                    assert!(e.range.end <= data.len(), "{fix:?}");
                }
            }
        }
    }
}
