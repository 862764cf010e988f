//! A PDF's text, read with hayro (the PDF interpreter Typst itself uses, pure Rust): every glyph is
//! drawn onto a device that keeps its character and position, then glyphs are put back into lines
//! top to bottom, words split where the gap is wider than a space.

use hayro_interpret::font::Glyph;
use hayro_interpret::hayro_cmap::BfString;
use hayro_interpret::hayro_syntax::Pdf;
use hayro_interpret::{
    interpret_page, BlendMode, ClipPath, Context, Device, GlyphDrawMode, Image, InterpreterCache,
    InterpreterSettings, Paint, PathDrawMode, SoftMask,
};
use kurbo::{Affine, BezPath, Point, Rect};

use super::IntakeError;

/// Pages read for text, at most: an order confirmation or an invoice has a few.
pub const MAX_PAGES: usize = 30;
/// Glyphs kept, at most (a page of text has a few thousand): a crafted PDF cannot fill the memory.
pub const MAX_GLYPHS: usize = 400_000;

struct Placed {
    text: String,
    x: f64,
    /// Where the next glyph would start without a space.
    x_end: f64,
    y: f64,
    size: f64,
}

#[derive(Default)]
struct Collector {
    page_height: f64,
    glyphs: Vec<Placed>,
}

impl Device<'_> for Collector {
    fn set_soft_mask(&mut self, _: Option<SoftMask<'_>>) {}
    fn set_blend_mode(&mut self, _: BlendMode) {}
    fn draw_path(&mut self, _: &BezPath, _: Affine, _: &Paint<'_>, _: &PathDrawMode) {}
    fn push_clip_path(&mut self, _: &ClipPath) {}
    fn push_transparency_group(&mut self, _: f32, _: Option<SoftMask<'_>>, _: BlendMode) {}
    fn draw_glyph(
        &mut self,
        glyph: &Glyph<'_>,
        transform: Affine,
        glyph_transform: Affine,
        _: &Paint<'_>,
        _: &GlyphDrawMode,
    ) {
        if self.glyphs.len() >= MAX_GLYPHS {
            return;
        }
        let Some(unicode) = glyph.as_unicode() else {
            return;
        };
        let text = match unicode {
            BfString::Char(c) => c.to_string(),
            BfString::String(s) => s,
        };
        // Glyph space is 1000 units per em; the page's y axis points up.
        let t = transform * glyph_transform;
        let origin = t * Point::new(0.0, 0.0);
        let up = t * Point::new(0.0, 1000.0);
        let size = ((up.x - origin.x).powi(2) + (up.y - origin.y).powi(2)).sqrt();
        let advance = match glyph {
            Glyph::Outline(g) => g.advance_width().map(f64::from).unwrap_or(500.0),
            Glyph::Type3(_) => 500.0,
        };
        let end = t * Point::new(advance, 0.0);
        self.glyphs.push(Placed {
            text,
            x: origin.x,
            x_end: end.x,
            y: self.page_height - origin.y,
            size,
        });
    }
    fn draw_image(&mut self, _: Image<'_, '_>, _: Affine) {}
    fn pop_clip_path(&mut self) {}
    fn pop_transparency_group(&mut self) {}
}

/// All the compressed streams of a PDF together may not inflate past this: a « PDF bomb » (a few
/// megabytes that inflate to gigabytes) is refused before the interpreter reads it.
pub const MAX_INFLATED: u64 = 256 * 1024 * 1024;

/// Inflates every stream that looks compressed, counting bytes and keeping none, and refuses the
/// file when they pass `MAX_INFLATED`. Streams that are not deflate data (images) stop at once.
pub(crate) fn preflight(bytes: &[u8]) -> Result<(), IntakeError> {
    use std::io::Read;
    let mut total: u64 = 0;
    let mut at = 0;
    let mut buf = vec![0u8; 64 * 1024];
    while let Some(found) = find(bytes, b"stream", at) {
        let mut start = found + b"stream".len();
        at = start;
        if found >= 3 && bytes.get(found - 3..found) == Some(&b"end"[..]) {
            continue;
        }
        match bytes.get(start..start + 2) {
            Some(b"\r\n") => start += 2,
            Some([b'\n', _]) | Some([b'\r', _]) => start += 1,
            _ => continue,
        }
        let end = find(bytes, b"endstream", start).unwrap_or(bytes.len());
        let data = bytes.get(start..end).unwrap_or(&[]);
        let mut decoder = flate2::read::ZlibDecoder::new(data);
        loop {
            match decoder.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => {
                    total += n as u64;
                    if total > MAX_INFLATED {
                        return Err(IntakeError::TooComplex(
                            "ce PDF se décompresse en bien plus de données qu'un document n'en contient".to_owned(),
                        ));
                    }
                }
            }
        }
        at = end;
    }
    Ok(())
}

fn find(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    haystack
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|i| i + from)
}

