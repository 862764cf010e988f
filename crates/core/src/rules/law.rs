//! The rules table: every legal rule Recours relies on, written once, with its article, a link to its
//! source and whether `shared/domain/french-law-2026.md` marks it verified. Code reads this table;
//! a new rule is a new row (and a test), not a new `if`.
//! Gone and never offered: juridiction de proximité, tribunal d'instance, Forum des droits sur
//! l'Internet, the EU ODR platform (closed on 20 July 2025).

use super::model::{LegalRef, Regime};

/// Rules of the Code de la consommation, and services that exist only between a consumer and a
/// professional (consumer mediation, SignalConso, the CEC): never applied to a private seller.
const CONSUMER: &[Regime] = &[Regime::Consumer];
/// Rules between a buyer and a seller, whoever the seller is: the Code civil, civil procedure.
/// Never applied when there is no merchant at all (a fake shop).
const SELLER: &[Regime] = &[Regime::Consumer, Regime::Civil];
/// Rules of every regime: payment law, the contracts of platforms, banks and lenders, the
/// criminal complaint.
const ALL: &[Regime] = &[Regime::Consumer, Regime::Civil, Regime::NoMerchant];
/// SignalConso takes reports of professionals, and of sites posing as one; not of private persons.
const NOT_PRIVATE: &[Regime] = &[Regime::Consumer, Regime::NoMerchant];

pub const CONSO: &str = "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006069565";
pub const CIVIL: &str = "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006070721";
pub const CPC: &str = "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006070716";
pub const CMF: &str = "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006072026";
pub const PENAL: &str = "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006070719";
pub const CPP: &str = "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006071154";
/// Ordonnance n° 2025-880 du 3 septembre 2025 (consumer credit, paiement fractionné).
pub const ORD_2025_880: &str = "https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000052982995";

pub struct Rule {
    pub id: &'static str,
    pub citation: &'static str,
    pub summary: &'static str,
    pub url: &'static str,
    pub verified: bool,
    /// The regimes the rule belongs to.
    pub regimes: &'static [Regime],
}

impl Rule {
    pub fn applies_to(&self, regime: Regime) -> bool {
        self.regimes.contains(&regime)
    }
}

macro_rules! rules {
    ($($id:literal, $citation:literal, $url:expr, $verified:literal, $regimes:ident, $summary:literal;)+) => {
        pub const RULES: &[Rule] = &[$(Rule { id: $id, citation: $citation, url: $url, verified: $verified, regimes: $regimes, summary: $summary }),+];
    };
}

