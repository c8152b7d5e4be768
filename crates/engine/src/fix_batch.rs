//! Verifying all the fixes of one file with few re-lints.
//!
//! [`crate::fix::verify`] re-parses and re-lints the file once per fix. JSON
//! and SARIF show every fix of every finding, and some rules offer one per
//! job, so that was a re-lint per finding: the cost grew with the square of
//! the file. Here fixes whose edits are apart from each other are applied
//! together and the result is linted once. A batch that does not pass is
//! split in halves until each half passes or is a single fix, which gets the
//! one-fix [`crate::fix::verify`]: a fix is never kept on weaker evidence
//! than before, and one bad fix costs about two re-lints per halving.
//!
//! A batch takes only fixes whose finding and edits all lie in one job's
//! lines (from its id to the next job's), and per job either one fix or
//! fixes each inside a different step (from its `-` to the end of its last
//! line): a rule's finding on a job or step depends on that text, so a fix
//! in one job or step does not make another one's finding go away. A rule
//! whose job findings read only the job's own keys ([`Rule::job_keys_only`],
//! e.g. `timeout`) has its fixes that stay outside the job's `steps:` block
//! batched with that job's step fixes too (but with no other fix on the
//! job's keys): no step fix can change what its finding reads. Fixes
//! anywhere else (top-level keys, several jobs, other files, syntax) are
//! verified alone. A fix whose edits are exactly those of a fix already
//! taken, offered on another finding at the same place (template-injection
//! offers one fix, every `${{ }}` of a step moved to `env:`, on each of that
//! step's findings), joins the batch as that fix's companion: its edits are
//! applied once, and the batch must make both findings go away. Whatever
//! the batch's checks accept with both targets they accept with either
//! alone (same text, fewer targets to be gone, no fewer findings allowed to
//! stay), so a companion is kept exactly when one-by-one verification would
//! keep it; a failing batch is halved as before. What this does not cover: a rule that reads across jobs
//! or steps (`needs:`, a checkout and a later upload) could in principle see
//! one fix hide another's finding; the place-by-place checks below catch a
//! finding that moves or appears, not one that disappears for another fix's
//! reason. `cargo xtask eval` compares batched and one-by-one verification
//! on the whole corpus.
//!
//! A batch passes when, on the combined text:
//! - the file parses exactly as well as before (syntax fixes, which must
//!   make it parse better, are always verified alone);
//! - every target is gone: for each (rule, message), at least as many fewer
//!   findings as the batch has targets with it, and none left where an
//!   untouched target was;
//! - no new error: every error-severity finding is one that was there
//!   before, at the same place once the edits' shifts are accounted for
//!   (by place, so that one fix adding an error cannot hide behind another
//!   removing a like one elsewhere);
//! - no fix of the batch is offered again on the output.
//!
//! The batching's maps, keyed by our own job and step indices, hash with
//! FxHash (`rustc-hash`), not the standard library's SipHash, which was about
//! a tenth of verification's own instructions (outside its re-lints). The
//! checks' maps keep SipHash: their keys hold text of the file (messages, an
//! edit's new text), and FxHash is unseeded, so a hostile file could make
//! many keys collide, and every collision compares the texts themselves
//! (review95: the cost grows with the findings squared times the text's
//! length, not with the findings alone). Nothing iterates over a map in an
//! order that shows: every answer is the same whatever the hasher.

use std::cell::Cell;
use std::collections::BTreeMap;

use std::collections::{HashMap as TextMap, HashSet as TextSet};

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::diagnostic::{Diagnostic, Edit, Fix, Severity};
use crate::fix::{self, Relinted, apply_edits};
#[cfg(doc)]
use crate::rules::Rule;
use crate::text::TextRange;

/// One fix, as (diagnostic index, fix index) into the file's diagnostics.
type Candidate = (usize, usize);

/// Lints an edited text; the edits that made it from the original are
/// given too, so the parse before can be reused (see `yaml::patch`), and
/// the rules whose fixes the re-lint verifies (sorted, each once): all a
/// check below reads of another rule is its errors, so a re-lint may leave
/// out the fixes, and the findings below error, of every other rule.
pub type Relint<'a> = dyn Fn(&str, &[&Edit], &[&'static str]) -> Relinted + 'a;

