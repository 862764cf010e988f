//! Intake on the fixture corpus (tests/fixtures/intake, written for the tests by make.py): each
//! expected value is read off the fixture's own text, not off the code's output.

use std::path::PathBuf;

use chrono::NaiveDate;
use recours_core::dossier::PaymentMethod;
use recours_core::intake::{self, DocumentKind, IntakeError};
use recours_core::rules::model::EventKind;

fn fixture(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/intake")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a real date")
}

fn propose(name: &str) -> intake::Proposal {
    intake::propose(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e:?}"))
}

#[test]
fn an_html_confirmation_in_quoted_printable_gives_the_total_not_the_subtotal_and_the_window() {
    let p = propose("fnac-confirmation.eml");
    assert_eq!(p.kind, DocumentKind::Email);
    let o = &p.dossier.order;
    assert_eq!(o.reference.as_deref(), Some("1A2B3C4D5E"));
    assert_eq!(o.date, Some(ymd(2026, 11, 3)));
    // « Sous-total 1 199,00 € », « Frais de livraison 0,00 € », « Total TTC 1 199,00 € ».
    assert_eq!(o.amount_cents, Some(119_900));
    assert_eq!(
        p.sources["order.amount_cents"].passage,
        "Total TTC 1 199,00 €"
    );
    assert_eq!(o.payment_method, Some(PaymentMethod::Card));
    // « Livraison prévue entre le 6 et le 9 novembre 2026 »: the promise is kept by the last day.
    assert_eq!(o.promised_delivery_date, Some(ymd(2026, 11, 9)));
    let window = p.delivery_window.as_ref().expect("a window");
    assert_eq!(
        (window.from, window.to),
        (ymd(2026, 11, 6), ymd(2026, 11, 9))
    );
    let m = &p.dossier.merchant;
    assert_eq!(m.name.as_deref(), Some("Fnac.com"));
    assert_eq!(m.website.as_deref(), Some("https://www.fnac.com"));
    // The sender is a no-reply address: the one the e-mail gives for questions is proposed.
    assert_eq!(m.email.as_deref(), Some("service.client@fnac.com"));
    assert!(p.dossier.platform.is_none());
    assert_eq!(
        p.dossier.title.as_deref(),
        Some("Fnac.com – commande 1A2B3C4D5E")
    );
    assert!(!p.found_nothing);
}

#[test]
fn a_marketplace_confirmation_names_the_seller_and_the_platform_as_two_parties() {
    let p = propose("amazon-marketplace.eml");
    let o = &p.dossier.order;
    assert_eq!(o.reference.as_deref(), Some("402-1234567-7654321"));
    assert_eq!(o.date, Some(ymd(2026, 11, 3)));
    assert_eq!(p.sources["order.date"].words, "3 novembre 2026");
    // « Sous-total des articles : 54,90 € », « Livraison : 4,99 € », « Montant total : 59,89 € ».
    assert_eq!(o.amount_cents, Some(5_989));
    assert_eq!(o.promised_delivery_date, Some(ymd(2026, 11, 12)));
    assert!(p.delivery_window.is_none());
    assert_eq!(o.payment_method, Some(PaymentMethod::Card));
    assert_eq!(p.dossier.merchant.name.as_deref(), Some("TechDiscount FR"));
    assert_eq!(
        p.sources["merchant.name"].passage,
        "Vendu par : TechDiscount FR"
    );
    let platform = p.dossier.platform.as_ref().expect("the platform");
    assert_eq!(platform.directory_id.as_deref(), Some("amazon"));
    // The seller's own addresses are not the platform's.
    assert!(p.dossier.merchant.website.is_none() && p.dossier.merchant.email.is_none());
}

