//! Document templates, rendered by minijinja (Jinja2 syntax).
//!
//! Each kind has a default shipped in `core/templates/`; a workspace may
//! override one with a file of the same name in its `templates/` folder
//! (`templates/adr.md`, `templates/readme.md`, `templates/daily-log.md`),
//! the way adr-tools reads `templates/template.md`. Undefined variables are
//! errors (a typo in a user's template should say so, not print nothing),
//! and a template that fails reports `templates/NAME:line:col: message`.

use crate::error::{CoreError, Result};
use minijinja::{Environment, UndefinedBehavior, Value};
use std::path::Path;

/// Instructions a template may run (minijinja's fuel).
pub const FUEL: u64 = 1_000_000;

/// The three kinds of document the app fills in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TemplateKind {
    Adr,
    Readme,
    DailyLog,
}

impl TemplateKind {
    /// The override's file name under `<workspace>/templates/`.
    pub fn file_name(self) -> &'static str {
        match self {
            TemplateKind::Adr => "adr.md",
            TemplateKind::Readme => "readme.md",
            TemplateKind::DailyLog => "daily-log.md",
        }
    }

    fn default_source(self) -> &'static str {
        match self {
            TemplateKind::Adr => include_str!("../../templates/adr.md"),
            TemplateKind::Readme => include_str!("../../templates/readme.md"),
            TemplateKind::DailyLog => include_str!("../../templates/daily-log.md"),
        }
    }
}

/// Render the workspace's template for `kind` (or the default) with `ctx`.
pub fn render(kind: TemplateKind, workspace: &Path, ctx: Value) -> Result<String> {
    let override_path = workspace.join("templates").join(kind.file_name());
    let (name, source) = match super::files::read(&override_path)? {
        Some(f) => (format!("templates/{}", kind.file_name()), f.text),
        None => (
            format!("(default {})", kind.file_name()),
            kind.default_source().to_string(),
        ),
    };
    render_source(&name, &source, ctx)
}

/// Render `source` (named `name` in errors) with `ctx`.
pub fn render_source(name: &str, source: &str, ctx: Value) -> Result<String> {
    let mut env = Environment::new();
    env.set_trim_blocks(true);
    env.set_lstrip_blocks(true);
    env.set_keep_trailing_newline(true);
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    // A bound on the work a (user's) template may do: a runaway loop stops
    // with an error instead of hanging the app or filling the disk. The
    // shipped templates use a few thousand units for the largest plan.
    env.set_fuel(Some(FUEL));
    // Markdown, not HTML: values are inserted as written.
    env.set_auto_escape_callback(|_| minijinja::AutoEscape::None);
    let err = |e: minijinja::Error| template_error(name, source, &e);
    env.add_template(name, source).map_err(err)?;
    let t = env.get_template(name).map_err(err)?;
    t.render(ctx).map_err(err)
}

fn template_error(name: &str, source: &str, e: &minijinja::Error) -> CoreError {
    let line = e.line().unwrap_or(1);
    let column = e
        .range()
        .and_then(|r| source.get(..r.start))
        .map(|before| before.chars().rev().take_while(|c| *c != '\n').count() + 1)
        .unwrap_or(1);
    let what = e
        .detail()
        .map(String::from)
        .unwrap_or_else(|| e.kind().to_string());
    CoreError::InvalidInput(format!(
        "{name}:{line}:{column}: the template does not render: {what}"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_errors_have_a_position() {
        let e = render_source(
            "templates/adr.md",
            "# {{ title }}\n\n{% for x in %}\n",
            Value::from(()),
        )
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
        assert!(e.starts_with("templates/adr.md:3:"), "{e}");
    }

    #[test]
    fn undefined_variables_are_errors() {
        let e = render_source(
            "t.md",
            "ok\n{{ titel }}",
            minijinja::context! { title => "x" },
        )
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
        assert!(e.starts_with("t.md:2:"), "{e}");
    }

    #[test]
    fn runaway_templates_stop() {
        let e = render_source(
            "t.md",
            "{% for i in range(10000) %}{% for j in range(10000) %}x{% endfor %}{% endfor %}",
            Value::from(()),
        )
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
        assert!(e.starts_with("t.md:1:"), "{e}");
    }

    #[test]
    fn markdown_is_not_html_escaped() -> Result<()> {
        let s = render_source("t.md", "{{ v }}", minijinja::context! { v => "a < b & c" })?;
        assert_eq!(s, "a < b & c");
        Ok(())
    }
}
