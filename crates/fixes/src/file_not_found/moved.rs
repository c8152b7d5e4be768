//! Where a missing path went: the repository's file listing searched for the
//! one place the path was clearly moved or renamed to. The strong rules
//! ([`Move::is_strong`]) are weighed together: all their matches must come
//! to exactly one entry (a file, or a directory that holds files), so one
//! rule's match never hides another's, and a file found as the whole path
//! under another directory, or as the path without its leading directories,
//! must be the only file of its name ([`namesakes`]). Only when none matches are the weak
//! rules tried, in order, the first with any match deciding.

use std::collections::BTreeSet;

use autoheal_logs::knowledge::outputs::{BUILD_OUTPUT_DIRS, report_kind};

use super::root_file::root_file_doubt;

/// What the listing says about a path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Whereabouts {
    /// The path is in the repository (a file, or a directory with files).
    Present,
    /// Exactly one place the path was moved or renamed to. `stayed`: why
    /// the match is weak evidence after all ([`Doubt`]).
    Moved {
        to: String,
        how: Move,
        stayed: Option<Doubt>,
    },
    /// Several equally good candidates: no fix picks one.
    Ambiguous { how: Move, candidates: Vec<String> },
    /// Nothing in the repository resembles it.
    Absent,
}

/// Why a strong rule's match is still not applied without a person.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Doubt {
    /// A file of the old directory that did not move with it
    /// ([`neighbour_left_behind`], [`module_left_behind`]).
    LeftBehind(String),
    /// A root file found under one directory that lacks what would have
    /// moved with it, or that holds files for another purpose
    /// ([`root_file_doubt`]); the explanation's sentence.
    RootFile(String),
}

impl Doubt {
    /// The explanation's sentence for the missing `path`.
    pub(crate) fn note(&self, path: &str) -> String {
        match self {
            Doubt::LeftBehind(left) => left_behind_note(path, left),
            Doubt::RootFile(why) => why.clone(),
        }
    }
}

/// How the new place was found, strongest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Move {
    /// The whole path, under another directory (`backend/requirements.txt`
    /// for `requirements.txt`).
    UnderDirectory,
    /// The path with leading directories dropped, at least its parent
    /// directory kept (`tools/ci/x.sh` → `ci/x.sh`). The file name alone at
    /// the root is only [`Move::SameName`]: a project file's name (`pom.xml`,
    /// `Cargo.toml`, `package.json`) is at the root of most multi-module
    /// repositories, where it was before the move too.
    DirectoriesDropped,
    /// The path's last directories and file name under another parent
    /// (`services/billing/pom.xml` → `apps/billing/pom.xml`): the module's
    /// directory moved as a whole. Of the entries, those sharing the longest
    /// such tail, when it keeps a directory of its own name
    /// ([`specific_tail`]); its strength also needs the old module
    /// directory gone ([`module_left_behind`]).
    Reparented,
    /// The same words with other separators or case
    /// (`requirements-dev.txt` → `requirements/dev.txt`).
    SameWords,
    /// [`Move::Reparented`]'s match when the kept directories are only
    /// layout names every module has ([`LAYOUT_DIRS`]):
    /// `packages/web/src/index.ts` for `packages/api/src/index.ts` is another
    /// package's entry point as likely as where the file went.
    SameLayout,
    /// The same file name in another directory (`scripts/a.sh` → `tools/a.sh`).
    SameName,
    /// A name one edit away (two for long names), in the same directory
    /// with the same extension (`scripts/bulid.sh` for `scripts/build.sh`).
    CloseName,
}

impl Move {
    /// Evidence strong enough for a fix that keeps the workflow's meaning,
    /// unless a file of the old directory stayed there (`stayed`,
    /// [`neighbour_left_behind`]).
    pub(crate) fn is_strong(self, stayed: Option<&Doubt>) -> bool {
        self.is_strong_rule() && stayed.is_none()
    }

    /// The rule's own strength, before the neighbours are looked at.
    fn is_strong_rule(self) -> bool {
        matches!(
            self,
            Move::UnderDirectory | Move::DirectoriesDropped | Move::Reparented | Move::SameWords
        )
    }

    pub(crate) fn describe(self) -> &'static str {
        match self {
            Move::UnderDirectory => "the same path under another directory",
            Move::DirectoriesDropped => "the same path without its leading directories",
            Move::Reparented => "the same directory and file name under another parent directory",
            Move::SameWords => "the same name with different separators or case",
            Move::SameLayout => {
                "the same file name under a directory of the same conventional name (such as `src/`) in another \
                 parent: another module laid out the same way may hold it, so it is not applied without a person"
            }
            Move::SameName => "the same file name in another directory",
            Move::CloseName => "a name one or two characters away in the same directory",
        }
    }
}

