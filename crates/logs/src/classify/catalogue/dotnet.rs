//! .NET: MSBuild, NuGet and the C# compiler.
//!
//! Sources: MSBuild's error codes (`MSB1009: Project file does not exist.`,
//! followed by `Switch: {path}`), NuGet's (`NU1101: Unable to find package
//! {id}`; `NU1301: Unable to load the service index for source {url}.`, a
//! heading whose reason NuGet prints on the next `NU1301:` line, such as
//! `Response status code does not indicate success: 429 (Too Many Requests).`,
//! which the `http` emitter reads) and the C# compiler's `error CS{code}:`
//! diagnostics; MSBuild's canonical error format `{origin}: error {code}:
//! {text}` for its own codes (`MSB{nnnn}`, e.g. `MSB3073: The command "…"
//! exited with code N.`) and the .NET SDK's (`NETSDK{nnnn}`, e.g. `NETSDK1045:
//! The current .NET SDK does not support targeting .NET {v}.`); and `dotnet
//! test`'s (VSTest's) summary `Failed!  - Failed: {n}, Passed: {n}, Skipped:
//! {n}, Total: {n}, Duration: {t} - {assembly} ({tfm})`; the install script
//! that actions/setup-dotnet runs (`dotnet-install.sh`, whose `say_err` prints
//! `dotnet_install: Error: {message}`, e.g. `Could not find \`.NET Core SDK\`
//! with version = {v}`, before the action's `Failed to install dotnet, exit
//! code: {n}. {stderr}`); the muxer's (hostfxr's) SDK resolution failure (`A
//! compatible .NET SDK was not found.` with `Requested SDK version: {v}` and
//! `global.json file: {path}` below it; before .NET 8, `A compatible installed
//! .NET SDK for global.json version [{v}] from [{path}] was not found`). NuGet's HTTP retry handler logs `Retrying '{method}'
//! for source '{url}'.` with the attempt's error on the next line (a 429's
//! `Response status code does not indicate success: …`): that error was
//! retried, so it is not the outcome (the notice, [`NUGET_RETRY`], is read by
//! ranking, `rank.rs`, which weakens the attempt after it); NU1301's
//! `Failed to retrieve information about '{id}' from remote source '{url}'.`
//! is, like `Unable to load the service index`, a heading whose reason
//! follows on the next `NU1301:` line. A failed test's report (VSTest's
//! `  Failed {test} [{duration}]`, `  Error Message:`, then the exception as
//! `{Type} : {message}`, e.g. `System.IO.FileNotFoundException : Could not
//! find file '{path}'.`; MSTest's `Test method {name} threw exception:` with
//! `{Type}: {message}` on the next line; xUnit's inner exceptions as `----
//! {Type} : {message}`; xunit.console's `{test} [FAIL]` heading) is the test's
//! failure: the path is one the code under test opened, never a workflow path,
//! and the summary decides.
//!
//! MSBuild's canonical diagnostic format (`{origin}({line},{col}): error
//! {code}: {text}`, the code any word without spaces; the console logger
//! appends ` [{project}]`) carries, besides the compiler's `CS{nnnn}`, the
//! codes of the Roslyn analyzers a build runs (`CA2016`, `IDE0055`, StyleCop's
//! `SA1101`, `xUnit1004`: a warning made an error by `TreatWarningsAsErrors`,
//! `-warnaserror` or an `.editorconfig` severity) and `dotnet format
//! --verify-no-changes`'s formatter ids (`WHITESPACE`, `FINALNEWLINE`,
//! `CHARSET`, `ENDOFLINE`, `IMPORTS`; dotnet/format's issues #1744, #2299 and
//! dotnet/sdk's #37812, #45586 show them with their fixed texts such as `Fix
//! whitespace formatting. Replace {n} characters with '{text}'.`), each on a
//! source file of the project (`.cs`, `.vb`, `.fs`): a finding in the
//! project's code, for a person; MSBuild repeats it after `Build FAILED.`,
//! and the first printing is the finding.
//!
//! The SDK's `CommandUnknownException` (`dotnet {name}` that is no built-in
//! command, no tool of the repository's tool manifest and no
//! `dotnet-{name}` on PATH): `Could not execute because the specified
//! command or file was not found.`, then `Possible reasons for this
//! include:` and three bullets, the second naming the program, `  * You
//! intended to execute a .NET program, but dotnet-{name} does not exist.`
//! The program is a .NET tool (`dotnet-ef`), installed by `dotnet tool
//! restore` from the project's manifest or `dotnet tool install`, not by a
//! system package manager: a missing command, never fixed by an install.

use super::util::{after, path_hit, regex};
use super::{Entry, ex, ex_after};
use crate::classify::hit::{Hit, Line};
use crate::report::{Category, SubjectDetail};

