#![no_main]

#[path = "../harness.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    // `media::import_bytes` decodes under `catch_unwind` on purpose (a decoder panic is a refused photo).
    // libfuzzer-sys's panic hook would abort on such a contained panic; print it instead. A panic that escapes
    // `import_bytes` still aborts: libfuzzer-sys catches it around this closure.
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(|| {
        std::panic::set_hook(Box::new(|info| eprintln!("contained panic (image decoder): {info}")));
    });
    harness::photo_import(data)
});
