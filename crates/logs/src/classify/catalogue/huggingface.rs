//! The Hugging Face Hub's client library (`huggingface_hub`) and
//! `transformers`' loader, as a job's code or `huggingface-cli download`
//! prints them.
//!
//! Sources: `huggingface_hub/utils/_http.py` (`hf_raise_for_status`): every
//! `requests` `HTTPError` of a Hub request is raised again as the Hub's typed
//! error, `from` the original, with the server's message: a gated repository
//! as `GatedRepoError: {status} Client Error.` then `Cannot access gated repo
//! for url {url}.` and the server's `Access to model {id} is restricted…`; a
//! missing or private one as `RepositoryNotFoundError`, a missing file as
//! `EntryNotFoundError`, a missing revision as `RevisionNotFoundError`. So
//! requests' own `{401|403|404} Client Error: {reason} for url:
//! https://huggingface.co/…` line is the heading of that chain (Python prints
//! the chain oldest first), and the Hub's error decides. (A 429 is the Hub's
//! rate limit, read by `http.rs`.) `transformers/utils/hub.py`
//! (`cached_file`) re-raises a gated repository as `OSError: You are trying
//! to access a gated repo.`, and a file neither the Hub nor the cache could
//! give as `We couldn't connect to '{endpoint}' to load this file, couldn't
//! find it in the cached files and it looks like {id} is not the path to a
//! directory containing a file named {file}.` (older releases: `… to load the
//! files, and couldn't find them in the cached files.`); `huggingface_hub`'s
//! own forms are `LocalEntryNotFoundError: Cannot find the requested files in
//! the disk cache and outgoing traffic has been disabled.` (offline mode) and
//! `An error happened while trying to locate the files on the Hub and we
//! cannot find the appropriate snapshot folder for the specified revision on
//! the local disk.` (`snapshot_download`). None of these is a missing file of
//! the repository: a token with access (a secret forks do not get), the
//! offline setting or the cache, for a person.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "huggingface/gated-repo",
        grammar: "GatedRepoError: {status} Client Error.[ (Request ID: {id})] | Cannot access gated repo for url {url}. \
                  | You are trying to access a gated repo.",
        needles: &[
            "GatedRepoError: ",
            "Cannot access gated repo for url",
            "access a gated repo",
        ],
        check: gated_repo,
        examples: &[ex(
            "huggingface_hub.errors.GatedRepoError: 401 Client Error. (Request ID: Root=1-6753b2e0-3f8a)",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "huggingface/not-cached",
        grammar: "We couldn't connect to '{endpoint}' to load this file, couldn't find it in the cached files … | We \
                  couldn't connect to '{endpoint}' to load the files, and couldn't find them in the cached files. | \
                  Cannot find the requested files in the disk cache and outgoing traffic has been disabled. | An error \
                  happened while trying to locate the files on the Hub and we cannot find the appropriate snapshot \
                  folder …",
        needles: &[
            "in the cached files",
            "outgoing traffic has been disabled",
            "cannot find the appropriate snapshot folder",
        ],
        check: not_cached,
        examples: &[ex(
            "OSError: We couldn't connect to 'https://huggingface.co' to load the files, and couldn't find them in the \
             cached files.",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "huggingface/request-error-heading",
        grammar: "requests.exceptions.HTTPError: {401|403|404} Client Error: {reason} for url: \
                  https://huggingface.co/{path} (the Hub's typed error follows)",
        needles: &["Client Error: "],
        check: request_error_heading,
        examples: &[ex(
            "requests.exceptions.HTTPError: 401 Client Error: Unauthorized for url: \
             https://huggingface.co/meta-llama/Llama-3.2-1B/resolve/main/config.json",
            Category::Unknown,
            None,
        )],
    },
];

fn gated_repo(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim();
    let read =
        regex!(r"^(?:E\s+|[|+][\s|+-]*|(?:FAILED|ERROR) \S+ - )?(?:[\w.]+\.)?GatedRepoError: \d{3} Client Error\.")
            .is_match(text)
            || regex!(r"^(?:E\s+)?Cannot access gated repo for url https?://\S+$").is_match(text)
            || regex!(r"^(?:E\s+|(?:FAILED|ERROR) \S+ - )?OSError: You are trying to access a gated repo\.")
                .is_match(text);
    read.then(|| {
        Hit::blocker(
            "The model or dataset is gated on the Hugging Face Hub: the job needs a token (an `HF_TOKEN` secret) of an \
             account that was granted access, and secrets are not given to workflows run from forks. A person's call.",
        )
    })
}

/// Read after pytest's `E` margin, a native traceback's `|` margins, or a
/// short summary's `ERROR {test} - ` / `FAILED {test} - `.
fn not_cached(line: &Line<'_>) -> Option<Hit> {
    regex!(
        r"^(?:E\s+|[|+][\s|+-]*|(?:FAILED|ERROR) \S+ - )?(?:[\w.]+\.)?(?:OSError|EnvironmentError|LocalEntryNotFoundError): (?:We couldn't connect to '\S+' to load (?:this file|the files)|Cannot find the requested files in the disk cache and outgoing traffic has been disabled|An error happened while trying to locate the files on the Hub and we cannot find the appropriate snapshot folder)"
    )
    .is_match(line.text.trim())
    .then(|| {
        Hit::blocker(
            "Neither the Hugging Face Hub nor the local cache gave the model's files (offline mode with \
             `HF_HUB_OFFLINE` or `local_files_only`, a cache that was not restored, or the Hub unreachable): not a \
             missing file of the repository. A person's call.",
        )
    })
}

fn request_error_heading(line: &Line<'_>) -> Option<Hit> {
    regex!(
        r"^(?:E\s+)?(?:requests\.exceptions\.)?HTTPError: (?:401|403|404) Client Error: [^:]* for url: https://(?:huggingface\.co|hf\.co)/\S+$"
    )
    .is_match(line.text.trim())
    .then(|| {
        Hit::summary(
            "A Hugging Face Hub request was refused; the Hub's own error below (`hf_raise_for_status`) says why.",
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::catalogue::assert_reads;
    use crate::classify::hit::Strength;

    #[test]
    fn a_gated_repository_in_the_hubs_and_transformers_words() {
        assert_reads(
            gated_repo,
            &[
                "huggingface_hub.errors.GatedRepoError: 401 Client Error. (Request ID: Root=1-6753b2e0)",
                "Cannot access gated repo for url https://huggingface.co/meta-llama/Llama-3.2-1B/resolve/main/config.json.",
                "OSError: You are trying to access a gated repo.",
                "E   OSError: You are trying to access a gated repo.",
            ],
            &[
                "# the gated repo needs HF_TOKEN",
                "from huggingface_hub.errors import GatedRepoError",
            ],
        );
    }

    #[test]
    fn files_neither_the_hub_nor_the_cache_gave_are_no_missing_file() {
        assert_reads(
            not_cached,
            &[
                "E   OSError: We couldn't connect to 'https://huggingface.co' to load this file, couldn't find it in the \
                 cached files and it looks like distilbert-base-uncased is not the path to a directory containing a \
                 file named tokenizer_config.json.",
                "OSError: We couldn't connect to 'https://huggingface.co' to load the files, and couldn't find them in \
                 the cached files.",
                "huggingface_hub.errors.LocalEntryNotFoundError: Cannot find the requested files in the disk cache and \
                 outgoing traffic has been disabled. To enable hf.co look-ups and downloads online, set \
                 'local_files_only' to False.",
                "huggingface_hub.errors.LocalEntryNotFoundError: An error happened while trying to locate the files on \
                 the Hub and we cannot find the appropriate snapshot folder for the specified revision on the local disk.",
            ],
            &["logger.info(\"found them in the cached files\")"],
        );
        let hit = not_cached(&Line::plain(
            "OSError: We couldn't connect to 'https://huggingface.co' to load the files, and couldn't find them in the \
             cached files.",
        ))
        .expect("read");
        assert_eq!((hit.category, hit.fixable), (Category::Unknown, false));
    }

    #[test]
    fn requests_refusal_of_a_hub_url_is_the_chains_heading() {
        let hit = request_error_heading(&Line::plain(
            "requests.exceptions.HTTPError: 401 Client Error: Unauthorized for url: \
             https://huggingface.co/meta-llama/Llama-3.2-1B/resolve/main/config.json",
        ))
        .expect("read");
        assert_eq!(hit.strength, Strength::Summary);
        assert_reads(
            request_error_heading,
            &[
                "requests.exceptions.HTTPError: 404 Client Error: Not Found for url: https://huggingface.co/api/models/x/y",
            ],
            &[
                // The Hub's limit is read by `http.rs`; other hosts are not the Hub's.
                "requests.exceptions.HTTPError: 429 Client Error: Too Many Requests for url: https://huggingface.co/api/models/x",
                "requests.exceptions.HTTPError: 401 Client Error: Unauthorized for url: https://api.example.com/v1/x",
            ],
        );
    }
}
