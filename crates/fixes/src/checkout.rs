//! Where a job's checkout steps put the repository, for fixes that compute a
//! path from the repository's file listing. `actions/checkout`'s `path:`
//! input is the directory under `$GITHUB_WORKSPACE` that receives the
//! repository (its action.yml: "Relative path under $GITHUB_WORKSPACE to
//! place the repository"; none is the workspace itself), and `repository:`
//! names what is checked out (none: the workflow's own repository). A `run:`
//! step without `working-directory` starts at `$GITHUB_WORKSPACE` whatever
//! was checked out, so a path from the repository's root is a path from the
//! step only when this repository was checked out into the workspace itself.

use autoheal_engine::model::Job;
use autoheal_engine::rules::audit;
use autoheal_engine::yaml::Node;
use autoheal_logs::subject::workspace_path;

/// Where the steps before a given one left the repository.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Repository {
    /// This repository was checked out into the workspace itself (other
    /// repositories, if any, into directories below it).
    AtWorkspace,
    /// No checkout step ran (a fix may add one).
    NotCheckedOut,
    /// This repository was checked out once, into the literal directory
    /// `dir` under the workspace (`path: app`, as actions/checkout's
    /// input-helper resolves it: joined onto `GITHUB_WORKSPACE`), by step
    /// `step`: the repository's `a/b` is the workspace's `dir/a/b`.
    UnderDirectory { dir: String, step: String },
    /// The repository is elsewhere, or where is not known: why, naming the
    /// checkout step.
    Elsewhere(String),
}

/// Where the checkouts among the job's steps before `index` left the
/// repository. Another repository checked out into a directory of the
/// workspace leaves this one where it is; one checked out into the
/// workspace itself replaces it; this repository checked out under a `path:`
/// (a literal or an expression) is not where run steps start; an action
/// named for checking out other than `actions/checkout` is not read.
pub(crate) fn before(job: &Job<'_>, index: usize) -> Repository {
    let mut at_workspace_seen = false;
    for s in job.steps.iter().take(index) {
        let name = s.display_name();
        if audit::uses_action(s.node, "actions/checkout") {
            match (at_workspace(s.node), of_this_repository(s.node)) {
                (true, true) => at_workspace_seen = true,
                (false, false) => {}
                (true, false) => {
                    return Repository::Elsewhere(format!(
                        "step \"{name}\" checks out another repository (its `repository:`) into the workspace itself, in \
                         place of this one, so the repository's files are not where the step looks"
                    ));
                }
                (false, true) => {
                    let path = audit::input(s.node, "path")
                        .and_then(Node::as_str)
                        .unwrap_or("?")
                        .trim();
                    let literal = literal_directory(path);
                    // A later checkout of this repository, or of any repository into
                    // the workspace itself or into a directory overlapping this one's
                    // (the same, above or below it): actions/checkout empties a
                    // directory that holds no matching `.git` and writes its files
                    // there, so which files sit under the directory is no longer
                    // known (finfix22 M2). Another repository elsewhere changes nothing.
                    let overlaps = |t: &Node| match &literal {
                        Some(dir) => audit::input(t, "path")
                            .and_then(Node::as_str)
                            .and_then(|p| literal_directory(p.trim()))
                            .is_none_or(|p| {
                                p == *dir || dir.starts_with(&format!("{p}/")) || p.starts_with(&format!("{dir}/"))
                            }),
                        None => true,
                    };
                    let again = job.steps[s.index + 1..index.min(job.steps.len())].iter().find(|t| {
                        audit::uses_action(t.node, "actions/checkout")
                            && (of_this_repository(t.node) || at_workspace(t.node) || overlaps(t.node))
                    });
                    return match (literal, again, at_workspace_seen) {
                        (Some(dir), None, false) => Repository::UnderDirectory {
                            dir,
                            step: name.to_string(),
                        },
                        (_, Some(t), _) => Repository::Elsewhere(format!(
                            "step \"{name}\" checks the repository out into `{path}` and step \"{}\" checks out \
                             again after it, so which files a path names is not known",
                            t.display_name()
                        )),
                        (_, None, true) => Repository::Elsewhere(format!(
                            "step \"{name}\" checks the repository out a second time, into `{path}`, so which copy a \
                             path names is not known"
                        )),
                        (None, None, false) => Repository::Elsewhere(format!(
                            "step \"{name}\" checks the repository out into `{path}` (its `path:`), which is not a \
                             literal directory under the workspace, so where the repository's files are is not known"
                        )),
                    };
                }
            }
        } else if audit::action_name(s.node).is_some_and(|n| n.contains("checkout")) {
            return Repository::Elsewhere(format!(
                "step \"{name}\" runs `{}`, a checkout whose destination autoheal does not read, so where the \
                 repository's files are is not known",
                s.uses().unwrap_or("?")
            ));
        }
    }
    if at_workspace_seen {
        Repository::AtWorkspace
    } else {
        Repository::NotCheckedOut
    }
}

impl Repository {
    /// Why a path computed from the repository's root is not a path from the
    /// workspace (where a run step starts and `hashFiles` looks), for fixes
    /// that do not add the checkout's directory: `None` when the repository
    /// is at the workspace or was not checked out.
    pub(crate) fn not_at_workspace(&self) -> Option<String> {
        match self {
            Repository::AtWorkspace | Repository::NotCheckedOut => None,
            Repository::Elsewhere(why) => Some(why.clone()),
            Repository::UnderDirectory { dir, step } => Some(format!(
                "step \"{step}\" checks the repository out into `{dir}` (its `path:`), under the workspace, while a \
                 run step starts at the workspace itself; a path computed from the repository's root would point at \
                 the wrong place"
            )),
        }
    }
}

