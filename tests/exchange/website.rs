//! The website feed: public and consented items only, proven with a canary in every private place.

use super::*;

const CANARY: &str = "PRIVATE-CANARY-7d1f";

#[test]
fn website_feed_holds_nothing_private() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = new_dossier(dir.path(), "w.dossier");
    let c = |s: &str| format!("{s} {CANARY}");
    // A public person with private items full of the canary.
    let mut p = Detainee::new("Aram Publicyan", Category::PrisonerOfWar);
    p.name_hy = Some(c("Արամ"));
    p.other_names = vec![c("Other")];
    p.birth_place = Some(c("Birthplace"));
    p.bio_en = Some("Public biography (fictional).".into());
    p.bio_fr = Some("Biographie publique (fictive).".into());
    p.circumstances = Some(c("Circumstances"));
    p.notes = Some(c("Notes"));
    p.captured = "2020-11-12".parse().ok();
    p.disclosure.insert(PublicItem::Name, Disclosure::PUBLIC);
    p.disclosure.insert(PublicItem::Biography, Disclosure::PUBLIC);
    p.disclosure.insert(PublicItem::Capture, Disclosure::PUBLIC);
    // Public but not consented: stays out.
    p.disclosure.insert(PublicItem::Circumstances, Disclosure { public: true, consent: Consent::Unknown });
    p.disclosure.insert(PublicItem::NameHy, Disclosure { public: true, consent: Consent::Withdrawn });
    let public_id = d.insert(p).unwrap().id;
    d.insert(Contact {
        detainee_id: public_id,
        name: c("Family"),
        relation: Some(c("sister")),
        phone: Some("+374 11 22 33".into()),
        email: Some("canary@example.invalid".into()),
        address: Some(c("Address")),
        languages: vec![],
        notes: Some(c("contact notes")),
    })
    .unwrap();
    // Photos: one public and consented, one public without consent, one private.
    let img = dir.path().join("p.jpg");
    write(&img, &jpeg_with_exif(1200, 900, CANARY));
    let ok_photo = d.add_photo(public_id, &img, Disclosure::PUBLIC).unwrap().id;
    let no_consent = d.add_photo(public_id, &img, Disclosure { public: true, consent: Consent::Refused }).unwrap().id;
    let private = d.add_photo(public_id, &img, Disclosure::default()).unwrap().id;
    // A person whose name is not public: absent altogether, with their photo.
    let mut hidden = Detainee::new(c("Hidden"), Category::Civilian);
    hidden.disclosure.insert(PublicItem::Biography, Disclosure::PUBLIC);
    hidden.bio_en = Some(c("bio"));
    let hidden_id = d.insert(hidden).unwrap().id;
    let hidden_photo = d.add_photo(hidden_id, &img, Disclosure::PUBLIC).unwrap().id;
    // Sponsors: a signed one with the logo commitment (public), a prospect and one without the commitment.
    let logo = dir.path().join("logo.png");
    write(&logo, &png_with_text(600, CANARY));
    let mut s = Sponsor::new("Ville de Fictiveville", SponsorKind::City);
    s.address = Some(c("address"));
    s.notes = Some(c("notes"));
    s.signatory = Some(dossier::model::Signatory { name: c("Mayor"), title: None });
    s.contacts = vec![dossier::model::ContactPerson { name: c("Contact"), role: None, email: None, phone: None }];
    let signed = d.add_sponsor(s, Some(&logo)).unwrap().id;
    let mut sp = Sponsorship::new(signed, Some(public_id));
    sp.stage = Stage::Signed;
    sp.commitments = dossier::model::parse_commitments("logo,banner").unwrap();
    sp.notes = Some(c("sponsorship notes"));
    d.insert(sp).unwrap();
    let mut sp = Sponsorship::new(signed, Some(hidden_id));
    sp.stage = Stage::Active;
    sp.commitments = dossier::model::parse_commitments("logo").unwrap();
    d.insert(sp).unwrap();
    let prospect = d.add_sponsor(Sponsor::new(c("Prospect"), SponsorKind::Ngo), Some(&logo)).unwrap().id;
    let mut sp = Sponsorship::new(prospect, None);
    sp.commitments = dossier::model::parse_commitments("logo").unwrap();
    d.insert(sp).unwrap();
    let no_logo = d.insert(Sponsor::new(c("No logo commitment"), SponsorKind::Person)).unwrap().id;
    let mut sp = Sponsorship::new(no_logo, None);
    sp.stage = Stage::Active;
    sp.commitments = dossier::model::parse_commitments("lobbying").unwrap();
    d.insert(sp).unwrap();

    let out = dir.path().join("site");
    let feed = exchange::export_website(&d, &out).unwrap();
    assert_eq!(feed.detainees.len(), 1);
    assert_eq!(feed.sponsors.len(), 1);
    assert_eq!(feed.sponsors[0].detainees, vec![public_id], "the hidden person is not revealed through a sponsor");
    let mut files = vec![];
    let mut stack = vec![out.clone()];
    while let Some(p) = stack.pop() {
        for e in std::fs::read_dir(&p).unwrap() {
            let e = e.unwrap().path();
            if e.is_dir() {
                stack.push(e);
            } else {
                files.push(e);
            }
        }
    }
    for f in &files {
        let bytes = std::fs::read(f).unwrap();
        assert!(!contains(&bytes, CANARY.as_bytes()), "{} leaks private data", f.display());
        for private in ["canary@example.invalid", "+374 11 22 33", &hidden_id.to_string(), &prospect.to_string()] {
            assert!(!contains(&bytes, private.as_bytes()), "{} leaks {private}", f.display());
        }
        for photo in [no_consent, private, hidden_photo] {
            assert!(!f.to_string_lossy().contains(&photo.to_string()), "{} must not be published", f.display());
        }
    }
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(out.join("feed.json")).unwrap()).unwrap();
    let person = &json["detainees"][0];
    assert_eq!(person["name"], "Aram Publicyan");
    assert_eq!(person["bio_en"], "Public biography (fictional).");
    assert!(person.get("circumstances").is_none() && person.get("name_hy").is_none() && person.get("notes").is_none());
    assert_eq!(person["photos"].as_array().unwrap().len(), 1);
    let web = image::open(out.join(format!("images/{ok_photo}.jpg"))).unwrap();
    assert!(web.width().max(web.height()) <= 800, "web-sized");
    assert!(out.join(format!("logos/{signed}.png")).is_file());
    assert_eq!(files.len(), 3, "feed.json, one photo, one logo: {files:?}");

    // Withdrawing consent and exporting again removes the photo from the folder.
    d.edit::<dossier::model::Media>(ok_photo, &[("consent".into(), "withdrawn".into())]).unwrap();
    exchange::export_website(&d, &out).unwrap();
    assert!(!out.join(format!("images/{ok_photo}.jpg")).exists());
    // A folder holding anything else is never overwritten.
    let other = dir.path().join("documents");
    std::fs::create_dir(&other).unwrap();
    write(&other.join("precious.txt"), b"keep");
    assert_eq!(exchange::export_website(&d, &other).unwrap_err().code(), "not_empty");
    assert_eq!(std::fs::read(other.join("precious.txt")).unwrap(), b"keep");
}
