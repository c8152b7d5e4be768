//! Where a workflow step runs what fails: the step's `run:` text with the
//! scripts, make targets and local composite actions it runs in the
//! repository ([`reached`]), and the `shell:` it is given, read with the
//! logs crate's one list of commands that run a program elsewhere
//! ([`autoheal_logs::elsewhere`]: a container, another machine or VM, a
//! chroot, a shell that drops the runner's `PATH`, image builds apart). What
//! fails there (a module, a program, a file) is missing from that image,
//! host or root, where nothing the workflow installs or rewrites on the
//! runner arrives, so every fix (`missing_command`, `file_not_found`,
//! `missing_dependency`) declines on such a step.
//!
//! Also here: whether a script line runs a given command itself
//! ([`runs_command`]) and whether text written after a line's start is in
//! command position ([`starts_a_command`]), read on the same simple commands
//! ([`segments`]).

use autoheal_engine::model::{Job, Step};
use autoheal_engine::yaml::Node;
pub(crate) use autoheal_logs::elsewhere::{
    IMAGE_BUILD_ACTIONS, builds_image, elsewhere_in, image_build_in, runs_elsewhere,
};
use autoheal_logs::elsewhere::{command_start, program, segments, takes_command_string};

use autoheal_logs::shell_lex::{Dialect, LogicalLine, logical_lines, logical_lines_in};

use crate::Ctx;

mod reached;

/// The step's `run:` text followed by what it runs in the repository (its
/// scripts, make recipes, a local composite action's `run:` steps;
/// [`reached`]), for the container checks of every fix: a container command
/// in any of them is the step's own.
pub(crate) fn step_text(ctx: &Ctx<'_>, job: &Job<'_>, step: &Step<'_>) -> String {
    let script = step.run().and_then(Node::as_str).unwrap_or("");
    let wd = ctx
        .doc
        .root
        .as_ref()
        .and_then(|root| job.written_working_directory(root, step.node))
        .and_then(Node::as_str);
    reached::with_what_it_runs(ctx.repo, wd, script, step.uses())
}

/// [`step_text`] on the shell lexer's logical lines: the step's own script
/// read in its shell's dialect ([`crate::runner::script_dialect`]: a
/// PowerShell script's backtick escapes and `\` that escapes nothing), what
/// it runs in the repository as POSIX shell.
pub(crate) fn step_lines(ctx: &Ctx<'_>, job: &Job<'_>, step: &Step<'_>) -> Vec<LogicalLine> {
    let script = step.run().and_then(Node::as_str).unwrap_or("");
    let root = ctx.doc.root.as_ref();
    let wd = root
        .and_then(|root| job.written_working_directory(root, step.node))
        .and_then(Node::as_str);
    let dialect = root.map_or(Dialect::Posix, |root| {
        crate::runner::script_dialect(root, job, step.node)
    });
    let mut lines = logical_lines_in(script, dialect);
    lines.extend(logical_lines(&reached::what_it_runs(ctx.repo, wd, script, step.uses())));
    lines
}

/// What a step's `shell:` (its own or a default) runs the script through,
/// when that is elsewhere: `wsl-bash {0}` (setup-wsl), `docker exec app sh
/// {0}`, `ssh host bash {0}`.
pub(crate) fn shell_elsewhere(job: &Job<'_>, root: &Node, step: &Step<'_>) -> Option<(String, String)> {
    let shell = job.written_shell(root, step.node)?.as_str()?;
    elsewhere_in(shell).map(|tool| (shell.to_string(), tool))
}

/// Whether `text` runs `command` itself: as the command word of one of its
/// simple commands ([`segments`]), after the words that run the next one
/// (`sudo`, `env`, `time`, `nohup`, `exec`, `command`, their options and
/// `NAME=value` assignments; the keywords `then`, `do`, `else`, `!`, `if`,
/// `elif`, `while`, `until` that open a command list; [`command_start`]), or probed by `command -v`/`which`/`type`. A
/// word elsewhere (an `echo` argument, `mkdir -p {name}`, a file name) is not
/// running it (review82 M2). A shell given its commands as a string (`bash
/// -c "cd api && …"`, `sh -ec '…'`) runs the string's first command:
/// [`segments`] drops the quotes, so the string's words follow the shell's
/// options in the same segment.
///
/// `text` may be several lines (a heredoc's body, a script): it is read on
/// the shell lexer's logical lines ([`logical_lines`]: each line's comment
/// dropped, continuations joined, heredoc bodies apart), so a comment ends
/// its own line only, not the text after it, and a newline ends a command.
pub(crate) fn runs_command(text: &str, command: &str) -> bool {
    const PROBES: &[&str] = &["which", "type", "hash"];
    let lines = logical_lines(text);
    lines.iter().flat_map(|l| segments(&l.code)).any(|words| {
        let mut rest = words[command_start(&words)..].iter().copied();
        match rest.next() {
            Some(word) if program(word) == command => true,
            Some(word) if PROBES.contains(&word) => rest.any(|w| w == command),
            _ => false,
        }
    })
}