/// Keep only the fixes of `diags` that verify on `source`; `parse_errors`
/// is the parse error count of `source`, `jobs` the workflow's jobs and
/// steps in order (see [`job_regions`]), `relint` lints an edited text
/// (given with the edits that made it from `source`).
/// Each re-lint counts [`relint_cost`] against `budget`; fixes left when
/// it is spent are dropped unverified (see `lint::MAX_RELINT_BYTES`).
pub fn verify_fixes(
    path: &str,
    source: &str,
    parse_errors: usize,
    diags: &mut [Diagnostic],
    jobs: &[JobRegion],
    relint: &Relint<'_>,
    budget: usize,
) {
    let before: Vec<Diagnostic> = diags.to_vec();
    let mut keep: Vec<Vec<bool>> = before.iter().map(|d| vec![false; d.fixes.len()]).collect();
    let mut alone: Vec<Candidate> = Vec::new();
    let mut pending: Vec<(Candidate, Place)> = Vec::new();
    for (i, d) in before.iter().enumerate() {
        for (j, f) in d.fixes.iter().enumerate() {
            let place = (d.rule != "syntax" && !f.edits.is_empty())
                .then(|| place_of(jobs, path, d, f))
                .flatten();
            match place {
                Some(place) => pending.push(((i, j), place)),
                None => alone.push((i, j)),
            }
        }
    }
    let file = File {
        path,
        source,
        parse_errors,
        before: &before,
        relint,
        budget,
        spent: Cell::new(0),
    };
    for c in alone {
        keep[c.0][c.1] = !file.exhausted() && file.verify_one(c);
    }
    while !pending.is_empty() && !file.exhausted() {
        let (batch, rest) = take_batch(&before, pending);
        file.verify_group(&batch, &mut keep);
        pending = rest;
    }
    for (d, keep) in diags.iter_mut().zip(keep) {
        let mut flags = keep.into_iter();
        d.fixes.retain(|_| flags.next().unwrap_or(false));
    }
}

/// A job's lines, and its steps' lines, in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JobRegion {
    pub range: TextRange,
    pub steps: Vec<TextRange>,
    /// From the start of the `steps` key's line to the end of the last
    /// step (its key alone when there are no step regions).
    pub steps_block: Option<TextRange>,
}

