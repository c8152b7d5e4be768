use std::sync::Mutex;

use crate::config::Config;
use crate::diagnostic::Severity;
use crate::external::{Script, ScriptChecker, ScriptFinding, ScriptLanguage};
use crate::lint::{LintOptions, lint};
use crate::rules::test_support::PATH;

/// Records the scripts it is given and reports every `bad` word in them.
#[derive(Default)]
struct FakeChecker {
    seen: Mutex<Vec<Script>>,
}

impl ScriptChecker for FakeChecker {
    fn check(&self, scripts: &[Script]) -> Vec<ScriptFinding> {
        self.seen.lock().unwrap().extend(scripts.iter().cloned());
        let mut out = Vec::new();
        for (i, s) in scripts.iter().enumerate() {
            // Like shellcheck on `exit ${{ … }}`: a finding on the placeholder.
            if let Some(at) = s.text.find("exit _") {
                out.push(ScriptFinding {
                    script: i,
                    start: at,
                    end: at + 8,
                    severity: Severity::Error,
                    code: "SC2242".into(),
                    message: "x".into(),
                });
            }
            for (at, _) in s.text.match_indices("bad") {
                out.push(ScriptFinding {
                    script: i,
                    start: at,
                    end: at + 3,
                    severity: Severity::Warning,
                    code: "SC9999".into(),
                    message: "bad word".into(),
                });
            }
            // Like shellcheck on an unterminated quote: a parse error
            // followed by notes about it.
            if let Some(at) = s.text.find("\"open") {
                for (code, severity) in [
                    ("SC1009", Severity::Info),
                    ("SC1073", Severity::Error),
                    ("SC1072", Severity::Error),
                ] {
                    out.push(ScriptFinding {
                        script: i,
                        start: at,
                        end: at + 1,
                        severity,
                        code: code.into(),
                        message: "parse".into(),
                    });
                }
            }
            if s.text.contains("unassigned") {
                out.push(ScriptFinding {
                    script: i,
                    start: 0,
                    end: 1,
                    severity: Severity::Warning,
                    code: "SC2154".into(),
                    message: "x".into(),
                });
            }
        }
        out
    }
}

fn lint_with(src: &str, path: &str, checker: &FakeChecker, shellcheck: bool) -> Vec<String> {
    let mut config = Config::default();
    config.shellcheck = shellcheck;
    let opts = LintOptions {
        script_checker: Some(checker),
        ..LintOptions::new(&config)
    };
    let idx = crate::text::LineIndex::new(src);
    lint(path, src.as_bytes(), &opts)
        .into_iter()
        .filter(|d| d.rule == "shell")
        .map(|d| {
            let p = idx.line_column(src, d.range.start);
            format!("{}:{}: {}", p.line, p.column, d.message)
        })
        .collect()
}

#[test]
fn the_checker_gets_bash_and_sh_scripts_with_masked_expressions_and_findings_map_to_yaml_lines() {
    let src = "on: push\ndefaults:\n  run:\n    shell: pwsh\njobs:\n  a:\n    runs-on: ubuntu-latest\n    defaults:\n      run:\n        shell: bash\n    steps:\n      - run: |\n          echo ${{ github.ref }}\n          echo bad\n      - run: echo bad\n        shell: 'sh -e {0}'\n      - run: \"echo 'bad'\"\n        shell: python\n      - run: echo unassigned; exit ${{ steps.x.outputs.code }}\n  b:\n    runs-on: windows-latest\n    steps:\n      - run: echo bad\n  c:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo bad\n  d:\n    runs-on: ${{ matrix.os }}\n    steps:\n      - run: echo bad\n      - run: echo bad\n        shell: bash\n";
    let checker = FakeChecker::default();
    let got = lint_with(src, PATH, &checker, true);
    // Job `b` runs pwsh on Windows and job `c` inherits the workflow's pwsh;
    // job `d` may run on Windows, so only its explicit bash step is checked.
    assert_eq!(
        got,
        [
            "14:16: shellcheck SC9999: bad word",
            "15:19: shellcheck SC9999: bad word",
            "32:19: shellcheck SC9999: bad word"
        ]
    );
    let seen = checker.seen.lock().unwrap();
    let langs: Vec<ScriptLanguage> = seen.iter().map(|s| s.language).collect();
    assert_eq!(
        langs,
        [
            ScriptLanguage::Bash,
            ScriptLanguage::Sh,
            ScriptLanguage::Bash,
            ScriptLanguage::Bash
        ]
    );
    assert_eq!(seen[0].text, "echo _________________\necho bad\n");
    assert_eq!(&src[seen[0].offset..][..6], "|\n    ");
}

#[test]
fn the_checker_is_skipped_when_configured_off_and_composite_steps_are_checked() {
    let src = "on: push\njobs:\n  c:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo bad\n      - run: echo bad\n        if: runner.os == 'Windows'\n";
    let checker = FakeChecker::default();
    assert_eq!(
        lint_with(src, PATH, &checker, true),
        ["6:19: shellcheck SC9999: bad word"]
    );
    checker.seen.lock().unwrap().clear();
    assert_eq!(lint_with(src, PATH, &checker, false), Vec::<String>::new());
    assert!(checker.seen.lock().unwrap().is_empty());
    let action = "name: x\nruns:\n  using: composite\n  steps:\n    - run: echo bad\n      shell: bash\n    - run: echo bad\n      shell: pwsh\n";
    assert_eq!(
        lint_with(action, "action.yml", &checker, true),
        ["5:17: shellcheck SC9999: bad word"]
    );
}

#[test]
fn an_unparsable_script_gets_one_finding() {
    let checker = FakeChecker {
        seen: Mutex::new(Vec::new()),
    };
    let src = "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo \"open\n";
    let got = lint_with(src, ".github/workflows/ci.yml", &checker, true);
    assert_eq!(got.len(), 1, "{got:#?}");
    assert!(got[0].contains("SC1073"), "{got:#?}");
}

/// shellcheck's advice is info (it does not fail CI unless the config
/// raises the `shell` rule); only a script it cannot parse is an error; the
/// checks that misfire under GitHub's `bash -e` and expression masking are
/// dropped, `cd` without `|| exit` (SC2164) among them.
#[test]
fn shellcheck_advice_is_info_parse_errors_are_errors_and_bash_e_checks_are_off() {
    let checker = FakeChecker::default();
    let mut config = Config::default();
    config.shellcheck = true;
    let opts = LintOptions {
        script_checker: Some(&checker),
        ..LintOptions::new(&config)
    };
    let src = "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo bad unassigned\n      - run: echo \"open\n";
    let got: Vec<(String, Severity)> = lint(PATH, src.as_bytes(), &opts)
        .into_iter()
        .filter(|d| d.rule == "shell")
        .map(|d| (d.message.split(':').next().unwrap_or("").to_string(), d.severity))
        .collect();
    assert_eq!(
        got,
        [
            ("shellcheck SC9999".to_string(), Severity::Info),
            ("shellcheck SC1073".to_string(), Severity::Error),
        ]
    );
    for code in ["SC2164", "SC2154", "SC1091"] {
        assert!(crate::rules::shell::IGNORED_SHELLCHECK_CODES.contains(&code), "{code}");
    }
}
