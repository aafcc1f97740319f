//! Sharing through real Syncthing: three offices and one untrusted relay, all on 127.0.0.1.
//!
//! Four `syncthing` processes (Debian package, installed by `./x`), each with its own `--home`, listening on
//! random free loopback ports, global and local discovery, relays, NAT traversal, usage and crash reporting and
//! upgrades off; the REST API on loopback with a key made here. The offices connect only to the relay, which holds
//! the folder as "untrusted (encrypted)" (`receiveencrypted`; each office sets the same encryption password for it):
//! every file goes through a device that can read neither names nor contents. The dossiers are made and synced by
//! the `dossier` binary, each in its own process; the test waits for the files (no fixed sleeps) and compares the
//! three dossiers' content digests.

use std::collections::BTreeSet;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use dossier::share;
use dossier::Dossier;

const PASS: &str = "correct horse battery";
const FOLDER_ID: &str = "libertas-dossier";
const SYNCTHING: &str = "syncthing";
/// How long Syncthing may take to carry files on a loaded machine.
const PATIENCE: Duration = Duration::from_secs(180);

struct Instance {
    name: &'static str,
    home: PathBuf,
    folder: PathBuf,
    id: String,
    port: u16,
    gui: u16,
    key: String,
    child: Option<Child>,
}

/// The four Syncthing processes; dropping it (also while a failed assertion unwinds) kills them.
struct Cluster {
    nodes: Vec<Instance>,
}

