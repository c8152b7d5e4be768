//! `cargo xtask eval corpus`: every real workflow and action must lint
//! without a panic; error-severity findings are listed for review; the fixes
//! verified in batches must be the ones verified one by one. It also counts
//! the error and warning findings that sit inside a multi-line scalar below
//! its first line, where actionlint would report them on that first line
//! (see `actionlint::actionlint_line`): how often the two tools' lines differ.
//! And every tree that verification builds from the original parse instead of
//! parsing (`yaml::patch`) must equal the parse of the edited text.

use std::collections::BTreeMap;
use std::path::Path;

use autoheal_engine::config::Config;
use autoheal_engine::fix::{self, Relinted};
use autoheal_engine::lint::{LintOptions, lint, lint_counted, relint};
use autoheal_engine::{Diagnostic, Edit, Fix, LineIndex, Severity, yaml};

pub fn run(corpus: &Path) -> anyhow::Result<()> {
    let config = Config::default();
    let opts = LintOptions::new(&config);
    let mut panics = Vec::new();
    let mut by_rule: BTreeMap<(&str, Severity), usize> = BTreeMap::new();
    let mut errors = Vec::new();
    let mut total = 0;
    let mut fixed_files = 0;
    let mut not_idempotent = Vec::new();
    let mut batch_differs = Vec::new();
    let (mut patched, mut patch_differs) = (0usize, Vec::new());
    let (mut fast_read, mut reader_differs) = (0usize, Vec::new());
    let mut serious = 0;
    let mut moved_by_actionlint: BTreeMap<&str, usize> = BTreeMap::new();
    for sub in ["workflows", "actions"] {
        for path in crate::files_under(&corpus.join(sub), &[".yml", ".yaml"]) {
            let bytes = std::fs::read(&path)?;
            let shown = path
                .strip_prefix(corpus)
                .unwrap_or(&path)
                .to_string_lossy()
                .into_owned();
            // Corpus names flatten paths (`.github__workflows__ci.yml`); give
            // the engine the real shape so file kinds are detected.
            let logical = shown.replace("__", "/");
            total += 1;
            match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| lint(&logical, &bytes, &opts))) {
                Err(_) => panics.push(shown),
                Ok(diags) => {
                    let text = String::from_utf8_lossy(&bytes);
                    // Every offered fix is verified by `lint`; `check
                    // --fix=unsafe` run twice must give the same bytes as once.
                    if let Ok(src) = std::str::from_utf8(&bytes) {
                        if !one_by_one_agrees(&logical, src, &opts, &diags) {
                            batch_differs.push(shown.clone());
                        }
                        let (n, same) = patches_agree(&logical, src, &opts);
                        patched += n;
                        if !same {
                            patch_differs.push(shown.clone());
                        }
                        let once = fix_all(&logical, src, &opts);
                        // The fast YAML reader must build saphyr's tree of
                        // every text it reads, before and after the fixes.
                        for text in [src, once.as_str()] {
                            match autoheal_engine::yaml::fast_reader_agrees(text) {
                                Some(true) => fast_read += 1,
                                Some(false) => reader_differs.push(shown.clone()),
                                None => {}
                            }
                        }
                        if once != src {
                            fixed_files += 1;
                            if fix_all(&logical, &once, &opts) != once {
                                not_idempotent.push(shown.clone());
                            }
                        }
                    }
                    let idx = LineIndex::new(&text);
                    let scalars = crate::actionlint::multi_line_scalars(&text, &idx);
                    for d in diags.iter().filter(|d| d.severity >= Severity::Warning) {
                        serious += 1;
                        let own = idx.line_column(&text, d.range.start).line;
                        if crate::actionlint::actionlint_line(d, &scalars).is_some_and(|l| l != own) {
                            *moved_by_actionlint.entry(d.code).or_default() += 1;
                        }
                    }
                    for d in diags {
                        *by_rule.entry((d.rule, d.severity)).or_default() += 1;
                        if d.severity == Severity::Error {
                            let p = idx.line_column(&text, d.range.start);
                            errors.push(format!("{shown}:{}:{}: {} [{}]", p.line, p.column, d.message, d.rule));
                        }
                    }
                }
            }
        }
    }
    println!("linted {total} files; {} panics", panics.len());
    println!(
        "fixes (safe and unsafe) applied to {fixed_files} files; applying them again changed {} files",
        not_idempotent.len()
    );
    for p in &not_idempotent {
        println!("NOT IDEMPOTENT {p}");
    }
    println!(
        "fixes verified in batches and one by one differ in {} files",
        batch_differs.len()
    );
    for p in &batch_differs {
        println!("BATCH DIFFERS {p}");
    }
    println!(
        "edited trees built from the original parse: {patched}; different from the parse of the edited text in {} files",
        patch_differs.len()
    );
    for p in &patch_differs {
        println!("PATCH DIFFERS {p}");
    }
    println!(
        "texts read by the fast YAML reader (each file, before and after its fixes): {fast_read}; a tree different from saphyr's in {} files",
        reader_differs.len()
    );
    for p in &reader_differs {
        println!("FAST READER DIFFERS {p}");
    }
    for p in &panics {
        println!("PANIC {p}");
    }
    println!("findings by rule and severity:");
    for ((rule, sev), n) in &by_rule {
        println!("  {rule:<24} {sev:<8} {n}");
    }
    let moved: usize = moved_by_actionlint.values().sum();
    let by_code: Vec<String> = moved_by_actionlint.iter().map(|(c, n)| format!("{c} {n}")).collect();
    println!(
        "error and warning findings inside a multi-line scalar, below its first line (actionlint's line would be that first line): {moved} of {serious}{}",
        if by_code.is_empty() {
            String::new()
        } else {
            format!(" ({})", by_code.join(", "))
        }
    );
    println!("error-severity findings ({}):", errors.len());
    for e in &errors {
        println!("  {e}");
    }
    if !not_idempotent.is_empty() {
        anyhow::bail!(
            "{} files changed when their fixes were applied twice",
            not_idempotent.len()
        );
    }
    if !batch_differs.is_empty() {
        anyhow::bail!(
            "{} files keep other fixes when verified in batches",
            batch_differs.len()
        );
    }
    if !patch_differs.is_empty() {
        anyhow::bail!(
            "{} files where a patched tree differs from the parse",
            patch_differs.len()
        );
    }
    if !reader_differs.is_empty() {
        anyhow::bail!(
            "{} files where the fast YAML reader's tree differs from saphyr's",
            reader_differs.len()
        );
    }
    if !panics.is_empty() {
        anyhow::bail!("{} files panicked", panics.len());
    }
    Ok(())
}

