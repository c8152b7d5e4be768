//! Reads failed-run logs and finds the root cause of each failure.
