//! The facts `cargo xtask gen actions` keeps of one real `action.yml` per
//! action and major, and the committed facts file
//! (`crates/engine/data/action-facts.txt`) that holds them: the second source
//! of the generated per-major table, beside the third-party files themselves
//! (`AUTOHEAL_ACTION_SOURCES`), which are never committed. Only facts are
//! kept (input names and flags, output names, `runs.using`), never the
//! file's text, each entry with the commit it was read from, when, and why
//! that commit belongs to its major.
//!
//! One entry per action and major; attribute lines are indented:
//!
//! ```text
//! actions/checkout 4
//!   source: actions/checkout@<commit> action.yml
//!   read-on: 2026-12-05
//!   evidence: runs.using node20 is only v4 (CHANGELOG.md v4.0.0)
//!   using: node20
//!   input: repository default
//!   input: path required
//!   input: jdkFile deprecated
//!   output: ref
//! ```
//!
//! Input flags: `required` (`required: true` and no `default`, so the step
//! fails without it), `default` (a default is given), `deprecated` (a
//! `deprecationMessage` is given).
//!
//! `later-input: <name> [flags] -- <evidence>` is an input a later release
//! of the same major added after the commit read (a backport, a minor
//! release): without it the major's newest release would be judged by an
//! older file and its new input reported as unknown. The evidence names the
//! maintainers' pull request or release notes and a real `action.yml` that
//! declares the input (its flags are read from there; without one, no flags:
//! the input is then only no longer unknown). It is kept when the
//! entry is reread from a file that does not declare the input yet, and
//! dropped when the file does.

use std::fmt::Write as _;

use autoheal_engine::rules::action::{action_inputs, action_outputs, action_runtime};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FactInput {
    pub name: String,
    pub required: bool,
    pub default: bool,
    pub deprecated: bool,
}

impl FactInput {
    /// `name` and its flags, as an `input:` line holds them.
    fn parse(value: &str) -> Result<FactInput, String> {
        let mut words = value.split_whitespace();
        let Some(name) = words.next() else {
            return Err("an input without a name".into());
        };
        let mut input = FactInput {
            name: name.to_string(),
            required: false,
            default: false,
            deprecated: false,
        };
        for flag in words {
            match flag {
                "required" => input.required = true,
                "default" => input.default = true,
                "deprecated" => input.deprecated = true,
                other => return Err(format!("unknown input flag {other:?}")),
            }
        }
        Ok(input)
    }

    fn render(&self) -> String {
        let flags: String = [
            (self.required, " required"),
            (self.default, " default"),
            (self.deprecated, " deprecated"),
        ]
        .iter()
        .filter(|(on, _)| *on)
        .map(|(_, f)| *f)
        .collect();
        format!("{}{flags}", self.name)
    }
}

/// An input a later release of the major added, and the evidence for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LaterInput {
    pub input: FactInput,
    pub evidence: String,
}

/// What one `action.yml` says, and which majors of which action it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Facts {
    /// `owner/repo[/path]`, lower case.
    pub name: String,
    /// Empty for a corpus snapshot whose major is not known.
    pub majors: Vec<u32>,
    pub evidence: String,
    /// `owner/repo@commit path`.
    pub source: String,
    pub read_on: Option<String>,
    pub runtime: String,
    pub inputs: Vec<FactInput>,
    /// Inputs later releases of the major added (`later-input:`).
    pub later_inputs: Vec<LaterInput>,
    pub outputs: Vec<String>,
}

