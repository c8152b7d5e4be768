//! Python knowledge: import names that differ from distribution names,
//! pytest command-line flags and fixtures that come from plugins.

/// Import name → distribution name, for the common cases where they differ
/// (or where the module is a namespace package, so only a dotted name says
/// which distribution is missing).
const MODULE_DISTRIBUTIONS: &[(&str, &str)] = &[
    ("yaml", "PyYAML"),
    ("cv2", "opencv-python"),
    ("PIL", "Pillow"),
    ("sklearn", "scikit-learn"),
    ("skimage", "scikit-image"),
    ("bs4", "beautifulsoup4"),
    ("github", "PyGithub"),
    ("git", "GitPython"),
    ("gitlab", "python-gitlab"),
    ("jwt", "PyJWT"),
    ("dateutil", "python-dateutil"),
    ("dotenv", "python-dotenv"),
    ("magic", "python-magic"),
    ("docx", "python-docx"),
    ("pptx", "python-pptx"),
    ("jose", "python-jose"),
    ("multipart", "python-multipart"),
    ("slugify", "python-slugify"),
    ("levenshtein", "python-Levenshtein"),
    ("Levenshtein", "Levenshtein"),
    ("ldap", "python-ldap"),
    ("telegram", "python-telegram-bot"),
    ("socketio", "python-socketio"),
    ("engineio", "python-engineio"),
    ("Crypto", "pycryptodome"),
    ("Cryptodome", "pycryptodomex"),
    ("OpenSSL", "pyOpenSSL"),
    ("nacl", "PyNaCl"),
    ("serial", "pyserial"),
    ("usb", "pyusb"),
    ("zmq", "pyzmq"),
    ("MySQLdb", "mysqlclient"),
    ("mysql", "mysql-connector-python"),
    ("psycopg2", "psycopg2-binary"),
    ("pg8000", "pg8000"),
    ("sqlalchemy", "SQLAlchemy"),
    ("flask_sqlalchemy", "Flask-SQLAlchemy"),
    ("flask_cors", "Flask-Cors"),
    ("flask_login", "Flask-Login"),
    ("flask_wtf", "Flask-WTF"),
    ("flask_migrate", "Flask-Migrate"),
    ("rest_framework", "djangorestframework"),
    ("corsheaders", "django-cors-headers"),
    ("django_filters", "django-filter"),
    ("debug_toolbar", "django-debug-toolbar"),
    ("environ", "django-environ"),
    ("attr", "attrs"),
    ("google.protobuf", "protobuf"),
    ("google.cloud.storage", "google-cloud-storage"),
    ("google.cloud.bigquery", "google-cloud-bigquery"),
    ("google.cloud.pubsub", "google-cloud-pubsub"),
    ("google.cloud.firestore", "google-cloud-firestore"),
    ("google.auth", "google-auth"),
    ("google.oauth2", "google-auth"),
    ("google_auth_oauthlib", "google-auth-oauthlib"),
    ("googleapiclient", "google-api-python-client"),
    ("google.genai", "google-genai"),
    ("google.generativeai", "google-generativeai"),
    ("azure.identity", "azure-identity"),
    ("azure.storage.blob", "azure-storage-blob"),
    ("azure.core", "azure-core"),
    ("ruamel.yaml", "ruamel.yaml"),
    ("ruamel", "ruamel.yaml"),
    ("backports.zoneinfo", "backports.zoneinfo"),
    ("zope.interface", "zope.interface"),
    ("jaraco.classes", "jaraco.classes"),
    ("mpl_toolkits.basemap", "basemap"),
    ("pkg_resources", "setuptools"),
    ("setuptools", "setuptools"),
    ("distutils", "setuptools"),
    ("wx", "wxPython"),
    ("gi", "PyGObject"),
    ("cairo", "pycairo"),
    ("fitz", "PyMuPDF"),
    ("pdfminer", "pdfminer.six"),
    ("Bio", "biopython"),
    ("igraph", "python-igraph"),
    ("osgeo", "GDAL"),
    ("tensorflow_hub", "tensorflow-hub"),
    ("torchvision", "torchvision"),
    ("umap", "umap-learn"),
    ("faiss", "faiss-cpu"),
    ("sentence_transformers", "sentence-transformers"),
    ("huggingface_hub", "huggingface-hub"),
    ("lxml", "lxml"),
    ("markdown", "Markdown"),
    ("jinja2", "Jinja2"),
    ("markupsafe", "MarkupSafe"),
    ("werkzeug", "Werkzeug"),
    ("pygments", "Pygments"),
    ("docutils", "docutils"),
    ("sphinx_rtd_theme", "sphinx-rtd-theme"),
    ("typing_extensions", "typing-extensions"),
    ("importlib_metadata", "importlib-metadata"),
    ("importlib_resources", "importlib-resources"),
    ("pytest_asyncio", "pytest-asyncio"),
    ("pytest_mock", "pytest-mock"),
    ("pytest_cov", "pytest-cov"),
    ("xdist", "pytest-xdist"),
    ("pytest_benchmark", "pytest-benchmark"),
    ("dns", "dnspython"),
    ("websocket", "websocket-client"),
    ("win32api", "pywin32"),
    ("win32com", "pywin32"),
    ("pywintypes", "pywin32"),
    ("Xlib", "python-xlib"),
    ("tomllib", "tomli"),
    ("kafka", "kafka-python"),
    ("snappy", "python-snappy"),
    ("memcache", "python-memcached"),
    ("consul", "python-consul"),
    ("jenkins", "python-jenkins"),
    ("keystoneauth1", "keystoneauth1"),
    ("mpi4py", "mpi4py"),
    ("sentencepiece", "sentencepiece"),
    ("editdistance", "editdistance"),
    ("pyarrow", "pyarrow"),
    ("stripe", "stripe"),
    ("boto3", "boto3"),
    ("botocore", "botocore"),
    ("numpy", "numpy"),
    ("pandas", "pandas"),
    ("scipy", "scipy"),
    ("matplotlib", "matplotlib"),
    ("requests", "requests"),
    ("toml", "toml"),
    ("tomli", "tomli"),
    ("six", "six"),
];