/// The byte ranges of a workflow's jobs, in order: each from the start of
/// its id's line to the start of the next job's id line, the last one to the
/// end of the line where the `jobs:` mapping ends; with each step's, from
/// the start of its first line to the end of its last. Jobs and steps
/// brought in by an alias are left out (their text is elsewhere).
pub fn job_regions(source: &str, jobs: &[crate::model::Job<'_>]) -> Vec<JobRegion> {
    use crate::edit::{line_end, line_start};
    let starts: Vec<(usize, bool)> = jobs
        .iter()
        .map(|j| {
            (
                line_start(source, j.entry.key.span.start),
                j.entry.value.alias.is_none(),
            )
        })
        .collect();
    let Some(last) = jobs.last() else { return Vec::new() };
    let end = line_end(source, last.entry.value.span.end.max(last.entry.key.span.end));
    let mut out: Vec<JobRegion> = Vec::with_capacity(starts.len());
    for (k, &(start, own)) in starts.iter().enumerate() {
        let next = starts.get(k + 1).map_or(end, |n| n.0);
        // Keys out of order (flow mappings on one line) give no usable region.
        if !own || next <= start || out.last().is_some_and(|r| r.range.end > start) {
            continue;
        }
        let range = TextRange::new(start, next);
        let steps_block = jobs[k].entry.value.entry("steps").map(|e| {
            let end = e.value.span.end.max(e.key.span.end);
            TextRange::new(line_start(source, e.key.span.start), line_end(source, end))
        });
        let mut steps: Vec<TextRange> = Vec::new();
        for step in jobs[k].steps.iter().filter(|s| s.node.alias.is_none()) {
            let s = TextRange::new(
                line_start(source, step.node.span.start),
                line_end(source, step.node.span.end),
            );
            let in_order = steps.last().is_none_or(|p| p.end < s.start);
            if in_order && range.start <= s.start && s.end <= range.end && s.start < s.end {
                steps.push(s);
            } else {
                // Steps on shared lines (flow style): no step regions.
                steps.clear();
                break;
            }
        }
        out.push(JobRegion {
            range,
            steps,
            steps_block,
        });
    }
    out
}

/// Where a batched fix lies: its job (an index into the regions), and the
/// part of it.
type Place = (usize, Part);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Part {
    /// Anywhere in the job.
    Whole,
    /// The job's own keys, outside its `steps:` block, by a rule whose
    /// findings read only those ([`Rule::job_keys_only`]).
    Keys,
    /// Inside the step with this index.
    Step(usize),
}

/// The job (and step) whose lines hold `target` and every edit of `fix` (all
/// in `path`, and apart from each other as [`take_batch`] needs; a batch
/// must always be able to take its first fix).
fn place_of(jobs: &[JobRegion], path: &str, target: &Diagnostic, fix: &Fix) -> Option<Place> {
    let k = jobs.partition_point(|r| r.range.end <= target.range.start);
    let job = jobs.get(k)?;
    let inside = |outer: TextRange, r: TextRange| outer.start <= r.start && r.end <= outer.end;
    let own_apart = fix.edits.iter().enumerate().all(|(k, a)| {
        fix.edits[k + 1..]
            .iter()
            .all(|b| a.range.end < b.range.start || b.range.end < a.range.start)
    });
    if !own_apart
        || !inside(job.range, target.range)
        || !fix.edits.iter().all(|e| e.path == path && inside(job.range, e.range))
    {
        return None;
    }
    let s = job.steps.partition_point(|r| r.end < target.range.start);
    let step = job
        .steps
        .get(s)
        .filter(|step| inside(**step, target.range) && fix.edits.iter().all(|e| inside(**step, e.range)));
    if step.is_some() {
        return Some((k, Part::Step(s)));
    }
    // Apart from the steps block, not even touching it.
    let off_steps = |r: TextRange| job.steps_block.is_none_or(|b| r.end < b.start || b.end < r.start);
    let keys = crate::rules::reads_only_job_keys(target.rule)
        && off_steps(target.range)
        && fix.edits.iter().all(|e| off_steps(e.range));
    Some((k, if keys { Part::Keys } else { Part::Whole }))
}

/// The largest set, in order, of fixes whose edits neither overlap nor touch
/// (so each edit's place in the combined text is known) with at most one fix
/// per job or per step (see the module documentation; so also at most one
/// per diagnostic, as alternatives would hide each other's failure), each
/// with its companions (the same edits, on another finding at the same
/// place); the rest wait for a later batch.
fn take_batch(before: &[Diagnostic], pending: Vec<(Candidate, Place)>) -> (Vec<Candidate>, Vec<(Candidate, Place)>) {
    // start -> end of every edit taken, to find the neighbours of a new one.
    let mut taken: BTreeMap<usize, usize> = BTreeMap::new();
    // Jobs with a fix of the whole job taken, with one of its keys, with any
    // fix taken, and steps.
    let (mut whole_jobs, mut key_jobs, mut any_jobs) = (HashSet::default(), HashSet::default(), HashSet::default());
    let mut steps: HashSet<(usize, usize)> = HashSet::default();
    // The fixes taken at each place, and the findings they target: a fix
    // that is not free may still join one of them as its companion.
    let mut at_place: HashMap<Place, Vec<&[Edit]>> = HashMap::default();
    let mut targeted: HashSet<usize> = HashSet::default();
    let (mut batch, mut rest) = (Vec::new(), Vec::new());
    for (c, place) in pending {
        let fix = &before[c.0].fixes[c.1];
        let companion = || {
            !targeted.contains(&c.0)
                && at_place
                    .get(&place)
                    .is_some_and(|taken| taken.contains(&fix.edits.as_slice()))
        };
        let apart = |e: &Edit| {
            let (s, t) = (e.range.start, e.range.end);
            let before_ok = taken.range(..=s).next_back().is_none_or(|(_, end)| *end < s);
            let after_ok = taken.range(s..).next().is_none_or(|(start, _)| *start > t);
            before_ok && after_ok
        };
        let free = match place {
            (job, Part::Whole) => !any_jobs.contains(&job),
            (job, Part::Keys) => !whole_jobs.contains(&job) && !key_jobs.contains(&job),
            (job, Part::Step(step)) => !whole_jobs.contains(&job) && !steps.contains(&(job, step)),
        };
        if free && fix.edits.iter().all(apart) {
            for e in &fix.edits {
                taken.insert(e.range.start, e.range.end);
            }
            any_jobs.insert(place.0);
            match place.1 {
                Part::Whole => whole_jobs.insert(place.0),
                Part::Keys => key_jobs.insert(place.0),
                Part::Step(step) => steps.insert((place.0, step)),
            };
            at_place.entry(place).or_default().push(&fix.edits);
            targeted.insert(c.0);
            batch.push(c);
        } else if companion() {
            targeted.insert(c.0);
            batch.push(c);
        } else {
            rest.push((c, place));
        }
    }
    (batch, rest)
}

/// The edits of `group`'s fixes, those of a fix with the same edits as an
/// earlier one (a companion, see [`take_batch`]) once.
fn group_edits<'d>(group: &[Candidate], before: &'d [Diagnostic]) -> Vec<&'d Edit> {
    let mut seen: TextSet<&[Edit]> = TextSet::default();
    group
        .iter()
        .map(|c| before[c.0].fixes[c.1].edits.as_slice())
        .filter(|edits| seen.insert(edits))
        .flatten()
        .collect()
}

/// What one re-lint costs against the budget, in bytes: the file's length,
/// plus [`FINDING_COST`] per finding of the original file. A re-lint's time
/// grows with the findings it builds again as much as with the bytes it
/// parses: a small file of hundreds of broken lines (the fuzzer's
/// `fuzz/regressions/lint/many-broken-keys.yml`) re-lints slowly, and
/// without this term its hundreds of fixes fit a budget meant for bytes.
pub fn relint_cost(source_len: usize, findings: usize) -> usize {
    source_len.max(1).saturating_add(findings.saturating_mul(FINDING_COST))
}