/// Whether `source` (`owner/repo@<ref> path`) names a commit: a full
/// 40-digit SHA. A tag (`@v4`) names whatever the tag pointed to when read,
/// through someone else's reading (a transcript), not a file of the
/// action's repository at a commit: such an entry is *unverified*.
pub fn names_a_commit(source: &str) -> bool {
    source
        .split_once('@')
        .map(|(_, rest)| rest.split_whitespace().next().unwrap_or(""))
        .is_some_and(|r| r.len() == 40 && r.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// Whether `source` (`owner/repo@<ref> path`) is of the repository of the
/// action `name` (`owner/repo[/path]`), case-blind as GitHub's names are.
fn of_own_repository(source: &str, name: &str) -> bool {
    let repo_of = |s: &str| {
        let mut parts = s.split('/');
        Some((parts.next()?.to_ascii_lowercase(), parts.next()?.to_ascii_lowercase()))
    };
    let source_repo = source.split_once('@').and_then(|(repo, _)| repo_of(repo));
    source_repo.is_some() && source_repo == repo_of(name)
}

impl Facts {
    /// Read from the action's own repository (a fork's file is someone
    /// else's) at a commit (see [`names_a_commit`]).
    pub fn verified(&self) -> bool {
        names_a_commit(&self.source) && of_own_repository(&self.source, &self.name)
    }

    /// The facts of an `action.yml` text; `None` when it is not a mapping
    /// or has no `runs.using`.
    pub fn read(text: &str, name: &str, source: &str) -> Option<Facts> {
        let inputs = action_inputs(text)?
            .into_iter()
            .map(|i| FactInput {
                name: i.name,
                required: i.required,
                default: i.has_default,
                deprecated: i.deprecation.is_some(),
            })
            .collect();
        Some(Facts {
            name: name.to_string(),
            majors: Vec::new(),
            evidence: String::new(),
            source: source.to_string(),
            read_on: None,
            runtime: action_runtime(text)?,
            inputs,
            later_inputs: Vec::new(),
            outputs: action_outputs(text)?,
        })
    }

    /// The inputs of the major's newest release as far as known: the file's,
    /// then those later releases added.
    pub fn all_inputs(&self) -> impl Iterator<Item = &FactInput> {
        self.inputs.iter().chain(self.later_inputs.iter().map(|l| &l.input))
    }

    /// Keeps `older`'s later inputs that this (reread) file does not
    /// declare itself.
    pub fn keep_later_inputs(&mut self, older: &Facts) {
        for later in &older.later_inputs {
            if !self.inputs.iter().any(|i| i.name == later.input.name) {
                self.later_inputs.push(later.clone());
            }
        }
    }
}

/// The facts file's entries; an error names `file:line:column`.
pub fn parse(text: &str, file: &str) -> anyhow::Result<Vec<Facts>> {
    let mut out: Vec<Facts> = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line_no = i + 1;
        let err = |col: usize, what: &str| anyhow::anyhow!("{file}:{line_no}:{col}: {what}");
        if raw.trim().is_empty() || raw.trim_start().starts_with('#') {
            continue;
        }
        if !raw.starts_with(' ') {
            let mut words = raw.split_whitespace();
            let (Some(name), Some(major), None) = (words.next(), words.next(), words.next()) else {
                return Err(err(1, "expected `<owner/repo[/path]> <major>`"));
            };
            let major: u32 = major
                .parse()
                .map_err(|_| err(name.len() + 2, &format!("expected a major number, found {major:?}")))?;
            if name != name.to_ascii_lowercase() || !name.contains('/') {
                return Err(err(
                    1,
                    &format!("expected a lower-case `owner/repo[/path]`, found {name:?}"),
                ));
            }
            out.push(Facts {
                name: name.to_string(),
                majors: vec![major],
                evidence: String::new(),
                source: String::new(),
                read_on: None,
                runtime: String::new(),
                inputs: Vec::new(),
                later_inputs: Vec::new(),
                outputs: Vec::new(),
            });
            continue;
        }
        let col = raw.len() - raw.trim_start().len() + 1;
        let Some(entry) = out.last_mut() else {
            return Err(err(col, "an attribute before the first `<action> <major>` line"));
        };
        let Some((key, value)) = raw.trim().split_once(':') else {
            return Err(err(col, "expected `key: value`"));
        };
        let value = value.trim().to_string();
        match key {
            "source" => entry.source = value,
            "read-on" => entry.read_on = Some(value),
            "evidence" => entry.evidence = value,
            "using" => entry.runtime = value,
            "output" => entry.outputs.push(value),
            "input" => entry.inputs.push(FactInput::parse(&value).map_err(|e| err(col, &e))?),
            "later-input" => {
                let Some((input, evidence)) = value.split_once(" -- ").filter(|(_, e)| !e.trim().is_empty()) else {
                    return Err(err(col, "expected `later-input: <name> [flags] -- <evidence>`"));
                };
                let input = FactInput::parse(input).map_err(|e| err(col, &e))?;
                if entry.all_inputs().any(|i| i.name == input.name) {
                    return Err(err(col, &format!("input {:?} is listed twice", input.name)));
                }
                entry.later_inputs.push(LaterInput {
                    input,
                    evidence: evidence.trim().to_string(),
                });
            }
            other => return Err(err(col, &format!("unknown attribute {other:?}"))),
        }
    }
    for f in &out {
        for (what, empty) in [
            ("source", f.source.is_empty()),
            ("using", f.runtime.is_empty()),
            ("evidence", f.evidence.is_empty()),
        ] {
            if empty {
                anyhow::bail!("{file}: `{} {}` has no `{what}:`", f.name, f.majors[0]);
            }
        }
    }
    Ok(out)
}

/// The facts file for `facts` (each must name one major), after `header`.
pub fn render(header: &str, facts: &[Facts]) -> String {
    let mut s = header.to_string();
    for f in facts {
        let _ = writeln!(s, "\n{} {}", f.name, f.majors.first().copied().unwrap_or_default());
        let _ = writeln!(s, "  source: {}", f.source);
        if let Some(date) = &f.read_on {
            let _ = writeln!(s, "  read-on: {date}");
        }
        let _ = writeln!(s, "  evidence: {}", f.evidence);
        let _ = writeln!(s, "  using: {}", f.runtime);
        for i in &f.inputs {
            let _ = writeln!(s, "  input: {}", i.render());
        }
        for l in &f.later_inputs {
            let _ = writeln!(s, "  later-input: {} -- {}", l.input.render(), l.evidence);
        }
        for o in &f.outputs {
            let _ = writeln!(s, "  output: {o}");
        }
    }
    s
}

/// The comment lines that open the facts file (kept when it is rewritten).
pub fn header(text: &str) -> String {
    let mut s = String::new();
    for line in text.lines() {
        if !line.starts_with('#') && !line.trim().is_empty() {
            break;
        }
        if line.starts_with('#') {
            s.push_str(line);
            s.push('\n');
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A reading verifies an entry only when it is of the action's own
    /// repository at a commit: a fork's commit (`x/y@<sha>`) is someone
    /// else's file, and a tag is someone else's reading.
    #[test]
    fn only_the_actions_own_repository_at_a_commit_verifies() {
        let sha = "0123456789abcdef0123456789abcdef01234567";
        let facts = |name: &str, source: &str| Facts::read(YML, name, source).unwrap();
        assert!(facts("actions/cache", &format!("actions/cache@{sha} action.yml")).verified());
        assert!(
            facts(
                "actions/cache/restore",
                &format!("Actions/Cache@{sha} restore/action.yml")
            )
            .verified()
        );
        assert!(!facts("actions/cache", &format!("someone/cache@{sha} action.yml")).verified());
        assert!(!facts("actions/cache", &format!("actions/cache-fork@{sha} action.yml")).verified());
        assert!(!facts("actions/cache/restore", &format!("actions/restore@{sha} action.yml")).verified());
        assert!(!facts("actions/cache", "actions/cache@v4 action.yml").verified());
    }

    const YML: &str = "name: x\ninputs:\n  a:\n    required: true\n  b:\n    deprecationMessage: old\n    default: y\n  c:\n    required: true\n    default: x\noutputs:\n  hit: {}\nruns:\n  using: node24\n  main: i.js\n";

    #[test]
    fn facts_are_read_written_and_read_back() {
        let mut facts = Facts::read(YML, "o/r", "o/r@abc action.yml").unwrap();
        facts.majors = vec![5];
        facts.evidence = "node24 is v5 only".into();
        facts.read_on = Some("2026-12-05".into());
        let flags: Vec<_> = facts
            .inputs
            .iter()
            .map(|i| (i.name.as_str(), i.required, i.default, i.deprecated))
            .collect();
        assert_eq!(
            flags,
            [
                ("a", true, false, false),
                ("b", false, true, true),
                ("c", false, true, false)
            ]
        );
        let text = render("# facts\n", std::slice::from_ref(&facts));
        assert!(
            text.ends_with(
                "o/r 5\n  source: o/r@abc action.yml\n  read-on: 2026-12-05\n  evidence: node24 is v5 only\n  using: node24\n  input: a required\n  input: b default deprecated\n  input: c default\n  output: hit\n"
            ),
            "{text}"
        );
        assert_eq!(parse(&text, "f").unwrap(), [facts]);
        assert_eq!(header(&text), "# facts\n");
        // Not a metadata file: no facts.
        assert!(Facts::read("name: x\n", "o/r", "s").is_none());
    }

    #[test]
    fn later_inputs_are_read_written_and_outlive_a_reread_only_while_the_file_lacks_them() {
        let text = "o/r 5\n  source: o/r@abc action.yml\n  evidence: e\n  using: node24\n  input: a required\n  later-input: fresh default -- o/r#12 (v5.1.0)\n";
        let facts = parse(text, "f").unwrap();
        let [entry] = facts.as_slice() else { panic!("{facts:?}") };
        assert_eq!(entry.later_inputs.len(), 1);
        assert_eq!(entry.later_inputs[0].evidence, "o/r#12 (v5.1.0)");
        assert!(entry.later_inputs[0].input.default);
        let names: Vec<&str> = entry.all_inputs().map(|i| i.name.as_str()).collect();
        assert_eq!(names, ["a", "fresh"]);
        assert_eq!(render("", &facts), format!("\n{text}"));
        // Reread from an older file: the later input stays.
        let mut reread = Facts::read(YML, "o/r", "o/r@def action.yml").unwrap();
        reread.keep_later_inputs(entry);
        assert_eq!(reread.later_inputs, entry.later_inputs);
        // From a file that declares it: the file's own line is enough.
        let newer = YML.replace("outputs:", "  fresh:\n    default: x\noutputs:");
        let mut reread = Facts::read(&newer, "o/r", "o/r@fed action.yml").unwrap();
        reread.keep_later_inputs(entry);
        assert!(reread.later_inputs.is_empty());
        assert!(reread.inputs.iter().any(|i| i.name == "fresh"));
    }

    #[test]
    fn bad_facts_name_their_line_and_column() {
        let cases = [
            ("o/r five\n", "f:1:5: expected a major number"),
            ("O/R 5\n", "f:1:1: expected a lower-case"),
            ("  using: node24\n", "f:1:3: an attribute before"),
            (
                "o/r 5\n  input: a sometimes\n",
                "f:2:3: unknown input flag \"sometimes\"",
            ),
            ("o/r 5\n  colour: red\n", "f:2:3: unknown attribute"),
            (
                "o/r 5\n  later-input: fresh default\n",
                "f:2:3: expected `later-input: <name> [flags] -- <evidence>`",
            ),
            (
                "o/r 5\n  input: a\n  later-input: a -- o/r#1\n",
                "f:3:3: input \"a\" is listed twice",
            ),
            ("o/r 5\n  source: s\n  evidence: e\n", "`o/r 5` has no `using:`"),
        ];
        for (text, want) in cases {
            let got = parse(text, "f").err().map(|e| e.to_string()).unwrap_or_default();
            assert!(got.contains(want), "{text:?}: {got}");
        }
    }
}