/// Why a missing path is made by a tool of the run rather than moved, when
/// the listing says so: the path is itself a build-output directory the
/// repository tracks nothing in (a deploy step's `--dir dist` after a build
/// that wrote nothing: review87 H2), or a project file a generator writes
/// beside its spec, which the repository may leave untracked (review87 H3):
/// CocoaPods writes `{App}.xcworkspace` beside the `Podfile` on `pod
/// install` (its "Using CocoaPods" guide), XcodeGen writes the `.xcodeproj`
/// from `project.yml` (`xcodegen generate`), Tuist from `Project.swift`
/// (`tuist generate`). A same-named file elsewhere (an example app, a
/// committed copy) is another project, never where it went.
///
/// This is the one place the fixes tell a product of the run from a moved
/// file by the listing: a path under such a directory ([`build_output`])
/// is one too, and so is a report file (SARIF, coverage, test reports).
/// Which directories builds write to and which files are reports is the logs
/// crate's knowledge (`autoheal_logs::knowledge::outputs`).
pub(crate) fn made_by_the_run(listing: &[String], path: &str, is_dir: bool) -> Option<String> {
    // Report files are refused by the classifier too, but a subject that
    // does not pass there (a custom rule's) still reaches the fixes.
    if let Some(kind) = report_kind(path).filter(|_| !is_dir) {
        return Some(format!(
            "`{path}` is a {kind} a tool of the run writes, not a file of the repository: the step that should have \
             written it failed, did not run, or wrote elsewhere, so a committed file of that name is not where it \
             went; check that step (a manual fix)"
        ));
    }
    if let Some(dir) = build_output(listing, path) {
        return Some(format!(
            "`{path}` is under `{dir}/`, where builds write their output, and the repository tracks nothing there: an \
             earlier step or job should have made it, so it did not move; check the step that builds it (a manual fix)"
        ));
    }
    let name = path.rsplit('/').next().unwrap_or(path);
    let dir = path.rsplit_once('/').map_or("", |(d, _)| d);
    let tracked_under = listing
        .iter()
        .any(|f| f.strip_prefix(path).is_some_and(|rest| rest.starts_with('/')));
    if is_dir && BUILD_OUTPUT_DIRS.contains(&name) && !tracked_under {
        return Some(format!(
            "`{path}` is a directory builds write their output to, and the repository tracks nothing there: an \
             earlier step or job should have made it, so it did not move and a tracked directory of that name is \
             not it; check the step that builds it (a manual fix)"
        ));
    }
    let beside = |file: &str| {
        let want = if dir.is_empty() {
            file.to_string()
        } else {
            format!("{dir}/{file}")
        };
        listing.contains(&want)
    };
    let generators: &[(&str, &str, &str)] = &[
        (".xcworkspace", "Podfile", "CocoaPods (`pod install`)"),
        (".xcodeproj", "project.yml", "XcodeGen (`xcodegen generate`)"),
        (".xcodeproj", "Project.swift", "Tuist (`tuist generate`)"),
    ];
    generators
        .iter()
        .find(|(ext, spec, _)| name.ends_with(ext) && beside(spec))
        .map(|(_, spec, tool)| {
            format!(
                "`{path}` is missing and `{spec}` is beside it: {tool} writes it from that file, so an earlier step \
                 should have run the generator there; a same-named project elsewhere is another project (a manual fix)"
            )
        })
}

/// Why a moved file is not followed when its tool also reads files beside
/// it that did not move with it. Prisma takes the migrations directory from
/// the schema's location (`migrations/` beside `schema.prisma`: prisma's
/// `MigrateDeploy.ts` infers it from the schema context); pointed at a schema
/// whose new directory has no `migrations/`, `prisma migrate deploy` prints
/// `No migration found in …`, then `No pending migrations to apply.`, and
/// exits 0: the deploy turns green and applies nothing (review89 H1). Other
/// Prisma commands (`generate`, `db push`) read only the schema.
pub(crate) fn companions_left_behind(listing: &[String], from: &str, to: &str, step_text: &str) -> Option<String> {
    let schema = from.ends_with(".prisma") || last(from) == "prisma" || last(from) == "schema";
    if !schema || !step_text.contains("prisma") || !step_text.contains("migrate") {
        return None;
    }
    let has_migrations = |dir: &str| {
        let prefix = if dir.is_empty() {
            "migrations/".to_string()
        } else {
            format!("{dir}/migrations/")
        };
        listing.iter().any(|f| f.starts_with(&prefix))
    };
    if has_migrations(parent(to)) || has_migrations(to) {
        return None;
    }
    Some(format!(
        "`{from}` looks moved to `{to}`, but Prisma reads the migrations from the `migrations/` directory beside the \
         schema, and there is none beside `{to}`: pointed there, `prisma migrate` finds no migration and exits \
         successfully without applying any; move the migrations with the schema, or fix the path by hand (a manual fix)"
    ))
}