/// Apply every verified fix (safe and unsafe, a stricter test than safe
/// only) that merges without conflict.
/// Every fix, safe and unsafe, applied the way `check --fix=unsafe` does
/// (round after round, verified together).
fn fix_all(path: &str, text: &str, opts: &LintOptions<'_>) -> String {
    let relint = |t: &str| relint(path, t, opts);
    let linted = relint(text);
    autoheal_engine::fix::apply_in_rounds(path, text, linted, &|_| true, &relint).text
}

/// For each fix offered on `src`, and for all of them merged: when
/// `yaml::patch` builds the edited tree from the original parse, is it the
/// parse of the edited text? Returns how many trees were built, and whether
/// all were equal.
fn patches_agree(path: &str, src: &str, opts: &LintOptions<'_>) -> (usize, bool) {
    let unverified = LintOptions {
        verify_fixes: false,
        ..LintOptions::new(opts.config)
    };
    let doc = yaml::parse(src.as_bytes());
    let diags = autoheal_engine::lint::lint_parsed(path, src, &doc, &unverified);
    let fixes: Vec<&Fix> = diags.iter().flat_map(|d| &d.fixes).collect();
    let (merged, taken) = fix::apply_compatible(path, src, &fixes);
    let merged_edits: Vec<&Edit> = taken.iter().flat_map(|f| &f.edits).collect();
    let mut cases: Vec<(String, Vec<&Edit>)> = vec![(merged, merged_edits)];
    for f in &fixes {
        let edits: Vec<_> = f.edits.iter().filter(|e| e.path == path).collect();
        if let Ok(text) = fix::apply_edits(path, src, &edits) {
            cases.push((text, edits));
        }
    }
    let (mut built, mut same) = (0, true);
    for (text, edits) in &cases {
        if let Some(patched) = yaml::patch::apply(src, &doc, edits, text) {
            built += 1;
            same &= patched == yaml::parse(text.as_bytes());
        }
    }
    (built, same)
}

/// Do the fixes `lint` kept (verified in batches, `autoheal_engine::fix_batch`)
/// match the ones [`fix::verify`] keeps, one fix at a time?
fn one_by_one_agrees(path: &str, src: &str, opts: &LintOptions<'_>, batched: &[Diagnostic]) -> bool {
    let unverified = LintOptions {
        verify_fixes: false,
        ..LintOptions::new(opts.config)
    };
    let Relinted {
        parse_errors,
        diagnostics: before,
    } = lint_counted(path, src.as_bytes(), &unverified);
    let relint = |text: &str| relint(path, text, opts);
    let single: Vec<Vec<&str>> = before
        .iter()
        .map(|d| {
            d.fixes
                .iter()
                .filter(|f| fix::verify(path, src, f, d, &before, parse_errors, &relint).is_ok())
                .map(|f| f.title.as_str())
                .collect()
        })
        .collect();
    let kept: Vec<Vec<&str>> = batched
        .iter()
        .map(|d| d.fixes.iter().map(|f| f.title.as_str()).collect())
        .collect();
    single == kept
}
