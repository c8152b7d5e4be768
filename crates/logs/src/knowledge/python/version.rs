//! The Python version a log shows. Sources of the shapes: the hosted tool
//! cache layout of actions/setup-python (`/opt/hostedtoolcache/Python/3.12.4/x64`,
//! `C:\hostedtoolcache\windows\Python\3.11.9\x64`), virtualenv and
//! interpreter library paths (`lib/python3.10/site-packages`), and
//! setup-python's `Successfully set up CPython (3.12.4)`.

use crate::report::PythonVersion;

/// The first Python `major.minor` that `line` shows, if any.
pub fn python_version_in(line: &str) -> Option<PythonVersion> {
    for marker in [
        "/Python/",
        "\\Python\\",
        "lib/python",
        "CPython (",
        "Python/",
        "python@",
    ] {
        let mut rest = line;
        while let Some(at) = rest.find(marker) {
            rest = &rest[at + marker.len()..];
            if let Some(v) = leading_version(rest) {
                return Some(v);
            }
        }
    }
    None
}

/// `3.12.4/…` or `3.10/…` → 3.12 / 3.10; only Python 3 versions.
fn leading_version(s: &str) -> Option<PythonVersion> {
    let mut parts = s.split(|c: char| !c.is_ascii_digit());
    let major: u8 = parts.next()?.parse().ok()?;
    if major != 3 || s.as_bytes().get(1) != Some(&b'.') {
        return None;
    }
    let minor_text = &s[2..];
    let digits: String = minor_text.chars().take_while(char::is_ascii_digit).collect();
    let minor: u8 = digits.parse().ok()?;
    Some(PythonVersion::new(major, minor))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        let v = |l: &str| python_version_in(l).map(|v| v.to_string());
        assert_eq!(
            v("    pythonLocation: /opt/hostedtoolcache/Python/3.12.12/x64").as_deref(),
            Some("3.12")
        );
        assert_eq!(
            v(r"  pythonLocation: C:\hostedtoolcache\windows\Python\3.9.0\x64").as_deref(),
            Some("3.9")
        );
        assert_eq!(
            v("  File \"/Users/runner/miniconda3/envs/test/lib/python3.10/site-packages/x.py\"").as_deref(),
            Some("3.10")
        );
        assert_eq!(v("Successfully set up CPython (3.13.1)").as_deref(), Some("3.13"));
        assert_eq!(v("/usr/lib/python2.7/dist-packages"), None);
        assert_eq!(v("nothing here"), None);
    }
}
