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
use pulldown_cmark::{html, Alignment, CodeBlockKind, CowStr, Event, Options, Parser, Tag, TagEnd};
use std::collections::HashSet;
use std::sync::OnceLock;

/// Render `markdown` to sanitized HTML (a fragment, UTF-8).
///
/// The document is rendered one top-level block at a time. A block that
/// holds raw HTML or footnotes goes through ammonia; a block of plain
/// Markdown does not need to, because pulldown-cmark escapes all of its
/// text and attribute values, and the only attacker-chosen attribute
/// values, link and image destinations, are checked here with the same
/// rules as ammonia's (schemes, `//host`, plain relative image paths). This
/// keeps the sanitizer off the 90 % of a typical document that cannot
/// carry markup (measured in docs/benchmarks.md: ammonia is ~90 % of the
/// time of a whole-document pass). Both paths are checked by the hostile
/// corpus test.
pub fn render_html(markdown: &str) -> String {
    let mut opts = Options::empty();
    opts.insert(Options::ENABLE_TABLES);
    opts.insert(Options::ENABLE_TASKLISTS);
    opts.insert(Options::ENABLE_STRIKETHROUGH);
    opts.insert(Options::ENABLE_FOOTNOTES);
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    let mut block: Vec<Event> = Vec::new();
    let mut raw = false;
    let mut depth = 0usize;
    // Per open link or image: whether it was kept.
    let mut kept: Vec<bool> = Vec::new();
    for ev in Parser::new_ext(markdown, opts) {
        let ev = match ev {
            Event::Html(_) | Event::InlineHtml(_) | Event::FootnoteReference(_) => {
                raw = true;
                Some(ev)
            }
            Event::Start(Tag::FootnoteDefinition(_)) => {
                raw = true;
                Some(ev)
            }
            // A task box as a character, not an <input>: the preview holds
            // no form fields at all (raw HTML inputs are removed too).
            Event::TaskListMarker(done) => Some(Event::Text(if done { "☑ " } else { "☐ " }.into())),
            // Alignment is a `style` attribute, which the sanitizer drops too.
            Event::Start(Tag::Table(aligns)) => Some(Event::Start(Tag::Table(
                aligns.iter().map(|_| Alignment::None).collect(),
            ))),
            // The info string becomes a `class`; previews do not highlight.
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(_))) => {
                Some(Event::Start(Tag::CodeBlock(CodeBlockKind::Indented)))
            }
            Event::Start(Tag::Link {
                dest_url, title, ..
            }) => {
                let ok = link_allowed(&dest_url);
                kept.push(ok);
                ok.then(|| Event::InlineHtml(link_open(&dest_url, &title)))
            }
            Event::End(TagEnd::Link) => kept
                .pop()
                .unwrap_or(false)
                .then(|| Event::InlineHtml("</a>".into())),
            Event::Start(Tag::Image { ref dest_url, .. }) => {
                let ok = is_plain_relative(dest_url);
                kept.push(ok);
                ok.then_some(ev)
            }
            Event::End(TagEnd::Image) => kept.pop().unwrap_or(false).then_some(ev),
            ev => Some(ev),
        };
        let Some(ev) = ev else { continue };
        match &ev {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
        block.push(ev);
        if depth == 0 {
            flush(&mut out, &mut block, raw);
            raw = false;
        }
    }
    flush(&mut out, &mut block, true);
    out
}

fn flush(out: &mut String, block: &mut Vec<Event>, raw: bool) {
    if block.is_empty() {
        return;
    }
    if raw {
        let mut html_out = String::new();
        html::push_html(&mut html_out, block.drain(..));
        out.push_str(&sanitizer().clean(&html_out).to_string());
    } else {
        html::push_html(out, block.drain(..));
    }
}

