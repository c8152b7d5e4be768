#![allow(dead_code)]

use std::sync::Arc;

use autoheal_fake_github::FakeGithub;
use std::sync::Mutex;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::Duration;

use autoheal_github::{ClientConfig, Clock, FixedClock, GitHub, RecordingSleeper, RepoName, Sleeper, Token};

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

/// Time the client reads and its sleeps move on (no real wait), shared with the fake's search
/// limit (`FakeGithub::limit_search`), so a wait for a window's reset opens the next window.
#[derive(Debug, Clone)]
pub struct VirtualTime {
    now: Arc<AtomicI64>,
    sleeps: Arc<Mutex<Vec<Duration>>>,
}

impl VirtualTime {
    pub fn at(unix: i64) -> VirtualTime {
        VirtualTime {
            now: Arc::new(AtomicI64::new(unix)),
            sleeps: Arc::default(),
        }
    }

    /// The clock, for the fake.
    pub fn clock(&self) -> Arc<AtomicI64> {
        self.now.clone()
    }

    /// Every wait the client asked for, in order.
    pub fn sleeps(&self) -> Vec<Duration> {
        self.sleeps.lock().map(|s| s.clone()).unwrap_or_default()
    }

    /// A client of `fake` on this time.
    pub fn client(&self, fake: &FakeGithub) -> GitHub {
        GitHub::with_timing(config(fake), Arc::new(self.clone()), Arc::new(self.clone()))
            .unwrap_or_else(|e| panic!("{e}"))
    }
}

impl Clock for VirtualTime {
    fn now_unix(&self) -> i64 {
        self.now.load(Ordering::SeqCst)
    }
}

impl Sleeper for VirtualTime {
    fn sleep(&self, duration: Duration) -> std::pin::Pin<Box<dyn std::future::Future<Output = ()> + Send>> {
        let secs = i64::try_from(duration.as_secs()).unwrap_or(i64::MAX);
        self.now.fetch_add(secs, Ordering::SeqCst);
        if let Ok(mut sleeps) = self.sleeps.lock() {
            sleeps.push(duration);
        }
        Box::pin(std::future::ready(()))
    }
}
