//! The random three-replica property test (edit scripts delivered duplicated, reordered, delayed) and the
//! regressions it found, each replayed literally.

use super::*;

/// The record kinds the scripts write: detainees, their family contacts (the most sensitive data), sponsors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum K {
    Detainee,
    Contact,
    Sponsor,
}

impl K {
    fn fields(self) -> [&'static str; 3] {
        match self {
            K::Detainee => FIELDS,
            K::Contact => ["relation", "address", "notes"],
            K::Sponsor => ["city", "address", "notes"],
        }
    }
}

#[derive(Debug, Clone)]
enum Op {
    /// A detainee (the first three as the first scripts were written).
    Create(usize),
    Edit {
        dev: usize,
        rec: usize,
        field: usize,
    },
    Delete {
        dev: usize,
        rec: usize,
    },
    CreateOf {
        dev: usize,
        kind: K,
    },
    EditOf {
        dev: usize,
        kind: K,
        rec: usize,
        field: usize,
    },
    DeleteOf {
        dev: usize,
        kind: K,
        rec: usize,
    },
    /// A photo of the first detainee (its blob may travel later than the change naming it).
    Photo {
        dev: usize,
    },
}

#[derive(Debug, Clone)]
enum Step {
    /// Copy one file (by index) from a replica's folder to another's.
    Deliver {
        from: usize,
        to: usize,
        file: usize,
    },
    Sync(usize),
}

fn kind() -> impl Strategy<Value = K> {
    prop_oneof![Just(K::Detainee), Just(K::Contact), Just(K::Sponsor)]
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        1 => (0..3usize).prop_map(Op::Create),
        4 => (0..3usize, 0..8usize, 0..3usize).prop_map(|(dev, rec, field)| Op::Edit { dev, rec, field }),
        1 => (0..3usize, 0..8usize).prop_map(|(dev, rec)| Op::Delete { dev, rec }),
        1 => (0..3usize, kind()).prop_map(|(dev, kind)| Op::CreateOf { dev, kind }),
        4 => (0..3usize, kind(), 0..8usize, 0..3usize).prop_map(|(dev, kind, rec, field)| Op::EditOf { dev, kind, rec, field }),
        1 => (0..3usize, kind(), 0..8usize).prop_map(|(dev, kind, rec)| Op::DeleteOf { dev, kind, rec }),
        1 => (0..3usize).prop_map(|dev| Op::Photo { dev }),
    ]
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        3 => (0..3usize, 0..3usize, 0..64usize).prop_map(|(from, to, file)| Step::Deliver { from, to, file }),
        1 => (0..3usize).prop_map(Step::Sync),
    ]
}

/// What each (record, field) must show: the set of values not superseded (one: settled; more: a conflict).
#[derive(Default)]
struct Oracle {
    fields: BTreeMap<(K, Uuid, String), BTreeSet<String>>,
    /// Per record: the set of concurrent outcomes (true: kept by an edit, false: deleted).
    live: BTreeMap<(K, Uuid), BTreeSet<(bool, usize)>>,
    /// Photos added, with their stored bytes' SHA-256.
    photos: BTreeMap<Uuid, String>,
}

type Round = (Vec<Op>, Vec<Step>);

/// Every value written by a script starts with this, and every name with [`NAME_CANARY`]: none may appear in
/// plaintext in any folder.
const VALUE_CANARY: &str = "canary-";
const NAME_CANARY: &str = "Canaryname";

fn ids(d: &Dossier, k: K) -> Vec<Uuid> {
    match k {
        K::Detainee => d.list::<Detainee>().unwrap().into_iter().map(|s| s.id).collect(),
        K::Contact => d.list::<Contact>().unwrap().into_iter().map(|s| s.id).collect(),
        K::Sponsor => d.list::<Sponsor>().unwrap().into_iter().map(|s| s.id).collect(),
    }
}

fn json_of(d: &Dossier, k: K, id: Uuid) -> Option<serde_json::Value> {
    let v = match k {
        K::Detainee => serde_json::to_value(d.get::<Detainee>(id).ok()?.data),
        K::Contact => serde_json::to_value(d.get::<Contact>(id).ok()?.data),
        K::Sponsor => serde_json::to_value(d.get::<Sponsor>(id).ok()?.data),
    };
    Some(v.unwrap())
}

fn field_of(d: &Dossier, k: K, id: Uuid, f: &str) -> Option<String> {
    json_of(d, k, id)?.get(f).and_then(|v| v.as_str()).map(str::to_owned)
}

