//! The pass's time budget (`ClientConfig::pass_budget`, the CLI's `--time-budget`) against a
//! fake GitHub that answers late: the pass stops at the budget with a clear error naming the
//! request it stopped at and the writes it made, and a write sequence cut short says what a
//! rerun finishes. Times are asserted only as "well before" generous bounds.

use crate::common;
use crate::heal_fixtures;

use std::time::{Duration, Instant};

use autoheal_fake_github::FaultKind;
use autoheal_github::{ClientConfig, Error, HealOptions, HealOutcome, HealTarget, heal};
use common::{REPO, client, client_with, config, fake, repo};
use heal_fixtures::{seed, timeout};

fn with_budget(fake: &autoheal_fake_github::FakeGithub, budget: Duration) -> autoheal_github::GitHub {
    client_with(ClientConfig {
        pass_budget: Some(budget),
        ..config(fake)
    })
    .0
}

/// Every answer late: the budget ends the pass while it still reads, before any write.
#[tokio::test]
async fn a_slow_server_stops_the_pass_at_its_budget_with_nothing_written() {
    let fake = fake();
    seed(&fake, REPO, "main", &timeout(50));
    fake.delay_requests(None, "/", Duration::from_millis(250));
    let gh = with_budget(&fake, Duration::from_secs(1));
    let started = Instant::now();
    let error = heal(&gh, &repo(), HealTarget::Run(50), &HealOptions::default())
        .await
        .expect_err("the budget stops the pass");
    assert!(started.elapsed() < Duration::from_secs(20), "{:?}", started.elapsed());
    let Error::OutOfTime {
        budget_secs, written, ..
    } = &error
    else {
        panic!("{error}")
    };
    assert_eq!((*budget_secs, written.len()), (1, 0), "{error}");
    let message = error.to_string();
    assert!(
        message.starts_with("the pass's time budget of 1s (--time-budget) ran out at GET /repos/octo/app/"),
        "{message}"
    );
    assert!(message.ends_with("; it had written nothing before"), "{message}");
    assert!(fake.writes().is_empty(), "{:?}", fake.writes());
    assert!(fake.issues(REPO).is_empty());
    assert_eq!(fake.branches(REPO), ["main"]);
}

/// The first write answered late: the budget runs out with it in flight, and the error says
/// GitHub may have made it. The fake had not (it waits before it reads a request).
#[tokio::test]
async fn a_write_in_flight_at_the_budget_is_named_as_perhaps_made() {
    let fake = fake();
    seed(&fake, REPO, "main", &timeout(50));
    fake.delay_requests(Some("POST"), "/repos/octo/app/issues", Duration::from_secs(120));
    // Long enough for the reads before the issue on a loaded machine (they take well under
    // a second), short of the write's delay.
    let gh = with_budget(&fake, Duration::from_secs(8));
    let started = Instant::now();
    let error = autoheal_github::report(&gh, &repo(), 50, &HealOptions::default().report)
        .await
        .expect_err("the budget stops the pass");
    assert!(started.elapsed() < Duration::from_secs(60), "{:?}", started.elapsed());
    let Error::OutOfTime {
        method,
        path,
        in_flight,
        ..
    } = &error
    else {
        panic!("{error}")
    };
    assert_eq!(
        (method.as_str(), path.as_str(), *in_flight),
        ("POST", "/repos/octo/app/issues", true)
    );
    assert!(
        error.to_string().contains(
            "ran out while POST /repos/octo/app/issues was in flight (GitHub may or may not have made that write)"
        ),
        "{error}"
    );
    assert!(fake.issues(REPO).is_empty());
}

/// The branch pushed and the pull request refused: the error says the branch holds the fix
/// without a pull request, which is true, and a rerun opens it as it says.
#[tokio::test]
async fn a_branch_pushed_without_its_pull_request_is_said_and_a_rerun_finishes_it() {
    let fake = fake();
    seed(&fake, REPO, "main", &timeout(50));
    let failing = FaultKind::Status {
        status: 502,
        message: "Server Error".into(),
    };
    fake.inject_fault(Some("POST"), "/repos/octo/app/pulls", 5, failing);
    let (gh, _) = client(&fake);
    let error = heal(&gh, &repo(), HealTarget::Run(50), &HealOptions::default())
        .await
        .expect_err("the pull request is refused");
    let message = error.to_string();
    assert!(matches!(error, Error::Unfinished { .. }), "{message}");
    assert!(
        message.contains(
            "; the branch `autoheal/50-timeout` now holds the fix, but no pull request was opened for it; `autoheal heal` again opens it"
        ),
        "{message}"
    );
    assert!(fake.branch_sha(REPO, "autoheal/50-timeout").is_some());
    assert!(fake.issues(REPO).iter().all(|i| i.head.is_none()));

    let (gh, _) = client(&fake);
    let issue = fake.issues(REPO)[0].number;
    let healed = heal(&gh, &repo(), HealTarget::Issue(issue), &HealOptions::default())
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        matches!(healed.outcome, HealOutcome::Opened { .. }),
        "{:?}",
        healed.outcome
    );
}
