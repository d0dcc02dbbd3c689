//! `ocop` turns a province's OCOP product records into a static catalogue website.
//!
//! The build is one pipeline, one module per stage, each handing plain data to the
//! next: [`content`] (load) → [`validate`] → [`model`] → [`render`] → [`assets`] →
//! [`output`] (write). [`commands`] strings the stages together for the CLI.
//!
//! Beside the pipeline, [`scaffold`] and [`import`] write content files for the team
//! (`ocop new`, `ocop import`), checked by the same load and validate stages.

pub mod assets;
pub mod cli;
pub mod commands;
pub mod content;
pub mod diagnostics;
pub mod domain;
pub mod edition;
pub mod import;
pub mod model;
pub mod output;
pub mod paths;
pub mod render;
pub mod scaffold;
pub mod sink;
pub mod validate;
