//! Documents from the sample dossier, in process: agreement, fact sheet, banner with a 24-megapixel photo (plain
//! and PDF/X-4), press kits of 25 and 200 detainees, social-media cards (PNG) of a 24-megapixel and of a
//! 2-megapixel photo, the ceremony kit of one detainee. `scripts/bench` prints the medians.

use std::time::Duration;

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion};
use dossier::documents::{self, BannerSize, CardFormat};
use dossier::model::*;
use dossier::{Dossier, Lang};

const PASS: &str = "benchmark passphrase";

fn public_person(d: &mut Dossier, name: &str, photo: &std::path::Path) -> uuid::Uuid {
    let mut p = Detainee::new(name, Category::Civilian);
    p.name_hy = Some("Անուն Ազգանուն".into());
    p.captured = "2021-02-03".parse().ok();
    p.situation.push(SituationEntry::new(Status::Detained, p.captured));
    p.bio_fr = Some("Biographie fictive pour le banc d'essai. ".repeat(6));
    for item in PublicItem::ALL {
        p.disclosure.insert(item, Disclosure::PUBLIC);
    }
    let id = d.insert(p).unwrap().id;
    d.add_photo(id, photo, Disclosure::PUBLIC).unwrap();
    id
}

fn documents_bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    let small = dir.path().join("small.jpg");
    std::fs::write(&small, dossier::demo::placeholder_portrait(1200, 1600, [90, 100, 120])).unwrap();
    let big = dir.path().join("big.jpg");
    std::fs::write(&big, dossier::demo::placeholder_portrait(4000, 6000, [120, 90, 80])).unwrap();

    // 24 sample detainees + 1 with a 24 MP photo = 25.
    let mut d = Dossier::create(&dir.path().join("25.dossier"), PASS).unwrap();
    dossier::demo::fill(&mut d, 0).unwrap();
    let star = public_person(&mut d, "Banc Essai Vingt-Quatre", &big);
    let sponsor = d.list::<Sponsor>().unwrap()[0].id;
    let mut s = Sponsorship::new(sponsor, Some(star));
    s.stage = Stage::Signed;
    s.commitments = parse_commitments("logo,banner,public-signing,lobbying").unwrap();
    s.ceremony = Some(Ceremony { date: Some(today + chrono::Days::new(20)), place: Some("Lyon".into()), press: None });
    let sponsorship = d.insert(s).unwrap().id;

    let mut g = c.benchmark_group("documents");
    g.sample_size(20).measurement_time(Duration::from_secs(5)).warm_up_time(Duration::from_millis(500));
    g.bench_function("agreement", |b| b.iter(|| documents::agreement(&d, sponsorship, Lang::Fr, today).unwrap()));
    g.bench_function("factsheet", |b| b.iter(|| documents::factsheet(&d, star, Lang::Fr, today).unwrap()));
    g.bench_function("banner_24mp", |b| {
        b.iter(|| documents::banner(&d, star, Some(sponsor), BannerSize::R850, 10.0, Lang::Fr, today).unwrap())
    });
    // The same banner as a PDF/X-4 file: what the output intent, ICC tagging and XMP add.
    let pdfx = documents::Print { size: BannerSize::R850, bleed_mm: 10.0, pdfx: true };
    g.bench_function("banner_24mp/pdfx", |b| {
        b.iter(|| documents::banner_as(&d, star, Some(sponsor), pdfx, Lang::Fr, today).unwrap())
    });
    g.bench_function("presskit_25", |b| b.iter(|| documents::presskit(&d, Lang::Fr, today).unwrap()));
    // Social-media cards (laid out, rasterised, PNG-encoded): of the 24 MP photo, and of a 1200 × 1600 one.
    let typical = public_person(&mut d, "Banc Essai Carte", &small);
    for format in [CardFormat::Square, CardFormat::Story, CardFormat::Landscape] {
        g.bench_function(format!("card_{}_24mp", format.slug()), |b| {
            b.iter(|| documents::card_png(&d, star, Some(sponsor), format, Lang::Fr, today).unwrap())
        });
        g.bench_function(format!("card_{}", format.slug()), |b| {
            b.iter(|| documents::card_png(&d, typical, Some(sponsor), format, Lang::Fr, today).unwrap())
        });
    }
    // The whole ceremony kit of one detainee (two agreement copies, the 24 MP banner, the fact sheet, the press
    // release draft saved as a record, the checklist), written to disk, replacing the previous run's folder.
    let kit_dir = dir.path().join("kit");
    let req = dossier::api::KitRequest { sponsorship, lang: Lang::Fr, force: true };
    g.bench_function("ceremony_kit", |b| {
        b.iter(|| dossier::api::ceremony_kit(&mut d, &req, &kit_dir, today, |_, _| {}, || false).unwrap())
    });

    // 200 public detainees with photos.
    let mut d200 = Dossier::create(&dir.path().join("200.dossier"), PASS).unwrap();
    dossier::demo::fill(&mut d200, 0).unwrap();
    for k in 0..176 {
        public_person(&mut d200, &format!("Personne Fictive {k:03}"), &small);
    }
    g.sample_size(10).measurement_time(Duration::from_secs(8));
    g.bench_function("presskit_200", |b| b.iter(|| documents::presskit(&d200, Lang::Fr, today).unwrap()));
    g.finish();

    let agreement = documents::agreement(&d, sponsorship, Lang::Fr, today).unwrap();
    let (banner, _) = documents::banner(&d, star, Some(sponsor), BannerSize::R850, 10.0, Lang::Fr, today).unwrap();
    let p200 = documents::presskit(&d200, Lang::Fr, today).unwrap();
    eprintln!(
        "sizes: agreement {} B; banner {} B for a {} B photo (+{} B); press kit 200: {} pages, {} B",
        agreement.bytes.len(),
        banner.bytes.len(),
        std::fs::metadata(&big).unwrap().len(),
        banner.bytes.len() as i64 - std::fs::metadata(&big).unwrap().len() as i64,
        p200.pages,
        p200.bytes.len()
    );
}

criterion_group!(benches, documents_bench);
criterion_main!(benches);
