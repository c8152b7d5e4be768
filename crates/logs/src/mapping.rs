//! Maps failures onto the workflow file.

use crate::report::Failure;

pub fn map_failures(_failures: &mut [Failure], _path: &str, _text: &str) {}
