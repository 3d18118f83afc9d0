//! Turns an untrusted uploaded picture into a safe one: [`sanitize`] accepts JPEG, PNG and WebP
//! only (sniffed from the bytes, never from a name or a Content-Type), removes every metadata
//! block that could identify a tipster (GPS position, camera serial numbers, dates, author names,
//! thumbnails of the uncropped picture, appended files) and keeps the picture itself untouched.
//!
//! # How
//!
//! * **Limits first.** More than [`MAX_BYTES`] is refused before anything is parsed; more than
//!   [`MAX_PIXELS`] (from every size the container headers declare) is refused before anything is
//!   decoded.
//! * **Allow-lists, not deny-lists.** The containers are parsed with `img-parts` and rebuilt from
//!   the pieces needed to render the picture only:
//!   - JPEG: frame/scan headers and tables (SOFn, DHT, DQT, DRI, DAC, SOS, DNL) and the
//!     entropy-coded data up to EOI. JFIF (APP0) is rewritten to its fixed 14 bytes without the
//!     thumbnail it may carry; Adobe (APP14) is rewritten to its fixed 12 bytes, as it tells
//!     decoders how to convert CMYK/YCCK pictures. Every other APPn (EXIF and XMP in APP1, ICC
//!     and MPF in APP2, IPTC/Photoshop in APP13, …), every COM, whatever sits between scans of a
//!     progressive picture and whatever follows EOI (MPF second pictures, appended archives) is
//!     dropped. `img-parts` stops at the first scan, so the scans themselves are walked here.
//!   - PNG: IHDR, PLTE, IDAT, IEND, and the small fixed-size colour chunks tRNS, gAMA, cHRM,
//!     sRGB, sBIT and cICP. Text (tEXt, zTXt, iTXt), eXIf, tIME, pHYs, iCCP, private chunks,
//!     animation chunks (the default image stays) and anything after IEND are dropped. CRCs are
//!     checked by `img-parts`.
//!   - WebP: VP8X (rebuilt with correct flags and canvas), ALPH, VP8 or VP8L. EXIF, XMP, ICCP,
//!     unknown chunks and anything after the RIFF size are dropped. Animated WebP is refused
//!     ([`AttachmentError::UnsupportedType`]): its frames would need the same care one by one,
//!     and tip evidence is still pictures.
//! * **ICC profiles are dropped** (JPEG APP2, PNG iCCP, WebP ICCP). A profile is free-form: its
//!   description, copyright and device make/model tags (and private tags) can name the phone or
//!   the person who calibrated it. The cost is a slight colour shift for wide-gamut pictures
//!   (they are shown as sRGB), which does not matter for tip evidence; anonymity does.
//! * **Orientation is kept without touching pixels.** When the original EXIF (read with
//!   `kamadak-exif`) says an orientation other than 1, a new minimal EXIF block is written with
//!   that single tag (26 bytes of TIFF: JPEG APP1 `Exif\0\0`, PNG eXIf before IDAT, WebP EXIF
//!   chunk with the VP8X flag). Rotating pixels instead would re-encode the JPEG (quality loss)
//!   and need a second full-size buffer. [`CleanImage::width`]/[`CleanImage::height`] are the
//!   stored sizes: a viewer applying orientations 5–8 swaps them.
//! * **Validation: the cleaned bytes are fully decoded** with the `image` crate (jpeg, png and
//!   webp features only), with decoder limits set to the header's sizes, and the decoded size
//!   must match. Parsing the container alone would let through a file whose compressed data is
//!   garbage, and those bytes would then reach the staff's browsers; a full decode in a
//!   memory-safe decoder is the strongest check we can make without re-encoding. Its cost is
//!   bounded by [`MAX_PIXELS`]: measured on the 2-core server kind with a release build, a
//!   40 MP picture takes 0.15–0.6 s and 120–240 MB at peak (baseline JPEG and PNG at the low
//!   end, WebP and progressive JPEG at the high end; the decoder may allocate at most
//!   [`MAX_DECODE_ALLOC`]). Uploads are rare, so this is affordable **provided the caller
//!   bounds the concurrency**: run [`sanitize`] in `spawn_blocking` behind a semaphore of one or
//!   two permits, which keeps the worst case around half a gigabyte. Decoding the cleaned
//!   bytes rather than the upload checks exactly what will be stored and served.
//! * **No panics.** The code here never indexes or unwraps untrusted data; as defence in depth
//!   against a bug in a third-party parser, [`sanitize`] also turns a panic into
//!   [`AttachmentError::Corrupt`].

use std::io::Cursor;

use img_parts::jpeg::{markers, Jpeg, JpegSegment};
use img_parts::png::{Png, PngChunk};
use img_parts::riff::{RiffChunk, RiffContent};
use img_parts::webp::WebP;
use img_parts::Bytes;

/// Largest upload accepted, checked before anything is parsed.
pub const MAX_BYTES: usize = 10 * 1024 * 1024;
/// Most pixels accepted, checked from the headers before anything is decoded.
pub const MAX_PIXELS: u64 = 40_000_000;
/// Most memory the decoder may allocate while validating one picture.
pub const MAX_DECODE_ALLOC: u64 = 512 * 1024 * 1024;

/// The accepted picture formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ImageKind {
    Jpeg,
    Png,
    Webp,
}

impl ImageKind {
    /// The media type to serve the cleaned picture with.
    pub fn mime(self) -> &'static str {
        match self {
            ImageKind::Jpeg => "image/jpeg",
            ImageKind::Png => "image/png",
            ImageKind::Webp => "image/webp",
        }
    }

    fn format(self) -> image::ImageFormat {
        match self {
            ImageKind::Jpeg => image::ImageFormat::Jpeg,
            ImageKind::Png => image::ImageFormat::Png,
            ImageKind::Webp => image::ImageFormat::WebP,
        }
    }
}

/// A picture without metadata (except a minimal orientation), checked to decode.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CleanImage {
    pub kind: ImageKind,
    /// Stored width, before any EXIF orientation is applied.
    pub width: u32,
    /// Stored height, before any EXIF orientation is applied.
    pub height: u32,
    pub bytes: Vec<u8>,
}

/// Why an upload was refused.
#[derive(Debug, thiserror::Error, PartialEq, Eq, Clone, Copy)]
pub enum AttachmentError {
    /// More than [`MAX_BYTES`].
    #[error("the file is larger than 10 MiB")]
    TooLarge,
    /// More than [`MAX_PIXELS`] according to the headers.
    #[error("the picture has more than 40 million pixels")]
    TooManyPixels,
    /// Not a JPEG, PNG or (still) WebP picture.
    #[error("only JPEG, PNG and WebP pictures are accepted")]
    UnsupportedType,
    /// Looks like an accepted format but its structure or data is broken.
    #[error("the picture is damaged")]
    Corrupt,
}

use AttachmentError::{Corrupt, TooManyPixels, UnsupportedType};

/// Checks an upload and returns it without metadata; see the module documentation.
///
/// CPU- and memory-heavy for large pictures (a full decode): call it from a blocking thread with
/// bounded concurrency, or call [`strip`] and [`Stripped::verify`] to bound it by pixels.
pub fn sanitize(upload: &[u8]) -> Result<CleanImage, AttachmentError> {
    strip(upload)?.verify()
}

/// An upload without its metadata whose pixels are not decoded yet: the cheap half of
/// [`sanitize`], which tells how many pixels the expensive half will decode.
pub struct Stripped {
    kind: ImageKind,
    cleaned: Cleaned,
}

