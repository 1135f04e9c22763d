//! Any bytes as a plan file: parsing and validation never panic, and a
//! refusal always carries a position inside the text.
fn main() {
    afl::fuzz!(|data: &[u8]| {
        let Ok(text) = std::str::from_utf8(data) else {
            return;
        };
        if let Err(diags) = studyplan_core::plan::parse_plan("fuzz.toml", text) {
            let lines = text.lines().count().max(1) as u32 + 1;
            for d in diags {
                assert!(d.line >= 1 && d.line <= lines, "line {} of {lines}", d.line);
                assert!(d.column >= 1, "column {}", d.column);
            }
        }
    });
}
