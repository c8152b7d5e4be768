//! The parts of GitHub's JSON that autoheal reads, where octocrab has no model that fits.
//!
//! octocrab 0.54's models (`models::workflows::Run`, `models::issues::Issue`, …) are
//! `#[non_exhaustive]`, require dozens of URL fields autoheal never reads, lack fields it
//! does read (a run's `path`, `run_attempt`, `triggering_actor`), and close enums GitHub keeps
//! open (a job conclusion of `startup_failure` fails to decode). So these models are our own,
//! and they follow GitHub's REST schema for the fields they keep: a field GitHub always sends
//! is required, so a missing or renamed field is a decode error instead of a silent `0` or
//! `""`. A field GitHub always sends but may set to `null` is an `Option` marked
//! `#[serde(deserialize_with = "nullable")]`, which makes it required too (serde otherwise
//! reads a missing `Option` as `None`). Plain `Option` fields are the ones GitHub's schema
//! leaves out of some answers. `Default` exists for tests and dry-run placeholders only.

use serde::{Deserialize, Deserializer, Serialize};

/// Deserializes a required field that may be `null`.
fn nullable<'de, D: Deserializer<'de>, T: Deserialize<'de>>(deserializer: D) -> Result<Option<T>, D::Error> {
    Option::<T>::deserialize(deserializer)
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct User {
    pub login: String,
}

/// A label of an issue or pull request. GitHub's issue schema gives each label as "one of"
/// a plain string or an object whose fields (`name` included) are all optional, so both
/// decode; an object without a name is a label with an empty name, which matches nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Label {
    pub name: String,
}

impl<'de> Deserialize<'de> for Label {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Object {
            #[serde(default, deserialize_with = "nullable")]
            name: Option<String>,
        }
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Either {
            Name(String),
            Object(Object),
        }
        Ok(Label {
            name: match Either::deserialize(deserializer)? {
                Either::Name(name) => name,
                Either::Object(object) => object.name.unwrap_or_default(),
            },
        })
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Repository {
    pub full_name: String,
    pub default_branch: String,
    pub html_url: String,
}

/// The repository a run belongs to, or the one its head commit came from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RepoRef {
    pub full_name: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkflowRun {
    pub id: u64,
    /// Display only; GitHub's schema does not require it (nor `run_attempt`, `actor`,
    /// `triggering_actor`), unlike the other fields here.
    pub name: Option<String>,
    /// Workflow file, e.g. `.github/workflows/ci.yml`.
    pub path: String,
    #[serde(deserialize_with = "nullable")]
    pub head_branch: Option<String>,
    pub head_sha: String,
    /// What started the run: `push`, `pull_request`, `schedule`, …
    pub event: String,
    #[serde(deserialize_with = "nullable")]
    pub status: Option<String>,
    #[serde(deserialize_with = "nullable")]
    pub conclusion: Option<String>,
    /// Left out of some answers; the first attempt then.
    pub run_attempt: Option<u64>,
    pub html_url: String,
    pub created_at: String,
    /// The repository the run belongs to.
    pub repository: RepoRef,
    /// Where the head commit came from: a fork for pull requests from forks. `null` when the
    /// fork was deleted.
    #[serde(deserialize_with = "nullable")]
    pub head_repository: Option<RepoRef>,
    /// Who started the run first (left out of some answers).
    pub actor: Option<User>,
    /// Who started this attempt (a re-run's actor can differ from the first one).
    pub triggering_actor: Option<User>,
}

impl WorkflowRun {
    /// Makes `path` the workflow file's path inside the run's repository. GitHub's schema
    /// gives `path` as "the full path of the workflow", and its own example is
    /// `octocat/octo-repo/.github/workflows/ci.yml@main`: the repository in front and the
    /// ref behind. Both are dropped when the repository is the run's own; a workflow that
    /// lives in another repository (an organization's required workflow) keeps its whole
    /// path, so it is never read from the wrong repository.
    pub fn normalize_path(&mut self) {
        self.path = workflow_file_path(&self.path, &self.repository.full_name);
    }

    pub fn attempt(&self) -> u64 {
        self.run_attempt.unwrap_or(1)
    }

