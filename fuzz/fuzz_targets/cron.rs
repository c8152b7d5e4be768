#![no_main]
//! The `schedule` cron parser must never panic, whatever the text.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(cron) = autoheal_engine::rules::events::parse_cron(text) {
            let _ = cron.shortest_interval_minutes();
        }
    }
});
