//! `options:` of a job container and of a service container: the `docker
//! create` options GitHub's workflow syntax documents as not supported.
//!
//! - `jobs.<job_id>.container.options`: "The `--network` and `--entrypoint`
//!   options are not supported."
//! - `jobs.<job_id>.services.<service_id>.options`: "The `--network` option
//!   is not supported." (A service sets its entrypoint with its own
//!   `entrypoint:` key, and the page says nothing against `--entrypoint`
//!   there, so it is left alone.)
//!
//! Docker's CLI takes `--net` as an older spelling of `--network`, so it is
//! the same option. Only a literal word of the value is judged: what a
//! `${{ }}` expands to is not known here.

use super::codes::UNSUPPORTED_OPTION;
use crate::diagnostic::Severity;
use crate::rules::Context;
use crate::yaml::Node;

/// Reports each unsupported option in `options`' value (a string; other
/// shapes are the type check's).
pub(super) fn check(ctx: &mut Context<'_>, options: &Node, service: bool) {
    let Some(text) = options.as_str() else {
        return;
    };
    for (offset, word) in words(text) {
        let Some(option) = unsupported(word, service) else {
            continue;
        };
        let at = crate::rules::glob::pattern_range(ctx.source, options, offset, word.len());
        let message = if service {
            format!(
                "GitHub does not support {option} in a service container's `options`: the runner puts every service on the job's own network"
            )
        } else {
            format!(
                "GitHub does not support {option} in a job container's `options` (its workflow syntax: `--network` and `--entrypoint` are not supported)"
            )
        };
        ctx.report_at(Severity::Warning, at, message)
            .set_code(UNSUPPORTED_OPTION);
    }
}

/// The option `word` names (`--net` shown as Docker's `--network`), if it is
/// one the workflow syntax documents as unsupported for this container kind.
fn unsupported(word: &str, service: bool) -> Option<&'static str> {
    let name = word.split_once('=').map_or(word, |(name, _)| name);
    match name {
        "--network" => Some("`--network`"),
        "--net" => Some("`--net` (Docker's `--network`)"),
        "--entrypoint" if !service => Some("`--entrypoint`"),
        _ => None,
    }
}

/// The words of an options string with their byte offsets: split at
/// whitespace, a quoted run (single or double quotes) staying inside its
/// word, so `--health-cmd "curl --network"` has no `--network` word.
fn words(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    let mut quote = None;
    for (i, c) in text.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c.is_whitespace() => {
                if let Some(s) = start.take() {
                    out.push((s, &text[s..i]));
                }
            }
            None => {
                start.get_or_insert(i);
                if c == '"' || c == '\'' {
                    quote = Some(c);
                }
            }
        }
    }
    if let Some(s) = start {
        out.push((s, &text[s..]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_quoted_runs_together() {
        let w: Vec<&str> = words(r#"--cpus 2  --health-cmd "curl --network" --network=host"#)
            .into_iter()
            .map(|(_, w)| w)
            .collect();
        assert_eq!(
            w,
            ["--cpus", "2", "--health-cmd", "\"curl --network\"", "--network=host"]
        );
        let offsets: Vec<usize> = words("a  bc").into_iter().map(|(o, _)| o).collect();
        assert_eq!(offsets, [0, 3]);
        assert!(words("  ").is_empty());
        // An unclosed quote runs to the end without a panic.
        assert_eq!(words("--x 'open --network").len(), 2);
    }

    #[test]
    fn only_the_documented_options_per_container_kind() {
        assert_eq!(unsupported("--network", false), Some("`--network`"));
        assert_eq!(unsupported("--network=host", true), Some("`--network`"));
        assert_eq!(unsupported("--net=host", true), Some("`--net` (Docker's `--network`)"));
        assert_eq!(unsupported("--entrypoint=/bin/sh", false), Some("`--entrypoint`"));
        // A service's `--entrypoint` is not documented as unsupported.
        assert_eq!(unsupported("--entrypoint", true), None);
        assert_eq!(unsupported("--network-alias", false), None);
        assert_eq!(unsupported("--cpus", false), None);
    }
}
