//! Which places of a workflow a verification re-lint must check again for
//! the rules whose findings split by place ([`SCOPED_RULES`]), when the
//! edits left the rest of the file as it was.
//!
//! A patched re-lint ([`crate::yaml::patch`]) runs every error-capable
//! rule whose reads the edits touched; `schema` reads everything
//! ([`super::ReadPaths::Everything`]), so it ran whole on every re-lint,
//! though a verified fix edits a few jobs or steps. Its findings split by
//! place: those on a step depend on that step's node alone, those on a job's
//! own keys on that job's entry, and those of the workflow level on the
//! entries outside `jobs:` (and that `jobs:` is a non-empty mapping). So
//! in a re-lint whose edits fall inside some jobs and steps, the rule checks
//! those ([`Context::rechecks`](super::Context::rechecks)), and its errors
//! elsewhere are its errors before, moved ([`unchanged`]): verification
//! counts errors by message and place over the whole file. The places are
//! drawn in the edited text: a job from its id to the end of its value; a
//! step from the start of its first line (its `-`) to the next step's first
//! line, the last one to the end of its node; the workflow level is what no
//! job holds. An edit's place is where its new text lies in the edited text
//! (an insertion after a step's last line extends that step's node). A
//! message that names a line (`case-duplicate`'s "(line N)") is not the same
//! once lines are inserted above it, so a re-lint that would reuse one runs
//! the rule whole ([`LINE_NUMBERED_CODES`]). Debug builds compare every
//! scoped re-lint with the whole one ([`mismatch`]), and a test does on
//! edits of every rule fixture.

use crate::diagnostic::Edit;
#[cfg(any(test, debug_assertions))]
use crate::lint::LintOptions;
use crate::text::TextRange;
use crate::yaml::{Document, Entry, Node};

/// The rules whose checks consult [`EditedPlaces`]: each checks a job only
/// where [`super::Context::rechecks`] says so, a step likewise, and the
/// workflow level where [`super::Context::rechecks_workflow_level`] does.
pub(crate) const SCOPED_RULES: &[&str] = &[super::schema::RULE.id];

/// Codes whose messages name a line of the file: reused from before an
/// edit above them, they would carry the old line.
pub(crate) const LINE_NUMBERED_CODES: &[&str] = &[super::schema::codes::CASE_DUPLICATE];

/// Where the edits of one re-lint put their new text, in the edited file.
#[derive(Debug)]
pub(crate) struct EditedPlaces {
    /// Each edit's new text (a point for a deletion), widened when another
    /// edit ends where it starts (either may come first).
    edited: Vec<TextRange>,
    /// Whether an edit lies outside every job.
    workflow_level: bool,
}

impl EditedPlaces {
    /// The places of `edits`, applied to give the tree `edited`.
    pub(crate) fn new(edits: &[&Edit], edited: &Document) -> Self {
        let delta = |e: &Edit| e.new_text.len() as isize - e.range.len() as isize;
        let ranges: Vec<TextRange> = edits
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let at = e.range.start;
                let others = || edits.iter().enumerate().filter(move |(j, _)| *j != i).map(|(_, f)| f);
                let before: isize = others().filter(|f| f.range.end < at).map(|f| delta(f)).sum();
                let touching: isize = others()
                    .filter(|f| f.range.end == at && f.range.start <= at)
                    .map(|f| delta(f))
                    .sum();
                let a = at.saturating_add_signed(before);
                let b = at.saturating_add_signed(before + touching);
                TextRange::new(a.min(b), a.max(b) + e.new_text.len())
            })
            .collect();
        let jobs: Vec<TextRange> = jobs(edited).map(job_region).collect();
        let workflow_level = ranges
            .iter()
            .any(|r| !jobs.iter().any(|j| j.start <= r.start && r.end <= j.end));
        EditedPlaces {
            edited: ranges,
            workflow_level,
        }
    }

    /// Whether an edit's new text meets `region` (ends included).
    pub(crate) fn hits(&self, region: TextRange) -> bool {
        self.edited
            .iter()
            .any(|e| e.start <= region.end && region.start <= e.end)
    }

    /// Whether an edit lies outside every job.
    pub(crate) fn workflow_level(&self) -> bool {
        self.workflow_level
    }
}

/// The entries of the workflow's `jobs:` mapping.
fn jobs(doc: &Document) -> impl Iterator<Item = &Entry> {
    doc.root
        .as_ref()
        .and_then(|root| root.get("jobs"))
        .and_then(Node::as_mapping)
        .unwrap_or_default()
        .iter()
}

