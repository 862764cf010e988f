//! Thumbnails of pieces for the list: an image as it is (when small enough), a PDF's first page
//! drawn with hayro. A file that cannot be drawn simply has no thumbnail (the list shows its icon).

use hayro::hayro_interpret::hayro_syntax::Pdf;
use hayro::hayro_interpret::InterpreterSettings;
use hayro::vello_cpu::color::palette::css::WHITE;
use hayro::{render, RenderCache, RenderSettings};

/// Width of a PDF thumbnail, in pixels (the card shows it at a third of that; sharp on HiDPI).
pub const THUMBNAIL_WIDTH: f32 = 240.0;
/// Pieces larger than this get no thumbnail: reading them for a picture is not worth the wait.
pub const PREVIEW_LIMIT: u64 = 10_000_000;

/// Whether pieces of this type can have a thumbnail (the others are not read at all).
pub fn has_thumbnail(mime: &str) -> bool {
    matches!(
        mime,
        "image/png" | "image/jpeg" | "image/gif" | "image/webp" | "application/pdf"
    )
}

/// A thumbnail of the piece: its type and bytes (PNG for a PDF), or `None`.
pub fn thumbnail(mime: &str, bytes: Vec<u8>) -> Option<(String, Vec<u8>)> {
    if bytes.len() as u64 > PREVIEW_LIMIT {
        return None;
    }
    match mime {
        "image/png" | "image/jpeg" | "image/gif" | "image/webp" => Some((mime.to_owned(), bytes)),
        "application/pdf" => pdf_first_page(bytes).map(|png| ("image/png".to_owned(), png)),
        _ => None,
    }
}

/// The first page of a PDF as a PNG `THUMBNAIL_WIDTH` pixels wide. A PDF bomb is refused before
/// the interpreter reads it, and a panic inside the rasterizer on a malformed file is contained.
pub fn pdf_first_page(bytes: Vec<u8>) -> Option<Vec<u8>> {
    crate::intake::pdf::preflight(&bytes).ok()?;
    std::panic::catch_unwind(move || {
        let pdf = Pdf::new(bytes).ok()?;
        let pages = pdf.pages();
        let page = pages.first()?;
        let (width, height) = page.render_dimensions();
        if !(width.is_finite() && height.is_finite()) || width < 1.0 || height < 1.0 {
            return None;
        }
        let scale = THUMBNAIL_WIDTH / width;
        // A page many times taller than wide would make a huge picture: cap it at four widths.
        let pixels_high = (height * scale).min(THUMBNAIL_WIDTH * 4.0);
        let settings = RenderSettings {
            x_scale: scale,
            y_scale: scale,
            width: Some(THUMBNAIL_WIDTH as u16),
            height: Some(pixels_high.max(1.0) as u16),
            bg_color: WHITE,
        };
        let cache = RenderCache::new();
        let pixmap = render(page, &cache, &InterpreterSettings::default(), &settings);
        pixmap.into_png().ok()
    })
    .ok()
    .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pictures_pass_through_and_other_types_have_none() {
        let png = vec![0x89, b'P', b'N', b'G'];
        assert_eq!(
            thumbnail("image/png", png.clone()),
            Some(("image/png".to_owned(), png))
        );
        assert_eq!(thumbnail("text/plain", b"bonjour".to_vec()), None);
        assert_eq!(
            thumbnail("application/pdf", b"%PDF-1.4 nothing".to_vec()),
            None
        );
    }

    #[test]
    fn a_piece_over_the_limit_gets_no_thumbnail() {
        let big = vec![0u8; PREVIEW_LIMIT as usize + 1];
        assert_eq!(thumbnail("image/jpeg", big), None);
    }
}
