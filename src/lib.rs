//! `ocop` turns a province's OCOP product records into a static catalogue website.
//!
//! The build is one pipeline, one module per stage, each handing plain data to the
//! next: [`content`] (load) → [`validate`] → [`model`] → [`render`] → [`assets`] →
//! [`output`] (write). A stage imports only the stages before it and the shared
//! vocabulary below them all: [`domain`] (the OCOP values and the content contract),
//! [`edition`] (what render and assets share), [`paths`], [`sink`], [`diagnostics`]
//! and [`messages`] (what the tool says, in Vietnamese and English). Render and assets
//! do not import each other. [`commands`] strings the stages together for the CLI.
//!
//! Beside the pipeline, [`scaffold`] and [`import`] write content files for the team
//! (`ocop new`, `ocop init`, `ocop import`), checked by the same load and validate
//! stages.

pub mod assets;
pub mod cli;
pub mod commands;
pub mod content;
pub mod diagnostics;
pub mod domain;
pub mod edition;
pub mod editor;
pub mod import;
pub mod messages;
pub mod model;
pub mod output;
pub mod paths;
pub mod render;
pub mod scaffold;
pub mod sink;
pub mod validate;