/// A job's place: from its id to the end of its value.
pub(crate) fn job_region(job: &Entry) -> TextRange {
    TextRange::new(job.key.span.start, job.value.span.end.max(job.key.span.end))
}

/// Each step's place in `source`: from the start of its first line to the
/// start of the next step's (exclusive), the last one to the end of its
/// node. `None` when two steps start on one line (a flow sequence): their
/// places cannot be told apart, so every step is checked.
pub(crate) fn step_regions(source: &str, steps: &[Node]) -> Option<Vec<TextRange>> {
    let starts: Vec<usize> = steps
        .iter()
        .map(|s| crate::edit::line_start(source, s.span.start))
        .collect();
    if starts.windows(2).any(|w| w[0] >= w[1]) {
        return None;
    }
    let ends = starts
        .iter()
        .skip(1)
        .map(|next| next - 1)
        .chain(steps.last().map(|s| s.span.end));
    Some(
        starts
            .iter()
            .zip(ends)
            .map(|(a, b)| TextRange::new(*a, b.max(*a)))
            .collect(),
    )
}

/// Of a scoped rule's `errors` before `edits`, those at places the edits
/// did not meet, at their places after the edits: what a re-lint checking
/// only the places in `places` leaves out of the whole re-lint's. `text` is
/// the edited text, `edited` its tree.
pub(crate) fn unchanged<T>(
    errors: impl IntoIterator<Item = (T, TextRange)>,
    places: &EditedPlaces,
    text: &str,
    edited: &Document,
    edits: &[&Edit],
) -> Vec<(T, TextRange)> {
    let inside = |outer: TextRange, r: TextRange| outer.start <= r.start && r.end <= outer.end;
    let reused = |r: TextRange| {
        for job in jobs(edited) {
            let region = job_region(job);
            if !inside(region, r) {
                continue;
            }
            if !places.hits(region) {
                return true;
            }
            let steps = job.value.get("steps").and_then(Node::as_sequence).unwrap_or_default();
            return step_regions(text, steps)
                .is_some_and(|regions| regions.iter().any(|s| inside(*s, r) && !places.hits(*s)));
        }
        !places.workflow_level
    };
    errors
        .into_iter()
        .map(|(e, r)| (e, crate::edit::moved_past(edits, r)))
        .filter(|(_, r)| reused(*r))
        .collect()
}

