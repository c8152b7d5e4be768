//! Which distribution provides an import name: the one table, used by the
//! classifier (the subject of `missing_dependency`) and by the fix generators
//! (what to `pip install`).
//!
//! Every pair is a fact from the distribution's own metadata (the top-level
//! packages its wheel installs, as listed on its PyPI page or in its
//! `top_level.txt`). Only names where the import and the distribution differ,
//! or where a namespace package needs the dotted name, are listed; a module
//! that is not here is guessed to be its own distribution (`known: false`).
//! Import names that several unrelated distributions provide are left out on
//! purpose, so they are never guessed.

use super::stdlib::{StdlibStatus, stdlib_status};
use crate::report::PythonVersion;

/// Import name → distribution.
const MODULE_DISTRIBUTIONS: &[(&str, &str)] = &[
    ("Bio", "biopython"),
    ("Crypto", "pycryptodome"),
    ("Cryptodome", "pycryptodomex"),
    ("Cython", "Cython"),
    ("Levenshtein", "Levenshtein"),
    ("MySQLdb", "mysqlclient"),
    ("OpenGL", "PyOpenGL"),
    ("OpenSSL", "pyOpenSSL"),
    ("PIL", "Pillow"),
    ("RPi", "RPi.GPIO"),
    ("Xlib", "python-xlib"),
    ("absl", "absl-py"),
    ("attr", "attrs"),
    ("azure.core", "azure-core"),
    ("azure.identity", "azure-identity"),
    ("azure.storage.blob", "azure-storage-blob"),
    ("backports.zoneinfo", "backports.zoneinfo"),
    ("bs4", "beautifulsoup4"),
    ("cairo", "pycairo"),
    ("corsheaders", "django-cors-headers"),
    ("cv2", "opencv-python"),
    ("dateutil", "python-dateutil"),
    ("dbus", "dbus-python"),
    ("debug_toolbar", "django-debug-toolbar"),
    ("django_filters", "django-filter"),
    ("dns", "dnspython"),
    ("docx", "python-docx"),
    ("dotenv", "python-dotenv"),
    ("engineio", "python-engineio"),
    ("faiss", "faiss-cpu"),
    ("fitz", "PyMuPDF"),
    ("flask_cors", "Flask-Cors"),
    ("flask_login", "Flask-Login"),
    ("flask_migrate", "Flask-Migrate"),
    ("flask_sqlalchemy", "Flask-SQLAlchemy"),
    ("flask_wtf", "Flask-WTF"),
    ("gi", "PyGObject"),
    ("git", "GitPython"),
    ("github", "PyGithub"),
    ("gitlab", "python-gitlab"),
    ("google.auth", "google-auth"),
    ("google.cloud.bigquery", "google-cloud-bigquery"),
    ("google.cloud.firestore", "google-cloud-firestore"),
    ("google.cloud.pubsub", "google-cloud-pubsub"),
    ("google.cloud.storage", "google-cloud-storage"),
    ("google.genai", "google-genai"),
    ("google.generativeai", "google-generativeai"),
    ("google.oauth2", "google-auth"),
    ("google.protobuf", "protobuf"),
    ("google_auth_oauthlib", "google-auth-oauthlib"),
    ("googleapiclient", "google-api-python-client"),
    ("grpc", "grpcio"),
    ("grpc_tools", "grpcio-tools"),
    ("igraph", "igraph"),
    ("jenkins", "python-jenkins"),
    ("jwt", "PyJWT"),
    ("kafka", "kafka-python"),
    ("ldap", "python-ldap"),
    ("magic", "python-magic"),
    ("markdown_it", "markdown-it-py"),
    ("memcache", "python-memcached"),
    ("mpl_toolkits.basemap", "basemap"),
    ("multipart", "python-multipart"),
    ("mysql.connector", "mysql-connector-python"),
    ("nacl", "PyNaCl"),
    ("osgeo", "GDAL"),
    ("pdfminer", "pdfminer.six"),
    ("pkg_resources", "setuptools"),
    ("pptx", "python-pptx"),
    ("psycopg2", "psycopg2-binary"),
    ("pydantic_settings", "pydantic-settings"),
    ("pytest_asyncio", "pytest-asyncio"),
    ("pytest_benchmark", "pytest-benchmark"),
    ("pytest_cov", "pytest-cov"),
    ("pytest_mock", "pytest-mock"),
    ("pywintypes", "pywin32"),
    ("pyximport", "Cython"),
    ("rest_framework", "djangorestframework"),
    ("ruamel.yaml", "ruamel.yaml"),
    ("serial", "pyserial"),
    ("skbuild", "scikit-build"),
    ("skimage", "scikit-image"),
    ("sklearn", "scikit-learn"),
    ("slugify", "python-slugify"),
    ("snappy", "python-snappy"),
    ("socketio", "python-socketio"),
    ("telegram", "python-telegram-bot"),
    ("umap", "umap-learn"),
    ("usb", "pyusb"),
    ("websocket", "websocket-client"),
    ("win32api", "pywin32"),
    ("win32com", "pywin32"),
    ("wx", "wxPython"),
    ("xdist", "pytest-xdist"),
    ("yaml", "PyYAML"),
    ("zmq", "pyzmq"),
    ("zope.interface", "zope.interface"),
];

