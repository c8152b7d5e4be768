//! A file missing at the repository's root and found, by the same name, in
//! one directory (`docs/requirements.txt` for `requirements.txt`). The root
//! never moves as a whole (it keeps `.github/` at least), so "nothing was
//! left behind" cannot be asked of it; what can be asked is whether the
//! files that go with it are in the new directory too. A project moved into
//! a subdirectory took its manifest along: `backend/requirements.txt` beside
//! `backend/setup.py` is the project's, `docs/requirements.txt` beside
//! `docs/conf.py` only is Read the Docs' list of the documentation's own
//! dependencies (Sphinx), not the project's.

/// The manifests a file of an ecosystem sits beside, when it moved with its
/// project: pip's requirement lists and Python's lock files beside
/// `pyproject.toml`/`setup.py`/`setup.cfg` (or a `Pipfile`), a JavaScript
/// lock file beside `package.json`, `Cargo.lock` beside `Cargo.toml`,
/// `go.sum` beside `go.mod`, `Gemfile.lock` beside `Gemfile`, the Maven and
/// Gradle wrappers and settings beside `pom.xml` / `build.gradle(.kts)`.
fn manifests(name: &str) -> Option<&'static [&'static str]> {
    const PYTHON: &[&str] = &["pyproject.toml", "setup.py", "setup.cfg", "Pipfile"];
    let lower = name.to_ascii_lowercase();
    if lower.starts_with("requirements") && lower.ends_with(".txt")
        || matches!(name, "poetry.lock" | "uv.lock" | "pdm.lock" | "Pipfile.lock")
    {
        return Some(PYTHON);
    }
    Some(match name {
        "package-lock.json" | "npm-shrinkwrap.json" | "yarn.lock" | "pnpm-lock.yaml" | "bun.lock" | "bun.lockb" => {
            &["package.json"]
        }
        "Cargo.lock" => &["Cargo.toml"],
        "go.sum" => &["go.mod"],
        "Gemfile.lock" => &["Gemfile"],
        "mvnw" | "mvnw.cmd" => &["pom.xml"],
        "gradlew" | "gradlew.bat" | "settings.gradle" | "settings.gradle.kts" | "gradle.properties" => {
            &["build.gradle", "build.gradle.kts"]
        }
        _ => return None,
    })
}

/// Directories that hold another tool's or another purpose's files of the
/// same names as the project's: documentation (Read the Docs'
/// `docs/requirements.txt`), the repository's GitHub settings, tests and
/// examples. A root file is never taken to have moved there without a
/// person.
const OTHER_PURPOSE_DIRS: &[&str] = &["docs", "doc", ".github", "test", "tests", "example", "examples"];

/// Why a root file `name`, found only as `to`, may not be the same file:
/// `None` when the new directory also holds the manifest that would have
/// moved with it (or the file has none) and is no documentation, test or
/// example directory.
pub(crate) fn root_file_doubt(listing: &[String], name: &str, to: &str) -> Option<String> {
    let (dir, found) = to.rsplit_once('/')?;
    if name.contains('/') || found != name {
        return None;
    }
    if let Some(other) = dir
        .split('/')
        .find(|d| OTHER_PURPOSE_DIRS.contains(&d.to_ascii_lowercase().as_str()))
    {
        return Some(format!(
            " `{to}` is under `{other}/`, which holds files of the same names for another purpose (documentation, \
             tests, examples, GitHub's settings) rather than the project's, so the change is not applied without a \
             person."
        ));
    }
    let Some(wanted) = manifests(name) else {
        return lone_file_doubt(listing, name, dir, to);
    };
    if wanted
        .iter()
        .any(|m| listing.iter().any(|f| *f == format!("{dir}/{m}")))
    {
        return None;
    }
    let shown: Vec<String> = wanted.iter().map(|m| format!("`{m}`")).collect();
    Some(format!(
        " `{dir}/` has no {} beside it, which a project moved there would have taken along, so `{to}` may be another \
         tool's file rather than where `{name}` went, and the change is not applied without a person.",
        shown.join(" or ")
    ))
}

/// A root file of no ecosystem (a script, a Dockerfile), found as `to` in
/// `dir`: no manifest says a project moved there, and nothing else can. One
/// of its kind still at the root (`deploy.sh` beside the missing `build.sh`)
/// says they did not move together; other files of its kind in `dir`
/// (`scripts/release.sh` beside `scripts/build.sh`) prove nothing, since a
/// scripts directory holds its own scripts whether or not the root's moved
/// there, and the root's file may have been deleted while `dir` kept another
/// of the same name (`docker/build.sh`, an example's `run.sh`). The same
/// name is the only evidence, which is a guess: always a doubt. A directory
/// found by the name is not asked (its files went with it).
fn lone_file_doubt(listing: &[String], name: &str, dir: &str, to: &str) -> Option<String> {
    if !listing.iter().any(|f| f == to) {
        return None;
    }
    let kind = extension(name);
    let same_kind = |f: &str| {
        let file = f.rsplit('/').next().unwrap_or(f);
        file != name && kind.is_some() && extension(file) == kind
    };
    let unapplied = "and the change is not applied without a person.";
    let Some(ext) = kind else {
        return Some(format!(
            " `{name}` has no extension to tell the root's files of its kind, so nothing says it moved to `{dir}/` with \
             them: `{to}` may be another file of the same name rather than where it went, {unapplied}"
        ));
    };
    if let Some(stayed) = listing.iter().find(|f| !f.contains('/') && same_kind(f)) {
        return Some(format!(
            " `{stayed}` is still at the repository's root, so the root's `.{ext}` files did not move to `{dir}/` \
             together: `{to}` may be another file of the same name rather than where `{name}` went, {unapplied}"
        ));
    }
    let others = listing
        .iter()
        .filter(|f| f.rsplit_once('/').is_some_and(|(d, _)| d == dir) && same_kind(f))
        .count();
    let beside = match others {
        0 => format!("`{to}` is the only `.{ext}` file in `{dir}/`, and "),
        _ => format!("the other `.{ext}` files in `{dir}/` may always have been there, and "),
    };
    Some(format!(
        " {beside}only the name says `{name}` moved there: `{to}` may be another file of the same name rather than \
         where `{name}` went, {unapplied}"
    ))
}

