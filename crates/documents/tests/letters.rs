//! Every letter kind rendered for several real dossiers and checked with real PDF tools: the file is
//! sound, every font is embedded, and the text carries the articles, the amounts written the French
//! way, the order reference and the dates in words.

mod support;

use recours_core::dossier::Problem;
use recours_core::letters::{compose, finish, LetterEdit, LetterKind};
use recours_core::rules::model::EventKind;
use recours_core::CoreError;
use recours_documents::letters::{letter_pdf, save_letter_piece};
use recours_documents::render;
use support::*;

/// Replaces every "[à compléter : …]" by what a person would write.
fn completed(edit: &LetterEdit) -> LetterEdit {
    let fill = |text: &str| {
        let mut out = String::new();
        let mut rest = text;
        while let Some(start) = rest.find("[à compléter") {
            out.push_str(&rest[..start]);
            let end = rest[start..]
                .find(']')
                .map(|e| start + e + 1)
                .unwrap_or(rest.len());
            out.push_str("Banque Exemple, 1 place du Marché, 69001 Lyon");
            rest = &rest[end..];
        }
        out.push_str(rest);
        out
    };
    LetterEdit {
        recipient: fill(&edit.recipient),
        object: fill(&edit.object),
        body: fill(&edit.body),
        enclosures: fill(&edit.enclosures),
    }
}

fn articles(citation: &str) -> Vec<String> {
    citation
        .split([',', ' '])
        .filter(|w| {
            w.len() > 2
                && (w.starts_with('L') || w.starts_with('R'))
                && w[1..].chars().all(|c| c.is_ascii_digit() || c == '-')
                && w[1..].chars().any(|c| c.is_ascii_digit())
        })
        .map(str::to_owned)
        .collect()
}

#[test]
fn every_letter_kind_renders_a_sound_pdf_with_its_articles_amounts_and_dates() {
    let mut f = store_with_sender();
    let dossiers = [
        (
            Problem::NonDelivery,
            "A-12345",
            123_456,
            vec![
                (EventKind::ComplaintSent, day(2026, 5, 2)),
                (EventKind::FormalNoticeSent, day(2026, 6, 1)),
                (EventKind::FormalNoticeReceived, day(2026, 6, 3)),
            ],
        ),
        (
            Problem::NonConforming,
            "NC-778",
            49_990,
            vec![(EventKind::ComplaintSent, day(2026, 4, 2))],
        ),
        (
            Problem::WithdrawalRefund,
            "WD-3",
            259_900,
            vec![
                (EventKind::WithdrawalNotified, day(2026, 3, 25)),
                (EventKind::GoodsReturned, day(2026, 3, 27)),
            ],
        ),
        (
            Problem::HiddenDefect,
            "HD-9",
            109_900,
            vec![(EventKind::DefectDiscovered, day(2026, 9, 1))],
        ),
        (Problem::UnauthorizedPayment, "UP-1", 8_990, vec![]),
    ];
    let out = f.dir.path().join("pdf");
    std::fs::create_dir_all(&out).expect("dir");
    let mut rendered = 0;
    for (problem, reference, cents, events) in dossiers {
        let d = f
            .store
            .create_dossier(&input(problem, reference, cents), today())
            .expect("dossier");
        for (kind, date) in events {
            f.store
                .add_event(d.id, &event(kind, date), today())
                .expect("event");
        }
        let snap = f.store.dossier_snapshot(d.id, today()).expect("snapshot");
        let kinds = LetterKind::for_dossier(&d);
        assert!(!kinds.is_empty(), "{problem:?} n'a aucun courrier");
        for kind in kinds {
            let draft = compose(kind, &snap.letter_context()).expect("draft");
            let edit = completed(&draft.as_edit());
            let (_, pdf) = letter_pdf(&snap, kind, Some(&edit)).expect("pdf");
            let path = out.join(format!("{}-{}.pdf", reference, kind.as_str()));
            std::fs::write(&path, &pdf).expect("write");
            assert_sound_pdf(&path);
            let text = pdf_text(&path);
            let amount =
                recours_core::letters::typo::euros(cents).replace(['\u{a0}', '\u{202f}'], " ");
            assert!(
                text.contains(&amount),
                "{kind:?}/{problem:?} : montant {amount} absent de : {text}"
            );
            assert!(
                text.contains("12 mars 2026"),
                "{kind:?} : date de commande absente"
            );
            assert!(
                text.contains("24 novembre 2026"),
                "{kind:?} : date du courrier absente"
            );
            if kind != LetterKind::MediatorReferral && kind != LetterKind::ConciliatorReferral {
                assert!(
                    text.contains(reference),
                    "{kind:?} : référence {reference} absente"
                );
            }
            assert!(
                text.contains("Camille Martin"),
                "{kind:?} : expéditeur absent"
            );
            for legal in &draft.legal {
                for art in articles(legal.citation) {
                    assert!(
                        text.contains(&art),
                        "{kind:?}/{problem:?} : article {art} absent"
                    );
                }
            }
            if kind.registered() {
                assert!(
                    text.contains("Lettre recommandée avec accusé de réception"),
                    "{kind:?}"
                );
            }
            // Current numbering only: never the pre-2021 articles the old models cite for delivery.
            assert!(
                !text.contains("L216-2 et L216-3") && !text.contains("L138-"),
                "{kind:?}"
            );
            rendered += 1;
        }
    }
    assert!(rendered >= 14, "only {rendered} letters rendered");
}

