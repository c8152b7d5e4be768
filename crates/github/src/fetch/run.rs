//! Everything `report` reads about a run: the run, the jobs of its latest attempt, the logs
//! (the run zip, or per-job logs when the zip is unavailable) and the annotations of the
//! failed or cancelled jobs, where a timeout shows and nowhere else.

use crate::client::GitHub;
use crate::client::config::RepoName;
use crate::error::Result;
use crate::models::{Annotation, Job, WorkflowRun};
use crate::progress::Progress;

/// GitHub's annotation when a job hits `timeout-minutes`.
const TIMEOUT_MARK: &str = "exceeded the maximum execution time";

/// The failed jobs whose annotations (and, when the run's zip is unavailable, logs) are read,
/// at most. A workflow (a fork's among them) can fail hundreds of matrix legs at once, each
/// one call for its annotations and one log of up to the response cap; the first failed
/// jobs in the run's order carry the root cause (legs of one matrix fail alike), and the
/// rest are still listed with their conclusions.
pub const MAX_FAILED_JOBS_READ: usize = 20;

/// A log as downloaded: the run zip (job names inside) or one job's text.
#[derive(Debug, Clone)]
pub struct FetchedLog {
    /// The job a text log belongs to; `None` for the run zip.
    pub job: Option<String>,
    pub bytes: Vec<u8>,
}

/// The raw material of one report.
#[derive(Debug, Clone)]
pub struct RunEvidence {
    pub run: WorkflowRun,
    pub jobs: Vec<Job>,
    pub logs: Vec<FetchedLog>,
    /// Annotations of each failed or cancelled job, by job name.
    pub annotations: Vec<(String, Vec<Annotation>)>,
}

pub fn is_failed(conclusion: Option<&str>) -> bool {
    matches!(
        conclusion,
        Some("failure" | "cancelled" | "timed_out" | "startup_failure")
    )
}

impl RunEvidence {
    pub fn failed_jobs(&self) -> impl Iterator<Item = &Job> {
        self.jobs.iter().filter(|j| is_failed(j.conclusion.as_deref()))
    }

    /// A job timed out: GitHub says so only in an annotation (the job itself is `cancelled`),
    /// though some APIs report `timed_out`.
    pub fn has_timeout(&self) -> bool {
        self.jobs.iter().any(|j| j.conclusion.as_deref() == Some("timed_out"))
            || self
                .annotations
                .iter()
                .flat_map(|(_, list)| list)
                .any(|a| a.message.as_deref().is_some_and(|m| m.contains(TIMEOUT_MARK)))
    }

    /// A run cancelled by a person (or a newer push with cancel-in-progress): no job failed on
    /// its own and nothing timed out.
    pub fn is_manual_cancel(&self) -> bool {
        self.run.conclusion.as_deref() == Some("cancelled")
            && !self.has_timeout()
            && !self.jobs.iter().any(|j| j.conclusion.as_deref() == Some("failure"))
    }
}

/// Fetches the run and its jobs; logs and annotations only when the run failed or was
/// cancelled (a successful run needs none). The run is read through the repository's own
/// path, so a run of another repository is a 404.
pub async fn fetch_run(gh: &GitHub, repo: &RepoName, run_id: u64, progress: &dyn Progress) -> Result<RunEvidence> {
    progress.step(&format!("reading run {run_id} of {repo}"));
    let run = gh.get_run(repo, run_id).await?;
    let jobs = gh.list_run_jobs(repo, run_id).await?;
    let mut evidence = RunEvidence {
        run,
        jobs,
        logs: Vec::new(),
        annotations: Vec::new(),
    };
    if !is_failed(evidence.run.conclusion.as_deref()) {
        return Ok(evidence);
    }
    let failed: Vec<Job> = evidence.failed_jobs().take(MAX_FAILED_JOBS_READ).cloned().collect();
    for job in &failed {
        progress.step(&format!("reading annotations of job `{}`", job.name));
        // GitHub gives a job the id of its check run; the URL says so explicitly.
        let check_run = job.check_run_id().unwrap_or(job.id);
        let list = gh.list_annotations(repo, check_run).await?;
        evidence.annotations.push((job.name.clone(), list));
    }
    if evidence.is_manual_cancel() {
        return Ok(evidence);
    }
    progress.step(&format!("downloading the logs of run {run_id}"));
    match gh.download_run_logs(repo, run_id).await {
        Ok(bytes) if !bytes.is_empty() => evidence.logs.push(FetchedLog { job: None, bytes }),
        result => {
            if let Err(error) = result {
                progress.step(&format!("run log archive unavailable ({error}); reading job logs"));
            }
            for job in &failed {
                progress.step(&format!("downloading the log of job `{}`", job.name));
                match gh.download_job_logs(repo, job.id).await {
                    Ok(bytes) => evidence.logs.push(FetchedLog {
                        job: Some(job.name.clone()),
                        bytes,
                    }),
                    // A job that never started has no log (404), an expired one is gone
                    // (410); the annotations may still explain it.
                    Err(error) if error.is_not_found() || error.status() == Some(410) => {}
                    Err(error) => return Err(error),
                }
            }
        }
    }
    Ok(evidence)
}
