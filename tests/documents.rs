//! Documents checked with real tools (qpdf, poppler), for content, leaks, print geometry and looks.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use chrono::NaiveDate;
use dossier::api::{self, CardRequest};
use dossier::documents::card::{self, Area, FormatLayout};
use dossier::documents::{self, BannerSize, CardFormat, DocKind, TemplateName};
use dossier::model::*;
use dossier::Dossier;
use uuid::Uuid;

use crate::util::*;

const FAMILY_CANARY: &str = "Ruzanna Canarian";
const PHONE_CANARY: &str = "+374 55 987 654";
const NOTE_CANARY: &str = "PRIVATE-NOTE-CANARY";
const HIDDEN_CANARY: &str = "Hidden Nokanaryan";

/// The fictional sample plus canaries, built once for every test of this module.
struct Fixture {
    _dir: tempfile::TempDir,
    db: PathBuf,
    /// A detainee with a consented large photo and a signed sponsorship.
    star: Uuid,
    sponsorship: Uuid,
    group_sponsorship: Uuid,
    /// A consented detainee whose only photo is small.
    small_photo: Uuid,
    press_release: Uuid,
}

fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("docs.dossier");
        let mut d = Dossier::create(&db, PASS).unwrap();
        dossier::demo::fill(&mut d, 0).unwrap();
        let ships = d.sponsorships(None, None).unwrap();
        let signed = ships.iter().find(|s| s.stage == Stage::Signed && s.detainee_id.is_some()).unwrap();
        let group = ships.iter().find(|s| s.detainee_id.is_none()).unwrap();
        let star = signed.detainee_id.unwrap();
        // Canaries: a family contact and an internal note on the star, and a person without consent.
        d.insert(Contact {
            detainee_id: star,
            name: FAMILY_CANARY.into(),
            relation: Some("sister".into()),
            phone: Some(PHONE_CANARY.into()),
            email: Some("canary@example.invalid".into()),
            address: None,
            languages: vec![],
            notes: None,
        })
        .unwrap();
        let mut p = d.get::<Detainee>(star).unwrap().data;
        p.notes = Some(NOTE_CANARY.into());
        d.update(star, p).unwrap();
        let mut hidden = Detainee::new(HIDDEN_CANARY, Category::PrisonerOfWar);
        hidden.captured = "2021-01-01".parse().ok();
        hidden.disclosure.insert(PublicItem::Name, Disclosure { public: true, consent: Consent::Refused });
        d.insert(hidden).unwrap();
        let small_photo = d
            .detainees(&Default::default(), 0, 1000)
            .unwrap()
            .items
            .into_iter()
            .find(|p| {
                p.is_public(PublicItem::Name)
                    && d.photos_of(p.id).unwrap().iter().any(|m| m.width == 1200 && m.disclosure.publishable())
            })
            .unwrap()
            .id;
        let press_release = d.list::<PressRelease>().unwrap()[0].id;
        Fixture { _dir: dir, db, star, sponsorship: signed.id, group_sponsorship: group.id, small_photo, press_release }
    })
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
}

fn open() -> Dossier {
    Dossier::open(&fixture().db, PASS).unwrap()
}

fn tool(name: &str, args: &[&str], pdf: &Path) -> String {
    let out =
        Command::new(name).args(args).arg(pdf).output().unwrap_or_else(|e| panic!("{name} must be installed: {e}"));
    assert!(out.status.success(), "{name} {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The text of a PDF (`pdftotext OPTIONS FILE -`).
fn pdf_text(pdf: &Path, options: &[&str]) -> String {
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .args(options)
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext installed");
    assert!(out.status.success());
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    documents::write_pdf(&p, bytes).unwrap();
    p
}

/// The checks every document must pass: valid PDF, fonts embedded as subsets, no private data in its text.
fn check_common(pdf: &Path) -> String {
    tool("qpdf", &["--check"], pdf);
    let fonts = tool("pdffonts", &[], pdf);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "some fonts are used");
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        // name type encoding emb sub uni object ID
        let n = cols.len();
        assert_eq!(
            &cols[n - 5..n - 2],
            &["yes", "yes", "yes"],
            "every font embedded, subset, with a Unicode map: {row}"
        );
        assert!(cols[0].contains('+'), "subset prefix on {row}");
    }
    let out =
        Command::new("pdftotext").args(["-enc", "UTF-8"]).arg(pdf).arg("-").output().expect("pdftotext installed");
    assert!(out.status.success());
    // Compare words, not line breaks: collapse whitespace, and also join words hyphenated at a line end.
    let raw = String::from_utf8_lossy(&out.stdout).into_owned();
    let collapse = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let text = format!("{}\n{}", collapse(&raw), collapse(&raw.replace("-\n", "")));
    for canary in [FAMILY_CANARY, PHONE_CANARY, NOTE_CANARY, HIDDEN_CANARY, "canary@example.invalid", "famille fictive"]
    {
        assert!(
            !text.contains(canary),
            "{}: family contacts and private fields never reach a public document ({canary})",
            pdf.display()
        );
    }
    text
}

#[test]
fn agreement_names_both_parties_and_the_detainee_in_both_scripts() {
    let f = fixture();
    let d = open();
    let dir = tempfile::tempdir().unwrap();
    let star = d.get::<Detainee>(f.star).unwrap();
    for lang in [dossier::Lang::Fr, dossier::Lang::En] {
        let pdf = documents::agreement(&d, f.sponsorship, lang, today()).unwrap();
        assert!(pdf.bytes.len() < 150_000, "an agreement stays under 150 KB ({} bytes)", pdf.bytes.len());
        let path = write(dir.path(), &format!("agreement-{}.pdf", lang.code()), &pdf.bytes);
        let text = check_common(&path);
        assert!(text.contains(&star.name), "{text}");
        assert!(text.contains(star.name_hy.as_deref().unwrap()), "Armenian script survives into the PDF text");
        let s = d.get::<Sponsorship>(f.sponsorship).unwrap();
        let sponsor = d.get::<Sponsor>(s.sponsor_id).unwrap();
        assert!(text.contains(&sponsor.name));
        assert!(text.contains(&sponsor.signatory.as_ref().unwrap().name));
        match lang {
            dossier::Lang::Fr => {
                assert!(text.contains("Fait à "), "{text}");
                assert!(text.contains("novembre 2026") || text.contains(" 20"), "dates written out");
            }
            dossier::Lang::En => assert!(text.contains("Signed in "), "{text}"),
        }
    }
}

/// Regression (seen in the e2e screenshot): with no signatory in the profile the agreement read "représenté par
/// , , ci-après", and a sponsor without a signatory was "représenté(e) par" its own name.
#[test]
fn documents_of_a_bare_dossier_read_as_sentences() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = Dossier::create(&dir.path().join("bare.dossier"), PASS).unwrap();
    d.set_profile(Profile { name: "Collectif (exemple)".into(), ..Default::default() }).unwrap();
    let sponsor = d.insert(Sponsor::new("Ville d'Essai (fictive)", SponsorKind::City)).unwrap();
    let mut p = Detainee::new("Aram Orinakyan", Category::PrisonerOfWar);
    p.disclosure.insert(PublicItem::Name, Disclosure::PUBLIC);
    let person = d.insert(p).unwrap();
    let ship = d.insert(Sponsorship::new(sponsor.id, Some(person.id))).unwrap();
    for lang in [dossier::Lang::Fr, dossier::Lang::En] {
        let pdf = documents::agreement(&d, ship.id, lang, today()).unwrap();
        let path = write(dir.path(), &format!("bare-{}.pdf", lang.code()), &pdf.bytes);
        let text = check_common(&path).split_whitespace().collect::<Vec<_>>().join(" ");
        let (collective, sponsor_side) = match lang {
            dossier::Lang::Fr => {
                ("Collectif (exemple), ci-après « le collectif »", "Ville d'Essai (fictive), ci-après « le parrain »")
            }
            dossier::Lang::En => (
                "Collectif (exemple), hereinafter \"the collective\"",
                "Ville d'Essai (fictive), hereinafter \"the sponsor\"",
            ),
        };
        assert!(text.contains(collective), "{text}");
        assert!(text.contains(sponsor_side), "{text}");
        assert!(!text.contains(" , "), "no empty clause: {text}");
        assert!(text.contains("……, "), "a dotted space for the place, to fill in by hand: {text}");
        assert!(
            !text.contains("Collectif (exemple) Ville d'Essai (fictive) Collectif (exemple)"),
            "each party's name once in the signature block: {text}"
        );

        // The fact sheet and the press kit of the same bare dossier: no dangling dash in the footer, no
        // "brings together 0 organisations", no empty Contacts section.
        let sheet = documents::factsheet(&d, person.id, lang, today()).unwrap();
        let path = write(dir.path(), &format!("bare-sheet-{}.pdf", lang.code()), &sheet.bytes);
        let text = pdf_text(&path, &[]);
        assert!(text.contains("Aram Orinakyan"), "{text}");
        assert!(text.lines().all(|l| !l.trim_end().ends_with('—')), "{text}");
        assert!(!text.contains("Situation"), "no heading over an empty section: {text}");
        let kit = documents::presskit(&d, lang, today()).unwrap();
        let path = write(dir.path(), &format!("bare-kit-{}.pdf", lang.code()), &kit.bytes);
        let text = pdf_text(&path, &[]);
        assert!(text.contains("Aram Orinakyan"), "{text}");
        assert!(!text.contains(" 0 "), "no count of zero organisations: {text}");
        assert!(!text.contains("Contacts"), "no empty Contacts section: {text}");

        let release = PressRelease {
            date: today(),
            cities: vec![],
            title: "Titre (exemple)".into(),
            body: "Texte du communiqué (exemple).".into(),
            lang,
            contacts: vec![],
            in_press_kit: false,
        };
        let pdf = documents::press_release_draft(&d, &release, today()).unwrap();
        let path = write(dir.path(), &format!("bare-release-{}.pdf", lang.code()), &pdf.bytes);
        let text = pdf_text(&path, &[]);
        assert!(text.contains("Texte du communiqué"), "{text}");
        assert!(!text.contains("ontact"), "no empty press contacts: {text}");
    }
}

#[test]
fn whole_group_agreement_lists_the_group_in_a_table() {
    let f = fixture();
    let d = open();
    let dir = tempfile::tempdir().unwrap();
    let pdf = documents::agreement(&d, f.group_sponsorship, dossier::Lang::Fr, today()).unwrap();
    let text = check_common(&write(dir.path(), "group.pdf", &pdf.bytes));
    let held_public: Vec<String> = d
        .detainees(&Default::default(), 0, 1000)
        .unwrap()
        .items
        .into_iter()
        .filter(|p| p.is_public(PublicItem::Name) && p.status().is_none_or(Status::is_held))
        .map(|p| p.data.name)
        .collect();
    assert!(held_public.len() > 10);
    for name in &held_public {
        assert!(text.contains(name.as_str()), "{name} in the group table");
    }
}

#[test]
fn factsheet_is_one_page_of_public_items() {
    let f = fixture();
    let d = open();
    let dir = tempfile::tempdir().unwrap();
    let pdf = documents::factsheet(&d, f.star, dossier::Lang::Fr, today()).unwrap();
    assert_eq!(pdf.pages, 1, "a fact sheet is one A4 page");
    let path = write(dir.path(), "factsheet.pdf", &pdf.bytes);
    let text = check_common(&path);
    assert!(text.contains("jours de détention"));
    let info = tool("pdfinfo", &[], &path);
    assert!(info.contains("595.276 x 841.89") || info.contains("595.28 x 841.89"), "A4: {info}");
    // A person whose family refused publication has no fact sheet at all.
    let hidden = d.search("Nokanaryan", 5).unwrap()[0].id;
    let err = documents::factsheet(&d, hidden, dossier::Lang::Fr, today()).unwrap_err();
    assert_eq!(err.code(), "not_public");
}

#[test]
fn press_release_and_press_kit() {
    let f = fixture();
    let d = open();
    let dir = tempfile::tempdir().unwrap();
    let pdf = documents::press_release(&d, f.press_release, today()).unwrap();
    let text = check_common(&write(dir.path(), "release.pdf", &pdf.bytes));
    let r = d.get::<PressRelease>(f.press_release).unwrap();
    assert!(text.contains(&r.title));
    assert!(text.contains("Paris, Lyon, Genève, "), "date line with the three cities: {text}");

    let pdf = documents::presskit(&d, dossier::Lang::Fr, today()).unwrap();
    assert!(pdf.pages >= 5);
    let path = write(dir.path(), "presskit.pdf", &pdf.bytes);
    let text = check_common(&path);
    for heading in [
        "Sommaire",
        "Le collectif",
        "La campagne en chiffres",
        "Prisonniers de guerre",
        "Les parrains",
        "Comment parrainer",
        "Contacts",
    ] {
        assert!(text.contains(heading), "press kit has {heading}");
    }
    let star = d.get::<Detainee>(f.star).unwrap();
    assert!(text.contains(&star.name) && text.contains(star.name_hy.as_deref().unwrap()));
    let images = tool("pdfimages", &["-list"], &path);
    assert!(images.lines().filter(|l| l.contains("jpeg")).count() >= 5, "photos embedded as JPEG: {images}");
}