/// A file name's extension (`sh` of `build.sh`); none for `Dockerfile` or a
/// dotfile (`.env`).
fn extension(file: &str) -> Option<&str> {
    match file.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() && !ext.is_empty() => Some(ext),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn listing(files: &[&str]) -> Vec<String> {
        files.iter().map(|f| f.to_string()).collect()
    }

    #[test]
    fn a_root_file_moved_with_its_manifest_is_no_doubt() {
        let files = listing(&["backend/setup.py", "backend/requirements.txt", "README.md"]);
        assert_eq!(
            root_file_doubt(&files, "requirements.txt", "backend/requirements.txt"),
            None
        );
        let files = listing(&["web/package.json", "web/yarn.lock"]);
        assert_eq!(root_file_doubt(&files, "yarn.lock", "web/yarn.lock"), None);
        // A directory found by the name took its files along.
        let files = listing(&["apps/web/package.json"]);
        assert_eq!(root_file_doubt(&files, "web", "apps/web"), None);
        // Not a root file, or not the same name: another rule's question.
        assert_eq!(root_file_doubt(&files, "ci/build.sh", "scripts/ci/build.sh"), None);
        assert_eq!(root_file_doubt(&files, "build.sh", "build.sh"), None);
    }

    #[test]
    fn a_root_file_without_its_manifest_or_in_docs_is_in_doubt() {
        // Read the Docs' layout: the docs' own requirements, manifest or not.
        let rtd = listing(&["pyproject.toml", "docs/conf.py", "docs/requirements.txt"]);
        let why = root_file_doubt(&rtd, "requirements.txt", "docs/requirements.txt").unwrap_or_default();
        assert!(why.contains("under `docs/`"), "{why}");
        let with_manifest = listing(&["docs/setup.py", "docs/requirements.txt"]);
        assert!(root_file_doubt(&with_manifest, "requirements.txt", "docs/requirements.txt").is_some());
        assert!(root_file_doubt(&listing(&["x"]), "build.sh", ".github/scripts/build.sh").is_some());
        assert!(root_file_doubt(&listing(&["x"]), "go.sum", "Tests/go.sum").is_some());
        // A directory without the ecosystem's manifest.
        for (name, to, manifest) in [
            ("requirements-dev.txt", "tools/requirements-dev.txt", "`setup.py`"),
            ("package-lock.json", "e2e/package-lock.json", "`package.json`"),
            ("Cargo.lock", "fuzz/Cargo.lock", "`Cargo.toml`"),
            ("gradlew", "android/gradlew", "`build.gradle.kts`"),
        ] {
            let files = listing(&[to, "package.json", "Cargo.toml"]);
            let why = root_file_doubt(&files, name, to).unwrap_or_default();
            assert!(why.contains(manifest), "{name}: {why}");
        }
    }

    /// Issue 12's open item: a root file of no ecosystem found under one
    /// directory by its name alone is never a Safe rewrite.
    #[test]
    fn a_lone_root_script_found_elsewhere_is_in_doubt() {
        // Alone in its new directory: nothing moved with it.
        let alone = listing(&["docker/build.sh", "docker/Dockerfile", "README.md"]);
        let why = root_file_doubt(&alone, "build.sh", "docker/build.sh").unwrap_or_default();
        assert!(why.contains("the only `.sh` file in `docker/`"), "{why}");
        // A script of its kind is still at the root.
        let stayed = listing(&["scripts/build.sh", "scripts/lint.sh", "deploy.sh"]);
        let why = root_file_doubt(&stayed, "build.sh", "scripts/build.sh").unwrap_or_default();
        assert!(why.contains("`deploy.sh` is still at the repository's root"), "{why}");
        // Other scripts in the new directory are no proof: a `scripts/`
        // directory keeps its own `build.sh` and `release.sh` while the
        // root's `build.sh` was deleted.
        let scripts = listing(&["scripts/build.sh", "scripts/release.sh", "README.md"]);
        let why = root_file_doubt(&scripts, "build.sh", "scripts/build.sh").unwrap_or_default();
        assert!(
            why.contains("may always have been there") && why.contains("only the name says"),
            "{why}"
        );
        // No extension to tell its kind by.
        let why =
            root_file_doubt(&listing(&["docker/Dockerfile"]), "Dockerfile", "docker/Dockerfile").unwrap_or_default();
        assert!(why.contains("no extension"), "{why}");
    }
}
