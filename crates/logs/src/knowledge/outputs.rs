//! What a run makes rather than what a repository holds: the report files
//! tools write (SARIF, coverage, test reports) and the directories builds
//! write to. A missing path of either kind did not move: the step that
//! should have made it failed, did not run, or wrote elsewhere, so no file of
//! the repository is where it went. The classifier refuses a fix for a
//! report file whatever the emitter (`catalogue::util::path_hit`); the fixes
//! refuse a path under an output directory the repository tracks nothing in
//! (`autoheal_fixes`' `file_not_found/moved.rs`, which has the listing).

/// Directories build tools write their output to by default: Python's
/// `build`/setuptools and Vite/webpack (`dist`), Cargo and Maven (`target`),
/// Gradle and CMake's usual binary directory (`build`), MSBuild's
/// intermediate files (`obj`), Next.js (`.next`, `out` for its export),
/// Sphinx's Makefile and dune (`_build`), Jekyll and Eleventy (`_site`),
/// Hugo's `publishDir` and Gatsby (`public`), MkDocs' `site_dir` (`site`),
/// npm's installs (`node_modules`), and the coverage reports' own
/// directories: istanbul/nyc/c8/Jest (`coverage`, their `reportsDirectory`
/// default) and coverage.py's HTML report (`htmlcov`). A path under one the
/// repository does not track is a product of the run, not a source file that
/// moved.
pub const BUILD_OUTPUT_DIRS: &[&str] = &[
    "dist",
    "target",
    "build",
    "obj",
    ".next",
    "out",
    "_build",
    "_site",
    "public",
    "site",
    "node_modules",
    "coverage",
    "htmlcov",
];

/// The kind of report a tool writes that a file named `path` is, by the
/// names and extensions the tools give them: SARIF (`.sarif`, the SARIF 2.1
/// standard's extension, and `.sarif.json`); coverage reports: lcov's
/// tracefile (`lcov.info`, `*.lcov`; istanbul's and cargo-llvm-cov's lcov
/// output), Cobertura XML (`coverage.xml`, coverage.py's `coverage xml`
/// default; `cobertura.xml`, `cobertura-coverage.xml`, istanbul's cobertura
/// reporter), Clover (`clover.xml`), JaCoCo (`jacoco.xml`,
/// `jacocoTestReport.xml`, Gradle's JaCoCo plugin), istanbul's JSON
/// (`coverage-final.json`, `coverage-summary.json`), coverage.py's data file
/// (`.coverage`), Go's `-coverprofile` files as its docs name them
/// (`coverage.out`, `cover.out`), coverlet's (the .NET collector `dotnet test
/// --collect "XPlat Code Coverage"` and `/p:CollectCoverage=true` run) named
/// `coverage.{format}` by format (`coverage.cobertura.xml`,
/// `coverage.opencover.xml`, lcov as `coverage.info`); test reports: JUnit XML
/// (`junit.xml`), Maven Surefire's `TEST-{class}.xml` and `dotnet test
/// --logger trx`'s Visual Studio test results (`*.trx`).
pub fn report_kind(path: &str) -> Option<&'static str> {
    let name = path.trim_end_matches('/').rsplit(['/', '\\']).next().unwrap_or(path);
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".sarif") || lower.ends_with(".sarif.json") {
        return Some("SARIF report");
    }
    let coverage = [
        "lcov.info",
        "coverage.xml",
        "cobertura.xml",
        "cobertura-coverage.xml",
        "clover.xml",
        "jacoco.xml",
        "jacocotestreport.xml",
        "coverage-final.json",
        "coverage-summary.json",
        ".coverage",
        "coverage.out",
        "cover.out",
        "coverage.cobertura.xml",
        "coverage.opencover.xml",
        "coverage.info",
    ];
    if coverage.contains(&lower.as_str()) || (lower.ends_with(".lcov") && lower.len() > ".lcov".len()) {
        return Some("coverage report");
    }
    let trx = lower.ends_with(".trx") && lower.len() > ".trx".len();
    if lower == "junit.xml" || (name.starts_with("TEST-") && lower.ends_with(".xml")) || trx {
        return Some("test report");
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_by_their_tools_names() {
        for (path, kind) in [
            ("trivy-results.sarif", "SARIF report"),
            ("results/semgrep.sarif.json", "SARIF report"),
            ("coverage/lcov.info", "coverage report"),
            ("./coverage.xml", "coverage report"),
            ("web/coverage/cobertura-coverage.xml", "coverage report"),
            ("build/reports/jacoco/test/jacocoTestReport.xml", "coverage report"),
            ("app.lcov", "coverage report"),
            ("coverage.out", "coverage report"),
            ("target/surefire-reports/TEST-com.acme.AppTest.xml", "test report"),
            ("reports/junit.xml", "test report"),
            ("TestResults/1b2c/coverage.cobertura.xml", "coverage report"),
            ("coverage.opencover.xml", "coverage report"),
            ("coverage/coverage.info", "coverage report"),
            ("TestResults/runner_fv-az12_2026-12-07_01_02_03.trx", "test report"),
            ("TestResults\\results.trx", "test report"),
        ] {
            assert_eq!(report_kind(path), Some(kind), "{path}");
        }
        for path in [
            "requirements.txt",
            "docs/coverage.md",
            "coverage",
            "src/lcov.rs",
            ".lcov",
            "config/sarif-rules.yml",
            "TEST-PLAN.md",
            "test/junit.xml.template",
            ".trx",
            "tests/trx.md",
            "coverage.info.md",
        ] {
            assert_eq!(report_kind(path), None, "{path}");
        }
    }
}
