//! The court route (domain reference §9 and §11): from the goal, the amount and the merchant's country.

use super::context::Context;
use super::law;
use super::model::{Court, CourtRoute, EventKind, Goal, Regime};
use super::sites::OfficialSite;
use crate::dossier::Problem;

pub const SMALL_CLAIM_CENTS: i64 = 500_000; // 5 000 €
pub const NO_LAWYER_CENTS: i64 = 1_000_000; // 10 000 €
pub const CONTRIBUTION_CENTS: i64 = 5_000; // 50 €

pub fn route(ctx: &Context) -> Court {
    let facts = ctx.facts;
    let amount = ctx.amount();
    // A refund of what was paid is a fixed sum owed; a hidden defect or "other" claim is disputed.
    // For a non-conforming good, the price is owed back only once the sale is résolue (L217-14).
    let resolved_sale = ctx.has(EventKind::TerminationNotified);
    let fixed_sum = match facts.problem {
        Problem::HiddenDefect | Problem::Other => false,
        Problem::NonConforming => resolved_sale,
        // The service itself, or digital content's conformity, is disputed until the contract is
        // résolu; a refund after a withdrawal or a cancellation is a sum owed.
        Problem::Service | Problem::DigitalContent => {
            ctx.service_claim() != super::context::ServiceClaim::Performance
        }
        _ => true,
    };
    // An unauthorised payment is claimed from one's own bank, in France, whatever the merchant.
    let against_bank = facts.problem == Problem::UnauthorizedPayment;
    let route = if ctx.regime() == Regime::NoMerchant {
        CourtRoute::NoDefendant
    } else if !against_bank && ctx.escp_applies() && amount <= SMALL_CLAIM_CENTS {
        CourtRoute::EuropeanSmallClaims
    } else if !against_bank && ctx.escp_applies() && fixed_sum && facts.goal == Goal::Refund {
        CourtRoute::EuropeanOrderForPayment
    } else if !against_bank && ctx.country() == "DK" {
        CourtRoute::Denmark
    } else if !against_bank && !ctx.merchant_in_france() {
        CourtRoute::ForeignMerchant
    } else if facts.problem == Problem::NonConforming
        && facts.goal == Goal::Refund
        && !resolved_sale
    {
        CourtRoute::ResolutionFirst
    } else if facts.goal == Goal::Performance {
        if amount <= NO_LAWYER_CENTS {
            CourtRoute::InjonctionDeFaire
        } else {
            CourtRoute::LawyerRequired
        }
    } else if fixed_sum {
        CourtRoute::InjonctionDePayer
    } else if amount <= SMALL_CLAIM_CENTS {
        CourtRoute::Requete
    } else if amount <= NO_LAWYER_CENTS {
        CourtRoute::Assignation
    } else {
        CourtRoute::LawyerRequired
    };
    let pre_action_done = ctx.pre_action_done();
    let place = "au tribunal du lieu où le vendeur est établi ; vous pouvez aussi saisir celui du lieu où vous habitiez lors de la commande (art. R631-3)";
    let (title, explanation, form, contribution, contribution_verified, legal, sites, where_to_file) =
        match route {
            CourtRoute::InjonctionDePayer => (
                "Injonction de payer",
                "Pour obtenir une somme due (le remboursement, avec la majoration légale s'il y a lieu). \
                 Sans avocat, sans tentative amiable obligatoire avant, et a priori sans la contribution de 50 € (exonération à vérifier). Le juge décide sur pièces ; \
                 l'ordonnance est signifiée au vendeur par un commissaire de justice, et il a un mois pour s'y opposer.",
                Some("Cerfa 12948*06"),
                0,
                false,
                law::legals(&["INJONCTION_PAYER", "IP_NO_PRE_ACTION", "CONTRIBUTION_IP"]),
                vec![OfficialSite::InjonctionDePayer, OfficialSite::CourtFinder],
                "auprès du tribunal judiciaire du lieu où le vendeur est établi (art. 1406 CPC)",
            ),
            CourtRoute::InjonctionDeFaire => (
                "Injonction de faire",
                "Pour obliger le vendeur à livrer, réparer ou remplacer, jusqu'à 10 000 €. Sans avocat ; \
                 une conciliation avant est conseillée, pas obligatoire.",
                Some("Cerfa 11723*11"),
                CONTRIBUTION_CENTS,
                false,
                law::legals(&["INJONCTION_FAIRE", "CONTRIBUTION_APPLIES"]),
                vec![
                    OfficialSite::InjonctionDeFaire,
                    OfficialSite::CourtContribution,
                    OfficialSite::CourtFinder,
                ],
                place,
            ),
            CourtRoute::EuropeanSmallClaims => (
                "Procédure européenne de règlement des petits litiges",
                "Contre un vendeur établi dans un autre pays de l'Union européenne, pour au plus 5 000 € : \
                 formulaire A, sans avocat ; le jugement s'exécute dans toute l'Union. Le CEC France peut vous aider à le remplir.",
                Some("Formulaire A"),
                0,
                false,
                law::legals(&["ESCP", "CEC"]),
                vec![OfficialSite::EuropeanSmallClaims, OfficialSite::CecFrance],
                "auprès du tribunal compétent (en tant que consommateur, vous pouvez en général agir en France)",
            ),
            CourtRoute::EuropeanOrderForPayment => (
                "Injonction de payer européenne",
                "Pour une somme due par un vendeur établi dans un autre pays de l'Union (hors Danemark), sans plafond de montant : formulaire A du règlement (CE) 1896/2006, sans avocat. Le CEC France peut vous orienter.",
                Some("Formulaire A (règlement 1896/2006)"),
                0,
                false,
                law::legals(&["EOP", "CEC"]),
                vec![OfficialSite::EuropeanSmallClaims, OfficialSite::CecFrance],
                "auprès du tribunal compétent, en général celui du pays du vendeur ou, comme consommateur, du vôtre",
            ),
            CourtRoute::ForeignMerchant if ctx.merchant_in_other_eu() => (
                "Vendeur établi dans un autre pays de l'Union, au-delà de 5 000 €",
                "Au-delà de 5 000 €, la procédure européenne des petits litiges ne s'applique plus, et une somme qui n'est pas encore due ne se réclame pas par injonction de payer européenne. Il faut une procédure ordinaire, le plus souvent avec un avocat. Le CEC France peut vous orienter gratuitement avant toute dépense.",
                None,
                0,
                false,
                law::legals(&["EU_ORDINARY", "CEC"]),
                vec![OfficialSite::CecFrance, OfficialSite::CourtFinder],
                "selon les règles européennes de compétence : demandez conseil avant d'agir",
            ),
            CourtRoute::Denmark => (
                "Vendeur établi au Danemark",
                "Le Danemark fait partie de l'Union européenne, mais n'applique ni la procédure européenne des petits litiges ni l'injonction de payer européenne. Le CEC France peut vous aider gratuitement auprès du vendeur. En justice, un consommateur peut en principe agir devant le tribunal de son domicile, et la décision française est reconnue au Danemark par un accord avec l'Union ; demandez conseil avant d'engager des frais.",
                None,
                0,
                false,
                law::legals(&["DENMARK", "CEC"]),
                vec![OfficialSite::CecFrance, OfficialSite::CourtFinder],
                "en principe le tribunal de votre domicile (règles européennes, accord UE-Danemark) : demandez conseil avant d'agir",
            ),
            CourtRoute::ResolutionFirst => (
                "D'abord la résolution de la vente",
                "Le remboursement d'un bien non conforme n'est une somme due qu'une fois la vente résolue (art. L217-14) : mettez d'abord le vendeur en demeure de réparer ou de remplacer le bien ; sans solution dans les 30 jours, notifiez-lui la résolution de la vente. Ensuite seulement, le remboursement se réclame par une injonction de payer. Si vous préférez obtenir la réparation ou le remplacement, c'est l'injonction de faire (jusqu'à 10 000 €).",
                None,
                0,
                true,
                law::legals(&["GLC_FALLBACK", "GLC_FIX", "INJONCTION_FAIRE"]),
                vec![OfficialSite::InjonctionDeFaire, OfficialSite::CourtFinder],
                "pas encore : la vente doit d'abord être résolue",
            ),
            CourtRoute::NoDefendant => (
                "Pas de procès civil sans vendeur identifié",
                "Un procès civil suppose quelqu'un à convoquer, à une adresse réelle : un site frauduleux n'en donne pas. La plainte pénale permet l'enquête ; si l'auteur est retrouvé et jugé, vous pourrez demander réparation au tribunal en vous constituant partie civile. En attendant, c'est votre banque, PayPal ou l'organisme de paiement qui peut vous rembourser.",
                None,
                0,
                false,
                law::legals(&["SCAM", "CIVIL_PARTY"]),
                vec![OfficialSite::ScamComplaint],
                "pas de tribunal civil à saisir : déposez plainte (THESEE)",
            ),
            CourtRoute::ForeignMerchant => (
                "Vendeur établi hors de l'Union européenne",
                "Agir en justice contre un vendeur établi hors de l'Union est possible, mais faire exécuter la décision à l'étranger est long et incertain. Privilégiez la contestation du paiement auprès de votre banque ou de PayPal, et demandez conseil (point-justice, association de consommateurs) avant d'engager des frais.",
                None,
                0,
                false,
                law::legals(&["FOREIGN"]),
                vec![OfficialSite::CourtFinder],
                "selon le pays du vendeur : demandez conseil avant d'agir",
            ),
            CourtRoute::Requete => (
                "Requête au tribunal (jusqu'à 5 000 €)",
                "Pour une somme contestée ou des dommages et intérêts jusqu'à 5 000 €. Il faut d'abord avoir tenté \
                 une conciliation ou une médiation (art. 750-1 CPC), sauf exception (par exemple : aucun conciliateur \
                 disponible dans les 3 mois).",
                Some("Cerfa 16042*02"),
                CONTRIBUTION_CENTS,
                false,
                law::legals(&["REQUETE", "PRE_ACTION", "CONTRIBUTION_APPLIES", "COURT_PLACE"]),
                vec![
                    OfficialSite::Requete,
                    OfficialSite::CourtContribution,
                    OfficialSite::CourtFinder,
                ],
                place,
            ),
            CourtRoute::Assignation => (
                "Assignation devant le tribunal judiciaire",
                "Au-delà de 5 000 € et jusqu'à 10 000 € : le tribunal est saisi par une assignation qu'un \
                 commissaire de justice délivre au vendeur (à vos frais). L'avocat n'est pas obligatoire.",
                None,
                CONTRIBUTION_CENTS,
                true,
                law::legals(&["ASSIGNATION", "CONTRIBUTION", "COURT_PLACE"]),
                vec![OfficialSite::CourtContribution, OfficialSite::CourtFinder],
                place,
            ),
            CourtRoute::LawyerRequired => (
                "Tribunal judiciaire avec avocat",
                "Au-delà de 10 000 €, l'avocat est obligatoire. Si vos revenus sont modestes, l'aide \
                 juridictionnelle peut le prendre en charge.",
                None,
                CONTRIBUTION_CENTS,
                true,
                law::legals(&["LAWYER", "CONTRIBUTION"]),
                vec![OfficialSite::CourtFinder],
                "par votre avocat, devant le tribunal judiciaire",
            ),
        };
    let mut court = Court {
        route,
        pre_action_required: route == CourtRoute::Requete,
        pre_action_done,
        lawyer_required: route == CourtRoute::LawyerRequired,
        title: title.to_owned(),
        explanation: explanation.to_owned(),
        form: form.map(str::to_owned),
        contribution_cents: contribution,
        contribution_verified,
        where_to_file: where_to_file.to_owned(),
        legal,
        sites: sites.into_iter().map(OfficialSite::to_ref).collect(),
    };
    if ctx.regime() == Regime::Civil {
        between_private_persons(&mut court);
    }
    court
}

