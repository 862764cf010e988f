//! A PDF piece's thumbnail: its first page drawn, text and all.

use recours_core::evidence::preview::{thumbnail, THUMBNAIL_WIDTH};

fn fixture(name: &str) -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/intake")
        .join(name);
    std::fs::read(path).expect("fixture")
}

#[test]
fn a_pdf_invoice_gets_its_first_page_as_a_png_with_ink_on_it() {
    let (mime, png) =
        thumbnail("application/pdf", fixture("cdiscount-invoice.pdf")).expect("a thumbnail");
    assert_eq!(mime, "image/png");
    let decoder = png::Decoder::new(std::io::Cursor::new(png));
    let mut reader = decoder.read_info().expect("a PNG");
    let mut pixels = vec![0; reader.output_buffer_size().expect("size")];
    let info = reader.next_frame(&mut pixels).expect("a frame");
    assert_eq!(info.width, THUMBNAIL_WIDTH as u32);
    // An A4 page is taller than wide (297 / 210).
    assert!(
        info.height > info.width * 13 / 10 && info.height < info.width * 15 / 10,
        "{}x{}",
        info.width,
        info.height
    );
    // A white page with small text on it: most pixels white, some inked (glyphs, anti-aliased grey).
    let data = &pixels[..info.buffer_size()];
    let channels = info.color_type.samples();
    let dark = data
        .chunks(channels)
        .filter(|p| p.iter().take(3).all(|&c| c < 180))
        .count();
    let total = data.len() / channels;
    assert!(dark > 300, "no text drawn: {dark} dark pixels");
    assert!(
        dark < total / 4,
        "the page is not mostly white: {dark} of {total}"
    );
}

#[test]
fn a_pdf_bomb_or_a_broken_pdf_gets_no_thumbnail() {
    assert_eq!(
        thumbnail(
            "application/pdf",
            b"%PDF-1.7\n1 0 obj << >> endobj\n%%EOF".to_vec()
        ),
        None
    );
}
