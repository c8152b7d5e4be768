//! Lua's package manager, LuaRocks.
//!
//! Source: LuaRocks' `luarocks install` (`luarocks/search.lua`,
//! `luarocks/deps.lua`; errors are printed as `Error: {message}`): `Error: No
//! results matching query were found for Lua {version}.` (followed by `To
//! check if it is available for other Lua versions, use
//! --check-lua-versions.`) when no rock of that name (and version) exists,
//! and `Error: Failed installing dependency: {url} - {reason}` when a
//! dependency of the rock failed. Both are failed installs for a person to
//! resolve (a name or version to correct, a build to look at).

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "lua/luarocks-install-failed",
    grammar: "Error: No results matching query were found for Lua {version}. | Error: Failed installing dependency: \
              {url} - {reason}",
    needles: &[
        "No results matching query were found",
        "Error: Failed installing dependency: ",
    ],
    check: luarocks_install_failed,
    examples: &[ex(
        "Error: No results matching query were found for Lua 5.4.",
        Category::Unknown,
        None,
    )],
}];

fn luarocks_install_failed(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim();
    if regex!(r"^Error: No results matching query were found for Lua \d+\.\d+\.?$").is_match(text) {
        return Some(Hit::install_failure(
            "LuaRocks has no rock of that name (or version) for this Lua: a person corrects the name or version.",
        ));
    }
    regex!(r"^Error: Failed installing dependency: \S+")
        .is_match(text)
        .then(|| Hit::install_failure("A LuaRocks dependency failed to install (the lines above say why)."))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn luarocks_refusals() {
        crate::classify::catalogue::assert_reads(
            luarocks_install_failed,
            &[
                "Error: Failed installing dependency: https://luarocks.org/luafilesystem-1.8.0-1.src.rock - Build error: Failed compiling object src/lfs.o",
                "Error: No results matching query were found for Lua 5.1.",
            ],
            &[
                "No results matching query were found",
                "Error: No results matching query were found for Lua",
            ],
        );
    }
}
