//! Writes a sample agreement and a sample roll-up banner.
//! `cargo run -p libertas-typeset --example samples -- [out_dir]` (default: target/typeset-samples)

#[path = "../tests/common/mod.rs"]
mod common;

use std::sync::Arc;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "target/typeset-samples".into());
    std::fs::create_dir_all(&dir)?;
    let doc = common::sample_document(45);
    let r = libertas_typeset::render_with_layout(&doc)?;
    std::fs::write(format!("{dir}/agreement.pdf"), &r.pdf)?;
    println!("agreement.pdf: {} pages, {} bytes, fonts {:?}", r.layout.page_count, r.pdf.len(), r.layout.fonts);
    let photo = Arc::new(libertas_typeset::ImageData::from_bytes(common::jpeg(3000, 4000))?);
    let b = libertas_typeset::render_canvas_with_layout(&common::sample_banner(photo))?;
    std::fs::write(format!("{dir}/banner.pdf"), &b.pdf)?;
    println!("banner.pdf: {} bytes; images {:?}; text boxes {:?}", b.pdf.len(), b.layout.images, b.layout.text_boxes);
    Ok(())
}
