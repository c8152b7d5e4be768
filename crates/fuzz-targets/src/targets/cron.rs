//! The `schedule` cron parser never panics, whatever the text.

pub const DICTIONARY: &[&str] = &[
    "*", "/", "-", ",", " ", "0", "59", "60", "24", "31", "32", "12", "7", "JAN", "DEC", "MON", "SUN", "L", "W", "#",
    "?", "@daily",
];

pub fn seeds() -> Vec<Vec<u8>> {
    [
        "*/5 * * * *",
        "0 0 * * 1-5",
        "0 0 31 2 *",
        "15,45 */2 1-15/3 JAN-MAR MON,FRI",
        "* * * * * *",
        "0 0 0 0 0",
        "99999999999999999999 * * * *",
    ]
    .iter()
    .map(|t| t.as_bytes().to_vec())
    .collect()
}

pub fn run(data: &[u8]) {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(cron) = autoheal_engine::rules::events::parse_cron(text) {
            let _ = cron.shortest_interval_minutes();
        }
    }
}