/// The bytes a finding counts as in [`relint_cost`].
pub const FINDING_COST: usize = 1024;

struct File<'a> {
    path: &'a str,
    source: &'a str,
    parse_errors: usize,
    before: &'a [Diagnostic],
    relint: &'a Relint<'a>,
    budget: usize,
    /// Re-lint cost spent so far (see [`relint_cost`]).
    spent: Cell<usize>,
}

impl File<'_> {
    fn fix(&self, c: Candidate) -> &Fix {
        &self.before[c.0].fixes[c.1]
    }

    /// Count one re-lint against the budget: may it run?
    fn afford(&self) -> bool {
        let cost = relint_cost(self.source.len(), self.before.len());
        self.spent.set(self.spent.get().saturating_add(cost));
        self.spent.get() <= self.budget
    }

    fn verify_one(&self, c: Candidate) -> bool {
        let target = &self.before[c.0];
        let fix = self.fix(c);
        // The edits `fix::verify` applies.
        let edits: Vec<&Edit> = fix.edits.iter().filter(|e| e.path == self.path).collect();
        let relint = |text: &str| (self.relint)(text, &edits, &[target.rule]);
        self.afford()
            && fix::verify(
                self.path,
                self.source,
                fix,
                target,
                self.before,
                self.parse_errors,
                &relint,
            )
            .is_ok()
    }

    /// Would the next re-lint be over the budget? Nothing is refunded, so
    /// every later one would be too.
    fn exhausted(&self) -> bool {
        let cost = relint_cost(self.source.len(), self.before.len());
        self.spent.get().saturating_add(cost) > self.budget
    }

    fn verify_group(&self, group: &[Candidate], keep: &mut [Vec<bool>]) {
        // Out of budget, the group's fixes are dropped at once: halving it
        // down to single fixes, each refused by the budget, still built the
        // combined text at every step, quadratic in the fixes of a
        // generated workflow of thousands of jobs.
        if self.exhausted() {
            return;
        }
        match group {
            [] => {}
            [one] => keep[one.0][one.1] = self.verify_one(*one),
            _ if self.passes(group) => group.iter().for_each(|c| keep[c.0][c.1] = true),
            _ => {
                let (a, b) = group.split_at(group.len() / 2);
                self.verify_group(a, keep);
                self.verify_group(b, keep);
            }
        }
    }

    /// Apply the group's fixes together, re-lint once, and check the result
    /// as the module documentation says.
    fn passes(&self, group: &[Candidate]) -> bool {
        let edits = group_edits(group, self.before);
        let Ok(new) = apply_edits(self.path, self.source, &edits) else {
            return false;
        };
        if !self.afford() {
            return false;
        }
        let mut verified: Vec<&'static str> = group.iter().map(|c| self.before[c.0].rule).collect();
        verified.sort_unstable();
        verified.dedup();
        let after = (self.relint)(&new, &edits, &verified);
        if after.parse_errors != self.parse_errors {
            return false;
        }
        let shifts = Shifts::new(&edits);
        let targets: Vec<&Diagnostic> = group.iter().map(|c| &self.before[c.0]).collect();

        // Every target gone. Only the verified rules' findings can share a
        // target's (rule, message), so only they are counted: hashing every
        // finding of the file, message copied, per batch was a tenth of
        // the bookkeeping.
        fn by_message<'d>(
            list: impl Iterator<Item = &'d Diagnostic>,
            verified: &[&str],
        ) -> TextMap<(&'static str, &'d str), usize> {
            counts_by(
                list.filter(|d| verified.contains(&d.rule))
                    .map(|d| (d.rule, d.message.as_str())),
            )
        }
        let (was, is) = (
            by_message(self.before.iter(), &verified),
            by_message(after.diagnostics.iter(), &verified),
        );
        let wanted = by_message(targets.iter().copied(), &verified);
        for (key, n) in &wanted {
            if is.get(key).copied().unwrap_or(0) + n > was.get(key).copied().unwrap_or(0) {
                return false;
            }
        }
        fn at(d: &Diagnostic, range: TextRange) -> (&'static str, &str, usize, usize) {
            (d.rule, d.message.as_str(), range.start, range.end)
        }
        let after_places: TextMap<_, usize> = counts_by(
            after
                .diagnostics
                .iter()
                .filter(|d| verified.contains(&d.rule))
                .map(|d| at(d, d.range)),
        );
        if targets
            .iter()
            .filter_map(|t| Some(at(t, shifts.map(t.range)?)))
            .any(|place| after_places.contains_key(&place))
        {
            return false;
        }

        // No new error, by place.
        let mut is_target = vec![false; self.before.len()];
        group.iter().for_each(|c| is_target[c.0] = true);
        let mut remaining = counts_by(
            self.before
                .iter()
                .zip(&is_target)
                .filter(|(d, target)| d.severity == Severity::Error && !**target)
                .filter_map(|(d, _)| Some(at(d, shifts.map(d.range)?))),
        );
        for d in after.diagnostics.iter().filter(|d| d.severity == Severity::Error) {
            match remaining.get_mut(&at(d, d.range)) {
                Some(n) if *n > 0 => *n -= 1,
                _ => return false,
            }
        }

        // Not offered again: a fix of the batch, moved by the others' edits.
        // By title and edits: many fixes share a title (one per job), and
        // scanning them per fix made this quadratic in the jobs.
        let offered: TextSet<(&str, &[Edit])> = after
            .diagnostics
            .iter()
            .flat_map(|d| &d.fixes)
            .map(|f| (f.title.as_str(), f.edits.as_slice()))
            .collect();
        group.iter().all(|c| {
            let fix = self.fix(*c);
            let moved: Vec<Edit> = fix
                .edits
                .iter()
                .map(|e| {
                    let by = shifts.delta_before(e.range.start) - own_delta_before(fix, e.range.start);
                    Edit {
                        path: e.path.clone(),
                        range: TextRange::new(offset(e.range.start, by), offset(e.range.end, by)),
                        new_text: e.new_text.clone(),
                    }
                })
                .collect();
            !offered.contains(&(fix.title.as_str(), moved.as_slice()))
        })
    }
}

