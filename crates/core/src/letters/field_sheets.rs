//! The « aide au remplissage » of the official forms Recours helps to fill in: the court forms
//! (injonction de payer, injonction de faire, requête) and the online scam complaint (THESEE), each
//! with the dossier's values, grouped as on the form.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::docs::{
    merchant_rows, payment_text, row, sender_rows, DossierFacts, Row, Section, CAUTION,
};
use super::typo::{euros, french_spacing};
use crate::dossier::validate::fr_date;
use crate::dossier::Problem;
use crate::events::Event;
use crate::evidence::Piece;
use crate::rules::model::Assessment;

/// The official forms Recours helps to fill in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CourtForm {
    /// Cerfa 12948*06
    InjonctionDePayer,
    /// Cerfa 11723*11
    InjonctionDeFaire,
    /// Cerfa 16042*02
    Requete,
    /// The online complaint or report for a scam (THESEE, service-public F34000): not a court form.
    Thesee,
}

impl CourtForm {
    pub const ALL: &'static [CourtForm] = &[
        CourtForm::InjonctionDePayer,
        CourtForm::InjonctionDeFaire,
        CourtForm::Requete,
        CourtForm::Thesee,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CourtForm::InjonctionDePayer => "injonction_de_payer",
            CourtForm::InjonctionDeFaire => "injonction_de_faire",
            CourtForm::Requete => "requete",
            CourtForm::Thesee => "thesee",
        }
    }

    pub fn parse(text: &str) -> Option<CourtForm> {
        CourtForm::ALL.iter().copied().find(|f| f.as_str() == text)
    }

    pub fn cerfa(self) -> &'static str {
        match self {
            CourtForm::InjonctionDePayer => "Cerfa 12948*06",
            CourtForm::InjonctionDeFaire => "Cerfa 11723*11",
            CourtForm::Requete => "Cerfa 16042*02",
            CourtForm::Thesee => "plainte en ligne THESEE",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            CourtForm::InjonctionDePayer => {
                "Demande en injonction de payer devant le président du tribunal judiciaire"
            }
            CourtForm::InjonctionDeFaire => {
                "Demande en injonction de faire au tribunal judiciaire (incluant le tribunal de proximité)"
            }
            CourtForm::Requete => {
                "Requête aux fins de saisine du tribunal judiciaire ou du tribunal de proximité"
            }
            CourtForm::Thesee => {
                "Plainte ou signalement en ligne d'une escroquerie sur internet (THESEE)"
            }
        }
    }

    pub fn site(self) -> crate::rules::sites::OfficialSite {
        use crate::rules::sites::OfficialSite as S;
        match self {
            CourtForm::InjonctionDePayer => S::InjonctionDePayer,
            CourtForm::InjonctionDeFaire => S::InjonctionDeFaire,
            CourtForm::Requete => S::Requete,
            CourtForm::Thesee => S::ScamComplaint,
        }
    }
}

/// The "aide au remplissage" of an official form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldSheetDoc {
    pub title: String,
    pub form: String,
    pub url: String,
    pub intro: String,
    pub sections: Vec<Section>,
    pub caution: String,
}

/// What the person must know before claiming a sum: it is not yet owed, or its increase is not yet
/// computable.
fn claim_warning(a: &Assessment) -> &'static str {
    if a.court.route == crate::rules::model::CourtRoute::ResolutionFirst {
        "Attention : la vente n'est pas encore résolue, le remboursement n'est donc pas encore une somme due (art. L217-14). Notifiez d'abord la résolution au vendeur. "
    } else if a
        .deadlines
        .iter()
        .any(|d| d.id == "refund_due" && d.earliest)
    {
        "La majoration légale n'est pas indiquée : elle se compte depuis la réception de votre lettre par le vendeur. Notez la date de l'avis de réception dans le dossier pour qu'elle soit calculée. "
    } else {
        ""
    }
}