/// Modules a distribution stopped providing, and its first release without
/// them: only an older release provides the module. setuptools 82.0.0
/// removed `pkg_resources` (its changelog; deprecated since 67.5.0), so a bare
/// `setuptools` install no longer gives it.
const REMOVED_IN: &[(&str, &str, &str)] = &[("pkg_resources", "setuptools", "82")];

/// The requirement that installs a release of `distribution` providing
/// `module` (its top-level name): `setuptools<82` for `pkg_resources`, else
/// the bare distribution name.
pub fn requirement_for(module: &str, distribution: &str) -> String {
    let top = module.split('.').next().unwrap_or(module);
    REMOVED_IN
        .iter()
        .find(|(m, d, _)| *m == top && super::normalize_name(d) == super::normalize_name(distribution))
        .map_or_else(|| distribution.to_string(), |(_, d, v)| format!("{d}<{v}"))
}

/// Is `name` (PEP 503) a distribution the table names?
pub fn is_table_distribution(name: &str) -> bool {
    let n = super::normalize_name(name);
    MODULE_DISTRIBUTIONS.iter().any(|(_, d)| super::normalize_name(d) == n)
}

/// The distribution that provides `module` according to the table: the module
/// itself or its longest listed dotted prefix (`google.protobuf.internal` →
/// `protobuf`; `yaml.constructor` → `PyYAML`).
pub fn distribution_for_module(module: &str) -> Option<&'static str> {
    let mut prefix = module;
    loop {
        if let Some((_, dist)) = MODULE_DISTRIBUTIONS.iter().find(|(m, _)| *m == prefix) {
            return Some(dist);
        }
        prefix = prefix.rsplit_once('.')?.0;
    }
}

/// What a `No module named 'x'` needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ModuleNeed {
    /// Install this distribution (`known` when the name came from the table
    /// or the standard library's documented replacement).
    Distribution { name: String, known: bool },
    /// A standard module: the interpreter (its version or build) is the
    /// problem, not a missing distribution.
    Stdlib(StdlibStatus),
    /// `a.b` missing while `a` imports: a version mismatch of `a`, or a
    /// subpackage missing from a package. Not a missing distribution.
    Submodule,
}

