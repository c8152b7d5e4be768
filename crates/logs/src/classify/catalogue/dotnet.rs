//! .NET: MSBuild, NuGet and the C# compiler.
//!
//! Sources: MSBuild's error codes (`MSB1009: Project file does not exist.`,
//! followed by `Switch: {path}`), NuGet's (`NU1101: Unable to find package
//! {id}`) and the C# compiler's `error CS{code}:` diagnostics.

use super::util::{after, path_hit, regex};
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "dotnet/project-missing",
        grammar: "MSBUILD : error MSB1009: Project file does not exist. Switch: {path}",
        needles: &["MSB1009"],
        check: project_missing,
        examples: &[ex(
            "MSBUILD : error MSB1009: Project file does not exist. Switch: src/App/App.csproj",
            Category::FileNotFound,
            Some("src/App/App.csproj"),
        )],
    },
    Entry {
        id: "dotnet/build-failure",
        grammar: "error NU1101: Unable to find package {id} | {file}({line},{col}): error CS{code}: {message}",
        needles: &["error NU1", "error CS"],
        check: build_failure,
        examples: &[ex(
            "Program.cs(4,7): error CS0246: The type or namespace name 'Foo' could not be found",
            Category::Unknown,
            None,
        )],
    },
];

fn project_missing(line: &Line<'_>) -> Option<Hit> {
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
    if regex!(r"error NU1\d{3}").is_match(line.text) {
        return Some(Hit::install_failure("NuGet could not restore a package."));
    }
    regex!(r"error CS\d{4}")
        .is_match(line.text)
        .then(|| Hit::blocker("C# compile error."))
}
