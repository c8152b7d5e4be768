//! What the snapshot tests (`projects.rs`, `rules.rs`) share.

/// The runtime data's as-of date, which `action/retired-runtime` prints,
/// becomes `[date]`: a refresh of the data must not change every snapshot
/// (the message itself is tested in `rules/action/tests.rs`).
pub fn redact_data_date(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("(as of ") {
        let (head, tail) = rest.split_at(at + "(as of ".len());
        out.push_str(head);
        let date = tail.get(..10).unwrap_or_default();
        let is_date = date.len() == 10
            && date.bytes().enumerate().all(|(i, b)| {
                if i == 4 || i == 7 {
                    b == b'-'
                } else {
                    b.is_ascii_digit()
                }
            });
        if is_date {
            out.push_str("[date]");
            rest = &tail[10..];
        } else {
            rest = tail;
        }
    }
    out.push_str(rest);
    out
}
