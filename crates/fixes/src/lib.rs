//! The seven failure fix types as verified byte edits.