/// The text of a PDF, one visual line per line, pages in order.
pub fn pdf_text(bytes: &[u8]) -> Result<String, IntakeError> {
    pdf_text_with(bytes, &mut |_, _| {})
}

/// The same, telling `on_page(read, total)` after each page (a long PDF shows its progress). A
/// panic inside the interpreter on a malformed file is caught: the file is refused, the app goes on.
pub fn pdf_text_with(
    bytes: &[u8],
    on_page: &mut dyn FnMut(usize, usize),
) -> Result<String, IntakeError> {
    preflight(bytes)?;
    let pdf = Pdf::new(bytes.to_vec()).map_err(|_| IntakeError::Unreadable("un PDF"))?;
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| read_pages(&pdf, on_page)))
        .map_err(|_| IntakeError::Unreadable("un PDF"))
}

fn read_pages(pdf: &Pdf, on_page: &mut dyn FnMut(usize, usize)) -> String {
    let pages = pdf.pages();
    let total = pages.len().min(MAX_PAGES);
    let cache = InterpreterCache::new();
    let mut out = String::new();
    for (read, page) in pages.iter().take(MAX_PAGES).enumerate() {
        let (_, height) = page.render_dimensions();
        let mut context = Context::new(
            Affine::IDENTITY,
            Rect::new(0.0, 0.0, 1.0, 1.0),
            &cache,
            page.xref(),
            InterpreterSettings::default(),
        );
        let mut collector = Collector {
            page_height: f64::from(height),
            glyphs: Vec::new(),
        };
        interpret_page(page, &mut context, &mut collector);
        let text = lines_of(collector.glyphs);
        if !text.is_empty() {
            if !out.is_empty() {
                out.push('\n');
            }
            out.push_str(&text);
        }
        on_page(read + 1, total);
    }
    out
}

/// Glyphs into lines: sorted top to bottom, a new line when the baseline moves by more than half a
/// glyph; left to right within a line, a space where the gap exceeds a fifth of an em.
fn lines_of(mut glyphs: Vec<Placed>) -> String {
    glyphs.retain(|g| g.x.is_finite() && g.y.is_finite() && g.size.is_finite());
    glyphs.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    let mut lines: Vec<Vec<Placed>> = Vec::new();
    for g in glyphs {
        match lines.last_mut() {
            Some(line)
                if line
                    .first()
                    .is_some_and(|f| (g.y - f.y).abs() <= f.size.max(1.0) * 0.5) =>
            {
                line.push(g)
            }
            _ => lines.push(vec![g]),
        }
    }
    let mut out = String::new();
    for mut line in lines {
        line.sort_by(|a, b| a.x.total_cmp(&b.x));
        let mut text = String::new();
        let mut previous_end: Option<f64> = None;
        for g in &line {
            if let Some(end) = previous_end {
                if g.x - end > g.size.max(1.0) * 0.2 && !text.ends_with(' ') {
                    text.push(' ');
                }
            }
            text.push_str(&g.text);
            previous_end = Some(g.x_end);
        }
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if !text.is_empty() {
            if !out.is_empty() {
                out.push('\n');
            }
            out.push_str(&text);
        }
    }
    out
}