/// The build-output directory (`web/dist`) a missing path lies under when
/// the listing has nothing there: the file is made by an earlier step or
/// job, so a file of the same name elsewhere (a test fixture, another
/// package's copy) is not where it went. An output-named directory the
/// repository does track (`public/` holding `index.html`) may still hold an
/// untracked output directory deeper down (`public/build/`, where Svelte's
/// and Rollup's templates write the bundle), so the search goes on below it.
fn build_output<'p>(listing: &[String], path: &'p str) -> Option<&'p str> {
    let mut at = 0;
    for part in path.split('/') {
        let end = at + part.len();
        if end >= path.len() {
            break;
        }
        if BUILD_OUTPUT_DIRS.contains(&part) {
            let dir = &path[..end];
            let tracked = listing
                .iter()
                .any(|f| f.strip_prefix(dir).is_some_and(|rest| rest.starts_with('/')));
            if !tracked {
                return Some(dir);
            }
        }
        at = end + 1;
    }
    None
}

/// Shortest file name [`Move::CloseName`] compares: shorter names are too
/// often one edit apart by chance (`a.sh`, `b.sh`).
const MIN_CLOSE_NAME: usize = 6;

/// Does a listed entry match the missing path by this rule?
type Rule<'p> = dyn Fn(&str) -> bool + 'p;

pub(crate) fn whereabouts(listing: &[String], path: &str) -> Whereabouts {
    let entries = entries(listing);
    if entries.contains(path) {
        return Whereabouts::Present;
    }
    let longest_tail = reparented_tail(&entries, path);
    let specific = longest_tail.is_some_and(specific_tail);
    let under_tail =
        |e: &str| longest_tail.is_some_and(|t| e.ends_with(&format!("/{t}")) && !e.ends_with(&format!("/{path}")));
    let rules: [(Move, &Rule); 7] = [
        (Move::UnderDirectory, &|e: &str| e.ends_with(&format!("/{path}"))),
        (Move::DirectoriesDropped, &|e: &str| {
            dropped_dirs(path).any(|s| s.contains('/') && s == e)
        }),
        (Move::Reparented, &|e: &str| specific && under_tail(e)),
        (Move::SameWords, &|e: &str| {
            let want = words(path);
            words(e) == want || dropped_dirs(e).any(|tail| words(tail) == want)
        }),
        (Move::SameLayout, &|e: &str| !specific && under_tail(e)),
        (Move::SameName, &|e: &str| last(e) == last(path)),
        (Move::CloseName, &|e: &str| close_name(path, e)),
    ];
    // The strong rules are weighed together: a match of one rule does not
    // hide a different match of another (`requirements-dev.txt` may be
    // `requirements/dev.txt` or `docs/requirements-dev.txt`, which is
    // another file), so their candidates must come to exactly one.
    let mut strong: Vec<(Move, String)> = Vec::new();
    for (how, matches) in rules {
        let mut found: Vec<String> = entries.iter().filter(|e| matches(e)).map(|e| e.to_string()).collect();
        if how == Move::DirectoriesDropped {
            // Keep only the longest remaining path: `ci/x.sh` over `x.sh`.
            found.sort_by_key(|f| std::cmp::Reverse(f.len()));
            found.truncate(1);
        }
        if how.is_strong_rule() {
            for f in found {
                if !strong.iter().any(|(_, s)| *s == f) {
                    strong.push((how, f));
                }
            }
            continue;
        }
        if !strong.is_empty() {
            break;
        }
        if let Some(w) = decide(listing, path, how, &found) {
            return w;
        }
    }
    if let Some(how) = strong.first().map(|(how, _)| *how) {
        let found: Vec<String> = strong.iter().map(|(_, f)| f.clone()).collect();
        let outer = outermost(&found);
        return match outer.as_slice() {
            // One candidate: the rule that found it names the move.
            [one] => {
                let how = strong.iter().find(|(_, f)| f == one).map_or(how, |(h, _)| *h);
                if matches!(how, Move::UnderDirectory | Move::DirectoriesDropped) {
                    if let Some(candidates) = namesakes(listing, path, one) {
                        return Whereabouts::Ambiguous {
                            how: Move::SameName,
                            candidates,
                        };
                    }
                }
                let stayed = match (how, longest_tail) {
                    (Move::Reparented, Some(tail)) => {
                        module_left_behind(listing, path, one, tail).map(Doubt::LeftBehind)
                    }
                    (Move::UnderDirectory, _) if !path.contains('/') => {
                        root_file_doubt(listing, path, one).map(Doubt::RootFile)
                    }
                    _ => neighbour_left_behind(listing, path, one).map(Doubt::LeftBehind),
                };
                Whereabouts::Moved {
                    how,
                    stayed,
                    to: one.clone(),
                }
            }
            _ => Whereabouts::Ambiguous { how, candidates: outer },
        };
    }
    Whereabouts::Absent
}

