#![no_main]
//! The glob validator and the `uses:` parsers must never panic, and glob
//! problems must point inside the pattern, whatever the text.

use autoheal_engine::rules::glob::{GlobKind, validate};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for kind in [GlobKind::Ref, GlobKind::Path, GlobKind::Plain] {
        for p in validate(text, kind) {
            assert!(p.offset + p.len <= text.len().max(1));
            assert!(text.is_char_boundary(p.offset.min(text.len())));
        }
    }
    let _ = autoheal_engine::rules::action::parse_action_ref(text);
    let _ = autoheal_engine::rules::action::ref_major(text);
    let _ = autoheal_engine::rules::workflow_call::parse_workflow_ref(text);
    let _ = autoheal_engine::rules::workflow_call::call_spec(text);
    let _ = autoheal_engine::rules::action::action_inputs(text);
    assert_eq!(autoheal_engine::external::mask_expressions(text).len(), text.len());
});