#[test]
fn banner_geometry_photo_and_preflight_for_every_size() {
    let f = fixture();
    let d = open();
    let dir = tempfile::tempdir().unwrap();
    let photo = d.photos_of(f.star).unwrap().into_iter().find(|m| m.disclosure.publishable()).unwrap();
    for size in BannerSize::ALL {
        for bleed in [10.0f32, 5.0] {
            let (pdf, report) = documents::banner(&d, f.star, None, size, bleed, dossier::Lang::Fr, today()).unwrap();
            let path = write(dir.path(), &format!("banner-{}-{bleed}.pdf", size.slug()), &pdf.bytes);
            let text = check_common(&path);
            let star = d.get::<Detainee>(f.star).unwrap();
            assert!(text.contains(star.name_hy.as_deref().unwrap()), "Armenian name on the banner");
            let boxes = tool("pdfinfo", &["-box"], &path);
            let (w, h) = size.trim_mm();
            let pt = |mm: f32| mm * 72.0 / 25.4;
            let get = |label: &str| -> [f32; 4] {
                let line = boxes.lines().find(|l| l.starts_with(label)).unwrap_or_else(|| panic!("{label} in {boxes}"));
                let v: Vec<f32> = line.split_whitespace().skip(1).map(|x| x.parse().unwrap()).collect();
                [v[0], v[1], v[2], v[3]]
            };
            let trim = get("TrimBox:");
            let bleed_box = get("BleedBox:");
            let mm = |v: f32| v * 25.4 / 72.0;
            assert!(
                (mm(trim[2] - trim[0]) - w).abs() < 0.1 && (mm(trim[3] - trim[1]) - h).abs() < 0.1,
                "TrimBox = finished size: {boxes}"
            );
            assert!(
                (mm(bleed_box[2] - bleed_box[0]) - (w + 2.0 * bleed)).abs() < 0.1,
                "BleedBox = trim + bleed: {boxes}"
            );
            assert!((mm(bleed_box[3] - bleed_box[1]) - (h + 2.0 * bleed)).abs() < 0.1);
            assert!((trim[0] - bleed_box[0] - pt(bleed)).abs() < 0.3, "bleed on every side");
            let media = get("MediaBox:");
            assert!(media[2] - media[0] > bleed_box[2] - bleed_box[0], "crop marks outside the bleed");
            assert!(
                report.findings.iter().all(|x| x.code != "outside_safe_zone"),
                "default layouts keep text in the live area"
            );
            assert!(report.findings.iter().all(|x| x.code != "font_not_embedded"));
        }
    }
    // The photo goes in byte for byte at its original pixel size.
    let (pdf, _) = documents::banner(&d, f.star, None, BannerSize::R850, 10.0, dossier::Lang::Fr, today()).unwrap();
    let bytes = d.media_bytes(photo.id).unwrap();
    assert!(contains(&pdf.bytes, &bytes), "JPEG embedded unchanged (DCTDecode passthrough)");
    assert!(pdf.bytes.len() <= bytes.len() + 300_000, "banner is no bigger than its photo plus 300 KB");
    let path = write(dir.path(), "b.pdf", &pdf.bytes);
    let list = tool("pdfimages", &["-list"], &path);
    assert!(
        list.lines().any(|l| l.contains(&format!("{} ", photo.width))
            && l.contains(&format!(" {} ", photo.height))
            && l.contains("jpeg")),
        "photo listed as JPEG at {}x{}: {list}",
        photo.width,
        photo.height
    );
}

#[test]
fn preflight_flags_low_resolution_and_the_cli_exits_1() {
    let f = fixture();
    let d = open();
    let (_, report) =
        documents::banner(&d, f.small_photo, None, BannerSize::R850, 10.0, dossier::Lang::En, today()).unwrap();
    assert!(report.has_errors(), "a 1200-pixel photo across 850 mm is far below 100 ppi");
    let res = report.findings.iter().find(|x| x.code == "resolution").unwrap();
    assert_eq!(res.level, "error");
    assert!(report.images.iter().any(|i| i.effective_ppi < 100.0));
    // On an A3 poster the same photo prints smaller, so at a higher resolution.
    let (_, a3) = documents::banner(&d, f.small_photo, None, BannerSize::A3, 10.0, dossier::Lang::En, today()).unwrap();
    assert!(
        a3.images[0].effective_ppi > 2.0 * report.images[0].effective_ppi,
        "{:?} vs {:?}",
        a3.images,
        report.images
    );

    let env = Env { dir: tempfile::tempdir().unwrap(), db: f.db.clone() };
    let out = env.path("low.pdf");
    let o = env.run(&[
        "render",
        "banner",
        "--detainee",
        &f.small_photo.to_string(),
        "--preflight",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1), "preflight with an error exits 1");
    assert!(String::from_utf8_lossy(&o.stdout).contains("ppi"));
    let o = env.run(&[
        "render",
        "banner",
        "--detainee",
        &f.star.to_string(),
        "--size",
        "a2",
        "--bleed",
        "15",
        "--preflight",
        "-o",
        out.to_str().unwrap(),
        "--force",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stdout));
}

#[test]
fn render_commands_write_files() {
    let f = fixture();
    let env = Env { dir: tempfile::tempdir().unwrap(), db: f.db.clone() };
    let o = |n: &str| env.path(n).to_str().unwrap().to_owned();
    env.ok(&["render", "agreement", "--sponsorship", &f.sponsorship.to_string(), "--lang", "en", "-o", &o("a.pdf")]);
    env.ok(&["render", "factsheet", "--detainee", &f.star.to_string(), "-o", &o("f.pdf")]);
    env.ok(&["render", "press-release", &f.press_release.to_string(), "-o", &o("r.pdf")]);
    env.ok(&["render", "presskit", "--lang", "en", "-o", &o("k.pdf")]);
    env.ok(&["render", "banner", "--detainee", &f.star.to_string(), "--size", "1200x2000", "-o", &o("b.pdf")]);
    for n in ["a.pdf", "f.pdf", "r.pdf", "k.pdf", "b.pdf"] {
        assert!(std::fs::read(env.path(n)).unwrap().starts_with(b"%PDF-"));
    }
    // An existing output is refused (left as it was) unless --force; the message names it.
    let before = std::fs::read(env.path("f.pdf")).unwrap();
    std::fs::write(env.path("f.pdf"), b"kept").unwrap();
    let err = env.fails(&["render", "factsheet", "--detainee", &f.star.to_string(), "-o", &o("f.pdf")], 1);
    assert!(err.contains("f.pdf") && err.contains("not overwritten"), "{err}");
    assert_eq!(std::fs::read(env.path("f.pdf")).unwrap(), b"kept");
    env.ok(&["render", "factsheet", "--detainee", &f.star.to_string(), "-o", &o("f.pdf"), "--force"]);
    assert_eq!(std::fs::read(env.path("f.pdf")).unwrap().len(), before.len(), "replaced with --force");
    let err =
        env.fails(&["render", "banner", "--detainee", &f.star.to_string(), "--size", "2x3", "-o", &o("x.pdf")], 1);
    assert!(err.contains("size"), "{err}");
    assert!(!env.path("x.pdf").exists());
}

#[test]
fn templates_with_unknown_fields_or_bad_syntax_are_refused_with_name_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = Dossier::create(&dir.path().join("t.dossier"), PASS).unwrap();
    let good = documents::kind::default_source("fr/agreement.md").unwrap();
    let unknown_field = good.replace("## Objet", "## Objet\n\n{{ sponsor.mayor_shoe_size }}");
    let err = d.set_templates(&[("fr/agreement.md".into(), unknown_field.clone())]).unwrap_err();
    match &err {
        dossier::Error::Template { name, line, .. } => {
            assert_eq!(name, "fr/agreement.md");
            let expected = unknown_field.lines().position(|l| l.contains("mayor_shoe_size")).unwrap() + 1;
            assert_eq!(*line, Some(expected), "the line of the unknown field");
        }
        other => panic!("{other:?}"),
    }
    assert!(err.message(dossier::Lang::Fr).contains("fr/agreement.md"));
    let bad_syntax = good.replace("## Durée", "{% if %}\n## Durée");
    assert!(matches!(
        d.set_templates(&[("fr/agreement.md".into(), bad_syntax)]),
        Err(dossier::Error::Template { line: Some(_), .. })
    ));
    let bad_header = good.replacen("page = \"a4\"", "page = \"napkin\"", 1);
    assert!(d.set_templates(&[("fr/agreement.md".into(), bad_header)]).is_err());
    let bad_layout = documents::kind::default_source("fr/banner-rollup.toml")
        .unwrap()
        .replace("max_pt = 220", "max_pt = 220\nsparkle = true");
    assert!(d.set_templates(&[("fr/banner-rollup.toml".into(), bad_layout)]).is_err());
    assert!(d.set_templates(&[("../../etc/passwd".into(), "x".into())]).is_err(), "template names are a closed list");
    // Nothing refused was stored; a good edit is, and wins over the default.
    assert!(d.templates().unwrap().iter().all(|t| !t.custom));
    let edited = good.replace("# Convention de parrainage", "# Convention de parrainage modifiée");
    d.set_templates(&[("fr/agreement.md".into(), edited.clone())]).unwrap();
    assert_eq!(d.template("fr/agreement.md").unwrap(), edited);
    d.reset_template("fr/agreement.md").unwrap();
    assert_eq!(d.template("fr/agreement.md").unwrap(), good);
    // Every default passes the check.
    assert!(documents::kind::check_all(&d).unwrap().is_empty());
}

/// Regression: a directive with a typo (`<!-- signature -->`) was dropped without a word, and the agreement went to
/// the ceremony without its signature blocks.
#[test]
fn an_unknown_directive_is_refused_with_its_template_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = Dossier::create(&dir.path().join("t.dossier"), PASS).unwrap();
    let good = documents::kind::default_source("fr/agreement.md").unwrap();
    let typo = good.replace("<!-- signatures -->", "<!-- signature -->");
    assert_ne!(typo, good, "the default agreement has a signatures directive");
    let expected_line = typo.lines().position(|l| l.contains("<!-- signature -->")).unwrap() + 1;
    let err = d.set_templates(&[("fr/agreement.md".into(), typo.clone())]).unwrap_err();
    assert_eq!(err.code(), "unknown_directive", "{err:?}");
    match &err {
        dossier::Error::UnknownDirective { name, line, directive, .. } => {
            assert_eq!(name, "fr/agreement.md");
            assert_eq!(*line, Some(expected_line), "the line of the directive in the template");
            assert_eq!(directive, "signature");
        }
        other => panic!("{other:?}"),
    }
    let fr = err.message(dossier::Lang::Fr);
    assert!(
        fr.contains("fr/agreement.md") && fr.contains(&expected_line.to_string()) && fr.contains("signature"),
        "{fr}"
    );
    assert!(fr.contains("signatures"), "the message lists the known directives: {fr}");
    let en = err.message(dossier::Lang::En);
    assert!(en.contains("unknown directive"), "{en}");
    assert!(
        documents::preview_template(&d, "fr/agreement.md", &typo).is_err_and(|e| e.code() == "unknown_directive"),
        "the editor's preview refuses it too"
    );
    assert!(d.templates().unwrap().iter().all(|t| !t.custom), "nothing refused is stored");
    // A comment that is not written as a directive stays a comment.
    let noted = good.replace("<!-- signatures -->", "<!-- Note: signed at the ceremony -->\n<!-- signatures -->");
    d.set_templates(&[("fr/agreement.md".into(), noted)]).unwrap();
}