/// Counts of keys that hold the file's text: SipHash (see the module's doc).
fn counts_by<K: std::hash::Hash + Eq>(keys: impl Iterator<Item = K>) -> TextMap<K, usize> {
    let mut out = TextMap::default();
    for k in keys {
        *out.entry(k).or_default() += 1;
    }
    out
}

fn offset(at: usize, by: isize) -> usize {
    at.saturating_add_signed(by)
}

/// The part of [`Shifts::delta_before`] that `fix`'s own edits make.
fn own_delta_before(fix: &Fix, at: usize) -> isize {
    fix.edits
        .iter()
        .filter(|e| Shifts::comes_before(e.range.start, e.range.end, at))
        .map(delta)
        .sum::<isize>()
}

fn delta(e: &Edit) -> isize {
    e.new_text.len() as isize - e.range.len() as isize
}

/// Where text of the original lands in the edited one. The edits of a batch
/// neither overlap nor touch each other.
struct Shifts {
    /// (start, end, length change) by start, with the running sum of the
    /// changes of the edits before each.
    edits: Vec<(usize, usize, isize)>,
    sums: Vec<isize>,
}

impl Shifts {
    fn new(edits: &[&Edit]) -> Self {
        let mut list: Vec<(usize, usize, isize)> =
            edits.iter().map(|e| (e.range.start, e.range.end, delta(e))).collect();
        list.sort_unstable();
        let mut sums = Vec::with_capacity(list.len() + 1);
        let mut sum = 0;
        sums.push(0);
        for (_, _, d) in &list {
            sum += d;
            sums.push(sum);
        }
        Shifts { edits: list, sums }
    }

    /// The total length change of the edits that start before `at` (all of
    /// which end at or before it, for a place no edit covers). An insertion
    /// at `at` itself comes before the text there, so it counts too.
    fn delta_before(&self, at: usize) -> isize {
        let n = self.edits.partition_point(|(s, e, _)| Self::comes_before(*s, *e, at));
        self.sums[n]
    }

    /// Does the edit `start..end` change where the text at `at` lands?
    fn comes_before(start: usize, end: usize, at: usize) -> bool {
        start < at || (start == at && end == at)
    }

