//! Which pnpm a project uses, for `pnpm/action-setup`.

/// The project's pnpm major version: `packageManager` in package.json
/// (then the action reads it itself: `None` inside `Ok`), else the lockfile
/// format (`lockfileVersion` 9.0 is written by pnpm 9 and 10, 6.x by pnpm 8,
/// 5.4 by pnpm 7).
pub fn pnpm_version(package_json: Option<&str>, lockfile: Option<&str>) -> Result<Option<&'static str>, String> {
    if package_json.is_some_and(|p| p.contains("\"packageManager\"") && p.contains("pnpm@")) {
        return Ok(None);
    }
    let version = lockfile.and_then(|l| {
        l.lines()
            .find_map(|line| line.trim().strip_prefix("lockfileVersion:"))
            .map(|v| v.trim().trim_matches(['\'', '"']).to_string())
    });
    match version.as_deref() {
        Some(v) if v.starts_with("9.") => Ok(Some("9")),
        Some(v) if v.starts_with("6.") => Ok(Some("8")),
        Some("5.4") => Ok(Some("7")),
        _ => Err(
            "cannot tell which pnpm the project uses (no `packageManager` in package.json, no known pnpm-lock.yaml \
             version), so the version pnpm/action-setup needs is unknown"
                .into(),
        ),
    }
}