#[test]
fn templates_cli_round_trip_and_no_half_written_pdf() {
    let f = fixture();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("copy.dossier");
    std::fs::copy(&f.db, &db).unwrap();
    let env = Env { dir, db };
    env.ok(&["templates", "export", env.path("tpl").to_str().unwrap()]);
    assert!(env.path("tpl/fr/agreement.md").exists() && env.path("tpl/en/banner-rollup.toml").exists());
    // Exporting again would lose edits made there: refused, unless --force.
    let err = env.fails(&["templates", "export", env.path("tpl").to_str().unwrap()], 1);
    assert!(err.contains("not overwritten"), "{err}");
    env.ok(&["templates", "export", env.path("tpl").to_str().unwrap(), "--force"]);
    env.ok(&["templates", "check"]);
    let p = env.path("tpl/fr/agreement.md");
    let src = std::fs::read_to_string(&p).unwrap();
    std::fs::write(&p, src.replace("## Durée", "{{ nope.nothing }}\n## Durée")).unwrap();
    let err = env.fails(&["templates", "import", env.path("tpl").to_str().unwrap()], 1);
    assert!(err.contains("fr/agreement.md") && err.contains("line"), "{err}");
    // A render that fails leaves the previous file untouched and no temporary file behind.
    let out = env.path("agreement.pdf");
    std::fs::write(&out, b"previous version").unwrap();
    let mut d = Dossier::open(&env.db, PASS).unwrap();
    d.transaction(|_| Ok(())).unwrap();
    drop(d);
    let err =
        env.fails(&["render", "factsheet", "--detainee", &Uuid::new_v4().to_string(), "-o", out.to_str().unwrap()], 1);
    assert!(err.contains("not found"), "{err}");
    assert_eq!(std::fs::read(&out).unwrap(), b"previous version");
    let leftovers: Vec<_> = std::fs::read_dir(env.dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".part"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary files left");
    let err = documents::write_pdf(&env.path("no/such/dir/x.pdf"), b"%PDF").unwrap_err();
    assert_eq!(err.code(), "write_failed");
    assert!(!env.path("no/such/dir/x.pdf").exists());
}

#[test]
fn user_text_with_markdown_and_pdf_syntax_never_breaks_a_document() {
    let dir = tempfile::tempdir().unwrap();
    let f = fixture();
    let db = dir.path().join("m.dossier");
    std::fs::copy(&f.db, &db).unwrap();
    let mut d = Dossier::open(&db, PASS).unwrap();
    let mut p = d.get::<Detainee>(f.star).unwrap().data;
    p.bio_fr = Some(
        "# not a heading\n| a | b |\n- [x] fake <!-- card x --> (paren) \\ endstream %%EOF {{ oops }} ![img](photo:zz)"
            .into(),
    );
    d.update(f.star, p).unwrap();
    let pdf = documents::factsheet(&d, f.star, dossier::Lang::Fr, today()).unwrap();
    let path = dir.path().join("m.pdf");
    documents::write_pdf(&path, &pdf.bytes).unwrap();
    let text = check_common(&path);
    assert!(text.contains("# not a heading"), "user text is printed literally: {text}");
    assert!(text.contains("{{ oops }}") && text.contains("endstream"));
}

/// Looks: every document rendered to PNG and compared with committed references under a tolerance.
/// `UPDATE_VISUAL=1 cargo test visual` rewrites the references (then look at them before committing).
#[test]
fn visual_regression() {
    let f = fixture();
    let d = open();
    let dir = tempfile::tempdir().unwrap();
    let refs = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/visual");
    let update = std::env::var_os("UPDATE_VISUAL").is_some();
    // The ceremony's two documents of their own: the press release draft (as the press release it becomes) and the
    // checklist with the banner's preflight.
    let draft = documents::ceremony_release(&d, f.sponsorship, dossier::Lang::Fr, today()).unwrap();
    let (_, preflight) =
        documents::banner(&d, f.star, None, BannerSize::R850, 10.0, dossier::Lang::Fr, today()).unwrap();
    let star = d.get::<Detainee>(f.star).unwrap().data.name;
    let banners = [documents::KitBanner { detainee: star, file: "kakemono.pdf".into(), preflight }];
    let checklist = documents::checklist(
        &d,
        f.sponsorship,
        &[dossier::Lang::Fr],
        &banners,
        (BannerSize::R850, 10.0),
        dossier::Lang::Fr,
        today(),
    )
    .unwrap();
    let docs: Vec<(&str, Vec<u8>)> = vec![
        ("ceremony-release", documents::press_release_draft(&d, &draft, today()).unwrap().bytes),
        ("ceremony-checklist", checklist.bytes),
        ("agreement", documents::agreement(&d, f.sponsorship, dossier::Lang::Fr, today()).unwrap().bytes),
        ("factsheet", documents::factsheet(&d, f.star, dossier::Lang::Fr, today()).unwrap().bytes),
        ("press-release", documents::press_release(&d, f.press_release, today()).unwrap().bytes),
        ("presskit", documents::presskit(&d, dossier::Lang::En, today()).unwrap().bytes),
        (
            "banner",
            documents::banner(&d, f.star, None, BannerSize::R850, 10.0, dossier::Lang::Fr, today()).unwrap().0.bytes,
        ),
    ];
    let mut pictures: Vec<PathBuf> = vec![];
    for (name, bytes) in docs {
        let pdf = dir.path().join(format!("{name}.pdf"));
        std::fs::write(&pdf, &bytes).unwrap();
        let dpi = if name == "banner" { "4" } else { "20" };
        let st =
            Command::new("pdftoppm").args(["-r", dpi, "-png"]).arg(&pdf).arg(dir.path().join(name)).status().unwrap();
        assert!(st.success());
        let mut pages: Vec<PathBuf> = std::fs::read_dir(dir.path())
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.extension().is_some_and(|e| e == "png")
                    && p.file_name().unwrap().to_string_lossy().starts_with(&format!("{name}-"))
            })
            .collect();
        pages.sort();
        pictures.extend(pages);
    }
    // The social-media cards of the star, in French, at a quarter of their size.
    for format in CardFormat::ALL {
        let png = documents::card_png(&d, f.star, None, format, dossier::Lang::Fr, today()).unwrap();
        let img = image::load_from_memory(&png).unwrap();
        let (w, h) = format.pixels();
        let small = img.resize_exact(w / 4, h / 4, image::imageops::FilterType::Triangle);
        let path = dir.path().join(format!("card-{}.png", format.slug()));
        small.save(&path).unwrap();
        pictures.push(path);
    }
    let mut failures = vec![];
    {
        for page in pictures {
            let file = page.file_name().unwrap().to_string_lossy().into_owned();
            let reference = refs.join(&file);
            if update {
                std::fs::create_dir_all(&refs).unwrap();
                std::fs::copy(&page, &reference).unwrap();
                continue;
            }
            let Ok(expected) = image::open(&reference) else {
                failures.push(format!("{file}: no reference image (run with UPDATE_VISUAL=1)"));
                continue;
            };
            let got = image::open(&page).unwrap();
            if (got.width(), got.height()) != (expected.width(), expected.height()) {
                failures.push(format!(
                    "{file}: size {}x{} vs {}x{}",
                    got.width(),
                    got.height(),
                    expected.width(),
                    expected.height()
                ));
                continue;
            }
            let (a, b) = (got.to_rgb8(), expected.to_rgb8());
            let mut differing = 0usize;
            let mut total = 0u64;
            for (p, q) in a.pixels().zip(b.pixels()) {
                let diff: u32 = (0..3).map(|i| (i32::from(p[i]) - i32::from(q[i])).unsigned_abs()).sum();
                total += u64::from(diff);
                if diff > 60 {
                    differing += 1;
                }
            }
            let n = (a.width() * a.height()) as f64;
            let frac = differing as f64 / n;
            let mean = total as f64 / n / 3.0;
            // Dates and day counts legitimately change from day to day; layout changes move far more pixels.
            if frac > 0.02 || mean > 3.0 {
                failures.push(format!("{file}: {:.2}% pixels differ, mean difference {mean:.2}", frac * 100.0));
            }
        }
    }
    assert!(failures.is_empty(), "visual differences:\n{}", failures.join("\n"));
}

/// A template built to exhaust memory (a macro that doubles a string at each call) stopped only once fuel ran out,
/// after building strings of more than a gigabyte: fuel, which minijinja charges per byte built, now stops it at
/// 128 MB at most, with the template's own error (code `template`, its line, French and English). Peak memory is
/// measured by `scripts/measure-bombs` (about 110 MB, from 1.6 GB), not here.
#[test]
fn a_template_doubling_a_string_stops_with_its_error() {
    let bomb = "---\ntitle = \"Bombe (fictive)\"\n---\n# Fiche\n\
        {% macro grow(s, n) %}{% if n > 0 %}{{ grow(s ~ s, n - 1) }}{% else %}{{ s|length }}{% endif %}{% endmacro %}\n\
        {{ grow(\"ab\", 40) }}\n";
    let e = documents::kind::check("fr/factsheet.md", bomb).unwrap_err();
    assert_eq!(e.code(), "template");
    let (en, fr) = (e.message(dossier::Lang::En), e.message(dossier::Lang::Fr));
    assert!(en.contains("stopped") && en.contains("keeps doubling") && en.contains("line 5"), "{en}");
    assert!(fr.contains("arrêté") && fr.contains("double sans cesse") && fr.contains("ligne 5"), "{fr}");

    // Output that grows without building large strings stops at the output bound, with its own sentence.
    let flood = "---\ntitle = \"Flot (fictif)\"\n---\n{% for i in range(1000) %}{% for j in range(1000) %}{{ \"x\" * 1000 }}{% endfor %}{% endfor %}\n";
    let e = documents::kind::check("en/factsheet.md", flood).unwrap_err();
    assert_eq!(e.code(), "template");
    assert!(e.message(dossier::Lang::En).contains("over 16 MB"), "{}", e.message(dossier::Lang::En));
    assert!(e.message(dossier::Lang::Fr).contains("dépasse 16 Mo"), "{}", e.message(dossier::Lang::Fr));

    // The default templates still render within the bounds (checked against the full fictional samples).
    for name in documents::kind::names() {
        documents::kind::check(name, documents::kind::default_source(name).unwrap())
            .unwrap_or_else(|e| panic!("{name}: {}", e.message(dossier::Lang::En)));
    }
}

/// The text runs of a PDF as poppler reads them (`pdftohtml -xml`): text, font size and top, in reading order.
/// pdftotext is no use for the spaces themselves: poppler's text output turns every Unicode space (U+00A0,
/// U+202F…) into a word break and prints an ASCII space, whatever the ToUnicode map says; `pdftohtml` keeps them.
fn pdf_runs(pdf: &Path) -> Vec<(String, f32, f32)> {
    let xml = tool("pdftohtml", &["-xml", "-stdout", "-i", "-q"], pdf);
    let attr = |line: &str, name: &str| -> Option<String> {
        let start = line.find(&format!(" {name}=\""))? + name.len() + 3;
        Some(line[start..][..line[start..].find('"')?].to_owned())
    };
    let mut sizes = std::collections::HashMap::new();
    let mut runs = vec![];
    for line in xml.lines() {
        if line.trim_start().starts_with("<fontspec") {
            sizes.insert(attr(line, "id").unwrap(), attr(line, "size").unwrap().parse::<f32>().unwrap());
        } else if let Some(rest) = line.strip_prefix("<text ") {
            let text = &rest[rest.find('>').unwrap() + 1..rest.rfind("</text>").unwrap()];
            let text = text.replace("<b>", "").replace("</b>", "").replace("<i>", "").replace("</i>", "");
            let text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#34;", "\"");
            let text = text.replace("&#39;", "'");
            let size = sizes[&attr(line, "font").unwrap()];
            runs.push((text.replace("&amp;", "&"), size, attr(line, "top").unwrap().parse().unwrap()));
        }
    }
    runs
}

/// The text of the runs, a line each (runs of one line, such as a bold word or a superscript, joined).
fn runs_text(runs: &[(String, f32, f32)]) -> String {
    let mut out = String::new();
    for (i, (text, _, top)) in runs.iter().enumerate() {
        if i > 0 && (top - runs[i - 1].2).abs() > 3.0 {
            out.push('\n');
        }
        out.push_str(text);
    }
    out
}

/// Issue 15: French documents follow French typography, checked on the text of the PDFs: narrow no-break spaces
/// (U+202F) before `: ; ! ?` and inside « », digit groups with U+202F, a no-break space (U+00A0) between a number
/// and `jours`, the ordinal of "1er décembre" in superscript, and user-typed values (a press release, an edited
/// template) set by the same rules, addresses and times left alone.
#[test]
fn french_typography_in_the_text_of_the_pdfs() {
    let f = fixture();
    let d = open();
    let dir = tempfile::tempdir().unwrap();
    let first_of_december = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    let star = d.get::<Detainee>(f.star).unwrap();
    let days = star.days_held(first_of_december).unwrap();
    assert!(days >= 1000, "the star has a four-digit day count ({days})");
    let grouped = format!("{}\u{202F}{:03}", days / 1000, days % 1000);

    let sheet = documents::factsheet(&d, f.star, dossier::Lang::Fr, first_of_december).unwrap();
    let path = write(dir.path(), "sheet-fr.pdf", &sheet.bytes);
    let runs = pdf_runs(&path);
    let text = runs_text(&runs);
    assert!(text.contains(&format!("{grouped}\u{a0}jours de détention")), "2 179 jours: {text:?}");
    assert!(text.contains("Capture\u{202F}: ") && text.contains("Situation\u{202F}: "), "{text:?}");
    for wrong in [" :", " ;", " !", " ?", "\u{a0}:", ":\u{202F}"] {
        assert!(!text.contains(wrong), "{wrong:?} in {text:?}");
    }
    // pdftotext reads the same words (its spaces are ASCII), the ordinal included.
    let plain = pdf_text(&path, &[]);
    assert!(plain.contains("au 1er décembre 2026"), "{plain}");
    // "1" then "er" in a smaller size, at the same line.
    let er = runs.iter().position(|r| r.0 == "er").unwrap_or_else(|| panic!("a run of its own for er: {runs:?}"));
    let before = &runs[er - 1];
    assert!(before.0.ends_with(" au 1"), "{runs:?}");
    assert!(runs[er].1 < before.1 * 0.8, "er is smaller: {} vs {}", runs[er].1, before.1);
    assert!((runs[er].2 - before.2).abs() < 3.0, "on the same line");

    let agreement = documents::agreement(&d, f.sponsorship, dossier::Lang::Fr, first_of_december).unwrap();
    let text = runs_text(&pdf_runs(&write(dir.path(), "agreement-fr.pdf", &agreement.bytes)));
    assert!(text.contains("ci-après «\u{202F}le collectif\u{202F}»"), "{text:?}");
    assert!(text.contains("ci-après «\u{202F}le parrain\u{202F}»"), "{text:?}");
    assert!(text.contains("(cases cochées)\u{202F}:"), "{text:?}");
    assert!(!text.contains("« ") && !text.contains(" »"), "{text:?}");
    assert!(text.contains(&format!("({grouped}\u{a0}jours de détention au 1")), "{text:?}");

    // A banner's text zones too.
    let (banner, _) =
        documents::banner(&d, f.star, None, BannerSize::R850, 10.0, dossier::Lang::Fr, first_of_december).unwrap();
    let text = runs_text(&pdf_runs(&write(dir.path(), "banner-fr.pdf", &banner.bytes)));
    assert!(text.contains(&format!("{grouped}\u{a0}jours")), "{text:?}");

    // What users type: a press release (its body is the user's own Markdown) …
    let release = PressRelease {
        date: first_of_december,
        cities: vec!["Paris".into()],
        title: "Libérez-les!".into(),
        body: "Libérez-le ! Pourquoi? **« Justice »** pour tous: rendez-vous à 10:30, \
               https://example.org/appel?id=1 ou appel@example.org; 50% des signataires, le XXIe siècle."
            .into(),
        lang: dossier::Lang::Fr,
        contacts: vec![],
        in_press_kit: false,
    };
    let pdf = documents::press_release_draft(&d, &release, first_of_december).unwrap();
    let runs = pdf_runs(&write(dir.path(), "release-fr.pdf", &pdf.bytes));
    let text = runs_text(&runs);
    for expected in [
        "Libérez-les\u{202F}!",
        "Libérez-le\u{202F}! Pourquoi\u{202F}? «\u{202F}Justice\u{202F}» pour tous\u{202F}: rendez-vous à\u{a0}10:30,",
        "https://example.org/appel?id=1",
        "appel@example.org;",
        "50\u{a0}% des signataires",
        "Paris, le 1",
    ] {
        assert!(text.contains(expected), "{expected:?} in {text:?}");
    }
    assert!(runs.iter().any(|r| r.0 == "e") && runs.iter().any(|r| r.0 == "er"), "XXIe and 1er: {runs:?}");

    // … and a template they edited: the same rules, on its text and on its values.
    let source = documents::kind::TemplateName::new(documents::kind::DocKind::Factsheet, dossier::Lang::Fr)
        .default_source()
        .replace("## Biographie", "## Attention: {{ detainee.days_held }} jours!\n\n## Biographie");
    let (preview, _) = documents::preview_template(&d, "fr/factsheet.md", &source).unwrap();
    let text = runs_text(&pdf_runs(&write(dir.path(), "edited-fr.pdf", &preview.bytes)));
    let heading = text.lines().find(|l| l.starts_with("Attention")).unwrap_or_else(|| panic!("{text:?}"));
    let digits: String = heading.chars().filter(char::is_ascii_digit).collect();
    let n: i64 = digits.parse().unwrap();
    assert!(n >= 1000, "a four-digit count to group: {heading:?}");
    let expected = format!("Attention\u{202F}: {}\u{202F}{:03}\u{a0}jours\u{202F}!", n / 1000, n % 1000);
    assert_eq!(heading, expected);
}