#[test]
fn the_formal_notice_asks_for_delivery_within_the_days_granted_and_names_what_follows() {
    let mut f = store_with_sender();
    let d = f
        .store
        .create_dossier(&input(Problem::NonDelivery, "A-1", 123_456), today())
        .expect("dossier");
    let snap = f.store.dossier_snapshot(d.id, today()).expect("snapshot");
    let draft = compose(LetterKind::FormalNoticeDelivery, &snap.letter_context()).expect("draft");
    assert!(draft.body.contains("L216-6"));
    assert!(draft.body.contains("dans un délai de 8 jours"));
    assert!(
        draft.body.contains("11 avril 2026"),
        "L216-1: 30 days after 12 March"
    );
    assert!(draft.body.contains("Médiateur du e-commerce de la FEVAD"));
    assert!(draft.body.contains("injonction de payer"));
    assert_eq!(draft.sent_event, EventKind::FormalNoticeSent);
    assert_eq!(draft.deadline_days, Some(8));
}

#[test]
fn a_late_withdrawal_refund_letter_claims_the_l242_4_increase_computed_by_the_rules() {
    let mut f = store_with_sender();
    let d = f
        .store
        .create_dossier(&input(Problem::WithdrawalRefund, "WD-1", 100_000), today())
        .expect("dossier");
    f.store
        .add_event(
            d.id,
            &event(EventKind::WithdrawalNotified, day(2026, 3, 25)),
            today(),
        )
        .expect("event");
    // Received on the 27th (avis de réception): the refund runs from then (L221-24).
    f.store
        .add_event(
            d.id,
            &event(EventKind::WithdrawalReceived, day(2026, 3, 27)),
            today(),
        )
        .expect("event");
    f.store
        .add_event(
            d.id,
            &event(EventKind::GoodsReturned, day(2026, 3, 26)),
            today(),
        )
        .expect("event");
    let snap = f.store.dossier_snapshot(d.id, today()).expect("snapshot");
    let penalty = snap.assessment.penalty.clone().expect("penalty");
    assert!(penalty.increase_cents > 0);
    let draft = compose(LetterKind::FormalNoticeWithdrawal, &snap.letter_context()).expect("draft");
    let total = recours_core::letters::typo::euros(penalty.total_due_cents);
    assert!(
        draft.body.contains(&total),
        "total {total} absent: {}",
        draft.body
    );
    assert!(draft.body.contains("L242-4"));
}

