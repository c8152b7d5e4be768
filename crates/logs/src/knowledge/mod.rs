//! Facts about tools and ecosystems that the classifier and the fix
//! generators share, each kept once: Python's module → distribution table, its
//! standard library by version, pytest's plugin flags and fixtures, the
//! commands a runner may lack, how a fix installs them and where (the place a
//! step ran, as its log shows it), and what a run
//! makes (reports and build output directories, never moved files).
//!
//! These are facts about the world (taken from each project's documentation
//! or package metadata, as the comments say), never from an expected answer.

pub mod install;
pub mod outputs;
pub mod place;
pub mod python;
pub mod tools;
