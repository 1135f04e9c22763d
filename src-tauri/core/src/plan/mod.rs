//! Plan files: the model, parsing with positions, and validation.
pub mod model;
pub mod parse;
pub mod schema;
pub mod source;
pub mod span;
pub mod validate;

pub use parse::parse_plan;
