//! A JPEG rebuilt from the segments its decoder needs, and nothing else.
//!
//! Phones hide personal data in many places of a JPEG: EXIF and XMP blocks (GPS position, owner, device serial),
//! comments, segments between the scans of a progressive image, and whole second images appended after the primary
//! image's end (MPF previews, HDR gain maps), each with its own EXIF. So nothing is removed selectively: the file is
//! walked marker by marker (ITU-T T.81, annex B) and a new one is written from what decoding needs — quantisation
//! and Huffman tables, frame and scan headers with their entropy-coded data byte for byte, restart intervals — up to
//! the primary image's end-of-image marker, where it is cut. Of the application segments only three survive, and
//! only in a minimal form: the JFIF header (without its thumbnail), the Adobe header (it says how CMYK is stored),
//! and a well-formed ICC colour profile (the colours of a wide-gamut phone photo depend on it).
//!
//! Written by hand because no maintained crate does this: `img-parts` (used for PNG) parses segments only up to the
//! first scan and keeps everything after it as opaque bytes, which is how the between-scan and trailing data used
//! to survive; jpegtran-style transcoding through libjpeg rewrites the entropy data, which the documents embed
//! unchanged for print quality. The walk is fuzzed (`photo_import`) and decoded again after cleaning.

use crate::error::ImageProblem;

const SOI: u8 = 0xD8;
const EOI: u8 = 0xD9;
const SOS: u8 = 0xDA;
const APP0: u8 = 0xE0;
const APP2: u8 = 0xE2;
const APP14: u8 = 0xEE;
const TEM: u8 = 0x01;

/// Markers of segments a decoder needs: DQT, DHT, DRI, DAC (arithmetic conditioning), DNL, DHP, EXP, and every
/// start-of-frame (SOF0–SOF15 less the three codes that are DHT, JPG and DAC).
fn needed(marker: u8) -> bool {
    matches!(marker, 0xDB | 0xC4 | 0xDD | 0xCC | 0xDC | 0xDE | 0xDF)
        || (matches!(marker, 0xC0..=0xCF) && !matches!(marker, 0xC4 | 0xC8 | 0xCC))
}

/// The JPEG `bytes` with only what decoding the primary image needs. A file that is not a whole JPEG (no
/// start-of-image, a segment running past the end, no end-of-image after the last scan) is `Corrupt`.
pub fn clean(bytes: &[u8]) -> Result<Vec<u8>, ImageProblem> {
    let corrupt = ImageProblem::Corrupt;
    if !bytes.starts_with(&[0xFF, SOI]) {
        return Err(corrupt);
    }
    let mut jfif: Option<Vec<u8>> = None;
    let mut adobe: Option<Vec<u8>> = None;
    let mut icc: Vec<(u8, u8, &[u8])> = Vec::new();
    let mut body = Vec::with_capacity(bytes.len());
    let mut seen_scan = false;
    let mut pos = 2;
    loop {
        if bytes.get(pos) != Some(&0xFF) {
            return Err(corrupt);
        }
        // Any number of fill bytes may precede a marker.
        while bytes.get(pos) == Some(&0xFF) {
            pos += 1;
        }
        let marker = *bytes.get(pos).ok_or(ImageProblem::Corrupt)?;
        pos += 1;
        match marker {
            EOI if seen_scan => {
                body.extend_from_slice(&[0xFF, EOI]);
                break;
            }
            EOI | SOI | 0x00 => return Err(corrupt),
            // Stand-alone markers carry nothing a decoder needs outside a scan.
            TEM | 0xD0..=0xD7 => continue,
            _ => {}
        }
        let len = usize::from(u16::from_be_bytes([
            *bytes.get(pos).ok_or(ImageProblem::Corrupt)?,
            *bytes.get(pos + 1).ok_or(ImageProblem::Corrupt)?,
        ]));
        let end = pos + len;
        if len < 2 || end > bytes.len() {
            return Err(corrupt);
        }
        let payload = &bytes[pos + 2..end];
        pos = end;
        match marker {
            SOS => {
                seen_scan = true;
                segment(&mut body, marker, payload);
                let data_end = entropy_end(bytes, pos).ok_or(ImageProblem::Corrupt)?;
                body.extend_from_slice(&bytes[pos..data_end]);
                pos = data_end;
            }
            m if needed(m) => segment(&mut body, m, payload),
            // Application segments count only before the first scan; between scans nothing is needed.
            APP0 if !seen_scan && jfif.is_none() && payload.len() >= 14 && payload.starts_with(b"JFIF\0") => {
                // Identifier, version, density units and densities; no thumbnail (its size set to 0 × 0).
                let mut minimal = payload[..12].to_vec();
                minimal.extend_from_slice(&[0, 0]);
                jfif = Some(minimal);
            }
            APP14 if !seen_scan && adobe.is_none() && payload.len() >= 12 && payload.starts_with(b"Adobe") => {
                // Identifier, version, two flag words and the colour transform: what CMYK/YCCK decoding reads.
                adobe = Some(payload[..12].to_vec());
            }
            APP2 if !seen_scan && payload.len() > 14 && payload.starts_with(b"ICC_PROFILE\0") => {
                icc.push((payload[12], payload[13], &payload[14..]));
            }
            _ => {} // APP1 (EXIF, XMP), APP2 (MPF, FlashPix), APP13 (IPTC), comments, anything unknown.
        }
    }
    let mut out = Vec::with_capacity(body.len() + 64);
    out.extend_from_slice(&[0xFF, SOI]);
    if let Some(j) = &jfif {
        segment(&mut out, APP0, j);
    }
    if let Some(a) = &adobe {
        segment(&mut out, APP14, a);
    }
    if let Some(chunks) = icc_chunks(icc) {
        for (seq, count, data) in chunks {
            let mut payload = b"ICC_PROFILE\0".to_vec();
            payload.extend_from_slice(&[seq, count]);
            payload.extend_from_slice(data);
            segment(&mut out, APP2, &payload);
        }
    }
    out.extend_from_slice(&body);
    Ok(out)
}

