//! Crash safety: a child process commits records in a loop and is killed with SIGKILL at a random point; the
//! dossier must then open, pass every integrity check and hold every change whose commit was acknowledged.
//! `CRASH_CYCLES` sets the number of kill cycles (30 by default; `scripts/soak` runs 1,000), `CRASH_SEED` the seed.

use std::io::{BufRead, BufReader};
use std::process::Stdio;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use dossier::model::Detainee;
use dossier::Dossier;

use crate::util::*;

/// xorshift64*: enough randomness for kill timings, reproducible from the printed seed.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) % n.max(1)
    }
}

#[test]
fn sigkill_at_random_points_loses_no_acknowledged_commit() {
    let cycles: u64 = std::env::var("CRASH_CYCLES").ok().and_then(|v| v.parse().ok()).unwrap_or(30);
    let seed: u64 = std::env::var("CRASH_SEED").ok().and_then(|v| v.parse().ok()).unwrap_or_else(|| {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos() as u64 | 1
    });
    eprintln!("crash harness: {cycles} cycles, CRASH_SEED={seed}");
    let mut rng = Rng(seed);
    let env = Env::init();
    let started = Instant::now();
    let (mut total_acked, mut during_open, mut max_in_cycle) = (0usize, 0u64, 0usize);
    for cycle in 0..cycles {
        let mut child = env.cmd(&["crash-workload"]).stdout(Stdio::piped()).stderr(Stdio::null()).spawn().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = mpsc::channel::<String>();
        // Only complete lines count: a line is written after its commit returned.
        let reader = std::thread::spawn(move || {
            let mut r = BufReader::new(stdout);
            let mut line = String::new();
            while r.read_line(&mut line).unwrap_or(0) > 0 {
                if line.ends_with('\n') && tx.send(line.trim().to_owned()).is_err() {
                    break;
                }
                line.clear();
            }
        });
        // One kill in five lands at a random time from the start (often while opening: key derivation, WAL
        // recovery, migrations); the others at a random time after the first acknowledged commit.
        if rng.below(5) == 0 {
            std::thread::sleep(Duration::from_millis(rng.below(400)));
        } else {
            let _ = rx.recv_timeout(Duration::from_secs(20));
            std::thread::sleep(Duration::from_micros(rng.below(150_000)));
        }
        child.kill().expect("SIGKILL"); // Child::kill sends SIGKILL on Unix
        let status = child.wait().unwrap();
        reader.join().unwrap();
        let acked: Vec<String> = rx.try_iter().collect();
        if acked.is_empty() {
            during_open += 1;
        }
        assert!(!status.success(), "cycle {cycle}: the workload was killed, not finished");
        total_acked += acked.len();
        max_in_cycle = max_in_cycle.max(acked.len());

        let d = Dossier::open(&env.db, PASS).unwrap_or_else(|e| panic!("cycle {cycle} (seed {seed}): reopen: {e}"));
        let report = d.check().unwrap();
        assert!(report.is_ok(), "cycle {cycle} (seed {seed}): {:?}", report.problems());
        for id in &acked {
            let id = id.parse().unwrap_or_else(|_| panic!("cycle {cycle}: bad line {id:?}"));
            d.get::<Detainee>(id)
                .unwrap_or_else(|e| panic!("cycle {cycle} (seed {seed}): acknowledged {id} lost: {e}"));
        }
        let count = d.counts().unwrap().detainees as usize;
        assert!(count >= total_acked, "cycle {cycle}: {count} detainees stored, {total_acked} acknowledged");
    }
    let secs = started.elapsed().as_secs_f64();
    eprintln!(
        "crash harness: {cycles} SIGKILL cycles in {secs:.0} s, {total_acked} acknowledged commits all present \
         (up to {max_in_cycle} per cycle; {during_open} kills before the first commit), integrity ok every time"
    );
}