/// Sniffs, parses and strips an upload without decoding it.
pub fn strip(upload: &[u8]) -> Result<Stripped, AttachmentError> {
    // Defence in depth: the code below does not panic on any input, but the parsers and decoders
    // it calls are third-party code fed with hostile bytes.
    std::panic::catch_unwind(|| strip_unguarded(upload)).unwrap_or(Err(Corrupt))
}

fn strip_unguarded(upload: &[u8]) -> Result<Stripped, AttachmentError> {
    if upload.len() > MAX_BYTES {
        return Err(AttachmentError::TooLarge);
    }
    let kind = sniff(upload).ok_or(UnsupportedType)?;
    let cleaned = match kind {
        ImageKind::Jpeg => clean_jpeg(upload)?,
        ImageKind::Png => clean_png(upload)?,
        ImageKind::Webp => clean_webp(upload)?,
    };
    Ok(Stripped { kind, cleaned })
}

/// [`sanitize`] without its panic guard, so the mutation test sees a panic.
#[cfg(test)]
fn sanitize_unguarded(upload: &[u8]) -> Result<CleanImage, AttachmentError> {
    let Stripped { kind, cleaned } = strip_unguarded(upload)?;
    verify_decodes(kind, &cleaned)?;
    Ok(CleanImage {
        kind,
        width: cleaned.width,
        height: cleaned.height,
        bytes: cleaned.bytes,
    })
}

impl Stripped {
    /// The pixels its headers declare, which the decode will produce (at most [`MAX_PIXELS`]).
    pub fn pixels(&self) -> u64 {
        u64::from(self.cleaned.width) * u64::from(self.cleaned.height)
    }

    /// Decodes the stripped picture completely; see the module documentation.
    pub fn verify(self) -> Result<CleanImage, AttachmentError> {
        let Stripped { kind, cleaned } = self;
        std::panic::catch_unwind(|| verify_decodes(kind, &cleaned)).unwrap_or(Err(Corrupt))?;
        Ok(CleanImage {
            kind,
            width: cleaned.width,
            height: cleaned.height,
            bytes: cleaned.bytes,
        })
    }
}

/// The format from the magic numbers, or `None` for anything else.
fn sniff(bytes: &[u8]) -> Option<ImageKind> {
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(ImageKind::Jpeg)
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(ImageKind::Png)
    } else if bytes.starts_with(b"RIFF") && bytes.get(8..12) == Some(b"WEBP".as_slice()) {
        Some(ImageKind::Webp)
    } else {
        None
    }
}

/// A rebuilt container and the picture size its headers declare.
struct Cleaned {
    width: u32,
    height: u32,
    bytes: Vec<u8>,
}

fn check_pixels(width: u32, height: u32) -> Result<(), AttachmentError> {
    if width == 0 || height == 0 {
        return Err(Corrupt);
    }
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(TooManyPixels);
    }
    Ok(())
}