fn segment(out: &mut Vec<u8>, marker: u8, payload: &[u8]) {
    out.extend_from_slice(&[0xFF, marker]);
    out.extend_from_slice(&((payload.len() + 2) as u16).to_be_bytes());
    out.extend_from_slice(payload);
}

/// Where the entropy-coded data starting at `from` ends: at the first marker that is not a stuffed zero byte or
/// a restart marker. `None` when the file ends inside the data (a truncated image).
fn entropy_end(bytes: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    loop {
        i += bytes[i..].iter().position(|&b| b == 0xFF)?;
        match *bytes.get(i + 1)? {
            0x00 | 0xD0..=0xD7 => i += 2,
            _ => return Some(i),
        }
    }
}

/// The ICC profile's chunks in order, if they form one well-formed profile: numbered 1..=n without gaps or
/// repeats, their joined length the one the profile's header declares, and the header's `acsp` signature. A
/// profile that fails any of this is dropped (the image then shows in sRGB), never passed on half-checked.
fn icc_chunks(mut chunks: Vec<(u8, u8, &[u8])>) -> Option<Vec<(u8, u8, &[u8])>> {
    if chunks.is_empty() {
        return None;
    }
    chunks.sort_by_key(|c| c.0);
    let count = chunks[0].1;
    let in_order = chunks.iter().enumerate().all(|(i, c)| usize::from(c.0) == i + 1 && c.1 == count);
    if !in_order || usize::from(count) != chunks.len() {
        return None;
    }
    let profile: Vec<u8> = chunks.iter().flat_map(|c| c.2.iter().copied()).collect();
    let declared = profile.get(..4).map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]) as usize);
    (declared == Some(profile.len()) && profile.get(36..40) == Some(b"acsp")).then_some(chunks)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg(marker: u8, payload: &[u8]) -> Vec<u8> {
        let mut v = Vec::new();
        segment(&mut v, marker, payload);
        v
    }

    /// A minimal well-formed frame: the walk itself does not decode, so tables need only be framed right.
    fn frame(scans: &[&[u8]]) -> Vec<u8> {
        let mut v = vec![0xFF, SOI];
        v.extend(seg(0xDB, &[0; 65]));
        v.extend(seg(0xC2, &[8, 0, 1, 0, 1, 1, 1, 0x11, 0]));
        for s in scans {
            v.extend(seg(0xC4, &[0; 17]));
            v.extend(seg(SOS, &[1, 1, 0, 0, 63, 0]));
            v.extend_from_slice(s);
        }
        v.extend_from_slice(&[0xFF, EOI]);
        v
    }

    #[test]
    fn stuffed_bytes_and_restart_markers_stay_in_the_scan() {
        let data: &[u8] = &[0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD3, 0x56];
        let jpeg = frame(&[data]);
        assert_eq!(clean(&jpeg).unwrap(), jpeg, "a file with nothing to remove is unchanged");
    }

    #[test]
    fn between_scan_segments_and_trailing_images_are_dropped() {
        let mut jpeg = frame(&[&[1, 2, 3], &[4, 5]]);
        // An XMP segment between the two scans, and a comment.
        let second_dht = jpeg.windows(2).rposition(|w| w == [0xFF, 0xC4]).unwrap();
        let hidden = [seg(0xE1, b"http://ns.adobe.com/xap/1.0/\0CANARY-BETWEEN"), seg(0xFE, b"CANARY-COM")].concat();
        jpeg.splice(second_dht..second_dht, hidden);
        let expected = frame(&[&[1, 2, 3], &[4, 5]]);
        // A second image appended after the end, as phones store MPF previews and gain maps.
        let mut appended = jpeg.clone();
        appended.extend(frame(&[&[9]]));
        appended.extend_from_slice(b"CANARY-TRAILER");
        assert_eq!(clean(&jpeg).unwrap(), expected);
        assert_eq!(clean(&appended).unwrap(), expected);
    }

    #[test]
    fn jfif_loses_its_thumbnail_adobe_is_cut_to_its_header() {
        let mut jfif = b"JFIF\0\x01\x02\x01\x00\x48\x00\x48".to_vec();
        jfif.extend_from_slice(&[2, 1, 0xAA, 0xBB, 0xCC, 0xDD, 0xEE, 0xFF]);
        let mut adobe = b"Adobe\0\x64\x80\x00\x00\x00\x01".to_vec();
        adobe.extend_from_slice(b"CANARY-ADOBE");
        let plain = frame(&[&[7]]);
        let mut jpeg = vec![0xFF, SOI];
        jpeg.extend(seg(APP0, &jfif));
        jpeg.extend(seg(APP14, &adobe));
        jpeg.extend_from_slice(&plain[2..]);
        let out = clean(&jpeg).unwrap();
        let mut expected = vec![0xFF, SOI];
        expected.extend(seg(APP0, b"JFIF\0\x01\x02\x01\x00\x48\x00\x48\x00\x00"));
        expected.extend(seg(APP14, b"Adobe\0\x64\x80\x00\x00\x00\x01"));
        expected.extend_from_slice(&plain[2..]);
        assert_eq!(out, expected);
    }

    fn icc_profile(len: usize) -> Vec<u8> {
        let mut p = vec![0u8; len];
        p[..4].copy_from_slice(&(len as u32).to_be_bytes());
        p[36..40].copy_from_slice(b"acsp");
        p
    }

    fn with_icc(chunks: &[(u8, u8, &[u8])]) -> Vec<u8> {
        let plain = frame(&[&[7]]);
        let mut jpeg = vec![0xFF, SOI];
        for (seq, count, data) in chunks {
            jpeg.extend(seg(APP2, &[&b"ICC_PROFILE\0"[..], &[*seq, *count], data].concat()));
        }
        jpeg.extend_from_slice(&plain[2..]);
        jpeg
    }

    #[test]
    fn a_well_formed_icc_profile_is_kept_in_order_a_broken_one_dropped() {
        let p = icc_profile(300);
        let (a, b) = p.split_at(200);
        // Chunks out of order in the file come out in order.
        let out = clean(&with_icc(&[(2, 2, b), (1, 2, a)])).unwrap();
        assert_eq!(out, with_icc(&[(1, 2, a), (2, 2, b)]));
        let plain = frame(&[&[7]]);
        assert_eq!(clean(&with_icc(&[(1, 2, a)])).unwrap(), plain, "a missing chunk drops the profile");
        let mut forged = p.clone();
        forged[36..40].copy_from_slice(b"XXXX");
        assert_eq!(clean(&with_icc(&[(1, 1, &forged)])).unwrap(), plain, "no signature, no profile");
        let mut long = p.clone();
        long.extend_from_slice(b"CANARY-AFTER-PROFILE");
        assert_eq!(clean(&with_icc(&[(1, 1, &long)])).unwrap(), plain, "bytes beyond the declared size");
    }

    #[test]
    fn truncated_files_are_corrupt() {
        let jpeg = frame(&[&[1, 2, 3, 4, 5, 6]]);
        for cut in [1, 3, 10, jpeg.len() - 4, jpeg.len() - 1] {
            assert!(clean(&jpeg[..cut]).is_err(), "cut at {cut}");
        }
        assert!(clean(b"\xFF\xD8\xFF\xD9").is_err(), "no image before the end");
    }
}