#[test]
fn english_dates_and_amounts_and_paypal() {
    let p = propose("lumen-english.eml");
    let o = &p.dossier.order;
    assert_eq!(o.reference.as_deref(), Some("ML-77821"));
    assert_eq!(o.date, Some(ymd(2026, 11, 3)));
    assert_eq!(o.amount_cents, Some(8_900));
    assert_eq!(o.payment_method, Some(PaymentMethod::Paypal));
    assert_eq!(o.promised_delivery_date, Some(ymd(2026, 11, 10)));
    assert_eq!(p.dossier.merchant.name.as_deref(), Some("Maison Lumen"));
    assert_eq!(
        p.dossier.merchant.email.as_deref(),
        Some("commandes@maisonlumen.fr")
    );
}

#[test]
fn a_saved_page_with_a_paiement_fractionne_and_a_delivery_day_without_its_year() {
    let p = propose("atelier-brun-page.html");
    assert_eq!(p.kind, DocumentKind::Html);
    let o = &p.dossier.order;
    assert_eq!(o.reference.as_deref(), Some("AB-2026-00981"));
    assert_eq!(o.date, Some(ymd(2026, 11, 3)));
    // « Total HT 1 028,80 € » is not what was paid; « Total TTC 1 234,56 € » is.
    assert_eq!(o.amount_cents, Some(123_456));
    assert_eq!(o.payment_method, Some(PaymentMethod::Bnpl));
    assert_eq!(o.lender.as_deref(), Some("Klarna"));
    // « Livraison prévue le 18 novembre » after an order of 3 November 2026.
    assert_eq!(o.promised_delivery_date, Some(ymd(2026, 11, 18)));
    assert_eq!(p.dossier.merchant.name.as_deref(), Some("Atelier Brun"));
    assert_eq!(
        p.dossier.merchant.website.as_deref(),
        Some("https://www.atelier-brun.fr")
    );
    assert_eq!(
        p.dossier.merchant.email.as_deref(),
        Some("contact@atelier-brun.fr")
    );
}

#[test]
fn a_pdf_invoice_from_a_generator_is_read_with_its_marketplace_seller() {
    let p = propose("cdiscount-invoice.pdf");
    assert_eq!(p.kind, DocumentKind::Pdf);
    let o = &p.dossier.order;
    assert_eq!(o.reference.as_deref(), Some("2611031452CXV"));
    assert_eq!(o.date, Some(ymd(2026, 11, 3)));
    assert_eq!(o.amount_cents, Some(24_900));
    assert_eq!(o.payment_method, Some(PaymentMethod::Card));
    assert_eq!(p.dossier.merchant.name.as_deref(), Some("ÉlectroPlus SAS"));
    assert_eq!(
        p.dossier
            .platform
            .as_ref()
            .and_then(|p| p.directory_id.as_deref()),
        Some("cdiscount")
    );
}

#[test]
fn a_hand_written_pdf_with_a_kerned_line_reads_as_words() {
    let doc =
        intake::read_document(&attachment_of("boulanger-reply.eml")).expect("the attached PDF");
    assert_eq!(doc.kind, DocumentKind::Pdf);
    assert!(doc.text.contains("Commande n° 88123456"), "{}", doc.text);
    assert!(
        doc.text
            .contains("Colis à déposer avant le 30 novembre 2026"),
        "{}",
        doc.text
    );
}

fn attachment_of(name: &str) -> Vec<u8> {
    let doc = intake::read_document(&fixture(name)).expect("the e-mail");
    let email = doc.email.expect("an e-mail");
    email
        .attachments
        .into_iter()
        .next()
        .expect("one attachment")
        .bytes
}

#[test]
fn the_merchants_reply_is_a_journal_entry_dated_in_its_senders_time_zone() {
    let doc = intake::read_document(&fixture("boulanger-reply.eml")).expect("read");
    let e = intake::propose_event(&doc, Some("camille.exemple@exemple.fr")).expect("an e-mail");
    assert_eq!(e.kind, EventKind::MerchantReplied);
    // Date: Sat, 21 Nov 2026 00:30:00 +0100 — still the 20th in UTC, the 21st for the sender.
    assert_eq!(e.date, Some(ymd(2026, 11, 21)));
    assert!(
        e.note.contains("Re: Réclamation commande 88123456"),
        "{}",
        e.note
    );
    assert_eq!(e.attachments.len(), 1);
    assert_eq!(e.attachments[0].name, "bon-de-retour.pdf");
    assert_eq!(e.attachments[0].mime, "application/pdf");
}