fn create(d: &mut Dossier, k: K, n: usize, first: Uuid) -> Uuid {
    match k {
        K::Detainee => d.insert(Detainee::new(format!("{NAME_CANARY} Person {n}"), Category::Civilian)).unwrap().id,
        K::Contact => {
            let c: Contact = serde_json::from_value(serde_json::json!({
                "detainee_id": first, "name": format!("{NAME_CANARY} Relative {n}"), "phone": "+374 10 00 00 00"
            }))
            .unwrap();
            d.insert(c).unwrap().id
        }
        K::Sponsor => d.insert(Sponsor::new(format!("{NAME_CANARY} Sponsor {n}"), SponsorKind::City)).unwrap().id,
    }
}

fn edit(d: &mut Dossier, k: K, id: Uuid, f: &str, v: &str) {
    let sets = [(f.to_owned(), v.to_owned())];
    match k {
        K::Detainee => d.edit::<Detainee>(id, &sets).map(|_| ()),
        K::Contact => d.edit::<Contact>(id, &sets).map(|_| ()),
        K::Sponsor => d.edit::<Sponsor>(id, &sets).map(|_| ()),
    }
    .unwrap()
}

fn delete(d: &mut Dossier, k: K, id: Uuid) {
    match k {
        K::Detainee => d.delete::<Detainee>(id),
        K::Contact => d.delete::<Contact>(id),
        K::Sponsor => d.delete::<Sponsor>(id),
    }
    .unwrap();
}

/// A small JPEG, different for every `n`.
fn photo_file(dir: &Path, n: usize) -> PathBuf {
    let img =
        image::RgbImage::from_fn(24, 16, |x, y| image::Rgb([(x * 9) as u8, (y * 13) as u8, (n * 37 % 256) as u8]));
    let mut bytes = vec![];
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, 90).encode_image(&img).unwrap();
    let path = dir.join(format!("photo-{n}.jpg"));
    std::fs::write(&path, bytes).unwrap();
    path
}

