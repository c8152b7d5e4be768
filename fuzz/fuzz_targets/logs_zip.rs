#![no_main]
//! Any bytes as a run-logs zip (prefixed with the zip magic so the fuzzer
//! reaches the archive reader quickly): errors are fine, panics are not, and
//! the byte budget keeps memory bounded.

use autoheal_logs::{ZipLimits, read_log_set};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let limits = ZipLimits { max_total_bytes: 1 << 20, max_entries: 256 };
    let _ = read_log_set(data, limits);
    let mut with_magic = b"PK\x03\x04".to_vec();
    with_magic.extend_from_slice(data);
    let _ = read_log_set(&with_magic, limits);
});
