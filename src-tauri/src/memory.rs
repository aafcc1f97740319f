//! Giving memory back to the system when the app is left alone (`Shell::rest_if_idle`, checked every second by the
//! shell's background thread, after `state::REST_AFTER` without activity).
//!
//! Two things keep memory after work is done. SQLite keeps up to 32 MiB of decrypted pages per connection
//! (`Dossier::release_memory` frees them; the next query reads them again). And glibc's allocator keeps what a
//! command freed in its arenas, most of it in the per-thread arenas of the blocking pool, which it trims far less
//! eagerly than the main heap; `malloc_trim` returns those free pages. At 10,000 people the app's process held
//! 11 MB of page cache and some 8 MB of free arena pages at rest on the dashboard.

#[cfg(all(target_os = "linux", target_env = "gnu"))]
pub fn trim() {
    // SAFETY: `malloc_trim` only walks glibc's own arenas under their locks; it takes no pointer from us.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// Other allocators (macOS, Windows, musl) return memory by themselves.
#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
pub fn trim() {}
