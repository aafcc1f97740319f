#![no_main]
//! A sealed (age) JSON export given to `import`.

#[path = "../harness.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    // The export's images go through `media::import_bytes`, which decodes under `catch_unwind` on purpose (a
    // decoder panic is a refused photo): print such a contained panic instead of aborting, as `photo_import` does.
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(|| {
        std::panic::set_hook(Box::new(|info| eprintln!("contained panic (image decoder): {info}")));
    });
    harness::sealed_export(data)
});
