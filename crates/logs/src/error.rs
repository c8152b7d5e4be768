//! Errors for unreadable input.

use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LogError {
    /// The bytes are not a zip archive, or it is cut short.
    BadZip(String),
    /// An entry name tries to leave the archive (`../x`, `/etc/x`).
    UnsafeEntryName(String),
    /// Decompressing would exceed the configured limit (a zip bomb guard).
    TooLarge {
        limit: u64,
    },
    /// A streamed text log ran past [`crate::MAX_TEXT_LOG_BYTES`] (`/dev/zero`).
    TextTooLarge {
        limit: u64,
    },
    BadAnnotations(String),
    BadPattern(String),
    Io(String),
}

impl fmt::Display for LogError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LogError::BadZip(why) => write!(f, "cannot read the run-logs zip: {why}"),
            LogError::UnsafeEntryName(name) => {
                write!(
                    f,
                    "the run-logs zip has an unsafe entry name {name:?} (absolute or with `..`); refusing it"
                )
            }
            LogError::TooLarge { limit } => {
                write!(
                    f,
                    "the run-logs zip decompresses to more than {limit} bytes; refusing it (raise the limit if it is genuine)"
                )
            }
            LogError::TextTooLarge { limit } => write!(
                f,
                "the log is longer than {limit} bytes, the most autoheal reads of one log; refusing it"
            ),
            LogError::BadAnnotations(why) => write!(f, "cannot read the annotations JSON: {why}"),
            LogError::BadPattern(why) => write!(f, "invalid custom log pattern: {why}"),
            LogError::Io(why) => write!(f, "cannot read the log: {why}"),
        }
    }
}

impl std::error::Error for LogError {}
