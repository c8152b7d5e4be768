//! The YAML layer alone on any bytes: the tree every rule, the config and
//! the failure store read. Never panics; every node, error, skipped range
//! and comment lies inside the input; a document over a budget has a
//! `Limit` error and no tree; the tree never exceeds the node budget.

use autoheal_engine::yaml::{self, SyntaxErrorKind, limits};

pub use super::yaml_dict::{WORKFLOW_TOKENS as DICTIONARY, workflow_seeds as seeds};

pub fn run(data: &[u8]) {
    let doc = yaml::parse(data);
    let inside = |r: autoheal_engine::text::TextRange| r.start <= r.end && r.end <= data.len();
    for e in &doc.errors {
        assert!(inside(e.range), "{e:?}");
    }
    for r in doc.skipped.iter().chain(&doc.comments) {
        assert!(inside(*r), "{r:?}");
    }
    let over_budget = doc.errors.iter().any(|e| e.kind == SyntaxErrorKind::Limit);
    let Some(root) = &doc.root else { return };
    assert!(!over_budget, "a document over a budget has no tree");
    let mut nodes = 0usize;
    root.walk(&mut |n| {
        nodes += 1;
        assert!(inside(n.span), "{n:?}");
        if let Some(alias) = n.alias {
            assert!(inside(alias), "{n:?}");
        }
    });
    assert!(nodes <= limits::MAX_NODES, "{nodes} nodes");
}
