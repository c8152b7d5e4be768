//! `cargo xtask gen actions [--check]`: the popular-action metadata tables
//! under `crates/engine/src/rules/action/generated/`, built from real
//! `action.yml` files, never typed by hand. Each entry is keyed by action and
//! major and records its source (`owner/repo@commit path`) and read date.
//!
//! - `sources.rs`: the committed facts file `crates/engine/data/action-facts.txt`
//!   ([`crate::action_facts`]): the facts of one real `action.yml` per action
//!   and major, with its commit, read date and the evidence for the major.
//!   `AUTOHEAL_ACTION_SOURCES` names a directory of the third-party files
//!   themselves (`<owner>__<repo>[__<path>]__v<N>/` holding `action.yml`,
//!   `SOURCE` (`owner/repo@commit path`), `MAJOR` (the major, then the
//!   evidence) and optionally `READ_ON`); when it is set the facts file's
//!   entries for those majors are (re)read from them.
//! - `corpus.rs`: the root `action.yml` of every action repository in
//!   `../shared/corpus/actions` (`MANIFEST.tsv` gives repository and commit).
//!   A snapshot of a default branch names no major. Its commit names one when
//!   the corpus workflows pin it (`uses: owner/repo@<commit> # v7.0.0`, the
//!   comment Dependabot and Renovate write from the release tag) and every
//!   such comment names the same major; else it describes the majors whose
//!   runtime it declares, as the runtime data lists them (the hand-curated
//!   `data/action-runtimes.txt` plus the per-major facts).
//!
//! `--check` regenerates and compares, read dates aside: `sources.rs` always
//! (from the committed facts file), the facts file against the third-party
//! files when `AUTOHEAL_ACTION_SOURCES` is set, `corpus.rs` whenever the
//! corpus is there. Both modes fail when the hand-curated runtime data
//! repeats or contradicts a runtime a real per-major `action.yml` gives.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use autoheal_engine::rules::action::pin_comment_major;
use autoheal_engine::rules::action::runtimes::curated_rows;

use crate::action_facts::{self, Facts};

const DIR: &str = "crates/engine/src/rules/action/generated";
const FACTS: &str = "crates/engine/data/action-facts.txt";

fn corpus_sources(corpus: &Path) -> anyhow::Result<Vec<Facts>> {
    let manifest = std::fs::read_to_string(corpus.join("actions/MANIFEST.tsv"))?;
    let mut out = Vec::new();
    for row in manifest.lines().skip(1) {
        let cols: Vec<&str> = row.split('\t').collect();
        let [repo, path, commit, _bytes, file, ..] = cols.as_slice() else {
            continue;
        };
        // Only actions published from a repository's root.
        if !matches!(*path, "action.yml" | "action.yaml") {
            continue;
        }
        let text = std::fs::read_to_string(corpus.join(file))?;
        let source = format!("{repo}@{commit} {path}");
        if let Some(facts) = Facts::read(&text, &repo.to_ascii_lowercase(), &source) {
            out.push(facts);
        }
    }
    Ok(out)
}

/// The action a `owner/repo@commit path` source describes: `owner/repo`,
/// plus the directory of a metadata file below the root.
fn action_name(source: &str) -> Option<String> {
    let (repo, rest) = source.split_once('@')?;
    let path = rest.split_once(' ').map_or("action.yml", |(_, p)| p.trim());
    let dir = path.rsplit_once('/').map(|(d, _)| d);
    Some(
        match dir {
            Some(d) => format!("{repo}/{d}"),
            None => repo.to_string(),
        }
        .to_ascii_lowercase(),
    )
}