rules! {
    "DELIV_DEFAULT", "Code de la consommation, art. L216-1", CONSO, true, CONSUMER,
        "Sans date convenue, le vendeur doit livrer au plus tard 30 jours après la commande. Un suivi « livré » ne prouve pas que vous avez reçu le bien.";
    "DELIV_NOTICE", "Code de la consommation, art. L216-6", CONSO, true, CONSUMER,
        "Livraison en retard : mettez le vendeur en demeure de livrer dans un délai supplémentaire raisonnable ; sans livraison, vous pouvez annuler (résoudre) le contrat.";
    "DELIV_NOTICE_DAYS", "Délai supplémentaire proposé par Recours", CONSO, false, CONSUMER,
        "La loi parle d'un délai « raisonnable » sans chiffre ; 8 à 15 jours est l'usage courant.";
    "DELIV_IMMEDIATE", "Code de la consommation, art. L216-6 II", CONSO, true, CONSUMER,
        "Vous pouvez annuler tout de suite si le vendeur refuse de livrer, ne livrera manifestement pas, ou si la date était essentielle pour vous.";
    "DELIV_REFUND", "Code de la consommation, art. L216-7", CONSO, true, CONSUMER,
        "Après l'annulation, le vendeur doit rembourser toutes les sommes versées dans les 14 jours.";
    "DELIV_PENALTY", "Code de la consommation, art. L241-4", CONSO, true, CONSUMER,
        "Remboursement en retard : la somme due est majorée de 10 % jusqu'à 14 jours de retard, 20 % jusqu'à 30 jours, 50 % au-delà.";
    "RISK", "Code de la consommation, art. L216-2", CONSO, true, CONSUMER,
        "Le vendeur supporte le risque de perte ou d'avarie jusqu'à ce que vous preniez possession du bien, sauf si vous avez choisi vous-même un transporteur qu'il ne proposait pas.";
    "WD_PERIOD", "Code de la consommation, art. L221-18", CONSO, true, CONSUMER,
        "Achat à distance : 14 jours pour vous rétracter, à compter de la réception du bien.";
    "WD_EXTENSION", "Code de la consommation, art. L221-19", CONSO, true, CONSUMER,
        "Un délai qui finit un samedi, un dimanche ou un jour férié est prolongé jusqu'au premier jour ouvrable suivant.";
    "WD_EXT", "Code de la consommation, art. L221-20", CONSO, true, CONSUMER,
        "Si le vendeur ne vous a pas informé du droit de rétractation, le délai est prolongé de 12 mois.";
    "WD_RETURN", "Code de la consommation, art. L221-23", CONSO, true, CONSUMER,
        "Après vous être rétracté, vous renvoyez le bien dans les 14 jours.";
    "WD_REFUND", "Code de la consommation, art. L221-24", CONSO, true, CONSUMER,
        "Le vendeur rembourse tout, frais de livraison initiaux compris, dans les 14 jours ; il peut attendre d'avoir récupéré le bien ou la preuve de son envoi.";
    "WD_PENALTY", "Code de la consommation, art. L242-4", CONSO, true, CONSUMER,
        "Remboursement de rétractation en retard : intérêt légal jusqu'à 10 jours, puis +5 %, +10 %, +20 %, +50 %, puis 5 points par mois de plus, dans la limite du prix du produit.";
    "SVC_WD_PERIOD", "Code de la consommation, art. L221-18", CONSO, true, CONSUMER,
        "Service ou contenu numérique acheté à distance : 14 jours pour vous rétracter, à compter du jour où le contrat a été conclu.";
    "SVC_EARLY_START", "Code de la consommation, art. L221-25", CONSO, true, CONSUMER,
        "Si vous avez expressément demandé que le service commence pendant le délai, vous payez seulement la part déjà fournie, proportionnelle au prix total ; vous ne devez rien si cette demande n'a pas été recueillie ou si l'information prévue sur ce point (art. L221-5, 9°) ne vous a pas été donnée.";
    "SVC_WD_REFUND", "Code de la consommation, art. L221-24", CONSO, true, CONSUMER,
        "Après votre rétractation, le professionnel vous rembourse toutes les sommes versées au plus tard 14 jours après avoir été informé de votre décision.";
    "SVC_WD_DONE", "Code de la consommation, art. L221-28, 1°", CONSO, false, CONSUMER,
        "Pas de rétractation pour un service entièrement exécuté avant la fin du délai, si son exécution a commencé avec votre accord exprès et votre reconnaissance de perdre ce droit.";
    "DIGITAL_WD_WAIVED", "Code de la consommation, art. L221-28, 13°", "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000044563170", true, CONSUMER,
        "Contenu numérique sans support matériel : vous perdez la rétractation seulement si vous avez donné votre accord exprès pour qu'il soit fourni pendant le délai, reconnu perdre ce droit, et reçu une confirmation sur support durable ; sinon vous la gardez.";
    "RENEWAL_NOTICE", "Code de la consommation, art. L215-1", CONSO, true, CONSUMER,
        "Contrat de service reconduit tacitement : le professionnel doit vous écrire entre 3 mois et 1 mois avant la date limite pour refuser la reconduction. Sans ce courrier, vous pouvez résilier gratuitement à tout moment après la reconduction.";
    "RENEWAL_REFUND", "Code de la consommation, art. L215-1", CONSO, true, CONSUMER,
        "Après une reconduction sans ce courrier, les avances versées depuis la reconduction vous sont remboursées dans les 30 jours de la résiliation, déduction faite du service rendu jusque-là.";
    "CANCEL_ONLINE", "Code de la consommation, art. L215-1-1", CONSO, true, CONSUMER,
        "Un contrat conclu en ligne doit pouvoir être résilié en ligne, gratuitement, par une fonction « résilier votre contrat » facile d'accès, sans créer de compte.";
    "CANCEL_FUNCTION", "Code de la consommation, art. D215-1 à D215-3 (depuis le 1er juin 2023)", CONSO, true, CONSUMER,
        "Une fonction gratuite « résilier votre contrat » (D215-1), un formulaire pour vous identifier (D215-2), puis une page récapitulative avant la notification de la résiliation (D215-3) ; aucun compte ne peut être exigé.";
    "CANCEL_CONFIRM", "Code de la consommation, art. L215-1-1 (confirmation de la résiliation)", CONSO, false, CONSUMER,
        "Le professionnel confirme la réception de la résiliation sur un support durable (un e-mail) et vous informe de la date où elle prend effet.";
    "UNDUE_PAYMENT", "Code civil, art. 1302 et 1302-1", CIVIL, false, SELLER,
        "Ce qui a été reçu sans être dû doit être restitué : un prélèvement pour une période qui suit la fin du contrat n'est pas dû.";
    "DIGITAL_CONFORMITY", "Code de la consommation, art. L224-25-12", CONSO, false, CONSUMER,
        "Contenu ou service numérique : le professionnel répond des défauts de conformité pendant 2 ans après une fourniture unique, ou pendant toute la durée d'une fourniture continue (un abonnement).";
    "DIGITAL_PRESUMPTION", "Code de la consommation, art. L224-25-16", CONSO, false, CONSUMER,
        "Un défaut qui apparaît dans les 12 mois d'une fourniture unique est présumé exister dès la fourniture ; pour une fourniture continue, le professionnel doit prouver la conformité pendant toute la durée.";
    "DIGITAL_REMEDIES", "Code de la consommation, art. L224-25-20 à L224-25-23", CONSO, false, CONSUMER,
        "Vous demandez la mise en conformité ; si elle est refusée, tarde, échoue ou si le défaut est grave : réduction du prix ou résolution du contrat, et remboursement dans les 14 jours.";
    "SVC_PERFORMANCE", "Code de la consommation, art. L216-1 et L216-6", CONSO, false, CONSUMER,
        "Le professionnel doit exécuter le service à la date convenue (sans date, dans les 30 jours) ; sinon, mettez-le en demeure, puis vous pouvez résoudre le contrat.";
    "GLC_DURATION", "Code de la consommation, art. L217-3", CONSO, true, CONSUMER,
        "Le vendeur doit un bien conforme au contrat ; il répond des défauts qui apparaissent dans les 2 ans suivant la livraison.";
    "GLC_PRESUMPTION", "Code de la consommation, art. L217-7", CONSO, true, CONSUMER,
        "Un défaut qui apparaît dans les 24 mois (12 mois pour un bien d'occasion) est présumé exister dès la livraison : vous n'avez pas à le prouver.";
    "GLC_FIX", "Code de la consommation, art. L217-9 et L217-10", CONSO, true, CONSUMER,
        "Vous choisissez la réparation ou le remplacement, gratuitement, dans les 30 jours de votre demande.";
    "GLC_FALLBACK", "Code de la consommation, art. L217-14", CONSO, true, CONSUMER,
        "Si la réparation ou le remplacement est impossible, refusé ou dépasse 30 jours : réduction du prix ou annulation de la vente avec remboursement.";
    "GLC_EXT", "Code de la consommation, art. L217-13", CONSO, false, CONSUMER,
        "Après une réparation au titre de la garantie, celle-ci est prolongée de 6 mois. La directive (UE) 2024/1799 porte ce délai à 12 mois quand vous choisissez la réparation, pour les ventes conclues à partir du 31 juillet 2026, mais aucune transposition française n'a été trouvée : à vérifier.";
    "RESERVES", "Code de la consommation, art. L216-5", CONSO, true, CONSUMER,
        "Ne pas avoir écrit de réserves sur le bon de livraison ne vous prive pas de la garantie légale de conformité.";
    "VICE", "Code civil, art. 1641 et 1648", CIVIL, true, SELLER,
        "Le vendeur répond des défauts cachés graves ; l'action doit être engagée dans les 2 ans de la découverte du défaut.";
    "VICE_CAP", "Code civil, art. 2232 (plafond de 20 ans)", CIVIL, false, SELLER,
        "Au plus tard 20 ans après la vente (Cass. ch. mixte, 21 juillet 2023).";
    "CIV_DELIVERY", "Code civil, art. 1603, 1604 et 1610", CIVIL, true, SELLER,
        "Le vendeur doit délivrer le bien convenu ; s'il ne le fait pas au moment convenu, vous pouvez, à votre choix, demander la résolution de la vente ou la livraison.";
    "CIV_CONFORMITY", "Code civil, art. 1604 (obligation de délivrance conforme)", CIVIL, false, SELLER,
        "Le vendeur doit délivrer un bien conforme à ce qui a été convenu (description, photos, état annoncé) ; la règle vient de la jurisprudence sur l'article 1604 : à vérifier.";
    "CIV_REMEDIES", "Code civil, art. 1217", CIVIL, true, SELLER,
        "Si l'autre partie n'exécute pas le contrat, vous pouvez suspendre votre propre exécution, la forcer à exécuter, obtenir une réduction du prix, résoudre le contrat ou demander des dommages et intérêts.";
    "CIV_NOTICE", "Code civil, art. 1344 et 1344-1", CIVIL, true, SELLER,
        "La mise en demeure (une lettre suffit si elle est assez claire) constate le retard et fait courir les intérêts au taux légal sur une somme d'argent due.";
    "CIV_TERMINATION", "Code civil, art. 1224 à 1226", CIVIL, true, SELLER,
        "Après une mise en demeure restée sans effet, qui annonçait expressément qu'à défaut le contrat serait résolu et laissait un délai raisonnable, vous pouvez résoudre le contrat par une notification motivée.";
    "CIV_INTEREST", "Code civil, art. 1231-6", CIVIL, true, SELLER,
        "Le retard à payer une somme d'argent est réparé par les intérêts au taux légal, à compter de la mise en demeure.";
    "PLATFORM_DISCLOSURE", "Code de la consommation, art. L111-7", CONSO, false, CONSUMER,
        "La plateforme doit vous indiquer si le vendeur est un professionnel ou un particulier et, dans ce second cas, que le droit de la consommation ne s'applique pas à la vente.";
    "PLATFORM_TERMS", "Conditions de la plateforme (contrat, non légal)", "https://www.europe-consommateurs.eu", false, ALL,
        "La protection acheteurs d'une plateforme est une règle de son contrat, pas de la loi : ses délais sont à respecter en premier, mais ne remplacent pas vos droits.";
    "MED_FREE", "Code de la consommation, art. L612-1", CONSO, true, CONSUMER,
        "La médiation de la consommation est gratuite pour vous ; chaque professionnel doit indiquer son médiateur.";
    "MED_WINDOW", "Code de la consommation, art. L612-2", CONSO, true, CONSUMER,
        "Le médiateur ne peut être saisi qu'après une réclamation écrite au professionnel, et dans l'année qui suit.";
    "MED_TIMES", "Code de la consommation, art. R612-2 et R612-5", CONSO, true, CONSUMER,
        "Le médiateur dit dans les 3 semaines environ s'il prend le dossier, et termine en 90 jours (prolongeables).";
    "CEC", "Centre européen des consommateurs France", "https://www.europe-consommateurs.eu", true, CONSUMER,
        "Aide gratuite pour un litige avec un vendeur établi dans un autre pays de l'Union européenne, en Islande ou en Norvège.";
    "SIGNALCONSO", "SignalConso (DGCCRF)", "https://signal.conso.gouv.fr", true, NOT_PRIVATE,
        "Signalement transmis à l'entreprise, qui peut répondre ; ce n'est pas une plainte et l'entreprise n'est pas obligée de répondre.";
    "CONCILIATION", "Conciliateur de justice (service-public F1736)", "https://www.service-public.gouv.fr/particuliers/vosdroits/F1736", true, SELLER,
        "Gratuit ; il cherche un accord entre vous et le vendeur, et sa saisine compte comme tentative amiable avant le tribunal.";
    "PRE_ACTION", "Code de procédure civile, art. 750-1", CPC, true, SELLER,
        "Une demande en paiement d'au plus 5 000 € par la procédure ordinaire doit être précédée d'une conciliation, d'une médiation ou d'une procédure participative.";
    "IP_NO_PRE_ACTION", "Cour de cassation, 2e civ., avis du 25 septembre 2025, n° 25-70.013", "https://www.courdecassation.fr", true, SELLER,
        "L'article 750-1 ne s'applique pas à l'injonction de payer.";
    "INJONCTION_PAYER", "Code de procédure civile, art. 1405 et s. — Cerfa 12948*06", "https://www.service-public.gouv.fr/particuliers/vosdroits/F1746", true, SELLER,
        "Pour une somme d'argent due (un remboursement) : requête au tribunal du lieu où le vendeur est établi, sans avocat ; le vendeur a un mois pour s'opposer.";
    "INJONCTION_FAIRE", "Code de procédure civile, art. 1425-1 et s. — Cerfa 11723*11", "https://www.service-public.gouv.fr/particuliers/vosdroits/F1787", true, SELLER,
        "Pour obliger le vendeur à livrer, réparer ou remplacer, jusqu'à 10 000 €.";
    "REQUETE", "Requête au tribunal judiciaire — Cerfa 16042*02", "https://www.service-public.gouv.fr/particuliers/vosdroits/R14232", true, SELLER,
        "Demande d'au plus 5 000 € par simple requête au tribunal (tribunal de proximité ou judiciaire).";
    "ASSIGNATION", "Code de procédure civile, art. 750 et s.", CPC, true, SELLER,
        "Au-delà de 5 000 €, le tribunal est saisi par une assignation délivrée par un commissaire de justice.";
    "LAWYER", "Code de procédure civile, art. 760 et 761", CPC, true, SELLER,
        "Au-delà de 10 000 €, l'avocat est obligatoire devant le tribunal judiciaire.";
    "COURT_PLACE", "Code de la consommation, art. R631-3", CONSO, true, CONSUMER,
        "Vous pouvez aussi saisir le tribunal du lieu où vous habitiez lors de la commande.";
    "ESCP", "Règlement (CE) 861/2007 modifié — procédure européenne de règlement des petits litiges", "https://e-justice.europa.eu", true, SELLER,
        "Contre un vendeur d'un autre pays de l'UE, pour au plus 5 000 € : formulaire A, sans avocat, jugement exécutoire dans toute l'UE.";
    "IP_SERVICE", "Code de procédure civile, art. 1411 — Décret n° 2026-96 du 16 février 2026", CPC, true, SELLER,
        "L'ordonnance d'injonction de payer doit être signifiée au vendeur par un commissaire de justice dans les 6 mois, ou 3 mois pour une ordonnance rendue à partir du 1er septembre 2026 ; sinon, elle ne vaut plus rien.";
    "DENMARK", "Danemark : hors des règlements (CE) 861/2007 et 1896/2006 ; accord UE-Danemark du 19 octobre 2005", "https://e-justice.europa.eu", false, SELLER,
        "Le Danemark ne participe pas aux procédures européennes des petits litiges et d'injonction de payer ; les règles de compétence et de reconnaissance des jugements s'y appliquent par un accord avec l'Union.";
    "EU_ORDINARY", "Règlement (UE) 1215/2012 (Bruxelles I bis), art. 17 et 18", "https://eur-lex.europa.eu/legal-content/FR/TXT/?uri=CELEX:32012R1215", false, CONSUMER,
        "Contre un vendeur qui dirige son activité vers la France, le consommateur peut agir devant le tribunal de son domicile ; la décision est reconnue dans les autres pays de l'Union.";
    "EOP", "Règlement (CE) 1896/2006 — injonction de payer européenne", "https://e-justice.europa.eu", false, SELLER,
        "Pour une somme due par un vendeur d'un autre pays de l'UE, sans plafond de montant.";
    "FOREIGN", "Vendeur établi hors de l'Union européenne", "https://www.europe-consommateurs.eu", false, SELLER,
        "Les procédures européennes ne s'appliquent pas ; une décision française devra être reconnue dans le pays du vendeur.";
    "MED_750", "Médiation de la consommation et art. 750-1 CPC", CPC, false, CONSUMER,
        "La saisine du médiateur de la consommation devrait valoir tentative de médiation au sens de l'article 750-1.";
    "CONTRIBUTION", "Code général des impôts, art. 1635 bis Q (loi n° 2026-103)", "https://timbre.justice.gouv.fr", true, SELLER,
        "Contribution de 50 € pour l'aide juridique, par timbre électronique, quand on engage une affaire civile devant le tribunal judiciaire (sauf aide juridictionnelle).";
    "CONTRIBUTION_IP", "Exonération de l'injonction de payer (sources secondaires)", "https://timbre.justice.gouv.fr", false, SELLER,
        "L'injonction de payer serait exonérée de la contribution de 50 €.";
    "CONTRIBUTION_APPLIES", "Contribution de 50 € pour la requête et l'injonction de faire (déduit)", "https://timbre.justice.gouv.fr", false, SELLER,
        "La requête et l'injonction de faire engagent une affaire civile : la contribution s'y applique (déduit, non écrit par une source).";
    "CARD_FRAUD", "Code monétaire et financier, art. L133-18 et L133-19", CMF, true, ALL,
        "Paiement non autorisé : la banque rembourse au plus tard le jour ouvrable suivant votre signalement, sauf si elle soupçonne une fraude de votre part et le signale à la Banque de France ; vous ne supportez rien si la carte n'a été ni perdue ni volée, sauf négligence grave de votre part.";
    "CARD_PROOF", "Code monétaire et financier, art. L133-23", CMF, true, ALL,
        "C'est à la banque de prouver que l'opération a été authentifiée, dûment enregistrée et comptabilisée, et qu'aucune défaillance technique ne l'a affectée ; l'utilisation de la carte telle qu'elle l'a enregistrée ne suffit pas à prouver que vous l'avez autorisée ni que vous avez commis une négligence grave.";
    "CARD_LOST", "Code monétaire et financier, art. L133-19", CMF, true, ALL,
        "Carte perdue ou volée : au plus 50 € peuvent rester à votre charge, pour les paiements faits avant votre opposition, sauf agissement frauduleux ou négligence grave de votre part.";
    "PAYPAL_UNAUTHORIZED", "Directive (UE) 2015/2366 (DSP2), art. 73 — en France : Code monétaire et financier, art. L133-18", "https://eur-lex.europa.eu/legal-content/FR/TXT/?uri=CELEX:32015L2366", false, ALL,
        "PayPal est un établissement de crédit luxembourgeois : la règle européenne du remboursement d'un paiement non autorisé s'applique à lui comme à une banque (en France, article L133-18).";
    "CARD_LIMIT", "Code monétaire et financier, art. L133-24", CMF, true, ALL,
        "Vous avez 13 mois après le débit pour contester un paiement non autorisé.";
    "CHARGEBACK", "Règles des réseaux de cartes (non légales)", "https://www.europe-consommateurs.eu", false, ALL,
        "Une commande payée par carte et jamais livrée, très différente de sa description, ou un remboursement promis jamais crédité : votre banque peut demander le remboursement à la banque du vendeur (« chargeback », par exemple motif Visa 13.1 pour une marchandise non reçue). C'est une règle des réseaux Visa et Mastercard, pas de la loi, et leurs délais sont les leurs : agissez vite.";
    "SEPA_REFUND", "Code monétaire et financier, art. L133-25 et L133-25-1", CMF, false, ALL,
        "Un prélèvement SEPA que vous aviez autorisé vous est remboursé sur simple demande à votre banque dans les 8 semaines du débit ; la banque répond dans les 10 jours ouvrables.";
    "PAYPAL", "Protection des achats PayPal (contrat PayPal)", "https://www.paypal.com/fr", true, ALL,
        "Ouvrez un litige dans les 180 jours du paiement, puis transformez-le en réclamation dans les 20 jours.";
    "TRANSFER_RECALL", "Rappel d'un virement (règles SEPA, non légales)", "https://www.europeanpaymentscouncil.eu", false, ALL,
        "Un virement que vous avez ordonné vous-même ne se conteste pas comme un paiement par carte : votre banque peut demander à la banque du bénéficiaire de rendre les fonds, mais il faut en principe l'accord du bénéficiaire. Demandez-le tout de suite, sans trop en attendre.";
    "SCAM", "Code pénal, art. 313-1 (escroquerie)", PENAL, false, ALL,
        "Tromper une personne par une fausse qualité ou des manœuvres (un faux site, une fausse annonce) pour qu'elle remette de l'argent est une escroquerie, un délit puni de 5 ans d'emprisonnement et de 375 000 € d'amende.";
    "THESEE", "Plainte en ligne THESEE (service-public F34000)", "https://www.service-public.fr/particuliers/vosdroits/F34000", true, ALL,
        "THESEE reçoit en ligne les plaintes et les signalements d'arnaques sur internet : faux site de vente, fausse annonce, compte piraté… (pas l'hameçonnage). Pour un faux site : une commande passée, rien reçu, un service client injoignable. Un signalement peut être anonyme mais n'a pas de suite ; une plainte se dépose en votre nom, via FranceConnect, si vous êtes majeur. Info-escroqueries : 0805 805 817.";
    "PERCEVAL", "Perceval (service-public R46526)", "https://www.service-public.fr/particuliers/vosdroits/R46526", true, ALL,
        "Perceval sert à signaler un paiement frauduleux par carte sur internet quand vous avez toujours votre carte, après avoir fait opposition (le numéro d'opposition est demandé), via FranceConnect ; le récépissé est pour votre banque. Une carte perdue ou volée, un retrait ou un achat en magasin relèvent d'une plainte.";
    "CIVIL_PARTY", "Code de procédure pénale, art. 2", CPP, false, ALL,
        "La victime d'une infraction peut demander réparation de son préjudice au tribunal qui juge l'auteur, en se constituant partie civile.";
    "BNPL_CREDIT", "Ordonnance n° 2025-880 du 3 septembre 2025 (crédit à la consommation)", ORD_2025_880, true, ALL,
        "Depuis le 20 novembre 2026, le paiement fractionné (« en 3 ou 4 fois ») est un crédit à la consommation : ses règles s'appliquent aux achats faits depuis cette date. Avant, un paiement fractionné gratuit de moins de 3 mois n'en était pas un : les conditions du prêteur s'appliquent seules, et un crédit en cours garde l'ancienne loi.";
    "BNPL_DELIVERY", "Code de la consommation, art. L312-48 (crédit affecté)", CONSO, false, ALL,
        "Quand un crédit finance un achat précis, les remboursements ne commencent qu'à la livraison du bien. Le numéro de l'article après la réforme du 20 novembre 2026 est à vérifier.";
    "BNPL_LINKED", "Code de la consommation, art. L312-55 (crédit affecté)", CONSO, false, ALL,
        "Le juge peut suspendre le crédit pendant le litige avec le vendeur ; si la vente est annulée ou résolue par le juge, le crédit qui la finançait l'est aussi, à condition que le prêteur soit partie à l'instance. Le numéro de l'article après la réforme du 20 novembre 2026 est à vérifier.";
    "TRANSPORT_NO_WD", "Code de la consommation, art. L221-2, 9°", CONSO, true, CONSUMER,
        "Un billet de transport de passagers (avion, train) n'a pas de droit de rétractation de 14 jours.";
    "EU261_COMP", "Règlement (CE) 261/2004, art. 7", "https://eur-lex.europa.eu/legal-content/FR/TXT/?uri=CELEX:32004R0261", true, CONSUMER,
        "Vol annulé : une indemnité de 250, 400 ou 600 € selon la distance (réduite de moitié si un autre vol vous est proposé à une heure proche).";
    "EU261_DELAY", "Règlement (CE) 261/2004 et jurisprudence de la Cour de justice de l'Union européenne", "https://eur-lex.europa.eu/legal-content/FR/TXT/?uri=CELEX:32004R0261", false, CONSUMER,
        "Un vol arrivé avec 3 heures de retard ou plus ouvre droit à la même indemnité qu'un vol annulé, sauf circonstances extraordinaires ; cette règle vient de la jurisprudence, pas du texte de l'article 7.";
    "EU261_REFUND", "Règlement (CE) 261/2004, art. 8", "https://eur-lex.europa.eu/legal-content/FR/TXT/?uri=CELEX:32004R0261", true, CONSUMER,
        "Vol annulé : le billet vous est remboursé dans les 7 jours si vous renoncez au voyage.";
    "RAIL_COMP", "Règlement (UE) 2021/782, art. 19", "https://eur-lex.europa.eu/legal-content/FR/TXT/?uri=CELEX:32021R0782", false, CONSUMER,
        "Train en retard : 25 % du prix du billet pour 60 à 119 minutes de retard, 50 % à partir de 120 minutes, sauf circonstances exceptionnelles.";
    "PACKAGE_LIABILITY", "Code du tourisme, art. L211-16", "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006074073", false, CONSUMER,
        "Voyage à forfait : l'organisateur ou le vendeur répond de plein droit de tous les services du forfait, sauf faute du voyageur, fait d'un tiers étranger au voyage ou circonstances exceptionnelles et inévitables.";
    "PACKAGE_CANCEL", "Code du tourisme, art. L211-14", "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006074073", false, CONSUMER,
        "Voyage à forfait : vous pouvez annuler avant le départ contre des frais justifiés, sans frais si des circonstances exceptionnelles touchent la destination ; si l'organisateur annule, il rembourse tout.";
    "MTV", "Médiateur Tourisme et Voyage", "https://www.mtv.travel", true, CONSUMER,
        "Gratuit, pour les entreprises adhérentes (compagnies aériennes, agences, tour-opérateurs), après une réclamation écrite refusée ou restée sans réponse 2 mois ; avis dans les 90 jours.";
}