/// Modules of the standard library (or compiled into CPython) that can go
/// missing only because the interpreter was built without them: not a pip fix.
const INTERPRETER_MODULES: &[&str] = &[
    "_ctypes", "_tkinter", "tkinter", "_sqlite3", "sqlite3", "_lzma", "lzma", "_bz2", "bz2", "_ssl", "ssl", "readline",
    "_curses", "curses", "_dbm", "_gdbm", "zlib", "_uuid", "_hashlib", "pyexpat", "_decimal",
];

/// What a missing import needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ModuleNeed {
    /// Install this distribution (`known` when the name came from the table).
    Distribution { name: String, known: bool },
    /// Built into the interpreter: the Python build or image is the problem.
    Interpreter,
    /// `a.b` missing while `a` imports: an API/version mismatch or a missing
    /// submodule of the project, not a missing distribution.
    Submodule,
}

/// Decides what a `No module named 'x'` needs; `module` must already be a
/// valid dotted identifier.
pub fn module_need(module: &str) -> ModuleNeed {
    if INTERPRETER_MODULES.contains(&module) {
        return ModuleNeed::Interpreter;
    }
    if let Some((_, dist)) = MODULE_DISTRIBUTIONS.iter().find(|(m, _)| *m == module) {
        return ModuleNeed::Distribution {
            name: (*dist).to_string(),
            known: true,
        };
    }
    // Namespace packages: the longest known dotted prefix names the distribution.
    let mut prefix = module;
    while let Some((head, _)) = prefix.rsplit_once('.') {
        prefix = head;
        if let Some((_, dist)) = MODULE_DISTRIBUTIONS
            .iter()
            .find(|(m, _)| *m == prefix && prefix.contains('.'))
        {
            return ModuleNeed::Distribution {
                name: (*dist).to_string(),
                known: true,
            };
        }
    }
    if module.contains('.') {
        return ModuleNeed::Submodule;
    }
    ModuleNeed::Distribution {
        name: module.replace('_', "-"),
        known: false,
    }
}