/// English documents keep English rules: no space before punctuation, "2,179 days", "1 December", nothing added.
#[test]
fn english_documents_keep_english_typography() {
    let f = fixture();
    let d = open();
    let dir = tempfile::tempdir().unwrap();
    let first_of_december = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    let days = d.get::<Detainee>(f.star).unwrap().days_held(first_of_december).unwrap();
    let sheet = documents::factsheet(&d, f.star, dossier::Lang::En, first_of_december).unwrap();
    let runs = pdf_runs(&write(dir.path(), "sheet-en.pdf", &sheet.bytes));
    let text = runs_text(&runs);
    assert!(text.contains(&format!("{},{:03} days in detention", days / 1000, days % 1000)), "{text:?}");
    assert!(text.contains("Captured: "), "{text:?}");
    assert!(!text.contains('\u{202F}') && !text.contains('\u{a0}'), "no French spaces: {text:?}");
    let sizes: std::collections::BTreeSet<u32> = runs.iter().map(|r| r.1 as u32).collect();
    assert!(runs.iter().all(|r| r.0 != "er" && r.0 != "st"), "no superscript: {sizes:?}");

    let release = PressRelease {
        date: first_of_december,
        cities: vec![],
        title: "Free them!".into(),
        body: "Free him! Why? \"Justice\" for all: see you at 10:30; 50% of signatories.".into(),
        lang: dossier::Lang::En,
        contacts: vec![],
        in_press_kit: false,
    };
    let pdf = documents::press_release_draft(&d, &release, first_of_december).unwrap();
    let text = runs_text(&pdf_runs(&write(dir.path(), "release-en.pdf", &pdf.bytes)));
    assert!(text.contains("Free them!"), "{text:?}");
    assert!(text.contains("Free him! Why? \"Justice\" for all: see you at 10:30; 50% of signatories."), "{text:?}");
    assert!(!text.contains('\u{202F}'), "{text:?}");
}

/// The quadrant photo's colours, upright: top-left, top-right, bottom-left, bottom-right. None of them is a colour
/// the documents print themselves (their red, black, greys, white).
const QUADRANTS: [(&str, [u8; 3]); 4] =
    [("cyan", [0, 200, 220]), ("magenta", [220, 0, 200]), ("yellow", [250, 220, 0]), ("green", [0, 150, 60])];
/// The photo, upright, in pixels, and where its quadrants meet: the top-right quadrant (200 × 160) is landscape
/// while the whole photo is portrait, so a frame that follows the crop and one that follows the photo differ.
const QUAD_W: u32 = 320;
const QUAD_H: u32 = 400;
const SPLIT_X: u32 = 120;
const SPLIT_Y: u32 = 160;
const TOP_RIGHT: usize = 1;

/// A fictional dossier with one public, consented detainee whose one photo (public, consented) has four flat
/// quadrants and is stored sideways (EXIF orientation 6, as a phone held sideways writes it), framed by a crop
/// rectangle selecting the upright top-right quadrant.
fn quadrant_dossier(dir: &Path) -> (Dossier, Uuid, Uuid) {
    let upright = image::RgbImage::from_fn(QUAD_W, QUAD_H, |x, y| {
        image::Rgb(QUADRANTS[usize::from(y >= SPLIT_Y) * 2 + usize::from(x >= SPLIT_X)].1)
    });
    let bytes = jpeg_stored_sideways(&upright);
    // The fixture itself: a viewer that applies the orientation shows the upright picture.
    let mut shown = image::load_from_memory(&bytes).unwrap();
    assert_eq!((shown.width(), shown.height()), (QUAD_H, QUAD_W), "stored sideways");
    shown.apply_orientation(image::metadata::Orientation::Rotate90);
    let px = shown.to_rgb8().get_pixel(QUAD_W - 10, 10).0;
    assert!(nearest_quadrant(px) == Some(TOP_RIGHT), "upright top-right is magenta: {px:?}");
    let file = dir.join("quadrants-fictional.jpg");
    std::fs::write(&file, &bytes).unwrap();

    let mut d = Dossier::create(&dir.join("crop.dossier"), PASS).unwrap();
    d.set_profile(Profile { name: "Collectif (exemple fictif)".into(), ..Default::default() }).unwrap();
    let mut p = Detainee::new("Aram Quadrantyan (fictif)", Category::PrisonerOfWar);
    p.captured = "2023-09-20".parse().ok();
    p.disclosure.insert(PublicItem::Name, Disclosure::PUBLIC);
    p.disclosure.insert(PublicItem::Capture, Disclosure::PUBLIC);
    let p = d.insert(p).unwrap();
    let photo = d.add_photo(p.id, &file, Disclosure::PUBLIC).unwrap();
    assert_eq!((photo.width, photo.height, photo.orientation), (QUAD_H, QUAD_W, 6));
    let mut m = photo.data.clone();
    let (w, h) = (QUAD_W as f32, QUAD_H as f32);
    m.crop = Some(Crop { x: SPLIT_X as f32 / w, y: 0.0, w: 1.0 - SPLIT_X as f32 / w, h: SPLIT_Y as f32 / h });
    d.update(photo.id, m).unwrap();
    (d, p.id, photo.id)
}

/// The quadrant colour a pixel shows, if any (JPEG and anti-aliasing leave a margin).
fn nearest_quadrant(px: [u8; 3]) -> Option<usize> {
    let dist = |c: [u8; 3]| (0..3).map(|i| (i32::from(px[i]) - i32::from(c[i])).abs()).sum::<i32>();
    QUADRANTS.iter().position(|(_, c)| dist(*c) < 90)
}

/// What the pages of a PDF show of the quadrant photo, at `dpi`: the pixels of each quadrant colour on all pages,
/// and the bounding box (x0, y0, x1, y1, in pixels) of all quadrant pixels on the page holding the most of them.
fn quadrant_pixels(pdf: &[u8], dpi: u32, dir: &Path, name: &str) -> ([usize; 4], (u32, u32, u32, u32)) {
    let dir = dir.join(name);
    std::fs::create_dir(&dir).unwrap();
    let path = dir.join(format!("{name}.pdf"));
    std::fs::write(&path, pdf).unwrap();
    let st = Command::new("pdftoppm")
        .args(["-r", &dpi.to_string(), "-png"])
        .arg(&path)
        .arg(dir.join("page"))
        .status()
        .expect("pdftoppm installed");
    assert!(st.success());
    let mut counts = [0usize; 4];
    let (mut best, mut bbox) = (0usize, (0, 0, 0, 0));
    for (page, _) in files_in(&dir) {
        if page.extension().is_none_or(|e| e != "png") {
            continue;
        }
        let (page_counts, b) = quadrants_in(&image::open(&page).unwrap().to_rgb8());
        let n = page_counts.iter().sum::<usize>();
        for (c, p) in counts.iter_mut().zip(page_counts) {
            *c += p;
        }
        if n > best {
            (best, bbox) = (n, b);
        }
    }
    (counts, bbox)
}

/// The pixels of each quadrant colour in a picture, and the bounding box (x0, y0, x1, y1) of them all.
fn quadrants_in(img: &image::RgbImage) -> ([usize; 4], (u32, u32, u32, u32)) {
    let (mut counts, mut b) = ([0usize; 4], (u32::MAX, u32::MAX, 0, 0));
    for (x, y, px) in img.enumerate_pixels() {
        if let Some(q) = nearest_quadrant(px.0) {
            counts[q] += 1;
            b = (b.0.min(x), b.1.min(y), b.2.max(x + 1), b.3.max(y + 1));
        }
    }
    (counts, b)
}

/// Issue 15, "the crop rectangle everywhere": a photo with a crop rectangle is framed the same in the fact sheet,
/// the press kit's card, the banner and the social-media cards. The photo (fictional, generated here) has four coloured quadrants, is
/// stored sideways with an EXIF orientation, and its crop selects the upright top-right quadrant: every document
/// shows that colour and none of the other three, and the flowing documents (fact sheet, press-kit card) frame
/// exactly the crop, landscape, at the card's photo width. Without a crop, each keeps its own framing: the whole
/// photo in the cards, a centred cover on the banner.
#[test]
fn a_cropped_photo_shows_the_same_quadrant_in_the_fact_sheet_the_press_kit_the_banner_and_the_cards() {
    let dir = tempfile::tempdir().unwrap();
    let (mut d, person, photo) = quadrant_dossier(dir.path());
    let en = dossier::Lang::En;
    let px_per_mm = |dpi: u32| dpi as f32 / 25.4;
    let crop_aspect = (QUAD_W - SPLIT_X) as f32 / SPLIT_Y as f32;
    let photo_aspect = QUAD_W as f32 / QUAD_H as f32;

    let render = |d: &Dossier| {
        let sheet = documents::factsheet(d, person, en, today()).unwrap().bytes;
        let kit = documents::presskit(d, en, today()).unwrap().bytes;
        let (banner, _) = documents::banner(d, person, None, BannerSize::A3, 10.0, en, today()).unwrap();
        // (document, PDF, dpi, the card photo's width in mm: fact sheets have a large card, press kits small ones)
        [("factsheet", sheet, 40, Some(62.0)), ("presskit", kit, 40, Some(38.0)), ("banner", banner.bytes, 10, None)]
    };

    for (name, pdf, dpi, card_mm) in render(&d) {
        let (counts, (x0, y0, x1, y1)) = quadrant_pixels(&pdf, dpi, dir.path(), name);
        let shown = counts[TOP_RIGHT];
        assert!(shown > 1000, "{name}: the cropped quadrant (magenta) is shown: {counts:?}");
        for (q, (colour, _)) in QUADRANTS.iter().enumerate().filter(|(q, _)| *q != TOP_RIGHT) {
            assert!(counts[q] * 200 < shown, "{name}: nothing of the {colour} quadrant outside the crop: {counts:?}");
        }
        if let Some(w_mm) = card_mm {
            let (w, h) = ((x1 - x0) as f32, (y1 - y0) as f32);
            assert!((w - w_mm * px_per_mm(dpi)).abs() <= 3.0, "{name}: the card's photo is {w_mm} mm wide: {w} px");
            assert!((w / h - crop_aspect).abs() < 0.05, "{name}: the frame is the crop's shape: {w}x{h} px");
            let area = w_mm * px_per_mm(dpi) * (w_mm * px_per_mm(dpi) / crop_aspect);
            assert!((shown as f32 - area).abs() < 0.1 * area, "{name}: the whole frame shows it: {shown} vs {area}");
        }
    }

    // The social-media cards (rasterised by the core itself): the photo zone's shape is fixed, so the crop covers
    // it, as on the banner; the whole zone shows the cropped quadrant and nothing else.
    for format in CardFormat::ALL {
        let img = card_image(&d, person, format, en);
        let (counts, (x0, y0, x1, y1)) = quadrants_in(&img);
        let shown = counts[TOP_RIGHT];
        for (q, (colour, _)) in QUADRANTS.iter().enumerate().filter(|(q, _)| *q != TOP_RIGHT) {
            assert!(counts[q] * 200 < shown, "card {format:?}: nothing of the {colour} quadrant: {counts:?}");
        }
        let zone = card_zone(format, |l| &l.photo);
        // The crop (200 × 160 upright pixels) is scaled up to cover the zone and drawn interpolated: within half a
        // source pixel of an edge inside the photo, the neighbouring quadrant blends in.
        let (zw, zh) = ((zone.2 - zone.0) as f32, (zone.3 - zone.1) as f32);
        let scale = (zw / (QUAD_W - SPLIT_X) as f32).max(zh / SPLIT_Y as f32);
        let seam = ((scale / 2.0).ceil() as u32).max(1);
        let near = |a: u32, b: u32| a.abs_diff(b) <= seam;
        assert!(
            near(x0, zone.0) && near(y0, zone.1) && near(x1, zone.2) && near(y1, zone.3),
            "card {format:?}: the cropped quadrant fills the photo zone {zone:?}: {:?}",
            (x0, y0, x1, y1)
        );
        let area = ((zone.2 - zone.0) * (zone.3 - zone.1)) as usize;
        assert!(shown * 100 > area * 97, "card {format:?}: the whole zone shows it: {shown} of {area}");
    }

    // Without a crop: the cards show the whole photo in its own shape, the banner a centred cover (all four).
    let mut m = d.get::<Media>(photo).unwrap().data;
    m.crop = None;
    d.update(photo, m).unwrap();
    for (name, pdf, dpi, card_mm) in render(&d) {
        let name = format!("{name}-uncropped");
        let (counts, (x0, y0, x1, y1)) = quadrant_pixels(&pdf, dpi, dir.path(), &name);
        assert!(counts.iter().all(|n| *n > 100), "{name}: every quadrant shows: {counts:?}");
        if card_mm.is_some() {
            let (w, h) = ((x1 - x0) as f32, (y1 - y0) as f32);
            assert!((w / h - photo_aspect).abs() < 0.05, "{name}: the whole photo's shape: {w}x{h} px");
        }
    } // …and the social-media cards a centred cover, like the banner.
    for format in CardFormat::ALL {
        let (counts, _) = quadrants_in(&card_image(&d, person, format, en));
        assert!(counts.iter().all(|n| *n > 100), "card {format:?} uncropped: every quadrant shows: {counts:?}");
    }
}