pub fn rule(id: &str) -> &'static Rule {
    // By id, made once: an assessment looks up dozens of rules, and the list assesses a page.
    static BY_ID: std::sync::OnceLock<std::collections::HashMap<&'static str, &'static Rule>> =
        std::sync::OnceLock::new();
    BY_ID
        .get_or_init(|| RULES.iter().map(|r| (r.id, r)).collect())
        .get(id)
        .copied()
        .unwrap_or_else(|| panic!("rule {id} missing from the rules table"))
}

pub fn legal(id: &str) -> LegalRef {
    let r = rule(id);
    LegalRef {
        rule: r.id,
        citation: r.citation,
        summary: r.summary,
        url: r.url,
        verified: r.verified,
    }
}

pub fn legals(ids: &[&str]) -> Vec<LegalRef> {
    ids.iter().map(|id| legal(id)).collect()
}

/// The hosts a source link may point to; anything else is never opened.
pub const SOURCE_HOSTS: &[&str] = &[
    "www.legifrance.gouv.fr",
    "www.service-public.gouv.fr",
    "www.service-public.fr",
    "www.europe-consommateurs.eu",
    "signal.conso.gouv.fr",
    "timbre.justice.gouv.fr",
    "e-justice.europa.eu",
    "eur-lex.europa.eu",
    "www.courdecassation.fr",
    "www.paypal.com",
    "www.europeanpaymentscouncil.eu",
    "www.mtv.travel",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_links_are_official_https() {
        let mut ids: Vec<_> = RULES.iter().map(|r| r.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), RULES.len());
        for r in RULES {
            let host = r
                .url
                .strip_prefix("https://")
                .and_then(|rest| rest.split('/').next())
                .unwrap_or_default();
            assert!(SOURCE_HOSTS.contains(&host), "{} → {}", r.id, r.url);
        }
    }

    #[test]
    fn nothing_from_2010_is_offered() {
        for r in RULES {
            let text = format!("{} {}", r.citation, r.summary).to_lowercase();
            for gone in [
                "juridiction de proximité",
                "tribunal d'instance",
                "forum des droits",
                "odr",
            ] {
                assert!(!text.contains(gone), "{} mentions {gone}", r.id);
            }
        }
    }
}
