//! What the server-rendered public pages need besides their data: the files every page links
//! (style, icon, the offline script and the service worker), compiled into the binary so the
//! pages never depend on the web app's build, and the reader's messages for the `site` crate.

use std::io::Write as _;

use sanad_shared::{i18n::Args, Language};
use sanad_site::{Assets, Messages};
use sha2::{Digest, Sha256};

use crate::locales::Locales;

/// One file, with its brotli copy when that is smaller.
pub struct StaticFile {
    pub name: String,
    pub mime: &'static str,
    pub bytes: Vec<u8>,
    pub brotli: Option<Vec<u8>>,
    pub etag: String,
}

impl StaticFile {
    /// `<stem>-<hash>.<ext>`: the name the web app's build gives the same bytes, so a phone that
    /// opened a form page already holds the style the reading pages link.
    fn hashed(stem: &str, ext: &str, mime: &'static str, bytes: Vec<u8>) -> StaticFile {
        let hash = hex::encode(&Sha256::digest(&bytes)[..6]);
        StaticFile::named(format!("{stem}-{hash}.{ext}"), mime, bytes)
    }

    fn named(name: String, mime: &'static str, bytes: Vec<u8>) -> StaticFile {
        let compressed = brotli(&bytes);
        StaticFile {
            name,
            mime,
            etag: crate::frontend::etag_of(&bytes),
            brotli: compressed.filter(|c| c.len() < bytes.len()),
            bytes,
        }
    }
}

fn brotli(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    {
        let mut writer = brotli::CompressorWriter::new(&mut out, 4096, 11, 22);
        writer.write_all(bytes).ok()?;
    }
    Some(out)
}