/// The objects of a PDF read back with lopdf, and a few helpers to walk them.
struct Lo(lopdf::Document);

impl Lo {
    fn load(bytes: &[u8]) -> Lo {
        Lo(lopdf::Document::load_mem(bytes).expect("lopdf reads the file"))
    }
    /// Follows a reference (any number of times).
    fn get<'a>(&'a self, o: &'a lopdf::Object) -> &'a lopdf::Object {
        match o {
            lopdf::Object::Reference(r) => self.get(self.0.get_object(*r).unwrap()),
            o => o,
        }
    }
    fn dict<'a>(&'a self, d: &'a lopdf::Dictionary, key: &str) -> &'a lopdf::Dictionary {
        let o = d.get(key.as_bytes()).unwrap_or_else(|_| panic!("/{key} in {d:?}"));
        match self.get(o) {
            lopdf::Object::Stream(s) => &s.dict,
            o => o.as_dict().unwrap_or_else(|_| panic!("/{key} is a dictionary")),
        }
    }
    fn name<'a>(&'a self, d: &'a lopdf::Dictionary, key: &str) -> &'a [u8] {
        self.get(d.get(key.as_bytes()).unwrap_or_else(|_| panic!("/{key}"))).as_name().unwrap()
    }
    fn text(&self, d: &lopdf::Dictionary, key: &str) -> String {
        let o = self.get(d.get(key.as_bytes()).unwrap_or_else(|_| panic!("/{key} in {d:?}")));
        let b = o.as_str().unwrap();
        if b.starts_with(&[0xFE, 0xFF]) {
            let u: Vec<u16> = b[2..].chunks(2).map(|c| u16::from_be_bytes([c[0], c[1]])).collect();
            String::from_utf16(&u).unwrap()
        } else {
            String::from_utf8_lossy(b).into_owned()
        }
    }
    fn rect(&self, d: &lopdf::Dictionary, key: &str) -> [f32; 4] {
        let a = self.get(d.get(key.as_bytes()).unwrap_or_else(|_| panic!("/{key} on the page"))).as_array().unwrap();
        let v: Vec<f32> = a.iter().map(|o| self.get(o).as_float().unwrap()).collect();
        [v[0], v[1], v[2], v[3]]
    }
    fn stream_bytes(&self, o: &lopdf::Object) -> Vec<u8> {
        let lopdf::Object::Stream(s) = self.get(o) else { panic!("a stream: {o:?}") };
        s.decompressed_content().unwrap_or_else(|_| s.content.clone())
    }
}

/// `/ICCBased` colour space array → the profile's stream dictionary and bytes.
fn icc_based(lo: &Lo, cs: &lopdf::Object) -> (lopdf::Dictionary, Vec<u8>) {
    let a = lo.get(cs).as_array().unwrap_or_else(|_| panic!("an ICCBased array, not {cs:?}"));
    assert_eq!(lo.get(&a[0]).as_name().unwrap(), b"ICCBased");
    let lopdf::Object::Stream(s) = lo.get(&a[1]) else { panic!("profile stream") };
    (s.dict.clone(), lo.stream_bytes(&a[1]))
}

fn contains_box(outer: [f32; 4], inner: [f32; 4]) -> bool {
    outer[0] <= inner[0] + 0.01
        && outer[1] <= inner[1] + 0.01
        && outer[2] + 0.01 >= inner[2]
        && outer[3] + 0.01 >= inner[3]
}

/// Issue 15, PDF/X-4 banners: every key PDF/X-4 requires, read back from the file (lopdf), and `qpdf --check`.
/// Not a full PDF/X validator (none runs here: veraPDF checks PDF/A only, callas and Acrobat are not available).
#[test]
fn pdfx_banner_has_every_key_pdfx4_requires() {
    let f = fixture();
    let d = open();
    let dir = tempfile::tempdir().unwrap();
    let star = d.get::<Detainee>(f.star).unwrap();
    let print = documents::Print { size: BannerSize::R850, bleed_mm: 10.0, pdfx: true };
    let (pdf, report) = documents::banner_as(&d, f.star, None, print, dossier::Lang::Fr, today()).unwrap();
    let path = write(dir.path(), "banner-pdfx.pdf", &pdf.bytes);
    let text = check_common(&path); // qpdf --check, fonts embedded as subsets, no family contact
    assert!(text.contains(star.name_hy.as_deref().unwrap()));
    assert!(report.findings.iter().all(|x| x.code != "font_not_embedded"));
    let lo = Lo::load(&pdf.bytes);
    let doc = &lo.0;
    assert!(pdf.bytes.starts_with(b"%PDF-1.6"), "PDF 1.6 at least");
    assert!(doc.trailer.get(b"Encrypt").is_err(), "no encryption");

    // The trailer's /ID: two strings.
    let id = lo.get(doc.trailer.get(b"ID").expect("a document /ID")).as_array().unwrap();
    assert_eq!(id.len(), 2);
    assert!(id.iter().all(|s| lo.get(s).as_str().map(|b| b.len() >= 16).unwrap_or(false)));

    // Info: title, dates, Trapped /False (a name), GTS_PDFXVersion.
    let info = lo.dict(&doc.trailer, "Info");
    assert_eq!(lo.text(info, "GTS_PDFXVersion"), "PDF/X-4");
    assert_eq!(lo.name(info, "Trapped"), b"False");
    let title = lo.text(info, "Title");
    assert!(title.contains(&star.name), "{title}");
    let created = lo.text(info, "CreationDate");
    assert!(created.starts_with("D:20") && created.len() >= 16, "{created}");
    assert_eq!(lo.text(info, "ModDate"), created);

    // The output intent and its CMYK profile.
    let catalog = doc.catalog().unwrap();
    let intents = lo.get(catalog.get(b"OutputIntents").expect("OutputIntents")).as_array().unwrap();
    assert_eq!(intents.len(), 1);
    let oi = lo.get(&intents[0]).as_dict().unwrap();
    assert_eq!(lo.name(oi, "S"), b"GTS_PDFX");
    assert_eq!(lo.text(oi, "OutputConditionIdentifier"), "FOGRA39");
    assert!(lo.text(oi, "OutputCondition").contains("ISO 12647-2"));
    assert_eq!(lo.text(oi, "RegistryName"), "http://www.color.org");
    assert!(!lo.text(oi, "Info").is_empty());
    let dest = oi.get(b"DestOutputProfile").expect("DestOutputProfile");
    let lopdf::Object::Stream(dest_stream) = lo.get(dest) else { panic!("profile stream") };
    assert_eq!(dest_stream.dict.get(b"N").unwrap().as_i64().unwrap(), 4);
    let profile = lo.stream_bytes(dest);
    assert_eq!(profile, documents::banner::CMYK_PROFILE, "the bundled FOGRA39 profile, whole");
    assert_eq!(&profile[12..20], b"prtrCMYK", "an output profile of CMYK data");

    // XMP metadata, uncompressed, with every property PDF/X-4 asks for.
    let md_ref = catalog.get(b"Metadata").expect("catalog /Metadata");
    let lopdf::Object::Stream(md) = lo.get(md_ref) else { panic!("metadata stream") };
    assert_eq!(lo.name(&md.dict, "Type"), b"Metadata");
    assert_eq!(lo.name(&md.dict, "Subtype"), b"XML");
    assert!(md.dict.get(b"Filter").is_err(), "metadata left unfiltered so tools find it");
    let xmp = String::from_utf8(md.content.clone()).unwrap();
    let prop = |name: &str| -> String {
        let open = format!("<{name}>");
        let start = xmp.find(&open).unwrap_or_else(|| panic!("{name} in the XMP")) + open.len();
        let end = start + xmp[start..].find(&format!("</{name}>")).unwrap();
        xmp[start..end].to_owned()
    };
    assert_eq!(prop("pdfxid:GTS_PDFXVersion"), "PDF/X-4");
    assert_eq!(prop("pdf:Trapped"), "False");
    assert_eq!(prop("xmpMM:RenditionClass"), "default");
    assert_eq!(prop("xmpMM:VersionID"), "1");
    assert!(prop("xmpMM:DocumentID").starts_with("uuid:") && prop("xmpMM:InstanceID").starts_with("uuid:"));
    assert_ne!(prop("xmpMM:DocumentID"), prop("xmpMM:InstanceID"));
    // The XMP dates are the Info dates written the ISO 8601 way.
    let iso = format!(
        "{}-{}-{}T{}:{}:{}Z",
        &created[2..6],
        &created[6..8],
        &created[8..10],
        &created[10..12],
        &created[12..14],
        &created[14..16]
    );
    for p in ["xmp:CreateDate", "xmp:ModifyDate", "xmp:MetadataDate"] {
        assert_eq!(prop(p), iso, "{p}");
    }
    assert!(prop("dc:title").contains(&star.name), "dc:title");
    assert!(xmp.starts_with("<?xpacket begin=") && xmp.trim_end().ends_with("<?xpacket end=\"w\"?>"));

    // Pages: boxes, DefaultRGB, and the photo in a calibrated colour space, byte for byte.
    let photo = d.photos_of(f.star).unwrap().into_iter().find(|m| m.disclosure.publishable()).unwrap();
    let jpeg = d.media_bytes(photo.id).unwrap();
    assert!(contains(&pdf.bytes, &jpeg), "the photo still goes in unchanged (DCTDecode)");
    let pages = doc.get_pages();
    assert_eq!(pages.len(), 1);
    for page_id in pages.values() {
        let page = doc.get_dictionary(*page_id).unwrap();
        let (media, bleed, trim) = (lo.rect(page, "MediaBox"), lo.rect(page, "BleedBox"), lo.rect(page, "TrimBox"));
        assert!(contains_box(media, bleed) && contains_box(bleed, trim), "MediaBox ⊇ BleedBox ⊇ TrimBox");
        assert!(bleed[2] - bleed[0] > trim[2] - trim[0] + 50.0, "10 mm of bleed each side");
        assert!(
            page.get(b"AA").is_err()
                && page.get(b"Annots").map(|a| lo.get(a).as_array().unwrap().is_empty()).unwrap_or(true)
        );
        let res = lo.dict(page, "Resources");
        let cs = lo.dict(res, "ColorSpace");
        let (srgb_dict, srgb) = icc_based(&lo, cs.get(b"DefaultRGB").expect("DefaultRGB on the page"));
        assert_eq!(srgb_dict.get(b"N").unwrap().as_i64().unwrap(), 3);
        assert_eq!(srgb, documents::banner::SRGB_PROFILE);
        let xobjects = lo.dict(res, "XObject");
        let mut rgb_images = 0;
        for (_, x) in xobjects.iter() {
            let lopdf::Object::Stream(img) = lo.get(x) else { continue };
            if lo.name(&img.dict, "Subtype") != b"Image" {
                continue;
            }
            let cs = img.dict.get(b"ColorSpace").unwrap();
            match lo.get(cs) {
                lopdf::Object::Name(n) => {
                    assert!(n == b"DeviceGray" || n == b"DeviceCMYK", "no DeviceRGB image under PDF/X: {n:?}")
                }
                _ => {
                    let (dict, _) = icc_based(&lo, cs);
                    assert_eq!(dict.get(b"N").unwrap().as_i64().unwrap(), 3);
                    rgb_images += 1;
                }
            }
        }
        assert!(rgb_images >= 1, "the photo is an ICC-tagged RGB image");
    }

    // Fonts: every font has its program (FontFile2), none is a bare base-14 font.
    let mut descriptors = 0;
    for obj in doc.objects.values() {
        let Ok(dict) = obj.as_dict() else { continue };
        match dict.get(b"Type").and_then(|t| t.as_name()).ok() {
            Some(b"FontDescriptor") => {
                descriptors += 1;
                assert!(dict.get(b"FontFile2").is_ok(), "a TrueType program embedded: {dict:?}");
            }
            Some(b"Font") if dict.get(b"Subtype").and_then(|s| s.as_name()).ok() != Some(b"Type0") => {
                assert!(dict.get(b"FontDescriptor").is_ok(), "every font has a descriptor: {dict:?}")
            }
            _ => {}
        }
    }
    assert!(descriptors >= 2, "the banner's fonts (Latin and Armenian) are there");
    // No JavaScript, actions or references to other files anywhere.
    let raw = String::from_utf8_lossy(&pdf.bytes);
    for forbidden in ["/JavaScript", "/JS ", "/Launch", "/GoToR", "/URI", "/EmbeddedFiles", "/OpenAction", "/Encrypt"] {
        assert!(!raw.contains(forbidden), "no {forbidden}");
    }
    // Same document, same identifiers? Dates differ by the second, so only the shape is compared here; the plain
    // banner stays what it was: no output intent, no XMP, DeviceRGB untouched.
    let (plain, _) = documents::banner(&d, f.star, None, BannerSize::R850, 10.0, dossier::Lang::Fr, today()).unwrap();
    let plain = Lo::load(&plain.bytes);
    let pc = plain.0.catalog().unwrap();
    assert!(pc.get(b"OutputIntents").is_err() && pc.get(b"Metadata").is_err());
}