fn extra_sources(dir: &Path) -> anyhow::Result<Vec<Facts>> {
    let mut out = Vec::new();
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(dir)?.flatten().map(|e| e.path()).collect();
    dirs.sort();
    for d in dirs {
        let Ok(source) = std::fs::read_to_string(d.join("SOURCE")) else {
            continue;
        };
        let Some(text) = ["action.yml", "action.yaml"]
            .iter()
            .find_map(|f| std::fs::read_to_string(d.join(f)).ok())
        else {
            continue;
        };
        let major_file =
            std::fs::read_to_string(d.join("MAJOR")).map_err(|e| anyhow::anyhow!("{}: MAJOR: {e}", d.display()))?;
        let (major, evidence) = major_file
            .trim()
            .split_once(char::is_whitespace)
            .unwrap_or((major_file.trim(), ""));
        let major: u32 = major
            .parse()
            .map_err(|_| anyhow::anyhow!("{}/MAJOR:1:1: expected a major number, found {major:?}", d.display()))?;
        let source = source.trim().to_string();
        let name = action_name(&source)
            .ok_or_else(|| anyhow::anyhow!("{}/SOURCE:1:1: expected `owner/repo@commit path`", d.display()))?;
        let Some(mut facts) = Facts::read(&text, &name, &source) else {
            anyhow::bail!("{}/action.yml:1:1: not action metadata with `runs.using`", d.display());
        };
        facts.majors = vec![major];
        facts.evidence = evidence.trim().to_string();
        facts.read_on = std::fs::read_to_string(d.join("READ_ON"))
            .ok()
            .map(|r| r.trim().to_string());
        out.push(facts);
    }
    out.sort_by(|a, b| (&a.name, &a.majors).cmp(&(&b.name, &b.majors)));
    Ok(out)
}

/// What the corpus workflows' SHA pins say of a commit: keyed by
/// (`owner/repo`, commit), the majors their comments name, with the
/// workflow repositories and uses behind each.
#[derive(Default)]
struct PinComments(BTreeMap<(String, String), BTreeMap<u32, PinUses>>);

/// How many uses name a major, and from which workflow repositories.
type PinUses = (usize, BTreeSet<String>);

impl PinComments {
    /// Every `uses: owner/repo[/path]@<40 hex> # <comment>` line of the
    /// workflows under `dir` (`<owner__repo>/…`).
    fn read(dir: &Path) -> PinComments {
        let mut pins = PinComments::default();
        let mut stack = vec![dir.to_path_buf()];
        while let Some(d) = stack.pop() {
            let Ok(entries) = std::fs::read_dir(&d) else { continue };
            for e in entries.flatten() {
                let path = e.path();
                if path.is_dir() {
                    stack.push(path);
                    continue;
                }
                let Ok(text) = std::fs::read_to_string(&path) else {
                    continue;
                };
                let repo = path
                    .strip_prefix(dir)
                    .ok()
                    .and_then(|p| p.components().next())
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .unwrap_or_default();
                for line in text.lines() {
                    pins.add_line(line, &repo);
                }
            }
        }
        pins
    }

    fn add_line(&mut self, line: &str, from: &str) {
        let line = line.trim_start().trim_start_matches("- ").trim_start();
        let Some(rest) = line.strip_prefix("uses:") else { return };
        let rest = rest.trim_start().trim_start_matches(['"', '\'']);
        let Some((action, rest)) = rest.split_once('@') else {
            return;
        };
        let commit: String = rest.chars().take_while(char::is_ascii_hexdigit).collect();
        if commit.len() != 40 {
            return;
        }
        let after = rest[40..].trim_start_matches(['"', '\'']).trim_start();
        let Some(major) = after.strip_prefix('#').and_then(pin_comment_major) else {
            return;
        };
        let mut parts = action.split('/');
        let (Some(owner), Some(repo)) = (parts.next(), parts.next()) else {
            return;
        };
        let key = (
            format!("{owner}/{repo}").to_ascii_lowercase(),
            commit.to_ascii_lowercase(),
        );
        let (uses, repos) = self.0.entry(key).or_default().entry(major).or_default();
        *uses += 1;
        repos.insert(from.to_string());
    }

    /// The one major every comment on a pin of `source`'s commit names, and
    /// why, when comments in at least two workflow repositories name it and
    /// none names another.
    fn major_of(&self, source: &str) -> Option<(u32, String)> {
        let (repo, rest) = source.split_once('@')?;
        let commit = rest.split_whitespace().next()?;
        let majors = self.0.get(&(repo.to_ascii_lowercase(), commit.to_ascii_lowercase()))?;
        let [(major, (uses, repos))] = majors.iter().collect::<Vec<_>>()[..] else {
            return None;
        };
        (repos.len() >= 2).then(|| {
            (
                *major,
                format!(
                    "default-branch snapshot whose commit the corpus workflows pin as v{major} ({uses} uses in {} repositories, every comment naming v{major})",
                    repos.len()
                ),
            )
        })
    }
}