/// What changes before the court between private persons: no consumer forum (R631-3), no CEC, and
/// the résolution under the Code civil. Texts written for each route, the rest filtered by regime.
fn between_private_persons(court: &mut Court) {
    const CIVIL_TEXTS: &[(CourtRoute, &str, &str)] = &[
        (
            CourtRoute::InjonctionDePayer,
            "Pour obtenir une somme due (le prix à restituer après la résolution, avec les intérêts au taux légal depuis la mise en demeure). Sans avocat, sans tentative amiable obligatoire avant, et a priori sans la contribution de 50 € (exonération à vérifier). Le juge décide sur pièces ; l'ordonnance est signifiée au vendeur par un commissaire de justice, et il a un mois pour s'y opposer.",
            "auprès du tribunal judiciaire du lieu où demeure le vendeur (art. 1406 CPC)",
        ),
        (
            CourtRoute::EuropeanSmallClaims,
            "Contre un vendeur établi dans un autre pays de l'Union européenne, pour au plus 5 000 € : formulaire A, sans avocat ; le jugement s'exécute dans toute l'Union. La procédure vaut aussi entre particuliers.",
            "auprès du tribunal compétent, en général celui du pays du vendeur",
        ),
        (
            CourtRoute::EuropeanOrderForPayment,
            "Pour une somme due par un vendeur établi dans un autre pays de l'Union (hors Danemark), sans plafond de montant : formulaire A du règlement (CE) 1896/2006, sans avocat.",
            "auprès du tribunal compétent, en général celui du pays du vendeur",
        ),
        (
            CourtRoute::Denmark,
            "Le Danemark fait partie de l'Union européenne, mais n'applique ni la procédure européenne des petits litiges ni l'injonction de payer européenne. Entre particuliers, le tribunal compétent est en principe celui du vendeur, au Danemark : demandez conseil avant d'engager des frais.",
            "en principe le tribunal du lieu où demeure le vendeur : demandez conseil avant d'agir",
        ),
        (
            CourtRoute::ForeignMerchant,
            "Agir en justice contre un vendeur établi à l'étranger est possible, mais faire exécuter la décision là-bas est long et incertain. Demandez conseil (point-justice, maison de justice et du droit) avant d'engager des frais.",
            "selon le pays du vendeur : demandez conseil avant d'agir",
        ),
        (
            CourtRoute::ResolutionFirst,
            "Le prix n'est une somme due qu'une fois la vente résolue : mettez d'abord le vendeur en demeure, en annonçant qu'à défaut la vente sera résolue ; sans exécution dans le délai, notifiez-lui la résolution (art. 1224 à 1226 du Code civil). Ensuite seulement, le remboursement se réclame par une injonction de payer.",
            "pas encore : la vente doit d'abord être résolue",
        ),
    ];
    if let Some(&(_, explanation, place)) = CIVIL_TEXTS.iter().find(|t| t.0 == court.route) {
        court.explanation = explanation.to_owned();
        court.where_to_file = place.to_owned();
    } else if matches!(
        court.route,
        CourtRoute::InjonctionDeFaire | CourtRoute::Requete | CourtRoute::Assignation
    ) {
        court.where_to_file =
            "au tribunal du lieu où demeure le vendeur, ou du lieu où le bien devait être livré"
                .into();
    }
    court
        .legal
        .retain(|l| law::rule(l.rule).applies_to(Regime::Civil));
    if court.legal.is_empty() {
        court.legal = law::legals(&["FOREIGN"]);
    }
    if court.route == CourtRoute::ResolutionFirst {
        court.legal = law::legals(&["CIV_TERMINATION", "CIV_REMEDIES", "INJONCTION_PAYER"]);
    }
    court
        .sites
        .retain(|site| site.site != OfficialSite::CecFrance);
}
