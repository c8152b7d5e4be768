use std::sync::Mutex;

use super::{about_substitution, is_python_shell, quotes_placeholder, token_end};
use crate::config::Config;
use crate::diagnostic::Severity;
use crate::external::{Script, ScriptChecker, ScriptFinding, ScriptLanguage, mask_expressions};
use crate::lint::{LintOptions, lint};
use crate::rules::test_support::PATH;

/// Records the scripts it is given; finds what `findings` says, by the
/// text each finding points at (its first occurrence in the script).
#[derive(Default)]
struct Recording {
    seen: Mutex<Vec<Script>>,
    findings: Vec<(&'static str, Severity, &'static str)>,
}

impl ScriptChecker for Recording {
    fn check(&self, scripts: &[Script]) -> Vec<ScriptFinding> {
        self.seen.lock().unwrap().extend(scripts.iter().cloned());
        let mut out = Vec::new();
        for (i, s) in scripts.iter().enumerate() {
            for (at, severity, message) in &self.findings {
                if let Some(start) = s.text.find(at) {
                    out.push(ScriptFinding {
                        script: i,
                        start,
                        end: start,
                        severity: *severity,
                        code: String::new(),
                        message: (*message).into(),
                    });
                }
            }
        }
        out
    }
}

fn finding(start: usize, severity: Severity, message: &str) -> ScriptFinding {
    ScriptFinding {
        script: 0,
        start,
        end: start,
        severity,
        code: String::new(),
        message: message.into(),
    }
}

#[test]
fn python_shells_are_the_keyword_and_python_3_commands_with_the_script_path() {
    for shell in [
        "python",
        " Python ",
        "python {0}",
        "python3 -u {0}",
        "python3.12 {0}",
        "/usr/bin/python3 {0}",
        "C:\\Python312\\python.exe {0}",
    ] {
        assert!(is_python_shell(shell), "{shell}");
    }
    for shell in [
        "bash",
        "python -u",
        "python2 {0}",
        "pythonw {0}",
        "python3.x {0}",
        "pwsh",
        "${{ matrix.shell }}",
        "sh -c 'python {0}'",
        "",
    ] {
        assert!(!is_python_shell(shell), "{shell}");
    }
}

#[test]
fn what_pyflakes_says_about_a_placeholder_is_dropped_and_the_rest_kept() {
    let text = "import ${{ matrix.m }}\nx = a${{ inputs.n }}\nprint(x, undefined)\n";
    let masked = mask_expressions(text);
    let at = |needle: &str| masked.find(needle).unwrap();
    // `undefined name 'a________'`, at the `a`: the name runs into the placeholder.
    assert!(about_substitution(
        text,
        &masked,
        &finding(at("a_"), Severity::Warning, "undefined name 'a_'")
    ));
    // `'____' imported but unused`, at `import`: the message names it.
    assert!(about_substitution(
        text,
        &masked,
        &finding(0, Severity::Warning, "'_________________' imported but unused")
    ));
    assert!(!about_substitution(
        text,
        &masked,
        &finding(at("undefined"), Severity::Warning, "undefined name 'undefined'")
    ));
    // A syntax error on a line holding an expression, wherever on the line.
    assert!(about_substitution(
        text,
        &masked,
        &finding(at("x ="), Severity::Error, "invalid syntax")
    ));
    assert!(!about_substitution(
        text,
        &masked,
        &finding(at("print"), Severity::Error, "invalid syntax")
    ));
    // A script without expressions keeps everything, dunder names included.
    let plain = "print(__name__)\n";
    assert!(!about_substitution(
        plain,
        plain,
        &finding(0, Severity::Warning, "'_____x' imported but unused")
    ));
    assert!(quotes_placeholder("redefinition of unused '______' from line 1"));
    assert!(!quotes_placeholder("undefined name '__file__'"));
    assert!(!quotes_placeholder("a ______ b"));
}

#[test]
fn a_finding_covers_the_name_it_points_at() {
    assert_eq!(token_end("print(hello)", 6), 11);
    assert_eq!(token_end("x = é_1 + 2", 4), 8);
    assert_eq!(token_end("(:", 1), 1);
    assert_eq!(token_end("ab", 9), 9);
}

#[test]
fn advice_and_syntax_errors_are_info_one_syntax_error_per_script_and_scripts_map_to_their_lines() {
    let checker = Recording {
        findings: vec![
            ("hello", Severity::Warning, "undefined name 'hello'"),
            ("(:", Severity::Error, "invalid syntax"),
            ("pass", Severity::Error, "a second syntax error"),
        ],
        ..Default::default()
    };
    let config = Config::default();
    let opts = LintOptions {
        python_checker: Some(&checker),
        ..LintOptions::new(&config)
    };
    let src = "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    defaults:\n      run:\n        shell: python\n    steps:\n      - run: |\n          import sys\n          print(hello)\n      - run: \"def f(:\\n  pass\"\n      - run: print(hello)\n        shell: bash\n";
    let idx = crate::text::LineIndex::new(src);
    let got: Vec<(String, Severity, &str)> = lint(PATH, src.as_bytes(), &opts)
        .into_iter()
        .filter(|d| d.rule == "pyflakes")
        .map(|d| {
            let p = idx.line_column(src, d.range.start);
            (
                format!("{}:{} {}", p.line, p.column, &src[d.range.start..d.range.end]),
                d.severity,
                d.code,
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("11:17 hello".to_string(), Severity::Info, super::FINDING),
            // A quoted scalar with an escape is not verbatim: its start.
            ("12:14 ".to_string(), Severity::Info, super::SYNTAX_ERROR),
        ]
    );
    let seen = checker.seen.lock().unwrap();
    assert_eq!(seen.len(), 2, "the bash step is not Python");
    assert!(seen.iter().all(|s| s.language == ScriptLanguage::Python));
}

#[test]
fn nothing_is_handed_to_the_checker_when_pyflakes_is_off() {
    let checker = Recording::default();
    let mut config = Config::default();
    config.pyflakes = false;
    let opts = LintOptions {
        python_checker: Some(&checker),
        ..LintOptions::new(&config)
    };
    let src =
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: print(1)\n        shell: python\n";
    assert!(lint(PATH, src.as_bytes(), &opts).iter().all(|d| d.rule != "pyflakes"));
    assert!(checker.seen.lock().unwrap().is_empty());
    config.pyflakes = true;
    let opts = LintOptions {
        python_checker: Some(&checker),
        ..LintOptions::new(&config)
    };
    lint(PATH, src.as_bytes(), &opts);
    assert_eq!(checker.seen.lock().unwrap().len(), 1);
}