/// A pytest flag → the plugin distribution that adds it.
const PYTEST_FLAGS: &[(&str, &str)] = &[
    ("--cov", "pytest-cov"),
    ("--no-cov", "pytest-cov"),
    ("-n", "pytest-xdist"),
    ("--numprocesses", "pytest-xdist"),
    ("--dist", "pytest-xdist"),
    ("--timeout", "pytest-timeout"),
    ("--benchmark", "pytest-benchmark"),
    ("--asyncio-mode", "pytest-asyncio"),
    ("--html", "pytest-html"),
    ("--self-contained-html", "pytest-html"),
    ("--reruns", "pytest-rerunfailures"),
    ("--only-rerun", "pytest-rerunfailures"),
    ("--json-report", "pytest-json-report"),
    ("--md-report", "pytest-md-report"),
    ("--randomly", "pytest-randomly"),
    ("-p no:randomly", "pytest-randomly"),
    ("--random-order", "pytest-random-order"),
    ("--mypy", "pytest-mypy"),
    ("--flake8", "pytest-flake8"),
    ("--pylint", "pytest-pylint"),
    ("--black", "pytest-black"),
    ("--isort", "pytest-isort"),
    ("--doctest-plus", "pytest-doctestplus"),
    ("--mpl", "pytest-mpl"),
    ("--ds", "pytest-django"),
    ("--reuse-db", "pytest-django"),
    ("--create-db", "pytest-django"),
    ("--nomigrations", "pytest-django"),
    ("--splinter", "pytest-splinter"),
    ("--base-url", "pytest-base-url"),
    ("--driver", "pytest-selenium"),
    ("--browser", "pytest-playwright"),
    ("--headed", "pytest-playwright"),
    ("--snapshot-update", "syrupy"),
    ("--memray", "pytest-memray"),
    ("--codspeed", "pytest-codspeed"),
    ("--split", "pytest-split"),
    ("--splits", "pytest-split"),
    ("--group", "pytest-split"),
    ("--testmon", "pytest-testmon"),
    ("--instafail", "pytest-instafail"),
    ("--sugar", "pytest-sugar"),
    ("--forked", "pytest-forked"),
    ("--boxed", "pytest-xdist"),
    ("--hypothesis-show-statistics", "hypothesis"),
    ("--hypothesis-profile", "hypothesis"),
    ("--hypothesis-seed", "hypothesis"),
    ("--alluredir", "allure-pytest"),
    ("--picked", "pytest-picked"),
    ("--env", "pytest-env"),
    ("--dotenv", "pytest-dotenv"),
    ("--envfile", "pytest-dotenv"),
    ("--junit-prefix", "pytest"),
];

/// The plugin behind an unrecognized pytest argument such as `--cov=app`,
/// `--cov-report=term` or `-n4`.
pub fn pytest_plugin_for_flag(arg: &str) -> Option<&'static str> {
    let name = arg.split('=').next().unwrap_or(arg);
    for (flag, dist) in PYTEST_FLAGS {
        if *dist == "pytest" {
            continue;
        }
        if name == *flag {
            return Some(dist);
        }
        if flag.starts_with("--") && name.starts_with(flag) && name.as_bytes().get(flag.len()) == Some(&b'-') {
            // --cov-report, --cov-fail-under, --benchmark-json, --html-report …
            return Some(dist);
        }
        if *flag == "-n" && name.len() > 2 && name.starts_with("-n") && name[2..].chars().all(|c| c.is_ascii_digit()) {
            return Some(dist);
        }
    }
    if name.starts_with("--benchmark-") {
        return Some("pytest-benchmark");
    }
    None
}

