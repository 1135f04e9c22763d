//! The malformed-plan corpus: each file in tests/fixtures/bad-plans names, on
//! its first line, where its first problem must be reported and what the
//! message must say (`# expect: LINE:COL: words`).

use std::path::Path;
use studyplan_core::plan::parse_plan;

fn fixtures() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}

#[test]
fn the_base_of_the_corpus_is_valid() {
    let text = std::fs::read_to_string(fixtures().join("good-mini.toml")).unwrap();
    parse_plan("good-mini.toml", &text).unwrap();
}

#[test]
fn every_malformed_plan_gets_its_message_at_its_position() {
    let mut seen = 0;
    let mut failures = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(fixtures().join("bad-plans"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        let text = std::fs::read_to_string(&path).unwrap();
        let header = text
            .lines()
            .next()
            .unwrap()
            .strip_prefix("# expect: ")
            .expect("expect header");
        let mut parts = header.splitn(3, ':');
        let (line, col, words) = (
            parts.next().unwrap(),
            parts.next().unwrap(),
            parts.next().unwrap().trim(),
        );
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let diags = match parse_plan(&name, &text) {
            Ok(_) => {
                failures.push(format!("{name}: accepted"));
                continue;
            }
            Err(d) => d,
        };
        let d = &diags[0];
        let got = format!("{}:{}", d.line, d.column);
        if got != format!("{line}:{col}") || !d.message.contains(words) || d.file != name {
            failures.push(format!("{name}: expected {line}:{col}: …{words}…, got {d}"));
        }
        seen += 1;
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(seen >= 20, "at least 20 malformed plans, found {seen}");
}

#[test]
fn arbitrary_bytes_never_panic() {
    // Every prefix of a real plan, and some noise: each gives Ok or diagnostics.
    let text = std::fs::read_to_string(fixtures().join("good-mini.toml")).unwrap();
    for end in (0..text.len()).filter(|i| text.is_char_boundary(*i)) {
        let _ = parse_plan("prefix.toml", &text[..end]);
    }
    for noise in [
        "\u{0}",
        "[[[",
        "format = 1\n[period]\nweeks = 4294967295",
        "x = 1979-05-27T07:32:00Z",
        "period = 3",
    ] {
        let _ = parse_plan("noise.toml", noise);
    }
}

#[test]
fn a_byte_order_mark_does_not_shift_line_one() {
    let plain = "format = x\n";
    let with_bom = "\u{feff}format = x\n";
    let a = parse_plan("p.toml", plain).unwrap_err();
    let b = parse_plan("p.toml", with_bom).unwrap_err();
    assert_eq!((a[0].line, a[0].column), (1, 10));
    assert_eq!((b[0].line, b[0].column), (a[0].line, a[0].column));
}

/// The fuzzing corpus (scripts/fuzz, AFL++) as regular tests: every input
/// that found new code parses or is refused with a position, no panic;
/// every title input makes a SUMMARY line that folds and unfolds exactly.
#[test]
fn the_fuzz_corpus_runs_clean() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/corpus");
    let mut n = 0;
    for e in std::fs::read_dir(root.join("plan")).unwrap() {
        let bytes = std::fs::read(e.unwrap().path()).unwrap();
        if let Ok(text) = std::str::from_utf8(&bytes) {
            if let Err(d) = parse_plan("fuzz.toml", text) {
                assert!(d.iter().all(|d| d.line >= 1 && d.column >= 1));
            }
        }
        n += 1;
    }
    assert!(n > 100, "{n} plan inputs");
    for e in std::fs::read_dir(root.join("ics_text")).unwrap() {
        let bytes = std::fs::read(e.unwrap().path()).unwrap();
        let title = String::from_utf8_lossy(&bytes);
        let line = format!("SUMMARY:{}", studyplan_core::ics::text::escape_line(&title));
        let mut out = Vec::new();
        {
            let mut f = studyplan_core::ics::text::Folder::new(&mut out);
            f.line(&line).unwrap();
        }
        let text = String::from_utf8(out).unwrap();
        assert!(text.split_terminator("\r\n").all(|l| l.len() <= 75));
        assert_eq!(text.replace("\r\n ", ""), format!("{line}\r\n"));
    }
}
