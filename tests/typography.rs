//! French typography rules (`documents::typography`), on text as documents print it. The end-to-end checks on
//! the text extracted from real PDFs are in `documents` (`french_typography_in_the_text_of_the_pdfs`…).

use dossier::documents::typography::{self, NBSP, NNBSP};
use dossier::Lang;
use libertas_typeset::Span;

fn fr(s: &str) -> String {
    typography::text(Lang::Fr, s)
}

/// Writes the invisible spaces so that a failure reads: `⍽` U+00A0, `·` U+202F.
fn show(s: &str) -> String {
    s.replace(NBSP, "⍽").replace(NNBSP, "·")
}

fn check(cases: &[(&str, &str)]) {
    let mut wrong = vec![];
    for (input, expected) in cases {
        let expected = expected.replace('⍽', "\u{a0}").replace('·', "\u{202F}");
        let got = fr(input);
        if got != expected {
            wrong.push(format!("{input:?}\n   got      {}\n   expected {}", show(&got), show(&expected)));
        }
        // Idempotent: the output is already correct text.
        let again = fr(&got);
        if again != got {
            wrong.push(format!("{input:?} is not idempotent: {} then {}", show(&got), show(&again)));
        }
    }
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}

#[test]
fn narrow_no_break_space_before_high_punctuation() {
    check(&[
        ("Libérez-le !", "Libérez-le·!"),
        ("Libérez-le!", "Libérez-le·!"),
        ("Pourquoi?", "Pourquoi·?"),
        ("Pourquoi ?!", "Pourquoi·?!"),
        ("Quoi ?! Vraiment ??", "Quoi·?! Vraiment·??"),
        ("Capture : 3 mai", "Capture·: 3 mai"),
        ("Capture: 3 mai", "Capture·: 3 mai"),
        ("suivantes :\n", "suivantes·:\n"),
        ("un point ; un autre", "un point·; un autre"),
        ("un point; un autre", "un point·; un autre"),
        // A no-break or thin space there, or two spaces, become one narrow no-break space.
        ("Objet\u{a0}: convention", "Objet·: convention"),
        ("Objet\u{2009}: convention", "Objet·: convention"),
        ("Objet  : convention", "Objet·: convention"),
        ("« Justice » !", "«·Justice·»·!"),
        ("(!)", "(!)"),
    ]);
}

#[test]
fn narrow_no_break_spaces_inside_guillemets() {
    check(&[
        ("« Justice »", "«·Justice·»"),
        ("«Justice»", "«·Justice·»"),
        ("«  Justice  »", "«·Justice·»"),
        ("ci-après « le collectif »,", "ci-après «·le collectif·»,"),
        ("«\u{a0}Justice\u{a0}»", "«·Justice·»"),
    ]);
}

#[test]
fn numbers_group_and_keep_their_unit() {
    check(&[
        ("2 179 jours de détention", "2·179⍽jours de détention"),
        ("2\u{202F}179 jours", "2·179⍽jours"),
        ("1 234 567 personnes", "1·234·567 personnes"),
        ("12 km, 3 mm, 2 ans et 4 mois", "12⍽km, 3⍽mm, 2⍽ans et 4⍽mois"),
        ("50 % des voix, 30 €.", "50⍽% des voix, 30⍽€."),
        ("50%, 30€", "50⍽%, 30⍽€"),
        ("1 jour", "1⍽jour"),
    ]);
}