/// `<a href=".." rel=".." title="..">` for a checked destination, escaped
/// as pulldown-cmark escapes its own attributes.
fn link_open(dest: &str, title: &str) -> CowStr<'static> {
    let mut s = String::from("<a href=\"");
    let _ = pulldown_cmark_escape::escape_href(&mut s, dest);
    s.push_str("\" rel=\"noopener noreferrer\"");
    if !title.is_empty() {
        s.push_str(" title=\"");
        let _ = pulldown_cmark_escape::escape_html(&mut s, title);
        s.push('"');
    }
    s.push('>');
    s.into()
}

/// The link rule the sanitizer applies, for links outside raw HTML:
/// `http`, `https`, `mailto` or a path on the same origin.
fn link_allowed(dest: &str) -> bool {
    if may_leave_the_app(dest) {
        return false;
    }
    let u = as_browser_reads(dest);
    match u.find(':') {
        Some(i) if is_scheme(&u[..i]) => {
            let scheme = u[..i].to_ascii_lowercase();
            matches!(scheme.as_str(), "http" | "https" | "mailto")
        }
        _ => true,
    }
}

/// A URL scheme as the WHATWG URL parser reads one: a letter, then
/// letters, digits, `+`, `-` or `.`.
fn is_scheme(s: &str) -> bool {
    s.starts_with(|c: char| c.is_ascii_alphabetic())
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
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
        .url_schemes(HashSet::from(["http", "https", "mailto"]))
        .url_relative(ammonia::UrlRelative::PassThrough)
        .link_rel(Some("noopener noreferrer"))
        .attribute_filter(|element, attribute, value| match (element, attribute) {
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
            h.contains("<li>☑ done</li>") && h.contains("<li>☐ open"),
            "{h}"
        );
        assert!(!h.contains("<input"), "{h}");
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
    fn markdown_links_follow_the_sanitizer_rules() {
        let h = render_html(
            "[ok](https://x.org \"T\\\"q\") [rel](0002-b.md) [js](JavaScript:alert(1)) [tab](java%09script:x) \
             [v](vbscript:x) [d](data:text/html,x) [p](//h/x) [bs](/\\h) ![i](http://h/a.png) ![r](img/a.png)",
        );
        assert!(
            h.contains(
                "<a href=\"https://x.org\" rel=\"noopener noreferrer\" title=\"T&quot;q\">ok</a>"
            ),
            "{h}"
        );
        assert!(
            h.contains("<a href=\"0002-b.md\" rel=\"noopener noreferrer\">rel</a>"),
            "{h}"
        );
        for text in ["js", "v", "d", "p", "bs"] {
            assert!(
                h.contains(&format!(" {text} ")) || h.contains(&format!(">{text} ")),
                "{text} kept as text: {h}"
            );
        }
        assert!(
            !h.contains("href=\"javascript")
                && !h.contains("href=\"//")
                && !h.contains("vbscript:x\""),
            "{h}"
        );
        assert!(
            !h.contains("http://h/a.png") && h.contains("<img src=\"img/a.png\" alt=\"r\""),
            "{h}"
        );
        // "java\tscript:" has no valid scheme: a harmless relative link.
        assert!(h.contains("href=\"java%09script:x\""), "{h}");
    }

    #[test]
    fn blocks_with_raw_html_are_sanitized_and_the_rest_kept() {
        let i = render_html(
            "<input autofocus onfocus=x()> <input type=checkbox>\n\n- [x] <b>raw</b> task\n",
        );
        assert!(!i.contains("<input"), "no form fields at all: {i}");
        assert!(i.contains("☑ <b>raw</b> task"), "{i}");
        let h = render_html("# T\n\n<div onclick=x()>a <kbd>K</kbd></div>\n\n```rust\nfn a() {}\n```\n\n| a |\n|:-:|\n| 1 |\n");
        assert!(h.starts_with("<h1>T</h1>"), "{h}");
        assert!(
            h.contains("<div>a <kbd>K</kbd></div>") && !h.contains("onclick"),
            "{h}"
        );
        assert!(
            h.contains("<pre><code>fn a() {}"),
            "no class from the info string: {h}"
        );
        assert!(!h.contains("style="), "{h}");
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