/// Decides what a missing import needs; `module` must already be a valid
/// dotted identifier (see `crate::subject::is_module`).
pub fn module_need(module: &str, python: Option<PythonVersion>) -> ModuleNeed {
    let top = module.split('.').next().unwrap_or(module);
    match stdlib_status(top, python) {
        StdlibStatus::NotStdlib => {}
        StdlibStatus::RemovedIn {
            replacement: Some(dist),
            ..
        } => {
            return ModuleNeed::Distribution {
                name: dist.to_string(),
                known: true,
            };
        }
        status => return ModuleNeed::Stdlib(status),
    }
    // Python names the first part that fails to import, so a dotted name means
    // its parent imported; only a namespace package (listed with its dotted
    // name) can still be a missing distribution.
    if module.contains('.') {
        return match MODULE_DISTRIBUTIONS.iter().find(|(m, _)| {
            m.contains('.') && (module == *m || module.strip_prefix(m).is_some_and(|r| r.starts_with('.')))
        }) {
            Some((_, dist)) => ModuleNeed::Distribution {
                name: (*dist).to_string(),
                known: true,
            },
            None => ModuleNeed::Submodule,
        };
    }
    match distribution_for_module(module) {
        Some(dist) => ModuleNeed::Distribution {
            name: dist.to_string(),
            known: true,
        },
        None => ModuleNeed::Distribution {
            name: module.replace('_', "-"),
            // One of PyPI's most used distributions under the same name.
            known: super::popular::is_popular(module),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dist(name: &str, known: bool) -> ModuleNeed {
        ModuleNeed::Distribution {
            name: name.into(),
            known,
        }
    }

    #[test]
    fn well_known_renames() {
        for (module, d) in [
            ("yaml", "PyYAML"),
            ("cv2", "opencv-python"),
            ("PIL", "Pillow"),
            ("bs4", "beautifulsoup4"),
            ("pkg_resources", "setuptools"),
            ("wx", "wxPython"),
            // The `Levenshtein` distribution provides the module since 0.18;
            // `python-Levenshtein` is only a wrapper that depends on it.
            ("Levenshtein", "Levenshtein"),
        ] {
            assert_eq!(module_need(module, None), dist(d, true), "{module}");
        }
    }

    #[test]
    fn a_module_a_distribution_dropped_needs_an_older_release() {
        assert_eq!(requirement_for("pkg_resources", "setuptools"), "setuptools<82");
        assert_eq!(requirement_for("pkg_resources.extern", "setuptools"), "setuptools<82");
        // `distutils` (gone from Python 3.12) is still provided by setuptools.
        assert_eq!(requirement_for("distutils", "setuptools"), "setuptools");
        assert_eq!(requirement_for("yaml", "PyYAML"), "PyYAML");
    }

    #[test]
    fn standard_library_by_version() {
        let v = PythonVersion::new;
        assert_eq!(
            module_need("tomllib", Some(v(3, 10))),
            ModuleNeed::Stdlib(StdlibStatus::AddedIn(v(3, 11)))
        );
        assert!(matches!(module_need("tomllib", None), ModuleNeed::Stdlib(_)));
        assert_eq!(module_need("distutils", Some(v(3, 12))), dist("setuptools", true));
        assert_eq!(
            module_need("distutils.core", None),
            dist("setuptools", true),
            "the top-level module decides"
        );
        assert_eq!(
            module_need("_ctypes", None),
            ModuleNeed::Stdlib(StdlibStatus::InterpreterBuild)
        );
    }

    #[test]
    fn namespace_packages_and_submodules() {
        assert_eq!(module_need("google.protobuf.internal", None), dist("protobuf", true));
        assert_eq!(module_need("numpy.core._multiarray_umath", None), ModuleNeed::Submodule);
        assert_eq!(module_need("api.security", None), ModuleNeed::Submodule);
        assert_eq!(distribution_for_module("yaml.constructor"), Some("PyYAML"));
    }

    #[test]
    fn unknown_module_guesses_same_name() {
        assert_eq!(module_need("pydivsufsort", None), dist("pydivsufsort", false));
    }

    #[test]
    fn popular_same_names_are_known() {
        assert_eq!(module_need("numpy", None), dist("numpy", true));
        assert_eq!(
            module_need("charset_normalizer", None),
            dist("charset-normalizer", true)
        );
    }

    #[test]
    fn table_is_sorted_and_unique() {
        let names: Vec<&str> = MODULE_DISTRIBUTIONS.iter().map(|(m, _)| *m).collect();
        let mut sorted = names.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(names, sorted);
        for (m, d) in MODULE_DISTRIBUTIONS {
            assert!(
                crate::subject::is_module(m) && crate::subject::is_distribution(d),
                "{m} {d}"
            );
        }
    }
}
