//! A missing file whose directory the step also names on its own
//! (`wasm-pack build web` beside `cargo test --manifest-path
//! web/Cargo.toml`; a tool given the directory reports the file it looked
//! for in it): rewriting the file's path alone would leave the directory's
//! mention as it was, and that may be the very line that failed (under
//! `bash -e` the line after it never ran), so no rewrite is made.
//!
//! A directory of two or more parts (`crates/web`, `crates/web/`) is looked
//! for as a whole word anywhere in the step's values ([`super::refs`]); a
//! directory that is the value of the step's or its job's `env:` (`CRATE:
//! crates/web` for `wasm-pack build $CRATE`) counts too. A one-part
//! directory (`web`, `core`, `wasm`) is also many a command's name or
//! subcommand, so it counts only as a whole shell word that is an argument:
//! not the program of its simple command (`web …`), nor the program a
//! launcher runs (`npx prisma migrate … --schema=prisma/schema.prisma`,
//! `pnpm exec prisma`, `bundle exec rake`), nor the script a package
//! manager runs (`npm run web`), nor the target of a `cd` or `pushd` (a
//! directory change names no file in it). An option's value counts (`--out-dir web`,
//! `--cwd=web`): autoheal cannot tell an input directory from other values,
//! and a refused rewrite is a manual fix, not a wrong one.

use autoheal_engine::model::{Job, Step};
use autoheal_engine::yaml::{Node, NodeKind};
use autoheal_logs::elsewhere::{command_start, program};
use autoheal_logs::shell_lex::{self, logical_lines};

use crate::Ctx;
use crate::script::word_positions;

/// Why the rewrite of `rel` is refused, when the step names its directory
/// on its own.
pub(super) fn named_alone<'a>(ctx: &Ctx<'a>, job: &Job<'a>, step: &Step<'a>, rel: &str) -> Option<String> {
    let source = ctx.source;
    let (dir, _) = rel.rsplit_once('/')?;
    let is_dir = |word: &str| {
        let word = word.strip_prefix("./").unwrap_or(word);
        word == dir || word.strip_suffix('/') == Some(dir)
    };
    let alone = if dir.contains('/') {
        // `crates/web` and `crates/web/` (what shell completion writes;
        // wasm-pack's message keeps it), each also after `./`.
        let files = super::refs(source, step.node, rel);
        [dir.to_string(), format!("{dir}/")]
            .iter()
            .flat_map(|d| super::refs(source, step.node, d))
            .any(|d| !files.iter().any(|f| f.start <= d.start && d.end <= f.end))
    } else {
        one_part_argument(step, dir, &is_dir)
    } || ctx
        .env_scopes(job, step)
        .into_iter()
        .any(|env| values_name(env, &is_dir));
    alone.then(|| {
        format!(
            "step \"{}\" names `{dir}` on its own besides `{rel}`: a rewrite of the file's path would leave the \
             directory's mention as it was (a manual fix)",
            step.display_name()
        )
    })
}

/// Whether the one-part directory `dir` is an argument word of the step's
/// `run:` script or a word of one of its `with:` inputs.
fn one_part_argument(step: &Step<'_>, dir: &str, is_dir: &dyn Fn(&str) -> bool) -> bool {
    let in_run = step
        .run()
        .and_then(Node::as_str)
        .is_some_and(|script| script_argument(script, dir, is_dir));
    in_run || values_name(step.get("with"), is_dir)
}

fn script_argument(script: &str, dir: &str, is_dir: &dyn Fn(&str) -> bool) -> bool {
    logical_lines(script).iter().any(|line| {
        let Ok(lexed) = shell_lex::lex(&line.code) else {
            // Not read with confidence: any whole-word mention counts.
            return [dir.to_string(), format!("./{dir}")]
                .iter()
                .any(|w| !word_positions(&line.code, w).is_empty());
        };
        lexed.commands.iter().any(|command| {
            let words: Vec<&str> = command.words.iter().map(|w| w.text.as_str()).collect();
            // A directory change names no file in the directory (`cd ios`
            // after the file's name; one before it is `named_after_cd`'s).
            if words
                .get(command_start(&words))
                .is_some_and(|w| matches!(program(w), "cd" | "pushd"))
            {
                return false;
            }
            let commands = command_words(&words);
            words.iter().enumerate().any(|(i, word)| {
                let value = option_value(word).unwrap_or(word);
                !commands.contains(&i) && is_dir(value)
            })
        })
    })
}

