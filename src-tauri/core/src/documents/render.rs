//! Markdown preview: CommonMark + GFM (tables, task lists, strikethrough,
//! footnotes) by pulldown-cmark, then sanitized by ammonia before any HTML
//! reaches the WebView.
//!
//! The sanitizer is the security boundary, not the CSP: it keeps a fixed
//! list of tags, no `style`, no event attributes, links only to `http`,
//! `https`, `mailto` or a relative path, and images only from a relative
//! path (so a document can never make the WebView fetch anything remote;
//! `//host/x` counts as remote). Links get `rel="noopener noreferrer"`; the
//! UI opens them in the system browser on an explicit click only.

use ammonia::Builder;
use pulldown_cmark::{html, Options, Parser};
use std::collections::HashSet;
use std::sync::OnceLock;

/// Render `markdown` to sanitized HTML (a fragment, UTF-8).
pub fn render_html(markdown: &str) -> String {
    let mut opts = Options::empty();
    opts.insert(Options::ENABLE_TABLES);
    opts.insert(Options::ENABLE_TASKLISTS);
    opts.insert(Options::ENABLE_STRIKETHROUGH);
    opts.insert(Options::ENABLE_FOOTNOTES);
    let parser = Parser::new_ext(markdown, opts);
    let mut raw = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut raw, parser);
    sanitizer().clean(&raw).to_string()
}

fn sanitizer() -> &'static Builder<'static> {
    static SANITIZER: OnceLock<Builder<'static>> = OnceLock::new();
    SANITIZER.get_or_init(|| {
        let mut b = Builder::default();
        // What Markdown produces, plus a few inline tags people type; no
        // media, forms, frames, SVG/MathML or <details> (its `toggle`
        // fires on insertion).
        b.tags(HashSet::from([
            "a",
            "abbr",
            "b",
            "blockquote",
            "br",
            "code",
            "dd",
            "del",
            "div",
            "dl",
            "dt",
            "em",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "hr",
            "i",
            "img",
            "input",
            "kbd",
            "li",
            "mark",
            "ol",
            "p",
            "pre",
            "q",
            "s",
            "span",
            "strong",
            "sub",
            "sup",
            "table",
            "tbody",
            "td",
            "th",
            "thead",
            "tr",
            "u",
            "ul",
        ]))
        .add_tag_attributes("input", ["type", "checked", "disabled"])
        .url_schemes(HashSet::from(["http", "https", "mailto"]))
        .url_relative(ammonia::UrlRelative::PassThrough)
        .link_rel(Some("noopener noreferrer"))
        .attribute_filter(|element, attribute, value| match (element, attribute) {
            // Task-list boxes are display only.
            ("input", "type") => (value == "checkbox").then_some(value.into()),
            ("img", "src") => is_plain_relative(value).then_some(value.into()),
            (_, "href") if may_leave_the_app(value) => None,
            _ => Some(value.into()),
        });
        b
    })
}

/// A URL as a browser reads it: tabs and newlines anywhere are dropped and
/// leading spaces and control characters trimmed (WHATWG URL parsing), so
/// `/\t/host` and `\x01//host` are seen for the `//host` they are.
fn as_browser_reads(url: &str) -> String {
    url.chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect::<String>()
        .trim_start_matches(|c: char| c <= ' ')
        .to_string()
}

/// A link that a browser would resolve to another host without a scheme
/// (`//host`, `/\host`, `\\host`); schemes are ammonia's to check.
fn may_leave_the_app(url: &str) -> bool {
    let u = as_browser_reads(url);
    let mut head = u.chars().take(2);
    matches!(
        (head.next(), head.next()),
        (Some('/' | '\\'), Some('/' | '\\'))
    )
}

/// An image source that can only name a file beside the document: letters,
/// digits and `._~%-/`, not starting with `/`, no scheme, no `//`.
fn is_plain_relative(url: &str) -> bool {
    !url.is_empty()
        && !url.starts_with('/')
        && !url.contains("//")
        && url
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '~' | '%' | '-' | '/'))
}

/// Check a link the person clicked in the preview before the system
/// browser opens it: only `http`, `https` and `mailto`, with a host for
/// the web schemes, and no spaces or control characters. Returns the URL
/// to open; `InvalidInput` otherwise.
pub fn external_link(url: &str) -> crate::Result<String> {
    let refuse = || {
        crate::CoreError::InvalidInput(format!(
            "studyplan opens only http, https and mailto links, not `{}`",
            url.chars().take(80).collect::<String>()
        ))
    };
    let u = url.trim();
    if u.is_empty() || u.chars().any(|c| c.is_control() || c == ' ') {
        return Err(refuse());
    }
    let lower = u.to_ascii_lowercase();
    let host = if let Some(rest) = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
    {
        rest.split(['/', '?', '#']).next().unwrap_or("")
    } else if let Some(rest) = lower.strip_prefix("mailto:") {
        rest
    } else {
        return Err(refuse());
    };
    if host.is_empty() || host.starts_with(['@', ':']) {
        return Err(refuse());
    }
    Ok(u.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gfm_tables_and_task_lists_render() {
        let h = render_html("| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] done\n- [ ] open\n~~old~~");
        assert!(h.contains("<table>") && h.contains("<td>2</td>"), "{h}");
        assert!(
            h.contains("type=\"checkbox\"") && h.contains("checked"),
            "{h}"
        );
        assert!(h.contains("<del>old</del>"), "{h}");
    }

    #[test]
    fn scripts_handlers_and_remote_images_are_removed() {
        let h = render_html(
            "<script>x()</script><img src=x onerror=y()> <img src=\"http://127.0.0.1:9/a.png\"> \
             <img src=\"//127.0.0.1:9/b.png\">\n\n[j](javascript:alert(1)) [r](0002-next.md)",
        );
        for bad in ["<script", "onerror", "127.0.0.1:9", "href=\"javascript"] {
            assert!(!h.contains(bad), "{bad} survived: {h}");
        }
        assert!(
            h.contains("href=\"0002-next.md\""),
            "relative links stay: {h}"
        );
        assert!(h.contains("rel=\"noopener noreferrer\""), "{h}");
    }

    #[test]
    fn only_web_and_mail_links_leave_the_app() {
        for ok in [
            "https://adr.github.io/madr/",
            "http://localhost:8080/x",
            "mailto:me@example.org",
        ] {
            assert_eq!(external_link(ok).ok().as_deref(), Some(ok));
        }
        for bad in [
            "javascript:alert(1)",
            "file:///etc/passwd",
            "data:text/html,x",
            "https://",
            "http:///x",
            "https://a b",
            "tauri://localhost",
            "0002-x.md",
            "mailto:",
            " JAVASCRIPT:x",
            "https://x\ny",
        ] {
            assert!(external_link(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn urls_that_a_browser_would_send_elsewhere() {
        for u in [
            "//h/x",
            " //h/x",
            "/\\h/x",
            "\\\\h",
            "/\t/h/x",
            "\u{1}//h/x",
            "/\n/h",
        ] {
            assert!(may_leave_the_app(u), "{u:?}");
        }
        for u in ["0002-x.md", "#top", "/local", "docs/a.md?x=1"] {
            assert!(!may_leave_the_app(u), "{u:?}");
        }
        assert!(is_plain_relative("img/arch-diagram.png"));
        for u in [
            "/x.png",
            "a//b.png",
            "data:x",
            "http://h/x",
            "a\\b",
            "a\tb",
            "",
        ] {
            assert!(!is_plain_relative(u), "{u:?}");
        }
    }
}
