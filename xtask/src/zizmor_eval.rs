//! `cargo xtask eval zizmor [actions] [SARIF_DIR]`: the security audits
//! against zizmor on the corpus workflows (or, with `actions`, on the action
//! metadata files of `actions/`), per audit.
//!
//! zizmor's findings come from its SARIF output, one file per workflow:
//! `<SARIF_DIR>/<repo dir>%<file name>.sarif`. Without a directory, zizmor
//! (from PyPI) is run here, `--offline --persona auditor`, once per file
//! (a file zizmor cannot load does not stop the others). Only zizmor's
//! regular-persona findings at medium or high severity *and* confidence
//! count, and autoheal's (default config, regular persona) at medium or
//! high audit severity and confidence. One of zizmor's is found when autoheal reports the same audit in the same file on a line inside
//! zizmor's region; matching is one to one. A second pass pairs leftovers
//! of one file within 30 lines, because zizmor reports a repeated
//! expression of a script at its first occurrence (twice on one line).
//!
//! The corpus is split by repository: the first half of the repository
//! directories in sorted order is `dev` (looked at while designing the
//! audits), the second half `holdout` (only checked). Every difference is
//! written to `autoheal-zizmor-diff.tsv` in the temporary directory for review.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use autoheal_engine::config::Config;
use autoheal_engine::lint::{FixSelection, LintOptions, lint};
use autoheal_engine::rules::audit::SECURITY_RULES;
use autoheal_engine::{AuditSeverity, Confidence, LineIndex};
use rayon::prelude::*;
use serde_json::Value;

/// How far below zizmor's line a leftover finding may be paired.
const NEARBY: u32 = 30;

struct ZFinding {
    rule: String,
    start: u32,
    end: u32,
    message: String,
}

#[derive(Default, Clone, Copy)]
struct Counts {
    zizmor: usize,
    autoheal: usize,
    matched: usize,
}

