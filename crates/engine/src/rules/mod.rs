//! The rule registry. Each rule is a module with a `RULE` constant that
//! declares its check codes, and its unit tests; adding a rule means adding a
//! module, listing it in `RULES`, writing `docs/rules/<id>.md` (with its
//! codes) and fixtures in `tests/rules/<id>/` (see docs/architecture.md).

use crate::config::Config;
use crate::diagnostic::{AuditSeverity, Confidence, Diagnostic, Severity};
use crate::model::{FileKind, Workflow};
use crate::repo::RepoFiles;
use crate::text::TextRange;
use crate::yaml::{Document, Node};

pub mod action;
pub mod action_metadata;
pub mod artipacked;
pub mod audit;
pub mod bot_conditions;
pub mod cache_poisoning;
pub mod dangerous_triggers;
pub mod deprecated_commands;
pub mod docs;
pub(crate) mod edited_places;
pub mod events;
pub mod excessive_permissions;
pub mod expression;
pub mod github_env;
pub mod glob;
pub mod hardcoded_container_credentials;
pub mod insecure_commands;
pub mod job_id;
pub mod job_needs;
pub mod matrix;
pub mod optional_job;
pub mod overprovisioned_secrets;
pub mod permissions;
pub mod pyflakes;
pub mod runner_label;
pub mod schema;
pub mod secrets_inherit;
pub mod shell;
pub mod step_id;
pub mod syntax;
pub mod template_injection;
pub mod timeout;
pub mod unpinned_images;
pub mod unpinned_uses;
pub mod unredacted_secrets;
pub mod unsound_condition;
pub mod unsound_contains;
pub mod workflow_call;

#[cfg(test)]
pub(crate) mod test_support;

pub struct Rule {
    pub id: &'static str,
    pub default_severity: Severity,
    pub enabled_by_default: bool,
    /// One line for `autoheal rules`.
    pub summary: &'static str,
    /// The file kinds it checks.
    pub kinds: &'static [FileKind],
    /// The stable codes of its checks (`timeout/missing`), each listed on
    /// its page under "## Codes": the only values `code` takes on its
    /// diagnostics (a finding without one still carries the bare rule id,
    /// which no rule declares, so debug builds and `tests/rules.rs` catch
    /// it), and what `# autoheal: ignore[...]` accepts besides the rule id.
    pub codes: &'static [&'static str],
    /// Whether any of its checks reports at error severity under the
    /// default config. Fix verification re-lints without the rules that
    /// don't (when none of their fixes is being verified): all it reads from
    /// another rule is its errors. A config raising the rule to `error`
    /// turns it back on ([`may_report_errors`]); debug builds assert in
    /// [`run_rules`] that a rule marked `false` keeps to it.
    pub reports_errors: bool,
    /// Its findings on a job read only the job's own keys, nothing under
    /// its `steps:`. Fix verification then re-lints its fixes that edit only
    /// those keys together with fixes inside the job's steps (see
    /// [`crate::fix_batch`]): no step fix can make its finding go away.
    pub job_keys_only: bool,
    /// What of a workflow its findings depend on. Fix verification skips
    /// it in a re-lint whose edits (of a shape [`crate::yaml::patch`]
    /// knows) touch none of that, when it reports no fix being verified:
    /// its findings there are its findings before, moved. Debug builds
    /// check that on every such re-lint (`lint::verify_within`).
    pub reads: ReadPaths,
    pub check: fn(&mut Context<'_>),
}