/// Decodes the cleaned picture completely and checks it has the size its headers declare.
fn verify_decodes(kind: ImageKind, cleaned: &Cleaned) -> Result<(), AttachmentError> {
    let mut reader = image::ImageReader::with_format(Cursor::new(&cleaned.bytes), kind.format());
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(cleaned.width);
    limits.max_image_height = Some(cleaned.height);
    limits.max_alloc = Some(MAX_DECODE_ALLOC);
    reader.limits(limits);
    let decoded = reader.decode().map_err(|error| match error {
        image::ImageError::Unsupported(_) => UnsupportedType,
        _ => Corrupt,
    })?;
    if (decoded.width(), decoded.height()) != (cleaned.width, cleaned.height) {
        return Err(Corrupt);
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Orientation

const EXIF_PREFIX: &[u8] = b"Exif\0\0";

/// The EXIF orientation (2 to 8) of a TIFF block, `None` when absent, 1 or unreadable: a broken
/// EXIF block does not make the picture broken, and browsers ignore it too.
fn orientation_from_exif(data: &[u8]) -> Option<u16> {
    let tiff = data.strip_prefix(EXIF_PREFIX).unwrap_or(data);
    let exif = exif::Reader::new()
        .continue_on_error(true)
        .read_raw(tiff.to_vec())
        .or_else(|error| error.distill_partial_result(|_| {}))
        .ok()?;
    let field = exif.get_field(exif::Tag::Orientation, exif::In::PRIMARY)?;
    let value = field.value.get_uint(0)?;
    u16::try_from(value).ok().filter(|o| (2..=8).contains(o))
}

/// A big-endian TIFF block whose only IFD holds only the Orientation tag (0x0112, SHORT).
fn orientation_tiff(orientation: u16) -> [u8; 26] {
    let [high, low] = orientation.to_be_bytes();
    [
        b'M', b'M', 0, 42, // byte order, TIFF magic
        0, 0, 0, 8, // offset of IFD0
        0, 1, // one entry
        0x01, 0x12, 0, 3, 0, 0, 0, 1, high, low, 0, 0, // Orientation, SHORT, count 1, value
        0, 0, 0, 0, // no next IFD
    ]
}

// ---------------------------------------------------------------------------------------------
// JPEG

fn clean_jpeg(upload: &[u8]) -> Result<Cleaned, AttachmentError> {
    let jpeg = Jpeg::from_bytes(Bytes::copy_from_slice(upload)).map_err(|_| Corrupt)?;
    // img-parts parses up to the first scan header (SOS), whose "entropy" is the rest of the file.
    let (sos, header) = jpeg.segments().split_last().ok_or(Corrupt)?;
    if sos.marker() != markers::SOS || !sos.has_entropy() {
        return Err(Corrupt);
    }

    let mut frames = header.iter().filter(|s| is_sof(s.marker()));
    let frame = frames.next().ok_or(Corrupt)?;
    if frames.next().is_some() {
        return Err(Corrupt);
    }
    let (width, height) = sof_dimensions(frame.contents())?;
    check_pixels(width, height)?;

    let orientation = header
        .iter()
        .filter(|s| s.marker() == markers::APP1)
        .find_map(|s| s.contents().strip_prefix(EXIF_PREFIX))
        .and_then(orientation_from_exif);

    let mut out = Vec::with_capacity(upload.len());
    out.extend_from_slice(&[0xFF, markers::SOI]);
    if let Some(jfif) = header.iter().find_map(minimal_jfif) {
        write_segment(&mut out, markers::APP0, &jfif)?;
    }
    if let Some(orientation) = orientation {
        let mut exif = EXIF_PREFIX.to_vec();
        exif.extend_from_slice(&orientation_tiff(orientation));
        write_segment(&mut out, markers::APP1, &exif)?;
    }
    if let Some(adobe) = header.iter().find_map(minimal_adobe) {
        write_segment(&mut out, markers::APP14, adobe)?;
    }
    for segment in header {
        match segment.marker() {
            m if is_sof(m) || is_table(m) => write_segment(&mut out, m, segment.contents())?,
            // Metadata; JFIF and Adobe were rewritten above.
            markers::APP0..=markers::APP15 | markers::COM => {}
            // JPGn, DHP, EXP, DNL before a scan: not part of a picture browsers decode.
            _ => return Err(Corrupt),
        }
    }
    write_segment(&mut out, markers::SOS, sos.contents())?;
    // The entropy img-parts keeps is the suffix of the upload after the first scan header.
    let entropy_len = sos.len_with_entropy().saturating_sub(sos.len());
    let entropy = upload
        .len()
        .checked_sub(entropy_len)
        .and_then(|start| upload.get(start..))
        .ok_or(Corrupt)?;
    let entropy_bytes = copy_scans(entropy, &mut out)?;
    // Decoders fill scan data that ends early with grey, so a few hundred bytes could pass as a
    // 36-megapixel picture; the declared size needs at least this much data to be real.
    let needed_bits = min_scan_bits(frame.marker(), frame.contents()).ok_or(Corrupt)?;
    if (entropy_bytes as u64).saturating_mul(8) < needed_bits {
        return Err(Corrupt);
    }
    Ok(Cleaned {
        width,
        height,
        bytes: out,
    })
}

fn is_sof(marker: u8) -> bool {
    matches!(
        marker,
        markers::SOF0..=markers::SOF3
            | markers::SOF5..=markers::SOF7
            | markers::SOF9..=markers::SOF11
            | markers::SOF13..=markers::SOF15
    )
}

/// Tables that may come before any scan.
fn is_table(marker: u8) -> bool {
    matches!(
        marker,
        markers::DHT | markers::DQT | markers::DRI | markers::DAC
    )
}

/// The fewest bits of entropy-coded data a frame of this size can have. Huffman coding spends at
/// least one bit per 8x8 block on its DC value; a sequential scan also ends every block with an
/// end-of-block code (or spends more on the coefficients), a progressive one may cover many
/// blocks' AC values with one end-of-band run. Other codings (arithmetic, lossless) get no bound
/// here; the decoder does not accept them. `None` when the frame header is malformed.
fn min_scan_bits(marker: u8, frame: &[u8]) -> Option<u64> {
    let bits_per_block: u64 = match marker {
        markers::SOF0 | markers::SOF1 => 2,
        markers::SOF2 => 1,
        _ => return Some(0),
    };
    let (width, height) = sof_dimensions(frame).ok()?;
    let count = usize::from(*frame.get(5)?);
    let sampling: Vec<(u64, u64)> = frame
        .get(6..6 + 3 * count)?
        .chunks_exact(3)
        .map(|c| (u64::from(c[1] >> 4), u64::from(c[1] & 0x0F)))
        .collect();
    let h_max = sampling.iter().map(|s| s.0).max()?;
    let v_max = sampling.iter().map(|s| s.1).max()?;
    if h_max == 0 || v_max == 0 {
        return None;
    }
    let blocks: u64 = sampling
        .iter()
        .map(|&(h, v)| {
            let component_width = (u64::from(width) * h).div_ceil(h_max);
            let component_height = (u64::from(height) * v).div_ceil(v_max);
            component_width.div_ceil(8) * component_height.div_ceil(8)
        })
        .sum();
    Some(blocks * bits_per_block)
}

/// Width and height from a frame header; a height of 0 (set later by DNL) is refused.
fn sof_dimensions(contents: &[u8]) -> Result<(u32, u32), AttachmentError> {
    match contents.get(1..5) {
        Some(&[h1, h0, w1, w0]) => Ok((
            u32::from(u16::from_be_bytes([w1, w0])),
            u32::from(u16::from_be_bytes([h1, h0])),
        )),
        _ => Err(Corrupt),
    }
}

/// A JFIF APP0 reduced to its fixed fields (version, density), without its thumbnail.
fn minimal_jfif(segment: &JpegSegment) -> Option<Vec<u8>> {
    if segment.marker() != markers::APP0 {
        return None;
    }
    // "JFIF\0", version (2), units (1), X and Y density (2 + 2)
    let fixed = segment.contents().get(..12)?;
    if !fixed.starts_with(b"JFIF\0") {
        return None;
    }
    let mut jfif = fixed.to_vec();
    jfif.extend_from_slice(&[0, 0]); // no thumbnail
    Some(jfif)
}

/// An Adobe APP14 reduced to its fixed fields; its colour transform flag tells decoders how to
/// read CMYK/YCCK (and some RGB) pictures.
fn minimal_adobe(segment: &JpegSegment) -> Option<&[u8]> {
    if segment.marker() != markers::APP14 {
        return None;
    }
    // "Adobe", version (2), flags0 (2), flags1 (2), transform (1)
    let fixed = segment.contents().get(..12)?;
    fixed.starts_with(b"Adobe").then_some(fixed)
}

fn write_segment(out: &mut Vec<u8>, marker: u8, contents: &[u8]) -> Result<(), AttachmentError> {
    let len = contents
        .len()
        .checked_add(2)
        .and_then(|len| u16::try_from(len).ok())
        .ok_or(Corrupt)?;
    out.extend_from_slice(&[0xFF, marker]);
    out.extend_from_slice(&len.to_be_bytes());
    out.extend_from_slice(contents);
    Ok(())
}

/// Copies what follows the first scan header up to and including EOI: entropy-coded data
/// (with its stuffed bytes and restart markers) and the tables and headers of further scans.
/// Drops APPn and COM segments between scans and everything after EOI; refuses a file without
/// EOI or with a marker that has no place there. Returns how many bytes of entropy-coded data
/// (stuffed bytes and restart markers included) it copied.
fn copy_scans(data: &[u8], out: &mut Vec<u8>) -> Result<usize, AttachmentError> {
    let mut pos = 0; // next byte to look at
    let mut run_start = 0; // first entropy-coded byte not copied yet
    let mut entropy_bytes = 0;
    loop {
        let rest = data.get(pos..).ok_or(Corrupt)?;
        let ff = pos + rest.iter().position(|&b| b == 0xFF).ok_or(Corrupt)?;
        // 0xFF may be repeated as fill before a marker.
        let mut at = ff + 1;
        while data.get(at) == Some(&0xFF) {
            at += 1;
        }
        let marker = *data.get(at).ok_or(Corrupt)?;
        match marker {
            // A stuffed zero or a restart marker: still entropy-coded data.
            0x00 | markers::RST0..=markers::RST7 => {
                pos = at + 1;
                continue;
            }
            markers::EOI => {
                let run = data.get(run_start..ff).ok_or(Corrupt)?;
                out.extend_from_slice(run);
                out.extend_from_slice(&[0xFF, markers::EOI]);
                return Ok(entropy_bytes + run.len());
            }
            _ => {}
        }
        let run = data.get(run_start..ff).ok_or(Corrupt)?;
        out.extend_from_slice(run);
        entropy_bytes += run.len();
        let len = match data.get(at + 1..at + 3) {
            Some(&[high, low]) => usize::from(u16::from_be_bytes([high, low])),
            _ => return Err(Corrupt),
        };
        if len < 2 {
            return Err(Corrupt);
        }
        let end = at + 1 + len;
        let contents = data.get(at + 3..end).ok_or(Corrupt)?;
        match marker {
            m if is_table(m) || m == markers::SOS || m == markers::DNL => {
                write_segment(out, m, contents)?
            }
            markers::APP0..=markers::APP15 | markers::COM => {}
            _ => return Err(Corrupt),
        }
        pos = end;
        run_start = end;
    }
}

// ---------------------------------------------------------------------------------------------
// PNG

/// Whether a chunk is needed to render the picture (and, for ancillary chunks, has the fixed size
/// the specification gives it, so it cannot smuggle anything).
fn png_chunk_kept(kind: &[u8; 4], len: usize) -> bool {
    match kind {
        b"IHDR" | b"PLTE" | b"IDAT" | b"IEND" => true,
        b"tRNS" => len <= 256,
        b"gAMA" | b"cICP" => len == 4,
        b"cHRM" => len == 32,
        b"sRGB" => len == 1,
        b"sBIT" => (1..=4).contains(&len),
        _ => false,
    }
}

fn clean_png(upload: &[u8]) -> Result<Cleaned, AttachmentError> {
    let mut png = Png::from_bytes(Bytes::copy_from_slice(upload)).map_err(|_| Corrupt)?;
    let chunks = png.chunks();
    let ihdr = chunks
        .first()
        .filter(|c| &c.kind() == b"IHDR")
        .ok_or(Corrupt)?;
    let (width, height) = match ihdr.contents().get(..8) {
        Some(&[w3, w2, w1, w0, h3, h2, h1, h0]) if ihdr.contents().len() == 13 => (
            u32::from_be_bytes([w3, w2, w1, w0]),
            u32::from_be_bytes([h3, h2, h1, h0]),
        ),
        _ => return Err(Corrupt),
    };
    check_pixels(width, height)?;
    if chunks.last().map(PngChunk::kind) != Some(*b"IEND")
        || !chunks.iter().any(|c| &c.kind() == b"IDAT")
        || chunks.iter().filter(|c| &c.kind() == b"IHDR").count() != 1
    {
        return Err(Corrupt);
    }

    let orientation = chunks
        .iter()
        .find(|c| &c.kind() == b"eXIf")
        .and_then(|c| orientation_from_exif(c.contents()));

    let mut kept = Vec::with_capacity(chunks.len() + 1);
    for chunk in chunks {
        if png_chunk_kept(&chunk.kind(), chunk.contents().len()) {
            kept.push(chunk.clone());
            if let (b"IHDR", Some(orientation)) = (&chunk.kind(), orientation) {
                // eXIf must come before the image data; right after IHDR is always valid.
                let tiff = Bytes::copy_from_slice(&orientation_tiff(orientation));
                kept.push(PngChunk::new(*b"eXIf", tiff));
            }
        }
    }
    *png.chunks_mut() = kept;
    Ok(Cleaned {
        width,
        height,
        bytes: png.encoder().bytes().to_vec(),
    })
}

// ---------------------------------------------------------------------------------------------
// WebP

const VP8X: [u8; 4] = *b"VP8X";
const VP8: [u8; 4] = *b"VP8 ";
const VP8L: [u8; 4] = *b"VP8L";
const ALPH: [u8; 4] = *b"ALPH";
const VP8X_ALPHA: u8 = 0x10;
const VP8X_EXIF: u8 = 0x08;

fn u24_le(bytes: [u8; 3]) -> u32 {
    let [a, b, c] = bytes;
    u32::from_le_bytes([a, b, c, 0])
}

/// Canvas size of a VP8X chunk.
fn vp8x_dimensions(data: &[u8]) -> Option<(u32, u32)> {
    match data.get(4..10) {
        Some(&[w0, w1, w2, h0, h1, h2]) => {
            Some((u24_le([w0, w1, w2]) + 1, u24_le([h0, h1, h2]) + 1))
        }
        _ => None,
    }
}

/// Frame size of a lossy key frame.
fn vp8_dimensions(data: &[u8]) -> Option<(u32, u32)> {
    match data.get(..10) {
        Some(&[tag, _, _, 0x9D, 0x01, 0x2A, w0, w1, h0, h1]) if tag & 1 == 0 => Some((
            u32::from(u16::from_le_bytes([w0, w1]) & 0x3FFF),
            u32::from(u16::from_le_bytes([h0, h1]) & 0x3FFF),
        )),
        _ => None,
    }
}

/// Size of a lossless picture, and whether its header says it uses alpha.
fn vp8l_header(data: &[u8]) -> Option<(u32, u32, bool)> {
    match data.get(..5) {
        Some(&[0x2F, b0, b1, b2, b3]) => {
            let bits = u32::from_le_bytes([b0, b1, b2, b3]);
            Some((
                (bits & 0x3FFF) + 1,
                ((bits >> 14) & 0x3FFF) + 1,
                bits & (1 << 28) != 0,
            ))
        }
        _ => None,
    }
}

fn clean_webp(upload: &[u8]) -> Result<Cleaned, AttachmentError> {
    let webp = WebP::from_bytes(Bytes::copy_from_slice(upload)).map_err(|_| Corrupt)?;
    let chunks = webp.chunks();
    if chunks
        .iter()
        .any(|c| &c.id() == b"ANIM" || &c.id() == b"ANMF")
    {
        return Err(UnsupportedType);
    }
    let data = |chunk: &RiffChunk| chunk.content().data().cloned().ok_or(Corrupt);

    // VP8X, when present, must be the first chunk and appear once.
    let vp8x = match chunks.first() {
        Some(first) if first.id() == VP8X => Some(data(first)?),
        _ => None,
    };
    if chunks.iter().filter(|c| c.id() == VP8X).count() > usize::from(vp8x.is_some()) {
        return Err(Corrupt);
    }
    let mut frames = chunks.iter().filter(|c| c.id() == VP8 || c.id() == VP8L);
    let frame = frames.next().ok_or(Corrupt)?;
    if frames.next().is_some() {
        return Err(Corrupt);
    }
    let frame_data = data(frame)?;
    let lossless = frame.id() == VP8L;
    let (width, height, lossless_alpha) = if lossless {
        vp8l_header(&frame_data).ok_or(Corrupt)?
    } else {
        let (width, height) = vp8_dimensions(&frame_data).ok_or(Corrupt)?;
        (width, height, false)
    };
    let canvas = match &vp8x {
        Some(vp8x) => Some(vp8x_dimensions(vp8x).ok_or(Corrupt)?),
        None => None,
    };
    if let Some((canvas_width, canvas_height)) = canvas {
        check_pixels(canvas_width, canvas_height)?;
    }
    check_pixels(width, height)?;
    if canvas.is_some_and(|canvas| canvas != (width, height)) {
        return Err(Corrupt);
    }

    let orientation = chunks
        .iter()
        .find(|c| &c.id() == b"EXIF")
        .and_then(|c| c.content().data())
        .and_then(|exif| orientation_from_exif(exif));
    // Alpha of a lossy picture lives in ALPH, which needs VP8X.
    let alph = match chunks.iter().find(|c| c.id() == ALPH) {
        Some(alph) if !lossless && vp8x.is_some() => Some(alph.clone()),
        _ => None,
    };

    let mut kept = Vec::with_capacity(4);
    if vp8x.is_some() || orientation.is_some() {
        let had_alpha = vp8x
            .as_ref()
            .and_then(|vp8x| vp8x.first())
            .is_some_and(|flags| flags & VP8X_ALPHA != 0);
        let mut flags = 0;
        if alph.is_some() || (lossless && (lossless_alpha || had_alpha)) {
            flags |= VP8X_ALPHA;
        }
        if orientation.is_some() {
            flags |= VP8X_EXIF;
        }
        let [w0, w1, w2, _] = (width - 1).to_le_bytes();
        let [h0, h1, h2, _] = (height - 1).to_le_bytes();
        let contents = [flags, 0, 0, 0, w0, w1, w2, h0, h1, h2];
        kept.push(RiffChunk::new(
            VP8X,
            RiffContent::Data(Bytes::copy_from_slice(&contents)),
        ));
    }
    kept.extend(alph);
    kept.push(RiffChunk::new(frame.id(), RiffContent::Data(frame_data)));
    if let Some(orientation) = orientation {
        let tiff = Bytes::copy_from_slice(&orientation_tiff(orientation));
        kept.push(RiffChunk::new(*b"EXIF", RiffContent::Data(tiff)));
    }
    let riff = RiffChunk::new(
        *b"RIFF",
        RiffContent::List {
            kind: Some(*b"WEBP"),
            subchunks: kept,
        },
    );
    Ok(Cleaned {
        width,
        height,
        bytes: riff.encoder().bytes().to_vec(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use exif::experimental::Writer;
    use exif::{Field, In, Rational, Tag, Value};
    use image::codecs::jpeg::JpegEncoder;
    use image::codecs::png::PngEncoder;
    use image::codecs::webp::WebPEncoder;
    use image::{ExtendedColorType, ImageEncoder, RgbImage, RgbaImage};

    // ---- corpus -------------------------------------------------------------------------

    fn contains(haystack: &[u8], needle: &[u8]) -> bool {
        haystack.windows(needle.len()).any(|w| w == needle)
    }

    fn ascii(tag: Tag, text: &str) -> Field {
        Field {
            tag,
            ifd_num: In::PRIMARY,
            value: Value::Ascii(vec![text.as_bytes().to_vec()]),
        }
    }

    fn rationals(tag: Tag, values: &[u32]) -> Field {
        let value = values
            .iter()
            .map(|&num| Rational { num, denom: 1 })
            .collect();
        Field {
            tag,
            ifd_num: In::PRIMARY,
            value: Value::Rational(value),
        }
    }

    /// A TIFF block with GPS position, camera, description and a thumbnail.
    fn dirty_exif(orientation: u16, secret: &str, little_endian: bool) -> Vec<u8> {
        let fields = vec![
            Field {
                tag: Tag::Orientation,
                ifd_num: In::PRIMARY,
                value: Value::Short(vec![orientation]),
            },
            ascii(Tag::ImageDescription, secret),
            ascii(Tag::Make, "SECRET-MAKE"),
            ascii(Tag::BodySerialNumber, "SECRET-SERIAL"),
            ascii(Tag::GPSLatitudeRef, "N"),
            rationals(Tag::GPSLatitude, &[33, 18, 45]),
            ascii(Tag::GPSLongitudeRef, "E"),
            rationals(Tag::GPSLongitude, &[44, 21, 58]),
            Field {
                tag: Tag::GPSProcessingMethod,
                ifd_num: In::PRIMARY,
                value: Value::Undefined(b"ASCII\0\0\0SECRET-GPS".to_vec(), 0),
            },
        ];
        let thumbnail = b"\xFF\xD8SECRET-THUMBNAIL\xFF\xD9".to_vec();
        let mut writer = Writer::new();
        for field in &fields {
            writer.push_field(field);
        }
        writer.set_jpeg(&thumbnail, In::THUMBNAIL);
        let mut out = Cursor::new(Vec::new());
        writer.write(&mut out, little_endian).unwrap();
        out.into_inner()
    }

    fn gradient_rgb(width: u32, height: u32) -> RgbImage {
        RgbImage::from_fn(width, height, |x, y| {
            image::Rgb([(x * 7) as u8, (y * 11) as u8, ((x + y) * 5) as u8])
        })
    }

    fn gradient_rgba(width: u32, height: u32) -> RgbaImage {
        RgbaImage::from_fn(width, height, |x, y| {
            image::Rgba([
                (x * 13) as u8,
                (y * 17) as u8,
                (x * y) as u8,
                (40 + x * 9) as u8,
            ])
        })
    }

    fn plain_jpeg() -> Vec<u8> {
        let mut out = Vec::new();
        JpegEncoder::new_with_quality(&mut out, 90)
            .encode_image(&gradient_rgb(37, 23))
            .unwrap();
        out
    }

    /// A JPEG with JFIF thumbnail, EXIF (GPS, orientation 6), XMP, ICC, MPF, IPTC, comments
    /// before and after the scan, and data after EOI.
    fn dirty_jpeg() -> Vec<u8> {
        let mut jpeg = Jpeg::from_bytes(plain_jpeg().into()).unwrap();
        let segments = jpeg.segments_mut();
        segments.retain(|s| s.marker() != markers::APP0);
        let mut jfif = b"JFIF\0\x01\x02\x00\x00\x48\x00\x48\x04\x01".to_vec();
        jfif.extend_from_slice(b"SECRET-JFIF!"); // a 4x1 RGB thumbnail
        let mut exif = EXIF_PREFIX.to_vec();
        exif.extend_from_slice(&dirty_exif(6, "SECRET-EXIF", false));
        let seg = |marker, contents: &[u8]| {
            JpegSegment::new_with_contents(marker, Bytes::copy_from_slice(contents))
        };
        let added = [
            seg(markers::APP0, &jfif),
            seg(markers::APP1, &exif),
            seg(
                markers::APP1,
                b"http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>SECRET-XMP</x:xmpmeta>",
            ),
            seg(markers::APP2, b"ICC_PROFILE\0\x01\x01SECRET-ICC"),
            seg(markers::APP2, b"MPF\0MM\0\x2a\0\0\0\x08SECRET-MPF"),
            seg(
                markers::APP13,
                b"Photoshop 3.0\08BIM\x04\x04\0\0\0\0\0\x10\x1c\x02\x78\0\x0bSECRET-IPTC",
            ),
            seg(markers::APP14, b"Adobe\0\x64\0\0\0\0\x01SECRET-ADOBE"),
            seg(markers::COM, b"SECRET-COMMENT"),
            seg(markers::APP15, b"SECRET-APP15"),
        ];
        for (i, segment) in added.into_iter().enumerate() {
            segments.insert(i, segment);
        }
        let mut bytes = jpeg.encoder().bytes().to_vec();
        // A comment between the end of the scan and EOI, then an appended file after EOI.
        assert_eq!(bytes.split_off(bytes.len() - 2), [0xFF, 0xD9]);
        bytes.extend_from_slice(b"\xFF\xFE\x00\x10SECRET-MIDSCAN\xFF\xD9");
        bytes.extend_from_slice(b"\xFF\xD8\xFF\xFE\x00\x10SECRET-TRAILER\xFF\xD9");
        bytes
    }

    fn plain_png() -> Vec<u8> {
        let mut out = Vec::new();
        PngEncoder::new(&mut out)
            .write_image(
                gradient_rgba(20, 12).as_raw(),
                20,
                12,
                ExtendedColorType::Rgba8,
            )
            .unwrap();
        out
    }

    /// zlib with one stored (uncompressed) block, so the secret stays visible in the bytes.
    fn zlib_stored(data: &[u8]) -> Vec<u8> {
        let len = u16::try_from(data.len()).unwrap();
        let (mut a, mut b) = (1u32, 0u32);
        for &byte in data {
            a = (a + u32::from(byte)) % 65521;
            b = (b + a) % 65521;
        }
        let mut out = vec![0x78, 0x01, 0x01];
        out.extend_from_slice(&len.to_le_bytes());
        out.extend_from_slice(&(!len).to_le_bytes());
        out.extend_from_slice(data);
        out.extend_from_slice(&((b << 16) | a).to_be_bytes());
        out
    }

    /// A PNG with every kind of text chunk, eXIf (orientation 8), tIME, iCCP, pHYs, a private
    /// chunk and data after IEND.
    fn dirty_png() -> Vec<u8> {
        let mut png = Png::from_bytes(plain_png().into()).unwrap();
        let mut ztxt = b"Comment\0\0".to_vec();
        ztxt.extend_from_slice(&zlib_stored(b"SECRET-ZTXT"));
        let mut iccp = b"icc\0\0".to_vec();
        iccp.extend_from_slice(&zlib_stored(b"SECRET-ICC"));
        let added: Vec<([u8; 4], Vec<u8>)> = vec![
            (*b"eXIf", dirty_exif(8, "SECRET-EXIF", true)),
            (*b"iCCP", iccp),
            (*b"tEXt", b"Author\0SECRET-TEXT".to_vec()),
            (*b"zTXt", ztxt),
            (*b"iTXt", b"Description\0\0\0en\0\0SECRET-ITXT".to_vec()),
            (*b"tIME", vec![0x07, 0xE9, 3, 14, 9, 26, 53]),
            (*b"pHYs", vec![0, 0, 0x0B, 0x13, 0, 0, 0x0B, 0x13, 1]),
            (*b"prVt", b"SECRET-PRIVATE".to_vec()),
            (*b"gAMA", b"SECRET-GAMMA".to_vec()), // wrong size for gAMA: dropped
        ];
        for (i, (kind, contents)) in added.into_iter().enumerate() {
            png.chunks_mut()
                .insert(1 + i, PngChunk::new(kind, contents.into()));
        }
        let mut bytes = png.encoder().bytes().to_vec();
        bytes.extend_from_slice(b"SECRET-TRAILER");
        bytes
    }

    fn plain_webp() -> Vec<u8> {
        let mut out = Vec::new();
        WebPEncoder::new_lossless(&mut out)
            .encode(
                gradient_rgba(16, 10).as_raw(),
                16,
                10,
                ExtendedColorType::Rgba8,
            )
            .unwrap();
        out
    }

    fn riff_data(id: &[u8; 4], data: &[u8]) -> RiffChunk {
        RiffChunk::new(*id, RiffContent::Data(Bytes::copy_from_slice(data)))
    }

    /// An extended WebP (VP8X) with ICC, EXIF (orientation `orientation`), XMP, an unknown
    /// chunk and data after the RIFF chunk.
    fn dirty_webp(orientation: Option<u16>) -> Vec<u8> {
        let plain = WebP::from_bytes(plain_webp().into()).unwrap();
        let vp8l = plain.chunk_by_id(VP8L).unwrap().clone();
        let mut flags = 0x20 | 0x10 | 0x04; // ICC, alpha, XMP
        let mut chunks = vec![riff_data(b"ICCP", b"SECRET-ICC"), vp8l];
        if let Some(orientation) = orientation {
            flags |= 0x08;
            chunks.push(riff_data(
                b"EXIF",
                &dirty_exif(orientation, "SECRET-WEBP-EXIF", true),
            ));
        }
        chunks.push(riff_data(
            b"XMP ",
            b"<x:xmpmeta>SECRET-WEBP-XMP</x:xmpmeta>",
        ));
        chunks.push(riff_data(b"sEcR", b"SECRET-CHUNK"));
        chunks.insert(0, riff_data(b"VP8X", &[flags, 0, 0, 0, 15, 0, 0, 9, 0, 0]));
        let riff = RiffChunk::new(
            *b"RIFF",
            RiffContent::List {
                kind: Some(*b"WEBP"),
                subchunks: chunks,
            },
        );
        let mut bytes = riff.encoder().bytes().to_vec();
        bytes.extend_from_slice(b"SECRET-TRAILER");
        bytes
    }

    // ---- checks -------------------------------------------------------------------------

    fn decode(bytes: &[u8]) -> image::DynamicImage {
        image::load_from_memory(bytes).unwrap()
    }

    fn read_exif(bytes: &[u8]) -> Result<exif::Exif, exif::Error> {
        exif::Reader::new().read_from_container(&mut Cursor::new(bytes))
    }

    /// The corpus file really carries what the test claims to remove.
    fn assert_dirty(original: &[u8], secrets: &[&str]) {
        for secret in secrets {
            assert!(
                contains(original, secret.as_bytes()),
                "corpus lacks {secret}"
            );
        }
    }

    /// Nothing secret left, orientation alone survives, the pixels are unchanged.
    fn assert_clean(original: &[u8], clean: &CleanImage, orientation: Option<u32>) {
        assert!(!contains(&clean.bytes, b"SECRET"), "a secret survived");
        assert!(!contains(&clean.bytes, b"http://ns.adobe.com"));
        let before = decode(original);
        let after = decode(&clean.bytes);
        assert_eq!((after.width(), after.height()), (clean.width, clean.height));
        assert_eq!(
            (before.width(), before.height()),
            (clean.width, clean.height)
        );
        assert_eq!(before.to_rgba8(), after.to_rgba8(), "pixels changed");
        match (orientation, read_exif(&clean.bytes)) {
            (Some(expected), Ok(exif)) => {
                let fields: Vec<Tag> = exif.fields().map(|f| f.tag).collect();
                assert_eq!(fields, [Tag::Orientation], "more than orientation kept");
                // The whole EXIF block is the minimal one: no GPS IFD entry (0x8825), nothing else.
                assert_eq!(exif.buf(), orientation_tiff(expected as u16));
                assert!(!contains(exif.buf(), &[0x88, 0x25]));
                let value = exif.get_field(Tag::Orientation, In::PRIMARY).unwrap();
                assert_eq!(value.value.get_uint(0), Some(expected));
                assert!(contains(&clean.bytes, &orientation_tiff(expected as u16)));
            }
            (None, Err(_)) => {}
            (expected, found) => panic!("orientation {expected:?}, EXIF found: {}", found.is_ok()),
        }
        // Sanitising is idempotent.
        assert_eq!(sanitize(&clean.bytes).unwrap(), *clean);
    }

    // ---- tests --------------------------------------------------------------------------

    #[test]
    fn jpeg_loses_every_metadata_block_but_keeps_pixels_and_orientation() {
        let original = dirty_jpeg();
        assert_dirty(
            &original,
            &[
                "SECRET-GPS",
                "SECRET-XMP",
                "SECRET-IPTC",
                "SECRET-COMMENT",
                "SECRET-MIDSCAN",
                "SECRET-TRAILER",
                "SECRET-JFIF",
            ],
        );
        let exif = read_exif(&original).unwrap();
        assert!(exif.get_field(Tag::GPSLatitude, In::PRIMARY).is_some());
        assert!(contains(exif.buf(), &[0x88, 0x25])); // the GPS IFD entry, big-endian
        let clean = sanitize(&original).unwrap();
        assert_eq!(clean.kind, ImageKind::Jpeg);
        assert_eq!(clean.kind.mime(), "image/jpeg");
        assert_eq!((clean.width, clean.height), (37, 23));
        assert_clean(&original, &clean, Some(6));
        // JFIF (without thumbnail) and Adobe (fixed part) stay, in their minimal form.
        assert!(contains(
            &clean.bytes,
            b"\xFF\xE0\x00\x10JFIF\0\x01\x02\x00\x00\x48\x00\x48\x00\x00"
        ));
        assert!(contains(
            &clean.bytes,
            b"\xFF\xEE\x00\x0EAdobe\0\x64\0\0\0\0\x01"
        ));
        assert!(clean.bytes.ends_with(&[0xFF, 0xD9]));
        assert!(clean.bytes.len() < original.len());
    }

    #[test]
    fn jpeg_without_metadata_gets_no_exif() {
        let original = plain_jpeg();
        let clean = sanitize(&original).unwrap();
        assert_clean(&original, &clean, None);
        assert!(!contains(&clean.bytes, EXIF_PREFIX));
    }

    #[test]
    fn png_loses_every_metadata_chunk_but_keeps_pixels_and_orientation() {
        let original = dirty_png();
        assert_dirty(
            &original,
            &[
                "SECRET-TEXT",
                "SECRET-ZTXT",
                "SECRET-ITXT",
                "SECRET-EXIF",
                "SECRET-ICC",
                "SECRET-TRAILER",
            ],
        );
        let clean = sanitize(&original).unwrap();
        assert_eq!(clean.kind, ImageKind::Png);
        assert_eq!(clean.kind.mime(), "image/png");
        assert_eq!((clean.width, clean.height), (20, 12));
        assert_clean(&original, &clean, Some(8));
        for kind in [
            b"tEXt", b"zTXt", b"iTXt", b"tIME", b"iCCP", b"pHYs", b"gAMA",
        ] {
            assert!(!contains(&clean.bytes, kind), "{kind:?} kept");
        }
        assert!(clean.bytes.ends_with(b"IEND\xAE\x42\x60\x82"));
    }

    #[test]
    fn webp_loses_exif_xmp_icc_and_keeps_pixels_and_orientation() {
        let original = dirty_webp(Some(3));
        assert_dirty(
            &original,
            &[
                "SECRET-WEBP-EXIF",
                "SECRET-WEBP-XMP",
                "SECRET-ICC",
                "SECRET-TRAILER",
            ],
        );
        let clean = sanitize(&original).unwrap();
        assert_eq!(clean.kind, ImageKind::Webp);
        assert_eq!(clean.kind.mime(), "image/webp");
        assert_eq!((clean.width, clean.height), (16, 10));
        assert_clean(&original, &clean, Some(3));
        // VP8X keeps alpha, gains EXIF, loses ICC and XMP; the RIFF size is the file size.
        let webp = WebP::from_bytes(clean.bytes.clone().into()).unwrap();
        let ids: Vec<[u8; 4]> = webp.chunks().iter().map(RiffChunk::id).collect();
        assert_eq!(ids, [VP8X, VP8L, *b"EXIF"]);
        let vp8x = webp.chunk_by_id(VP8X).unwrap().content().data().unwrap();
        assert_eq!(vp8x[..], [0x18, 0, 0, 0, 15, 0, 0, 9, 0, 0]);
        let riff_size = u32::from_le_bytes(clean.bytes[4..8].try_into().unwrap());
        assert_eq!(riff_size as usize + 8, clean.bytes.len());
    }

    #[test]
    fn webp_without_orientation_keeps_no_exif() {
        let original = dirty_webp(None);
        let clean = sanitize(&original).unwrap();
        assert_clean(&original, &clean, None);
        assert!(!contains(&clean.bytes, b"EXIF"));
        // The plain encoder output has no VP8X and gets none.
        let plain = plain_webp();
        let clean = sanitize(&plain).unwrap();
        assert_clean(&plain, &clean, None);
        assert!(!contains(&clean.bytes, b"VP8X"));
    }

    #[test]
    fn simple_webp_with_orientation_gains_vp8x() {
        let plain = WebP::from_bytes(plain_webp().into()).unwrap();
        let vp8l = plain.chunk_by_id(VP8L).unwrap().clone();
        let riff = RiffChunk::new(
            *b"RIFF",
            RiffContent::List {
                kind: Some(*b"WEBP"),
                subchunks: vec![vp8l, riff_data(b"EXIF", &orientation_tiff(5))],
            },
        );
        let original = riff.encoder().bytes().to_vec();
        let clean = sanitize(&original).unwrap();
        assert_clean(&original, &clean, Some(5));
        assert!(clean.bytes[12..].starts_with(b"VP8X"));
    }

    #[test]
    fn other_types_are_refused_by_their_bytes() {
        let cases: [(&[u8], AttachmentError); 9] = [
            (b"", UnsupportedType),
            (b"\xFF\xD8", UnsupportedType),
            (b"GIF89a\x01\x00\x01\x00\x80\x00\x00", UnsupportedType),
            (b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n", UnsupportedType),
            (
                b"<!DOCTYPE html><html><body>hi</body></html>",
                UnsupportedType,
            ),
            (b"just a text file named photo.jpg", UnsupportedType),
            (b"RIFF\x04\x00\x00\x00WAVE", UnsupportedType),
            (b"\xFF\xD8\xFF\xE0 not really a jpeg", Corrupt),
            (b"\x89PNG\r\n\x1a\n not really a png", Corrupt),
        ];
        for (bytes, expected) in cases {
            assert_eq!(sanitize(bytes), Err(expected), "{bytes:?}");
        }
        assert_eq!(sanitize(b"RIFF\x04\x00\x00\x00WEBP"), Err(Corrupt));
    }

    #[test]
    fn jpeg_with_garbage_after_the_headers_is_corrupt() {
        // Valid headers, random bytes as "scan data" and no EOI.
        let mut bytes = plain_jpeg();
        let sos = bytes.windows(2).position(|w| w == [0xFF, 0xDA]).unwrap();
        bytes.truncate(sos + 14);
        bytes.extend((0..2000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8 & 0x7F));
        assert_eq!(sanitize(&bytes), Err(Corrupt));
    }

    #[test]
    fn a_picture_whose_data_ends_before_its_declared_size_is_corrupt() {
        // A real file's frame header patched to 6000x6000: its few hundred bytes of scan data
        // cover a corner. A tolerant decoder fills the rest with grey and says "36 megapixels".
        let mut jpeg = plain_jpeg();
        let sof = jpeg.windows(2).position(|w| w == [0xFF, 0xC0]).unwrap();
        jpeg[sof + 5..sof + 9].copy_from_slice(&[0x17, 0x70, 0x17, 0x70]);
        assert!(jpeg.len() < 2_000, "{} bytes", jpeg.len());
        assert_eq!(sanitize(&jpeg), Err(Corrupt));

        // The same for a PNG and a WebP cut short.
        for whole in [plain_png(), plain_webp()] {
            assert!(sanitize(&whole).is_ok());
            let mut cut = whole.clone();
            cut.truncate(whole.len() * 2 / 3);
            assert!(
                sanitize(&cut).is_err(),
                "{} of {} bytes",
                cut.len(),
                whole.len()
            );
        }
    }

    #[test]
    fn animated_webp_is_refused() {
        let riff = RiffChunk::new(
            *b"RIFF",
            RiffContent::List {
                kind: Some(*b"WEBP"),
                subchunks: vec![
                    riff_data(b"VP8X", &[0x02, 0, 0, 0, 15, 0, 0, 9, 0, 0]),
                    riff_data(b"ANIM", &[0; 6]),
                ],
            },
        );
        assert_eq!(
            sanitize(&riff.encoder().bytes()),
            Err(AttachmentError::UnsupportedType)
        );
    }

    #[test]
    fn too_large_is_refused_before_parsing() {
        let mut bytes = plain_jpeg();
        bytes.resize(11 * 1024 * 1024, 0);
        assert_eq!(sanitize(&bytes), Err(AttachmentError::TooLarge));
        let mut garbage = vec![0u8; MAX_BYTES + 1];
        garbage[..3].copy_from_slice(&[0xFF, 0xD8, 0xFF]);
        assert_eq!(sanitize(&garbage), Err(AttachmentError::TooLarge));
    }

    #[test]
    fn too_many_pixels_is_refused_from_the_header() {
        // PNG: a lone IHDR claiming 10000x5000.
        let ihdr = b"\x00\x00\x27\x10\x00\x00\x13\x88\x08\x02\x00\x00\x00";
        let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
        png.extend_from_slice(
            &PngChunk::new(*b"IHDR", Bytes::from_static(ihdr))
                .encoder()
                .bytes(),
        );
        assert_eq!(sanitize(&png), Err(TooManyPixels));

        // JPEG: the real file with its frame header patched to 10000x5000.
        let mut jpeg = plain_jpeg();
        let sof = jpeg.windows(2).position(|w| w == [0xFF, 0xC0]).unwrap();
        jpeg[sof + 5..sof + 9].copy_from_slice(&[0x13, 0x88, 0x27, 0x10]);
        assert_eq!(sanitize(&jpeg), Err(TooManyPixels));

        // WebP: a VP8X canvas of 10000x5000.
        let mut webp = dirty_webp(Some(6));
        let vp8x = webp.windows(4).position(|w| w == b"VP8X").unwrap();
        webp[vp8x + 12..vp8x + 18].copy_from_slice(&[0x0F, 0x27, 0, 0x87, 0x13, 0]);
        assert_eq!(sanitize(&webp), Err(TooManyPixels));

        // Exactly at the limit is fine as far as the header goes (then corrupt: no data).
        assert_eq!(check_pixels(8000, 5000), Ok(()));
        assert_eq!(check_pixels(8000, 5001), Err(TooManyPixels));
        assert_eq!(check_pixels(0, 5), Err(Corrupt));
    }

    #[test]
    fn mismatched_webp_canvas_is_corrupt() {
        let mut webp = dirty_webp(Some(6));
        let vp8x = webp.windows(4).position(|w| w == b"VP8X").unwrap();
        webp[vp8x + 12] = 99; // canvas width 100, picture width 16
        assert_eq!(sanitize(&webp), Err(Corrupt));
    }

    #[test]
    fn scans_keep_tables_and_drop_metadata_and_trailers() {
        let mut data = vec![0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56]; // stuffed 0, RST0
        data.extend_from_slice(b"\xFF\xFF\xE1\x00\x08SECRET"); // fill byte, APP1
        data.extend_from_slice(b"\xFF\xFE\x00\x08SECRET"); // COM
        data.extend_from_slice(&[0xFF, 0xC4, 0x00, 0x03, 0xAA]); // DHT
        data.extend_from_slice(&[0xFF, 0xDA, 0x00, 0x03, 0xBB]); // SOS
        data.extend_from_slice(b"\x78\xFF\xD9SECRET\xFF\xD9");
        let mut out = Vec::new();
        copy_scans(&data, &mut out).unwrap();
        let expected = [
            0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56, 0xFF, 0xC4, 0x00, 0x03, 0xAA, 0xFF, 0xDA,
            0x00, 0x03, 0xBB, 0x78, 0xFF, 0xD9,
        ];
        assert_eq!(out, expected);

        for broken in [
            &b"\x12\x34"[..],                    // no EOI
            b"\x12\xFF",                         // ends on 0xFF
            b"\x12\xFF\xC0\x00\x03\x01\xFF\xD9", // a second frame header
            b"\x12\xFF\xFE\x00\x01\xFF\xD9",     // length below 2
            b"\x12\xFF\xFE\x00\x40\xFF\xD9",     // length past the end
            b"\x12\xFF\xD8\xFF\xD9",             // SOI inside the picture
        ] {
            assert_eq!(
                copy_scans(broken, &mut Vec::new()),
                Err(Corrupt),
                "{broken:?}"
            );
        }
    }

    #[test]
    fn header_parsers() {
        assert_eq!(
            vp8_dimensions(b"\x50\x5a\x00\x9d\x01\x2a\xcd\x02\x00\x02"),
            Some((717, 512))
        );
        assert_eq!(
            vp8_dimensions(b"\x51\x5a\x00\x9d\x01\x2a\xcd\x02\x00\x02"),
            None
        );
        assert_eq!(vp8_dimensions(b"\x50\x5a\x00\x9d"), None);
        assert_eq!(vp8l_header(b"\x2f\x0f\x40\x02\x10"), Some((16, 10, true)));
        assert_eq!(vp8l_header(b"\x2e\x0f\x40\x02\x10"), None);
        assert_eq!(
            vp8x_dimensions(&[0, 0, 0, 0, 15, 0, 0, 9, 0, 0]),
            Some((16, 10))
        );
        assert_eq!(sof_dimensions(&[8, 0, 23, 0, 37, 3]), Ok((37, 23)));
        assert_eq!(sof_dimensions(&[8, 0]), Err(Corrupt));
        // 16x16 in 4:2:0: four luma blocks and one of each chroma.
        let frame = [8, 0, 16, 0, 16, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
        assert_eq!(min_scan_bits(markers::SOF0, &frame), Some(12));
        assert_eq!(min_scan_bits(markers::SOF2, &frame), Some(6));
        assert_eq!(min_scan_bits(markers::SOF9, &frame), Some(0));
        assert_eq!(min_scan_bits(markers::SOF0, &frame[..9]), None);
        assert_eq!(
            min_scan_bits(markers::SOF0, &[8, 0, 16, 0, 16, 1, 1, 0x00, 0]),
            None
        );
        assert_eq!(orientation_from_exif(&orientation_tiff(7)), Some(7));
        assert_eq!(orientation_from_exif(&orientation_tiff(1)), None);
        assert_eq!(orientation_from_exif(&orientation_tiff(9)), None);
        assert_eq!(orientation_from_exif(b"Exif\0\0garbage"), None);
    }

    /// Truncated and mutated versions of every corpus file (and of the cleaned ones) must give
    /// an error or a clean picture, never a panic. Calls the unguarded function so that a panic
    /// anywhere, ours or a dependency's, fails the test instead of becoming `Corrupt`.
    #[test]
    fn mutated_inputs_never_panic() {
        let mut corpus = vec![dirty_jpeg(), dirty_png(), dirty_webp(Some(6)), plain_webp()];
        let cleaned: Vec<Vec<u8>> = corpus
            .iter()
            .map(|file| sanitize(file).unwrap().bytes)
            .collect();
        corpus.extend(cleaned);
        let mut state = 0x9E37_79B9_7F4A_7C15_u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for file in &corpus {
            let step = (file.len() / 300).max(1);
            for len in (0..file.len()).step_by(step) {
                let _ = sanitize_unguarded(&file[..len]);
            }
            for round in 0..400 {
                let mut mutated = file.clone();
                for _ in 0..1 + round % 4 {
                    let at = (next() % file.len() as u64) as usize;
                    match next() % 3 {
                        0 => mutated[at] ^= 1 << (next() % 8),
                        1 => mutated[at] = 0xFF,
                        _ => mutated[at] = next() as u8,
                    }
                }
                if let Ok(clean) = sanitize_unguarded(&mutated) {
                    assert!(decode(&clean.bytes).width() == clean.width);
                }
            }
        }
    }
}
