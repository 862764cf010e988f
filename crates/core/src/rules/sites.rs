//! Official websites Recours may open, as an enum: the page never chooses a URL. Each address was
//! checked against the domain reference; `verified: false` ones are shown with "à vérifier".

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::model::SiteRef;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum OfficialSite {
    Signalconso,
    MediateurFevad,
    MediationConso,
    CecFrance,
    Conciliateurs,
    InjonctionDePayer,
    InjonctionDeFaire,
    Requete,
    EuropeanSmallClaims,
    CourtFinder,
    LaPosteTracking,
    CourtContribution,
    Perceval,
    ScamComplaint,
    LaPosteRecommande,
    MediateurTourisme,
}

impl OfficialSite {
    pub const ALL: &'static [OfficialSite] = &[
        OfficialSite::Signalconso,
        OfficialSite::MediateurFevad,
        OfficialSite::MediationConso,
        OfficialSite::CecFrance,
        OfficialSite::Conciliateurs,
        OfficialSite::InjonctionDePayer,
        OfficialSite::InjonctionDeFaire,
        OfficialSite::Requete,
        OfficialSite::EuropeanSmallClaims,
        OfficialSite::CourtFinder,
        OfficialSite::LaPosteTracking,
        OfficialSite::CourtContribution,
        OfficialSite::Perceval,
        OfficialSite::ScamComplaint,
        OfficialSite::LaPosteRecommande,
        OfficialSite::MediateurTourisme,
    ];

    /// (label, address, verified against the domain reference)
    fn data(self) -> (&'static str, &'static str, bool) {
        match self {
            OfficialSite::Signalconso => ("SignalConso", "https://signal.conso.gouv.fr", true),
            OfficialSite::MediateurFevad => (
                "Médiateur du e-commerce (FEVAD)",
                "https://www.mediateurfevad.fr",
                true,
            ),
            OfficialSite::MediationConso => (
                "Liste officielle des médiateurs de la consommation",
                "https://www.economie.gouv.fr/mediation-conso",
                true,
            ),
            OfficialSite::CecFrance => (
                "Centre européen des consommateurs France",
                "https://www.europe-consommateurs.eu",
                true,
            ),
            OfficialSite::Conciliateurs => (
                "Trouver un conciliateur de justice",
                "https://www.conciliateurs.fr",
                false,
            ),
            OfficialSite::InjonctionDePayer => (
                "Injonction de payer (service-public)",
                "https://www.service-public.gouv.fr/particuliers/vosdroits/F1746",
                true,
            ),
            OfficialSite::InjonctionDeFaire => (
                "Injonction de faire (service-public)",
                "https://www.service-public.gouv.fr/particuliers/vosdroits/F1787",
                true,
            ),
            OfficialSite::Requete => (
                "Requête au tribunal, jusqu'à 5 000 € (service-public)",
                "https://www.service-public.gouv.fr/particuliers/vosdroits/R14232",
                true,
            ),
            OfficialSite::EuropeanSmallClaims => (
                "Procédure européenne de règlement des petits litiges (e-Justice)",
                "https://e-justice.europa.eu",
                true,
            ),
            OfficialSite::CourtFinder => (
                "Trouver le tribunal compétent (justice.fr)",
                "https://www.justice.fr/recherche/annuaires",
                false,
            ),
            OfficialSite::LaPosteTracking => (
                "Suivre la lettre recommandée (La Poste)",
                "https://www.laposte.fr/outils/suivre-vos-envois",
                false,
            ),
            OfficialSite::CourtContribution => (
                "Timbre électronique de 50 € (justice.gouv.fr)",
                "https://timbre.justice.gouv.fr",
                true,
            ),
            OfficialSite::Perceval => (
                "Perceval : signaler une fraude à la carte bancaire",
                "https://www.service-public.fr/particuliers/vosdroits/R46526",
                true,
            ),
            OfficialSite::ScamComplaint => (
                "Arnaque sur internet : plainte ou signalement en ligne (THESEE)",
                "https://www.service-public.fr/particuliers/vosdroits/F34000",
                true,
            ),
            OfficialSite::LaPosteRecommande => (
                "Lettre recommandée en ligne (La Poste)",
                "https://www.laposte.fr/lettre-recommandee-en-ligne",
                true,
            ),
            OfficialSite::MediateurTourisme => (
                "Médiateur Tourisme et Voyage",
                "https://www.mtv.travel",
                true,
            ),
        }
    }

    pub fn label(self) -> &'static str {
        self.data().0
    }

    pub fn verified(self) -> bool {
        self.data().2
    }

    /// The address to open. La Poste tracking takes the registered-letter number when known.
    pub fn url(self, tracking_number: Option<&str>) -> String {
        let base = self.data().1;
        match (self, tracking_number) {
            (OfficialSite::LaPosteTracking, Some(number)) => {
                let clean: String = number.chars().filter(char::is_ascii_alphanumeric).collect();
                format!("{base}?code={clean}")
            }
            _ => base.to_owned(),
        }
    }

    pub fn to_ref(self) -> SiteRef {
        SiteRef {
            site: self,
            label: self.label().to_owned(),
            url: self.url(None),
            verified: self.verified(),
        }
    }
}

/// Only official https addresses on these hosts are ever opened.
pub const ALLOWED_HOSTS: &[&str] = &[
    "signal.conso.gouv.fr",
    "www.mtv.travel",
    "www.mediateurfevad.fr",
    "www.economie.gouv.fr",
    "www.europe-consommateurs.eu",
    "www.conciliateurs.fr",
    "www.service-public.gouv.fr",
    "www.service-public.fr",
    "e-justice.europa.eu",
    "www.justice.fr",
    "www.laposte.fr",
    "timbre.justice.gouv.fr",
    "www.legifrance.gouv.fr",
    "www.courdecassation.fr",
    "www.paypal.com",
];

/// True when `url` is https on an allowed host (checked again right before opening anything).
pub fn is_allowed(url: &str) -> bool {
    let Some(rest) = url.strip_prefix("https://") else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    !url.chars().any(|c| c.is_whitespace() || c.is_control()) && ALLOWED_HOSTS.contains(&host)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_site_is_allowed_https() {
        for site in OfficialSite::ALL {
            assert!(is_allowed(&site.url(Some("1A 123 456 7890 1"))), "{site:?}");
        }
        assert!(!is_allowed("http://signal.conso.gouv.fr"));
        assert!(!is_allowed("https://signal.conso.gouv.fr.evil.example"));
        assert!(!is_allowed("https://ec.europa.eu/consumers/odr"));
    }

    #[test]
    fn tracking_number_goes_into_the_link() {
        assert_eq!(
            OfficialSite::LaPosteTracking.url(Some("1A 123 456 7890 1")),
            "https://www.laposte.fr/outils/suivre-vos-envois?code=1A12345678901"
        );
    }
}