/// What a rule's findings on a workflow depend on ([`Rule::reads`]).
#[derive(Clone, Copy, Debug)]
pub enum ReadPaths {
    /// Anything in the file: re-run on every re-lint.
    Everything,
    /// The nodes at these key paths, and whether each node on the way to
    /// them exists: segments separated by `.`, `*` for any one key or
    /// sequence item (`jobs.*.steps.*.uses` reads every step's `uses:` and
    /// which jobs and steps there are). A path starting with `**.` reads
    /// its rest at any depth (`**.if`: every `if:`), not the nodes on the
    /// way. A last segment `~` reads which nodes there are, not what is in
    /// them (`jobs.*.~`: the job ids). With `expressions`, also every scalar
    /// holding `${{`, wherever it is (the rule decides where it looks from
    /// the paths it reads).
    Paths {
        paths: &'static [&'static str],
        expressions: bool,
        /// Also what decides a step's shell ([`runner_label::STEP_SHELL_PATHS`]), for
        /// rules that read scripts in their shell's language.
        step_shell: bool,
        /// Also every plain scalar, key or value, wherever it is, for which
        /// this holds, each on its own: a rule whose finding on a plain
        /// scalar depends on that scalar's text alone (`syntax`'s missing
        /// space after a key's colon) says here which texts it can report.
        /// Matched against each plain scalar an edit inserted, and a changed
        /// one before and after.
        plain_scalars: Option<fn(&str) -> bool>,
    },
}

impl ReadPaths {
    /// Whether edits that touched `touched` (the paths of every node they
    /// inserted or changed, see [`crate::yaml::patch::Touched`]) can change
    /// what the rule reads.
    pub fn reads_any(&self, touched: &crate::yaml::patch::Touched) -> bool {
        self.reads_paths(&touched.paths, touched.expressions) || self.reads_plain_scalars(&touched.plain_scalars)
    }

    /// The part of [`ReadPaths::reads_any`] that the touched paths and
    /// `${{` decide.
    fn reads_paths(&self, touched: &[Vec<crate::yaml::patch::Segment>], touched_expressions: bool) -> bool {
        match self {
            ReadPaths::Everything => true,
            ReadPaths::Paths {
                paths,
                expressions,
                step_shell,
                ..
            } => {
                let shell: &[&str] = if *step_shell {
                    runner_label::STEP_SHELL_PATHS
                } else {
                    &[]
                };
                (*expressions && touched_expressions)
                    || paths
                        .iter()
                        .chain(shell)
                        .any(|p| touched.iter().any(|x| crate::yaml::patch::overlaps(p, x)))
            }
        }
    }

    /// The part of [`ReadPaths::reads_any`] that the touched plain scalars
    /// decide.
    fn reads_plain_scalars(&self, touched: &[String]) -> bool {
        match self {
            ReadPaths::Everything => true,
            ReadPaths::Paths { plain_scalars, .. } => {
                plain_scalars.is_some_and(|reads| touched.iter().any(|s| reads(s)))
            }
        }
    }
}

/// Every key segment some rule's read paths (or the step-shell paths) name:
/// the keys whose text can change a rule's answer.
fn named_read_keys() -> impl Iterator<Item = &'static str> {
    RULES
        .iter()
        .filter_map(|r| match r.reads {
            ReadPaths::Paths { paths, .. } => Some(paths),
            ReadPaths::Everything => None,
        })
        .chain([runner_label::STEP_SHELL_PATHS])
        .flatten()
        .flat_map(|p| p.split('.'))
}

/// `touched` as [`ReadPaths::reads_any`] tells it apart: each key that no
/// rule's read path (nor [`runner_label::STEP_SHELL_PATHS`]) names replaced
/// by one stand-in, then each path and each plain scalar once. A key no
/// pattern names matches only a `*` segment, whatever its text, so every
/// rule gets the same answer; and a batch that edits every job (a
/// `timeout-minutes` in each) touches one path per job, which every rule's
/// patterns were matched against, one by one.
pub fn distinct_reads(touched: &crate::yaml::patch::Touched) -> crate::yaml::patch::Touched {
    use crate::yaml::patch::Segment;
    // FxHash, unseeded: its entries are our own keys, a fixed set of about a
    // hundred, so a file's key can collide with at most those.
    static NAMED: std::sync::LazyLock<rustc_hash::FxHashSet<&'static str>> =
        std::sync::LazyLock::new(|| named_read_keys().collect());
    let mut paths: Vec<Vec<Segment>> = touched
        .paths
        .iter()
        .map(|path| {
            path.iter()
                .map(|s| match s {
                    Segment::Key(k) if !NAMED.contains(k.as_str()) => Segment::Key(String::new()),
                    other => other.clone(),
                })
                .collect()
        })
        .collect();
    paths.sort_unstable();
    paths.dedup();
    let mut plain_scalars = touched.plain_scalars.clone();
    plain_scalars.sort_unstable();
    plain_scalars.dedup();
    crate::yaml::patch::Touched {
        paths,
        expressions: touched.expressions,
        plain_scalars,
    }
}

