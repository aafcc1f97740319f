//! PDF/X-4 output (ISO 15930-7:2010): what turns the file [`crate::pdf`] writes into one a print
//! shop's preflight can accept.
//!
//! Applied to the lopdf document after the page boxes are set and before streams are compressed:
//!
//! * an OutputIntent (`/S /GTS_PDFX`) whose `/DestOutputProfile` is the caller's CMYK printer
//!   profile (`/N 4`), with `/OutputConditionIdentifier`, `/OutputCondition`, `/RegistryName` and
//!   `/Info`;
//! * colour: under a CMYK output intent, DeviceGray and DeviceCMYK are the printing condition's
//!   own colours, but DeviceRGB is device-dependent and not allowed. So every RGB image gets an
//!   `/ICCBased` colour space — the profile its file carries (JPEG APP2, PNG iCCP) when it is well
//!   formed, else the caller's sRGB profile — and every page's resources get a `/DefaultRGB`
//!   (sRGB) colour space, which remaps whatever else is painted in DeviceRGB (text and vector
//!   colours given as RGB) to a calibrated space (ISO 32000-1, 8.6.5.6). Photos keep their pixels
//!   and their profile; nothing is converted to CMYK here (PDF/X-4 leaves that to the RIP);
//! * a page transparency group blending in DeviceCMYK (the output intent's space) on pages that
//!   paint a soft-masked image, as PDF/X-4 producers write it;
//! * the Info dictionary (`/Title`, `/CreationDate`, `/ModDate`, `/Producer`, `/Creator`,
//!   `/Trapped /False`, `/GTS_PDFXVersion (PDF/X-4)`) and the same facts in an XMP metadata stream
//!   (`pdfxid:GTS_PDFXVersion`, `xmp:CreateDate`/`ModifyDate`/`MetadataDate`, `dc:title`,
//!   `xmpMM:DocumentID`/`InstanceID`/`VersionID`/`RenditionClass`, `pdf:Trapped`), uncompressed
//!   so that tools find it;
//! * a document `/ID` in the trailer, derived (SHA-256) from the title, the date and what the pages
//!   draw, so the same document rendered twice gets the same identifiers.
//!
//! The rest is what this crate always writes: PDF 1.6, every font embedded as a subset with its
//! `/FontFile2`, TrimBox and BleedBox on every page (MediaBox ⊇ BleedBox ⊇ TrimBox), no
//! encryption, no JavaScript, no annotations, no external references.
//!
//! What is checked here: `qpdf --check` and structural tests reading the file back with lopdf
//! (every key above, the boxes, the fonts, the colour spaces of images and pages). No full PDF/X
//! validator (callas pdfToolbox, Acrobat preflight; veraPDF validates PDF/A only) was run.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use lopdf::{Dictionary, Object, ObjectId, Stream, StringFormat};
use sha2::{Digest, Sha256};

use crate::image::{icc_fits, ImageData};
use crate::TypesetError;

/// What a PDF/X-4 file is prepared for: the printing condition (a CMYK ICC output profile and its
/// names in the ICC registry) and the sRGB profile that calibrates RGB content.
#[derive(Debug, Clone, Copy)]
pub struct PdfX<'a> {
    /// The printing condition's ICC profile: an output (`prtr`) profile of CMYK data.
    pub output_profile: &'a [u8],
    /// The condition's reference name in the ICC registry, e.g. `FOGRA39`.
    pub output_condition_identifier: &'a str,
    /// A human-readable description of the printing condition.
    pub output_condition: &'a str,
    /// The registry the identifier belongs to, normally `http://www.color.org`.
    pub registry_name: &'a str,
    /// The output profile's description (what `/Info` of the OutputIntent shows).
    pub info: &'a str,
    /// An RGB (`RGB `) ICC profile, normally sRGB: the colour space of RGB content and of RGB
    /// images that carry no profile of their own.
    pub rgb_profile: &'a [u8],
    /// When the document was made, in seconds since 1970-01-01 UTC (CreationDate, ModDate and
    /// the XMP dates).
    pub created_unix: i64,
    /// The application that made the document (`/Creator`, `xmp:CreatorTool`).
    pub creator: &'a str,
}

const PRODUCER: &str = concat!("libertas-typeset ", env!("CARGO_PKG_VERSION"), " (printpdf, lopdf)");

fn err(m: impl Into<String>) -> TypesetError {
    TypesetError::Pdf(format!("PDF/X: {}", m.into()))
}

