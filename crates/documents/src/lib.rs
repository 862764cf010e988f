//! Recours documents: letters, the dossier summary, the bordereau de pièces and the court field
//! sheets typeset as PDF with Typst, and the dossier export. Kept apart from the core so that
//! Typst's large dependency tree compiles once and stays out of the core's tests.

pub mod export;
pub mod letters;
pub mod render;
mod world;