/// The rules of [`RULES`] whose reads `touched` can change: bit `i` is
/// [`ReadPaths::reads_any`] of `RULES[i]`. The paths' part of the answer
/// is remembered per thread for each distinct set of paths (as
/// [`distinct_reads`] gives them, so the same few recur across re-lints and
/// files: `jobs..timeout-minutes`, `jobs..permissions`): matching every
/// rule's patterns against them was, per re-lint, as costly as running a
/// cheap rule.
pub fn rules_reading(touched: &crate::yaml::patch::Touched) -> RuleBits {
    use crate::yaml::patch::Segment;
    // FxHash, unseeded: after `distinct_reads` every key segment is one
    // some rule names (ours) or the one stand-in, so no text of the file
    // reaches a key, and the memo is capped besides.
    use rustc_hash::FxHashMap as HashMap;
    /// Past this many remembered path sets (per thread, per `expressions`)
    /// the memo starts again: its entries are small, and a hostile file's
    /// distinct paths cannot grow it without bound.
    const MAX_REMEMBERED: usize = 4096;
    thread_local! {
        static BY_PATHS: std::cell::RefCell<[HashMap<Vec<Vec<Segment>>, u64>; 2]> =
            std::cell::RefCell::new([HashMap::default(), HashMap::default()]);
    }
    let paths = BY_PATHS.with_borrow_mut(|memo| {
        let memo = &mut memo[usize::from(touched.expressions)];
        if let Some(bits) = memo.get(touched.paths.as_slice()) {
            return *bits;
        }
        let bits = bits_where(|r| r.reads.reads_paths(&touched.paths, touched.expressions));
        if memo.len() >= MAX_REMEMBERED {
            memo.clear();
        }
        memo.insert(touched.paths.clone(), bits);
        bits
    });
    let scalars = if touched.plain_scalars.is_empty() {
        0
    } else {
        bits_where(|r| r.reads.reads_plain_scalars(&touched.plain_scalars))
    };
    RuleBits(paths | scalars)
}

fn bits_where(f: impl Fn(&Rule) -> bool) -> u64 {
    RULES
        .iter()
        .enumerate()
        .take(64)
        .filter(|(_, r)| f(r))
        .fold(0, |bits, (i, _)| bits | 1 << i)
}

/// A set of rules of [`RULES`], by index ([`rules_reading`]). It holds 64;
/// a rule past them is always in it (run, never skipped), and a test keeps
/// `RULES` within them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RuleBits(u64);

impl RuleBits {
    /// Whether `RULES[index]` is in the set.
    pub fn has(self, index: usize) -> bool {
        index >= 64 || self.0 & (1 << index) != 0
    }
}

pub const WORKFLOWS: &[FileKind] = &[FileKind::Workflow];
pub const ACTIONS: &[FileKind] = &[FileKind::Action];
pub const ALL_FILES: &[FileKind] = &[FileKind::Workflow, FileKind::Action];

