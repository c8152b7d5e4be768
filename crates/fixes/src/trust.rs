//! Which names from a log a fix may write. A failed run's log can come from
//! a fork, and its test output can print anything, so a distribution is
//! installed only when autoheal's own tables name it (the module table,
//! pytest's plugins and the most used distributions, all in `autoheal-logs`)
//! or the repository's dependency files already do; and never when it is a
//! near miss of a popular distribution
//! (`reqeusts`, `python-dateutils`, `colourama`), which is how typo-squatted
//! packages are named. Commands are only ever installed from the curated
//! package table ([`crate::commands`]); paths only when the step names them.

use autoheal_engine::repo::RepoFiles;
use autoheal_logs::knowledge::python::distributions::is_table_distribution;
use autoheal_logs::knowledge::python::normalize_name;
use autoheal_logs::knowledge::python::popular::{is_popular, popular};
use autoheal_logs::knowledge::python::pytest::is_plugin_distribution;

/// Why a distribution may be installed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Trusted {
    /// autoheal's own tables name it.
    Table,
    /// A dependency file of the repository names it.
    Repository { file: String },
}

/// Shortest (normalized) name compared with the popular ones: shorter names
/// are too often one edit apart by chance.
const MIN_TYPO_LEN: usize = 5;
/// Dependency files read at most, to bound the work on huge repositories.
const MAX_DEPENDENCY_FILES: usize = 60;

/// The popular distribution `name` is one slip away from (two for long
/// names), unless `name` is itself known.
pub(crate) fn likely_typo_of(name: &str) -> Option<&'static str> {
    if is_known(name) {
        return None;
    }
    let n = normalize_name(name);
    if n.len() < MIN_TYPO_LEN {
        return None;
    }
    let limit = if n.len() >= 10 { 2 } else { 1 };
    popular().find(|p| strsim::osa_distance(&n, p) <= limit)
}

fn is_known(name: &str) -> bool {
    is_popular(name) || is_table_distribution(name) || is_plugin_distribution(name)
}

/// May `name` be installed? `from_table` when the diagnosis took it from
/// autoheal's tables (not guessed from a module name).
pub(crate) fn distribution(name: &str, from_table: bool, repo: &dyn RepoFiles) -> Result<Trusted, String> {
    if let Some(popular) = likely_typo_of(name) {
        return Err(format!(
            "`{name}` is one slip away from the popular distribution `{popular}`: probably a typo in the code (or a \
             look-alike, typo-squatted name), so autoheal installs neither; fix the import or the requirement by hand"
        ));
    }
    if from_table || is_known(name) {
        return Ok(Trusted::Table);
    }
    if let Some(file) = named_by_repository(name, repo) {
        return Ok(Trusted::Repository { file });
    }
    Err(format!(
        "`{name}` is not in autoheal's module table, and no dependency file of the repository names it; autoheal only \
         installs distributions it knows or the project already depends on. If `{name}` is right, add it to the \
         project's requirements"
    ))
}

/// Where to look without a listing.
const USUAL_DEPENDENCY_FILES: &[&str] = &[
    "requirements.txt",
    "requirements-dev.txt",
    "requirements_dev.txt",
    "dev-requirements.txt",
    "requirements-test.txt",
    "requirements/base.txt",
    "requirements/dev.txt",
    "requirements/test.txt",
    "pyproject.toml",
    "setup.cfg",
    "setup.py",
    "Pipfile",
    "poetry.lock",
    "uv.lock",
    "tox.ini",
    "environment.yml",
];

/// The first dependency file of the repository that names `name`.
pub(crate) fn named_by_repository(name: &str, repo: &dyn RepoFiles) -> Option<String> {
    let files: Vec<String> = match repo.list() {
        Some(listing) => {
            let mut found: Vec<&String> = listing.iter().filter(|p| crate::reads::is_dependency_file(p)).collect();
            // Shallow files first: the project's own, not vendored ones.
            found.sort_by_key(|p| (p.matches('/').count(), p.as_str()));
            found.into_iter().take(MAX_DEPENDENCY_FILES).cloned().collect()
        }
        None => USUAL_DEPENDENCY_FILES.iter().map(|p| p.to_string()).collect(),
    };
    let want = normalize_name(name);
    files.into_iter().find(|f| {
        repo.read(f).is_some_and(|text| {
            text.split(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-')))
                .any(|word| !word.is_empty() && normalize_name(word) == want)
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use autoheal_engine::repo::MemoryRepo;

    #[test]
    fn look_alikes_of_popular_distributions_are_typos() {
        assert_eq!(likely_typo_of("reqeusts"), Some("requests"));
        assert_eq!(likely_typo_of("python-dateutils"), Some("python-dateutil"));
        assert_eq!(likely_typo_of("colourama"), Some("colorama"));
        for fine in [
            "requests",
            "PyYAML",
            "pytest-cov",
            "pymssql",
            "pydivsufsort",
            "six",
            "flask-cors",
        ] {
            assert_eq!(likely_typo_of(fine), None, "{fine}");
        }
    }

    #[test]
    fn only_table_or_repository_names_are_trusted() {
        let repo = MemoryRepo::new([
            ("requirements/dev.txt", "pytest\npylife>=2  # fatigue\n"),
            ("pyproject.toml", "[project]\ndependencies = [\"Flask_Cors[async]\"]\n"),
            ("docs/conf.py", "import pydivsufsort\n"),
        ]);
        assert_eq!(distribution("PyYAML", false, &repo), Ok(Trusted::Table));
        assert_eq!(distribution("pytest-xdist", false, &repo), Ok(Trusted::Table));
        assert_eq!(
            distribution("tqdm", false, &repo),
            Ok(Trusted::Table),
            "a popular distribution"
        );
        assert_eq!(
            distribution("pylife", false, &repo),
            Ok(Trusted::Repository {
                file: "requirements/dev.txt".into()
            })
        );
        assert_eq!(distribution("flask-cors", false, &repo), Ok(Trusted::Table));
        let err = distribution("pydivsufsort", false, &repo).unwrap_err();
        assert!(err.contains("no dependency file"), "{err}");
        let err = distribution("reqeusts", true, &repo).unwrap_err();
        assert!(err.contains("`requests`"), "{err}");
        // Without a listing, the usual files are read.
        let unlisted = MemoryRepo::new([("requirements.txt", "pylife\n")]).with_unknown_listing();
        assert_eq!(
            distribution("pylife", false, &unlisted),
            Ok(Trusted::Repository {
                file: "requirements.txt".into()
            })
        );
    }
}
