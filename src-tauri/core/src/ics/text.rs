//! RFC 5545 text: value escaping and content-line folding at 75 octets.

use crate::error::{CoreError, Result};
use std::io::Write;

/// Escape a TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and
/// newlines; other control characters, which TEXT may not hold, become a
/// space (tab stays).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            '\t' => out.push('\t'),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A one-line TEXT value (SUMMARY, CATEGORIES): line breaks become spaces.
pub fn escape_line(s: &str) -> String {
    escape(
        &s.split(['\n', '\r'])
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// Writes content lines with CRLF endings, folding lines longer than 75
/// octets without splitting a UTF-8 character.
pub struct Folder<W: Write> {
    out: std::io::BufWriter<W>,
}

impl<W: Write> Folder<W> {
    pub fn new(out: W) -> Self {
        Folder {
            out: std::io::BufWriter::with_capacity(1 << 16, out),
        }
    }

    pub fn line(&mut self, line: &str) -> Result<()> {
        let mut rest = line;
        let mut limit = 75;
        while rest.len() > limit {
            let mut cut = limit;
            while !rest.is_char_boundary(cut) {
                cut -= 1;
            }
            self.put(&rest.as_bytes()[..cut])?;
            self.put(b"\r\n ")?;
            rest = &rest[cut..];
            limit = 74; // the leading space counts
        }
        self.put(rest.as_bytes())?;
        self.put(b"\r\n")
    }

    fn put(&mut self, b: &[u8]) -> Result<()> {
        self.out
            .write_all(b)
            .map_err(|e| CoreError::Io(format!("cannot write the calendar: {e}")))
    }

    pub fn finish(mut self) -> Result<()> {
        self.out
            .flush()
            .map_err(|e| CoreError::Io(format!("cannot write the calendar: {e}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_values_hold_no_control_characters_but_tab() {
        assert_eq!(
            escape("form\u{c}feed\tand bell\u{7}"),
            "form feed\tand bell "
        );
        assert_eq!(escape_line("two\nlines\r\n"), "two lines");
    }

    #[test]
    fn escapes_text_values() {
        assert_eq!(escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
    }

    #[test]
    fn folds_long_lines_on_character_boundaries() {
        let mut buf = Vec::new();
        let mut f = Folder::new(&mut buf);
        let long = format!("SUMMARY:{}", "é".repeat(60));
        f.line(&long).unwrap();
        f.finish().unwrap();
        let text = String::from_utf8(buf).unwrap();
        for l in text.split("\r\n") {
            assert!(l.len() <= 75, "{} octets", l.len());
        }
        assert_eq!(text.replace("\r\n ", ""), format!("{long}\r\n"));
    }
}