#[test]
fn the_persons_own_e_mail_is_the_complaint_they_sent() {
    let doc = intake::read_document(&fixture("own-complaint.eml")).expect("read");
    let e = intake::propose_event(&doc, Some("Camille.Exemple@exemple.fr")).expect("an e-mail");
    assert_eq!(e.kind, EventKind::ComplaintSent);
    assert_eq!(e.date, Some(ymd(2026, 11, 16)));
    // Without the person's address, it cannot be told apart: the merchant's answer is proposed.
    let e = intake::propose_event(&doc, None).expect("an e-mail");
    assert_eq!(e.kind, EventKind::MerchantReplied);
}

#[test]
fn an_e_mail_with_no_order_in_it_says_it_found_nothing() {
    let p = propose("newsletter-nothing.eml");
    assert!(p.found_nothing);
    assert!(p.dossier.order.reference.is_none() && p.dossier.order.amount_cents.is_none());
}

#[test]
fn hostile_and_mislabelled_files_are_refused_whole() {
    // 50 000 parts.
    let mut eml = String::from("From: a@exemple.fr\nDate: Mon, 16 Nov 2026 10:00:00 +0100\nSubject: x\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"b\"\n\n");
    for i in 0..50_000 {
        eml.push_str(&format!("--b\nContent-Type: text/plain\n\n{i}\n"));
    }
    eml.push_str("--b--\n");
    match intake::propose(eml.as_bytes()) {
        Err(IntakeError::TooComplex(why)) => assert!(why.contains("parties"), "{why}"),
        other => panic!("50 000 parts accepted: {other:?}"),
    }
    // A picture named like a PDF: the content decides.
    let png = [
        0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, b'I', b'H', b'D', b'R', 0,
        0, 1, 0,
    ];
    assert_eq!(intake::propose(&png).err(), Some(IntakeError::Unsupported));
    // A file that starts like a PDF and is not one.
    assert_eq!(
        intake::propose(b"%PDF-1.7\nnothing else").err(),
        Some(IntakeError::Unreadable("un PDF"))
    );
    // Too large to be a confirmation.
    let big = vec![b'a'; intake::MAX_BYTES + 1];
    assert_eq!(intake::propose(&big).err(), Some(IntakeError::TooLarge));
    // A PDF bomb: a small stream that inflates past the limit is refused before it is read.
    let bomb = pdf_bomb();
    assert!(
        bomb.len() < 2 * 1024 * 1024,
        "the bomb itself is small: {}",
        bomb.len()
    );
    match intake::propose(&bomb) {
        Err(IntakeError::TooComplex(why)) => assert!(why.contains("décompresse"), "{why}"),
        other => panic!("a PDF bomb was read: {other:?}"),
    }
    // Every refusal reaches the person in French.
    let message = recours_core::CoreError::from(IntakeError::Unsupported).to_string();
    assert!(
        message.contains("Recours ne sait pas lire ce type de fichier"),
        "{message}"
    );
}

fn pdf_bomb() -> Vec<u8> {
    use std::io::Write;
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    let zeros = vec![0u8; 1024 * 1024];
    for _ in 0..300 {
        let _ = z.write_all(&zeros);
    }
    let data = z.finish().unwrap_or_default();
    let mut pdf = b"%PDF-1.4\n1 0 obj\n<< /Length ".to_vec();
    pdf.extend_from_slice(format!("{} /Filter /FlateDecode >>\nstream\n", data.len()).as_bytes());
    pdf.extend_from_slice(&data);
    pdf.extend_from_slice(b"\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
    pdf
}