/// The picture a link preview shows for a page without its own: Sanad's mark, white on its
/// green, at the 1200 × 630 that WhatsApp, Telegram and Facebook crop to. Drawn here because
/// link previews do not read SVG, and a PNG in the repository would drift from the icon.
fn default_card() -> Vec<u8> {
    const WIDTH: u32 = 1200;
    const HEIGHT: u32 = 630;
    // icon.svg's strokes, in its 64-unit box: two lines and the curve `M18 40 c6 6 22 6 28 0`.
    let mut strokes = vec![((22.0, 24.0), (42.0, 24.0)), ((32.0, 14.0), (32.0, 40.0))];
    let curve = |t: f32| {
        let u = 1.0 - t;
        let x =
            u * u * u * 18.0 + 3.0 * u * u * t * 24.0 + 3.0 * u * t * t * 40.0 + t * t * t * 46.0;
        let y =
            u * u * u * 40.0 + 3.0 * u * u * t * 46.0 + 3.0 * u * t * t * 46.0 + t * t * t * 40.0;
        (x, y)
    };
    for i in 0..24 {
        strokes.push((curve(i as f32 / 24.0), curve((i + 1) as f32 / 24.0)));
    }
    let scale = 7.0_f32;
    let origin_x = (WIDTH as f32 - 64.0 * scale) / 2.0;
    let origin_y = (HEIGHT as f32 - 64.0 * scale) / 2.0;
    let near = |(px, py): (f32, f32)| {
        strokes.iter().any(|&((ax, ay), (bx, by))| {
            let (dx, dy) = (bx - ax, by - ay);
            let t = (((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)).clamp(0.0, 1.0);
            let (cx, cy) = (ax + t * dx - px, ay + t * dy - py);
            cx * cx + cy * cy <= 9.0
        })
    };
    let picture = image::RgbImage::from_fn(WIDTH, HEIGHT, |x, y| {
        let unit = (
            (x as f32 + 0.5 - origin_x) / scale,
            (y as f32 + 0.5 - origin_y) / scale,
        );
        if (10.0..54.0).contains(&unit.0) && (10.0..54.0).contains(&unit.1) && near(unit) {
            image::Rgb([255, 255, 255])
        } else {
            image::Rgb([0x0b, 0x5d, 0x4b])
        }
    });
    let mut png = Vec::new();
    let encoded = image::ImageEncoder::write_image(
        image::codecs::png::PngEncoder::new(&mut png),
        picture.as_raw(),
        WIDTH,
        HEIGHT,
        image::ExtendedColorType::Rgb8,
    );
    if encoded.is_err() {
        png.clear();
    }
    png
}

/// The public pages' files: the hashed ones under `/assets/`, and `/sw.js`.
pub struct SiteFiles {
    pub style: StaticFile,
    pub icon: StaticFile,
    /// The default picture of link previews.
    pub card: StaticFile,
    pub offline: StaticFile,
    pub service_worker: StaticFile,
}

impl SiteFiles {
    pub fn load() -> SiteFiles {
        let style = StaticFile::hashed(
            "style",
            "css",
            "text/css; charset=utf-8",
            include_bytes!("../../frontend/static/style.css").to_vec(),
        );
        let icon = StaticFile::hashed(
            "icon",
            "svg",
            "image/svg+xml",
            include_bytes!("../../frontend/static/icon.svg").to_vec(),
        );
        let card = StaticFile::hashed("card", "png", "image/png", default_card());
        let offline = StaticFile::hashed(
            "offline",
            "js",
            "text/javascript; charset=utf-8",
            include_bytes!("../../frontend/static/offline.js").to_vec(),
        );
        let shell: Vec<String> = [&style, &icon, &offline]
            .into_iter()
            .map(|f| format!("/assets/{}", f.name))
            .collect();
        let list = serde_json::to_string(&shell).unwrap_or_else(|_| "[]".to_owned());
        // A new style or script makes a new worker, which drops the copies of the old ones.
        let version = hex::encode(&Sha256::digest(list.as_bytes())[..6]);
        let worker = include_str!("../../frontend/static/sw.js")
            .replace("{{version}}", &version)
            .replace("{{shell}}", &list);
        let service_worker = StaticFile::named(
            "sw.js".to_owned(),
            "text/javascript; charset=utf-8",
            worker.into_bytes(),
        );
        SiteFiles {
            style,
            icon,
            card,
            offline,
            service_worker,
        }
    }

    /// A file under `/assets/` by its hashed name.
    pub fn asset(&self, name: &str) -> Option<&StaticFile> {
        [&self.style, &self.icon, &self.card, &self.offline]
            .into_iter()
            .find(|f| f.name == name)
    }

    pub fn assets(&self) -> Assets {
        Assets {
            style: format!("/assets/{}", self.style.name),
            icon: format!("/assets/{}", self.icon.name),
            offline: format!("/assets/{}", self.offline.name),
        }
    }
}

/// The locale files' messages in one language, for the site's components.
pub struct Words<'a> {
    pub locales: &'a Locales,
    pub language: Language,
}

impl Messages for Words<'_> {
    fn language(&self) -> Language {
        self.language
    }

    fn get(&self, key: &str) -> String {
        self.locales
            .message_for(self.language, key)
            .unwrap_or_else(|| key.to_owned())
    }

    fn get_with(&self, key: &str, args: &Args<'_>) -> String {
        self.locales.message_with_args(self.language, key, args)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_worker_names_the_files_pages_link() {
        let files = SiteFiles::load();
        let worker = String::from_utf8_lossy(&files.service_worker.bytes).into_owned();
        assert!(!worker.contains("{{"), "every placeholder is filled");
        for asset in [&files.style, &files.icon, &files.offline] {
            assert!(worker.contains(&format!("/assets/{}", asset.name)));
            assert!(files.asset(&asset.name).is_some());
        }
        assert!(files.asset("style.css").is_none());
        let card = image::load_from_memory(&files.card.bytes).unwrap();
        assert_eq!((card.width(), card.height()), (1200, 630));
        let card = card.to_rgb8();
        assert_eq!(card.get_pixel(5, 5).0, [0x0b, 0x5d, 0x4b], "green around");
        assert_eq!(
            card.get_pixel(600, 315 - 7 * 8).0,
            [255, 255, 255],
            "the mark's stem"
        );
        assert!(files
            .style
            .brotli
            .as_ref()
            .is_some_and(|b| b.len() < files.style.bytes.len()));
    }
}