/// The PDF/X banner draws what the plain one draws. Rasterised by pdftoppm: with its output intent removed, the
/// PDF/X file (ICC-tagged photo and logos, DefaultRGB, blending group) renders as the plain banner to within
/// JPEG-free rounding; with it, poppler soft-proofs the calibrated RGB photo through the FOGRA39 profile (the
/// photo looks as coated offset will print it: a little darker), and the rest stays the same.
#[test]
fn pdfx_banner_renders_as_the_plain_one() {
    let f = fixture();
    let d = open();
    let dir = tempfile::tempdir().unwrap();
    let raster = |name: &str, bytes: &[u8]| {
        let path = write(dir.path(), &format!("{name}.pdf"), bytes);
        let st = Command::new("pdftoppm")
            .args(["-r", "20", "-png", "-singlefile"])
            .arg(&path)
            .arg(dir.path().join(name))
            .status()
            .expect("pdftoppm installed");
        assert!(st.success());
        image::open(dir.path().join(format!("{name}.png"))).unwrap().to_rgb8()
    };
    let banner = |pdfx| {
        let print = documents::Print { size: BannerSize::A3, bleed_mm: 5.0, pdfx };
        documents::banner_as(&d, f.star, None, print, dossier::Lang::En, today()).unwrap().0.bytes
    };
    let x = banner(true);
    let mut without_intent = lopdf::Document::load_mem(&x).unwrap();
    without_intent.catalog_mut().unwrap().remove(b"OutputIntents");
    let mut stripped = Vec::new();
    without_intent.save_to(&mut stripped).unwrap();
    let (plain, x, stripped) = (raster("plain", &banner(false)), raster("pdfx", &x), raster("stripped", &stripped));
    let mean_diff = |a: &image::RgbImage, b: &image::RgbImage| {
        assert_eq!(a.dimensions(), b.dimensions());
        let n = a.as_raw().len() as f64;
        a.as_raw().iter().zip(b.as_raw()).map(|(p, q)| (f64::from(*p) - f64::from(*q)).abs()).sum::<f64>() / n
    };
    let same = mean_diff(&plain, &stripped);
    assert!(same < 0.5, "same drawing: mean difference {same:.2} of 255 per channel");
    let proofed = mean_diff(&plain, &x);
    assert!(proofed < 12.0, "soft proof through FOGRA39 changes the photo's tones only: {proofed:.2}");
}

/// PDF/X in the typesetter itself: an RGB JPEG keeps the ICC profile its file carries, an untagged one and RGB
/// vector colours get sRGB, a soft-masked PNG puts the page in a CMYK transparency group; a flowing document gets
/// the same treatment (TrimBox and BleedBox on every page), and a profile that is not a CMYK printer profile is
/// refused.
#[test]
fn pdfx_in_the_typesetter_tags_rgb_with_the_images_own_profile_or_srgb() {
    use libertas_typeset as ts;
    let srgb = documents::banner::SRGB_PROFILE;
    // A distinct, well-formed RGB profile: sRGB with one byte of its last tag changed.
    let mut own = srgb.to_vec();
    let last = own.len() - 1;
    own[last] ^= 0x55;
    let jpeg = |icc: Option<&[u8]>| {
        let img = image::RgbImage::from_fn(40, 30, |x, _| image::Rgb([x as u8 * 6, 120, 200]));
        let mut plain = Vec::new();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut plain, 80).encode_image(&img).unwrap();
        let Some(icc) = icc else { return plain };
        // APP2 ICC_PROFILE right after SOI, in two chunks given out of order.
        let half = icc.len() / 2;
        let seg = |seq: u8, data: &[u8]| {
            let mut s = vec![0xFF, 0xE2];
            s.extend_from_slice(&((data.len() + 16) as u16).to_be_bytes());
            s.extend_from_slice(b"ICC_PROFILE\0");
            s.extend_from_slice(&[seq, 2]);
            s.extend_from_slice(data);
            s
        };
        [&plain[..2], &seg(2, &icc[half..]), &seg(1, &icc[..half]), &plain[2..]].concat()
    };
    let png_alpha = {
        let img = image::RgbaImage::from_fn(20, 20, |x, _| image::Rgba([200, 10, 10, (x * 12) as u8]));
        let mut b = Vec::new();
        img.write_to(&mut std::io::Cursor::new(&mut b), image::ImageFormat::Png).unwrap();
        b
    };
    let tagged = std::sync::Arc::new(ts::ImageData::from_bytes(jpeg(Some(&own))).unwrap());
    let untagged = std::sync::Arc::new(ts::ImageData::from_bytes(jpeg(None)).unwrap());
    let masked = std::sync::Arc::new(ts::ImageData::from_bytes(png_alpha).unwrap());
    let img = |image: &std::sync::Arc<ts::ImageData>, x: f32| ts::CanvasItem::Image {
        image: image.clone(),
        rect: ts::MmRect::new(x, 10.0, 40.0, 30.0),
        fit: ts::ImageFit::Contain,
    };
    let canvas = ts::Canvas {
        title: "Essai « fictif » & <test>".into(),
        lang: ts::Lang::French,
        pages: vec![ts::CanvasPage {
            width_mm: 200.0,
            height_mm: 100.0,
            bleed_mm: 3.0,
            crop_marks: true,
            items: vec![
                ts::CanvasItem::Rect {
                    rect: ts::MmRect::new(0.0, 0.0, 200.0, 5.0),
                    fill: Some(ts::Color::Rgb(0.2, 0.4, 0.8)),
                    stroke: None,
                },
                img(&tagged, 10.0),
                img(&untagged, 60.0),
                img(&masked, 110.0),
            ],
        }],
    };
    let x = documents::banner::pdfx_condition(1_798_761_600);
    let r = ts::render_canvas_pdfx(&canvas, &x).unwrap();
    let lo = Lo::load(&r.pdf);
    let page = lo.0.get_dictionary(*lo.0.get_pages().values().next().unwrap()).unwrap();
    let group = lo.dict(page, "Group");
    assert_eq!((lo.name(group, "S"), lo.name(group, "CS")), (&b"Transparency"[..], &b"DeviceCMYK"[..]));
    let res = lo.dict(page, "Resources");
    let mut profiles = vec![];
    for (_, o) in lo.dict(res, "XObject").iter() {
        let lopdf::Object::Stream(s) = lo.get(o) else { continue };
        let cs = s.dict.get(b"ColorSpace").unwrap();
        match lo.get(cs) {
            lopdf::Object::Name(n) => panic!("an RGB image left in {}", String::from_utf8_lossy(n)),
            _ => profiles.push(icc_based(&lo, cs).1),
        }
    }
    profiles.sort();
    let mut want = vec![own.clone(), srgb.to_vec(), srgb.to_vec()];
    want.sort();
    assert_eq!(profiles, want, "own profile for the tagged JPEG, sRGB for the untagged JPEG and the PNG");
    let info = lo.dict(&lo.0.trailer, "Info");
    assert_eq!(lo.text(info, "Title"), "Essai « fictif » & <test>");
    assert_eq!(lo.text(info, "CreationDate"), "D:20270101000000Z");
    let catalog = lo.0.catalog().unwrap();
    let xmp = lo.stream_bytes(catalog.get(b"Metadata").unwrap());
    let xmp = String::from_utf8(xmp).unwrap();
    assert!(xmp.contains("Essai « fictif » &amp; &lt;test&gt;") && xmp.contains("2027-01-01T00:00:00Z"));
    // Rendered twice: the same identifiers (derived from the content and the date), and the same bytes.
    let again = ts::render_canvas_pdfx(&canvas, &x).unwrap();
    assert_eq!(Lo::load(&again.pdf).0.trailer.get(b"ID").unwrap(), lo.0.trailer.get(b"ID").unwrap());
    // Without PDF/X the same canvas keeps its device colour spaces.
    let plain = Lo::load(&ts::render_canvas(&canvas).unwrap());
    let ppage = plain.0.get_dictionary(*plain.0.get_pages().values().next().unwrap()).unwrap();
    assert!(ppage.get(b"Group").is_err());
    assert!(plain.dict(ppage, "Resources").get(b"ColorSpace").is_err());

    // A flowing document: boxes on every page, the same keys.
    let mut doc = ts::Document { title: "Lettre fictive".into(), page: ts::PageSetup::a4(), ..Default::default() };
    doc.blocks = (0..60)
        .map(|i| ts::Block::paragraph(format!("Paragraphe fictif numéro {i}, assez long pour remplir.")))
        .collect();
    let r = ts::render_pdfx(&doc, &x).unwrap();
    let lo = Lo::load(&r.pdf);
    assert!(lo.0.get_pages().len() >= 2);
    for id in lo.0.get_pages().values() {
        let p = lo.0.get_dictionary(*id).unwrap();
        assert!(contains_box(lo.rect(p, "MediaBox"), lo.rect(p, "BleedBox")));
        assert!(contains_box(lo.rect(p, "BleedBox"), lo.rect(p, "TrimBox")));
        assert!(lo.dict(lo.dict(p, "Resources"), "ColorSpace").get(b"DefaultRGB").is_ok());
    }
    assert_eq!(lo.text(lo.dict(&lo.0.trailer, "Info"), "GTS_PDFXVersion"), "PDF/X-4");

    // A profile that is not a CMYK printer profile is refused.
    let wrong = ts::PdfX { output_profile: srgb, ..x };
    assert!(ts::render_canvas_pdfx(&canvas, &wrong).is_err());
}

/// A card of `person` as the core renders it, decoded.
fn card_image(d: &Dossier, person: Uuid, format: CardFormat, lang: dossier::Lang) -> image::RgbImage {
    let png = documents::card_png(d, person, None, format, lang, today()).unwrap();
    image::load_from_memory(&png).unwrap().to_rgb8()
}

/// A zone of the default card layout, in pixels (x0, y0, x1, y1).
fn card_zone(format: CardFormat, zone: impl Fn(&FormatLayout) -> &Area) -> (u32, u32, u32, u32) {
    let t = TemplateName::new(DocKind::Card, dossier::Lang::En);
    let layout = card::parse_layout(t.as_str(), t.default_source()).unwrap();
    let a = zone(layout.format(format));
    let (w, h) = format.pixels();
    let px = |v: f32, side: u32| (v * side as f32).round() as u32;
    (px(a.x, w), px(a.y, h), px(a.x + a.w, w), px(a.y + a.h, h))
}

/// The chunk types of a PNG file, in order (each kind once where it repeats, as IDAT does).
fn png_chunks(png: &[u8]) -> Vec<String> {
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "a PNG signature");
    let mut out: Vec<String> = vec![];
    let mut at = 8;
    while at + 8 <= png.len() {
        let len = u32::from_be_bytes(png[at..at + 4].try_into().unwrap()) as usize;
        let kind = String::from_utf8_lossy(&png[at + 4..at + 8]).into_owned();
        if out.last() != Some(&kind) {
            out.push(kind);
        }
        at += 12 + len;
    }
    assert_eq!(at, png.len(), "nothing after the last chunk");
    out
}

