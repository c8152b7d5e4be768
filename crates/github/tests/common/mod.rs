#![allow(dead_code)]

use std::sync::Arc;

use autoheal_fake_github::FakeGithub;
use autoheal_github::{ClientConfig, FixedClock, GitHub, RecordingSleeper, RepoName, Token};

pub const TOKEN: &str = "ghp_TESTTOKEN_0123456789abcdef";
pub const REPO: &str = "octo/app";
/// The fixed clock of the test client (unix seconds).
pub const NOW: i64 = 1_700_000_000;

pub fn repo() -> RepoName {
    RepoName::parse(REPO).unwrap_or_else(|e| panic!("{e}"))
}

pub fn config(fake: &FakeGithub) -> ClientConfig {
    ClientConfig {
        api_url: fake.url(),
        token: Token::new(TOKEN),
        echo_dry_run: false,
        ..ClientConfig::default()
    }
}

pub fn client_with(config: ClientConfig) -> (GitHub, RecordingSleeper) {
    let sleeper = RecordingSleeper::default();
    let client = GitHub::with_timing(config, Arc::new(sleeper.clone()), Arc::new(FixedClock(NOW)))
        .unwrap_or_else(|e| panic!("{e}"));
    (client, sleeper)
}

pub fn client(fake: &FakeGithub) -> (GitHub, RecordingSleeper) {
    client_with(config(fake))
}

pub fn fake() -> FakeGithub {
    let fake = FakeGithub::start();
    fake.require_token(TOKEN);
    fake.add_repo(REPO, "main");
    fake
}

/// The permission asks (`GET .../collaborators/{login}/permission`) `fake` answered since its
/// last clear about logins starting with `login_prefix` (`""`: about anyone).
pub fn asked_about(fake: &FakeGithub, login_prefix: &str) -> Vec<String> {
    let prefix = format!("/collaborators/{login_prefix}");
    fake.requests()
        .into_iter()
        .map(|r| r.path)
        .filter(|p| p.contains(&prefix))
        .collect()
}