/// Whether a command written right after `before` (the start of a line up to
/// it) is in command position: `before` ends at a control operator, or its
/// last simple command holds only the words that run the next one (see
/// [`runs_command`]). Not so for an argument: `echo "pip install done"`
/// (review85 H3: the echo's text was extended as an install line).
pub(crate) fn starts_a_command(before: &str) -> bool {
    let segments = segments(before);
    let last = segments.last().map_or(&[][..], Vec::as_slice);
    // A word still being written (`x=$` of `x=$(`, `foo` of `foopip`) is
    // not a boundary; the segments end at whitespace or an operator.
    let open_word = before
        .chars()
        .last()
        .is_some_and(|c| !c.is_whitespace() && !"\"'`;&|(){}".contains(c));
    !open_word && command_start(last) == last.len() && open_quote_is_a_command_string(before)
}

/// Whether a quote `before` leaves open is a shell's command string (`bash -c
/// "`, `sh -ec '`): the only string a command starts in. An assignment's
/// value (`MSG="pip install finished"`, review86 M4) or an argument's is text.
/// True when no quote is left open.
fn open_quote_is_a_command_string(before: &str) -> bool {
    let mut open: Option<(char, usize)> = None;
    for (i, c) in before.char_indices() {
        match (open, c) {
            (None, '"' | '\'') => open = Some((c, i)),
            (Some((q, _)), c) if c == q => open = None,
            _ => {}
        }
    }
    let Some((_, at)) = open else {
        return true;
    };
    before[..at]
        .split_whitespace()
        .next_back()
        .is_some_and(takes_command_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_program_runs_only_in_command_position() {
        for text in [
            "pandoc README.md",
            "sudo pandoc x",
            "cd docs && pandoc x",
            "env A=1 /usr/bin/pandoc x",
            "command -v pandoc",
            "which pandoc || exit 1",
            "cat x | pandoc -o y",
            "X=1 time pandoc x; echo done",
        ] {
            assert!(runs_command(text, "pandoc"), "{text}");
        }
        for text in [
            "mkdir -p pandoc",
            "echo \"building with pandoc\"",
            "ls pandoc/out",
            "echo ok # pandoc x",
            // A heredoc's body is what the command reads, not its commands.
            "cat > notes.md <<EOF\npandoc x\nEOF",
        ] {
            assert!(!runs_command(text, "pandoc"), "{text}");
        }
    }

    /// A comment ends its own line: a heredoc body or script whose first
    /// line is a comment, or a comment on an earlier line, no longer hides
    /// the commands after it, and each line starts a command.
    #[test]
    fn a_comment_hides_only_the_rest_of_its_line() {
        for text in [
            "# render the docs\npandoc README.md\n",
            "cd docs # go there\npandoc x",
            "apt-get update\npandoc x\n",
            "set -e\n  # build\n  pandoc x \\\n    -o y\n",
        ] {
            assert!(runs_command(text, "pandoc"), "{text:?}");
        }
        assert!(runs_command("# move\ncd services/api\n", "cd"));
        assert!(!runs_command("# pandoc x\necho done\n", "pandoc"));
    }

    #[test]
    fn a_command_starts_only_after_an_operator_or_the_words_that_run_one() {
        for before in [
            "",
            "  ",
            "cd api && ",
            "(",
            "sudo -H ",
            "sudo -u runner ",
            "env -u HOME PIP_NO_CACHE_DIR=1 ",
            "time -p ",
            "bash -c \"",
            "bash -o pipefail -c '",
            "if ",
            "true; ",
        ] {
            assert!(starts_a_command(before), "{before:?}");
        }
        for before in [
            // An argument: review85 H3 extended the echo's text.
            "echo \"",
            "echo ",
            "printf '%s\\n' \"",
            "bash -c \"echo '",
            "x=$",
            "MSG=\"",
            "echo ok && NOTE='",
            "my",
            "timeout 10 ",
        ] {
            assert!(!starts_a_command(before), "{before:?}");
        }
    }

    #[test]
    fn a_shell_given_a_command_string_runs_its_first_command() {
        for text in [
            "bash -c \"cd services/api && pip install -r requirements.txt\"",
            "sh -ec 'cd services/api; pip install -r requirements.txt'",
            "sudo bash -lc 'cd /srv && make'",
            "/bin/sh -c \"cd x\"",
            // Options that take a value (review85 M1: the value was read as
            // the command, so the `cd` was missed and the root's file edited).
            "bash -o pipefail -c \"cd services/api && pip install x\"",
            "sudo -u runner bash -c \"cd services/api && make\"",
            "sudo -u runner -g ci env -u HOME sh -c 'cd x'",
            "bash --rcfile ci.rc -c 'cd x'",
            "if cd build; then make; fi",
        ] {
            assert!(runs_command(text, "cd"), "{text}");
        }
        for text in [
            // A script file, not a command string: its first operand is no command.
            "bash cd.sh",
            "bash -e cd",
            "echo bash -c cd",
            "sh --rcfile x -x cd",
        ] {
            assert!(!runs_command(text, "cd"), "{text}");
        }
    }
}