/// Runs one edit script on three fresh replicas and checks convergence and the oracle after every round.
///
/// The first detainee holds the contacts and photos and is never deleted: a detainee deleted while another device
/// adds a contact or photo to it is *held* (ARCHITECTURE.md, "Sharing"), which this oracle does not model; the
/// scripted tests in `share/mod.rs` cover both decisions on a held record.
fn run_script(rounds: Vec<Round>) -> Result<(), TestCaseError> {
    let dir = tempfile::tempdir().unwrap();
    let mut rs = three(dir.path());
    let mut oracle = Oracle::default();
    let first = rs[0].d.list::<Detainee>().unwrap()[0].id;
    oracle.live.insert((K::Detainee, first), BTreeSet::from([(true, 0)]));
    let mut counter = 0;
    for (ops, steps) in rounds {
        // Per device, its last value of each field and its last action on each record in this round.
        let mut last: BTreeMap<(K, Uuid, String), BTreeMap<usize, String>> = BTreeMap::new();
        let mut touched: BTreeMap<(K, Uuid), BTreeMap<usize, bool>> = BTreeMap::new();
        for op in ops {
            let op = match op {
                Op::Create(dev) => Op::CreateOf { dev, kind: K::Detainee },
                Op::Edit { dev, rec, field } => Op::EditOf { dev, kind: K::Detainee, rec, field },
                Op::Delete { dev, rec } => Op::DeleteOf { dev, kind: K::Detainee, rec },
                other => other,
            };
            counter += 1;
            match op {
                Op::CreateOf { dev, kind } => {
                    let id = create(&mut rs[dev].d, kind, counter, first);
                    oracle.live.insert((kind, id), BTreeSet::from([(true, dev)]));
                }
                Op::EditOf { dev, kind, rec, field } => {
                    let list = ids(&rs[dev].d, kind);
                    if list.is_empty() {
                        continue;
                    }
                    let id = list[rec % list.len()];
                    let (f, v) = (kind.fields()[field], format!("{VALUE_CANARY}{counter}"));
                    edit(&mut rs[dev].d, kind, id, f, &v);
                    last.entry((kind, id, f.into())).or_default().insert(dev, v);
                    touched.entry((kind, id)).or_default().insert(dev, true);
                }
                Op::DeleteOf { dev, kind, rec } => {
                    let list: Vec<Uuid> = ids(&rs[dev].d, kind).into_iter().filter(|i| *i != first).collect();
                    if list.is_empty() {
                        continue;
                    }
                    let id = list[rec % list.len()];
                    delete(&mut rs[dev].d, kind, id);
                    touched.entry((kind, id)).or_default().insert(dev, false);
                }
                Op::Photo { dev } => {
                    let m = rs[dev].d.add_photo(first, &photo_file(dir.path(), counter), Disclosure::PUBLIC).unwrap();
                    oracle.photos.insert(m.id, m.data.sha256.clone());
                }
                Op::Create(_) | Op::Edit { .. } | Op::Delete { .. } => unreachable!(),
            }
        }
        for r in rs.iter_mut() {
            share::sync(&mut r.d).unwrap();
        }
        for s in steps {
            match s {
                Step::Deliver { from, to, file } => {
                    let fs = files(&rs[from].folder);
                    if from != to && !fs.is_empty() {
                        let f = &fs[file % fs.len()];
                        copy_file(&rs[from].folder.clone(), f, &rs[to].folder.clone());
                    }
                }
                Step::Sync(i) => {
                    // Applying twice is harmless: the same files again change nothing.
                    share::sync(&mut rs[i].d).unwrap();
                    share::sync(&mut rs[i].d).unwrap();
                }
            }
        }
        deliver_everything(&mut rs);
        for (key, per_dev) in last {
            oracle.fields.insert(key, per_dev.into_values().collect());
        }
        for (key, per_dev) in touched {
            oracle.live.insert(key, per_dev.into_iter().map(|(d, k)| (k, d)).collect());
        }
        assert_converged(&rs);
        // Check the oracle on one replica (they are equal).
        let d = &rs[0].d;
        let conflicts = share::conflicts(d).unwrap();
        let mut expected = 0;
        for ((k, id), live) in &oracle.live {
            let kept = live.iter().any(|(k, _)| *k);
            prop_assert_eq!(json_of(d, *k, *id).is_some(), kept, "{:?} {} presence", k, id);
            let kinds: BTreeSet<bool> = live.iter().map(|(k, _)| *k).collect();
            let n = conflicts.iter().filter(|c| c.record_id == *id && c.field == "(record)").count();
            prop_assert_eq!(n, usize::from(kinds.len() == 2), "edit/delete conflict on {:?} {}", k, id);
            expected += usize::from(kinds.len() == 2);
        }
        for ((k, id, f), values) in &oracle.fields {
            if json_of(d, *k, *id).is_none() {
                continue;
            }
            let shown: Vec<_> = conflicts.iter().filter(|c| c.record_id == *id && &c.field == f).collect();
            let now = field_of(d, *k, *id, f).unwrap();
            prop_assert!(values.contains(&now), "{} holds {} not among {:?}", f, now, values);
            if values.len() > 1 {
                prop_assert_eq!(shown.len(), 1, "one conflict for {}", f);
                let got: BTreeSet<String> =
                    shown[0].values.iter().map(|v| v.value.as_str().unwrap().to_owned()).collect();
                prop_assert_eq!(&got, values);
                expected += 1;
            } else {
                prop_assert!(shown.is_empty(), "no conflict for {}", f);
            }
        }
        prop_assert_eq!(conflicts.len(), expected, "{:?}", conflicts);
        // Every photo arrived whole (its blob followed it), on every replica.
        for r in &rs {
            for (id, sha) in &oracle.photos {
                let bytes = r.d.media_bytes(*id).unwrap();
                prop_assert_eq!(&hex_sha256(&bytes), sha, "photo {} complete", id);
            }
        }
    }
    // Nothing written appears in plaintext in any folder: values, names, photos.
    let mut needles = vec![VALUE_CANARY.as_bytes().to_vec(), NAME_CANARY.as_bytes().to_vec()];
    for id in oracle.photos.keys() {
        let p = rs[0].d.media_bytes(*id).unwrap();
        needles.push(p[p.len() / 2..p.len() / 2 + 32].to_vec());
    }
    for r in &rs {
        for f in files(&r.folder) {
            let bytes = std::fs::read(&f).unwrap();
            for needle in &needles {
                prop_assert!(!bytes.windows(needle.len()).any(|w| w == &needle[..]), "plaintext in {}", f.display());
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 32,
        max_shrink_iters: 200,
        // Beside this file (the default looks for a lib.rs next to it, finds none, and keeps nothing).
        failure_persistence: Some(Box::new(proptest::test_runner::FileFailurePersistence::Direct(
            concat!(env!("CARGO_MANIFEST_DIR"), "/tests/share/property.proptest-regressions")
        ))),
        ..ProptestConfig::default()
    })]
    #[test]
    fn three_replicas_converge_with_no_lost_edit_and_every_conflict_shown_once(
        rounds in proptest::collection::vec((proptest::collection::vec(op(), 1..8), proptest::collection::vec(step(), 0..14)), 1..4)
    ) {
        run_script(rounds)?;
    }
}

