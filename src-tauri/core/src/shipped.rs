//! The plans that ship with studyplan (`plans/*.toml`), embedded at build time.

include!(concat!(env!("OUT_DIR"), "/shipped.rs"));

/// The plan loaded on first start: the Aug–Oct 2025 senior data engineering plan.
pub const DEFAULT_PLAN: &str = "senior-de-2025";

/// (id, file name, text) of every shipped plan; the id is the file stem.
pub fn all() -> impl Iterator<Item = (&'static str, &'static str, &'static str)> {
    SHIPPED
        .iter()
        .map(|(name, text)| (name.trim_end_matches(".toml"), *name, *text))
}

/// A shipped plan's file name and text by id.
pub fn get(id: &str) -> Option<(&'static str, &'static str)> {
    all().find(|(i, _, _)| *i == id).map(|(_, n, t)| (n, t))
}
