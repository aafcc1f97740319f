//! Import of a 10,000-row CSV (into an empty dossier, in one transaction, with duplicate checks) and export of
//! 10,000 detainees to CSV, XLSX and JSON. `scripts/bench` prints the medians.

use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use dossier::exchange::{self, ImportOptions};
use dossier::model::RecordKind;
use dossier::Dossier;

const PASS: &str = "benchmark passphrase";
const N: usize = 10_000;

/// A French-Excel-style CSV of `n` distinct fictional people.
fn csv_rows(n: usize) -> String {
    let first = ["Aram", "Lilit", "Gevorg", "Anahit", "Narek", "Hasmik", "Tigran", "Nune", "Vahe", "Mariam"];
    let cats = ["prisonnier de guerre", "civil", "dirigeant politique", "disparu"];
    let mut s = String::from("Nom;Nom arménien;Catégorie;Date de naissance;Date de capture;Lieu de capture;Statut\r\n");
    for i in 0..n {
        s += &format!(
            "{} Bench{i:05}ian;;{};{:02}/{:02}/{};2020-11-{:02};Lieu {} (exemple);détenu\r\n",
            first[i % 10],
            cats[i % 4],
            1 + i % 28,
            1 + i % 12,
            1960 + i % 40,
            1 + i % 28,
            i % 50
        );
    }
    s
}

fn exchange(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let csv = dir.path().join("bench.csv");
    std::fs::write(&csv, csv_rows(N)).expect("write csv");
    let opts = ImportOptions { lang: dossier::Lang::En, ..Default::default() };

    let mut g = c.benchmark_group("exchange_10000");
    g.sample_size(10).measurement_time(Duration::from_secs(20)).warm_up_time(Duration::from_millis(100));
    let mut k = 0;
    g.bench_function(BenchmarkId::new("import_csv", N), |b| {
        b.iter_batched(
            || {
                k += 1;
                Dossier::create(&dir.path().join(format!("import-{k}.dossier")), PASS).expect("create")
            },
            |mut d| {
                let r = exchange::import_spreadsheet(&mut d, &csv, &opts).expect("import");
                assert_eq!(r.summary.create, N);
                d
            },
            criterion::BatchSize::PerIteration,
        )
    });

    // A dossier of 10,000 detainees (the fictional sample plus synthetic people).
    let mut d = Dossier::create(&dir.path().join("export.dossier"), PASS).expect("create");
    dossier::demo::fill(&mut d, (N - 24) as u32).expect("fill");
    let out = dir.path().join("out");
    g.bench_function(BenchmarkId::new("export_csv", N), |b| {
        b.iter(|| exchange::export_csv(&d, RecordKind::Detainee, &out.with_extension("csv"), false, true).expect("csv"))
    });
    g.bench_function(BenchmarkId::new("export_xlsx", N), |b| {
        b.iter(|| exchange::export_xlsx(&d, &out.with_extension("xlsx"), dossier::Lang::Fr, true).expect("xlsx"))
    });
    g.bench_function(BenchmarkId::new("export_json", N), |b| {
        b.iter(|| {
            exchange::export_json(&d, &out.with_extension("json"), true, exchange::Seal::Plaintext).expect("json")
        })
    });
    g.finish();
}

criterion_group!(benches, exchange);
criterion_main!(benches);