#[test]
fn ordinals_and_one_letter_words() {
    check(&[
        ("le 1er décembre", "le 1er décembre"),
        ("la 1ère fois, le 2ème, le 3ième", "la 1re fois, le 2e, le 3e"),
        ("au XXIe siècle, Napoléon Ier", "au XXIe siècle, Napoléon Ier"),
        ("il va à Bakou", "il va à⍽Bakou"),
        ("il y a un an", "il y⍽a⍽un an"),
        ("À Erevan, ô nuit", "À⍽Erevan, ô⍽nuit"),
        // l' and d' are not words, and a letter ending a word is not one.
        ("l'a vu, d'autres", "l'a vu, d'autres"),
        ("un visa pour", "un visa pour"),
    ]);
    // The endings are superscript spans; the text stays the plain letters.
    let parts = |s: &str| -> Vec<(String, bool)> {
        typography::spans(Lang::Fr, vec![Span::new(s)]).into_iter().map(|s| (s.text, s.superscript)).collect()
    };
    let sup = |v: Vec<(String, bool)>| v.into_iter().filter(|p| p.1).map(|p| p.0).collect::<Vec<_>>();
    assert_eq!(
        sup(parts("le 1er décembre, la 1re, le 2e, le 2nd, au XXIe siècle, les 1ers")),
        ["er", "re", "e", "nd", "e", "ers"]
    );
    // Words that look like a Roman numeral and an ending are left alone.
    assert!(sup(parts("Vers la fin, De Gaulle, Le Monde, Ce jour, Me Petrossian, Ive, Ire")).is_empty());
    assert!(sup(parts("1e5, A2e, B12e")).is_empty());
}

/// What must not change: addresses, times, English, text already right.
#[test]
fn addresses_times_and_correct_text_are_left_alone() {
    for s in [
        "https://exemple.org/campagne?id=12&x=1!",
        "voir www.exemple.org/a:b",
        "courriel contact@exemple.org;",
        "mailto:contact@exemple.org",
        "rendez-vous 10:30, ratio 1:2",
        "code a;b",
        "Libérez-le\u{202F}! «\u{202F}Justice\u{202F}» 2\u{202F}179\u{a0}jours",
        "Né le 12 mai 1990, en 2020 150 manifestants",
        "",
        "!",
        "\n: ligne",
    ] {
        assert_eq!(show(&fr(s)), show(s), "{s:?} must not change");
    }
    // English keeps English rules: nothing changes.
    let english = "Free him! Why? Note: 2,179 days; \"Justice\", the 1st, 21st century, a day";
    assert_eq!(typography::text(Lang::En, english), english);
    let spans = vec![Span::new(english)];
    assert_eq!(typography::spans(Lang::En, spans.clone()), spans);
}

#[test]
fn digits_are_grouped_by_language() {
    assert_eq!(typography::group_digits(2179, Lang::Fr), "2\u{202F}179");
    assert_eq!(typography::group_digits(-1_234_567, Lang::Fr), "-1\u{202F}234\u{202F}567");
    assert_eq!(typography::group_digits(999, Lang::Fr), "999");
    assert_eq!(typography::group_digits(2179, Lang::En), "2,179");
}

#[test]
fn styles_follow_the_text_across_spans() {
    let out = typography::spans(
        Lang::Fr,
        vec![Span::new("le 1er décembre, "), Span::new("Libérez-le").bold(), Span::new(" !")],
    );
    let got: Vec<(&str, bool, bool)> = out.iter().map(|s| (s.text.as_str(), s.bold, s.superscript)).collect();
    assert_eq!(
        got,
        [
            ("le 1", false, false),
            ("er", false, true),
            (" décembre, ", false, false),
            ("Libérez-le", true, false),
            ("\u{202F}!", false, false)
        ]
    );
    // Twice is once.
    assert_eq!(typography::spans(Lang::Fr, out.clone()), out);
}

proptest::proptest! {
    /// Any text made of the characters the rules look at: no panic, idempotent, English untouched, and no
    /// character but spaces ever removed (the letters of `1ère`, `2ème` aside).
    #[test]
    fn any_text_is_set_once_and_for_all(s in "[a-zàèôyAÀIVXe0-9 \u{a0}\u{202F}\u{2009}:;!?«»%€@./'’()\n-]{0,40}") {
        let once = fr(&s);
        proptest::prop_assert_eq!(show(&fr(&once)), show(&once));
        proptest::prop_assert_eq!(typography::text(Lang::En, &s), s.clone());
        let ink = |t: &str| t.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        if !s.contains('è') {
            proptest::prop_assert_eq!(ink(&once), ink(&s));
        }
        let spans = typography::spans(Lang::Fr, vec![Span::new(s.clone()), Span::new(s.clone()).bold()]);
        let joined: String = spans.iter().map(|s| s.text.as_str()).collect();
        proptest::prop_assert_eq!(ink(&joined), ink(&format!("{s}{s}")));
    }
}
