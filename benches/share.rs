//! Sharing: the four figures of issue "One dossier for three offices".
//! - `apply_1000`: a replica applies 1,000 remote changes (one sync; target < 2 s);
//! - `join_10000_1000`: a new device joins a dossier of 10,000 people with 1,000 photos of about 200 KB (opening
//!   the invitation, creating its dossier, applying every change and blob; target < 60 s);
//! - `save_unshared` / `save_shared`: one local save (an edit of one field) in a dossier that does not share and in
//!   one that does: the difference is the added cost of sharing (target < 10 ms); `…_same_record`: the same, saving
//!   one record hundreds of times (its shared document grows with every save, so that is the costly case);
//! - the folder's size against the dossier's (target < 2×), written to `target/criterion/share-sizes.txt` and
//!   printed by `scripts/bench`.

use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use dossier::model::{Category, Detainee, Disclosure};
use dossier::share;
use dossier::Dossier;

const PASS: &str = "benchmark passphrase";

fn dir_size(dir: &Path) -> u64 {
    let mut n = 0;
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        n += if p.is_dir() { dir_size(&p) } else { e.metadata().map(|m| m.len()).unwrap_or(0) };
    }
    n
}

/// A photo of about 200 KB: a drawn gradient with grain (a real photo's noise is what makes JPEGs that size).
fn photo(n: u32) -> Vec<u8> {
    let mut seed = n.wrapping_mul(2654435761) | 1;
    let img = image::RgbImage::from_fn(1000, 750, |x, y| {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        let grain = (seed % 48) as u8;
        image::Rgb([(x / 4) as u8 ^ grain, (y / 3) as u8 ^ grain, ((n * 37) % 256) as u8 ^ grain])
    });
    let mut out = vec![];
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 75).encode_image(&img).unwrap();
    out
}

/// Copies a closed dossier file (its WAL was checkpointed on close) and opens the copy.
fn copy_open(from: &Path, to: &Path) -> Dossier {
    let _ = std::fs::remove_file(to);
    std::fs::copy(from, to).unwrap();
    Dossier::open(to, PASS).unwrap()
}

/// A receiver (closed, to be copied for each run) and the folder where 1,000 changes of another device wait.
fn apply_setup() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("folder");
    let mut a = Dossier::create(&dir.path().join("a.dossier"), PASS).unwrap();
    share::create(&mut a, &folder, "paris").unwrap();
    let (inv, code) = share::invite(&mut a, "lyon").unwrap();
    let b_path = dir.path().join("b.dossier");
    let (b, _) = share::join(&b_path, PASS, &inv, &code, &folder).unwrap();
    drop(b);
    // 1,000 saves on A: 200 people created, then 800 edits of them.
    let mut ids = vec![];
    for i in 0..200 {
        ids.push(a.insert(Detainee::new(format!("Remote Person {i}"), Category::Civilian)).unwrap().id);
    }
    for i in 0..800 {
        a.edit::<Detainee>(ids[i % 200], &[("role".into(), format!("role {i}"))]).unwrap();
    }
    share::sync(&mut a).unwrap();
    let copy = dir.path().join("b-copy.dossier");
    (dir, b_path, copy)
}

// Each benchmark prepares its dossiers only when it runs (`scripts/bench save` does not build the 10,000 people).
fn apply(c: &mut Criterion) {
    let mut state = None;
    let mut g = c.benchmark_group("share");
    g.sample_size(10).measurement_time(Duration::from_secs(20)).warm_up_time(Duration::from_millis(500));
    g.bench_function("apply_1000", |bench| {
        let (_, b_path, copy) = state.get_or_insert_with(apply_setup);
        bench.iter_batched(
            || copy_open(b_path, copy),
            |mut d| {
                let r = share::sync(&mut d).unwrap();
                assert!(r.applied == 1 && r.refused.is_empty() && r.records == 200, "{r:?}");
                d
            },
            BatchSize::PerIteration,
        )
    });
    g.finish();
}

