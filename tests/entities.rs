//! The entity stage on its own: normalised values, clusters, roles, and any input at all.
//!
//! Span texts and labels per case are in `tests/golden/entities*.json`; this file checks what
//! the golden format cannot say (values, clusters, roles) and that hostile input neither panics
//! nor produces a bad span. (Speed is measured by `npm run bench`, never timed here.)

use claimlens::{Annotation, Annotator, Label, Options, Value};

fn annotate(text: &str) -> Annotation {
    Annotator::new(Options::default()).unwrap().annotate(text)
}

fn annotate_on(text: &str, date: &str) -> Annotation {
    let options = Options {
        reference_date: Some(date.into()),
        ..Options::default()
    };
    Annotator::new(options).unwrap().annotate(text)
}

fn value_of(a: &Annotation, text: &str) -> Option<Value> {
    a.entities
        .iter()
        .find(|e| e.text == text)
        .unwrap_or_else(|| panic!("no entity {text:?} in {:?}", a.entities))
        .value
        .clone()
}

/// Every span is in bounds, on char boundaries, non-empty, and matches its text; entities do
/// not overlap; every entity's cluster exists, lists it and has its label.
fn check_invariants(text: &str, a: &Annotation) {
    let mut last_end = 0;
    for e in &a.entities {
        assert!(e.span.start < e.span.end, "empty span {e:?}");
        assert_eq!(
            text.get(e.span.start..e.span.end),
            Some(e.text.as_str()),
            "{e:?}"
        );
        assert!(e.span.start >= last_end, "overlap at {e:?}");
        last_end = e.span.end;
        let c = &a.clusters[e.cluster];
        assert!(c.mentions.contains(&e.id), "{e:?} not in its cluster {c:?}");
        assert_eq!(c.label, e.label, "{e:?} in {c:?}");
    }
    for (i, c) in a.clusters.iter().enumerate() {
        assert_eq!(c.id, i);
        assert!(!c.mentions.is_empty());
    }
    for b in &a.boilerplate {
        assert!(text.get(b.start..b.end).is_some(), "boilerplate {b:?}");
    }
    for s in &a.sentences {
        assert!(
            text.get(s.span.start..s.span.end).is_some(),
            "sentence {s:?}"
        );
    }
}

#[test]
fn dates_resolve_against_the_reference_date() {
    // 2024-03-07 was a Thursday.
    let text = "On Monday the minister said talks held last Thursday and yesterday would resume next month, \
                three years after the 2021 accord; the summit is on March 20.";
    let a = annotate_on(text, "2024-03-07");
    check_invariants(text, &a);
    let date = |iso: &str| {
        Some(Value::Date {
            iso: iso.into(),
            end: None,
        })
    };
    assert_eq!(value_of(&a, "Monday"), date("2024-03-04"));
    assert_eq!(value_of(&a, "last Thursday"), date("2024-02-29"));
    assert_eq!(value_of(&a, "yesterday"), date("2024-03-06"));
    assert_eq!(value_of(&a, "next month"), date("2024-04"));
    assert_eq!(value_of(&a, "2021"), date("2021"));
    assert_eq!(value_of(&a, "March 20"), date("2024-03-20"));
    // without a reference date, relative dates carry no value, absolute ones keep theirs
    let b = annotate(text);
    assert_eq!(value_of(&b, "yesterday"), None);
    assert_eq!(value_of(&b, "March 20"), date("--03-20"));
}

#[test]
fn amounts_percentages_and_counts_carry_numbers() {
    let text =
        "The fund lost $1.2 million, then between $5 and $10 billion; 12.5% of 2,000 workers, \
                about 300 miles away, and twenty-five of them.";
    let a = annotate(text);
    check_invariants(text, &a);
    assert_eq!(
        value_of(&a, "$1.2 million"),
        Some(Value::Money {
            value: 1_200_000.0,
            max: None,
            currency: "USD".into()
        })
    );
    assert_eq!(
        value_of(&a, "between $5 and $10 billion"),
        Some(Value::Money {
            value: 5e9,
            max: Some(1e10),
            currency: "USD".into()
        })
    );
    assert_eq!(
        value_of(&a, "12.5%"),
        Some(Value::Percent {
            value: 12.5,
            max: None
        })
    );
    assert_eq!(
        value_of(&a, "2,000"),
        Some(Value::Number {
            value: 2000.0,
            max: None,
            unit: Some("workers".into())
        })
    );
    assert_eq!(
        value_of(&a, "300 miles"),
        Some(Value::Number {
            value: 300.0,
            max: None,
            unit: Some("miles".into())
        })
    );
    assert_eq!(
        value_of(&a, "twenty-five"),
        Some(Value::Number {
            value: 25.0,
            max: None,
            unit: None
        })
    );
}

#[test]
fn roles_are_recorded_and_kept_out_of_the_span() {
    let text = "President Donald Trump spoke to advice columnist Dan Savage and Gen. Mark Milley.";
    let a = annotate(text);
    let role = |name: &str| {
        a.entities
            .iter()
            .find(|e| e.text == name)
            .and_then(|e| e.role.clone())
    };
    assert_eq!(role("Donald Trump").as_deref(), Some("President"));
    assert_eq!(role("Dan Savage").as_deref(), Some("columnist"));
    assert_eq!(role("Mark Milley").as_deref(), Some("Gen"));
}

