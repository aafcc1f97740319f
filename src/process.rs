//! What a process holding the dossier's secrets does first: no core dumps.
//!
//! A crash of the command line or the app would otherwise write its memory — the passphrase, the decrypted records,
//! the family contacts — to a core file on disk (or hand it to a crash collector). `harden()` sets the core-file
//! limit to zero and, on Linux, marks the process non-dumpable, which also makes `/proc/PID/environ` and
//! `/proc/PID/mem` readable by root only (not by other programs of the same user). Windows has no core files;
//! its error reporting is left as the system has it.

/// Disables core dumps for this process (and the processes it starts inherit the zero limit). Best effort: a
/// failure is not an error, there is nothing better to do.
pub fn harden() {
    #[cfg(unix)]
    // SAFETY: plain system calls on this process with valid arguments; no memory is shared with them.
    unsafe {
        let zero = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
        libc::setrlimit(libc::RLIMIT_CORE, &zero);
        #[cfg(target_os = "linux")]
        libc::prctl(libc::PR_SET_DUMPABLE, 0, 0, 0, 0);
    }
}

/// For the command line: a closed output pipe (`dossier detainee list | head -3`) ends the program quietly, as it
/// ends `ls` or `grep`, instead of a panic message about a broken pipe. Rust ignores SIGPIPE, so every later
/// `println!` would fail; the default action is restored. Whatever the command was writing to the dossier is in a
/// transaction, which SQLite rolls back if the program ends inside it. Not for the desktop app, which has no pipe.
pub fn quiet_on_closed_pipe() {
    #[cfg(unix)]
    // SAFETY: sets this process's disposition of one signal to the system default.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

/// Whether core dumps are off for this process (for tests and `dossier check`).
pub fn core_dumps_disabled() -> bool {
    #[cfg(unix)]
    // SAFETY: reads this process's limit into a local struct.
    unsafe {
        let mut l = libc::rlimit { rlim_cur: 1, rlim_max: 1 };
        libc::getrlimit(libc::RLIMIT_CORE, &mut l) == 0 && l.rlim_cur == 0
    }
    #[cfg(not(unix))]
    true
}

#[cfg(test)]
mod tests {
    #[test]
    fn harden_turns_core_dumps_off() {
        super::harden();
        assert!(super::core_dumps_disabled(), "a crash must not write the process's memory to disk");
    }
}