/// The id of NuGet's retry notice, which ranking reads (`rank.rs`).
pub const NUGET_RETRY: &str = "dotnet/nuget-retry";

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: NUGET_RETRY,
        grammar: "Retrying '{method}' for source '{url}'. (NuGet's HTTP retry handler; the retried attempt's error \
                  follows on the next line)",
        needles: &["Retrying '"],
        check: nuget_retry,
        examples: &[ex(
            "  Retrying 'FindPackagesByIdAsync' for source 'https://api.nuget.org/v3-flatcontainer/serilog/index.json'.",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "dotnet/install-script-error",
        grammar: "dotnet_install: Error: {message} (dotnet-install.sh's say_err, at the start of the line)",
        needles: &["dotnet_install: Error: "],
        check: install_script_error,
        examples: &[ex(
            "dotnet_install: Error: Could not find `.NET Core SDK` with version = 9.0.999",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "dotnet/sdk-not-found",
        grammar: "A compatible .NET SDK was not found. then `Requested SDK version: {v}` and `global.json file: \
                  {path}` (the muxer, hostfxr, since .NET 8) | A compatible installed .NET SDK for global.json \
                  version [{v}] from [{path}] was not found (earlier hostfxr)",
        needles: &[
            "A compatible .NET SDK was not found",
            "A compatible installed .NET SDK for global.json version",
        ],
        check: sdk_not_found,
        examples: &[ex(
            "      A compatible .NET SDK was not found.",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "dotnet/project-missing",
        grammar: "MSBUILD : error MSB1009: Project file does not exist. Switch: {path} (the `Switch: {path}` part \
                  often on the next line)",
        needles: &["MSB1009", "Switch: "],
        check: project_missing,
        examples: &[ex(
            "MSBUILD : error MSB1009: Project file does not exist. Switch: src/App/App.csproj",
            Category::FileNotFound,
            Some("src/App/App.csproj"),
        )],
    },
    Entry {
        id: "dotnet/msbuild-error",
        grammar: "{origin}: error MSB{nnnn}: {text} | {origin}: error NETSDK{nnnn}: {text} (MSB1009 has its own entry)",
        needles: &["error MSB", "error NETSDK"],
        check: msbuild_error,
        examples: &[
            ex(
                "App.csproj(58,5): error MSB3073: The command \"npm run build\" exited with code 1.",
                Category::Unknown,
                None,
            ),
            ex(
                "Microsoft.NET.TargetFrameworkInference.targets(166,5): error NETSDK1045: The current .NET SDK does not \
                 support targeting .NET 9.0.",
                Category::Unknown,
                None,
            ),
        ],
    },
    Entry {
        id: "dotnet/test-failed",
        grammar: "Failed!  - Failed: {n}, Passed: {n}, Skipped: {n}, Total: {n}, Duration: {t} - {assembly} ({tfm})",
        needles: &["Failed!  - Failed:"],
        check: test_failed,
        examples: &[ex(
            "Failed!  - Failed:     1, Passed:   211, Skipped:     0, Total:   212, Duration: 3 s - A.Tests.dll (net8.0)",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "dotnet/test-error-message",
        grammar: "  Error Message:\n   {ExceptionType} : {message} (VSTest's report of a failed test) | Test method \
                  {name} threw exception:\n{ExceptionType}: {message} (MSTest) | ---- {ExceptionType} : {message} \
                  (xUnit's inner exception) | {test} [FAIL]\n  {ExceptionType} : {message} (xunit.console); a file \
                  exception there is the test's, not a missing workflow file",
        needles: &["Exception : ", "Exception: "],
        check: test_error_message,
        examples: &[super::ex_after(
            &["  Failed Acme.Tests.LoadsSample [8 ms]", "  Error Message:"],
            "   System.IO.FileNotFoundException : Could not find file '/home/runner/work/a/a/tests/data/x.json'.",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "dotnet/tool-not-found",
        grammar: "Could not execute because the specified command or file was not found. / Possible reasons for \
                  this include: / * You misspelled a built-in dotnet command. / * You intended to execute a .NET \
                  program, but dotnet-{name} does not exist. (read on the line naming the program)",
        needles: &["You intended to execute a .NET program, but"],
        check: tool_not_found,
        examples: &[ex_after(
            &[
                "Could not execute because the specified command or file was not found.",
                "Possible reasons for this include:",
                "  * You misspelled a built-in dotnet command.",
            ],
            "  * You intended to execute a .NET program, but dotnet-ef does not exist.",
            Category::MissingCommand,
            Some("dotnet-ef"),
        )],
    },
    Entry {
        id: "dotnet/build-failure",
        grammar: "error NU1101: Unable to find package {id} | error NU1301: Unable to load the service index for \
                  source {url}. (a heading; its reason follows) | {file}({line},{col}): error CS{code}: {message}",
        needles: &["error NU1", "error CS"],
        check: build_failure,
        examples: &[
            ex(
                "Program.cs(4,7): error CS0246: The type or namespace name 'Foo' could not be found",
                Category::Unknown,
                None,
            ),
            ex(
                "App.csproj : error NU1301: Unable to load the service index for source \
                 https://api.nuget.org/v3/index.json.",
                Category::Unknown,
                None,
            ),
        ],
    },
    Entry {
        id: "dotnet/source-diagnostic",
        grammar: "{file}.{cs|vb|fs}({line},{col}): error {code}: {text} [{project}] (MSBuild's canonical format: a \
                  Roslyn analyzer's rule made an error, or dotnet format's WHITESPACE/FINALNEWLINE/CHARSET/ENDOFLINE/\
                  IMPORTS under --verify-no-changes; CS and NU codes have their entries)",
        needles: &["): error "],
        check: source_diagnostic,
        examples: &[
            ex(
                "src/Api/OrdersController.cs(48,23): error CA2016: Forward the 'cancellationToken' parameter to the \
                 'SaveChangesAsync' method [src/Api/Api.csproj]",
                Category::Unknown,
                None,
            ),
            ex(
                "/w/src/Core/PriceRule.cs(27,6): error WHITESPACE: Fix whitespace formatting. Replace 9 characters \
                 with '\\n\\s\\s'. [/w/src/Core/Core.csproj]",
                Category::Unknown,
                None,
            ),
        ],
    },
];

/// The muxer's unknown command, on the bullet that names the program: a
/// .NET tool (`dotnet-{name}`) is missing; anything else it names (`dotnet
/// app.dll` of a file that is not there, `dotnet build/test`) is a script
/// mistake for a person.
fn tool_not_found(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^\s*\* You intended to execute a \.NET program, but (\S+) does not exist\.\s*$")
        .captures(line.text)?;
    if !line.nearby("Could not execute because the specified command or file was not found") {
        return None;
    }
    let name = &c[1];
    if !regex!(r"^dotnet-[A-Za-z0-9][A-Za-z0-9_.-]*$").is_match(name) || name.ends_with(".dll") {
        return Some(Hit::blocker(format!(
            "dotnet found no command or program '{}' to run (a misspelt command or a missing program file).",
            crate::subject::display_text(name)
        )));
    }
    Some(
        Hit::cause(
            Category::MissingCommand,
            0.8,
            format!(
                "The .NET tool '{name}' is not installed: it comes from the project's tool manifest (`dotnet tool \
                 restore`) or `dotnet tool install`, not from the runner's package manager."
            ),
        )
        .with_subject(
            name,
            SubjectDetail::Command {
                name: name.to_string(),
                known: false,
            },
        )
        .fixable(false),
    )
}

/// NuGet's notice that an HTTP request is retried (`Retrying
/// 'FindPackagesByIdAsync' for source '{url}'.`); the error of the attempt it
/// retries is on the line after it, which ranking weakens.
fn nuget_retry(line: &Line<'_>) -> Option<Hit> {
    regex!(r"^\s*Retrying '\w+' for source '[^']+'\.\s*$")
        .is_match(line.text)
        .then(|| Hit::notice("NuGet retried a request."))
}

/// The `dotnet` muxer found no installed SDK that global.json (or the
/// default roll-forward) accepts: the job installs another SDK than the one
/// the repository pins. A person decides (setup-dotnet's `global-json-file`,
/// or global.json's version). Read only as the muxer prints it, at the start
/// of its line (review80 L6): the words inside other text (an `echo`, a
/// test's name) are not its error.
fn sdk_not_found(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim_start();
    if !text.starts_with("A compatible .NET SDK was not found")
        && !text.starts_with("A compatible installed .NET SDK for global.json version")
    {
        return None;
    }
    Some(Hit::blocker(
        "No installed .NET SDK matches the version global.json requests: the job installs another SDK than the one \
         the repository pins (setup-dotnet can install the pinned one with `global-json-file`).",
    ))
}

/// The SDK or runtime the workflow asked for could not be installed (a
/// version that does not exist, a download that failed): what needs `dotnet`
/// later follows from it.
fn install_script_error(line: &Line<'_>) -> Option<Hit> {
    line.text.trim_start().starts_with("dotnet_install: Error: ").then(|| {
        Hit::install_failure(
            "The .NET install script could not install the requested SDK or runtime (a version that does not exist, \
             or a failed download): a person corrects the version.",
        )
    })
}

fn project_missing(line: &Line<'_>) -> Option<Hit> {
    // `Switch: {path}` alone is MSBuild's only right below its MSB1009 line.
    if !line.text.contains("MSB1009") && !line.recent.iter().rev().take(2).any(|l| l.contains("MSB1009")) {
        return None;
    }
    match after(line.text, "Switch:").map(str::trim).filter(|p| !p.is_empty()) {
        Some(path) => Some(path_hit(
            path,
            0.75,
            "The .NET project or solution file does not exist.",
        )),
        None => Some(Hit::cause(
            Category::FileNotFound,
            0.6,
            "The .NET project or solution file does not exist (its path is on the next line of the log).",
        )),
    }
}

fn build_failure(line: &Line<'_>) -> Option<Hit> {
    let text = line.text;
    if text.contains("error NU1301") {
        if text.contains("Unable to load the service index") || text.contains("Failed to retrieve information about") {
            return Some(Hit::summary(
                "NuGet could not reach a package source; the next NU1301 line says why.",
            ));
        }
        // The reason line: an HTTP status (a 429 is a rate limit) is the
        // `http` emitter's to read.
        return None;
    }
    if regex!(r"error NU1\d{3}").is_match(text) {
        return Some(Hit::install_failure("NuGet could not restore a package."));
    }
    regex!(r"error CS\d{4}")
        .is_match(line.text)
        .then(|| Hit::blocker("C# compile error."))
}

fn msbuild_error(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"\berror (MSB|NETSDK)(\d{4}):").captures(line.text)?;
    if &c[1] == "MSB" && &c[2] == "1009" {
        return None;
    }
    if &c[1] == "NETSDK" {
        return Some(Hit::blocker(
            "The .NET SDK refused the build (a NETSDK error: often the SDK version against the target framework).",
        ));
    }
    Some(Hit::blocker(msbuild_code_message(&c[2], line.text)))
}

/// What an MSBuild error code says, for the codes whose cause is the machine
/// rather than the project's code (MSBuild's `Strings.resx` and the C++
/// targets' texts): MSB8020, the C++ platform toolset the project names
/// (`v142`) is not installed with this Visual Studio; MSB4019, a `.targets`
/// file an `<Import>` names is not on disk (under the SDK's or Visual
/// Studio's folders: a workload or a build of MSBuild the project needs that
/// this one lacks, e.g. `dotnet build` of a project that imports Visual
/// Studio's web targets); MSB3027 and MSB3021, the `Copy` task gave up, for
/// the reason its line carries (`copy_failure`).
fn msbuild_code_message(code: &str, text: &str) -> String {
    match code {
        "8020" => {
            let toolset = regex!(r"Platform Toolset = '([^']+)'")
                .captures(text)
                .map(|c| format!(" ({})", &c[1]))
                .unwrap_or_default();
            format!(
                "MSBuild did not find the C++ build tools the project asks for{toolset}: that toolset is not \
                 installed with this Visual Studio (a runner image carries one). Retargeting the project or \
                 installing the toolset is a person's call."
            )
        }
        "4019" => {
            let toolchain = regex!(r#"The imported project "([^"]+)" was not found"#)
                .captures(text)
                .is_some_and(|c| {
                    // Windows' folders and the SDK's on Linux and macOS
                    // (`/usr/share/dotnet/sdk/`, setup-dotnet's `~/.dotnet/sdk/`).
                    let path = c[1].to_ascii_lowercase().replace('\\', "/");
                    path.contains("/program files")
                        || path.contains("/dotnet/sdk/")
                        || path.contains("/.dotnet/sdk/")
                        || path.contains("microsoft visual studio")
                });
            if toolchain {
                "MSBuild did not find a `.targets` file the project imports from the toolchain's own folders: a part \
                 this MSBuild lacks (a workload, Visual Studio's targets under `dotnet build`, an SDK). Which \
                 toolchain builds the project is a person's call."
                    .to_string()
            } else {
                "MSBuild did not find a file the project imports (a submodule not checked out, a file another step \
                 writes, a path that moved); a person's call."
                    .to_string()
            }
        }
        "3027" | "3021" => copy_failure(text),
        _ => "MSBuild failed (an MSB error: a task, or a command it ran, failed).".to_string(),
    }
}

/// Why the `Copy` task gave up, by the reason its line carries: MSB3021 is
/// `Unable to copy file "{from}" to "{to}". {the exception's message}`,
/// MSB3027 `Could not copy "{from}" to "{to}". Exceeded retry count of {n}.
/// Failed. {the lock's holders}` (`The file is locked by: "{process}"` where
/// Windows names them; MSB3026, the retry warning above, gives each try's
/// reason). A lock is named only where the line says so.
fn copy_failure(text: &str) -> String {
    if let Some(c) = regex!(r#"The file is locked by: ("[^"]+"(?:, "[^"]+")*)"#).captures(text) {
        return format!(
            "MSBuild could not copy a build output: another process holds the file open ({}: a program still \
             running, the build's own output, or one an earlier job left on a self-hosted runner). The machine needs \
             a person.",
            crate::subject::display_text(&c[1])
        );
    }
    if text.contains("being used by another process") {
        return "MSBuild could not copy a build output: another process holds the file open (a program still running, \
                the build's own output, or one an earlier job left on a self-hosted runner). The machine needs a \
                person."
            .to_string();
    }
    if text.contains("Access to the path") && text.contains("is denied") {
        return "MSBuild could not copy a build output: access to the path is denied (a read-only file or folder, or \
                permissions the runner's user lacks); a person's call."
            .to_string();
    }
    if text.contains("Could not find a part of the path") {
        return "MSBuild could not copy a build output: a folder on the path does not exist or cannot be made (a path \
                over Windows' length limit, or a drive or folder that is not there); a person's call."
            .to_string();
    }
    "MSBuild could not copy a build output (the MSB3026 retry warnings above, or the line's own reason, say why); a \
     person's call."
        .to_string()
}

/// The exception that failed a test, printed in a test runner's report of the
/// failed test: part of that report, which the summary (`Failed!  - Failed:
/// {n}`) states; weak, so a file it names (one the code under test opened) is
/// never read as missing from the workflow.
fn test_error_message(line: &Line<'_>) -> Option<Hit> {
    // `{Type} : {message}` (VSTest, xUnit) or `{Type}: {message}` (MSTest's
    // `Exception.ToString()`); xUnit prints an inner exception as `---- {Type}
    // : {message}`.
    (regex!(r"^\s*(?:-{4} )?[A-Z][\w.`]*Exception\s?: ").is_match(line.text) && in_failed_test_report(line.recent))
        .then(|| Hit::blocker("A test failed with an exception (the test runner's report).").weak())
}

/// Whether the line after `recent` is inside a failed test's exception text:
/// going back over the exception's own lines (`{Type} : …`, xUnit's `---- `
/// inner exceptions), the nearest line is a runner's heading for it: VSTest's
/// `Error Message:`, MSTest's `Test method {name} threw exception:`, or
/// xunit.console's `{test} [FAIL]`. A `Stack Trace:` (VSTest, xUnit) ends the
/// report's message, and any other line means the exception is not under one.
fn in_failed_test_report(recent: &[&str]) -> bool {
    let exception = regex!(r"^(?:-{4} )?[A-Z][\w.`]*Exception\s?: ");
    for prior in recent.iter().rev() {
        let text = prior.trim();
        if text == "Error Message:" || text.ends_with("threw exception:") || text.ends_with("[FAIL]") {
            return true;
        }
        if !exception.is_match(text) {
            return false;
        }
    }
    false
}

/// dotnet format's formatter ids, which it reports in MSBuild's format
/// under `--verify-no-changes` (no digits, unlike an analyzer's id).
const FORMATTER_IDS: &[&str] = &["WHITESPACE", "FINALNEWLINE", "CHARSET", "ENDOFLINE", "IMPORTS"];

/// An analyzer's or dotnet format's error on a line of the project's own
/// source (the compiler's `CS` codes and NuGet's `NU` codes are read by
/// [`build_failure`]).
fn source_diagnostic(line: &Line<'_>) -> Option<Hit> {
    let c =
        regex!(r"^\s*\S.*?\.(?:cs|vb|fs)\(\d+,\d+(?:,\d+,\d+)?\): error ([A-Za-z]+)(\d*): \S").captures(line.text)?;
    let (prefix, number) = (&c[1], &c[2]);
    if FORMATTER_IDS.contains(&prefix) && number.is_empty() {
        return Some(Hit::blocker(format!(
            "dotnet format found code that is not formatted as the project's .editorconfig asks ({prefix}): running \
             `dotnet format` and committing the result is the project's change, for a person."
        )));
    }
    // CS, BC and FS are the C#, Visual Basic and F# compilers' own codes
    // (`build_failure`'s, not an analyzer's), NU NuGet's.
    if prefix.len() < 2 || number.len() < 3 || ["CS", "BC", "FS", "NU"].contains(&prefix) {
        return None;
    }
    Some(Hit::blocker(format!(
        "An analyzer rule reported an error ({prefix}{number}) in the project's code (a warning the build treats as an \
         error, or an .editorconfig severity): the code or the rule's severity is a person's change."
    )))
}

fn test_failed(line: &Line<'_>) -> Option<Hit> {
    regex!(r"Failed!\s+-\s+Failed:\s+[1-9]")
        .is_match(line.text)
        .then(|| Hit::blocker("dotnet test: tests failed."))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Both wordings of the muxer's SDK resolution failure are for a person.
    #[test]
    fn a_pinned_sdk_not_installed_is_not_fixable() {
        for text in [
            "      A compatible .NET SDK was not found.",
            "A compatible installed .NET SDK for global.json version [6.0.100] from [/w/global.json] was not found",
        ] {
            let hit = crate::classify::catalogue::Catalogue::get()
                .classify(&Line::plain(text))
                .expect(text);
            assert_eq!((hit.entry, hit.fixable), ("dotnet/sdk-not-found", false), "{text}");
        }
    }

    /// An analyzer's error and dotnet format's are read on the project's
    /// source files, whatever the analyzer; the compiler's, NuGet's and
    /// other tools' canonical lines are not this entry's.
    #[test]
    fn analyzer_and_formatter_errors_on_source_files() {
        crate::classify::catalogue::assert_reads(
            source_diagnostic,
            &[
                "D:\\a\\shop\\shop\\src\\Api\\OrdersController.cs(48,23): error CA2016: Forward the \
                 'cancellationToken' parameter [D:\\a\\shop\\shop\\src\\Api\\Api.csproj]",
                "src/Core/Cart.cs(12,9): error IDE0055: Fix formatting [src/Core/Core.csproj]",
                "/w/tests/CartTests.cs(30,13): error xUnit2013: Do not use Assert.Equal() to check for collection size.",
                "Program.vb(7,5,7,20): error SA1101: Prefix local calls with this",
                "/w/src/Core/Price.cs(41,10): error WHITESPACE: Fix whitespace formatting. Delete 1 characters. \
                 [/w/src/Core/Core.csproj]",
                "Stock.cs(88,2): error FINALNEWLINE: Fix final newline. Insert '\\n'. [Core.csproj]",
            ],
            &[
                // The compiler's and NuGet's codes are `build_failure`'s.
                "Program.cs(4,7): error CS0246: The type or namespace name 'Foo' could not be found",
                "Module1.vb(9,13): error BC30451: 'Foo' is not declared.",
                "src/Lib.fs(12,5): error FS0039: The value or constructor 'foo' is not defined.",
                // Another language's compiler in the same canonical format.
                "src/index.ts(3,1): error TS2304: Cannot find name 'x'.",
                // A warning, an unknown word without digits, a code too short.
                "src/Core/Cart.cs(12,9): warning CA1822: Mark members as static",
                "src/Core/Cart.cs(12,9): error SOMETHING: not a formatter id",
                "src/Core/Cart.cs(12,9): error X12: too short",
            ],
        );
        let hit = source_diagnostic(&Line::plain(
            "/w/src/Core/Price.cs(27,6): error WHITESPACE: Fix whitespace formatting. [/w/src/Core/Core.csproj]",
        ))
        .expect("read");
        assert_eq!((hit.category, hit.fixable), (Category::Unknown, false));
        assert!(hit.message.contains("dotnet format"), "{}", hit.message);
    }

    #[test]
    fn a_tests_exception_is_read_only_under_vstests_heading() {
        let recent = ["  Failed A.Tests.Reads [3 ms]", "  Error Message:"];
        let line = Line {
            recent: &recent,
            ..Line::plain("   System.IO.DirectoryNotFoundException : Could not find a part of the path '/w/x'.")
        };
        let hit = test_error_message(&line).expect("read");
        assert_eq!(hit.strength, crate::classify::hit::Strength::Weak);
        assert!(
            test_error_message(&Line::plain(
                "   System.IO.FileNotFoundException : Could not find file 'x'."
            ))
            .is_none()
        );
    }

    /// The SDK's unknown command names a .NET tool only on its second bullet,
    /// and only after its own heading; a program file or a built-in's typo is
    /// no tool.
    #[test]
    fn a_missing_dotnet_tool_is_read_from_the_sdks_bullet() {
        let recent = [
            "Could not execute because the specified command or file was not found.",
            "Possible reasons for this include:",
            "  * You misspelled a built-in dotnet command.",
        ];
        fn read(text: &str, recent: &[&str]) -> Option<Hit> {
            tool_not_found(&Line {
                recent,
                ..Line::plain(text)
            })
        }
        let hit = read(
            "  * You intended to execute a .NET program, but dotnet-ef does not exist.",
            &recent,
        )
        .expect("read");
        assert_eq!(
            (hit.category, hit.subject.as_deref(), hit.fixable),
            (Category::MissingCommand, Some("dotnet-ef"), false)
        );
        for text in [
            "  * You intended to execute a .NET program, but dotnet-Bridge.dll does not exist.",
            "  * You intended to execute a .NET program, but dotnet-build/test does not exist.",
        ] {
            let hit = read(text, &recent).expect(text);
            assert_eq!(hit.category, Category::Unknown, "{text}");
        }
        // Without the SDK's heading (a quote in docs or a script): not read.
        assert!(
            read(
                "  * You intended to execute a .NET program, but dotnet-ef does not exist.",
                &[]
            )
            .is_none()
        );
    }

    #[test]
    fn nugets_retry_notice_is_read_exactly() {
        crate::classify::catalogue::assert_reads(
            nuget_retry,
            &[
                "  Retrying 'FindPackagesByIdAsync' for source 'https://api.nuget.org/v3-flatcontainer/serilog/index.json'.",
            ],
            &[
                "Retrying in 5 seconds",
                "echo \"Retrying 'X' for source 'y'.\" && exit 1",
                "Retrying 'download' for source 'https://x.y/' in 5 seconds.",
            ],
        );
    }

    #[test]
    fn nu1301s_failed_retrieval_is_a_heading() {
        let hit = build_failure(&Line::plain(
            "Api.csproj : error NU1301: Failed to retrieve information about 'Serilog' from remote source \
             'https://api.nuget.org/v3-flatcontainer/serilog/index.json'.",
        ))
        .expect("hit");
        assert_eq!(hit.strength, crate::classify::hit::Strength::Summary);
    }

    #[test]
    fn the_install_scripts_error_is_an_install_failure_where_the_script_prints_it() {
        let hit = install_script_error(&Line::plain(
            "dotnet_install: Error: Could not find `.NET Core SDK` with version = 8.0.999",
        ))
        .expect("hit");
        assert_eq!(hit.category, Category::Unknown);
        assert!(!hit.fixable);
        assert!(install_script_error(&Line::plain("echo 'dotnet_install: Error: x'")).is_none());
    }
}

#[cfg(test)]
mod test_reports {
    use crate::classify::catalogue::Catalogue;
    use crate::classify::hit::Line;
    use crate::report::Category;

    /// What the whole catalogue decides for `text` after `recent`.
    fn decide(recent: &[&str], text: &str) -> Option<(Category, bool)> {
        let line = Line {
            recent,
            ..Line::plain(text)
        };
        Catalogue::get().classify(&line).map(|hit| (hit.category, hit.fixable))
    }

    fn assert_test_failure(recent: &[&str], text: &str) {
        match decide(recent, text) {
            Some((Category::Unknown, false)) | None => {}
            other => panic!("{text:?} after {recent:?}: {other:?}, want a test failure (unknown, not fixable)"),
        }
    }

    #[test]
    fn mstests_exception_after_threw_exception_is_the_tests_failure() {
        // MSTest's `Test method {name} threw exception:` puts the exception
        // (`{Type}: {message}`, no space before the colon) on the next line.
        assert_test_failure(
            &[
                "  Failed ReadsSettings [7 ms]",
                "  Error Message:",
                "   Test method Acme.Tests.SettingsTests.ReadsSettings threw exception: ",
            ],
            "System.IO.FileNotFoundException: Could not find file 'D:\\a\\app\\app\\tests\\bin\\Release\\settings.json'.",
        );
        // Microsoft.Testing.Platform's console: the heading without VSTest's.
        assert_test_failure(
            &[
                "failed Acme.Tests.SettingsTests.ReadsSettings (7ms)",
                "  Test method Acme.Tests.SettingsTests.ReadsSettings threw exception:",
            ],
            "  System.IO.DirectoryNotFoundException: Could not find a part of the path 'D:\\a\\app\\app\\fixtures'.",
        );
    }

    #[test]
    fn xunits_inner_exception_lines_are_the_tests_failure() {
        // xUnit prints each inner exception on its own line, `---- ` before it.
        assert_test_failure(
            &[
                "  Failed Acme.Tests.Loads [3 ms]",
                "  Error Message:",
                "   System.AggregateException : One or more errors occurred. (Could not find file 'D:\\a\\r\\r\\x.json'.)",
            ],
            "---- System.IO.FileNotFoundException : Could not find file 'D:\\a\\r\\r\\x.json'.",
        );
        // xunit.console's own report: `[FAIL]` heading, the exception under it.
        assert_test_failure(
            &["    Acme.Tests.Loads [FAIL]"],
            "      System.IO.FileNotFoundException : Could not find file '/home/runner/work/r/r/data/x.json'.",
        );
    }

    #[test]
    fn a_scripts_own_file_exception_is_still_a_missing_file() {
        // The PowerShell script read the file itself: no test report around it.
        assert_eq!(
            decide(
                &["Run ./build.ps1"],
                "Exception calling \"ReadAllText\" with \"1\" argument(s): \"Could not find file \
                 'D:\\a\\app\\app\\config\\app.json'.\""
            ),
            Some((Category::FileNotFound, true))
        );
        // After a test report's stack trace, the report is over.
        assert_eq!(
            decide(
                &[
                    "  Error Message:",
                    "   Assert.Equal() Failure",
                    "  Stack Trace:",
                    "     at A.B()",
                    "Run pwsh"
                ],
                "Get-Content: Cannot find path 'D:\\a\\app\\app\\version.txt' because it does not exist."
            ),
            Some((Category::FileNotFound, true))
        );
    }
}

#[cfg(test)]
mod anchored {
    use super::*;

    /// review80 L6: the muxer's refusal is read at the start of its line only.
    #[test]
    fn the_sdk_refusal_is_read_as_the_muxer_prints_it() {
        crate::classify::catalogue::assert_reads(
            sdk_not_found,
            &[
                "A compatible .NET SDK was not found.",
                "      A compatible .NET SDK was not found.",
                "A compatible installed .NET SDK for global.json version [8.0.100] from [/w/global.json] was not found.",
            ],
            &[
                "echo \"A compatible .NET SDK was not found\"",
                "  Passed Sdk_Resolver_Reports_A compatible .NET SDK was not found [12 ms]",
            ],
        );
    }
}

#[cfg(test)]
mod msbuild_code_tests {
    use super::*;

    #[test]
    fn machine_side_msbuild_codes_say_what_the_machine_lacks() {
        let toolset = msbuild_code_message(
            "8020",
            "Microsoft.CppBuild.targets(463,5): error MSB8020: The build tools for v142 (Platform Toolset = 'v142') \
             cannot be found.",
        );
        assert!(toolset.contains("(v142)"));
        let sdk = msbuild_code_message(
            "4019",
            "Web.csproj(412,3): error MSB4019: The imported project \"C:\\Program Files\\dotnet\\sdk\\9.0.308\\Microsoft\\\
             VisualStudio\\v17.0\\WebApplications\\Microsoft.WebApplication.targets\" was not found.",
        );
        assert!(sdk.contains("toolchain's own folders"));
        let workspace = msbuild_code_message(
            "4019",
            "App.csproj(3,3): error MSB4019: The imported project \"D:\\a\\app\\app\\external\\common\\build.targets\" \
             was not found.",
        );
        assert!(workspace.contains("submodule"));
        assert!(msbuild_code_message("3027", "").contains("MSB3026"));
        assert!(msbuild_code_message("3073", "").contains("a task, or a command it ran"));
    }

    /// `dotnet build` on Linux and macOS names the SDK's folder with forward
    /// slashes (`/usr/share/dotnet/sdk/…`, `/usr/local/share/dotnet/sdk/…`,
    /// setup-dotnet's `~/.dotnet/sdk/…`): still the toolchain's own folder.
    #[test]
    fn a_unix_sdk_folder_is_the_toolchains() {
        for root in [
            "/usr/share/dotnet/sdk/8.0.404",
            "/usr/local/share/dotnet/sdk/2.2.106",
            "/home/runner/.dotnet/sdk/9.0.100",
        ] {
            let text = format!(
                "/src/Web/Web.csproj(412,3): error MSB4019: The imported project \"{root}/Microsoft/VisualStudio/\
                 v17.0/WebApplications/Microsoft.WebApplication.targets\" was not found. Confirm that the expression \
                 in the Import declaration \"{root}/Microsoft/VisualStudio/v17.0/\
                 WebApplications/Microsoft.WebApplication.targets\" is correct, and that the file exists on disk."
            );
            assert!(
                msbuild_code_message("4019", &text).contains("toolchain's own folders"),
                "{root}"
            );
        }
        let workspace = msbuild_code_message(
            "4019",
            "/home/runner/work/app/app/App.csproj(3,3): error MSB4019: The imported project \
             \"/home/runner/work/app/app/external/common/build.targets\" was not found.",
        );
        assert!(workspace.contains("submodule"));
    }

    /// MSB3021 and MSB3027 carry their reason on the line (the `Copy` task's
    /// `Unable to copy file "{from}" to "{to}". {error}` and `… Exceeded retry
    /// count of {n}. Failed. {lock owner}`): a lock is named only where the
    /// line says so, with its holder.
    #[test]
    fn a_failed_copy_is_explained_by_its_own_reason() {
        let denied = msbuild_code_message(
            "3021",
            "Web.csproj(17,5): error MSB3021: Unable to copy file \"packages\\tools\\csc.exe\" to \
             \"bin\\roslyn\\csc.exe\". Access to the path 'bin\\roslyn' is denied.",
        );
        assert!(
            denied.contains("denied") && !denied.contains("another process"),
            "{denied}"
        );
        let long = msbuild_code_message(
            "3021",
            "Setup.csproj(5150,5): error MSB3021: Unable to copy file \"C:\\nuget\\a.psd1\" to \
             \"bin\\x64\\Debug\\a.psd1\". Could not find a part of the path 'bin\\x64\\Debug\\a.psd1'.",
        );
        assert!(long.contains("path") && !long.contains("another process"), "{long}");
        let locked = msbuild_code_message(
            "3027",
            "Build.csproj(5150,5): error MSB3027: Could not copy \"obj\\apphost.exe\" to \"bin\\Build.exe\". \
             Exceeded retry count of 10. Failed. The file is locked by: \"Build (5592)\"",
        );
        assert!(
            locked.contains("another process") && locked.contains("Build (5592)"),
            "{locked}"
        );
        let used = msbuild_code_message(
            "3021",
            "App.csproj(5150,5): error MSB3021: Unable to copy file \"obj\\App.dll\" to \"bin\\App.dll\". The \
             process cannot access the file 'bin\\App.dll' because it is being used by another process.",
        );
        assert!(used.contains("another process"), "{used}");
        let bare = msbuild_code_message(
            "3027",
            "App.csproj(5150,5): error MSB3027: Could not copy \"obj\\App.dll\" to \"bin\\App.dll\". Exceeded \
             retry count of 10. Failed.",
        );
        assert!(
            bare.contains("MSB3026") && !bare.contains("another process holds"),
            "{bare}"
        );
    }
}
