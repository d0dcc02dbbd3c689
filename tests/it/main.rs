//! The integration tests, in one test binary: `common` holds the
//! helpers, and each other module is one area of `ocop` run as a user runs it, or
//! through its library. One binary links `ocop` and the helpers once instead of once per
//! test file; `cargo test --test it build_demo::` runs one module.
//!
//! The tests run on the harness's threads in this one process, so none may change
//! process-wide state (environment variables, the current folder): a child process gets
//! its own through `Command::env` and `Command::current_dir`.

mod common;

mod accessibility;
mod bad_input;
mod browser_search;
mod build_demo;
mod build_fixture;
mod deploy;
mod editor;
mod editor_browser;
mod english_edition;
mod fuzz_regressions;
mod hostile;
mod html_injection;
mod import;
mod incremental_build;
mod init;
#[cfg(unix)]
mod interrupted;
mod national_scale;
mod news;
mod page_weight;
mod photo_cache_crash;
mod photos;
mod privacy;
mod promotion;
mod reproducible;
mod rounds;
mod scaffold;
mod schema;
mod scores;
mod search_engine;
mod search_normalize;
mod search_page;
mod serve;
mod stats;
mod theme;