    /// The user whose permission decides whether the run is trusted: the one who triggered
    /// this attempt, else the one who started the run.
    pub fn trigger_login(&self) -> Option<&str> {
        self.triggering_actor
            .as_ref()
            .or(self.actor.as_ref())
            .map(|u| u.login.as_str())
            .filter(|l| !l.is_empty())
    }
}

/// See [`WorkflowRun::normalize_path`].
fn workflow_file_path(path: &str, repository: &str) -> String {
    let without_ref = [".yml@", ".yaml@"]
        .iter()
        .find_map(|ext| path.find(ext).map(|at| &path[..at + ext.len() - 1]))
        .unwrap_or(path);
    let Some(at) = without_ref.find(".github/workflows/").filter(|&at| at > 0) else {
        return without_ref.to_string();
    };
    let owner_and_name = without_ref[..at].trim_end_matches('/');
    if !repository.is_empty() && owner_and_name.eq_ignore_ascii_case(repository) {
        without_ref[at..].to_string()
    } else {
        path.to_string()
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    pub name: String,
    pub number: u64,
    pub status: String,
    #[serde(deserialize_with = "nullable")]
    pub conclusion: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Job {
    pub id: u64,
    pub run_id: u64,
    pub name: String,
    pub status: String,
    #[serde(deserialize_with = "nullable")]
    pub conclusion: Option<String>,
    pub check_run_url: String,
    /// GitHub's schema leaves `steps` out of some answers (a job that never started).
    #[serde(default)]
    pub steps: Vec<Step>,
}

impl Job {
    /// The check run behind this job: the id that ends `check_run_url`.
    pub fn check_run_id(&self) -> Option<u64> {
        self.check_run_url.rsplit('/').next().and_then(|id| id.parse().ok())
    }

    pub fn failed_step(&self) -> Option<&Step> {
        self.steps
            .iter()
            .find(|s| matches!(s.conclusion.as_deref(), Some("failure" | "cancelled" | "timed_out")))
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Annotation {
    pub path: String,
    pub start_line: u64,
    pub end_line: u64,
    #[serde(deserialize_with = "nullable")]
    pub annotation_level: Option<String>,
    /// Display only; GitHub's list answers may leave it out.
    pub title: Option<String>,
    #[serde(deserialize_with = "nullable")]
    pub message: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Issue {
    pub number: u64,
    pub title: String,
    /// Left out when empty.
    pub body: Option<String>,
    pub state: String,
    pub labels: Vec<Label>,
    /// Who opened it (`null` for a deleted account).
    #[serde(deserialize_with = "nullable")]
    pub user: Option<User>,
    /// How the opener is related to the repository, as for a comment
    /// ([`Comment::author_association`]): only an `OWNER`, `MEMBER` or `COLLABORATOR` opener
    /// is asked about.
    pub author_association: String,
    pub html_url: String,
    pub created_at: String,
    pub updated_at: String,
    #[serde(deserialize_with = "nullable")]
    pub closed_at: Option<String>,
    /// Present when this "issue" is a pull request.
    pub pull_request: Option<PullLink>,
}

impl Issue {
    pub fn has_label(&self, name: &str) -> bool {
        self.labels.iter().any(|l| l.name.eq_ignore_ascii_case(name))
    }

    pub fn is_pull_request(&self) -> bool {
        self.pull_request.is_some()
    }

    pub fn author(&self) -> Option<&str> {
        self.user.as_ref().map(|u| u.login.as_str())
    }
}

/// The `pull_request` object of an issue that is a pull request.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PullLink {
    /// Set once merged (left out by older GitHub Enterprise versions).
    pub merged_at: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Comment {
    pub id: u64,
    /// Left out when empty.
    pub body: Option<String>,
    #[serde(deserialize_with = "nullable")]
    pub user: Option<User>,
    pub created_at: String,
    /// How the author is related to the repository, as GitHub judges it when answering:
    /// `OWNER`, `MEMBER` (of the owning organization), `COLLABORATOR`, `CONTRIBUTOR`,
    /// `FIRST_TIME_CONTRIBUTOR`, `FIRST_TIMER`, `MANNEQUIN` or `NONE`
    /// (`decide::trust::may_be_writer`).
    pub author_association: String,
    /// The API URL of the issue or pull request the comment is on
    /// (`…/repos/{o}/{r}/issues/{n}`): the repository's comment list names each thread only
    /// by it.
    pub issue_url: String,
}

impl Comment {
    /// The number of the issue or pull request of `repo` the comment is on, from
    /// [`Comment::issue_url`]; `None` when the URL names another repository or no number.
    pub fn thread_in(&self, repo: &crate::RepoName) -> Option<u64> {
        let (rest, number) = self.issue_url.rsplit_once("/issues/")?;
        // The path starts with `/`, so `…/repos/xocto/app` is not `octo/app`'s.
        let owned = rest.to_ascii_lowercase().ends_with(&repo.path().to_ascii_lowercase());
        if !owned || number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        number.parse().ok()
    }

    pub fn text(&self) -> &str {
        self.body.as_deref().unwrap_or_default()
    }

    pub fn author(&self) -> &str {
        self.user.as_ref().map(|u| u.login.as_str()).unwrap_or_default()
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BranchRef {
    #[serde(rename = "ref")]
    pub name: String,
    pub sha: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PullRequest {
    pub number: u64,
    pub title: String,
    #[serde(deserialize_with = "nullable")]
    pub body: Option<String>,
    pub state: String,
    pub html_url: String,
    pub head: BranchRef,
    pub base: BranchRef,
    pub labels: Vec<Label>,
    pub created_at: String,
    #[serde(deserialize_with = "nullable")]
    pub closed_at: Option<String>,
    #[serde(deserialize_with = "nullable")]
    pub merged_at: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GitObject {
    pub sha: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GitRef {
    #[serde(rename = "ref")]
    pub name: String,
    pub object: GitObject,
}

/// Any answer that is an object with a `sha` (a created blob or tree, a commit's parent).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sha {
    pub sha: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GitCommit {
    pub sha: String,
    pub tree: Sha,
    pub parents: Vec<Sha>,
    pub message: String,
}

/// One entry of a tree to create. `sha: None` with `delete` removes the path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TreeEntry {
    pub path: String,
    /// `100644` for files, `100755` for executables.
    pub mode: String,
    pub blob_sha: Option<String>,
}

/// A tree as `GET /git/trees/{sha}?recursive=1` returns it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tree {
    pub sha: String,
    pub tree: Vec<TreeItem>,
    /// GitHub stops listing after 100,000 entries (or 7 MB) and says so here.
    pub truncated: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TreeItem {
    pub path: String,
    /// `blob`, `tree` or `commit` (a submodule).
    #[serde(rename = "type")]
    pub kind: String,
    pub sha: String,
    /// Blobs only.
    pub size: Option<u64>,
}

/// A file as the contents API or the blobs API returns it (base64 content).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileContent {
    pub sha: String,
    pub encoding: String,
    pub content: String,
    /// The file's size in bytes, stated even when the content is left out.
    pub size: u64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckRun {
    pub id: u64,
    pub name: String,
    pub status: String,
    #[serde(deserialize_with = "nullable")]
    pub conclusion: Option<String>,
    /// Display only: a check without a link is listed without one.
    pub html_url: Option<String>,
    /// The check suite the run belongs to (`null` when GitHub names none).
    #[serde(deserialize_with = "nullable")]
    pub check_suite: Option<CheckSuiteId>,
}

/// A check run's suite, as the run names it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckSuiteId {
    pub id: u64,
}

/// `GET …/commits/{ref}/check-suites`: one suite of checks on a commit.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckSuite {
    pub id: u64,
    /// The branch of this repository the suite's push was on; `null` when the push was to a
    /// branch of a fork (GitHub's Checks API sees pushes only in the repository the suite was
    /// created in), or GitHub names none.
    #[serde(deserialize_with = "nullable")]
    pub head_branch: Option<String>,
}

/// `GET /repos/{owner}/{repo}/collaborators/{user}/permission`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CollaboratorPermission {
    /// The legacy role: `admin`, `write`, `read` or `none` (`maintain` reads as `write`,
    /// `triage` as `read`).
    pub permission: String,
    /// The role's name, custom roles included (left out by older GitHub Enterprise versions).
    pub role_name: Option<String>,
}

/// A submitted pull request review.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    pub id: u64,
    #[serde(deserialize_with = "nullable")]
    pub user: Option<User>,
    /// `APPROVED`, `CHANGES_REQUESTED`, `COMMENTED`, `DISMISSED` or `PENDING`.
    pub state: String,
    /// Left out for pending reviews.
    pub submitted_at: Option<String>,
    /// The commit the review was made on (left out by older GitHub Enterprise versions).
    pub commit_id: Option<String>,
    /// As a comment's ([`Comment::author_association`]).
    pub author_association: String,
}

impl Review {
    pub fn author(&self) -> &str {
        self.user.as_ref().map(|u| u.login.as_str()).unwrap_or_default()
    }
}

/// The answer to a review request: the pull request, of which the requested reviewers matter.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewRequested {
    pub requested_reviewers: Vec<User>,
}

/// The answer to an assignment: the issue, of which the assignees matter.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assigned {
    pub assignees: Vec<User>,
}

/// A repository of an organization's listing.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrgRepo {
    pub full_name: String,
    /// GitHub's minimal-repository schema leaves these out of some answers.
    pub archived: Option<bool>,
    pub disabled: Option<bool>,
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn a_comment_names_its_thread_only_in_its_own_repository() {
        let repo = crate::RepoName::parse("Octo/App").unwrap_or_else(|e| panic!("{e}"));
        let on = |url: &str| {
            Comment {
                issue_url: url.into(),
                ..Comment::default()
            }
            .thread_in(&repo)
        };
        assert_eq!(on("https://api.github.com/repos/octo/app/issues/12"), Some(12));
        assert_eq!(on("https://api.github.com/repos/xocto/app/issues/12"), None);
        assert_eq!(on("https://api.github.com/repos/octo/app/issues/12a"), None);
        assert_eq!(on("https://api.github.com/repos/octo/app/issues/"), None);
        assert_eq!(on(""), None);
    }

    #[test]
    fn a_missing_required_field_is_an_error_not_a_default() {
        let run = json!({
            "id": 1, "name": null, "path": ".github/workflows/ci.yml", "head_branch": "main",
            "head_sha": "abc", "event": "push", "status": "completed", "conclusion": "failure",
            "html_url": "https://github.com/o/r/actions/runs/1", "created_at": "2024-01-01T00:00:00Z",
            "repository": { "full_name": "o/r" }, "head_repository": null,
        });
        let parsed: WorkflowRun = serde_json::from_value(run.clone()).unwrap_or_default();
        assert_eq!((parsed.id, parsed.attempt(), parsed.head_repository), (1, 1, None));
        let mut unnamed = run.clone();
        unnamed.as_object_mut().map(|m| m.remove("name"));
        let unnamed = serde_json::from_value::<WorkflowRun>(unnamed);
        assert!(
            unnamed.is_ok_and(|r| r.id == 1 && r.name.is_none()),
            "a run's name is optional"
        );
        for key in ["head_sha", "head_repository", "conclusion", "event"] {
            let mut broken = run.clone();
            broken.as_object_mut().map(|m| m.remove(key));
            let error = serde_json::from_value::<WorkflowRun>(broken).err();
            assert!(
                error.is_some_and(|e| e.to_string().contains(&format!("missing field `{key}`"))),
                "{key}"
            );
        }
    }

    #[test]
    fn a_run_path_loses_its_own_repository_and_ref_but_not_another_repository() {
        let cases = [
            (".github/workflows/ci.yml", ".github/workflows/ci.yml"),
            ("o/r/.github/workflows/ci.yml@main", ".github/workflows/ci.yml"),
            (
                "O/R/.github/workflows/ci.yaml@refs/heads/dev",
                ".github/workflows/ci.yaml",
            ),
            (".github/workflows/ci.yml@refs/heads/main", ".github/workflows/ci.yml"),
            (
                "org/policy/.github/workflows/required.yml@abc",
                "org/policy/.github/workflows/required.yml@abc",
            ),
            (
                "dynamic/pages/pages-build-deployment",
                "dynamic/pages/pages-build-deployment",
            ),
        ];
        for (raw, expected) in cases {
            let mut run = WorkflowRun {
                path: raw.into(),
                repository: RepoRef {
                    full_name: "o/r".into(),
                },
                ..WorkflowRun::default()
            };
            run.normalize_path();
            assert_eq!(run.path, expected, "{raw}");
        }
    }

    #[test]
    fn issue_labels_may_be_strings_or_objects_without_a_name() {
        let labels: Vec<Label> = serde_json::from_value(json!([
            "auto-heal",
            { "id": 1, "name": "workflow-failure", "color": "d73a4a" },
            { "id": 2 },
            { "name": null },
        ]))
        .unwrap_or_default();
        let names: Vec<&str> = labels.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(names, ["auto-heal", "workflow-failure", "", ""]);
        assert!(serde_json::from_value::<Label>(json!(7)).is_err());
    }

    #[test]
    fn the_check_run_id_comes_from_the_url() {
        let job = Job {
            check_run_url: "https://api.github.com/repos/o/r/check-runs/77".into(),
            ..Job::default()
        };
        assert_eq!(job.check_run_id(), Some(77));
    }
}