/// For the one file `to` of [`Move::UnderDirectory`] or
/// [`Move::DirectoriesDropped`]: `to` and every other file of the same name,
/// when there is one. The whole path under another directory is what a
/// project moved into a subdirectory looks like, and also what an old copy
/// kept under `legacy/` or `v1/` looks like; another file of the same name
/// (`db/sql/schema.sql` beside `legacy/db/schema.sql` for `db/schema.sql`)
/// is as likely where the file went, so the listing cannot choose and
/// neither does a fix. The same with leading directories dropped: for
/// `backend/db/schema.sql`, the root's own `db/schema.sql` (another
/// project's, the one at the root) and `backend/sql/schema.sql` are equally
/// likely. A file at the root has every namesake among the rule's own
/// matches already.
fn namesakes(listing: &[String], path: &str, to: &str) -> Option<Vec<String>> {
    let others: Vec<&String> = listing
        .iter()
        .filter(|f| f.as_str() != to && last(f) == last(path))
        .collect();
    if !path.contains('/') || !listing.iter().any(|f| f == to) || others.is_empty() {
        return None;
    }
    Some(
        std::iter::once(to.to_string())
            .chain(others.into_iter().cloned())
            .collect(),
    )
}

/// The longest tail of `path` keeping a directory (`billing/pom.xml` of
/// `services/billing/pom.xml`) that some entry ends with under another
/// parent, for [`Move::Reparented`].
fn reparented_tail<'p>(entries: &BTreeSet<&str>, path: &'p str) -> Option<&'p str> {
    dropped_dirs(path).filter(|t| t.contains('/')).find(|t| {
        let suffix = format!("/{t}");
        entries
            .iter()
            .any(|e| e.ends_with(&suffix) && !e.ends_with(&format!("/{path}")))
    })
}

/// Directory names of a project's conventional layout, which every module
/// of a repository may have: sources and tests (`src`, `lib`, `test`,
/// `tests`, `spec`, `__tests__`), Maven's and Gradle's standard layout
/// (`src/main/java`, `src/test/resources`), Go's (`cmd`, `pkg`, `internal`),
/// Rails' and Node's (`app`, `bin`, `config`, `scripts`), documentation,
/// examples and fixtures, CI, and the build-output directories
/// ([`BUILD_OUTPUT_DIRS`]). A kept tail made only of these names says
/// nothing about which module a file belongs to.
const LAYOUT_DIRS: &[&str] = &[
    "src",
    "source",
    "sources",
    "lib",
    "libs",
    "test",
    "tests",
    "spec",
    "specs",
    "__tests__",
    "testdata",
    "fixtures",
    "main",
    "java",
    "kotlin",
    "scala",
    "resources",
    "include",
    "cmd",
    "pkg",
    "internal",
    "app",
    "apps",
    "bin",
    "config",
    "configs",
    "conf",
    "etc",
    "scripts",
    "script",
    "tools",
    "util",
    "utils",
    "docs",
    "doc",
    "examples",
    "example",
    "assets",
    "static",
    "data",
    "ci",
    ".github",
    "packages",
    "modules",
    "services",
    "crates",
];

/// Does a kept tail (`billing/pom.xml`, `src/index.ts`) hold a directory
/// named for its module rather than for the layout ([`LAYOUT_DIRS`])?
fn specific_tail(tail: &str) -> bool {
    let dirs = tail.rsplit_once('/').map_or("", |(d, _)| d);
    dirs.split('/').any(|d| {
        let d = d.to_ascii_lowercase();
        !d.is_empty() && !LAYOUT_DIRS.contains(&d.as_str()) && !BUILD_OUTPUT_DIRS.contains(&d.as_str())
    })
}

/// For [`Move::Reparented`]: a file the old module directory (the kept
/// tail's first directory at its old place: `services/billing` for
/// `services/billing/pom.xml` kept as `billing/pom.xml`) still holds that
/// is not in the new one. A module that moved took all its files along;
/// one left there says the module did not move, and the file found is
/// another module's of the same name.
fn module_left_behind(listing: &[String], path: &str, to: &str, tail: &str) -> Option<String> {
    let first = tail.split('/').next().unwrap_or(tail);
    let module_of = |p: &str| p.strip_suffix(tail).map(|prefix| format!("{prefix}{first}"));
    let (old, new) = (module_of(path)?, module_of(to)?);
    let under = |dir: &str, f: &str| f.strip_prefix(dir).is_some_and(|rest| rest.starts_with('/'));
    listing.iter().find(|f| under(&old, f) && !under(&new, f)).cloned()
}