/// `--name=value` / `-n=value`: the value.
fn option_value(word: &str) -> Option<&str> {
    let (name, value) = word.split_once('=')?;
    let name = name.strip_prefix("--").or_else(|| name.strip_prefix('-'))?;
    name.starts_with(|c: char| c.is_ascii_alphabetic()).then_some(value)
}

/// Launchers that run the program named by their first argument that is
/// not an option (npm's `npx`, Bun's `bunx`, pnpm's `pnpx`, uv's `uvx`).
const LAUNCHERS: &[&str] = &["npx", "bunx", "pnpx", "uvx"];

/// A tool and its subcommands that run the program or script named next.
const RUNS_NEXT: &[(&str, &[&str])] = &[
    ("npm", &["exec", "x", "run", "run-script"]),
    ("pnpm", &["exec", "dlx", "run"]),
    ("yarn", &["exec", "dlx", "run"]),
    ("bun", &["x", "run"]),
    ("bundle", &["exec"]),
    ("poetry", &["run"]),
    ("uv", &["run"]),
    ("pipx", &["run"]),
    ("pdm", &["run"]),
];

/// The indices of `words` that name what runs: the simple command's
/// program ([`command_start`]) and, after a launcher, the program or script
/// it runs.
fn command_words(words: &[&str]) -> Vec<usize> {
    let start = command_start(words);
    let Some(&first) = words.get(start) else {
        return Vec::new();
    };
    let mut out = vec![start];
    let next_argument = |from: usize| (from..words.len()).find(|&i| !words[i].starts_with('-'));
    let program = program(first);
    let launched = if LAUNCHERS.contains(&program) {
        next_argument(start + 1)
    } else {
        RUNS_NEXT
            .iter()
            .find(|(tool, _)| *tool == program)
            .and_then(|(_, subs)| {
                let sub = next_argument(start + 1)?;
                subs.contains(&words[sub]).then_some(sub)
            })
            .and_then(|sub| next_argument(sub + 1))
    };
    out.extend(launched);
    out
}

/// Whether a scalar under `values` (a step's `with:` inputs, an `env:`
/// mapping) has the directory as one of its words.
fn values_name(values: Option<&Node>, is_dir: &dyn Fn(&str) -> bool) -> bool {
    let mut found = false;
    if let Some(values) = values {
        values.walk(&mut |n: &Node| {
            if let NodeKind::Scalar(_) = &n.kind {
                found |= n.as_str().is_some_and(|v| v.split_whitespace().any(is_dir));
            }
        });
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words_alone(script: &str, dir: &str) -> bool {
        let is_dir = |word: &str| {
            let word = word.strip_prefix("./").unwrap_or(word);
            word == dir || word.strip_suffix('/') == Some(dir)
        };
        script_argument(script, dir, &is_dir)
    }

    /// A one-part directory given to a command as an argument, an option's
    /// value or a directory word, counts; inside the file's own path, as a
    /// program, a launcher's program or a package manager's script it does
    /// not.
    #[test]
    fn a_one_part_directory_counts_as_an_argument_word_only() {
        for named in [
            "wasm-pack build web --target bundler\ncargo test --manifest-path web/Cargo.toml",
            "wasm-pack build ./web/ && cargo test --manifest-path web/Cargo.toml",
            "cargo test --manifest-path web/Cargo.toml\nwasm-pack build --out-dir pkg \"web\"",
            "wasm-pack build --target=bundler --out-name=x -- web",
            "yarn --cwd=web build",
            "RUSTFLAGS=-Dwarnings wasm-pack test --node web",
            // Not lexed with confidence (an open quote): a whole word counts.
            "wasm-pack build web 'unclosed",
        ] {
            assert!(words_alone(named, "web"), "{named}");
        }
        for not_named in [
            "cargo test --manifest-path web/Cargo.toml",
            "npx prisma migrate deploy --schema=prisma/schema.prisma",
            "npx --yes prisma generate --schema prisma/schema.prisma",
            "pnpm exec prisma validate --schema=prisma/schema.prisma",
            "sudo -u ci npx prisma generate --schema=prisma/schema.prisma",
            "bundle exec rake db:setup --rakefile rake/Rakefile",
            "npm run web -- --config web/config.json",
            "web --config web/config.json",
            "echo webapp && ls web-old",
            "xcodebuild -exportOptionsPlist web/x.plist && cd web && pushd ./web/",
        ] {
            let dir = if not_named.contains("prisma") {
                "prisma"
            } else if not_named.contains("rake") {
                "rake"
            } else {
                "web"
            };
            assert!(!words_alone(not_named, dir), "{not_named}");
        }
    }
}