/// How a re-lint of `text` (`source` with `edits`) checking only the places
/// the edits met for the [`SCOPED_RULES`], completed by their errors before
/// elsewhere (moved), differs from a re-lint of the whole file; `None` when
/// it does not.
#[cfg(any(test, debug_assertions))]
pub(crate) fn mismatch(
    path: &str,
    source: &str,
    text: &str,
    edits: &[&Edit],
    opts: &LintOptions<'_>,
) -> Option<String> {
    let rules: Vec<&super::Rule> = SCOPED_RULES.iter().filter_map(|id| super::rule(id)).collect();
    let edited = crate::yaml::parse(text.as_bytes());
    let original = crate::yaml::parse(source.as_bytes());
    let places = EditedPlaces::new(edits, &edited);
    let errors = |text: &str, doc: &Document, places: Option<&EditedPlaces>| {
        super::relint_errors(path, text, doc, opts, &rules, super::RelintScope { jobs: None, places })
    };
    let reused = unchanged(errors(source, &original, None), &places, text, &edited, edits);
    if reused
        .iter()
        .any(|((_, code, _), _)| LINE_NUMBERED_CODES.contains(code))
    {
        return None;
    }
    let mut expected = errors(text, &edited, Some(&places));
    expected.extend(reused);
    let mut whole = errors(text, &edited, None);
    expected.sort();
    whole.sort();
    (expected != whole).then(|| {
        format!("the rules {SCOPED_RULES:?} scoped to the places of edits {edits:?} ({places:?}) find {expected:?}, the whole re-lint {whole:?}")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::yaml;

    /// Every rule fixture, edited everywhere the patch applies with entries
    /// the schema reads (known and unknown keys of jobs and steps, wrong
    /// types, a changed word of any scalar), one edit at a time and in
    /// pairs (each edit with the one a few places later, in the same job
    /// or not): wherever the re-lint is scoped, it finds with the errors
    /// before at the places it left out exactly what the whole re-lint
    /// finds.
    #[test]
    fn a_relint_scoped_to_the_edited_places_finds_what_the_whole_one_finds() {
        let config = Config::default();
        let opts = LintOptions {
            verify_fixes: false,
            ..LintOptions::new(&config)
        };
        let path = ".github/workflows/f.yml";
        let (mut compared, mut left_out) = (0usize, 0usize);
        for (file, source, doc, errors) in crate::rules::test_support::clean_workflow_fixtures(path, &opts) {
            // As verification: no suppression comments.
            if source.contains(": ignore") {
                continue;
            }
            let edits = crate::rules::test_support::sweep_edits(
                &source,
                &doc,
                &[
                    "timeout-minutes: 5",
                    "timeout-minutes: x",
                    "foo: bar",
                    "runs-on: x",
                    "with: x",
                    "shell: bash",
                    "env: x",
                    "Env: {}",
                    "steps: x",
                    // A whole step, the commonest fix shape (a setup step
                    // before the failing one).
                    "- run: x",
                ],
                &[
                    "foo: bar",
                    "timeout-minutes: 5",
                    "continue-on-error: x",
                    "- uses: actions/checkout@v4",
                ],
            );
            let singles = edits.iter().map(|e| vec![e]);
            let pairs = edits
                .iter()
                .zip(edits.iter().skip(7))
                .filter(|(a, b)| a.range.end < b.range.start)
                .map(|(a, b)| vec![a, b]);
            for group in singles.chain(pairs) {
                let Ok(text) = crate::fix::apply_edits("f.yml", &source, &group) else {
                    continue;
                };
                let Some((patched, _)) = yaml::patch::apply_touched(&source, &doc, &group, &text) else {
                    continue;
                };
                let inside_an_error = group
                    .iter()
                    .any(|e| errors.iter().any(|r| e.range.start <= r.end && r.start <= e.range.end));
                if inside_an_error {
                    continue;
                }
                compared += 1;
                let places = EditedPlaces::new(&group, &patched);
                let steps_left = jobs(&patched).any(|j| {
                    let steps = j.value.get("steps").and_then(Node::as_sequence).unwrap_or_default();
                    !places.hits(job_region(j))
                        || step_regions(&text, steps).is_some_and(|r| r.iter().any(|s| !places.hits(*s)))
                });
                left_out += usize::from(steps_left && !places.workflow_level());
                if let Some(m) = mismatch(path, &source, &text, &group, &opts) {
                    panic!("{}: {m}", file.display());
                }
            }
        }
        eprintln!("{compared} scoped re-lints compared, {left_out} of them leaving out a job or step");
        assert!(
            compared > 2000 && left_out > 1000,
            "{compared} compared, {left_out} leaving something out"
        );
    }

    /// Places: a job from its id to the end of its value, a step from its
    /// line's start to the next step's; an insertion after a step's last
    /// line meets that step only, one in a job's keys that job only, one
    /// before `jobs:` the workflow level.
    #[test]
    fn an_edit_meets_the_job_and_step_its_text_lies_in() {
        let source = "on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: one\n      - run: two\n  b:\n    runs-on: y\n";
        let at = |s: &str| source.find(s).expect("in source") + s.len();
        let cases: [(Edit, &[bool]); 3] = [
            (
                Edit::insert("f", at("run: one"), "\n        shell: bash"),
                &[true, true, false, false],
            ),
            (
                Edit::insert("f", at("runs-on: y"), "\n    timeout-minutes: 5"),
                &[false, false, false, true],
            ),
            (
                Edit::insert("f", at("on: push\n"), "permissions: {}\n"),
                &[false, false, false, false],
            ),
        ];
        for (i, (edit, expected)) in cases.iter().enumerate() {
            let text = crate::fix::apply_edits("f", source, &[edit]).expect("applies");
            let doc = yaml::parse(text.as_bytes());
            let places = EditedPlaces::new(&[edit], &doc);
            let jobs: Vec<&Entry> = jobs(&doc).collect();
            let steps = jobs[0].value.get("steps").and_then(Node::as_sequence).expect("steps");
            let regions = step_regions(&text, steps).expect("one step a line");
            let hits = [
                places.hits(job_region(jobs[0])),
                places.hits(regions[0]),
                places.hits(regions[1]),
                places.hits(job_region(jobs[1])),
            ];
            assert_eq!(&hits, expected, "case {i}");
            assert_eq!(places.workflow_level(), i == 2, "case {i}");
        }
        // Two steps on one line cannot be told apart.
        let flow = yaml::parse(b"jobs:\n  a:\n    steps: [{run: a}, {run: b}]\n");
        let steps = jobs(&flow)
            .next()
            .and_then(|j| j.value.get("steps"))
            .and_then(Node::as_sequence);
        assert!(step_regions("jobs:\n  a:\n    steps: [{run: a}, {run: b}]\n", steps.expect("steps")).is_none());
    }
}