/// Issue 15, social-media cards: each format at its exact pixel size, not blank (many colours, the photo zone not
/// uniform, the band in the template's colour), a PNG with nothing but its image (IHDR, sRGB, IDAT, IEND; exiftool
/// finds no EXIF, GPS, XMP or IPTC group), named in the card's language; what the card prints (its PDF, before
/// rasterising) is the banner's public context: the name in both scripts, the days in detention grouped by French
/// typography, the call, the sponsor, the campaign address, and no family contact or private field.
#[test]
fn cards_in_every_format_have_their_exact_size_show_the_photo_and_nothing_private() {
    let f = fixture();
    let d = open();
    let dir = tempfile::tempdir().unwrap();
    let fr = dossier::Lang::Fr;
    let star = d.get::<Detainee>(f.star).unwrap();
    let days = star.days_held(today()).unwrap();
    assert!(days >= 1000, "the star has a four-digit day count ({days})");
    let grouped = format!("{}\u{202F}{:03}\u{a0}jours de détention", days / 1000, days % 1000);
    let name_hy = star.name_hy.clone().expect("the star has an Armenian name");
    let sponsor = api::banner_sponsor(&d, f.star).unwrap().expect("the star's banner names a sponsor");
    let sponsor = d.get::<Sponsor>(sponsor).unwrap().data.name;
    let profile = d.profile().unwrap().unwrap().data;
    let url = profile.campaign_url.or(profile.website).expect("the sample has a campaign address");
    let band = [0xb0, 0x1e, 0x2d];
    for format in CardFormat::ALL {
        let req = CardRequest { detainee: f.star, sponsor: None, format, lang: fr };
        let card = api::render_card(&d, req, today()).unwrap();
        assert_eq!(card.file_name, format!("carte-{}-{}.png", api::documents::file_stem(&star.name), format.slug()));
        assert_eq!((card.width, card.height), format.pixels());
        let img = image::load_from_memory(&card.png).unwrap();
        assert_eq!(img.color(), image::ColorType::Rgb8, "{format:?}: opaque RGB");
        let img = img.to_rgb8();
        assert_eq!(img.dimensions(), format.pixels(), "{format:?}: the exact pixel size");
        let colours: std::collections::HashSet<[u8; 3]> = img.pixels().map(|p| p.0).collect();
        assert!(colours.len() > 500, "{format:?}: not blank: {} colours", colours.len());
        let (x0, y0, x1, y1) = card_zone(format, |l| &l.photo);
        let photo: std::collections::HashSet<[u8; 3]> =
            (y0..y1).flat_map(|y| (x0..x1).map(move |x| (x, y))).map(|(x, y)| img.get_pixel(x, y).0).collect();
        assert!(photo.len() > 100, "{format:?}: the photo zone shows a photo: {} colours", photo.len());
        let (bx0, by0, bx1, by1) = card_zone(format, |l| l.band.as_ref().unwrap());
        let in_band = img.get_pixel(bx0 + 2, (by0 + by1) / 2).0;
        assert_eq!(in_band, band, "{format:?}: the band's colour at its left edge ({bx0}..{bx1})");

        assert_eq!(png_chunks(&card.png), ["IHDR", "sRGB", "IDAT", "IEND"], "{format:?}: only the image");
        let path = dir.path().join(&card.file_name);
        std::fs::write(&path, &card.png).unwrap();
        let tags: serde_json::Value = serde_json::from_str(&tool("exiftool", &["-j", "-G"], &path)).unwrap();
        let tags = tags[0].as_object().unwrap();
        assert!(tags.contains_key("PNG:ImageWidth"), "exiftool read the card: {tags:?}");
        for key in tags.keys() {
            let group = key.split(':').next().unwrap();
            assert!(!["EXIF", "GPS", "XMP", "IPTC", "ICC_Profile"].contains(&group), "{format:?}: {key} in {tags:?}");
        }

        let laid_out = documents::card_pdf(&d, f.star, None, format, fr, today()).unwrap();
        let pdf = write(dir.path(), &format!("card-{}.pdf", format.slug()), &laid_out.pdf);
        let words = check_common(&pdf);
        let text = runs_text(&pdf_runs(&pdf));
        for expected in
            [format!("LIBÉREZ {}", star.name.to_uppercase()), name_hy.clone(), format!("Parrainé par {sponsor}")]
        {
            assert!(words.contains(&expected), "{format:?}: {expected:?} in {words:?}");
        }
        assert!(words.contains(&url), "{format:?}: the campaign address {url} in {words:?}");
        // The day count may wrap (a line of its own in the square card): lines joined.
        assert!(text.replace('\n', " ").contains(&grouped), "{format:?}: {grouped:?} in {text:?}");
    }
}

/// A detainee without a usable photo (theirs is not consented) still gets a card, as a user would expect of a
/// campaign picture: the photo zone takes the template's `no_photo` colour and the name is printed large there;
/// the refused photo's pixels appear nowhere. The default card templates of both languages pass their check and
/// preview every format, one page each.
#[test]
fn a_card_without_a_usable_photo_prints_the_name_large() {
    let dir = tempfile::tempdir().unwrap();
    let (mut d, person, photo) = quadrant_dossier(dir.path());
    let mut m = d.get::<Media>(photo).unwrap().data;
    m.disclosure.consent = Consent::Refused;
    d.update(photo, m).unwrap();
    let name = d.get::<Detainee>(person).unwrap().data.name;
    let no_photo = [0x3a, 0x3f, 0x47];
    for format in CardFormat::ALL {
        let img = card_image(&d, person, format, dossier::Lang::En);
        let (counts, _) = quadrants_in(&img);
        assert_eq!(counts.iter().sum::<usize>(), 0, "{format:?}: nothing of the refused photo: {counts:?}");
        let (x0, y0, x1, y1) = card_zone(format, |l| &l.photo);
        let zone = (y0..y1).flat_map(|y| (x0..x1).map(move |x| (x, y))).map(|(x, y)| img.get_pixel(x, y).0);
        let (plain, total) = zone.fold((0, 0), |(p, t), px| (p + usize::from(px == no_photo), t + 1));
        assert!(plain * 10 > total * 6 && plain < total, "{format:?}: the zone is no_photo with text: {plain}/{total}");
        let pdf = documents::card_pdf(&d, person, None, format, dossier::Lang::En, today()).unwrap();
        let path = write(dir.path(), &format!("{}.pdf", format.slug()), &pdf.pdf);
        let runs = pdf_runs(&path);
        let large = runs.iter().filter(|(t, size, _)| name.contains(t.trim()) && *size >= 24.0).count();
        assert!(large >= 1, "{format:?}: the name printed large: {runs:?}");
        // The call may wrap (the name is long): compare words.
        let words = runs_text(&runs).split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(words.contains(&format!("FREE {}", name.to_uppercase())), "{format:?}: {runs:?}");
    }
    for lang in dossier::Lang::ALL {
        let t = TemplateName::new(DocKind::Card, lang);
        t.check(t.default_source()).unwrap();
        let (pdf, preflight) = documents::preview_template(&d, t.as_str(), t.default_source()).unwrap();
        assert_eq!((pdf.pages, preflight.is_none()), (4, true), "{t}: a page per format");
        let path = write(dir.path(), &format!("preview-{}.pdf", t.as_str().replace('/', "-")), &pdf.bytes);
        let sizes = tool("pdfinfo", &["-f", "1", "-l", "4"], &path).split_whitespace().collect::<Vec<_>>().join(" ");
        for (i, format) in CardFormat::ALL.iter().enumerate() {
            let (w, h) = format.pixels();
            assert!(sizes.contains(&format!("Page {} size: {w} x {h} pts", i + 1)), "{t} {format:?}: {sizes}");
        }
    }
    let bad = TemplateName::new(DocKind::Card, dossier::Lang::Fr).default_source().replacen(
        "color = \"band\"",
        "color = \"bande\"",
        1,
    );
    let err = documents::kind::check("fr/card.toml", &bad).unwrap_err();
    assert!(err.to_string().contains("fr/card.toml") && err.to_string().contains("bande"), "{err}");
}

/// A private copy of the fixture's dossier, for tests that write records (the kit saves a press release).
fn kit_dossier(dir: &Path) -> Dossier {
    let src = &fixture().db;
    let db = dir.join("kit.dossier");
    for suffix in ["", "-wal", "-shm"] {
        let from = PathBuf::from(format!("{}{suffix}", src.display()));
        if from.exists() {
            std::fs::copy(&from, PathBuf::from(format!("{}{suffix}", db.display()))).unwrap();
        }
    }
    Dossier::open(&db, PASS).unwrap()
}

/// What is in `dir` besides the dossier and its SQLite companions.
fn beside_dossier(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with("kit.dossier"))
        .collect()
}

/// How many images a PDF draws (`pdfimages -list`).
fn image_count(pdf: &Path) -> usize {
    tool("pdfimages", &["-list"], pdf).lines().skip(2).count()
}

fn kit_request(sponsorship: Uuid, lang: dossier::Lang) -> dossier::api::KitRequest {
    dossier::api::KitRequest { sponsorship, lang, force: false }
}

fn page_count(pdf: &Path) -> usize {
    let info = tool("pdfinfo", &[], pdf);
    info.lines().find_map(|l| l.strip_prefix("Pages:")).unwrap().trim().parse().unwrap()
}

/// What poppler reads from a kit's PDF, whitespace collapsed (and words hyphenated at a line end joined).
fn kit_text(pdf: &Path) -> String {
    let text = check_common(pdf);
    // pdftotext turns no-break spaces into spaces; compare words.
    text.replace(['\u{a0}', '\u{202f}'], " ")
}

#[test]
fn ceremony_kit_of_one_detainee_holds_every_document_naming_sponsor_and_detainee() {
    let f = fixture();
    let tmp = tempfile::tempdir().unwrap();
    let mut d = kit_dossier(tmp.path());
    let s = d.get::<Sponsorship>(f.sponsorship).unwrap();
    let sponsor = d.get::<Sponsor>(s.sponsor_id).unwrap();
    let star = d.get::<Detainee>(f.star).unwrap();
    let hy = star.name_hy.clone().unwrap();
    let releases_before = d.list::<PressRelease>().unwrap().len();
    let dir = tmp.path().join("kit");
    let mut calls = vec![];
    let kit = dossier::api::ceremony_kit(
        &mut d,
        &kit_request(f.sponsorship, dossier::Lang::Fr),
        &dir,
        today(),
        |done, total| calls.push((done, total)),
        || false,
    )
    .unwrap();
    if let Ok(keep) = std::env::var("KIT_LOOK") {
        for f in &kit.files {
            std::fs::copy(dir.join(f), Path::new(&keep).join(f)).unwrap();
        }
    }
    // Two agreement copies, the banner, the square card, the fact sheet, the press release, the checklist.
    assert_eq!(kit.files.len(), 7, "{:?}", kit.files);
    let mut on_disk: Vec<String> =
        std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    on_disk.sort();
    let mut listed = kit.files.clone();
    listed.sort();
    assert_eq!(on_disk, listed, "the folder holds exactly the files listed");
    let (last, total) = *calls.last().unwrap();
    assert_eq!((last, total), (7, 7), "progress ends at the total: {calls:?}");
    assert!(calls.windows(2).all(|w| w[0].0 < w[1].0), "progress only moves forward: {calls:?}");
    let file = |word: &str| kit.files.iter().filter(|n| n.contains(word)).cloned().collect::<Vec<_>>();
    // The square social-media card: the one PNG, at its exact size, nothing but the image.
    let cards = file(".png");
    assert_eq!(cards, ["carte-".to_owned() + &cards[0][6..]], "{:?}", kit.files);
    assert!(cards[0].ends_with("-square.png"), "{cards:?}");
    let png = std::fs::read(dir.join(&cards[0])).unwrap();
    assert_eq!(png_chunks(&png), ["IHDR", "sRGB", "IDAT", "IEND"]);
    let img = image::load_from_memory(&png).unwrap();
    assert_eq!((img.width(), img.height()), (1080, 1080));
    assert!(kit.files.iter().filter(|n| !n.ends_with(".png")).all(|n| n.ends_with(".pdf")));
    let agreements = file("convention-de-parrainage");
    assert_eq!(agreements.len(), 2, "{:?}", kit.files);
    for (n, name) in agreements.iter().enumerate() {
        assert!(name.ends_with(&format!("exemplaire-{}.pdf", n + 1)), "{name}");
        let text = kit_text(&dir.join(name));
        assert!(text.contains(&format!("Exemplaire {} sur 2", n + 1)), "copy marked: {text}");
        for who in [&sponsor.name, &star.name, &hy] {
            assert!(text.contains(who.as_str()), "{name} names {who}");
        }
    }
    let banner = file("kakemono");
    assert_eq!(banner.len(), 1);
    let text = kit_text(&dir.join(&banner[0]));
    assert!(text.contains(&star.name) && text.contains(&hy), "{text}");
    assert_eq!(
        image_count(&dir.join(&banner[0])),
        image_count(&write(
            tmp.path(),
            "with-sponsor.pdf",
            &documents::banner(&d, f.star, Some(s.sponsor_id), BannerSize::R850, 10.0, dossier::Lang::Fr, today())
                .unwrap()
                .0
                .bytes
        )),
        "the banner carries the kit's sponsor's logo"
    );
    assert_eq!(kit.preflight.len(), 1);
    assert_eq!(kit.preflight[0].file, banner[0]);
    let sheet = file("fiche");
    assert_eq!(sheet.len(), 1);
    let text = kit_text(&dir.join(&sheet[0]));
    assert!(text.contains(&star.name) && text.contains(&hy));

    // The press release draft: saved as a record, its PDF in the folder.
    let releases = d.list::<PressRelease>().unwrap();
    assert_eq!(releases.len(), releases_before + 1);
    let release = d.get::<PressRelease>(kit.press_release).unwrap();
    assert_eq!(release.lang, dossier::Lang::Fr);
    assert!(!release.in_press_kit, "a draft is not in the press kit until the user says so");
    assert!(release.title.contains(&sponsor.name) && release.title.contains(&star.name), "{}", release.title);
    assert!(release.body.contains("À COMPLÉTER"), "{}", release.body);
    assert!(!release.body.contains("\\'"), "the draft reads as text: {}", release.body);
    let ceremony = s.ceremony.clone().unwrap();
    let place = ceremony.place.unwrap();
    let pr = kit.files.iter().find(|n| n.starts_with(&release.date.to_string())).expect("the release's PDF");
    let text = kit_text(&dir.join(pr));
    for needle in ["Paris, Lyon, Genève", "COMMUNIQUÉ DE PRESSE", "À COMPLÉTER", &sponsor.name, &star.name, &hy, &place]
    {
        assert!(text.contains(needle), "press release has {needle:?}: {text}");
    }
    assert!(text.contains(&documents::context::write_date(ceremony.date.unwrap(), dossier::Lang::Fr)), "{text}");

    // The checklist: one page, who brings what, when to print, the banner's verdict.
    let list = file("check-list");
    assert_eq!(list.len(), 1);
    let path = dir.join(&list[0]);
    assert_eq!(page_count(&path), 1, "the checklist is one page");
    let text = kit_text(&path);
    for needle in
        ["Qui apporte quoi", "Imprimeur", "La veille", "Contrôle du kakemono", &sponsor.name, &star.name, &place]
    {
        assert!(text.contains(needle), "checklist has {needle:?}: {text}");
    }
    let verdict = if kit.preflight[0].report.has_errors() {
        "à corriger"
    } else if kit.preflight[0].report.findings.is_empty() {
        "Prêt pour l’imprimeur"
    } else {
        "avec des avertissements"
    };
    assert!(text.contains(verdict), "the banner's verdict {verdict:?}: {text}");
    // Nothing left beside the folder.
    let beside: Vec<_> = std::fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(beside.is_empty(), "no staging folder left: {beside:?}");
}