    /// `range` in the edited text, or `None` when an edit falls inside it
    /// (its text changed, so the finding may be a different one).
    fn map(&self, range: TextRange) -> Option<TextRange> {
        // The edits are sorted and apart: only the last one starting before
        // the range's end can reach into it.
        let n = self.edits.partition_point(|(s, _, _)| *s < range.end);
        if let Some(&(_, end, _)) = n.checked_sub(1).and_then(|i| self.edits.get(i)) {
            if end > range.start {
                return None;
            }
        }
        let by = self.delta_before(range.start);
        Some(TextRange::new(offset(range.start, by), offset(range.end, by)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PATH: &str = "f";

    fn insert(at: usize, text: &str) -> Edit {
        Edit::insert(PATH, at, text)
    }

    fn diag(rule: &'static str, severity: Severity, at: usize, message: &str, fixes: Vec<Fix>) -> Diagnostic {
        let mut d = Diagnostic::new(PATH, rule, severity, TextRange::new(at, at + 1), message);
        d.fixes = fixes;
        d
    }

    /// A toy linter, line by line: a line not ending in `!` is a warning
    /// whose fix appends `!`; a line ending in `!!` is an error; `boom` is an
    /// error; a line starting with `grow` is a warning whose fix inserts an
    /// `o` after `grow`, which is offered again on its own output.
    fn toy(text: &str) -> Relinted {
        let mut diagnostics = Vec::new();
        let mut at = 0;
        for line in text.split_inclusive('\n') {
            let body = line.trim_end_matches('\n');
            if body.ends_with("!!") {
                diagnostics.push(diag("bang", Severity::Error, at, "doubled", Vec::new()));
            } else if !body.ends_with('!') && !body.is_empty() {
                let fix = Fix::safe(format!("bang {body}"), vec![insert(at + body.len(), "!")]);
                // A line of a job's own keys: a rule that reads only those.
                let rule = if body.starts_with("keys") { "timeout" } else { "bang" };
                diagnostics.push(diag(
                    rule,
                    Severity::Warning,
                    at,
                    &format!("`{body}` lacks !"),
                    vec![fix],
                ));
            }
            // A second finding the same fix removes, offered with it.
            if body.starts_with("twin") && !body.ends_with('!') {
                let fix = Fix::safe(format!("bang {body}"), vec![insert(at + body.len(), "!")]);
                diagnostics.push(diag("twin", Severity::Warning, at, "a twin", vec![fix]));
            }
            if body.starts_with("grow") {
                let fix = Fix::safe("grow", vec![insert(at + 4, "o")]);
                diagnostics.push(diag(
                    "grow",
                    Severity::Warning,
                    at,
                    &format!("`{body}` grows"),
                    vec![fix],
                ));
            }
            if let Some(i) = body.find("boom") {
                diagnostics.push(diag("boom", Severity::Error, at + i, "boom", Vec::new()));
            }
            at += line.len();
        }
        diagnostics.sort_by_key(|d| d.range.start);
        Relinted {
            parse_errors: 0,
            diagnostics,
        }
    }

    /// Each line of the toy is a job.
    fn line_jobs(text: &str) -> Vec<JobRegion> {
        let mut jobs = Vec::new();
        let mut at = 0;
        for line in text.split_inclusive('\n') {
            jobs.push(JobRegion {
                range: TextRange::new(at, at + line.len()),
                steps: Vec::new(),
                steps_block: None,
            });
            at += line.len();
        }
        jobs
    }

    /// Each re-lint is told the rules whose fixes it verifies: those of its
    /// batch (or of the one fix verified alone), not every rule with a fix
    /// in the file, so it can leave the others' fixes and warnings out.
    #[test]
    fn a_relint_is_told_the_rules_of_the_fixes_it_verifies() {
        // `keys` lines are `timeout`'s findings, the others `bang`'s and
        // `grow`'s; each line is a job, so all but `grow`'s fix, whose
        // line `bang` fixes too, can go in one batch.
        let text = "keys\nb\ngrow\n";
        let told: std::cell::RefCell<Vec<Vec<String>>> = Default::default();
        let relint = |t: &str, _: &[&Edit], rules: &[&'static str]| {
            told.borrow_mut().push(rules.iter().map(|r| r.to_string()).collect());
            toy(t)
        };
        let mut diags = toy(text).diagnostics;
        verify_fixes(PATH, text, 0, &mut diags, &line_jobs(text), &relint, usize::MAX);
        assert_eq!(diags.iter().map(|d| d.fixes.len()).sum::<usize>(), 3, "{diags:?}");
        let told = told.into_inner();
        assert_eq!(told, [vec!["bang", "timeout"], vec!["grow"]], "{told:?}");
    }

    #[test]
    fn past_the_budget_nothing_more_is_relinted_or_kept() {
        let text = "a\nb\nc\nd\n";
        let relints = Cell::new(0);
        let relint = |t: &str, _: &[&Edit], _: &[&str]| {
            relints.set(relints.get() + 1);
            toy(t)
        };
        let kept = |budget: usize| {
            relints.set(0);
            let mut diags = toy(text).diagnostics;
            verify_fixes(PATH, text, 0, &mut diags, &line_jobs(text), &relint, budget);
            (diags.iter().map(|d| d.fixes.len()).sum::<usize>(), relints.get())
        };
        let cost = relint_cost(text.len(), toy(text).diagnostics.len());
        // One re-lint verifies the four fixes together.
        assert_eq!(kept(cost), (4, 1));
        // Without budget for one, no re-lint runs and no fix is kept.
        assert_eq!(kept(cost - 1), (0, 0));
    }

    /// Verify `text`'s fixes (plus `extra` ones, offered on the finding with
    /// that index) in batches and one by one; both must keep the same fixes.
    /// Returns the titles kept and the number of re-lints the batches took.
    fn both_ways(text: &str, extra: Vec<(usize, Fix)>) -> (Vec<String>, usize) {
        both_ways_in(text, &line_jobs(text), extra)
    }

    /// [`both_ways`] with the given job regions.
    fn both_ways_in(text: &str, jobs: &[JobRegion], extra: Vec<(usize, Fix)>) -> (Vec<String>, usize) {
        let mut diags = toy(text).diagnostics;
        for (i, fix) in extra {
            diags[i].fixes.push(fix);
        }
        let mut single = diags.clone();
        let relints = Cell::new(0);
        let relint = |t: &str, _: &[&Edit], _: &[&str]| {
            relints.set(relints.get() + 1);
            toy(t)
        };
        verify_fixes(PATH, text, 0, &mut diags, jobs, &relint, usize::MAX);
        let batched = relints.get();
        let relint = |t: &str| relint(t, &[], &[]);
        let before = single.clone();
        for d in &mut single {
            let target = d.clone();
            d.fixes
                .retain(|f| fix::verify(PATH, text, f, &target, &before, 0, &relint).is_ok());
        }
        let titles = |list: &[Diagnostic]| -> Vec<String> {
            list.iter().flat_map(|d| &d.fixes).map(|f| f.title.clone()).collect()
        };
        assert_eq!(
            titles(&diags),
            titles(&single),
            "batched and one-by-one verification disagree"
        );
        (titles(&diags), batched)
    }

    #[test]
    fn good_fixes_are_verified_with_one_relint() {
        let text: String = (0..50).map(|i| format!("job{i}\n")).collect();
        let (kept, relints) = both_ways(&text, Vec::new());
        assert_eq!(kept.len(), 50);
        assert_eq!(relints, 1);
    }

    #[test]
    fn a_fix_offered_on_two_findings_of_one_place_is_verified_once_for_both() {
        let text: String = (0..8).map(|i| format!("twin{i}\njob{i}\n")).collect();
        let (kept, relints) = both_ways(&text, Vec::new());
        assert_eq!(kept.len(), 24, "{kept:?}");
        assert_eq!(relints, 1);
        // Offered beside a fix that adds an error, it fails with it and is
        // still kept by itself.
        let bad = Fix::safe("adds boom", vec![insert(text.len() - 1, "!\nboom!")]);
        let (kept, _) = both_ways(&text, vec![(23, bad)]);
        assert_eq!(kept.len(), 24, "{kept:?}");
        assert!(!kept.iter().any(|t| t == "adds boom"));
        // Offered also on a finding it leaves (`boom` stays after `!` is
        // appended), the fix is kept for the one it removes only.
        let text = "aboom\n";
        let shared = toy(text).diagnostics[0].fixes[0].clone();
        let (kept, relints) = both_ways(text, vec![(1, shared)]);
        assert_eq!(kept, ["bang aboom"]);
        assert_eq!(relints, 3, "the pair, then each alone");
    }

    #[test]
    fn a_fix_that_adds_an_error_is_dropped_and_the_others_kept() {
        let text: String = (0..16).map(|i| format!("job{i}\n")).collect();
        // Fixes the last line's warning, and adds an error after it.
        let bad = Fix::safe("adds boom", vec![insert(text.len() - 1, "!\nboom!")]);
        let (kept, relints) = both_ways(&text, vec![(15, bad)]);
        assert_eq!(kept.len(), 16);
        assert!(!kept.iter().any(|t| t == "adds boom"));
        assert!(relints < 17, "{relints} relints for 17 fixes");
    }

    #[test]
    fn an_error_added_by_one_fix_is_not_hidden_by_another_removing_one() {
        // `boom` on line 0 is an error. One fix rewrites that line (removing
        // the error); another fixes line 1 and adds a `boom` line. Counted by
        // (rule, message) alone, the pair would look clean.
        let text = "boom\nb\n";
        let defuse = Fix::safe("defuse", vec![Edit::replace(PATH, TextRange::new(0, 4), "a!")]);
        let adds = Fix::safe(
            "adds boom",
            vec![Edit::replace(PATH, TextRange::new(5, 6), "b!\nboom!")],
        );
        let (kept, _) = both_ways(text, vec![(0, defuse), (2, adds)]);
        assert!(kept.iter().any(|t| t == "defuse"), "{kept:?}");
        assert!(!kept.iter().any(|t| t == "adds boom"), "{kept:?}");
    }

    #[test]
    fn a_fix_offered_again_on_its_output_is_dropped() {
        // The `grow` fix is apart from the others, so it is in the first
        // batch, which must fail on it.
        let text = "a\ngrowx\nb\n";
        let (kept, relints) = both_ways(text, Vec::new());
        assert_eq!(kept, ["bang a", "bang growx", "bang b"]);
        assert!(relints > 1);
    }

    #[test]
    fn a_fix_reaching_into_another_job_is_verified_alone() {
        // Fixes line 0's warning and line 1's too: it reaches into a second
        // job, so it is verified alone, apart from the batch of the others.
        let text: String = (0..8).map(|i| format!("job{i}\n")).collect();
        let wide = Fix::safe("two at once", vec![insert(4, "!"), insert(9, "!")]);
        let (kept, relints) = both_ways(&text, vec![(0, wide)]);
        assert!(kept.iter().any(|t| t == "two at once"), "{kept:?}");
        assert_eq!(kept.len(), 9);
        assert_eq!(relints, 2, "one batch and the wide fix alone");
    }

    /// One job: a line of its own keys, then a `steps:` line and two steps.
    fn job_with_steps(text: &str) -> Vec<JobRegion> {
        let line = |n: usize| {
            let start: usize = text.split_inclusive('\n').take(n).map(str::len).sum();
            TextRange::new(start, start + text.split_inclusive('\n').nth(n).unwrap().len() - 1)
        };
        vec![JobRegion {
            range: TextRange::new(0, text.len()),
            steps: vec![line(2), line(3)],
            steps_block: Some(TextRange::new(line(1).start, line(3).end)),
        }]
    }

    #[test]
    fn a_fix_of_the_job_keys_is_verified_with_the_step_fixes() {
        let text = "keys\nsteps\ns1\ns2\n";
        let (kept, relints) = both_ways_in(text, &job_with_steps(text), Vec::new());
        assert_eq!(kept, ["bang keys", "bang steps", "bang s1", "bang s2"]);
        // The keys fix and both step fixes together; the `steps:` line's
        // fix is a fix of the whole job, alone.
        assert_eq!(relints, 2);
        // A rule that may read the steps gets a batch of its own.
        let text = "other\nsteps\ns1\ns2\n";
        let (kept, relints) = both_ways_in(text, &job_with_steps(text), Vec::new());
        assert_eq!(kept.len(), 4);
        assert_eq!(relints, 3);
    }

    #[test]
    fn a_step_fix_adding_an_error_beside_a_job_keys_fix_is_still_dropped() {
        let text = "keys\nsteps\ns1\ns2\n";
        let at = text.find("s1").unwrap() + 2;
        let bad = Fix::safe("adds boom", vec![insert(at, "! boom")]);
        let (kept, _) = both_ways_in(text, &job_with_steps(text), vec![(2, bad)]);
        assert_eq!(kept, ["bang keys", "bang steps", "bang s1", "bang s2"]);
    }

    #[test]
    fn a_fix_whose_own_edits_touch_is_verified_alone() {
        // Two insertions at one offset: no batch could take it (this looped
        // forever once).
        let text = "a\nb\n";
        let twice = Fix::safe("twice", vec![insert(1, "!"), insert(1, "")]);
        let (kept, relints) = both_ways(text, vec![(0, twice)]);
        assert!(kept.iter().any(|t| t == "twice"), "{kept:?}");
        assert_eq!(relints, 2);
    }

    #[test]
    fn jobs_span_from_their_id_line_to_the_next_one() {
        let source = "on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: one\n      # between\n      - run: |\n          two\n    env: {}\n  b: &b\n    runs-on: y\n  c: *b\nenv: {}\n";
        let doc = crate::yaml::parse(source.as_bytes());
        let wf = crate::model::Workflow::new(doc.root.as_ref().unwrap());
        let regions = job_regions(source, &wf.jobs);
        let at = |s: &str| source.find(s).unwrap();
        let (a, b, c) = (at("  a:"), at("  b:"), at("  c:"));
        let step1 = TextRange::new(at("      - run: one"), at("\n      # between"));
        let step2 = TextRange::new(at("      - run: |"), at("\n    env"));
        // `c` is `b` again through an alias: it has no text of its own.
        assert_eq!(
            regions,
            [
                JobRegion {
                    range: TextRange::new(a, b),
                    steps: vec![step1, step2],
                    steps_block: Some(TextRange::new(at("    steps:"), at("\n    env"))),
                },
                JobRegion {
                    range: TextRange::new(b, c),
                    steps: Vec::new(),
                    steps_block: None,
                },
            ]
        );
    }

    #[test]
    fn places_map_through_the_edits_before_them() {
        let edits = [insert(2, "xx"), Edit::replace(PATH, TextRange::new(5, 7), "")];
        let refs: Vec<&Edit> = edits.iter().collect();
        let shifts = Shifts::new(&refs);
        assert_eq!(shifts.map(TextRange::new(0, 2)), Some(TextRange::new(0, 2)));
        assert_eq!(shifts.map(TextRange::new(2, 4)), Some(TextRange::new(4, 6)));
        assert_eq!(shifts.map(TextRange::new(1, 3)), None);
        assert_eq!(shifts.map(TextRange::new(8, 9)), Some(TextRange::new(8, 9)));
        assert_eq!(shifts.map(TextRange::new(6, 9)), None);
    }
}