/// The majors a snapshot without a major describes: the one its pins name,
/// else those `rows` list with the runtime it declares.
fn deduce_majors(src: &mut Facts, rows: &[(String, u32, String)], pins: &PinComments) {
    if let Some((major, why)) = pins.major_of(&src.source) {
        src.majors = vec![major];
        src.evidence = why;
        return;
    }
    let runtime = &src.runtime;
    let mut majors: Vec<u32> = rows
        .iter()
        .filter(|(n, _, r)| *n == src.name && r.eq_ignore_ascii_case(runtime))
        .map(|(_, m, _)| *m)
        .collect();
    majors.sort_unstable();
    majors.dedup();
    src.evidence = if majors.is_empty() {
        format!("default-branch snapshot; the runtime data lists no major on {runtime}")
    } else {
        let list: Vec<String> = majors.iter().map(|m| format!("v{m}")).collect();
        format!(
            "default-branch snapshot on {runtime}, the runtime of {} only in the runtime data",
            list.join(", ")
        )
    };
    src.majors = majors;
}

/// Today as `YYYY-MM-DD` (UTC), as `date` prints it.
fn today() -> String {
    std::process::Command::new("date")
        .args(["-u", "+%F"])
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .map(|d| d.trim().to_string())
        .filter(|d| d.len() == 10)
        .unwrap_or_else(|| "unknown".into())
}

fn render(what: &str, sources: &[Facts], date: &str) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "//! {what}: generated by `cargo xtask gen actions` from real `action.yml`\n\
         //! files; do not edit by hand. Each entry names the repository, commit and\n\
         //! path it was read from, when, and why it describes its majors.\n\n\
         use super::{{GeneratedAction, GeneratedInput}};\n\n\
         pub static ACTIONS: &[GeneratedAction] = &["
    );
    for src in sources {
        let read_on = src.read_on.as_deref().unwrap_or(date);
        let majors: Vec<String> = src.majors.iter().map(u32::to_string).collect();
        let _ = writeln!(s, "    GeneratedAction {{");
        let _ = writeln!(s, "        name: {:?},", src.name);
        let _ = writeln!(s, "        majors: &[{}],", majors.join(", "));
        let _ = writeln!(s, "        evidence: {:?},", src.evidence);
        let _ = writeln!(s, "        source: {:?},", src.source);
        let _ = writeln!(s, "        verified: {},", src.verified());
        let _ = writeln!(s, "        read_on: {read_on:?},");
        let _ = writeln!(s, "        runtime: {:?},", src.runtime);
        let _ = writeln!(s, "        inputs: &[");
        for i in src.all_inputs() {
            let _ = writeln!(
                s,
                "            GeneratedInput {{ name: {:?}, required: {}, deprecated: {} }},",
                i.name, i.required, i.deprecated
            );
        }
        let _ = writeln!(s, "        ],");
        let list: Vec<String> = src.outputs.iter().map(|o| format!("{o:?}")).collect();
        let _ = writeln!(s, "        outputs: &[{}],", list.join(", "));
        let _ = writeln!(s, "    }},");
    }
    s.push_str("];\n");
    s
}

/// One per-major reading: action, major, runtime, source, and whether the
/// source is the action's repository at a commit.
type PerMajor = (String, u32, String, String, bool);

/// Hand-curated runtime rows that a real per-major `action.yml` makes
/// redundant (same runtime: the row must go, the knowledge lives once) or
/// wrong (another runtime). An unverified reading (a tag, through a
/// transcript) does not replace a row with the same runtime: the row is what
/// `--fix` may move a ref to, and the unverified entry may not be.
fn curated_conflicts(curated: &[(String, u32, String)], per_major: &[PerMajor]) -> Vec<String> {
    let mut out = Vec::new();
    for (name, major, runtime, source, verified) in per_major {
        if let Some((_, _, listed)) = curated.iter().find(|(n, m, _)| n == name && m == major) {
            let what = if !listed.eq_ignore_ascii_case(runtime) {
                "contradicts"
            } else if *verified {
                "repeats"
            } else {
                continue;
            };
            out.push(format!(
                "data/action-runtimes.txt `{name} {major} {listed}` {what} {source}, which says `using: {runtime}`; remove the row"
            ));
        }
    }
    out
}

fn fail_on_conflicts(curated: &[(String, u32, String)], real: &[Facts]) -> anyhow::Result<()> {
    let per_major: Vec<PerMajor> = real
        .iter()
        .flat_map(|f| {
            f.majors
                .iter()
                .map(|m| (f.name.clone(), *m, f.runtime.clone(), f.source.clone(), f.verified()))
        })
        .collect();
    let conflicts = curated_conflicts(curated, &per_major);
    if !conflicts.is_empty() {
        anyhow::bail!(
            "the runtime data disagrees with real action.yml files:\n{}",
            conflicts.join("\n")
        );
    }
    Ok(())
}