#[test]
fn ceremony_kit_follows_the_sponsor_languages_and_replaces_a_folder_only_when_asked() {
    let f = fixture();
    let tmp = tempfile::tempdir().unwrap();
    let mut d = kit_dossier(tmp.path());
    let s = d.get::<Sponsorship>(f.sponsorship).unwrap();
    let mut sponsor = d.get::<Sponsor>(s.sponsor_id).unwrap().data;
    sponsor.languages = vec!["en".into(), "fr".into(), "hy".into()];
    d.update(s.sponsor_id, sponsor).unwrap();
    let dir = tmp.path().join("kit");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join("notes.txt"), b"kept").unwrap();
    let err = dossier::api::ceremony_kit(
        &mut d,
        &kit_request(f.sponsorship, dossier::Lang::Fr),
        &dir,
        today(),
        |_, _| {},
        || false,
    )
    .unwrap_err();
    assert_eq!(err.code(), "not_empty");
    assert!(err.message(dossier::Lang::En).contains("--force"), "{}", err.message(dossier::Lang::En));
    assert_eq!(std::fs::read(dir.join("notes.txt")).unwrap(), b"kept", "a refused kit leaves the folder as it was");
    let mut req = kit_request(f.sponsorship, dossier::Lang::Fr);
    req.force = true;
    let kit = dossier::api::ceremony_kit(&mut d, &req, &dir, today(), |_, _| {}, || false).unwrap();
    assert!(!dir.join("notes.txt").exists(), "--force replaces the folder whole");
    // English first (the sponsor's first language), then French; Armenian is not a document language.
    let agreements: Vec<&String> =
        kit.files.iter().filter(|n| n.contains("agreement") || n.contains("convention")).collect();
    assert_eq!(agreements.len(), 4, "{:?}", kit.files);
    for (name, mark) in [
        ("sponsorship-agreement", "Copy 1 of 2"),
        ("sponsorship-agreement", "Copy 2 of 2"),
        ("convention-de-parrainage", "Exemplaire 1 sur 2"),
        ("convention-de-parrainage", "Exemplaire 2 sur 2"),
    ] {
        let n = mark.chars().find(char::is_ascii_digit).unwrap();
        let file = agreements.iter().find(|f| f.starts_with(name) && f.ends_with(&format!("-{n}.pdf"))).unwrap();
        assert!(kit_text(&dir.join(file)).contains(mark), "{file}: {mark}");
    }
    // The public documents in the sponsor's first language; the checklist in the user's.
    assert!(kit.files.iter().any(|n| n.starts_with("banner-")), "{:?}", kit.files);
    assert!(kit.files.iter().any(|n| n.starts_with("fact-sheet-")), "{:?}", kit.files);
    assert!(kit.files.iter().any(|n| n.starts_with("check-list-ceremonie-")), "{:?}", kit.files);
    assert_eq!(d.get::<PressRelease>(kit.press_release).unwrap().lang, dossier::Lang::En);
    let list = kit.files.iter().find(|n| n.starts_with("check-list")).unwrap();
    assert!(kit_text(&dir.join(list)).contains("4 exemplaires (anglais, français)"));
}

#[test]
fn ceremony_kit_of_the_whole_group_has_a_banner_and_fact_sheet_per_detainee() {
    let f = fixture();
    let tmp = tempfile::tempdir().unwrap();
    let mut d = kit_dossier(tmp.path());
    let s = d.get::<Sponsorship>(f.group_sponsorship).unwrap();
    let sponsor = d.get::<Sponsor>(s.sponsor_id).unwrap();
    assert_eq!(sponsor.languages, ["fr"], "documents in the sponsor's language, the checklist in the user's");
    let group = documents::group_members(&d, dossier::Lang::Fr, today()).unwrap();
    assert!(group.len() > 3);
    assert!(!group.iter().any(|(_, n)| n == HIDDEN_CANARY), "nobody without consent");
    let dir = tmp.path().join("group-kit");
    let mut last = (0, 0);
    let kit = dossier::api::ceremony_kit(
        &mut d,
        &kit_request(f.group_sponsorship, dossier::Lang::En),
        &dir,
        today(),
        |done, total| last = (done, total),
        || false,
    )
    .unwrap();
    let n = group.len();
    assert_eq!(kit.files.len(), 2 + 3 * n + 2, "{:?}", kit.files);
    assert_eq!(kit.files.iter().filter(|f| f.ends_with("-square.png")).count(), n, "a card per person");
    assert_eq!(last, (kit.files.len() as u32, kit.files.len() as u32));
    assert_eq!(kit.preflight.len(), n);
    // Every file passes the common checks (valid PDF, embedded subset fonts, no canary), read once.
    let texts: Vec<(&String, String)> =
        kit.files.iter().filter(|f| f.ends_with(".pdf")).map(|f| (f, kit_text(&dir.join(f)))).collect();
    let agreements: Vec<&String> =
        texts.iter().filter(|(f, _)| f.contains("convention-de-parrainage")).map(|(_, t)| t).collect();
    assert_eq!(agreements.len(), 2);
    for text in agreements {
        assert!(text.contains(&sponsor.name));
        for (_, name) in &group {
            assert!(text.contains(name.as_str()), "the group's agreement lists {name}");
        }
    }
    let of_kind = |prefix: &str, name: &str| {
        texts
            .iter()
            .filter(|(f, t)| f.starts_with(prefix) && t.contains(name))
            .map(|(_, t)| t.clone())
            .collect::<Vec<_>>()
    };
    for (id, name) in &group {
        let p = d.get::<Detainee>(*id).unwrap();
        let banners = of_kind("kakemono-", name);
        assert_eq!(banners.len(), 1, "one banner for {name}");
        let sheets = of_kind("fiche-", name);
        assert_eq!(sheets.len(), 1, "one fact sheet for {name}");
        if let Some(h) = &p.name_hy {
            assert!(banners[0].contains(h.as_str()) && sheets[0].contains(h.as_str()), "{h} in Armenian script");
        }
    }
    let list = kit.files.iter().find(|f| f.starts_with("ceremony-checklist")).unwrap();
    if let Ok(keep) = std::env::var("KIT_LOOK") {
        std::fs::copy(dir.join(list), Path::new(&keep).join("group-checklist.pdf")).unwrap();
    }
    assert_eq!(page_count(&dir.join(list)), 1, "the group's checklist is one page too");
    let text = kit_text(&dir.join(list));
    assert!(text.contains(&format!("{n} roll-up banners")), "{text}");
    let release = d.get::<PressRelease>(kit.press_release).unwrap();
    assert!(release.title.contains(&sponsor.name));
    let pr = kit.files.iter().find(|f| f.starts_with(&release.date.to_string())).unwrap();
    let text = kit_text(&dir.join(pr));
    assert!(text.contains("Paris, Lyon, Genève") && text.contains("À COMPLÉTER"), "{text}");
}

#[test]
fn ceremony_kit_without_date_or_place_is_refused_naming_them_and_writes_nothing() {
    let f = fixture();
    let tmp = tempfile::tempdir().unwrap();
    let mut d = kit_dossier(tmp.path());
    let s = d.get::<Sponsorship>(f.sponsorship).unwrap();
    let releases = d.list::<PressRelease>().unwrap().len();
    let dir = tmp.path().join("kit");
    let cases: [(Option<Ceremony>, &[&str], &[&str]); 3] = [
        (None, &["date", "place"], &["date", "lieu"]),
        (Some(Ceremony { date: None, place: Some("Lyon".into()), press: None }), &["date"], &["date"]),
        (Some(Ceremony { date: Some(today()), place: None, press: None }), &["place"], &["lieu"]),
    ];
    for (ceremony, en, fr) in cases {
        let mut data = s.data.clone();
        data.ceremony = ceremony.clone();
        d.update(f.sponsorship, data).unwrap();
        let err = dossier::api::ceremony_kit(
            &mut d,
            &kit_request(f.sponsorship, dossier::Lang::En),
            &dir,
            today(),
            |_, _| panic!("nothing is rendered"),
            || false,
        )
        .unwrap_err();
        assert_eq!(err.code(), "no_ceremony");
        let (msg_en, msg_fr) = (err.message(dossier::Lang::En), err.message(dossier::Lang::Fr));
        for word in en {
            assert!(msg_en.contains(word), "{ceremony:?}: {msg_en}");
        }
        for word in fr {
            assert!(msg_fr.contains(word), "{ceremony:?}: {msg_fr}");
        }
        if en.len() == 1 {
            let other = if en[0] == "date" { "place" } else { "date" };
            assert!(!msg_en.contains(other), "only what is missing is named: {msg_en}");
        }
        assert!(!dir.exists(), "nothing written");
        assert_eq!(beside_dossier(tmp.path()), Vec::<String>::new(), "nothing beside the dossier");
    }
    assert_eq!(d.list::<PressRelease>().unwrap().len(), releases, "no press release saved");
}

#[test]
fn a_cancelled_ceremony_kit_leaves_no_folder_and_no_record() {
    let f = fixture();
    let tmp = tempfile::tempdir().unwrap();
    let mut d = kit_dossier(tmp.path());
    let releases = d.list::<PressRelease>().unwrap().len();
    let dir = tmp.path().join("kit");
    let done = std::cell::Cell::new(0);
    let err = dossier::api::ceremony_kit(
        &mut d,
        &kit_request(f.sponsorship, dossier::Lang::Fr),
        &dir,
        today(),
        |n, _| done.set(n),
        || done.get() >= 3,
    )
    .unwrap_err();
    assert_eq!(err.code(), "cancelled");
    assert_eq!(done.get(), 3, "stopped before the fourth document");
    assert!(!dir.exists());
    assert_eq!(beside_dossier(tmp.path()), Vec::<String>::new(), "no staging folder left");
    assert_eq!(d.list::<PressRelease>().unwrap().len(), releases);
}

#[test]
fn ceremony_kit_cli_lists_files_prints_json_and_refuses() {
    let f = fixture();
    let tmp = tempfile::tempdir().unwrap();
    drop(kit_dossier(tmp.path()));
    let db = tmp.path().join("kit.dossier");
    let env = Env { dir: tmp, db };
    let dir = env.path("kit");
    let o = dir.to_str().unwrap().to_owned();
    let id = f.sponsorship.to_string();
    let out = env.ok(&["render", "ceremony-kit", "--sponsorship", &id, "-o", &o]);
    let lines: Vec<&str> = out.lines().filter(|l| l.ends_with(".pdf") || l.ends_with(".png")).collect();
    assert_eq!(lines.len(), 7, "six PDFs and the square card: {out}");
    assert!(lines.iter().all(|l| Path::new(l).is_file()), "{out}");
    assert!(out.contains("Press release draft saved"), "{out}");
    // Again into the same folder: refused (exit 1), unless --force.
    let err = env.fails(&["render", "ceremony-kit", "--sponsorship", &id, "-o", &o], 1);
    assert!(err.contains("already holds files"), "{err}");
    let v = env.json(&["render", "ceremony-kit", "--sponsorship", &id, "-o", &o, "--force", "--json"]);
    assert_eq!(v["files"].as_array().unwrap().len(), 7);
    let release: Uuid = v["press_release"].as_str().unwrap().parse().unwrap();
    assert!(v["preflight"][0]["report"]["findings"].is_array(), "{v}");
    let d = Dossier::open(&env.db, PASS).unwrap();
    assert!(d.get::<PressRelease>(release).unwrap().body.contains("À COMPLÉTER"), "the draft is saved");
    // A sponsorship without a ceremony: refused in the user's language, naming what is missing.
    let prospect = d.sponsorships(None, None).unwrap().into_iter().find(|s| s.ceremony.is_none()).unwrap().id;
    drop(d);
    let o2 = env.path("kit2").to_str().unwrap().to_owned();
    let err = env.fails(&["render", "ceremony-kit", "--sponsorship", &prospect.to_string(), "-o", &o2], 1);
    assert!(err.contains("no ceremony date and no ceremony place"), "{err}");
    let out = env
        .cmd(&["render", "ceremony-kit", "--sponsorship", &prospect.to_string(), "-o", &o2])
        .env("LANG", "fr_FR.UTF-8")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("ni de lieu de cérémonie"), "{err}");
    assert!(!env.path("kit2").exists());
}
