#![no_main]
//! The language server's frame guard on arbitrary bytes: never panics, and
//! every frame it returns consumed input.

use autoheal_lsp::frames::{Frame, next_frame};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut buf = data.to_vec();
    let mut last = buf.len() + 1;
    while let Some(frame) = next_frame(&mut buf) {
        assert!(buf.len() < last, "a frame must consume input");
        last = buf.len();
        if let Frame::Message(body) = frame {
            assert!(serde_json::from_slice::<serde_json::Value>(&body).is_ok());
        }
    }
});