/// A file the missing path's directory still holds that is not in the
/// candidate's directory, when the candidate keeps the path's name in
/// another directory. A directory that moved took its files along: what is
/// left of it says only the one file went, and a file of the same name
/// elsewhere (`v1/requirements/prod.txt` for `requirements/prod.txt`, while
/// `requirements/dev.txt` stayed) is as likely another copy (an old
/// version's tree, another package's) as where it went. A file at the root
/// has no directory that could have moved (its namesake under one directory
/// is weighed by [`root_file_doubt`] instead); a rename inside its
/// directory, or a new name, says more than a name found elsewhere.
pub(crate) fn neighbour_left_behind(listing: &[String], path: &str, to: &str) -> Option<String> {
    let old = parent(path);
    let new = parent(to);
    if old.is_empty() || old == new || last(path) != last(to) {
        return None;
    }
    let under = |dir: &str, f: &str| f.strip_prefix(dir).is_some_and(|rest| rest.starts_with('/'));
    listing
        .iter()
        .find(|f| under(old, f) && !under(new, f) && !under(to, f))
        .cloned()
}

/// The explanation's sentence for a match made weak by a file left behind.
fn left_behind_note(path: &str, left: &str) -> String {
    format!(
        " `{left}` is still in `{}/`, so that directory did not move: the file found may be another copy rather than \
         where `{path}` went, and the change is not applied without a person.",
        common_dir(path, left)
    )
}

/// The deepest directory holding both paths (`services/billing` for
/// `services/billing/src/a.ts` and `services/billing/pom.xml`).
fn common_dir<'a>(a: &'a str, b: &str) -> &'a str {
    let mut end = 0;
    for (i, _) in a.match_indices('/') {
        if b.as_bytes().get(i) == Some(&b'/') && b.get(..i) == Some(&a[..i]) {
            end = i;
        } else {
            break;
        }
    }
    &a[..end]
}

/// A directory and the files under it are one candidate: the directory.
fn outermost(found: &[String]) -> Vec<String> {
    found
        .iter()
        .filter(|f| !found.iter().any(|o| o != *f && f.starts_with(&format!("{o}/"))))
        .cloned()
        .collect()
}

/// The one outermost candidate of one rule, or several, or none.
fn decide(listing: &[String], path: &str, how: Move, found: &[String]) -> Option<Whereabouts> {
    let outer = outermost(found);
    match outer.len() {
        0 => None,
        1 => {
            let to = outer.into_iter().next().unwrap_or_default();
            Some(Whereabouts::Moved {
                stayed: neighbour_left_behind(listing, path, &to).map(Doubt::LeftBehind),
                to,
                how,
            })
        }
        _ => Some(Whereabouts::Ambiguous { how, candidates: outer }),
    }
}

/// Every file and every directory that holds one.
fn entries(listing: &[String]) -> BTreeSet<&str> {
    let mut out = BTreeSet::new();
    for f in listing {
        out.insert(f.as_str());
        let mut rest = f.as_str();
        while let Some((dir, _)) = rest.rsplit_once('/') {
            if !out.insert(dir) {
                break;
            }
            rest = dir;
        }
    }
    out
}

