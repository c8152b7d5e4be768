//! Facts about tools and ecosystems that the classifier and the fix
//! generators share, each kept once: Python's module → distribution table, its
//! standard library by version, pytest's plugin flags and fixtures, and the
//! commands a runner may lack.
//!
//! These are facts about the world (taken from each project's documentation
//! or package metadata, as the comments say), never from an expected answer.

pub mod python;
pub mod tools;
