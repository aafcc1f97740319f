//! Store hot paths on dossiers of 100 and 10,000 detainees: open (with the key derivation), one page of 50,
//! a search, an insert with its history. `scripts/bench` prints the medians.

use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use dossier::model::{Category, Detainee, PartialDate};
use dossier::store::DetaineeFilter;
use dossier::Dossier;

const PASS: &str = "benchmark passphrase";

fn dossier_of(dir: &std::path::Path, n: u32) -> std::path::PathBuf {
    let path = dir.join(format!("bench-{n}.dossier"));
    let mut d = Dossier::create(&path, PASS).expect("create");
    // The fictional sample (24 people with photos, sponsors...) plus synthetic people up to `n`.
    dossier::demo::fill(&mut d, n.saturating_sub(24)).expect("fill");
    path
}

fn store(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    for n in [100u32, 10_000] {
        let path = dossier_of(dir.path(), n);
        let mut g = c.benchmark_group(format!("store_{n}"));
        g.sample_size(20).measurement_time(Duration::from_secs(4)).warm_up_time(Duration::from_millis(500));

        g.bench_function(BenchmarkId::new("open", n), |b| b.iter(|| Dossier::open(&path, PASS).expect("open")));

        let mut d = Dossier::open(&path, PASS).expect("open");
        let middle = u64::from(n / 2);
        g.bench_function(BenchmarkId::new("page_50", n), |b| {
            b.iter(|| d.detainees(&DetaineeFilter::default(), middle, 50).expect("page"))
        });
        let filtered = DetaineeFilter { category: Some(Category::Civilian), ..Default::default() };
        g.bench_function(BenchmarkId::new("page_50_category", n), |b| {
            b.iter(|| d.detainees(&filtered, middle / 4, 50).expect("page"))
        });
        g.bench_function(BenchmarkId::new("search", n), |b| b.iter(|| d.search("gevorg nmush", 50).expect("search")));
        g.bench_function(BenchmarkId::new("search_armenian", n), |b| b.iter(|| d.search("Գևորգ", 50).expect("search")));
        let mut k = 0u32;
        g.bench_function(BenchmarkId::new("insert", n), |b| {
            b.iter(|| {
                k += 1;
                let mut p = Detainee::new(format!("Bench Person {k}"), Category::Civilian);
                p.name_hy = Some("Բենչ Անձ".into());
                p.captured = Some(PartialDate::day(chrono::NaiveDate::from_ymd_opt(2021, 3, 4).unwrap()));
                d.insert(p).expect("insert")
            })
        });
        g.finish();
    }
}

criterion_group!(benches, store);
criterion_main!(benches);