/// Makes `lo` a PDF/X-4 file. `images` maps each image XObject's resource name to its image;
/// `masked_pages` are the page object ids that paint a soft-masked image; `fingerprint` digests what the pages
/// draw (see `pdf::fingerprint`).
pub(crate) fn apply(
    lo: &mut lopdf::Document,
    title: &str,
    x: &PdfX<'_>,
    images: &HashMap<String, Arc<ImageData>>,
    masked_pages: &[ObjectId],
    fingerprint: &[u8],
) -> Result<(), TypesetError> {
    let p = x.output_profile;
    if !icc_fits(p, 4) || &p[12..16] != b"prtr" {
        return Err(err("the output profile is not a CMYK output (printer) ICC profile"));
    }
    if !icc_fits(x.rgb_profile, 3) {
        return Err(err("the RGB profile is not an RGB ICC profile"));
    }
    let title = if title.trim().is_empty() { "Untitled" } else { title };

    // The identifiers come from what the pages draw (printpdf's resource names are random, so not from the
    // content streams), the title and the date.
    let page_ids: Vec<ObjectId> = lo.get_pages().values().copied().collect();
    let mut h = Sha256::new();
    h.update(title.as_bytes());
    h.update(x.created_unix.to_be_bytes());
    h.update(fingerprint);
    let digest: [u8; 32] = h.finalize().into();
    let doc_id = &digest[..16];
    let instance_id: [u8; 16] = Sha256::digest([&digest[..], b"instance"].concat())[..16].try_into().unwrap_or([0; 16]);

    // Profiles.
    let icc_stream = |data: &[u8], n: i64, alternate: &str| {
        let mut d = Dictionary::new();
        d.set("N", n);
        d.set("Alternate", Object::Name(alternate.as_bytes().to_vec()));
        Stream::new(d, data.to_vec())
    };
    let mut dest = icc_stream(&[], 4, "DeviceCMYK");
    dest.dict.set("Filter", Object::Name(b"FlateDecode".to_vec()));
    dest.set_content(deflated(p).to_vec());
    let dest = lo.add_object(dest);
    let srgb = lo.add_object(icc_stream(x.rgb_profile, 3, "DeviceRGB"));
    let srgb_cs = Object::Array(vec![Object::Name(b"ICCBased".to_vec()), Object::Reference(srgb)]);

    // RGB images: their own profile or sRGB. Gray and CMYK stay in the output intent's terms.
    let mut rgb_images: Vec<(ObjectId, Arc<ImageData>)> = Vec::new();
    for id in &page_ids {
        let (direct, referenced) = lo.get_page_resources(*id).map_err(|e| err(e.to_string()))?;
        let mut dicts: Vec<&Dictionary> = direct.into_iter().collect();
        dicts.extend(referenced.iter().filter_map(|r| lo.get_dictionary(*r).ok()));
        for res in dicts {
            let xo = match res.get(b"XObject") {
                Ok(Object::Reference(r)) => lo.get_dictionary(*r).map_err(|e| err(e.to_string()))?,
                Ok(o) => o.as_dict().map_err(|e| err(e.to_string()))?,
                Err(_) => continue,
            };
            for (name, obj) in xo.iter() {
                let (Ok(r), Some(img)) = (obj.as_reference(), images.get(&*String::from_utf8_lossy(name))) else {
                    continue;
                };
                if img.components() == 3 && !rgb_images.iter().any(|(seen, _)| *seen == r) {
                    rgb_images.push((r, img.clone()));
                }
            }
        }
    }
    for (r, img) in rgb_images {
        let cs = match img.icc_profile() {
            Some(icc) => Object::Array(vec![
                Object::Name(b"ICCBased".to_vec()),
                Object::Reference(lo.add_object(icc_stream(icc, 3, "DeviceRGB"))),
            ]),
            None => srgb_cs.clone(),
        };
        let st = lo.get_object_mut(r).and_then(Object::as_stream_mut).map_err(|e| err(e.to_string()))?;
        st.dict.set("ColorSpace", cs);
    }

    // DefaultRGB on every page, a CMYK blending space where soft masks are painted.
    for id in &page_ids {
        let res_ref = lo.get_dictionary(*id).ok().and_then(|d| d.get(b"Resources").ok()?.as_reference().ok());
        let res = match res_ref {
            Some(r) => lo.get_dictionary_mut(r),
            None => {
                let page = lo.get_dictionary_mut(*id).map_err(|e| err(e.to_string()))?;
                if !page.has(b"Resources") {
                    page.set("Resources", Dictionary::new());
                }
                page.get_mut(b"Resources").and_then(Object::as_dict_mut)
            }
        }
        .map_err(|e| err(e.to_string()))?;
        let mut cs = match res.get(b"ColorSpace") {
            Ok(Object::Dictionary(d)) => d.clone(),
            _ => Dictionary::new(),
        };
        cs.set("DefaultRGB", srgb_cs.clone());
        res.set("ColorSpace", cs);
        let page = lo.get_dictionary_mut(*id).map_err(|e| err(e.to_string()))?;
        if !page.has(b"BleedBox") {
            if let Ok(m) = page.get(b"MediaBox") {
                let m = m.clone();
                page.set("BleedBox", m);
            }
        }
        if masked_pages.contains(id) {
            let mut g = Dictionary::new();
            g.set("Type", Object::Name(b"Group".to_vec()));
            g.set("S", Object::Name(b"Transparency".to_vec()));
            g.set("CS", Object::Name(b"DeviceCMYK".to_vec()));
            page.set("Group", g);
        }
    }

    // The output intent and the metadata.
    let lit = |s: &str| Object::String(s.as_bytes().to_vec(), StringFormat::Literal);
    let mut intent = Dictionary::new();
    intent.set("Type", Object::Name(b"OutputIntent".to_vec()));
    intent.set("S", Object::Name(b"GTS_PDFX".to_vec()));
    intent.set("OutputConditionIdentifier", lit(x.output_condition_identifier));
    intent.set("OutputCondition", text_string(x.output_condition));
    intent.set("RegistryName", lit(x.registry_name));
    intent.set("Info", text_string(x.info));
    intent.set("DestOutputProfile", Object::Reference(dest));

    let date = Civil::from_unix(x.created_unix);
    let xmp = xmp(title, x.creator, &date, &uuid(doc_id), &uuid(&instance_id));
    let mut md = Dictionary::new();
    md.set("Type", Object::Name(b"Metadata".to_vec()));
    md.set("Subtype", Object::Name(b"XML".to_vec()));
    let metadata = lo.add_object(Stream::new(md, xmp.into_bytes()).with_compression(false));

    let catalog = lo.catalog_mut().map_err(|e| err(e.to_string()))?;
    catalog.set("OutputIntents", Object::Array(vec![Object::Dictionary(intent)]));
    catalog.set("Metadata", Object::Reference(metadata));

    let mut info = Dictionary::new();
    info.set("Title", text_string(title));
    info.set("Creator", text_string(x.creator));
    info.set("Producer", text_string(PRODUCER));
    info.set("CreationDate", lit(&date.pdf()));
    info.set("ModDate", lit(&date.pdf()));
    info.set("Trapped", Object::Name(b"False".to_vec()));
    info.set("GTS_PDFXVersion", lit("PDF/X-4"));
    // printpdf's Info (epoch dates, empty keys) is replaced, not left behind as an orphan object.
    if let Ok(old) = lo.trailer.get(b"Info").and_then(Object::as_reference) {
        lo.objects.remove(&old);
    }
    let info = lo.add_object(info);
    lo.trailer.set("Info", Object::Reference(info));
    let hex = |b: &[u8]| Object::String(b.to_vec(), StringFormat::Hexadecimal);
    lo.trailer.set("ID", Object::Array(vec![hex(doc_id), hex(doc_id)]));
    Ok(())
}

