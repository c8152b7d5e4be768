//! The `schema` rule's check codes, one per kind of mistake, so a user can
//! silence one kind (`# autoheal: ignore[schema/empty-value]`) and tools can
//! key on it. Each is listed on `docs/rules/schema.md`.

/// A file with no document, or a `null` one.
pub const EMPTY_FILE: &str = "schema/empty-file";
/// A key the section does not take.
pub const UNKNOWN_KEY: &str = "schema/unknown-key";
/// A required key or section is absent.
pub const MISSING_KEY: &str = "schema/missing-key";
/// A key of one kind of job used in the other (`runs-on` in a job that
/// calls a reusable workflow, `with` in one that doesn't).
pub const MISPLACED_KEY: &str = "schema/misplaced-key";
/// Keys that cannot be used together (`run` and `uses` in one step).
pub const CONFLICTING_KEYS: &str = "schema/conflicting-keys";
/// Keys GitHub reads case-insensitively that differ only in case.
pub const CASE_DUPLICATE: &str = "schema/case-duplicate";
/// A value of the wrong YAML type (a string where a mapping belongs).
pub const WRONG_TYPE: &str = "schema/wrong-type";
/// An empty mapping, sequence or string where GitHub needs content.
pub const EMPTY_VALUE: &str = "schema/empty-value";
/// A string outside the values a key takes (an input type, `using`, a
/// permission level).
pub const INVALID_VALUE: &str = "schema/invalid-value";
/// A count or duration that is zero or negative.
pub const NOT_POSITIVE: &str = "schema/not-positive";
/// An `env:` name with `=`, `&` or a space.
pub const ENV_NAME: &str = "schema/env-name";
/// An `env:` entry named after a default variable GitHub sets for every step
/// (`GITHUB_SHA`), which the step's environment never gets.
pub const DEFAULT_ENV: &str = "schema/default-env";
/// An action input given as a mapping or sequence (inputs are strings).
pub const NON_STRING_INPUT: &str = "schema/non-string-input";
/// A `docker create` option GitHub documents as not supported in a job
/// container's or a service's `options` (`--network`, and `--entrypoint` for
/// a job container).
pub const UNSUPPORTED_OPTION: &str = "schema/unsupported-option";