fn last(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

fn parent(path: &str) -> &str {
    path.rsplit_once('/').map_or("", |(d, _)| d)
}

fn extension(name: &str) -> &str {
    name.rsplit_once('.').map_or("", |(_, e)| e)
}

/// `a/b/c` → `b/c`, `c`.
fn dropped_dirs(path: &str) -> impl Iterator<Item = &str> {
    path.match_indices('/').map(move |(i, _)| &path[i + 1..])
}

/// The words of a path: lower case, any of `/ - _ .` as the separator.
fn words(path: &str) -> String {
    path.split(['/', '-', '_', '.'])
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

fn close_name(path: &str, entry: &str) -> bool {
    let (want, have) = (last(path), last(entry));
    parent(path) == parent(entry)
        && want.len() >= MIN_CLOSE_NAME
        && extension(want) == extension(have)
        && want != have
        && strsim::osa_distance(want, have) <= if want.len() >= 12 { 2 } else { 1 }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(files: &[&str], path: &str) -> Whereabouts {
        let listing: Vec<String> = files.iter().map(|f| f.to_string()).collect();
        whereabouts(&listing, path)
    }

    fn moved(to: &str, how: Move) -> Whereabouts {
        Whereabouts::Moved {
            to: to.into(),
            how,
            stayed: None,
        }
    }

    fn strength(files: &[&str], path: &str) -> Option<(String, bool)> {
        match find(files, path) {
            Whereabouts::Moved { to, how, stayed } => Some((to, how.is_strong(stayed.as_ref()))),
            _ => None,
        }
    }

    /// A directory that moved took its files along; a file of the same name
    /// in another directory, while the old directory kept the others, is
    /// weak evidence of a move (another copy, an old version's tree).
    #[test]
    fn a_name_found_elsewhere_is_weak_when_its_neighbours_stayed() {
        // The whole directory moved: strong.
        let whole = [
            "backend/requirements/prod.txt",
            "backend/requirements/dev.txt",
            "README.md",
        ];
        assert_eq!(
            strength(&whole, "requirements/prod.txt"),
            Some(("backend/requirements/prod.txt".into(), true))
        );
        // The old directory still holds `dev.txt`: weak, and it is named.
        let stayed = ["requirements/dev.txt", "v1/requirements/prod.txt", "README.md"];
        assert_eq!(
            strength(&stayed, "requirements/prod.txt"),
            Some(("v1/requirements/prod.txt".into(), false))
        );
        assert_eq!(
            find(&stayed, "requirements/prod.txt"),
            Whereabouts::Moved {
                to: "v1/requirements/prod.txt".into(),
                how: Move::UnderDirectory,
                stayed: Some(Doubt::LeftBehind("requirements/dev.txt".into()))
            }
        );
        // Leading directories dropped, the same both ways.
        assert_eq!(strength(&["ci/x.sh"], "tools/ci/x.sh"), Some(("ci/x.sh".into(), true)));
        assert_eq!(
            strength(&["ci/x.sh", "tools/ci/y.sh"], "tools/ci/x.sh"),
            Some(("ci/x.sh".into(), false))
        );
        // A file at the root has no directory that could move: its
        // namesake under one directory is strong only beside the manifest
        // a project moved there took along (finfix H1f); a new name (same
        // words) and a rename inside the directory stay strong.
        assert_eq!(
            strength(&["backend/requirements.txt", "README.md"], "requirements.txt"),
            Some(("backend/requirements.txt".into(), false))
        );
        assert_eq!(
            strength(
                &["backend/requirements.txt", "backend/pyproject.toml", "README.md"],
                "requirements.txt"
            ),
            Some(("backend/requirements.txt".into(), true))
        );
        assert_eq!(
            strength(&["ci/requirements/dev.txt", "ci/lint.sh"], "ci/requirements-dev.txt"),
            Some(("ci/requirements/dev.txt".into(), true))
        );
        assert_eq!(
            strength(
                &["scripts/build_linux.sh", "scripts/build_mac.sh"],
                "scripts/build-linux.sh"
            ),
            Some(("scripts/build_linux.sh".into(), true))
        );
        // The new directory inside the old one: what it holds moved with it.
        assert_eq!(
            strength(&["a/a/x.txt", "a/a/y.txt"], "a/x.txt"),
            Some(("a/a/x.txt".into(), true))
        );
    }

    #[test]
    fn present_files_and_directories() {
        assert_eq!(find(&["a/b.txt"], "a/b.txt"), Whereabouts::Present);
        assert_eq!(find(&["dist/x.whl"], "dist"), Whereabouts::Present);
        assert_eq!(find(&["README.md"], "docs"), Whereabouts::Absent);
    }

    #[test]
    fn each_rule_finds_its_kind_of_move() {
        let files = ["backend/requirements.txt", "backend/setup.py", "README.md"];
        assert_eq!(
            find(&files, "requirements.txt"),
            moved("backend/requirements.txt", Move::UnderDirectory)
        );
        assert_eq!(
            find(&["ci/x.sh"], "tools/ci/x.sh"),
            moved("ci/x.sh", Move::DirectoriesDropped)
        );
        assert_eq!(
            find(
                &["requirements/dev.txt", "requirements/base.txt"],
                "requirements-dev.txt"
            ),
            moved("requirements/dev.txt", Move::SameWords)
        );
        assert_eq!(
            find(&["Dockerfile.prod"], "dockerfile.prod"),
            moved("Dockerfile.prod", Move::SameWords)
        );
        assert_eq!(
            find(&["tools/build.sh"], "scripts/build.sh"),
            moved("tools/build.sh", Move::SameName)
        );
        assert_eq!(
            find(
                &["pom.xml", "apps/billing/pom.xml", "apps/ledger/pom.xml"],
                "services/billing/pom.xml"
            ),
            moved("apps/billing/pom.xml", Move::Reparented)
        );
        assert_eq!(
            find(
                &["Cargo.toml", "tools/tdcli/Cargo.toml", "core/Cargo.toml"],
                "crates/tdcli/Cargo.toml"
            ),
            moved("tools/tdcli/Cargo.toml", Move::Reparented)
        );
        assert_eq!(
            find(
                &["scripts/build_linux.sh", "scripts/build_mac.sh"],
                "scripts/build-linux.sh"
            ),
            moved("scripts/build_linux.sh", Move::SameWords)
        );
        assert_eq!(
            find(&["scripts/bulid.sh", "README.md"], "scripts/build.sh"),
            moved("scripts/bulid.sh", Move::CloseName)
        );
        assert_eq!(
            find(&["app/src/dist/windows/a.exe"], "src/dist/windows"),
            moved("app/src/dist/windows", Move::UnderDirectory)
        );
    }

    #[test]
    fn a_path_under_an_untracked_build_directory_is_a_build_product() {
        let listing: Vec<String> = ["testdata/app.tar.gz", "web/src/main.ts", "target/README.md"]
            .iter()
            .map(|f| f.to_string())
            .collect();
        assert_eq!(build_output(&listing, "dist/app.tar.gz"), Some("dist"));
        assert_eq!(build_output(&listing, "web/dist/assets/app.js"), Some("web/dist"));
        // A build directory the repository tracks files in is its own.
        assert_eq!(build_output(&listing, "target/app.jar"), None);
        // Only directories count: a file named `dist` is not one.
        assert_eq!(build_output(&listing, "dist"), None);
        assert_eq!(build_output(&listing, "scripts/build.sh"), None);
        assert_eq!(build_output(&listing, "distribution/app.tar.gz"), None);
    }

    #[test]
    fn deploy_folders_and_generated_projects_are_made_by_the_run() {
        let listing: Vec<String> = [
            "site/dist/index.html",
            "docs/public/dist/app.js",
            "web/public/index.html",
            "ios/Podfile",
            "ios/App.xcodeproj/project.pbxproj",
            "example/ios/App.xcworkspace/contents.xcworkspacedata",
            "mac/project.yml",
            "tuist/Project.swift",
            "target/README.md",
        ]
        .iter()
        .map(|f| f.to_string())
        .collect();
        // review87 H2: a build-output directory itself, tracked nowhere there.
        for dir in ["dist", "public", "build", "web/site"] {
            let why = made_by_the_run(&listing, dir, true).unwrap_or_default();
            assert!(why.contains("builds write their output"), "{dir}: {why}");
        }
        // A directory the repository tracks files in is its own; a file of
        // that name is no directory.
        assert_eq!(made_by_the_run(&listing, "target", true), None);
        assert_eq!(made_by_the_run(&listing, "dist", false), None);
        assert_eq!(made_by_the_run(&listing, "docs/assets", true), None);
        // review87 H3: generated Xcode projects, beside their spec only.
        let why = made_by_the_run(&listing, "ios/App.xcworkspace", true).unwrap_or_default();
        assert!(why.contains("CocoaPods (`pod install`)"), "{why}");
        assert!(made_by_the_run(&listing, "mac/Mac.xcodeproj", true).is_some_and(|w| w.contains("XcodeGen")));
        assert!(made_by_the_run(&listing, "tuist/T.xcodeproj", true).is_some_and(|w| w.contains("Tuist")));
        assert_eq!(made_by_the_run(&listing, "other/App.xcworkspace", true), None);
        assert_eq!(made_by_the_run(&listing, "ios/App.xcodeproj", true), None);
        // finfix L1f: a report file, whatever rule named it.
        let why = made_by_the_run(&listing, "coverage.xml", false).unwrap_or_default();
        assert!(why.contains("coverage report"), "{why}");
        assert_eq!(made_by_the_run(&listing, "docs/coverage.md", false), None);
    }

    #[test]
    fn several_candidates_or_weak_resemblance_give_no_target() {
        assert_eq!(
            find(&["a/requirements.txt", "b/requirements.txt"], "requirements.txt"),
            Whereabouts::Ambiguous {
                how: Move::UnderDirectory,
                candidates: vec!["a/requirements.txt".into(), "b/requirements.txt".into()]
            }
        );
        // Short names and other extensions are not "close".
        assert_eq!(find(&["b.sh"], "a.sh"), Whereabouts::Absent);
        assert_eq!(find(&["scripts/build.py"], "scripts/build.sh"), Whereabouts::Absent);
        // Two strong rules finding two different files: the one found by
        // the earlier rule is not preferred (it may be another file of the
        // same name, such as the docs' own requirements).
        assert_eq!(
            find(
                &["requirements/dev.txt", "docs/requirements-dev.txt"],
                "requirements-dev.txt"
            ),
            Whereabouts::Ambiguous {
                how: Move::UnderDirectory,
                candidates: vec!["docs/requirements-dev.txt".into(), "requirements/dev.txt".into()]
            }
        );
        // A project file's bare name at the root is where the root
        // module's file always was, not where a module's went.
        assert_eq!(
            find(&["pom.xml", "ledger/pom.xml"], "services/billing/pom.xml"),
            Whereabouts::Ambiguous {
                how: Move::SameName,
                candidates: vec!["ledger/pom.xml".into(), "pom.xml".into()]
            }
        );
        assert_eq!(
            find(&["web/src/index.ts", "api/src/index.ts"], "app/src/index.ts"),
            Whereabouts::Ambiguous {
                how: Move::SameLayout,
                candidates: vec!["api/src/index.ts".into(), "web/src/index.ts".into()]
            }
        );
        // Another directory's near-namesake is not a rename.
        assert_eq!(find(&["other/bulid.sh"], "scripts/build.sh"), Whereabouts::Absent);
        assert_eq!(find(&[], "x.txt"), Whereabouts::Absent);
    }

    /// diag117's wrong target: the whole path under `legacy/` is no move
    /// while another file has the same name, inside the old directory or
    /// anywhere else; alone, it stays a strong move.
    #[test]
    fn the_whole_path_under_a_directory_is_ambiguous_beside_a_namesake() {
        for other in ["db/sql/schema.sql", "migrations/schema.sql"] {
            assert_eq!(
                find(&["legacy/db/schema.sql", other, "README.md"], "db/schema.sql"),
                Whereabouts::Ambiguous {
                    how: Move::SameName,
                    candidates: vec!["legacy/db/schema.sql".into(), other.into()]
                },
                "{other}"
            );
        }
        let alone = ["legacy/db/schema.sql", "legacy/db/seed.sql", "README.md"];
        assert_eq!(
            find(&alone, "db/schema.sql"),
            moved("legacy/db/schema.sql", Move::UnderDirectory)
        );
        assert_eq!(
            strength(&alone, "db/schema.sql"),
            Some(("legacy/db/schema.sql".into(), true))
        );
    }

    /// The path without its leading directories is no move either while
    /// another file has the same name: for `backend/db/schema.sql`, the
    /// root's `db/schema.sql` and `backend/sql/schema.sql` are as likely;
    /// alone, it stays a strong move.
    #[test]
    fn the_path_without_its_leading_directories_is_ambiguous_beside_a_namesake() {
        for other in ["backend/sql/schema.sql", "migrations/schema.sql"] {
            assert_eq!(
                find(&["db/schema.sql", "db/seed.sql", other], "backend/db/schema.sql"),
                Whereabouts::Ambiguous {
                    how: Move::SameName,
                    candidates: vec!["db/schema.sql".into(), other.into()]
                },
                "{other}"
            );
        }
        let alone = ["db/schema.sql", "db/seed.sql", "README.md"];
        assert_eq!(
            find(&alone, "backend/db/schema.sql"),
            moved("db/schema.sql", Move::DirectoriesDropped)
        );
        assert_eq!(
            strength(&alone, "backend/db/schema.sql"),
            Some(("db/schema.sql".into(), true))
        );
    }

    /// review90 M3: a kept tail of layout names only (`src/index.ts`) is
    /// another module's file as likely as the moved one: weak, whether the
    /// old package is gone or still there.
    #[test]
    fn a_sibling_packages_generic_tail_is_no_strong_move() {
        for files in [
            &["package.json", "packages/web/src/index.ts"][..],
            &["package.json", "packages/api/package.json", "packages/web/src/index.ts"][..],
        ] {
            assert_eq!(
                find(files, "packages/api/src/index.ts"),
                moved("packages/web/src/index.ts", Move::SameLayout),
                "{files:?}"
            );
            assert_eq!(
                strength(files, "packages/api/src/index.ts"),
                Some(("packages/web/src/index.ts".into(), false))
            );
        }
        // Layout names in any case, build outputs too: still no module name.
        assert!(!specific_tail("src/main/java/App.java"));
        assert!(!specific_tail("Tests/dist/x.js"));
        assert!(specific_tail("billing/src/pom.xml"));
    }

    /// A module directory of its own name that moved as a whole is a strong
    /// move; a file it left at the old place makes it weak, and the note
    /// names the module directory.
    #[test]
    fn a_named_module_moved_whole_is_strong_unless_it_left_files() {
        let moved_whole = ["pom.xml", "services/ledger/pom.xml", "apps/billing/pom.xml"];
        assert_eq!(
            find(&moved_whole, "services/billing/pom.xml"),
            moved("apps/billing/pom.xml", Move::Reparented)
        );
        assert_eq!(
            strength(&moved_whole, "services/billing/pom.xml"),
            Some(("apps/billing/pom.xml".into(), true))
        );
        // The module's other file stayed at the old place, beside the tail's
        // directory rather than in the file's own directory.
        let left = [
            "services/billing/package.json",
            "apps/billing/src/main.ts",
            "apps/billing/package.json",
        ];
        assert_eq!(
            find(&left, "services/billing/src/main.ts"),
            Whereabouts::Moved {
                to: "apps/billing/src/main.ts".into(),
                how: Move::Reparented,
                stayed: Some(Doubt::LeftBehind("services/billing/package.json".into()))
            }
        );
        let note = left_behind_note("services/billing/src/main.ts", "services/billing/package.json");
        assert!(note.contains("still in `services/billing/`"), "{note}");
        assert_eq!(common_dir("a/b.txt", "c/d.txt"), "");
        assert_eq!(common_dir("a/é/x", "a/é/y/z"), "a/é");
    }
}