#[test]
fn without_a_sender_identity_or_a_merchant_address_the_message_says_what_to_fill_in() {
    let dir = tempfile::tempdir().expect("temp");
    let mut store = recours_core::Store::open(&dir.path().join("data")).expect("open");
    let mut no_address = input(Problem::NonDelivery, "A-2", 5_000);
    no_address.merchant.postal_address = None;
    let d = store.create_dossier(&no_address, today()).expect("dossier");
    let err = store
        .draft_letter(d.id, LetterKind::Complaint, today())
        .expect_err("incomplete");
    assert_eq!(err.code(), "letter_incomplete");
    let fields: Vec<&str> = err.fields().iter().map(|f| f.field.as_str()).collect();
    assert_eq!(
        fields,
        ["sender.name", "sender.address", "merchant.postal_address"]
    );
    let message = err.to_string();
    assert!(
        message.contains("Réglages") && message.contains("adresse postale du vendeur"),
        "{message}"
    );
    // Once the sender is known, only the merchant's address is asked for.
    store.save_sender(&sender()).expect("sender");
    let err = store
        .draft_letter(d.id, LetterKind::Complaint, today())
        .expect_err("incomplete");
    assert_eq!(err.fields().len(), 1);
    // A letter that does not fit the problem is refused plainly.
    let err = store
        .draft_letter(d.id, LetterKind::FormalNoticeWithdrawal, today())
        .expect_err("unfit");
    assert!(matches!(err, CoreError::InvalidInput(_)));
}

#[test]
fn characters_special_to_the_template_language_appear_literally() {
    let mut f = store_with_sender();
    let mut i = input(Problem::NonDelivery, "#42_$x*", 1_000);
    i.description = "Code #promo $10 *gras* _souligné_ <b>balise</b> \"guillemets\" 'apostrophes' \\ @ = [crochets] {accolades} // commentaire".into();
    let d = f.store.create_dossier(&i, today()).expect("dossier");
    let snap = f.store.dossier_snapshot(d.id, today()).expect("snapshot");
    let (_, pdf) = letter_pdf(&snap, LetterKind::Complaint, None).expect("pdf");
    let path = f.dir.path().join("special.pdf");
    std::fs::write(&path, pdf).expect("write");
    let text = pdf_text(&path);
    for needle in [
        "#promo",
        "$10",
        "*gras*",
        "_souligné_",
        "<b>balise</b>",
        "\"guillemets\"",
        "'apostrophes'",
        "\\",
        "@",
        "= [crochets]",
        "{accolades}",
        "// commentaire",
        "#42_$x*",
    ] {
        assert!(text.contains(needle), "« {needle} » absent de : {text}");
    }
}

#[test]
fn a_bracket_left_to_complete_is_refused_and_names_what_is_missing() {
    let mut f = store_with_sender();
    let d = f
        .store
        .create_dossier(&input(Problem::NonDelivery, "A-3", 1_000), today())
        .expect("dossier");
    let snap = f.store.dossier_snapshot(d.id, today()).expect("snapshot");
    let draft = compose(LetterKind::ConciliatorReferral, &snap.letter_context()).expect("draft");
    assert!(!draft.to_complete.is_empty());
    let err = finish(&draft, &draft.as_edit()).expect_err("placeholder");
    assert_eq!(err.code(), "letter_incomplete");
    assert!(
        err.to_string().contains("adresse de la permanence"),
        "{err}"
    );
    assert!(finish(&draft, &completed(&draft.as_edit())).is_ok());
}

#[test]
fn french_typography_puts_no_break_spaces_and_the_output_is_the_same_every_time() {
    let mut f = store_with_sender();
    let d = f
        .store
        .create_dossier(&input(Problem::NonDelivery, "A-4", 1_000), today())
        .expect("dossier");
    let snap = f.store.dossier_snapshot(d.id, today()).expect("snapshot");
    let draft = compose(LetterKind::FormalNoticeDelivery, &snap.letter_context()).expect("draft");
    let doc = finish(&draft, &draft.as_edit()).expect("doc");
    let all: String = doc.paragraphs.concat().concat();
    assert!(
        all.contains("\u{202f};"),
        "thin no-break space before « ; »"
    );
    assert!(all.contains("«\u{a0}livré\u{a0}»"));
    assert!(doc.object.contains('\u{a0}') || !doc.object.contains(':'));
    let a = render::letter(&doc).expect("pdf");
    let b = render::letter(&doc).expect("pdf");
    assert_eq!(a, b, "the same letter must give the same bytes");
}

