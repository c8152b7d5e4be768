//! `cargo xtask gen actions [--check]`: the popular-action metadata tables
//! under `crates/engine/src/rules/action/generated/`, built from real
//! `action.yml` files, never typed by hand. Each entry is keyed by action and
//! major and records its source (`owner/repo@commit path`) and read date.
//!
//! - `corpus.rs`: the root `action.yml` of every action repository in
//!   `../shared/corpus/actions` (`MANIFEST.tsv` gives repository and commit).
//!   A snapshot of a default branch names no major: it describes the majors
//!   whose runtime it declares, as the runtime data lists them (the
//!   hand-curated `data/action-runtimes.txt` plus the per-major sources).
//! - `sources.rs`: `AUTOHEAL_ACTION_SOURCES`, a directory of
//!   `<owner>__<repo>[__<path>]__v<N>/` holding `action.yml`, `SOURCE`
//!   (`owner/repo@commit path`), `MAJOR` (the major, then the evidence that
//!   the commit belongs to it) and optionally `READ_ON` (`YYYY-MM-DD`).
//!
//! `--check` regenerates what it can reach and compares, read dates aside:
//! the corpus table whenever the corpus is there, the sources table only
//! when `AUTOHEAL_ACTION_SOURCES` is set (those files are not in the
//! repository: third-party files are never committed). Both modes fail when
//! the hand-curated runtime data repeats or contradicts a runtime a real
//! per-major `action.yml` gives.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use autoheal_engine::rules::action::runtimes::curated_rows;
use autoheal_engine::rules::action::{action_inputs, action_outputs, action_runtime, per_major_sources};

const DIR: &str = "crates/engine/src/rules/action/generated";

struct Source {
    name: String,
    source: String,
    text: String,
    /// Empty for a corpus snapshot until deduced.
    majors: Vec<u32>,
    evidence: String,
    read_on: Option<String>,
}

fn corpus_sources(corpus: &Path) -> anyhow::Result<Vec<Source>> {
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
        out.push(Source {
            name: repo.to_ascii_lowercase(),
            source: format!("{repo}@{commit} {path}"),
            text,
            majors: Vec::new(),
            evidence: String::new(),
            read_on: None,
        });
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

fn extra_sources(dir: &Path) -> anyhow::Result<Vec<Source>> {
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
        let read_on = std::fs::read_to_string(d.join("READ_ON"))
            .ok()
            .map(|r| r.trim().to_string());
        out.push(Source {
            name,
            source,
            text,
            majors: vec![major],
            evidence: evidence.trim().to_string(),
            read_on,
        });
    }
    out.sort_by(|a, b| (&a.name, &a.majors).cmp(&(&b.name, &b.majors)));
    Ok(out)
}

/// The majors a snapshot without a major describes: those `rows` list with
/// the runtime it declares.
fn deduce_majors(src: &mut Source, rows: &[(String, u32, String)]) {
    let Some(runtime) = action_runtime(&src.text) else {
        src.evidence = "no runs.using: no major".into();
        return;
    };
    let mut majors: Vec<u32> = rows
        .iter()
        .filter(|(n, _, r)| *n == src.name && r.eq_ignore_ascii_case(&runtime))
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

fn render(what: &str, sources: &[Source], date: &str) -> String {
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
        let (Some(inputs), Some(outputs), Some(runtime)) = (
            action_inputs(&src.text),
            action_outputs(&src.text),
            action_runtime(&src.text),
        ) else {
            continue;
        };
        let read_on = src.read_on.as_deref().unwrap_or(date);
        let majors: Vec<String> = src.majors.iter().map(u32::to_string).collect();
        let _ = writeln!(s, "    GeneratedAction {{");
        let _ = writeln!(s, "        name: {:?},", src.name);
        let _ = writeln!(s, "        majors: &[{}],", majors.join(", "));
        let _ = writeln!(s, "        evidence: {:?},", src.evidence);
        let _ = writeln!(s, "        source: {:?},", src.source);
        let _ = writeln!(s, "        read_on: {read_on:?},");
        let _ = writeln!(s, "        runtime: {runtime:?},");
        let _ = writeln!(s, "        inputs: &[");
        for i in &inputs {
            let _ = writeln!(
                s,
                "            GeneratedInput {{ name: {:?}, required: {}, deprecated: {} }},",
                i.name,
                i.required,
                i.deprecation.is_some()
            );
        }
        let _ = writeln!(s, "        ],");
        let list: Vec<String> = outputs.iter().map(|o| format!("{o:?}")).collect();
        let _ = writeln!(s, "        outputs: &[{}],", list.join(", "));
        let _ = writeln!(s, "    }},");
    }
    s.push_str("];\n");
    s
}

/// Hand-curated runtime rows that a real per-major `action.yml` makes
/// redundant (same runtime: the row must go, the knowledge lives once) or
/// wrong (another runtime).
fn curated_conflicts(curated: &[(String, u32, String)], per_major: &[(String, u32, String, String)]) -> Vec<String> {
    let mut out = Vec::new();
    for (name, major, runtime, source) in per_major {
        if let Some((_, _, listed)) = curated.iter().find(|(n, m, _)| n == name && m == major) {
            let what = if listed.eq_ignore_ascii_case(runtime) {
                "repeats"
            } else {
                "contradicts"
            };
            out.push(format!(
                "data/action-runtimes.txt `{name} {major} {listed}` {what} {source}, which says `using: {runtime}`; remove the row"
            ));
        }
    }
    out
}