/// The "aide au remplissage" of an official court form, with the dossier's values.
pub fn field_sheet(form: CourtForm, f: &DossierFacts<'_>, pieces: &[Piece]) -> FieldSheetDoc {
    if form == CourtForm::Thesee {
        return thesee(f, pieces);
    }
    let d = f.dossier;
    let a = f.assessment;
    let unauthorized = d.problem == Problem::UnauthorizedPayment;
    // For a payment nobody authorised, the bank owes the refund (L133-18): it is the defendant.
    let mut debtor = if unauthorized {
        vec![
            row("Nom", "à compléter : votre banque (dénomination sociale)"),
            row("Adresse", "à compléter : siège social de la banque"),
        ]
    } else {
        merchant_rows(d)
    };
    if d.merchant.siren_siret.is_none() && !unauthorized {
        debtor.push(row(
            "SIREN / SIRET",
            "à trouver dans les mentions légales du site ou sur annuaire-entreprises.data.gouv.fr",
        ));
    }
    let civil = a.regime == crate::rules::model::Regime::Civil;
    // A service dispute is about what the journal shows: a refund after a withdrawal, sums taken
    // after a cancellation, or the service or content itself.
    let claim = crate::rules::ServiceClaim::from_kinds(f.events.iter().map(|e| e.kind));
    let terms = d.order.service.clone().unwrap_or_default();
    use crate::rules::ServiceClaim as C;
    let service_basis = match (claim, d.problem) {
        (C::WithdrawalRefund, _) => "Code de la consommation, art. L221-18, L221-24 et L242-4",
        (C::AfterCancellation, _) if crate::rules::renewed_without_notice(&terms, f.today) => {
            "Code de la consommation, art. L215-1"
        }
        (C::AfterCancellation, _) => "Code civil, art. 1302 et 1302-1 (paiement de l'indu)",
        (C::Performance, Problem::DigitalContent) => {
            "Code de la consommation, art. L224-25-12 et suivants"
        }
        (C::Performance, _) => "Code de la consommation, art. L216-1 et L216-6",
    };
    // Part of the price may stay owed (L221-25, or L215-1's service rendered): the sum is the person's to state.
    let partial = d.problem.is_service()
        && (claim == C::AfterCancellation
            || claim == C::WithdrawalRefund
                && terms.early_start_requested == Some(true)
                && !d.order.withdrawal_info_missing());
    let basis = match d.problem {
        _ if civil => match d.problem {
            Problem::NonDelivery => "Code civil, art. 1603, 1610, 1224 à 1226 et 1231-6",
            Problem::HiddenDefect | Problem::NonConforming => {
                "Code civil, art. 1604, 1641 et suivants, 1224 à 1226"
            }
            _ => "Code civil, art. 1217 et 1224 à 1226",
        },
        Problem::NonDelivery => "Code de la consommation, art. L216-1, L216-6, L216-7 et L241-4",
        Problem::NonConforming => "Code de la consommation, art. L217-3 et suivants",
        Problem::WithdrawalRefund => "Code de la consommation, art. L221-18, L221-24 et L242-4",
        Problem::HiddenDefect => "Code civil, art. 1641 et suivants",
        Problem::UnauthorizedPayment => "Code monétaire et financier, art. L133-18 et L133-19",
        Problem::Scam => "Code pénal, art. 313-1 (escroquerie)",
        Problem::Service | Problem::DigitalContent => service_basis,
        Problem::Other => "Contrat de vente (Code civil, art. 1103 et 1217)",
    };
    let mut claim = vec![row("Somme payée", euros(d.order.amount_cents))];
    if partial {
        claim.push(row(
            "Somme réclamée",
            "à compléter : ce qui reste dû une fois déduit le service déjà fourni",
        ));
    }
    if let Some(p) = &a.penalty {
        claim.push(row("Principal réclamé", euros(p.principal_cents)));
        claim.push(row(
            &format!("Majoration ({})", p.basis),
            format!("{} au {}", euros(p.increase_cents), fr_date(f.today)),
        ));
        claim.push(row("Total", euros(p.total_due_cents)));
    }
    claim.push(row("Fondement", basis));
    let mut facts = vec![row("Commande", {
        let r = d
            .order
            .reference
            .as_deref()
            .map(|r| format!("n° {r}, "))
            .unwrap_or_default();
        format!("{r}du {}", fr_date(d.order.date))
    })];
    let mut events: Vec<&Event> = f.events.iter().collect();
    events.sort_by_key(|e| (e.date, e.id));
    facts.extend(events.iter().map(|e| row(&fr_date(e.date), e.kind.label())));
    let mut sections = vec![
        Section {
            heading: "Demandeur (vous)".into(),
            rows: sender_rows(f.sender),
            note: Some("Le formulaire demande aussi votre date et lieu de naissance, votre nationalité et votre profession : ils ne sont pas dans Recours.".into()),
        },
        Section {
            heading: if unauthorized {
                "Défendeur (votre banque)".into()
            } else {
                "Défendeur (le vendeur)".into()
            },
            rows: debtor,
            note: None,
        },
    ];
    match form {
        CourtForm::InjonctionDePayer => sections.push(Section {
            heading: "Montant de la créance".into(),
            rows: claim,
            note: Some(french_spacing(&format!(
                "{}Une somme certaine, liquide et exigible : le remboursement dû et, le cas échéant, sa majoration légale. Pas de contribution de 50 € a priori (exonération à vérifier). La demande se dépose au tribunal judiciaire du lieu où demeure le défendeur ({}) (art. 1406 CPC). L'ordonnance devra ensuite être signifiée par un commissaire de justice dans les 3 mois (6 mois pour une ordonnance rendue avant le 1er septembre 2026), sinon elle ne vaut plus rien.",
                claim_warning(a),
                if unauthorized { "le siège de la banque" } else { "le siège du vendeur" }
            ))),
        }),
        CourtForm::InjonctionDeFaire => sections.push(Section {
            heading: "Ce que vous demandez au juge d'ordonner".into(),
            rows: vec![
                row(
                    "Obligation à exécuter",
                    match d.problem {
                        Problem::NonDelivery => "Livrer le bien commandé",
                        Problem::DigitalContent => "Mettre le contenu numérique en conformité",
                        Problem::Service => "Exécuter le service convenu",
                        _ => "Réparer ou remplacer le bien (garantie légale de conformité)",
                    },
                ),
                row("Valeur de la commande", euros(d.order.amount_cents)),
                row("Fondement", basis),
            ],
            note: Some(french_spacing("Jusqu'à 10 000 € ; contribution de 50 € pour l'aide juridique (timbre.justice.gouv.fr ; à vérifier). Tribunal du lieu où demeure le vendeur ou du lieu où l'obligation doit être exécutée.")),
        }),
        // Built by `thesee` above.
        CourtForm::Thesee => {}
        CourtForm::Requete => sections.push(Section {
            heading: "Objet et montant de la demande".into(),
            rows: claim,
            note: Some(french_spacing(&format!(
                "Jusqu'à 5 000 € ; contribution de 50 € pour l'aide juridique (timbre.justice.gouv.fr ; à vérifier). {} Tentative amiable préalable (art. 750-1 CPC) : {}.",
                if civil {
                    "Le tribunal est celui du lieu où demeure le vendeur, ou du lieu où le bien devait être livré."
                } else {
                    "Vous pouvez aussi saisir le tribunal du lieu où vous demeuriez lors de la commande (art. R631-3 du Code de la consommation)."
                },
                if a.court.pre_action_done {
                    "conciliation ou médiation tentée (joignez le constat ou la preuve de la démarche)"
                } else {
                    "à faire avant de déposer la requête (conciliateur de justice), sauf exception"
                }
            ))),
        }),
    }
    sections.push(Section {
        heading: "Exposé des faits (chronologie)".into(),
        rows: facts,
        note: None,
    });
    sections.push(Section {
        heading: "Pièces jointes (bordereau)".into(),
        rows: pieces
            .iter()
            .enumerate()
            .map(|(i, p)| row(&format!("Pièce n° {}", i + 1), &p.title))
            .collect(),
        note: Some("Joignez le bordereau de pièces exporté par Recours (01-bordereau-de-pieces.pdf) et une copie de chaque pièce.".into()),
    });
    FieldSheetDoc {
        title: format!("Aide au remplissage — {}", form.cerfa()),
        form: french_spacing(form.title()),
        url: form.site().url(None),
        intro: french_spacing("Recopiez chaque valeur dans la rubrique correspondante du formulaire officiel. Les rubriques sont regroupées comme sur le formulaire ; leur intitulé exact est à vérifier sur le formulaire lui-même."),
        sections,
        caution: french_spacing(CAUTION),
    }
}

