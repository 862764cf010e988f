//! Travel bought online is not a parcel: a flight, a train or a package holiday has its own law
//! (Règlement 261/2004, Règlement 2021/782, Code du tourisme) and no 14-day withdrawal (L221-2 9°
//! for passenger transport). Recours writes no letter here: it says which law applies, in which
//! order to act, and where, from this table. A new kind of travel is a new row.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::law;
use super::model::{LegalRef, SiteRef};
use super::sites::OfficialSite;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum TravelKind {
    Flight,
    Train,
    Package,
}

impl TravelKind {
    pub const ALL: &'static [TravelKind] =
        &[TravelKind::Flight, TravelKind::Train, TravelKind::Package];

    pub fn as_str(self) -> &'static str {
        match self {
            TravelKind::Flight => "flight",
            TravelKind::Train => "train",
            TravelKind::Package => "package",
        }
    }

    pub fn parse(text: &str) -> Option<TravelKind> {
        TravelKind::ALL.iter().copied().find(|k| k.as_str() == text)
    }
}

/// What Recours says about one kind of travel: the law that applies and the order of the steps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct TravelTriage {
    pub kind: TravelKind,
    pub title: String,
    /// Which law applies, in one paragraph.
    pub regime: String,
    /// What that law gives, one right per line.
    pub rights: Vec<String>,
    /// The steps, in order.
    pub steps: Vec<String>,
    /// Why Recours has no letters here.
    pub scope: String,
    pub legal: Vec<LegalRef>,
    pub sites: Vec<SiteRef>,
}

struct Row {
    kind: TravelKind,
    title: &'static str,
    regime: &'static str,
    rights: &'static [&'static str],
    steps: &'static [&'static str],
    rules: &'static [&'static str],
    sites: &'static [OfficialSite],
}

const SCOPE: &str = "Recours ne rédige pas de courrier pour un voyage : les compagnies et les agences ont leurs propres formulaires de réclamation, et les règles du voyage ne sont pas celles d'un achat livré. Les délais de rétractation, de livraison et de garantie d'un colis ne s'appliquent pas ici.";

