#![no_main]
//! The hidden heal-record parser on arbitrary text: no panics, and a record that parses
//! encodes back to a block that decodes to the same record.

use autoheal_github::loop_record::{decode_record, encode_record};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Some(record) = decode_record(text) {
        let again = decode_record(&encode_record(&record));
        assert_eq!(again.as_ref(), Some(&record));
    }
});