#[test]
fn a_produced_letter_becomes_a_piece_of_its_dossier() {
    let mut f = store_with_sender();
    let d = f
        .store
        .create_dossier(&input(Problem::NonDelivery, "A-5", 1_000), today())
        .expect("dossier");
    let snap = f.store.dossier_snapshot(d.id, today()).expect("snapshot");
    let (draft, pdf) = letter_pdf(&snap, LetterKind::FormalNoticeDelivery, None).expect("pdf");
    let piece = save_letter_piece(&mut f.store, d.id, &draft, &pdf, today()).expect("piece");
    assert_eq!(piece.category, recours_core::evidence::Category::Letter);
    assert_eq!(piece.title, "Mise en demeure de livrer");
    assert_eq!(piece.document_date, Some(today()));
    assert_eq!(piece.mime, "application/pdf");
    assert_eq!(piece.sha256, sha256_hex(&pdf));
    assert_eq!(f.store.list_pieces(d.id).expect("pieces").len(), 1);
    // The same PDF again is not a second piece; nothing is left in the staging folder.
    let again = save_letter_piece(&mut f.store, d.id, &draft, &pdf, today()).expect("piece");
    assert_eq!(again.id, piece.id);
    assert_eq!(f.store.list_pieces(d.id).expect("pieces").len(), 1);
    let staging = f.store.data_dir().join("tmp").join("courriers");
    assert_eq!(std::fs::read_dir(staging).expect("dir").count(), 0);
    assert!(f.store.check_integrity(true).expect("check").is_ok());
}

/// A fake shop paid by card, transfer or PayPal, and purchases paid in instalments on either side
/// of 20 November 2026: none has the merchant's postal address, and every letter offered still
/// renders, goes to the one who holds the money, and carries its rule (article or network words).
#[test]
fn every_payment_route_letter_renders_without_the_merchant_address() {
    use recours_core::dossier::PaymentMethod;
    let mut f = store_with_sender();
    let out = f.dir.path().join("pdf");
    std::fs::create_dir_all(&out).expect("dir");
    let cases = [
        (Problem::Scam, PaymentMethod::Card, None, day(2026, 3, 12)),
        (
            Problem::Scam,
            PaymentMethod::Transfer,
            None,
            day(2026, 3, 12),
        ),
        (Problem::Scam, PaymentMethod::Paypal, None, day(2026, 3, 12)),
        (
            Problem::NonDelivery,
            PaymentMethod::Bnpl,
            Some("Klarna"),
            day(2026, 11, 20),
        ),
        (
            Problem::NonConforming,
            PaymentMethod::Bnpl,
            Some("Alma"),
            day(2026, 3, 12),
        ),
    ];
    let mut seen = Vec::new();
    for (i, (problem, method, lender, date)) in cases.into_iter().enumerate() {
        let mut dossier = input(problem, &format!("PAY-{i}"), 18_900);
        dossier.merchant.postal_address = None;
        dossier.order.payment_method = method;
        dossier.order.lender = lender.map(str::to_owned);
        dossier.order.date = date;
        if problem == Problem::NonConforming {
            dossier.order.delivered_date = Some(date);
        }
        let d = f.store.create_dossier(&dossier, today()).expect("dossier");
        let snap = f.store.dossier_snapshot(d.id, today()).expect("snapshot");
        let kinds = LetterKind::for_dossier(&d);
        assert!(
            !kinds.is_empty(),
            "{problem:?}/{method:?}: no letter at all"
        );
        for kind in kinds {
            // A fake shop gets no letter to the merchant; a real seller's letters wait for the
            // address the person will find (tested elsewhere): here, the payment routes.
            if kind.to_merchant() {
                assert_ne!(problem, Problem::Scam, "{kind:?} offered for a fake shop");
            }
            if kind.step() != recours_core::rules::model::StepId::PaymentDispute {
                continue;
            }
            let draft = compose(kind, &snap.letter_context()).expect("draft");
            let edit = completed(&draft.as_edit());
            let (_, pdf) = letter_pdf(&snap, kind, Some(&edit)).expect("pdf");
            let path = out.join(format!("{i}-{}.pdf", kind.as_str()));
            std::fs::write(&path, &pdf).expect("write");
            assert_sound_pdf(&path);
            let text = pdf_text(&path).replace('\n', " ");
            let rule = match kind {
                LetterKind::BankDispute => "règles du réseau de carte",
                LetterKind::PaypalDispute => "protection des achats PayPal",
                LetterKind::TransferRecall => "accord du bénéficiaire",
                LetterKind::LenderRequest if date >= day(2026, 11, 20) => "L312-48",
                LetterKind::LenderRequest => "procédure de traitement des litiges",
                other => panic!("{other:?} offered to {problem:?}/{method:?}"),
            };
            assert!(text.contains(rule), "{kind:?}: « {rule} » absent : {text}");
            seen.push(kind);
        }
    }
    for kind in [
        LetterKind::BankDispute,
        LetterKind::TransferRecall,
        LetterKind::PaypalDispute,
        LetterKind::LenderRequest,
    ] {
        assert!(seen.contains(&kind), "{kind:?} never rendered");
    }
}

