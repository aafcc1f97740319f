//! Quick timing of the hot paths; prints medians. Run in release:
//! `cargo run --release -p libertas-typeset --example bench_typeset`

#[path = "../tests/common/mod.rs"]
mod common;

use std::sync::Arc;
use std::time::{Duration, Instant};

use libertas_typeset::*;

fn median(mut f: impl FnMut(), runs: usize) -> Duration {
    let mut v: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    v.sort();
    v[v.len() / 2]
}

fn main() {
    // Two A4 pages: the agreement without the long table.
    let two = common::sample_document(8);
    let pages = render_with_layout(&two).unwrap().layout.page_count;
    let d = median(
        || {
            render(&two).unwrap();
        },
        15,
    );
    println!("agreement ({pages} pages): median {d:?}");

    let big = common::sample_document(4000);
    let pages = render_with_layout(&big).unwrap().layout.page_count;
    let d = median(
        || {
            render(&big).unwrap();
        },
        5,
    );
    println!("press-kit-sized document ({pages} pages, 4000 table rows): median {d:?}");

    eprintln!("encoding a 24 MP test JPEG (not timed)...");
    let jpg = common::jpeg(6000, 4000);
    let size = jpg.len();
    let d = median(
        || {
            let photo = Arc::new(ImageData::from_bytes(jpg.clone()).unwrap());
            render_canvas(&common::sample_banner(photo)).unwrap();
        },
        5,
    );
    println!("banner 850x2000 mm with a 24 MP JPEG ({:.1} MB, embedded as is): median {d:?}", size as f64 / 1e6);
}