/// The chronology: the order, then every event of the journal in date order.
fn chronology(f: &DossierFacts<'_>) -> Vec<Row> {
    let d = f.dossier;
    let mut rows = vec![row(&fr_date(d.order.date), "Commande et paiement")];
    let mut events: Vec<&Event> = f.events.iter().collect();
    events.sort_by_key(|e| (e.date, e.id));
    rows.extend(events.iter().map(|e| row(&fr_date(e.date), e.kind.label())));
    if !d.description.trim().is_empty() {
        rows.push(row("Vos précisions", d.description.trim()));
    }
    rows
}

/// The online complaint for a fake shop (THESEE): who the site claimed to be, what was paid and how,
/// what happened, what to attach. What THESEE asks and Recours does not hold is said.
fn thesee(f: &DossierFacts<'_>, pieces: &[Piece]) -> FieldSheetDoc {
    let d = f.dossier;
    let o = &d.order;
    let mut site = merchant_rows(d);
    if let Some(p) = &d.platform {
        site.push(row("Plateforme de la vente", &p.name));
    }
    let mut paid = vec![
        row("Montant payé", euros(o.amount_cents)),
        row("Date du paiement", fr_date(o.date)),
        row(
            "Moyen de paiement",
            match o.lender.as_deref() {
                Some(lender) => format!("{} ({lender})", payment_text(o.payment_method)),
                None => payment_text(o.payment_method).to_owned(),
            },
        ),
    ];
    if let Some(r) = &o.reference {
        paid.push(row("Référence de commande", r));
    }
    let disputed = f
        .events
        .iter()
        .filter(|e| e.kind == crate::rules::model::EventKind::PaymentDisputeOpened)
        .map(|e| e.date)
        .min();
    paid.push(row(
        "Contestation du paiement",
        match disputed {
            Some(date) => format!("demandée le {}", fr_date(date)),
            None => "pas encore demandée : faites-le auprès de votre banque, de PayPal ou de l'organisme de paiement".to_owned(),
        },
    ));
    let sections = vec![
        Section {
            heading: "Vous (la victime)".into(),
            rows: sender_rows(f.sender),
            note: Some(french_spacing("Une plainte se dépose en votre nom, via FranceConnect, si vous êtes majeur ; un signalement peut être anonyme, mais n'a pas de suite. Le formulaire demande aussi votre date et lieu de naissance : ils ne sont pas dans Recours.")),
        },
        Section {
            heading: "Le site ou le vendeur mis en cause".into(),
            rows: site,
            note: Some(french_spacing("Recopiez ces éléments tels que le site les affichait, même s'ils sont probablement faux : ils aident l'enquête. Ajoutez l'adresse exacte de la page de commande si vous l'avez.")),
        },
        Section {
            heading: "Le préjudice".into(),
            rows: paid,
            note: Some(french_spacing("Pour un virement, le formulaire demande l'IBAN du bénéficiaire ; pour une carte, le libellé de l'opération sur votre relevé : ils ne sont pas dans Recours.")),
        },
        Section {
            heading: "Exposé des faits (chronologie)".into(),
            rows: chronology(f),
            note: None,
        },
        Section {
            heading: "Pièces à joindre".into(),
            rows: pieces
                .iter()
                .enumerate()
                .map(|(i, p)| row(&format!("Pièce n° {}", i + 1), &p.title))
                .collect(),
            note: Some(french_spacing("Joignez aussi des captures d'écran du site (page d'accueil, mentions légales, fiche du produit), la confirmation de commande et la preuve du paiement. Gardez le récépissé : votre banque peut le demander.")),
        },
    ];
    FieldSheetDoc {
        title: "Aide au remplissage — plainte en ligne THESEE".into(),
        form: french_spacing(CourtForm::Thesee.title()),
        url: CourtForm::Thesee.site().url(None),
        intro: french_spacing("Recopiez chaque valeur dans la rubrique correspondante du formulaire en ligne. THESEE reçoit les plaintes pour un faux site de vente : une commande passée, rien reçu, un service client injoignable. Pas l'hameçonnage (un faux message de votre banque ou d'un transporteur) : pour celui-là, appelez votre banque. Info-escroqueries : 0805 805 817."),
        sections,
        caution: french_spacing(CAUTION),
    }
}