/// A generated file without its read dates, for `--check`.
fn undated(text: &str) -> String {
    text.lines()
        .filter(|l| !l.trim_start().starts_with("read_on:"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn write_or_check(file: &str, text: &str, check: bool, count: usize) -> anyhow::Result<()> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(DIR)
        .join(file);
    if check {
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        if undated(text) != undated(&committed) {
            anyhow::bail!("{DIR}/{file} is not what `cargo xtask gen actions` makes from the sources; regenerate it");
        }
        println!("{DIR}/{file}: up to date ({count} entries)");
    } else {
        std::fs::write(&path, text)?;
        println!("wrote {DIR}/{file} ({count} entries)");
    }
    Ok(())
}

pub fn run(corpus: &Path, check: bool) -> anyhow::Result<()> {
    let curated: Vec<(String, u32, String)> = curated_rows()
        .map(|(n, m, r)| (n.to_string(), m, r.to_string()))
        .collect();
    let extras = match std::env::var_os("AUTOHEAL_ACTION_SOURCES") {
        Some(dir) => Some(extra_sources(Path::new(&dir))?),
        None => {
            println!("{DIR}/sources.rs: not checked (set AUTOHEAL_ACTION_SOURCES to the per-major action.yml files)");
            None
        }
    };
    // Per-major runtimes from real files: the given sources, else the committed table.
    let per_major: Vec<(String, u32, String, String)> = match &extras {
        Some(extras) => extras
            .iter()
            .filter_map(|s| {
                Some((
                    s.name.clone(),
                    *s.majors.first()?,
                    action_runtime(&s.text)?,
                    s.source.clone(),
                ))
            })
            .collect(),
        None => per_major_sources()
            .iter()
            .flat_map(|a| {
                a.majors
                    .iter()
                    .map(|m| (a.name.to_string(), *m, a.runtime.to_string(), a.source.to_string()))
            })
            .collect(),
    };
    let conflicts = curated_conflicts(&curated, &per_major);
    if !conflicts.is_empty() {
        anyhow::bail!(
            "the runtime data disagrees with real action.yml files:\n{}",
            conflicts.join("\n")
        );
    }
    let date = today();
    if let Some(extras) = &extras {
        write_or_check(
            "sources.rs",
            &render("Per-major sources", extras, &date),
            check,
            extras.len(),
        )?;
    }
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
        .into_iter()
        .chain(per_major.into_iter().map(|(n, m, r, _)| (n, m, r)))
        .collect();
    for src in &mut sources {
        deduce_majors(src, &rows);
    }
    write_or_check(
        "corpus.rs",
        &render("Corpus snapshots", &sources, &date),
        check,
        sources.len(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIXTURE: &str = "name: x\ninputs:\n  a:\n    required: true\n  b:\n    deprecationMessage: old\n  c:\n    required: true\n    default: x\noutputs:\n  hit: {}\nruns:\n  using: node24\n  main: i.js\n";

    fn source(text: &str, majors: Vec<u32>) -> Source {
        Source {
            name: "o/r".into(),
            source: "o/r@abc action.yml".into(),
            text: text.into(),
            majors,
            evidence: "node24 is v5 only".into(),
            read_on: None,
        }
    }

    #[test]
    fn an_entry_is_rendered_with_its_majors_source_date_and_facts() {
        let out = render("Test", &[source(FIXTURE, vec![5])], "2026-12-05");
        let want = "    GeneratedAction {
        name: \"o/r\",
        majors: &[5],
        evidence: \"node24 is v5 only\",
        source: \"o/r@abc action.yml\",
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
        // A file without `runs.using` is not an entry.
        let none = render("Test", &[source("name: x\ninputs: {}\n", vec![1])], "2026-12-05");
        assert!(!none.contains("GeneratedAction {"), "{none}");
    }

    #[test]
    fn a_snapshot_describes_the_majors_listed_with_its_runtime() {
        let rows = vec![
            ("o/r".to_string(), 4, "node20".to_string()),
            ("o/r".to_string(), 5, "node24".to_string()),
            ("o/r".to_string(), 6, "node24".to_string()),
            ("o/other".to_string(), 7, "node24".to_string()),
        ];
        let mut snap = source(FIXTURE, Vec::new());
        deduce_majors(&mut snap, &rows);
        assert_eq!(snap.majors, [5, 6]);
        assert!(snap.evidence.contains("v5, v6 only"), "{}", snap.evidence);
        let mut old = source(&FIXTURE.replace("node24", "node12"), Vec::new());
        deduce_majors(&mut old, &rows);
        assert!(old.majors.is_empty());
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
    fn curated_rows_a_real_file_gives_must_go() {
        let curated = vec![("o/r".to_string(), 4, "node20".to_string())];
        let same = [("o/r".to_string(), 4, "node20".to_string(), "o/r@abc".to_string())];
        assert!(curated_conflicts(&curated, &same)[0].contains("repeats"));
        let other = [("o/r".to_string(), 4, "node16".to_string(), "o/r@abc".to_string())];
        assert!(curated_conflicts(&curated, &other)[0].contains("contradicts"));
        let elsewhere = [("o/r".to_string(), 5, "node24".to_string(), "o/r@abc".to_string())];
        assert!(curated_conflicts(&curated, &elsewhere).is_empty());
    }

    #[test]
    fn check_ignores_read_dates_only() {
        assert_eq!(undated("a\n  read_on: \"x\",\nb"), undated("a\n  read_on: \"y\",\nb"));
        assert_ne!(undated("a\nb"), undated("a\nc"));
    }

    #[test]
    fn dates_are_civil() {
        assert_eq!(today().len(), 10);
    }
}
