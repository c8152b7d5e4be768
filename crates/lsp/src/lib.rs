//! The autoheal language server.
