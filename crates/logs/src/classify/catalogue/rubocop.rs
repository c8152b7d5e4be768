//! RuboCop, Ruby's linter.
//!
//! Sources: RuboCop's `lib/rubocop/config_loader.rb`, whose `read_file`
//! turns a configuration file it cannot read (`Errno::ENOENT`) into
//! `ConfigNotFoundError` with `Configuration file not found: {absolute
//! path}` (the path expanded from where RuboCop runs), which the CLI prints
//! alone and exits with status 2. The file is the one `--config`/`-c` names,
//! or one a configuration names in turn (`inherit_from`, `require`): only
//! the step's script says which, so a path its `rubocop` command does not
//! give with `--config` as printed is not known to be a file of the workflow
//! (the RuboCop configuration may name it, or the script spell it in a form
//! the POSIX reading does not follow, a PowerShell path) and gets no fix.
//!
//! Its default (progress) formatter (`formatter/progress_formatter.rb`,
//! `formatter/simple_text_formatter.rb`) prints `Inspecting {n} files`,
//! one mark per file, an `Offenses:` list of `{file}:{line}:{column}:
//! {severity letter}: [Correctable] {Cop}: {message}` (the letter one of
//! `C`, `W`, `E`, `F`, `R`, `I`), and the summary `{n} files inspected, {k}
//! offenses detected[, {j} offenses autocorrectable]`. The summary fails the
//! run; the first offense it counts says why (`COUNTED_SUMMARIES`).

use super::util::{path_hit, regex};
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;
use crate::shell_lex;

/// The entry of RuboCop's offense summary (counted in `COUNTED_SUMMARIES`).
pub const OFFENSES: &str = "rubocop/offenses";

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "rubocop/config-not-found",
        grammar: "Configuration file not found: {absolute path} (`ConfigNotFoundError`, exit status 2)",
        needles: &["Configuration file not found: "],
        check: config_not_found,
        examples: &[ex(
            "Configuration file not found: /home/runner/work/a/a/.rubocop_todo.yml",
            Category::FileNotFound,
            Some(".rubocop_todo.yml"),
        )],
    },
    Entry {
        id: OFFENSES,
        grammar: "{n} file[s] inspected, {k} offense[s] detected[, {j} offense[s] autocorrectable]",
        needles: &[" inspected, "],
        check: offenses,
        examples: &[ex(
            "212 files inspected, 2 offenses detected, 2 offenses autocorrectable",
            Category::Unknown,
            None,
        )],
    },
];

fn config_not_found(line: &Line<'_>) -> Option<Hit> {
    let path = regex!(r"^Configuration file not found: (\S+)$")
        .captures(line.text.trim())?
        .get(1)?
        .as_str();
    // Other programs print the same words (a Rakefile's own check): a step
    // whose script the log shows is read only when it runs RuboCop; with no
    // script in the log, the file is named but not fixed.
    let given = if line.script.trim().is_empty() {
        Vec::new()
    } else {
        config_option(line.script)?
    };
    let hit = path_hit(
        path,
        0.75,
        "RuboCop could not find the configuration file its --config option names.",
    );
    if hit.category != Category::FileNotFound {
        return Some(hit);
    }
    let named = given.iter().any(|value| {
        let value = super::shell::in_script_dir(value, line);
        Some(value.trim_start_matches("./")) == hit.subject.as_deref()
    });
    if named {
        return Some(hit);
    }
    let mut hit = path_hit(
        path,
        0.6,
        "RuboCop could not find a configuration file that the step's --config does not name as printed: one a \
         RuboCop configuration names (its inherit_from or require), or a path the step writes in a form not read \
         here (a PowerShell path, a variable). No fix is made (a manual fix).",
    );
    hit.fixable = false;
    Some(hit)
}

/// The `--config` values of the step's `rubocop` commands (empty when they
/// give none); `None` when the script runs no `rubocop`.
fn config_option(script: &str) -> Option<Vec<String>> {
    let mut runs = false;
    let mut values = Vec::new();
    for lexed in shell_lex::logical_lines(script)
        .iter()
        .filter_map(|l| shell_lex::lex(&l.code).ok())
    {
        for command in &lexed.commands {
            let words: Vec<&str> = command.argv().map(|w| w.text.as_str()).collect();
            let Some(at) = words.iter().position(|w| shell_lex::program_name(w) == "rubocop") else {
                continue;
            };
            runs = true;
            let args = &words[at + 1..];
            for (i, arg) in args.iter().enumerate() {
                let value = match *arg {
                    "-c" | "--config" => args.get(i + 1).copied(),
                    a => a.strip_prefix("--config="),
                };
                if let Some(value) = value.filter(|v| !v.is_empty()) {
                    values.push(value.replace('\\', "/"));
                }
            }
        }
    }
    runs.then_some(values)
}