/// The bug: a device deleting a record that an earlier, unresolved edit-against-delete conflict had kept wrote no
/// deletion of its own. Automerge 0.12 turns a `put` of the value a multi-valued key's winner already holds into a
/// deletion of the *other* values only; the delete put `live = false`, equal to the earlier delete's winning
/// `false`, so it only removed the edit's value. Locally the record looked deleted, but the change said nothing a
/// concurrent edit could conflict with: that edit superseded the old `false`, and every replica kept the record
/// with no conflict — the second delete was lost and nobody was asked. Found by the random three-replica property
/// test in CI (expected 1 edit/delete conflict, got 0; the shrunk case is replayed below). Fixed by writing every
/// `live` value, and every resolution, distinct from all the key's current values (`doc::put_distinct`).
#[test]
fn regression_a_delete_of_a_record_kept_by_an_open_edit_delete_conflict_was_lost_without_a_conflict() {
    let dir = tempfile::tempdir().unwrap();
    let mut rs = three(dir.path());
    let id = rs[0].d.list::<Detainee>().unwrap()[0].id;
    // B edits then deletes (its delete has the higher op counter: it wins `live`); A edits meanwhile.
    rs[1].d.edit::<Detainee>(id, &[("role".into(), "b edit".into())]).unwrap();
    rs[1].d.delete::<Detainee>(id).unwrap();
    rs[0].d.edit::<Detainee>(id, &[("unit".into(), "a edit".into())]).unwrap();
    deliver_everything(&mut rs);
    assert_converged(&rs);
    assert_eq!(share::conflicts(&rs[0].d).unwrap().iter().filter(|c| c.field == "(record)").count(), 1);
    // Now A deletes the record the conflict kept, while B edits it again.
    rs[0].d.delete::<Detainee>(id).unwrap();
    rs[1].d.edit::<Detainee>(id, &[("rank".into(), "b again".into())]).unwrap();
    deliver_everything(&mut rs);
    assert_converged(&rs);
    let cs = share::conflicts(&rs[2].d).unwrap();
    let record: Vec<_> = cs.iter().filter(|c| c.field == "(record)" && c.record_id == id).collect();
    assert_eq!(record.len(), 1, "A's delete against B's edit is one conflict: {cs:?}");
    let shown: BTreeSet<String> = record[0].values.iter().map(|v| v.value.as_str().unwrap().to_owned()).collect();
    assert_eq!(shown, BTreeSet::from(["kept".to_owned(), "deleted".to_owned()]));
    assert!(rs[2].d.get::<Detainee>(id).is_ok(), "the record waits, restorable");
}

/// The shrunk case the property test found (see the regression above), replayed as it was generated.
#[test]
fn regression_edit_delete_script_found_by_the_property_test() {
    use Op::*;
    use Step::*;
    let rounds = vec![
        (
            vec![Edit { dev: 1, rec: 0, field: 0 }, Edit { dev: 0, rec: 1, field: 2 }, Delete { dev: 1, rec: 1 }],
            vec![Deliver { from: 2, to: 2, file: 40 }, Deliver { from: 1, to: 1, file: 4 }],
        ),
        (
            vec![
                Edit { dev: 1, rec: 5, field: 2 },
                Delete { dev: 0, rec: 4 },
                Edit { dev: 1, rec: 7, field: 1 },
                Edit { dev: 2, rec: 2, field: 2 },
            ],
            vec![
                Sync(2),
                Deliver { from: 0, to: 1, file: 46 },
                Deliver { from: 1, to: 2, file: 5 },
                Sync(0),
                Sync(0),
                Deliver { from: 2, to: 1, file: 15 },
                Deliver { from: 1, to: 0, file: 23 },
                Deliver { from: 2, to: 1, file: 6 },
            ],
        ),
    ];
    run_script(rounds).unwrap();
}

// ---------------------------------------------------------------------------------------------------------------
// The command line, each replica its own process.
