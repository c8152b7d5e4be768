//! Rails' credentials (Active Support's encrypted files).
//!
//! Source: `activesupport/lib/active_support/encrypted_file.rb` and
//! `message_encryptor.rb`. `config/credentials.yml.enc` (or an
//! environment's `config/credentials/{env}.yml.enc`) is decrypted with
//! `RAILS_MASTER_KEY` or the key file beside it; a key other than the one
//! the file was encrypted with fails the cipher, which `MessageEncryptor`
//! raises as `ActiveSupport::MessageEncryptor::InvalidMessage` (Ruby and
//! Rake print `{Class}: {message}`, here the class name again, with the
//! cipher's `OpenSSL::Cipher::CipherError` under `Caused by:`), and no key
//! at all raises `ActiveSupport::EncryptedFile::MissingKeyError: Missing
//! encryption key to decrypt file with. Ask your team for your master key
//! and write it to {path} or put it in the ENV['RAILS_MASTER_KEY'].` The
//! secret the job passes is not the key of the committed file (rotated
//! credentials, another environment's key, an empty secret on a fork): a
//! person's remedy, never a file or command.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "rails/credentials-key",
    grammar: "ActiveSupport::MessageEncryptor::InvalidMessage[: {message}] | ActiveSupport::EncryptedFile::\
              MissingKeyError: Missing encryption key to decrypt file with. …",
    needles: &[
        "ActiveSupport::MessageEncryptor::InvalidMessage",
        "ActiveSupport::EncryptedFile::MissingKeyError",
    ],
    check: credentials_key,
    examples: &[
        ex(
            "ActiveSupport::MessageEncryptor::InvalidMessage: ActiveSupport::MessageEncryptor::InvalidMessage \
             (ActiveSupport::MessageEncryptor::InvalidMessage)",
            Category::Unknown,
            None,
        ),
        ex(
            "ActiveSupport::EncryptedFile::MissingKeyError: Missing encryption key to decrypt file with. Ask your \
             team for your master key and write it to /w/config/master.key or put it in the ENV['RAILS_MASTER_KEY'].",
            Category::Unknown,
            None,
        ),
    ],
}];

fn credentials_key(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim();
    let text = text
        .strip_prefix("rails aborted!")
        .or_else(|| text.strip_prefix("bin/rails aborted!"))
        .map_or(text, str::trim);
    if regex!(r"^ActiveSupport::MessageEncryptor::InvalidMessage(?::|\s*$)").is_match(text) {
        return Some(Hit::blocker(
            "Rails could not decrypt encrypted data (ActiveSupport::MessageEncryptor::InvalidMessage): most often its \
             credentials file read with a RAILS_MASTER_KEY (or key file) that is not the key it was encrypted with \
             (rotated credentials, another environment's key). The secret or the credentials are a person's to fix.",
        ));
    }
    regex!(r"^ActiveSupport::EncryptedFile::MissingKeyError(?::|\s*$)")
        .is_match(text)
        .then(|| {
            Hit::blocker(
                "Rails found no key to decrypt its credentials: the job gives no RAILS_MASTER_KEY (an unset or empty \
                 secret, a fork's pull request) and no key file. A secret no fix can supply.",
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::catalogue::assert_reads;

    #[test]
    fn the_class_line_in_ruby_s_rake_s_and_rspec_s_forms() {
        assert_reads(
            credentials_key,
            &[
                "ActiveSupport::MessageEncryptor::InvalidMessage:",
                "rails aborted!  ActiveSupport::MessageEncryptor::InvalidMessage: \
                 ActiveSupport::MessageEncryptor::InvalidMessage",
                "ActiveSupport::EncryptedFile::MissingKeyError: Missing encryption key to decrypt file with.",
            ],
            &[
                "/w/vendor/bundle/ruby/3.2.0/gems/activesupport-7.1.5/lib/active_support/message_encryptor.rb:252:in \
                 `rescue in _decrypt'",
                "expect { decrypt(token) }.to raise_error(ActiveSupport::MessageEncryptor::InvalidMessage)",
            ],
        );
    }
}
