//! One module per target: `run`, `seeds`, `DICTIONARY`.

pub mod actionlint_config;
pub mod apply_fix;
pub mod config;
pub mod cron;
pub mod expr_parse;
pub mod fixes_apply;
pub mod github_record;
pub mod github_text;
pub mod lint;
pub mod logs_parse;
pub mod logs_zip;
pub mod lsp_failure_store;
pub mod lsp_frames;
pub mod rate_limit_fix;
pub mod rule_refs;
pub mod shell_lex;
pub mod yaml;
mod yaml_dict;
pub mod yaml_fast;