/// Every rule, in the order they run.
pub static RULES: &[&Rule] = &[
    &syntax::RULE,
    &schema::RULE,
    &events::RULE,
    &job_id::RULE,
    &job_needs::RULE,
    &step_id::RULE,
    &timeout::RULE,
    &optional_job::RULE,
    &permissions::RULE,
    &runner_label::RULE,
    &deprecated_commands::RULE,
    &matrix::RULE,
    &expression::RULE,
    &template_injection::RULE,
    &glob::RULE,
    &action::RULE,
    &workflow_call::RULE,
    // Security audits (zizmor's ids).
    &unpinned_uses::RULE,
    &unpinned_images::RULE,
    &dangerous_triggers::RULE,
    &excessive_permissions::RULE,
    &artipacked::RULE,
    &bot_conditions::RULE,
    &unsound_condition::RULE,
    &unsound_contains::RULE,
    &insecure_commands::RULE,
    &hardcoded_container_credentials::RULE,
    &secrets_inherit::RULE,
    &overprovisioned_secrets::RULE,
    &unredacted_secrets::RULE,
    &github_env::RULE,
    &cache_poisoning::RULE,
    &shell::RULE,
    &pyflakes::RULE,
    &action_metadata::RULE,
];

/// Whether `rule` can report an error-severity finding under `config`.
/// Is `rule` one whose findings read only a job's own keys
/// ([`Rule::job_keys_only`])?
pub fn reads_only_job_keys(rule: &str) -> bool {
    RULES.iter().any(|r| r.id == rule && r.job_keys_only)
}

pub fn may_report_errors(rule: &Rule, config: &Config) -> bool {
    rule.reports_errors || config.severity_override(rule.id) == Some(Severity::Error)
}

/// Run `rules` (those for the file's kind that the config enables, at
/// their configured severity) on `ctx`.
pub(crate) fn run_rules(ctx: &mut Context<'_>, rules: &[&Rule]) {
    for rule in rules {
        if !rule.kinds.contains(&ctx.kind) {
            continue;
        }
        let Some(sev) = ctx
            .config
            .rule_severity(rule.id, rule.default_severity, rule.enabled_by_default)
        else {
            continue;
        };
        // Without a tree only the syntax rule has anything to look at, and
        // the schema rule when the file is empty (no tree and no error).
        let empty = ctx.doc.errors.is_empty();
        if ctx.doc.root.is_none() && rule.id != "syntax" && !(rule.id == "schema" && empty) {
            continue;
        }
        ctx.rule = rule.id;
        ctx.severity = sev;
        let before = ctx.out.len();
        (rule.check)(ctx);
        debug_assert!(
            ctx.out[before..].iter().all(|d| rule.emits(d.code)),
            "{} reported a code it does not declare: {:?}",
            rule.id,
            ctx.out[before..].iter().map(|d| d.code).collect::<Vec<_>>()
        );
        debug_assert!(
            may_report_errors(rule, ctx.config) || ctx.out[before..].iter().all(|d| d.severity < Severity::Error),
            "{} is marked `reports_errors: false` but reported an error",
            rule.id
        );
    }
}

impl Rule {
    /// Whether `code` is one this rule's diagnostics may carry.
    pub fn emits(&self, code: &str) -> bool {
        self.codes.contains(&code)
    }
}

pub fn rule(id: &str) -> Option<&'static Rule> {
    RULES.iter().copied().find(|r| r.id == id)
}

pub fn rule_ids() -> Vec<&'static str> {
    let mut ids: Vec<&str> = RULES.iter().map(|r| r.id).collect();
    ids.push(docs::CONFIG);
    ids
}

