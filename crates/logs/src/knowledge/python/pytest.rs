//! pytest plugins seen through what they add: a command-line flag (pytest
//! prints `error: unrecognized arguments: --cov` when the plugin is absent) or
//! a fixture (`fixture 'mocker' not found`). Each flag and fixture is from the
//! plugin's own documentation.

/// A pytest flag → the plugin distribution that adds it. A flag also covers
/// its `-`-suffixed family (`--cov` covers `--cov-report`).
const PYTEST_FLAGS: &[(&str, &str)] = &[
    ("--alluredir", "allure-pytest"),
    ("--asyncio-mode", "pytest-asyncio"),
    ("--base-url", "pytest-base-url"),
    ("--benchmark", "pytest-benchmark"),
    ("--black", "pytest-black"),
    ("--browser", "pytest-playwright"),
    ("--codspeed", "pytest-codspeed"),
    ("--cov", "pytest-cov"),
    ("--create-db", "pytest-django"),
    ("--dist", "pytest-xdist"),
    ("--doctest-plus", "pytest-doctestplus"),
    ("--dotenv", "pytest-dotenv"),
    ("--driver", "pytest-selenium"),
    ("--ds", "pytest-django"),
    ("--envfile", "pytest-dotenv"),
    ("--flake8", "pytest-flake8"),
    ("--forked", "pytest-forked"),
    ("--headed", "pytest-playwright"),
    ("--html", "pytest-html"),
    ("--hypothesis-profile", "hypothesis"),
    ("--hypothesis-seed", "hypothesis"),
    ("--hypothesis-show-statistics", "hypothesis"),
    ("--instafail", "pytest-instafail"),
    ("--isort", "pytest-isort"),
    ("--json-report", "pytest-json-report"),
    ("--md-report", "pytest-md-report"),
    ("--memray", "pytest-memray"),
    ("--mpl", "pytest-mpl"),
    ("--mypy", "pytest-mypy"),
    ("--no-cov", "pytest-cov"),
    ("--nomigrations", "pytest-django"),
    ("--numprocesses", "pytest-xdist"),
    ("--only-rerun", "pytest-rerunfailures"),
    ("--picked", "pytest-picked"),
    ("--pylint", "pytest-pylint"),
    ("--random-order", "pytest-random-order"),
    ("--randomly", "pytest-randomly"),
    ("--reruns", "pytest-rerunfailures"),
    ("--reuse-db", "pytest-django"),
    ("--self-contained-html", "pytest-html"),
    ("--snapshot-update", "syrupy"),
    ("--splinter", "pytest-splinter"),
    ("--split", "pytest-split"),
    ("--splits", "pytest-split"),
    ("--sugar", "pytest-sugar"),
    ("--testmon", "pytest-testmon"),
    ("--timeout", "pytest-timeout"),
    ("-n", "pytest-xdist"),
];

/// The plugin behind an unrecognized pytest argument such as `--cov=app`,
/// `--cov-report=term` or `-n4`.
pub fn pytest_plugin_for_flag(arg: &str) -> Option<&'static str> {
    let name = arg.split('=').next().unwrap_or(arg);
    for (flag, dist) in PYTEST_FLAGS {
        if name == *flag {
            return Some(dist);
        }
        if flag.starts_with("--") && name.starts_with(flag) && name.as_bytes().get(flag.len()) == Some(&b'-') {
            return Some(dist);
        }
        if *flag == "-n" && name.len() > 2 && name.starts_with("-n") && name[2..].chars().all(|c| c.is_ascii_digit()) {
            return Some(dist);
        }
    }
    None
}

/// Fixture name → plugin, for `fixture 'mocker' not found`.
const PYTEST_FIXTURES: &[(&str, &str)] = &[
    ("aiohttp_client", "pytest-aiohttp"),
    ("aioresponses", "aioresponses"),
    ("benchmark", "pytest-benchmark"),
    ("class_mocker", "pytest-mock"),
    ("datadir", "pytest-datadir"),
    ("django_db_setup", "pytest-django"),
    ("freezer", "pytest-freezer"),
    ("fs", "pyfakefs"),
    ("httpserver", "pytest-httpserver"),
    ("httpx_mock", "pytest-httpx"),
    ("mocker", "pytest-mock"),
    ("module_mocker", "pytest-mock"),
    ("qtbot", "pytest-qt"),
    ("requests_mock", "requests-mock"),
    ("session_mocker", "pytest-mock"),
    ("shared_datadir", "pytest-datadir"),
    ("snapshot", "syrupy"),
    ("subtests", "pytest-subtests"),
    ("unused_tcp_port", "pytest-asyncio"),
    ("xprocess", "pytest-xprocess"),
];

/// Is `name` (PEP 503) a plugin distribution these tables name?
pub fn is_plugin_distribution(name: &str) -> bool {
    let n = super::normalize_name(name);
    PYTEST_FLAGS
        .iter()
        .chain(PYTEST_FIXTURES)
        .any(|(_, d)| super::normalize_name(d) == n)
}

/// The plugin that provides fixture `name`, if it is a well-known one.
/// Generic names several plugins define (`client`, `page`, `db`) are left out.
pub fn pytest_plugin_for_fixture(name: &str) -> Option<&'static str> {
    PYTEST_FIXTURES.iter().find(|(f, _)| *f == name).map(|(_, d)| *d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags() {
        assert_eq!(pytest_plugin_for_flag("--cov=app"), Some("pytest-cov"));
        assert_eq!(
            pytest_plugin_for_flag("--cov-report=term-missing:skip-covered"),
            Some("pytest-cov")
        );
        assert_eq!(pytest_plugin_for_flag("-n"), Some("pytest-xdist"));
        assert_eq!(pytest_plugin_for_flag("-n4"), Some("pytest-xdist"));
        assert_eq!(pytest_plugin_for_flag("--timeout=30"), Some("pytest-timeout"));
        assert_eq!(pytest_plugin_for_flag("--benchmark-only"), Some("pytest-benchmark"));
        assert_eq!(pytest_plugin_for_flag("--covfefe"), None);
        assert_eq!(pytest_plugin_for_flag("--junit-prefix"), None);
    }

    #[test]
    fn fixtures() {
        assert_eq!(pytest_plugin_for_fixture("mocker"), Some("pytest-mock"));
        assert_eq!(pytest_plugin_for_fixture("caplog"), None);
        assert_eq!(pytest_plugin_for_fixture("client"), None);
    }

    #[test]
    fn tables_are_sorted() {
        for table in [PYTEST_FLAGS, PYTEST_FIXTURES] {
            let names: Vec<&str> = table.iter().map(|(n, _)| *n).collect();
            let mut sorted = names.clone();
            sorted.sort_unstable();
            sorted.dedup();
            assert_eq!(names, sorted);
        }
    }
}