#[test]
fn clusters_for_people_countries_and_organisations() {
    let text = "President Donald Trump warned Mexico. Trump said the United States would act. \
                Claudia Sheinbaum replied that Mexico's sovereignty mattered; Sheinbaum spoke to the US \
                and to the CIA, while America waited. The Central Intelligence Agency declined to comment.";
    let a = annotate(text);
    check_invariants(text, &a);
    let cluster_of = |name: &str| {
        let e = a.entities.iter().find(|e| e.text == name).unwrap();
        &a.clusters[e.cluster]
    };
    let trump = cluster_of("Trump");
    assert_eq!(trump.canonical, "Donald Trump");
    assert_eq!(trump.label, Label::Person);
    assert_eq!(trump.mentions.len(), 2);
    assert_eq!(cluster_of("Sheinbaum").canonical, "Claudia Sheinbaum");
    let us = cluster_of("US");
    assert_eq!(us.canonical, "United States");
    let names: Vec<&str> = us
        .mentions
        .iter()
        .map(|&i| a.entities[i].text.as_str())
        .collect();
    assert_eq!(names, ["United States", "US", "America"]);
    assert_eq!(cluster_of("Mexico").mentions.len(), 2);
    let cia = cluster_of("CIA");
    assert_eq!(cia.canonical, "Central Intelligence Agency");
    assert_eq!(cia.mentions.len(), 2);
}

#[test]
fn a_bare_surname_takes_the_type_of_the_full_name() {
    // "Okonjo" alone says nothing; after "Ngozi Okonjo" it is that person.
    let text = "Ngozi Okonjo arrived on Monday. Okonjo spoke first, and later Okonjo left.";
    let a = annotate(text);
    let labels: Vec<(&str, Label)> = a
        .entities
        .iter()
        .filter(|e| e.label.is_name())
        .map(|e| (e.text.as_str(), e.label))
        .collect();
    assert_eq!(
        labels,
        [
            ("Ngozi Okonjo", Label::Person),
            ("Okonjo", Label::Person),
            ("Okonjo", Label::Person)
        ]
    );
}

#[test]
fn hostile_input_never_panics_and_spans_stay_valid() {
    let mut inputs: Vec<String> = vec![
        String::new(),
        " ".into(),
        "\0\0\0".into(),
        "😀😀 Ana 😀 Sousa 😀 said 3😀%".into(),
        "مرحبا بالعالم Mohammed al-Rashid في دبي said 5%".into(),
        "שלום US עולם".into(),
        "e\u{301}e\u{301} Zu\u{308}rich".into(),
        "$ $ $ € £ 5 5 5 - - - % %".into(),
        "between and between 5 and".into(),
        "Mr. Mr. Mr. President President of of of the the".into(),
        "U.S.A.B.C.D.E.F.G.H.I.J.K.L.M.N.O.P.Q.R.S.T.U.V.W.X.Y.Z.".into(),
        "al- al-al- -al- al-- Al-".into(),
        "1e308 99999999999999999999999999999 million billion trillion".into(),
        format!(
            "${} trillion and {}% of it",
            "9".repeat(400),
            "9".repeat(400)
        ),
        "Jan. Feb. Mar. 31 32 0 2099-99-99 1999-02-30".into(),
        "last last last next each every the past past 5 years ago ago".into(),
        "'s ’s 's's O'' 'O' I'm I'll".into(),
        "\r\n\r\n\u{2028}\u{2029}\u{feff}".into(),
        // known phrases cut off by the end of the text or of a sentence
        "New".into(),
        "He flew to New".into(),
        "He flew to New. York".into(),
        "Bank of".into(),
        "Mr.".into(),
        "Gen.".into(),
        "al-".into(),
    ];
    // long and repetitive inputs: no spaces, nested quotes, one endless name, endless numbers
    inputs.push("a".repeat(1 << 20));
    inputs.push("\"".repeat(10_000) + "Ana Sousa" + &"\"".repeat(10_000));
    inputs.push("“‘".repeat(5_000));
    inputs.push("Aaa Bbb ".repeat(20_000));
    inputs.push("Bank of ".repeat(20_000));
    inputs.push("Smith and ".repeat(20_000));
    inputs.push("5 million ".repeat(20_000));
    inputs.push("$5 to $".repeat(20_000));
    inputs.push("LONDON ".repeat(20_000));
    inputs.push("Trump. ".repeat(20_000));
    inputs.push("a.b.".repeat(50_000));
    inputs.push("Al-".repeat(30_000));
    inputs.push("- ".repeat(30_000));
    for text in &inputs {
        let a = annotate(text);
        check_invariants(text, &a);
        for e in &a.entities {
            let numbers = match &e.value {
                Some(Value::Number { value, max, .. })
                | Some(Value::Money { value, max, .. })
                | Some(Value::Percent { value, max }) => vec![Some(*value), *max],
                _ => vec![],
            };
            assert!(numbers.iter().flatten().all(|v| v.is_finite()), "{e:?}");
        }
        let mut b = a.clone();
        b.convert_offsets(text, claimlens::OffsetUnit::Utf16);
    }
}