/// What a rule sees of one file, and where it reports.
pub struct Context<'a> {
    pub path: &'a str,
    pub source: &'a str,
    pub doc: &'a Document,
    pub kind: FileKind,
    pub workflow: Option<&'a Workflow<'a>>,
    pub config: &'a Config,
    /// Other files of the repository (local actions, reusable workflows).
    pub repo: &'a dyn RepoFiles,
    /// Checks shell scripts outside the engine (shellcheck), when a front end provides one.
    pub script_checker: Option<&'a dyn crate::external::ScriptChecker>,
    /// Checks Python scripts outside the engine (pyflakes), when a front end provides one.
    pub python_checker: Option<&'a dyn crate::external::ScriptChecker>,
    pub(crate) rule: &'static str,
    pub(crate) severity: Severity,
    pub(crate) out: Vec<Diagnostic>,
    /// [`crate::edit::indent_unit`] of `source`, computed on first use: it
    /// reads the whole file, and rules build fixes per job.
    pub(crate) indent_unit: std::cell::OnceCell<usize>,
    /// What several rules derive from the file, built once for all of them.
    pub(crate) derived: &'a Derived<'a>,
    /// The rules whose fixes the caller reads; `None`: every rule's.
    /// Verification's re-lints read only the fixes of the rules it verifies
    /// ([`Context::wants_fixes`]).
    pub(crate) fixes_for: Option<&'a [&'a str]>,
    /// In a re-lint for verification, the jobs whose `expression` findings
    /// the edits can change ([`expression::rescope::jobs_to_recheck`]): the
    /// rule then checks only those jobs, its other findings being the ones
    /// before the edits, moved. `None`: the whole file.
    pub(crate) relint_jobs: Option<&'a [String]>,
    /// In a re-lint for verification, where the edits put their text: the
    /// [`edited_places::SCOPED_RULES`] then check only the jobs and steps
    /// it meets ([`Context::rechecks`]), their other findings being the ones
    /// before the edits, moved. `None`: the whole file.
    pub(crate) places: Option<&'a edited_places::EditedPlaces>,
}

/// What of the file a verification re-lint checks again, where less than
/// the whole: [`Context::relint_jobs`] and [`Context::places`].
#[derive(Clone, Copy, Default)]
pub(crate) struct RelintScope<'a> {
    pub(crate) jobs: Option<&'a [String]>,
    pub(crate) places: Option<&'a edited_places::EditedPlaces>,
}

/// The errors a re-lint of `text` by `rules` within `scope` finds, keyed
/// `(rule, code, message)` with their ranges: what the debug checks of the
/// scoped re-lints (`edited_places::mismatch`, `expression::rescope::
/// mismatch`) compare with a whole re-lint's.
#[cfg(any(test, debug_assertions))]
pub(crate) type RelintError = ((&'static str, &'static str, String), TextRange);

#[cfg(any(test, debug_assertions))]
pub(crate) fn relint_errors(
    path: &str,
    text: &str,
    doc: &Document,
    opts: &crate::lint::LintOptions<'_>,
    rules: &[&Rule],
    scope: RelintScope<'_>,
) -> Vec<RelintError> {
    crate::lint::relint_parsed(path, text, doc, opts, rules, None, scope)
        .diagnostics
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| ((d.rule, d.code, d.message), d.range))
        .collect()
}

/// Indexes of one file that several rules read, each built on first use and
/// then shared: every rule rebuilding them cost more than the rules' own
/// checks.
#[derive(Default)]
pub struct Derived<'a> {
    /// [`audit::all_expressions`] of the root.
    expressions: std::cell::OnceCell<Vec<audit::FoundExpr<'a>>>,
    /// The repository's files the rules follow references to.
    pub(crate) reads: Reads,
}

/// Local actions' metadata and local reusable workflows' contracts, read,
/// parsed (and for an action, checked) once per lint for every rule and
/// every step or job that uses them: the `action` rule and the expression
/// types each read them once per use before.
#[derive(Default)]
pub(crate) struct Reads {
    pub(crate) actions: std::cell::RefCell<action::LocalActions>,
    pub(crate) callees: std::cell::RefCell<std::collections::HashMap<String, Option<workflow_call::CallSpec>>>,
}

