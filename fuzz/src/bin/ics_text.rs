//! Any text as an event title: the SUMMARY content line studyplan writes
//! is one line, folds to lines of at most 75 octets, holds no control
//! character but tab, and unfolds back to exactly what was written
//! (RFC 5545 3.1 and 3.3.11).
use studyplan_core::ics::text::{escape_line, Folder};

fn main() {
    afl::fuzz!(|data: &[u8]| {
        let title = String::from_utf8_lossy(data);
        let line = format!("SUMMARY:{}", escape_line(&title));
        assert!(!line.contains(['\n', '\r']), "{line:?}");
        let mut out = Vec::new();
        {
            let mut f = Folder::new(&mut out);
            f.line(&line).unwrap();
        }
        let text = String::from_utf8(out).expect("folding keeps UTF-8 whole");
        for physical in text.split_terminator("\r\n") {
            assert!(physical.len() <= 75, "{} octets", physical.len());
            assert!(
                !physical.chars().any(|c| c.is_control() && c != '\t'),
                "{physical:?}"
            );
        }
        assert_eq!(text.replace("\r\n ", ""), format!("{line}\r\n"));
    });
}
