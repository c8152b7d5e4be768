//! Python facts: which distribution provides an import ([`distributions`]),
//! which modules are the standard library in which version ([`stdlib`]),
//! pytest's plugin flags and fixtures ([`pytest`]), the most used
//! distributions ([`popular`]), and the interpreter version a log shows
//! ([`version`]).

pub mod distributions;
pub mod popular;
pub mod pytest;
pub mod stdlib;
pub mod version;
pub mod written_path;

pub use distributions::{ModuleNeed, distribution_for_module, module_need, requirement_for};
pub use stdlib::{StdlibStatus, stdlib_status};
pub use version::python_version_in;

/// PEP 503 normalization (`My__Pkg.name` → `my-pkg-name`): the form in which
/// two distribution names are compared.
pub fn normalize_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut last_sep = false;
    for c in name.chars() {
        if matches!(c, '-' | '_' | '.') {
            if !last_sep {
                out.push('-');
            }
            last_sep = true;
        } else {
            out.push(c.to_ascii_lowercase());
            last_sep = false;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pep_503_normalization() {
        assert_eq!(normalize_name("My__Pkg.name"), "my-pkg-name");
        assert_eq!(normalize_name("PyYAML"), "pyyaml");
        assert_eq!(normalize_name("ruamel.yaml"), normalize_name("ruamel-yaml"));
    }
}