fn save(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let mut g = c.benchmark_group("share");
    g.sample_size(50).measurement_time(Duration::from_secs(5)).warm_up_time(Duration::from_millis(500));
    for shared in [false, true] {
        let mut d = Dossier::create(&dir.path().join(format!("save-{shared}.dossier")), PASS).unwrap();
        dossier::demo::fill(&mut d, 1000).unwrap();
        if shared {
            share::create(&mut d, &dir.path().join("save-folder"), "paris").unwrap();
        }
        let ids: Vec<uuid::Uuid> = d.list::<Detainee>().unwrap().into_iter().map(|s| s.id).collect();
        let mut k = 0usize;
        // One save of one person, a different person each time (each document keeps a few changes, as records do);
        // `_same_record` saves one person again and again (its document grows by one change per save).
        let name = if shared { "save_shared" } else { "save_unshared" };
        g.bench_function(name, |bench| {
            bench.iter(|| {
                k += 1;
                d.edit::<Detainee>(ids[k % ids.len()], &[("role".into(), format!("role {k}"))]).unwrap()
            })
        });
        let one = ids[ids.len() / 2];
        g.bench_function(format!("{name}_same_record"), |bench| {
            bench.iter(|| {
                k += 1;
                d.edit::<Detainee>(one, &[("role".into(), format!("role {k}"))]).unwrap()
            })
        });
    }
    g.finish();
}

/// A dossier of 10,000 people with 1,000 photos, shared: its folder is full.
fn join_setup() -> (tempfile::TempDir, Dossier, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("folder");
    let a_path = dir.path().join("big.dossier");
    let mut a = Dossier::create(&a_path, PASS).unwrap();
    dossier::demo::fill(&mut a, 10_000 - 24).unwrap();
    let people: Vec<uuid::Uuid> = a.list::<Detainee>().unwrap().into_iter().map(|s| s.id).collect();
    let photos = dir.path().join("photos");
    std::fs::create_dir_all(&photos).unwrap();
    let mut total = 0usize;
    for i in 0..1000u32 {
        let bytes = photo(i);
        total += bytes.len();
        let p: PathBuf = photos.join(format!("{i}.jpg"));
        std::fs::write(&p, bytes).unwrap();
        a.add_photo(people[i as usize * 10], &p, Disclosure::PUBLIC).unwrap();
    }
    share::create(&mut a, &folder, "paris").unwrap();
    let dossier_size = std::fs::metadata(&a_path).unwrap().len();
    let folder_size = dir_size(&folder);
    let line = format!(
        "{} photos of {} KB on average; dossier {:.1} MB, folder {:.1} MB: folder/dossier = {:.2}\n",
        1000,
        total / 1000 / 1024,
        dossier_size as f64 / 1e6,
        folder_size as f64 / 1e6,
        folder_size as f64 / dossier_size as f64
    );
    eprint!("{line}");
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/criterion");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("share-sizes.txt"), &line).unwrap();
    (dir, a, folder)
}

fn join(c: &mut Criterion) {
    let mut state = None;
    let mut g = c.benchmark_group("share");
    g.sample_size(10).measurement_time(Duration::from_secs(60)).warm_up_time(Duration::from_millis(1));
    let mut n = 0;
    g.bench_function("join_10000_1000", |bench| {
        let (dir, a, folder) = state.get_or_insert_with(join_setup);
        bench.iter_batched(
            || {
                n += 1;
                let _ = std::fs::remove_file(dir.path().join(format!("joined-{}.dossier", n - 1)));
                let (inv, code) = share::invite(a, &format!("office {n}")).unwrap();
                (inv, code, dir.path().join(format!("joined-{n}.dossier")))
            },
            |(inv, code, path)| {
                let (d, r) = share::join(&path, PASS, &inv, &code, folder).unwrap();
                assert_eq!(r.photos_waiting, 0);
                d
            },
            BatchSize::PerIteration,
        )
    });
    g.finish();
}

criterion_group!(benches, apply, save, join);
criterion_main!(benches);