/// Fixture name → plugin, for `fixture 'mocker' not found`.
const PYTEST_FIXTURES: &[(&str, &str)] = &[
    ("mocker", "pytest-mock"),
    ("class_mocker", "pytest-mock"),
    ("module_mocker", "pytest-mock"),
    ("session_mocker", "pytest-mock"),
    ("benchmark", "pytest-benchmark"),
    ("httpx_mock", "pytest-httpx"),
    ("requests_mock", "requests-mock"),
    ("httpserver", "pytest-httpserver"),
    ("aioresponses", "aioresponses"),
    ("freezer", "pytest-freezer"),
    ("datadir", "pytest-datadir"),
    ("shared_datadir", "pytest-datadir"),
    ("event_loop", "pytest-asyncio"),
    ("unused_tcp_port", "pytest-asyncio"),
    ("aiohttp_client", "pytest-aiohttp"),
    ("client", "pytest-django"),
    ("rf", "pytest-django"),
    ("db", "pytest-django"),
    ("django_db_setup", "pytest-django"),
    ("settings", "pytest-django"),
    ("qtbot", "pytest-qt"),
    ("snapshot", "syrupy"),
    ("xprocess", "pytest-xprocess"),
    ("celery_app", "celery"),
    ("page", "pytest-playwright"),
    ("browser", "pytest-playwright"),
    ("subtests", "pytest-subtests"),
    ("lazy_fixture", "pytest-lazy-fixture"),
    ("mock_env", "pytest-env"),
    ("fs", "pyfakefs"),
    ("caplog", "pytest"),
];

/// The plugin that provides fixture `name`, if it is a well-known one.
pub fn pytest_plugin_for_fixture(name: &str) -> Option<&'static str> {
    PYTEST_FIXTURES
        .iter()
        .find(|(f, d)| *f == name && *d != "pytest")
        .map(|(_, d)| *d)
}

/// PEP 503 normalization, for comparing a module with a repository name.
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
    fn well_known_renames() {
        for (module, dist) in [
            ("yaml", "PyYAML"),
            ("cv2", "opencv-python"),
            ("PIL", "Pillow"),
            ("bs4", "beautifulsoup4"),
        ] {
            assert_eq!(
                module_need(module),
                ModuleNeed::Distribution {
                    name: dist.into(),
                    known: true
                }
            );
        }
        assert_eq!(
            module_need("pkg_resources"),
            ModuleNeed::Distribution {
                name: "setuptools".into(),
                known: true
            }
        );
    }

    #[test]
    fn namespace_packages_use_the_dotted_prefix() {
        let need = module_need("google.protobuf.internal");
        assert_eq!(
            need,
            ModuleNeed::Distribution {
                name: "protobuf".into(),
                known: true
            }
        );
    }

    #[test]
    fn unknown_module_guesses_same_name() {
        assert_eq!(
            module_need("pydivsufsort"),
            ModuleNeed::Distribution {
                name: "pydivsufsort".into(),
                known: false
            }
        );
        assert_eq!(module_need("numpy.core._multiarray_umath"), ModuleNeed::Submodule);
        assert_eq!(module_need("_ctypes"), ModuleNeed::Interpreter);
    }

    #[test]
    fn pytest_flags() {
        assert_eq!(pytest_plugin_for_flag("--cov=app"), Some("pytest-cov"));
        assert_eq!(
            pytest_plugin_for_flag("--cov-report=term-missing:skip-covered"),
            Some("pytest-cov")
        );
        assert_eq!(pytest_plugin_for_flag("-n"), Some("pytest-xdist"));
        assert_eq!(pytest_plugin_for_flag("-n4"), Some("pytest-xdist"));
        assert_eq!(pytest_plugin_for_flag("--timeout=30"), Some("pytest-timeout"));
        assert_eq!(pytest_plugin_for_flag("--benchmark-only"), Some("pytest-benchmark"));
        assert_eq!(pytest_plugin_for_flag("--asyncio-mode=auto"), Some("pytest-asyncio"));
        assert_eq!(pytest_plugin_for_flag("--html=report.html"), Some("pytest-html"));
        assert_eq!(pytest_plugin_for_flag("--covfefe"), None);
        assert_eq!(pytest_plugin_for_flag("--junit-prefix"), None);
    }

    #[test]
    fn fixtures() {
        assert_eq!(pytest_plugin_for_fixture("mocker"), Some("pytest-mock"));
        assert_eq!(pytest_plugin_for_fixture("caplog"), None);
        assert_eq!(pytest_plugin_for_fixture("my_fixture"), None);
    }

    #[test]
    fn normalizes() {
        assert_eq!(normalize_name("My__Pkg.name"), "my-pkg-name");
    }
}
