//! Progress lines from the pipeline, so a front end can show them (plain lines in CI, a spinner
//! on a terminal) while the library stays free of printing.

use std::sync::Arc;

/// Receives one short line per phase ("downloading logs of run 42").
pub trait Progress: Send + Sync {
    fn step(&self, message: &str);
}

/// Drops every line.
#[derive(Debug, Default, Clone, Copy)]
pub struct Silent;

impl Progress for Silent {
    fn step(&self, _message: &str) {}
}

/// Collects the lines (tests).
#[derive(Debug, Default, Clone)]
pub struct Collected(pub Arc<std::sync::Mutex<Vec<String>>>);

impl Progress for Collected {
    fn step(&self, message: &str) {
        if let Ok(mut lines) = self.0.lock() {
            lines.push(message.to_string());
        }
    }
}

impl Collected {
    pub fn lines(&self) -> Vec<String> {
        self.0.lock().map(|l| l.clone()).unwrap_or_default()
    }
}

pub(crate) fn silent() -> Arc<dyn Progress> {
    Arc::new(Silent)
}