const ROWS: &[Row] = &[
    Row {
        kind: TravelKind::Flight,
        title: "Un vol annulé, retardé ou surréservé",
        regime: "Un vol au départ de l'Union européenne, ou vers elle sur une compagnie européenne, relève du règlement européen 261/2004 sur les droits des passagers aériens. Un billet d'avion n'a pas de délai de rétractation de 14 jours.",
        rights: &[
            "Vol annulé : une indemnité forfaitaire de 250, 400 ou 600 € selon la distance (art. 7), sauf circonstances extraordinaires (art. 5).",
            "Vol arrivé avec 3 heures de retard ou plus : la même indemnité, selon la jurisprudence européenne (à vérifier).",
            "Vol annulé : le remboursement du billet dans les 7 jours si vous renoncez au voyage, ou un autre vol (art. 8).",
        ],
        steps: &[
            "1. Réclamez à la compagnie, par son formulaire en ligne : numéro de vol, date, retard à l'arrivée, ce que vous demandez (indemnité, remboursement). Gardez la confirmation.",
            "2. Sans réponse en 2 mois, ou avec un refus : saisissez le Médiateur Tourisme et Voyage, gratuit, si la compagnie y adhère.",
            "3. Compagnie établie dans un autre pays de l'Union : le Centre européen des consommateurs France peut vous aider, gratuitement.",
        ],
        rules: &["TRANSPORT_NO_WD", "EU261_COMP", "EU261_DELAY", "EU261_REFUND", "MTV", "CEC"],
        sites: &[OfficialSite::MediateurTourisme, OfficialSite::CecFrance],
    },
    Row {
        kind: TravelKind::Train,
        title: "Un train en retard ou supprimé",
        regime: "Un voyage en train relève du règlement européen 2021/782 sur les droits des voyageurs ferroviaires, et des conditions du transporteur. Un billet de train n'a pas de délai de rétractation de 14 jours.",
        rights: &[
            "Retard à l'arrivée : 25 % du prix du billet pour 60 à 119 minutes, 50 % à partir de 120 minutes, sauf circonstances exceptionnelles (art. 19, à vérifier).",
        ],
        steps: &[
            "1. Réclamez au transporteur, par son formulaire de compensation en ligne, avec votre billet et le retard constaté.",
            "2. Sans réponse satisfaisante : saisissez le médiateur que le transporteur indique dans ses conditions (certains transporteurs ont le leur, d'autres le Médiateur Tourisme et Voyage).",
            "3. Transporteur établi dans un autre pays de l'Union : le Centre européen des consommateurs France peut vous aider.",
        ],
        rules: &["TRANSPORT_NO_WD", "RAIL_COMP", "MTV", "CEC"],
        sites: &[OfficialSite::MediateurTourisme, OfficialSite::CecFrance],
    },
    Row {
        kind: TravelKind::Package,
        title: "Un voyage à forfait (séjour organisé, vol + hôtel)",
        regime: "Un voyage à forfait relève du Code du tourisme : l'organisateur ou l'agence répond de tout ce que comprend le forfait, même des prestataires qu'il a choisis.",
        rights: &[
            "L'organisateur répond de plein droit de tous les services du forfait (art. L211-16, à vérifier).",
            "Vous pouvez annuler avant le départ contre des frais justifiés, sans frais si des circonstances exceptionnelles touchent la destination ; si l'organisateur annule, il rembourse tout (art. L211-14, à vérifier).",
        ],
        steps: &[
            "1. Signalez chaque problème sur place au représentant de l'organisateur, puis réclamez par écrit à l'agence ou à l'organisateur dès le retour, avec vos preuves (photos, factures).",
            "2. Sans réponse en 2 mois, ou avec un refus : saisissez le Médiateur Tourisme et Voyage, gratuit, si l'agence y adhère.",
            "3. Organisateur établi dans un autre pays de l'Union : le Centre européen des consommateurs France peut vous aider.",
        ],
        rules: &["PACKAGE_LIABILITY", "PACKAGE_CANCEL", "MTV", "CEC"],
        sites: &[OfficialSite::MediateurTourisme, OfficialSite::CecFrance],
    },
];

pub fn triage(kind: TravelKind) -> TravelTriage {
    let row = ROWS
        .iter()
        .find(|r| r.kind == kind)
        .unwrap_or_else(|| panic!("travel kind {kind:?} missing from the table"));
    TravelTriage {
        kind,
        title: row.title.into(),
        regime: row.regime.into(),
        rights: row.rights.iter().map(|&r| r.into()).collect(),
        steps: row.steps.iter().map(|&s| s.into()).collect(),
        scope: SCOPE.into(),
        legal: law::legals(row.rules),
        sites: row.sites.iter().map(|s| s.to_ref()).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_of_travel_has_its_row_its_rules_and_no_goods_rule() {
        for &kind in TravelKind::ALL {
            let t = triage(kind);
            assert_eq!(TravelKind::parse(kind.as_str()), Some(kind));
            assert!(!t.steps.is_empty() && !t.legal.is_empty(), "{kind:?}");
            for goods in ["WD_PERIOD", "DELIV_DEFAULT", "GLC_DURATION", "RISK"] {
                assert!(
                    t.legal.iter().all(|l| l.rule != goods),
                    "{kind:?} cites {goods}"
                );
            }
        }
        // Regulation 261/2004, art. 7: 250, 400 or 600 €; art. 8: refund within 7 days.
        let flight = triage(TravelKind::Flight);
        assert!(flight
            .rights
            .iter()
            .any(|r| r.contains("250, 400 ou 600 €")));
        assert!(flight.rights.iter().any(|r| r.contains("7 jours")));
        // The unverified rows say so where they are shown.
        let package = triage(TravelKind::Package);
        assert!(package
            .legal
            .iter()
            .any(|l| l.rule == "PACKAGE_LIABILITY" && !l.verified));
    }
}