/// The output profile deflated once per process (a quarter of a megabyte that every PDF/X file carries): the
/// cache holds the last few profiles and their compressed bytes, found by content.
fn deflated(profile: &[u8]) -> Arc<Vec<u8>> {
    /// A profile and its deflated bytes.
    type Entry = (Vec<u8>, Arc<Vec<u8>>);
    static CACHE: Mutex<Vec<Entry>> = Mutex::new(Vec::new());
    let mut cache = CACHE.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((_, z)) = cache.iter().find(|(p, _)| p == profile) {
        return z.clone();
    }
    let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::new(6));
    // Writing into a Vec cannot fail.
    let _ = std::io::Write::write_all(&mut e, profile);
    let z = Arc::new(e.finish().unwrap_or_default());
    if cache.len() >= 4 {
        cache.remove(0);
    }
    cache.push((profile.to_vec(), z.clone()));
    z
}

/// A PDF text string: PDFDocEncoding when plain ASCII, else UTF-16BE with its byte-order mark.
fn text_string(s: &str) -> Object {
    if s.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        Object::String(s.as_bytes().to_vec(), StringFormat::Literal)
    } else {
        let mut b = vec![0xFE, 0xFF];
        b.extend(s.encode_utf16().flat_map(u16::to_be_bytes));
        Object::String(b, StringFormat::Hexadecimal)
    }
}

