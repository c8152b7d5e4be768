//! The fixes of a saved run, read back as the engine's [`Fix`].
//!
//! `diagnose --save` stores each failure's fixes as `diagnose --format json`
//! prints them (`autoheal_engine::json::FixJson`: `title`, `explanation`,
//! `applicability`, `fallback`, and `edits` each with `path`, `byte_range`,
//! `new_text` and a line/column `range`). That is the store's one shape;
//! this module reads it (the byte range, not the line/column one) into the
//! engine's one `Fix`/`Edit` type, and says when the saved fixes may not be
//! offered as they are.

use autoheal_engine::{Applicability, Edit, Fix, TextRange};
use serde::Deserialize;

use super::{Failure, SavedRun};

/// A fix as `FixJson` writes it; members it does not need (`range`) are
/// ignored.
#[derive(Deserialize)]
struct StoredFix {
    title: String,
    #[serde(default)]
    explanation: String,
    applicability: Applicability,
    #[serde(default)]
    fallback: bool,
    edits: Vec<StoredEdit>,
}

#[derive(Deserialize)]
struct StoredEdit {
    path: String,
    byte_range: [usize; 2],
    new_text: String,
}

/// One stored fix as a [`Fix`] whose every edit is to `workflow_path`, or
/// `None`: not the store's shape, a byte range that ends before it starts,
/// no edits, an edit to another file (only the
/// workflow's bytes are pinned by `workflow_hash`; another file may have
/// changed since the run), or a fallback not at the display-only level
/// (every fallback is display-only, so no applier takes it).
fn read(value: &serde_json::Value, workflow_path: &str) -> Option<Fix> {
    let stored = StoredFix::deserialize(value).ok()?;
    if stored.edits.is_empty() || (stored.fallback && stored.applicability != Applicability::DisplayOnly) {
        return None;
    }
    let edits = stored
        .edits
        .into_iter()
        .map(|e| {
            let [start, end] = e.byte_range;
            (start <= end && e.path.trim_start_matches("./") == workflow_path)
                .then(|| Edit::replace(workflow_path, TextRange::new(start, end), e.new_text))
        })
        .collect::<Option<Vec<Edit>>>()?;
    Some(Fix {
        title: stored.title,
        explanation: stored.explanation,
        applicability: stored.applicability,
        fallback: stored.fallback,
        edits,
    })
}

impl SavedRun {
    /// The fixes saved with `failure` (one of this run's), to offer as they
    /// are on the workflow whose bytes hash to `workflow_hash` (the caller
    /// checks that). `None` when they may not be offered as saved, so a
    /// reader makes them again for the current text: the file is older than
    /// [`super::SAVED_RUN_VERSION`] 2 ([`SavedRun::saved_fixes_current`]),
    /// or any one of them does not read (see `read`): all or none, so a fix
    /// dropped here is never missing beside the ones kept.
    ///
    /// Every fix comes back display-only, whatever level the file gives: a
    /// run file is not verified against the text as a fix made for it is,
    /// and may not be the reader's own (`.autoheal/failures/` can come with a
    /// clone or a pull request), so nothing applies it without a person's
    /// look (never a preferred quick fix, never in a fix-all or a plan).
    pub fn saved_fixes(&self, failure: &Failure) -> Option<Vec<Fix>> {
        if !self.saved_fixes_current() {
            return None;
        }
        failure
            .fixes
            .iter()
            .map(|v| {
                read(v, &self.workflow_path).map(|fix| Fix {
                    applicability: Applicability::DisplayOnly,
                    ..fix
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{Analysis, SAVED_RUN_VERSION};

    const WF: &str = ".github/workflows/ci.yml";
    const TEXT: &str = "jobs:\n  t:\n    steps:\n      - run: pip install pytest\n";

    fn install() -> Fix {
        let at = TEXT.find("pytest").expect("in text") + "pytest".len();
        Fix::safe("Install PyYAML", vec![Edit::insert(WF, at, " PyYAML")]).with_explanation("why")
    }

    /// A run holding `fixes` as `diagnose --save` writes them: each through
    /// the engine's JSON writer, the one `diagnose --format json` prints.
    fn run_with(fixes: &[Fix]) -> SavedRun {
        let text_of = |p: &str| (p == WF).then(|| TEXT.to_string());
        let mut analysis = Analysis::new(vec![Failure::default()]);
        analysis.failures[0].fixes = fixes
            .iter()
            .map(|f| autoheal_engine::json::fix_json(f, &text_of))
            .collect();
        let run = SavedRun::new(&analysis, WF, Some(TEXT.as_bytes()));
        SavedRun::from_json(&run.to_json()).expect("reads back")
    }

    fn saved(run: &SavedRun) -> Option<Vec<Fix>> {
        run.saved_fixes(&run.failures[0])
    }

    #[test]
    fn the_fixes_diagnose_save_writes_read_back_as_the_same_fixes() {
        let mut guess = Fix::display_only("Use `b`", vec![Edit::replace(WF, TextRange::new(0, 4), "on")]);
        guess
            .edits
            .push(Edit::replace(format!("./{WF}"), TextRange::new(5, 5), "x"));
        let skip = Fix::fallback("Skip the step", vec![Edit::insert(WF, 0, "#")]);
        let run = run_with(&[install(), guess.clone(), skip.clone()]);
        assert_eq!(run.version, SAVED_RUN_VERSION);
        guess.edits[1].path = WF.to_string();
        // Read back as written, but display-only: the "safe" the file gives
        // is not trusted.
        let shown_only = Fix {
            applicability: Applicability::DisplayOnly,
            ..install()
        };
        assert_eq!(saved(&run), Some(vec![shown_only, guess, skip]));
        assert_eq!(saved(&run_with(&[])), Some(vec![]));
    }

    #[test]
    fn an_older_file_gives_no_saved_fix() {
        let mut run = run_with(&[install()]);
        for version in [1, 0] {
            run.version = version;
            assert_eq!(saved(&run), None);
        }
    }

    /// The engine's own serde shape of `Fix` (a `{start, end}` range and no
    /// `byte_range`) is not what the store holds: it does not read, and
    /// neither do its siblings.
    #[test]
    fn another_shape_or_a_fix_that_cannot_be_trusted_drops_every_saved_fix() {
        let mut run = run_with(&[install()]);
        let own_shape = serde_json::to_value(install()).expect("json");
        assert!(own_shape["edits"][0].get("byte_range").is_none());
        run.failures[0].fixes.push(own_shape);
        assert_eq!(saved(&run), None);

        let mut elsewhere = install();
        elsewhere.edits.push(Edit::insert("requirements.txt", 0, "PyYAML\n"));
        let unsafe_fallback = Fix {
            applicability: Applicability::Unsafe,
            ..Fix::fallback("Skip the step", vec![Edit::insert(WF, 0, "#")])
        };
        let no_edits = Fix::safe("Nothing", vec![]);
        for bad in [elsewhere, unsafe_fallback, no_edits] {
            assert_eq!(saved(&run_with(&[install(), bad.clone()])), None, "{bad:?}");
        }

        let mut reversed = run_with(&[install()]);
        reversed.failures[0].fixes[0]["edits"][0]["byte_range"] = serde_json::json!([9, 3]);
        assert_eq!(saved(&reversed), None);
        reversed.failures[0].fixes[0] = serde_json::json!("not a fix");
        assert_eq!(saved(&reversed), None);
    }
}