/// A generated file without its read dates, for `--check`.
fn undated(text: &str) -> String {
    text.lines()
        .filter(|l| {
            let l = l.trim_start();
            !l.starts_with("read_on:") && !l.starts_with("read-on:")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn repo_path(file: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..").join(file)
}

fn write_or_check(file: &str, text: &str, check: bool, count: usize) -> anyhow::Result<()> {
    let path = repo_path(file);
    if check {
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        if undated(text) != undated(&committed) {
            anyhow::bail!("{file} is not what `cargo xtask gen actions` makes from the sources; regenerate it");
        }
        println!("{file}: up to date ({count} entries)");
    } else {
        std::fs::write(&path, text)?;
        println!("wrote {file} ({count} entries)");
    }
    Ok(())
}

/// The facts file's entries, with those the third-party files in
/// `extras` give put in their place (or added); an entry's later inputs
/// outlive the reread while its file does not declare them.
fn merge_facts(mut facts: Vec<Facts>, extras: Vec<Facts>) -> Vec<Facts> {
    for mut e in extras {
        if let Some(old) = facts.iter().find(|f| (&f.name, &f.majors) == (&e.name, &e.majors)) {
            e.keep_later_inputs(old);
        }
        facts.retain(|f| (&f.name, &f.majors) != (&e.name, &e.majors));
        facts.push(e);
    }
    facts.sort_by(|a, b| (&a.name, &a.majors).cmp(&(&b.name, &b.majors)));
    facts
}

pub fn run(corpus: &Path, check: bool) -> anyhow::Result<()> {
    let curated: Vec<(String, u32, String)> = curated_rows()
        .map(|(n, m, r)| (n.to_string(), m, r.to_string()))
        .collect();
    let facts_text = std::fs::read_to_string(repo_path(FACTS))?;
    let mut facts = action_facts::parse(&facts_text, FACTS)?;
    match std::env::var_os("AUTOHEAL_ACTION_SOURCES") {
        Some(dir) => {
            let extras = extra_sources(Path::new(&dir))?;
            let merged = merge_facts(facts, extras);
            let text = action_facts::render(&action_facts::header(&facts_text), &merged);
            write_or_check(FACTS, &text, check, merged.len())?;
            facts = merged;
        }
        None => println!("{FACTS}: not compared with the action.yml files (set AUTOHEAL_ACTION_SOURCES to them)"),
    }
    fail_on_conflicts(&curated, &facts)?;
    let date = today();
    write_or_check(
        &format!("{DIR}/sources.rs"),
        &render("Per-major sources", &facts, &date),
        check,
        facts.len(),
    )?;
    if !corpus.join("actions/MANIFEST.tsv").exists() {
        if check {
            println!(
                "{DIR}/corpus.rs: not checked ({} has no actions/MANIFEST.tsv)",
                corpus.display()
            );
            return Ok(());
        }
        anyhow::bail!(
            "{}/actions/MANIFEST.tsv not found (set AUTOHEAL_CORPUS)",
            corpus.display()
        );
    }
    let mut sources = corpus_sources(corpus)?;
    sources.sort_by(|a, b| a.name.cmp(&b.name));
    sources.dedup_by(|a, b| a.name == b.name);
    let rows: Vec<(String, u32, String)> = curated
        .iter()
        .cloned()
        .chain(
            facts
                .iter()
                .flat_map(|f| f.majors.iter().map(|m| (f.name.clone(), *m, f.runtime.clone()))),
        )
        .collect();
    let pins = PinComments::read(&corpus.join("workflows"));
    for src in &mut sources {
        deduce_majors(src, &rows, &pins);
    }
    // A snapshot its pins date is a real file of that major, like a facts entry.
    let pinned: Vec<Facts> = sources
        .iter()
        .filter(|s| pins.major_of(&s.source).is_some())
        .cloned()
        .collect();
    fail_on_conflicts(&curated, &pinned)?;
    write_or_check(
        &format!("{DIR}/corpus.rs"),
        &render("Corpus snapshots", &sources, &date),
        check,
        sources.len(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIXTURE: &str = "name: x\ninputs:\n  a:\n    required: true\n  b:\n    deprecationMessage: old\n  c:\n    required: true\n    default: x\noutputs:\n  hit: {}\nruns:\n  using: node24\n  main: i.js\n";

    fn source(text: &str, majors: Vec<u32>) -> Facts {
        let mut f = Facts::read(text, "o/r", "o/r@abc action.yml").unwrap();
        f.majors = majors;
        f.evidence = "node24 is v5 only".into();
        f
    }

    #[test]
    fn an_entry_is_rendered_with_its_majors_source_date_and_facts() {
        let out = render("Test", &[source(FIXTURE, vec![5])], "2026-12-05");
        let want = "    GeneratedAction {
        name: \"o/r\",
        majors: &[5],
        evidence: \"node24 is v5 only\",
        source: \"o/r@abc action.yml\",
        verified: false,
        read_on: \"2026-12-05\",
        runtime: \"node24\",
        inputs: &[
            GeneratedInput { name: \"a\", required: true, deprecated: false },
            GeneratedInput { name: \"b\", required: false, deprecated: true },
            GeneratedInput { name: \"c\", required: false, deprecated: false },
        ],
        outputs: &[\"hit\"],
    },
];
";
        assert!(out.ends_with(want), "{out}");
    }

    #[test]
    fn later_inputs_are_generated_as_inputs_and_survive_a_reread_of_the_file() {
        let facts_text = "o/r 5\n  source: o/r@old action.yml\n  evidence: e\n  using: node24\n  input: a\n  later-input: fresh default -- o/r#12\n";
        let facts = action_facts::parse(facts_text, "f").unwrap();
        let out = render("Test", &facts, "2026-12-05");
        assert!(
            out.contains("GeneratedInput { name: \"fresh\", required: false, deprecated: false },"),
            "{out}"
        );
        let merged = merge_facts(facts, vec![source(FIXTURE, vec![5])]);
        let [entry] = merged.as_slice() else { panic!() };
        assert_eq!(entry.source, "o/r@abc action.yml");
        let names: Vec<&str> = entry.all_inputs().map(|i| i.name.as_str()).collect();
        assert_eq!(names, ["a", "b", "c", "fresh"]);
    }

    #[test]
    fn a_snapshot_describes_the_majors_listed_with_its_runtime() {
        let rows = vec![
            ("o/r".to_string(), 4, "node20".to_string()),
            ("o/r".to_string(), 5, "node24".to_string()),
            ("o/r".to_string(), 6, "node24".to_string()),
            ("o/other".to_string(), 7, "node24".to_string()),
        ];
        let none = PinComments::default();
        let mut snap = source(FIXTURE, Vec::new());
        deduce_majors(&mut snap, &rows, &none);
        assert_eq!(snap.majors, [5, 6]);
        assert!(snap.evidence.contains("v5, v6 only"), "{}", snap.evidence);
        let mut old = source(&FIXTURE.replace("node24", "node12"), Vec::new());
        deduce_majors(&mut old, &rows, &none);
        assert!(old.majors.is_empty());
    }

    #[test]
    fn a_snapshot_pinned_with_one_major_in_two_repositories_is_that_major() {
        let sha = "abcdef0123456789abcdef0123456789abcdef01";
        let rows = vec![("o/r".to_string(), 5, "node24".to_string())];
        let mut pins = PinComments::default();
        pins.add_line(&format!("      - uses: O/R@{sha} # v7.0.0"), "a__a");
        pins.add_line(&format!("        uses: \"o/r/sub@{sha}\" # tag=v7"), "b__b");
        let mut snap = source(FIXTURE, Vec::new());
        snap.source = format!("o/r@{sha} action.yml");
        deduce_majors(&mut snap, &rows, &pins);
        assert_eq!(snap.majors, [7]);
        assert!(
            snap.evidence.contains("pin as v7 (2 uses in 2 repositories"),
            "{}",
            snap.evidence
        );
        // One repository only, or a dissenting comment: back to the runtime data.
        let mut one = PinComments::default();
        one.add_line(&format!("uses: o/r@{sha} # v7.0.0"), "a__a");
        one.add_line(&format!("uses: o/r@{sha} # v7.0.1"), "a__a");
        let mut dissent = PinComments::default();
        for (c, from) in [("v7.0.0", "a__a"), ("v7.0.0", "b__b"), ("v2.4.0", "c__c")] {
            dissent.add_line(&format!("uses: o/r@{sha} # {c}"), from);
        }
        for pins in [one, dissent] {
            let mut snap = source(FIXTURE, Vec::new());
            snap.source = format!("o/r@{sha} action.yml");
            deduce_majors(&mut snap, &rows, &pins);
            assert_eq!(snap.majors, [5], "{}", snap.evidence);
        }
        // Not a pin: a short ref, or no version in the comment.
        let mut other = PinComments::default();
        other.add_line("uses: o/r@v7 # v7.0.0", "a__a");
        other.add_line(&format!("uses: o/r@{sha} # main"), "a__a");
        assert!(other.0.is_empty());
    }

    #[test]
    fn sources_name_subpath_actions_and_read_their_major() {
        assert_eq!(
            action_name("Actions/Cache@abc restore/action.yml").as_deref(),
            Some("actions/cache/restore")
        );
        assert_eq!(action_name("o/r@abc action.yml").as_deref(), Some("o/r"));
        let dir = std::env::temp_dir().join(format!("autoheal-action-sources-{}", std::process::id()));
        let one = dir.join("o__r__v3");
        std::fs::create_dir_all(&one).unwrap();
        std::fs::write(one.join("action.yml"), FIXTURE).unwrap();
        std::fs::write(one.join("SOURCE"), "o/r@abc action.yml\n").unwrap();
        std::fs::write(one.join("MAJOR"), "3 runtime node16 is v3 only\n").unwrap();
        let got = extra_sources(&dir).unwrap();
        assert_eq!(got.len(), 1);
        assert_eq!((got[0].name.as_str(), got[0].majors.as_slice()), ("o/r", &[3][..]));
        assert_eq!(got[0].evidence, "runtime node16 is v3 only");
        std::fs::write(one.join("MAJOR"), "three\n").unwrap();
        let err = extra_sources(&dir).err().unwrap().to_string();
        assert!(err.contains("MAJOR:1:1"), "{err}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn files_read_replace_the_facts_of_their_major_only() {
        let old = source(FIXTURE, vec![3]);
        let other = source(FIXTURE, vec![4]);
        let mut new = source(&FIXTURE.replace("node24", "node16"), vec![3]);
        new.evidence = "re-read".into();
        let merged = merge_facts(vec![other.clone(), old], vec![new.clone()]);
        assert_eq!(merged, [new, other]);
    }

    #[test]
    fn curated_rows_a_real_file_gives_must_go() {
        let curated = vec![("o/r".to_string(), 4, "node20".to_string())];
        let at = |runtime: &str, major: u32, verified: bool| {
            [(
                "o/r".to_string(),
                major,
                runtime.to_string(),
                "o/r@abc".to_string(),
                verified,
            )]
        };
        assert!(curated_conflicts(&curated, &at("node20", 4, true))[0].contains("repeats"));
        assert!(curated_conflicts(&curated, &at("node16", 4, true))[0].contains("contradicts"));
        assert!(curated_conflicts(&curated, &at("node24", 5, true)).is_empty());
        // An unverified reading may stand beside the row it agrees with, and
        // still may not contradict it.
        assert!(curated_conflicts(&curated, &at("node20", 4, false)).is_empty());
        assert!(curated_conflicts(&curated, &at("node16", 4, false))[0].contains("contradicts"));
        let mut real = source(&FIXTURE.replace("node24", "node20"), vec![4]);
        real.source = format!("o/r@{} action.yml", "a".repeat(40));
        assert!(fail_on_conflicts(&curated, std::slice::from_ref(&real)).is_err());
        real.majors = vec![5];
        assert!(fail_on_conflicts(&curated, &[real]).is_ok());
    }

    #[test]
    fn only_a_commit_verifies_an_entry() {
        let sha = "592a6091c22bebf287527178123f3a28907116e9";
        assert!(action_facts::names_a_commit(&format!("actions/cache@{sha} action.yml")));
        assert!(!action_facts::names_a_commit("actions/cache@v4 restore/action.yml"));
        assert!(!action_facts::names_a_commit("actions/cache@592a609 action.yml"));
        assert!(!action_facts::names_a_commit("actions/cache action.yml"));
        let out = render("Test", &[source(FIXTURE, vec![5])], "2026-12-05");
        assert!(out.contains("        verified: false,\n"), "{out}");
    }

    #[test]
    fn check_ignores_read_dates_only() {
        assert_eq!(undated("a\n  read_on: \"x\",\nb"), undated("a\n  read_on: \"y\",\nb"));
        assert_eq!(undated("a\n  read-on: x\nb"), undated("a\n  read-on: y\nb"));
        assert_ne!(undated("a\nb"), undated("a\nc"));
    }

    #[test]
    fn dates_are_civil() {
        assert_eq!(today().len(), 10);
    }
}