impl<'a> Context<'a> {
    pub fn root(&self) -> Option<&'a Node> {
        self.doc.root.as_ref()
    }
    /// Every expression of the file ([`audit::all_expressions`]), parsed
    /// once for every rule that reads them. The slice outlives the borrow
    /// of `self`, so a rule can report while it walks it.
    pub fn expressions(&self) -> &'a [audit::FoundExpr<'a>] {
        let doc: &'a Document = self.doc;
        self.derived
            .expressions
            .get_or_init(|| doc.root.as_ref().map(audit::all_expressions).unwrap_or_default())
    }
    /// The file's indentation step ([`crate::edit::indent_unit`]), once per file.
    pub fn indent_unit(&self) -> usize {
        *self.indent_unit.get_or_init(|| crate::edit::indent_unit(self.source))
    }
    /// Report at the rule's effective severity.
    /// Whether anyone reads the running rule's fixes: a rule may leave out
    /// a fix that is costly to build (one that parses) when not.
    pub fn wants_fixes(&self) -> bool {
        self.fixes_for.is_none_or(|rules| rules.contains(&self.rule))
    }

    /// Whether the running rule must check the job or step at `region`
    /// ([`edited_places::job_region`], [`edited_places::step_regions`]):
    /// always, unless it is one of the [`edited_places::SCOPED_RULES`] in
    /// a re-lint whose edits did not meet the place.
    pub(crate) fn rechecks(&self, region: TextRange) -> bool {
        self.scoped_places().is_none_or(|p| p.hits(region))
    }

    /// [`Context::rechecks`] for what lies outside every job.
    pub(crate) fn rechecks_workflow_level(&self) -> bool {
        self.scoped_places().is_none_or(|p| p.workflow_level())
    }

    /// Which of a job's `steps` the running rule must check
    /// ([`Context::rechecks`] of each one's place); `None`: every one.
    pub(crate) fn rechecked_steps(&self, steps: &[Node]) -> Option<Vec<bool>> {
        let places = self.scoped_places()?;
        let regions = edited_places::step_regions(self.source, steps)?;
        Some(regions.into_iter().map(|r| places.hits(r)).collect())
    }

    fn scoped_places(&self) -> Option<&'a edited_places::EditedPlaces> {
        self.places.filter(|_| edited_places::SCOPED_RULES.contains(&self.rule))
    }

    pub fn report(&mut self, range: TextRange, message: impl Into<String>) -> &mut Diagnostic {
        let d = Diagnostic::new(self.path, self.rule, self.severity, range, message);
        self.out.push(d);
        self.out.last_mut().expect("just pushed")
    }
    /// Report at a severity other than the rule's, e.g. a rule whose
    /// findings range from hints to errors. A severity set in the config
    /// still wins.
    pub fn report_at(&mut self, severity: Severity, range: TextRange, message: impl Into<String>) -> &mut Diagnostic {
        let sev = self.config.severity_override(self.rule).unwrap_or(severity);
        let d = Diagnostic::new(self.path, self.rule, sev, range, message);
        self.out.push(d);
        self.out.last_mut().expect("just pushed")
    }
    /// Report a security finding with its check code, its audit severity
    /// and confidence, at the diagnostic severity these map to
    /// ([`audit::diagnostic_severity`]) unless the config sets the rule's.
    pub fn report_audit(
        &mut self,
        code: &'static str,
        severity: AuditSeverity,
        confidence: Confidence,
        range: TextRange,
        message: impl Into<String>,
    ) -> &mut Diagnostic {
        let d = self.report_at(audit::diagnostic_severity(code, severity, confidence), range, message);
        d.code = code;
        d.confidence = confidence;
        d.audit_severity = Some(severity);
        d
    }
    /// Whether the configured persona shows findings meant for `persona`.
    pub fn shows(&self, persona: crate::config::Persona) -> bool {
        self.config.persona >= persona
    }
    pub fn text(&self, range: TextRange) -> &'a str {
        self.source.get(range.start..range.end).unwrap_or("")
    }
    pub fn severity(&self) -> Severity {
        self.severity
    }
}