/// A checkout's `path:` that is a plain directory under the workspace, as
/// written: no expression, variable or glob (the strict path grammar,
/// [`workspace_path`]); `./app/` reads as `app`.
fn literal_directory(path: &str) -> Option<String> {
    if path.contains('$') {
        return None;
    }
    workspace_path(path)
}

/// No `path:`, or one that is the workspace (`.`, `${{ github.workspace }}`).
fn at_workspace(step: &Node) -> bool {
    let Some(path) = audit::input(step, "path") else {
        return true;
    };
    let Some(text) = path.as_str() else { return false };
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let compact = compact.trim_end_matches('/');
    matches!(compact, "" | "." | "${{github.workspace}}")
}

/// No `repository:`, or `${{ github.repository }}`.
fn of_this_repository(step: &Node) -> bool {
    let Some(repo) = audit::input(step, "repository") else {
        return true;
    };
    let compact: String = repo
        .as_str()
        .unwrap_or("?")
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    compact.is_empty() || compact == "${{github.repository}}"
}

#[cfg(test)]
mod tests {
    use super::*;
    use autoheal_engine::model::Workflow;
    use autoheal_engine::yaml;

    fn read(steps: &str) -> Repository {
        let src = format!("on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n{steps}      - run: make\n");
        let doc = yaml::parse(src.as_bytes());
        let wf = Workflow::new(doc.root.as_ref().expect("parses"));
        let job = wf.job("t").expect("job");
        before(job, job.steps.len() - 1)
    }

    #[test]
    fn a_checkout_is_read_by_its_path_and_repository() {
        assert_eq!(read(""), Repository::NotCheckedOut);
        for at_root in [
            "      - uses: actions/checkout@v4\n",
            "      - uses: actions/checkout@v4\n        with:\n          path: .\n",
            "      - uses: actions/checkout@v4\n        with:\n          path: ${{ github.workspace }}/\n",
            "      - uses: actions/checkout@v4\n        with:\n          repository: ${{ github.repository }}\n",
            // Another repository below the workspace leaves this one in place.
            "      - uses: actions/checkout@v4\n      - uses: actions/checkout@v4\n        with:\n          repository: o/tools\n          path: tools\n",
        ] {
            assert_eq!(read(at_root), Repository::AtWorkspace, "{at_root}");
        }
        for (elsewhere, names) in [
            (
                "      - uses: actions/checkout@v4\n        with:\n          path: app/*\n",
                "`app/*`",
            ),
            (
                "      - uses: actions/checkout@v4\n        with:\n          path: $HOME/app\n",
                "`$HOME/app`",
            ),
            (
                "      - uses: actions/checkout@v4\n        with:\n          path: ../app\n",
                "`../app`",
            ),
            (
                "      - uses: actions/checkout@v4\n        with:\n          path: app\n      - uses: actions/checkout@v4\n        with:\n          path: copy\n",
                "checks out again after it",
            ),
            (
                "      - uses: actions/checkout@v4\n      - uses: actions/checkout@v4\n        with:\n          path: app\n",
                "a second time",
            ),
            // Another repository after it, into the workspace itself or into,
            // above or below its directory: the directory's files are not known.
            (
                "      - uses: actions/checkout@v4\n        with:\n          path: app\n      - uses: actions/checkout@v4\n        with:\n          repository: o/tools\n",
                "checks out again after it",
            ),
            (
                "      - uses: actions/checkout@v4\n        with:\n          path: app\n      - uses: actions/checkout@v4\n        with:\n          repository: o/tools\n          path: app\n",
                "checks out again after it",
            ),
            (
                "      - uses: actions/checkout@v4\n        with:\n          path: app/src\n      - uses: actions/checkout@v4\n        with:\n          repository: o/tools\n          path: app\n",
                "checks out again after it",
            ),
            (
                "      - uses: actions/checkout@v4\n        with:\n          path: app\n      - uses: actions/checkout@v4\n        with:\n          repository: o/tools\n          path: app/vendor\n",
                "checks out again after it",
            ),
            (
                "      - uses: actions/checkout@v4\n        with:\n          path: ${{ matrix.dir }}\n",
                "`${{ matrix.dir }}`",
            ),
            (
                "      - uses: actions/checkout@v4\n        with:\n          repository: o/other\n",
                "another repository",
            ),
            (
                "      - uses: someone/sparse-checkout@v1\n",
                "`someone/sparse-checkout@v1`",
            ),
        ] {
            match read(elsewhere) {
                Repository::Elsewhere(why) => assert!(why.contains(names), "{why}"),
                other => panic!("{elsewhere}: {other:?}"),
            }
        }
        // A literal directory: the repository is under it, whatever other
        // repository is checked out beside it.
        for under_app in [
            "      - uses: actions/checkout@v4\n        with:\n          path: app\n",
            "      - uses: actions/checkout@v4\n        with:\n          path: ./app/\n",
            "      - uses: actions/checkout@v4\n        with:\n          path: app\n      - uses: actions/checkout@v4\n        with:\n          repository: o/tools\n          path: tools\n",
        ] {
            match read(under_app) {
                Repository::UnderDirectory { dir, .. } => assert_eq!(dir, "app", "{under_app}"),
                other => panic!("{under_app}: {other:?}"),
            }
        }
        // A checkout after the step does not count.
        let src = "on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: make\n      - uses: actions/checkout@v4\n        with:\n          path: app\n";
        let doc = yaml::parse(src.as_bytes());
        let wf = Workflow::new(doc.root.as_ref().expect("parses"));
        assert_eq!(before(wf.job("t").expect("job"), 1), Repository::AtWorkspace);
    }
}