impl Drop for Cluster {
    fn drop(&mut self) {
        for n in &mut self.nodes {
            if let Some(mut c) = n.child.take() {
                let _ = c.kill();
                let _ = c.wait();
            }
        }
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

fn api_key() -> String {
    let mut b = [0u8; 16];
    getrandom::fill(&mut b).unwrap();
    b.iter().map(|x| format!("{x:02x}")).collect()
}

fn generate(home: &Path) -> String {
    let out = Command::new(SYNCTHING)
        .args(["generate", "--no-default-folder"])
        .arg(format!("--home={}", home.display()))
        .output()
        .expect("syncthing is installed (./x installs the Debian package)");
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    text.lines()
        .find_map(|l| l.split("Device ID: ").nth(1))
        .map(|s| s.trim().to_owned())
        .unwrap_or_else(|| panic!("no device id in: {text}"))
}

const RELAY_PASSWORD: &str = "relay-encryption-password-for-the-test";

impl Cluster {
    fn start(dir: &Path) -> Cluster {
        let mut nodes = vec![];
        for name in ["paris", "lyon", "geneva", "relay"] {
            let home = dir.join(format!("st-{name}"));
            let folder = dir.join(format!("folder-{name}"));
            std::fs::create_dir_all(&folder).unwrap();
            let id = generate(&home);
            nodes.push(Instance {
                name,
                home,
                folder,
                id,
                port: free_port(),
                gui: free_port(),
                key: api_key(),
                child: None,
            });
        }
        let mut cluster = Cluster { nodes };
        for i in 0..cluster.nodes.len() {
            let cfg = cluster.config(i);
            std::fs::write(cluster.nodes[i].home.join("config.xml"), cfg).unwrap();
        }
        for n in &mut cluster.nodes {
            let log = std::fs::File::create(n.home.join("out.log")).unwrap();
            let mut cmd = Command::new(SYNCTHING);
            cmd.arg("serve")
                .arg(format!("--home={}", n.home.display()))
                .args(["--no-browser", "--no-restart", "--no-upgrade"])
                .arg(format!("--logfile={}", n.home.join("syncthing.log").display()))
                .env("STNOUPGRADE", "1")
                .env("STNODEFAULTFOLDER", "1")
                .env_remove("all_proxy")
                .stdin(Stdio::null())
                .stdout(log.try_clone().unwrap())
                .stderr(log);
            // Killed with the test process even if it dies without unwinding.
            unsafe {
                cmd.pre_exec(|| {
                    libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
                    Ok(())
                });
            }
            n.child = Some(cmd.spawn().unwrap());
        }
        cluster.wait_connected();
        cluster
    }

    /// The whole config.xml of node `i`: its peers (the relay for an office, the three offices for the relay) and
    /// the folder.
    fn config(&self, i: usize) -> String {
        let me = &self.nodes[i];
        let relay = self.nodes.len() - 1;
        let peers: Vec<usize> = if i == relay { (0..relay).collect() } else { vec![relay] };
        let device = |j: usize| {
            let n = &self.nodes[j];
            format!(
                r#"<device id="{}" name="{}" compression="metadata" introducer="false"><address>tcp://127.0.0.1:{}</address><autoAcceptFolders>false</autoAcceptFolders></device>"#,
                n.id, n.name, n.port
            )
        };
        let devices: String = peers.iter().chain([&i]).map(|&j| device(j)).collect();
        let (kind, members) = if i == relay {
            let m: String =
                peers.iter().chain([&i]).map(|&j| format!(r#"<device id="{}"></device>"#, self.nodes[j].id)).collect();
            ("receiveencrypted", m)
        } else {
            let m = format!(
                r#"<device id="{}"></device><device id="{}"><encryptionPassword>{RELAY_PASSWORD}</encryptionPassword></device>"#,
                me.id, self.nodes[relay].id
            );
            ("sendreceive", m)
        };
        format!(
            r#"<configuration version="36">
    <folder id="{FOLDER_ID}" label="dossier" path="{path}" type="{kind}" rescanIntervalS="3" fsWatcherEnabled="true" fsWatcherDelayS="1">{members}<minDiskFree unit="%">0</minDiskFree></folder>
    {devices}
    <gui enabled="true" tls="false" debugging="false"><address>127.0.0.1:{gui}</address><apikey>{key}</apikey></gui>
    <options>
        <listenAddress>tcp://127.0.0.1:{port}</listenAddress>
        <globalAnnounceEnabled>false</globalAnnounceEnabled>
        <localAnnounceEnabled>false</localAnnounceEnabled>
        <relaysEnabled>false</relaysEnabled>
        <natEnabled>false</natEnabled>
        <urAccepted>-1</urAccepted>
        <urSeen>3</urSeen>
        <autoUpgradeIntervalH>0</autoUpgradeIntervalH>
        <crashReportingEnabled>false</crashReportingEnabled>
        <startBrowser>false</startBrowser>
        <minHomeDiskFree unit="%">0</minHomeDiskFree>
    </options>
</configuration>
"#,
            path = me.folder.display(),
            gui = me.gui,
            key = me.key,
            port = me.port,
        )
    }

    /// GET on node `i`'s REST API (loopback, API key); `None` while it does not answer.
    fn rest(&self, i: usize, path: &str) -> Option<serde_json::Value> {
        use std::io::{Read, Write};
        let n = &self.nodes[i];
        let mut s = std::net::TcpStream::connect(("127.0.0.1", n.gui)).ok()?;
        s.set_read_timeout(Some(Duration::from_secs(10))).ok()?;
        write!(s, "GET {path} HTTP/1.0\r\nHost: 127.0.0.1\r\nX-API-Key: {}\r\n\r\n", n.key).ok()?;
        let mut resp = String::new();
        s.read_to_string(&mut resp).ok()?;
        let (head, body) = resp.split_once("\r\n\r\n")?;
        head.starts_with("HTTP/1.0 200").then_some(()).or_else(|| head.starts_with("HTTP/1.1 200").then_some(()))?;
        serde_json::from_str(body).ok()
    }

    /// Until every office is connected to the relay (as the relay's REST API says).
    fn wait_connected(&self) {
        let relay = self.nodes.len() - 1;
        self.wait("every office connected to the relay", || {
            let Some(c) = self.rest(relay, "/rest/system/connections") else { return false };
            self.nodes[..relay].iter().all(|n| c["connections"][&n.id]["connected"] == true)
        });
    }

    fn wait(&self, what: &str, mut done: impl FnMut() -> bool) {
        let start = Instant::now();
        while !done() {
            if start.elapsed() > PATIENCE {
                for n in &self.nodes {
                    let log = std::fs::read_to_string(n.home.join("syncthing.log")).unwrap_or_default();
                    let tail: Vec<&str> = log.lines().rev().take(15).collect();
                    eprintln!("--- {} ---\n{}", n.name, tail.into_iter().rev().collect::<Vec<_>>().join("\n"));
                }
                panic!("timed out after {PATIENCE:?} waiting for {what}");
            }
            std::thread::sleep(Duration::from_millis(250));
        }
    }

    /// Until the three offices' folders hold the same dossier files (sealed changes and blobs).
    fn wait_same_files(&self) {
        self.wait("the same files in the three offices' folders", || {
            let sets: Vec<BTreeSet<PathBuf>> = self.nodes[..3].iter().map(|n| dossier_files(&n.folder)).collect();
            sets.iter().all(|s| *s == sets[0])
        });
    }
}

/// The dossier's files in a folder (relative paths), without Syncthing's temporary files.
fn dossier_files(folder: &Path) -> BTreeSet<PathBuf> {
    let mut out = BTreeSet::new();
    for dir in std::fs::read_dir(folder).into_iter().flatten().flatten() {
        for f in std::fs::read_dir(dir.path()).into_iter().flatten().flatten() {
            let name = f.file_name().to_string_lossy().into_owned();
            if !name.starts_with('.') && (name.ends_with(".sealed") || name.ends_with(".blob")) {
                out.insert(f.path().strip_prefix(folder).unwrap().to_owned());
            }
        }
    }
    out
}

fn every_file(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            every_file(&p, out);
        } else {
            out.push(p);
        }
    }
}

fn dossier(db: &Path, user: &str, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env("DOSSIER_PASSPHRASE", PASS)
        .env("DOSSIER_USER", user)
        .env("DOSSIER_LANG", "en")
        .env_remove("DOSSIER_DB")
        .output()
        .unwrap();
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn join(db: &Path, user: &str, invite: &Path, code: &str, folder: &Path) {
    let out = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .arg("--db")
        .arg(db)
        .args(["share", "join"])
        .arg(invite)
        .arg("--folder")
        .arg(folder)
        .env("DOSSIER_PASSPHRASE", PASS)
        .env("DOSSIER_USER", user)
        .env("DOSSIER_INVITE_CODE", code)
        .env("DOSSIER_LANG", "en")
        .env_remove("DOSSIER_DB")
        .output()
        .unwrap();
    assert!(out.status.success(), "join: {}", String::from_utf8_lossy(&out.stderr));
}

fn last_line(s: &str) -> String {
    s.lines().last().unwrap().trim().to_owned()
}

const CANARY: &str = "CANARYsyncthing";

#[test]
fn three_dossiers_converge_through_syncthing_and_an_untrusted_relay() {
    let dir = tempfile::tempdir().unwrap();
    let cluster = Cluster::start(dir.path());
    let (paris, lyon, geneva) = (&cluster.nodes[0], &cluster.nodes[1], &cluster.nodes[2]);
    let dbs: Vec<PathBuf> =
        ["paris", "lyon", "geneva"].iter().map(|n| dir.path().join(format!("{n}.dossier"))).collect();
    let users = ["alice", "bob", "carla"];

    // Paris creates the shared dossier; Lyon and Geneva join with invitations handed over outside the folder.
    dossier(&dbs[0], users[0], &["init"]);
    let aram = last_line(&dossier(
        &dbs[0],
        users[0],
        &["detainee", "add", "--name", &format!("{CANARY} Aram"), "--category", "civilian"],
    ));
    dossier(&dbs[0], users[0], &["share", "create", "--folder", paris.folder.to_str().unwrap()]);
    for (k, node) in [(1, lyon), (2, geneva)] {
        let inv = dir.path().join(format!("{}.invite", node.name));
        let code = last_line(&dossier(&dbs[0], users[0], &["share", "invite", "-o", inv.to_str().unwrap()]));
        cluster.wait_same_files();
        join(&dbs[k], users[k], &inv, &code, &node.folder);
    }
    let sync_all = || {
        for (db, user) in dbs.iter().zip(users) {
            dossier(db, user, &["sync"]);
        }
    };
    cluster.wait_same_files();
    sync_all();
    cluster.wait_same_files();
    sync_all();

    // Each office edits: different fields, one same field, a family contact and a photo.
    let set = |k: usize, field: &str, value: &str| {
        dossier(&dbs[k], users[k], &["detainee", "edit", &aram, "--set", &format!("{field}={value}")]);
    };
    set(0, "role", &format!("{CANARY} role from paris"));
    set(1, "role", &format!("{CANARY} role from lyon"));
    set(2, "unit", &format!("{CANARY} unit from geneva"));
    dossier(
        &dbs[1],
        users[1],
        &["contact", "add", "--detainee", &aram, "--name", &format!("{CANARY} Mother"), "--phone", "+374 10 55 66 77"],
    );
    let photo = dir.path().join("photo.jpg");
    let img = image::RgbImage::from_fn(200, 150, |x, y| image::Rgb([(x % 256) as u8, (y % 256) as u8, 77]));
    img.save_with_format(&photo, image::ImageFormat::Jpeg).unwrap();
    dossier(&dbs[2], users[2], &["photo", "add", "--detainee", &aram, photo.to_str().unwrap()]);

    // Sync, let Syncthing carry the files through the relay, sync again, until the three dossiers are equal.
    let digests = || -> Vec<String> {
        dbs.iter().map(|db| share::content_digest(&Dossier::open(db, PASS).unwrap()).unwrap()).collect()
    };
    sync_all();
    let start = Instant::now();
    loop {
        cluster.wait_same_files();
        sync_all();
        let d = digests();
        if d.iter().all(|x| *x == d[0]) {
            break;
        }
        assert!(start.elapsed() < PATIENCE, "the dossiers did not converge: {d:?}");
    }

    for db in &dbs {
        let d = Dossier::open(db, PASS).unwrap();
        assert_eq!(share::rebuild_differences(&d).unwrap(), Vec::<String>::new());
        let conflicts = share::conflicts(&d).unwrap();
        assert_eq!(conflicts.len(), 1, "one conflict (role): {conflicts:?}");
        assert_eq!(conflicts[0].field, "role");
        assert_eq!(d.list::<dossier::model::Contact>().unwrap().len(), 1);
        let photos = d.photos_of(aram.parse().unwrap()).unwrap();
        assert_eq!(photos.len(), 1);
        assert!(!d.media_bytes(photos[0].id).unwrap().is_empty(), "the photo's blob arrived");
    }

    // The relay held the files (the offices are connected to it alone) and can read nothing of them.
    let relay = &cluster.nodes[3];
    let mut held = vec![];
    every_file(&relay.folder, &mut held);
    let held: Vec<PathBuf> = held.into_iter().filter(|p| !p.starts_with(relay.folder.join(".stfolder"))).collect();
    assert!(held.len() >= dossier_files(&paris.folder).len(), "the relay holds every file: {held:?}");
    let ids: Vec<String> =
        dbs.iter().map(|db| share::_device_id(&Dossier::open(db, PASS).unwrap()).unwrap().to_string()).collect();
    for f in &held {
        let name = f.strip_prefix(&relay.folder).unwrap().to_string_lossy().into_owned();
        assert!(!name.contains(".sealed") && !name.contains(".blob"), "names are encrypted: {name}");
        assert!(ids.iter().all(|id| !name.contains(id.as_str())), "no device id in names: {name}");
        let bytes = std::fs::read(f).unwrap();
        for needle in [CANARY.as_bytes(), b"+374 10 55 66 77".as_slice(), b"LDS1".as_slice()] {
            assert!(!bytes.windows(needle.len()).any(|w| w == needle), "plaintext in the relay's {name}");
        }
    }
}
