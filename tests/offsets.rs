//! Offsets: bytes in the core, UTF-16 units for JS, code points for the CLI — checked on text
//! with accents, emoji (surrogate pairs in UTF-16), combining marks and CRLF line endings.

use claimlens::{Annotator, OffsetUnit, Options};

const TEXT: &str = "Zoë 😀 wrote:\r\n\r\n\u{1F1F2}\u{1F1FD} Café owner José Núñez said that Mexico’s exports rose 4% in 2023.\r\nThe U.S. response, according to Reuters, was muted 👍🏽.";

/// The substring between two offsets counted in `unit`.
fn substring(text: &str, start: usize, end: usize, unit: OffsetUnit) -> String {
    match unit {
        OffsetUnit::Bytes => text[start..end].to_string(),
        OffsetUnit::Codepoints => text.chars().skip(start).take(end - start).collect(),
        OffsetUnit::Utf16 => {
            let units: Vec<u16> = text.encode_utf16().collect();
            String::from_utf16(&units[start..end]).expect("span splits a surrogate pair")
        }
    }
}

#[test]
fn every_unit_gives_the_same_substrings() {
    let annotator = Annotator::new(Options::default()).unwrap();
    let bytes = annotator.annotate(TEXT);
    assert!(
        bytes.entities.len() >= 5,
        "too few entities to test offsets: {:?}",
        bytes.entities
    );
    assert!(!bytes.claims.is_empty());
    for unit in [OffsetUnit::Utf16, OffsetUnit::Codepoints] {
        let mut converted = bytes.clone();
        converted.convert_offsets(TEXT, unit);
        assert_eq!(converted.offsets, unit);
        for (b, c) in bytes.entities.iter().zip(&converted.entities) {
            assert_eq!(
                substring(TEXT, c.span.start, c.span.end, unit),
                b.text,
                "{unit:?} entity"
            );
        }
        for (b, c) in bytes.claims.iter().zip(&converted.claims) {
            assert_eq!(
                substring(TEXT, c.span.start, c.span.end, unit),
                &TEXT[b.span.start..b.span.end],
                "{unit:?} claim"
            );
            let (bs, cs) = (b.source.as_ref().unwrap(), c.source.as_ref().unwrap());
            assert_eq!(substring(TEXT, cs.span.start, cs.span.end, unit), bs.text);
        }
        for (b, c) in bytes.sentences.iter().zip(&converted.sentences) {
            assert_eq!(
                substring(TEXT, c.span.start, c.span.end, unit),
                &TEXT[b.span.start..b.span.end]
            );
        }
    }
}

#[test]
fn known_positions() {
    let annotator = Annotator::new(Options::default()).unwrap();
    let mut a = annotator.annotate(TEXT);
    let jose = a
        .entities
        .iter()
        .position(|e| e.text == "José Núñez")
        .expect("José Núñez found");
    let byte_start = a.entities[jose].span.start;
    assert_eq!(byte_start, TEXT.find("José").unwrap());
    a.convert_offsets(TEXT, OffsetUnit::Utf16);
    // "Zoë 😀 wrote:\r\n\r\n" = 4 + 3 + 7 + 4 = ... count by hand with encode_utf16
    let prefix16 = TEXT[..byte_start].encode_utf16().count();
    assert_eq!(a.entities[jose].span.start, prefix16);
    assert_eq!(
        a.entities[jose].span.len(),
        "José Núñez".encode_utf16().count()
    );
}

#[test]
fn crlf_does_not_join_or_split_sentences() {
    let annotator = Annotator::new(Options::default()).unwrap();
    let a = annotator.annotate(TEXT);
    let sentences: Vec<&str> = a
        .sentences
        .iter()
        .map(|s| &TEXT[s.span.start..s.span.end])
        .collect();
    assert_eq!(sentences.len(), 3, "{sentences:?}");
    assert!(sentences
        .iter()
        .all(|s| !s.contains('\r') && !s.ends_with('\n')));
}