pub fn run(corpus: &Path, args: &[&str]) -> anyhow::Result<()> {
    // `actions`: the action metadata files of `actions/` instead of the
    // workflows. zizmor knows action metadata by its file name, so each is
    // copied to a folder of its own as `action.yml` before zizmor runs.
    let (actions, args) = match args {
        ["actions", rest @ ..] => (true, rest),
        _ => (false, args),
    };
    let (base, files) = if actions {
        let base = corpus.join("actions");
        let files = crate::files_under(&base, &["action.yml", "action.yaml"]);
        (base, files)
    } else {
        let base = corpus.join("workflows");
        let files = crate::files_under(&base, &[".yml", ".yaml"]);
        (base, files)
    };
    let sarif_dir = match args.first() {
        Some(d) => PathBuf::from(d),
        None => {
            if Command::new("zizmor").arg("--version").output().is_err() {
                eprintln!("xtask: zizmor is not installed (pip install zizmor); skipping");
                return Ok(());
            }
            let dir = std::env::temp_dir().join(if actions {
                "autoheal-zizmor-actions-sarif"
            } else {
                "autoheal-zizmor-sarif"
            });
            std::fs::create_dir_all(&dir)?;
            files.par_iter().for_each(|f| {
                let name = sarif_name(&base, f);
                let input = if actions {
                    let copy = dir.join("src").join(&name).join("action.yml");
                    let copied = copy.parent().map(std::fs::create_dir_all).is_some_and(|r| r.is_ok())
                        && std::fs::copy(f, &copy).is_ok();
                    if !copied {
                        return;
                    }
                    copy
                } else {
                    f.clone()
                };
                if let Ok(o) = Command::new("zizmor")
                    .args([
                        "--offline",
                        "--persona",
                        "auditor",
                        "--format",
                        "sarif",
                        "--no-exit-codes",
                    ])
                    .arg(&input)
                    .output()
                {
                    let _ = std::fs::write(dir.join(name), o.stdout);
                }
            });
            dir
        }
    };
    let mut repos: Vec<String> = files.iter().map(|f| repo_of(&base, f)).collect();
    repos.sort();
    repos.dedup();
    let holdout_from = repos.get(repos.len() / 2).cloned().unwrap_or_default();
    let config = Config::default();
    let opts = LintOptions {
        verify_fixes: false,
        fixes: FixSelection::None,
        ..LintOptions::new(&config)
    };
    #[allow(clippy::type_complexity)]
    let results: Vec<Option<(bool, String, Vec<ZFinding>, Vec<(String, u32, String)>)>> = files
        .par_iter()
        .map(|f| {
            let repo = repo_of(&base, f);
            let name = sarif_name(&base, f);
            // A file zizmor could not load is left out of the comparison.
            let zizmor = read_sarif(&sarif_dir.join(&name))?;
            let bytes = std::fs::read(f).unwrap_or_default();
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let idx = LineIndex::new(&text);
            // Action metadata is recognised by its file name.
            let lint_name = if actions {
                format!("{name}/action.yml")
            } else {
                name.clone()
            };
            let ours: Vec<(String, u32, String)> = lint(&lint_name, &bytes, &opts)
                .into_iter()
                .filter(|d| d.audit_severity >= Some(AuditSeverity::Medium) && d.confidence >= Confidence::Medium)
                .map(|d| {
                    (
                        d.rule.to_string(),
                        idx.line_column(&text, d.range.start).line,
                        d.message,
                    )
                })
                .collect();
            Some((repo >= holdout_from, name, zizmor, ours))
        })
        .collect();
    let results: Vec<_> = results.into_iter().flatten().collect();
    let skipped = files.len() - results.len();
    let mut table: BTreeMap<(&str, bool), Counts> = BTreeMap::new();
    let mut diff = String::from("split\tfile\tline\taudit\twho\tmessage\n");
    for (holdout, name, zizmor, ours) in &results {
        let split = if *holdout { "holdout" } else { "dev" };
        for (rule, _) in SECURITY_RULES {
            let z: Vec<&ZFinding> = zizmor.iter().filter(|z| z.rule == *rule).collect();
            let mut a: Vec<Option<&(String, u32, String)>> = ours.iter().filter(|o| o.0 == *rule).map(Some).collect();
            let c = table.entry((rule, *holdout)).or_default();
            c.zizmor += z.len();
            c.autoheal += a.len();
            let mut missed = Vec::new();
            for zf in z {
                let hit = a
                    .iter_mut()
                    .find(|o| o.is_some_and(|o| o.1 >= zf.start && o.1 <= zf.end));
                match hit {
                    Some(slot) => {
                        c.matched += 1;
                        *slot = None;
                    }
                    None => missed.push(zf),
                }
            }
            // zizmor places a repeated expression of one script at its first
            // occurrence; pair what is left within the next lines.
            for zf in missed {
                let hit = a
                    .iter_mut()
                    .find(|o| o.is_some_and(|o| o.1 >= zf.start.saturating_sub(2) && o.1 <= zf.end + NEARBY));
                match hit {
                    Some(slot) => {
                        c.matched += 1;
                        *slot = None;
                    }
                    None => diff.push_str(&format!(
                        "{split}\t{name}\t{}\t{rule}\tzizmor-only\t{}\n",
                        zf.start, zf.message
                    )),
                }
            }
            for o in a.into_iter().flatten() {
                diff.push_str(&format!("{split}\t{name}\t{}\t{rule}\tautoheal-only\t{}\n", o.1, o.2));
            }
        }
    }
    println!("| audit | split | zizmor | autoheal | overlap | recall |");
    println!("|---|---|---|---|---|---|");
    let mut totals = [Counts::default(); 2];
    for ((rule, holdout), c) in &table {
        let t = &mut totals[usize::from(*holdout)];
        t.zizmor += c.zizmor;
        t.autoheal += c.autoheal;
        t.matched += c.matched;
        if c.zizmor + c.autoheal == 0 {
            continue;
        }
        println!(
            "| `{rule}` | {} | {} | {} | {} | {} |",
            if *holdout { "holdout" } else { "dev" },
            c.zizmor,
            c.autoheal,
            c.matched,
            recall(c)
        );
    }
    for (i, t) in totals.iter().enumerate() {
        println!(
            "| **all** | {} | {} | {} | {} | {} |",
            if i == 1 { "holdout" } else { "dev" },
            t.zizmor,
            t.autoheal,
            t.matched,
            recall(t)
        );
    }
    println!(
        "\n{} files compared; {skipped} left out (zizmor could not load them).",
        results.len()
    );
    let out = std::env::temp_dir().join("autoheal-zizmor-diff.tsv");
    std::fs::write(&out, diff)?;
    eprintln!("differences: {}", out.display());
    Ok(())
}

fn recall(c: &Counts) -> String {
    if c.zizmor == 0 {
        "–".into()
    } else {
        format!("{:.2}", c.matched as f64 / c.zizmor as f64)
    }
}

fn repo_of(base: &Path, f: &Path) -> String {
    f.strip_prefix(base)
        .ok()
        .and_then(|r| r.components().next())
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// `<repo dir>%<file name>.sarif`: one flat directory for all outputs.
fn sarif_name(base: &Path, f: &Path) -> String {
    let rel = f.strip_prefix(base).unwrap_or(f).to_string_lossy().replace('/', "%");
    format!("{rel}.sarif")
}

/// Regular-persona findings at medium or high severity and confidence.
fn read_sarif(path: &Path) -> Option<Vec<ZFinding>> {
    let text = std::fs::read_to_string(path).ok()?;
    let v = serde_json::from_str::<Value>(&text).ok()?;
    let strong = |s: &Value| matches!(s.as_str(), Some("Medium" | "High"));
    v["runs"][0]["results"].as_array().map(|rs| {
        rs.iter()
            .filter(|r| {
                let p = &r["properties"];
                strong(&p["zizmor/severity"]) && strong(&p["zizmor/confidence"]) && p["zizmor/persona"] == "Regular"
            })
            .filter_map(|r| {
                let region = &r["locations"][0]["physicalLocation"]["region"];
                let start = region["startLine"].as_u64()? as u32;
                Some(ZFinding {
                    rule: r["ruleId"].as_str()?.trim_start_matches("zizmor/").to_string(),
                    start,
                    end: region["endLine"].as_u64().map_or(start, |e| e as u32),
                    message: r["message"]["text"].as_str().unwrap_or("").replace(['\t', '\n'], " "),
                })
            })
            .collect()
    })
}
