//! Any bytes as a run-logs zip, with small limits: never panics, never
//! reads past its budget.

use std::io::Write as _;

use autoheal_logs::{ZipLimits, read_log_set};

pub const DICTIONARY: &[&str] = &[
    "PK\x03\x04",
    "PK\x01\x02",
    "PK\x05\x06",
    "../",
    "/",
    "\\",
    "C:",
    "1_build.txt",
    "build/2_test.txt",
];

fn zip(entries: &[(&str, &[u8])], deflate: bool) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let method = if deflate {
        zip::CompressionMethod::Deflated
    } else {
        zip::CompressionMethod::Stored
    };
    let options = zip::write::SimpleFileOptions::default().compression_method(method);
    for (name, body) in entries {
        if w.start_file(*name, options).is_ok() {
            let _ = w.write_all(body);
        }
    }
    w.finish().map(|c| c.into_inner()).unwrap_or_default()
}

pub fn seeds() -> Vec<Vec<u8>> {
    let log = b"2024-05-02T10:15:00.1Z ##[group]Run pytest\n2024-05-02T10:15:00.2Z ##[endgroup]\n2024-05-02T10:15:01.1Z E   ModuleNotFoundError: No module named 'yaml'\n";
    vec![
        zip(
            &[
                ("0_test.txt", log),
                ("test/1_Set up job.txt", b"x\n"),
                ("test/2_pytest.txt", log),
            ],
            false,
        ),
        zip(&[("0_test.txt", log)], true),
        zip(&[("../../x.txt", b"escape\n"), ("/etc/passwd", b"x\n")], false),
        // Highly compressible: decompresses past the target's 1 MiB budget.
        zip(&[("0_bomb.txt", &vec![b'a'; 4 << 20])], true),
    ]
}

pub fn run(data: &[u8]) {
    let limits = ZipLimits {
        max_total_bytes: 1 << 20,
        max_entries: 256,
    };
    let _ = read_log_set(data, limits);
    let mut with_magic = b"PK\x03\x04".to_vec();
    with_magic.extend_from_slice(data);
    let _ = read_log_set(&with_magic, limits);
}
