//! The autoheal diagnostics engine. It takes bytes and configuration and
//! returns diagnostics and fixes; it does no I/O, so the CLI, the language
//! server and the GitHub loop are thin shells around it.

pub mod text;
pub mod yaml;