fn uuid(b: &[u8]) -> String {
    let h: String = b.iter().map(|v| format!("{v:02x}")).collect();
    format!("uuid:{}-{}-{}-{}-{}", &h[0..8], &h[8..12], &h[12..16], &h[16..20], &h[20..32])
}

fn xml_escape(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&apos;"),
            // Characters XML 1.0 cannot hold at all.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => o.push(' '),
            c => o.push(c),
        }
    }
    o
}

/// The XMP packet: the Info dictionary's facts, the PDF/X version and the document's identifiers.
fn xmp(title: &str, creator: &str, date: &Civil, doc_id: &str, instance_id: &str) -> String {
    let (t, c, p, d) = (xml_escape(title), xml_escape(creator), xml_escape(PRODUCER), date.xmp());
    let mut s = format!(
        r#"<?xpacket begin="{bom}" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{t}</rdf:li></rdf:Alt></dc:title>
   <xmp:CreateDate>{d}</xmp:CreateDate>
   <xmp:ModifyDate>{d}</xmp:ModifyDate>
   <xmp:MetadataDate>{d}</xmp:MetadataDate>
   <xmp:CreatorTool>{c}</xmp:CreatorTool>
   <pdf:Producer>{p}</pdf:Producer>
   <pdf:Trapped>False</pdf:Trapped>
   <xmpMM:DocumentID>{doc_id}</xmpMM:DocumentID>
   <xmpMM:InstanceID>{instance_id}</xmpMM:InstanceID>
   <xmpMM:VersionID>1</xmpMM:VersionID>
   <xmpMM:RenditionClass>default</xmpMM:RenditionClass>
   <pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
"#,
        bom = '\u{FEFF}'
    );
    // Room for tools that edit the packet in place, as the XMP specification recommends.
    for _ in 0..20 {
        s.push_str(&" ".repeat(99));
        s.push('\n');
    }
    s.push_str(r#"<?xpacket end="w"?>"#);
    s
}

/// A UTC date and time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Civil {
    year: i64,
    month: u32,
    day: u32,
    hour: u32,
    minute: u32,
    second: u32,
}

impl Civil {
    /// Howard Hinnant's `civil_from_days`.
    fn from_unix(t: i64) -> Civil {
        let (days, secs) = (t.div_euclid(86_400), t.rem_euclid(86_400));
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = yoe + era * 400 + i64::from(month <= 2);
        let s = secs as u32;
        Civil { year, month, day, hour: s / 3600, minute: s / 60 % 60, second: s % 60 }
    }

    /// `D:YYYYMMDDHHmmSSZ` (ISO 32000-1, 7.9.4).
    fn pdf(&self) -> String {
        let Civil { year, month, day, hour, minute, second } = *self;
        format!("D:{year:04}{month:02}{day:02}{hour:02}{minute:02}{second:02}Z")
    }

    /// ISO 8601, as XMP dates are written.
    fn xmp(&self) -> String {
        let Civil { year, month, day, hour, minute, second } = *self;
        format!("{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}Z")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates() {
        let c = Civil::from_unix(0);
        assert_eq!((c.pdf(), c.xmp()), ("D:19700101000000Z".into(), "1970-01-01T00:00:00Z".into()));
        // 2024-02-29 23:59:59 UTC, a leap day.
        assert_eq!(Civil::from_unix(1_709_251_199).xmp(), "2024-02-29T23:59:59Z");
        assert_eq!(Civil::from_unix(1_798_761_600).pdf(), "D:20270101000000Z");
        assert_eq!(Civil::from_unix(-1).xmp(), "1969-12-31T23:59:59Z");
    }

    #[test]
    fn xmp_escapes_the_title_and_is_well_formed_around_it() {
        let x = xmp("A & <B> \"c\"", "app", &Civil::from_unix(0), "uuid:1", "uuid:2");
        assert!(x.contains("A &amp; &lt;B&gt; &quot;c&quot;"));
        assert!(!x.contains("<B>"));
        assert!(x.starts_with("<?xpacket begin=\"\u{FEFF}\""));
        assert!(x.ends_with("<?xpacket end=\"w\"?>"));
    }

    #[test]
    fn text_strings_are_ascii_or_utf16() {
        assert_eq!(text_string("abc"), Object::String(b"abc".to_vec(), StringFormat::Literal));
        let Object::String(b, StringFormat::Hexadecimal) = text_string("Ա é") else { panic!() };
        assert_eq!(b, [0xFE, 0xFF, 0x05, 0x31, 0x00, 0x20, 0x00, 0xE9]);
    }
}