fn offenses(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^\d+ files? inspected, (\d+|no) offenses? detected(?:, \d+ offenses? autocorrectable)?$")
        .captures(line.text.trim())?;
    if &c[1] == "no" || &c[1] == "0" {
        return None;
    }
    Some(Hit::blocker(
        "RuboCop reported offenses (the first is listed above the summary): the code is to fix, or the cop's \
         configuration; a person's change.",
    ))
}

/// `Inspecting {n} files`: RuboCop's progress formatter started in the step.
pub fn started(text: &str) -> bool {
    regex!(r"^Inspecting \d+ files?$").is_match(text.trim())
}

/// An offense line the summary counts: `{file}:{line}:{column}: {C|W|E|F|R|I}: …`.
pub fn counted_record(text: &str) -> bool {
    regex!(r"^[^\s:][^:]*:\d+:\d+: [CWEFRI]: \S").is_match(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::hit::Strength;

    fn with_script<'a>(text: &'a str, script: &'a str) -> Line<'a> {
        Line {
            script,
            ..Line::plain(text)
        }
    }

    const MISSING: &str = "Configuration file not found: /home/runner/work/api/api/.github/linters/.rubocop.yml";

    /// The path the step's `--config` gives is the workflow's, fixable; the
    /// same words for a file the configuration inherits are not.
    #[test]
    fn a_config_file_the_step_names_is_the_workflow_s() {
        for script in [
            "bundle exec rubocop --config .github/linters/.rubocop.yml --parallel\n",
            "bin/rubocop -c ./.github/linters/.rubocop.yml\n",
            "bundle exec rubocop --config=.github/linters/.rubocop.yml\n",
        ] {
            let hit = config_not_found(&with_script(MISSING, script)).expect(script);
            assert_eq!(
                (hit.category, hit.subject.as_deref(), hit.fixable),
                (Category::FileNotFound, Some(".github/linters/.rubocop.yml"), true),
                "{script}"
            );
        }
        // `inherit_from: .rubocop_todo.yml` in the configuration the step
        // gives: not the step's file.
        let todo = "Configuration file not found: /home/runner/work/api/api/.rubocop_todo.yml";
        for script in [
            "bundle exec rubocop --config .github/linters/.rubocop.yml\n",
            "bundle exec rubocop\n",
        ] {
            let hit = config_not_found(&with_script(todo, script)).expect(script);
            assert_eq!(
                (hit.category, hit.subject.as_deref(), hit.fixable),
                (Category::FileNotFound, Some(".rubocop_todo.yml"), false),
                "{script}"
            );
        }
        // A step under `cd`: the file is the directory's.
        let nested = "Configuration file not found: /home/runner/work/api/api/backend/.rubocop-ci.yml";
        let hit = config_not_found(&with_script(
            nested,
            "cd backend\nbundle exec rubocop -c .rubocop-ci.yml\n",
        ))
        .expect("read");
        assert_eq!(
            (hit.subject.as_deref(), hit.fixable),
            (Some("backend/.rubocop-ci.yml"), true)
        );
    }

    /// Another program's same words in a step that runs no RuboCop: not
    /// read here; with no script in the log, named but not fixed.
    #[test]
    fn only_a_step_that_runs_rubocop_is_read() {
        assert!(config_not_found(&with_script(MISSING, "bundle exec rake lint\n")).is_none());
        let unseen = config_not_found(&Line::plain(MISSING)).expect("read");
        assert_eq!((unseen.category, unseen.fixable), (Category::FileNotFound, false));
        assert!(
            config_not_found(&with_script(
                "Configuration file not found: see the docs",
                "bundle exec rubocop\n"
            ))
            .is_none()
        );
    }

    #[test]
    fn the_offense_summary_and_its_records() {
        assert_reads(
            offenses,
            &[
                "212 files inspected, 2 offenses detected, 2 offenses autocorrectable",
                "1 file inspected, 1 offense detected",
            ],
            &[
                "212 files inspected, no offenses detected",
                "echo 3 files inspected, 2 offenses detected",
            ],
        );
        let hit = offenses(&Line::plain("9 files inspected, 3 offenses detected")).expect("read");
        assert_eq!((hit.category, hit.strength), (Category::Unknown, Strength::Blocker));
        assert!(started("Inspecting 212 files"));
        assert!(!started("Inspecting the bundle"));
        assert!(counted_record(
            "app/models/subscription.rb:14:5: C: [Correctable] Style/RedundantReturn: Redundant return detected."
        ));
        assert!(counted_record(
            "lib/a.rb:3:1: W: Lint/UselessAssignment: Useless assignment to variable - x."
        ));
        assert!(!counted_record(
            "src/pipeline/stages.py:3:8: F401 [*] `json` imported but unused"
        ));
        assert!(!counted_record("    return plan.price_cents * quantity"));
    }

    use crate::classify::catalogue::assert_reads;
}
