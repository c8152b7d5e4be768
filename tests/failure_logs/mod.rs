//! Failure logs that several end-to-end fix tests feed to `autoheal fix` (each in the
//! runner's raw format, as a job's log prints it).

pub const PANDOC_MISSING: &[&str] = &[
    "##[group]Run pandoc README.md -o out.html",
    "pandoc README.md -o out.html",
    "##[endgroup]",
    "/home/runner/work/_temp/abc.sh: line 1: pandoc: command not found",
    "##[error]Process completed with exit code 127.",
];

pub const REQUIREMENTS_MISSING: &[&str] = &[
    "##[group]Run pip install -r requirements-dev.txt",
    "pip install -r requirements-dev.txt",
    "##[endgroup]",
    "ERROR: Could not open requirements file: [Errno 2] No such file or directory: 'requirements-dev.txt'",
    "##[error]Process completed with exit code 1.",
];

pub const LOST_RUNNER: &[&str] = &[
    "##[group]Run make",
    "make",
    "##[endgroup]",
    "##[error]The self-hosted runner: arm-box-1 lost communication with the server. Verify the machine is running and has a healthy network connection. Anything in your workflow that terminates the runner process, starves it for CPU/Memory, or blocks its network access can cause this error.",
];