/// The letters of a service, a subscription and digital content: each renders as a sound PDF with
/// embedded fonts and carries its article (L221-18 withdrawal, L215-1-1 cancellation, L215-1
/// refund after a renewal without notice, L224-25-12 digital conformity).
#[test]
fn every_service_letter_renders_with_its_article() {
    use recours_core::dossier::ServiceTerms;
    use recours_core::events::EventInput;
    use recours_core::rules::model::EventKind;
    let mut f = store_with_sender();
    let out = f.dir.path().join("pdf");
    std::fs::create_dir_all(&out).expect("dir");
    let subscription = ServiceTerms {
        subscription: true,
        renewal_date: Some(day(2026, 10, 1)),
        renewal_notice_received: Some(false),
        online_cancellation: Some(false),
        ..ServiceTerms::default()
    };
    let digital = ServiceTerms {
        started_on: Some(day(2026, 11, 20)),
        ..ServiceTerms::default()
    };
    let cases = [
        (Problem::Service, subscription, day(2025, 10, 1), true),
        (Problem::DigitalContent, digital, day(2026, 11, 20), false),
    ];
    let mut seen = Vec::new();
    for (i, (problem, terms, date, cancelled)) in cases.into_iter().enumerate() {
        let mut dossier = input(problem, &format!("SVC-{i}"), 11_988);
        dossier.order.date = date;
        dossier.order.delivered_date = None;
        dossier.order.service = Some(terms);
        let d = f.store.create_dossier(&dossier, today()).expect("dossier");
        if cancelled {
            let cancel = EventInput {
                kind: EventKind::CancellationSent,
                date: day(2026, 10, 20),
                note: String::new(),
                amount_cents: None,
                deadline_days: None,
                tracking_number: None,
            };
            f.store.add_event(d.id, &cancel, today()).expect("event");
        }
        let snap = f.store.dossier_snapshot(d.id, today()).expect("snapshot");
        for kind in LetterKind::for_dossier(&d) {
            let article = match (kind, problem) {
                (LetterKind::ServiceWithdrawal, _) => "L221-18",
                (LetterKind::Cancellation, _) => "L215-1-1",
                (LetterKind::CancellationRefund, _) => "L215-1",
                (LetterKind::FormalNoticeService, Problem::DigitalContent) => "L224-25-12",
                (LetterKind::FormalNoticeService, _) => "L215-1",
                _ => continue,
            };
            let draft = compose(kind, &snap.letter_context()).expect("draft");
            let edit = completed(&draft.as_edit());
            let (_, pdf) = letter_pdf(&snap, kind, Some(&edit)).expect("pdf");
            let path = out.join(format!("{i}-{}.pdf", kind.as_str()));
            std::fs::write(&path, &pdf).expect("write");
            assert_sound_pdf(&path);
            let text = pdf_text(&path).replace('\n', " ");
            assert!(
                text.contains(article),
                "{kind:?}: « {article} » absent : {text}"
            );
            assert!(
                !text.contains("livr"),
                "{kind:?} speaks of a delivery: {text}"
            );
            seen.push(kind);
        }
    }
    for kind in [
        LetterKind::ServiceWithdrawal,
        LetterKind::Cancellation,
        LetterKind::CancellationRefund,
        LetterKind::FormalNoticeService,
    ] {
        assert!(seen.contains(&kind), "{kind:?} never rendered");
    }
}