#[cfg(test)]
mod distinct_reads_tests {
    use super::*;
    use crate::yaml::patch::{Segment, Touched};
    use proptest::prelude::*;

    /// Every key a read path names, some it does not (job ids, `with:`
    /// inputs), an empty one and `~`, sequence items and non-string keys.
    fn segment() -> impl Strategy<Value = Segment> {
        let named: Vec<&'static str> = named_read_keys().collect();
        prop_oneof![
            proptest::sample::select(named).prop_map(|k| Segment::Key(k.to_string())),
            proptest::sample::select(vec!["build", "test", "lint", "", "~", "*", "**", "with", "Jobs"])
                .prop_map(|k| Segment::Key(k.to_string())),
            Just(Segment::Item),
            Just(Segment::Other),
        ]
    }

    proptest! {
        /// Every rule reads a touched set exactly when it reads its
        /// distinct form: the stand-in may be matched instead of the keys.
        #[test]
        fn every_rule_reads_the_distinct_form_as_it_reads_the_paths(
            paths in proptest::collection::vec(proptest::collection::vec(segment(), 1..6), 1..8),
            expressions in any::<bool>(),
            plain_scalars in proptest::collection::vec(proptest::sample::select(vec!["a", "1x: a", "id", "x:y", ""]), 0..4),
        ) {
            let touched = Touched {
                paths,
                expressions,
                plain_scalars: plain_scalars.into_iter().map(String::from).collect(),
            };
            let distinct = distinct_reads(&touched);
            prop_assert!(distinct.paths.len() <= touched.paths.len());
            for rule in RULES {
                prop_assert_eq!(rule.reads.reads_any(&touched), rule.reads.reads_any(&distinct), "{}", rule.id);
            }
        }

        /// The remembered answer is each rule's own, computed afresh or
        /// found in the memo (asked twice, the second from it), whatever
        /// the plain scalars beside the paths.
        #[test]
        fn rules_reading_is_every_rules_reads_any(
            paths in proptest::collection::vec(proptest::collection::vec(segment(), 1..6), 1..8),
            expressions in any::<bool>(),
            plain_scalars in proptest::collection::vec(proptest::sample::select(vec!["a", "1x: a", "id", "x:y", ""]), 0..4),
            other_scalars in proptest::collection::vec(proptest::sample::select(vec!["a", "1x: a", "x:y"]), 0..3),
        ) {
            let touched = distinct_reads(&Touched {
                paths,
                expressions,
                plain_scalars: plain_scalars.into_iter().map(String::from).collect(),
            });
            let again = Touched {
                plain_scalars: other_scalars.into_iter().map(String::from).collect(),
                ..touched.clone()
            };
            for t in [&touched, &touched, &again] {
                let bits = rules_reading(t);
                for (i, rule) in RULES.iter().enumerate() {
                    prop_assert_eq!(bits.has(i), rule.reads.reads_any(t), "{}", rule.id);
                }
            }
        }
    }

    /// [`RuleBits`] answers for every rule from its bits.
    #[test]
    fn every_rule_has_a_bit() {
        assert!(RULES.len() <= 64, "RuleBits holds 64 rules: widen it");
    }

    /// The commonest batch, `timeout-minutes` in each of many jobs, is one
    /// path to match, whatever the jobs are called.
    #[test]
    fn one_key_in_every_job_is_one_path() {
        let key = |k: &str| Segment::Key(k.to_string());
        let touched = Touched {
            paths: ["build", "test", "deploy"]
                .iter()
                .map(|id| vec![key("jobs"), key(id), key("timeout-minutes")])
                .collect(),
            ..Touched::default()
        };
        assert_eq!(distinct_reads(&touched).paths.len(), 1);
        // A job whose id a read path names keeps it: a pattern may read it.
        let mut named = touched.clone();
        named
            .paths
            .push(vec![key("jobs"), key("steps"), key("timeout-minutes")]);
        assert_eq!(distinct_reads(&named).paths.len(), 2);
    }
}
