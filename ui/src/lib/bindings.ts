// Generated from the Rust types by recours-core (src/bindings.rs). Do not edit by hand:
// run `RECOURS_UPDATE_BINDINGS=1 cargo test -p recours-core --test bindings`.

export type Problem = "non_delivery" | "non_conforming" | "withdrawal_refund" | "hidden_defect" | "unauthorized_payment" | "scam" | "service" | "digital_content" | "other";

export type PaymentMethod = "card" | "paypal" | "transfer" | "bnpl" | "other";

export type Status = "open" | "resolved" | "abandoned";

export type Goal = "refund" | "performance";

export type CarrierChoice = "merchant" | "consumer";

export type SellerStatus = "professional" | "private" | "unknown";

export type Merchant = { 
/**
 * Required for a dossier (the form checks it); the rules do not read it.
 */
name: string, website: string | null, email: string | null, phone: string | null, postal_address: string | null, 
/**
 * ISO 3166-1 alpha-2, upper case ("FR").
 */
country: string, 
/**
 * SIREN (9 digits) or SIRET (14 digits), when known.
 */
siren_siret: string | null, 
/**
 * Adheres to the FEVAD e-commerce mediator (null: not known).
 */
fevad_mediator: boolean | null, 
/**
 * The consumer mediator the merchant names in its terms, when known.
 */
mediator_name: string | null, 
/**
 * A professional (the default), a private person, or not known yet.
 */
status: SellerStatus, };

export type Platform = { name: string, 
/**
 * ISO 3166-1 alpha-2 of the entity that runs it (from the directory when chosen there).
 */
country: string, 
/**
 * Its entry in Recours' directory of platforms (`platforms::directory()`), when chosen there.
 */
directory_id: string | null, postal_address: string | null, email: string | null, siren_siret: string | null, mediator_name: string | null, };

export type SourcedText = { value: string | null, source: string | null, 
/**
 * The date the source itself gives (« non datée » when it gives none).
 */
source_date: string | null, 
/**
 * The day Recours read the source.
 */
checked: string | null, verified: boolean, missing: boolean, };

export type SourcedFlag = { value: boolean | null, source: string | null, source_date: string | null, checked: string | null, verified: boolean, missing: boolean, };

export type Protection = { 
/**
 * What it is and how to use it, in French.
 */
text: string, 
/**
 * Days to report a problem, when the platform sets them.
 */
window_days: number | null, 
/**
 * The event the window runs from (`marked_delivered`: the platform shows « Livré »).
 */
from: string | null, source: string, source_date: string, checked: string, verified: boolean, };

export type PlatformEntry = { 
/**
 * Stable id, e.g. "vinted".
 */
id: string, name: string, domain: string, 
/**
 * The legal entity the buyer contracts with (for a marketplace: for its own services).
 */
entity: SourcedText, 
/**
 * ISO 3166-1 alpha-2 of that entity.
 */
country: SourcedText, 
/**
 * The registered address found: always to check in the site's legal notice before a letter.
 */
address: SourcedText, registration: SourcedText, 
/**
 * Third-party sellers sell there: the platform and the seller are two parties.
 */
marketplace: SourcedFlag, 
/**
 * "pro" (professionals only) or "pro_et_particuliers".
 */
sellers: SourcedText, protection: Protection | null, };

export type ServiceTerms = { 
/**
 * A subscription (renewed or paid each period), not a one-off service or purchase.
 */
subscription: boolean, 
/**
 * The day the service began, or the content was supplied.
 */
started_on: string | null, 
/**
 * The person asked for the service to start before the end of the withdrawal period (L221-25).
 */
early_start_requested: boolean | null, 
/**
 * Digital content: the person gave express consent to its supply during the period and
 * acknowledged losing the right of withdrawal, confirmed on a durable medium (L221-28 13°).
 */
withdrawal_waived: boolean | null, 
/**
 * A subscription renewed by tacit renewal: the day it was renewed.
 */
renewal_date: string | null, 
/**
 * The notice of L215-1 (3 months to 1 month before the last day to refuse the renewal) came.
 */
renewal_notice_received: boolean | null, 
/**
 * The site offers the « résilier votre contrat » function (L215-1-1); false: missing or broken.
 */
online_cancellation: boolean | null, };

export type Order = { reference: string | null, date: string, 
/**
 * Amount paid, in euro cents (4990 = 49,90 €).
 */
amount_cents: number, payment_method: PaymentMethod, promised_delivery_date: string | null, delivered_date: string | null, used_goods: boolean, 
/**
 * The merchant told of the right of withdrawal (if not, the period is 12 months longer);
 * null: the person does not know. Absent from older inputs: true, as it then meant.
 */
withdrawal_info_given: boolean | null, 
/**
 * For a payment made without consent: was the card lost or stolen (L133-19)? null: not said.
 */
card_lost_or_stolen: boolean | null, 
/**
 * For a paiement fractionné: the lender (« Klarna », « Alma », « Oney »…).
 */
lender: string | null, 
/**
 * For a service or digital content: its terms (null for goods).
 */
service: ServiceTerms | null, };

export type DossierInput = { title: string, problem: Problem, description: string, 
/**
 * Money back (default) or what was bought.
 */
goal: Goal, 
/**
 * Who chose the carrier (null: not asked yet).
 */
carrier_chosen_by: CarrierChoice | null, 
/**
 * The seller.
 */
merchant: Merchant, 
/**
 * The platform, when the purchase was made on one that is not the seller.
 */
platform: Platform | null, order: Order, };

export type Dossier = { id: number, title: string, problem: Problem, description: string, goal: Goal, carrier_chosen_by: CarrierChoice | null, merchant: Merchant, platform: Platform | null, order: Order, status: Status, outcome_note: string | null, 
/**
 * The day it was closed (resolved or abandoned), as the person's calendar gave it.
 */
closed_on: string | null, 
/**
 * RFC 3339, UTC.
 */
created_at: string, 
/**
 * RFC 3339, UTC: the last activity on the dossier.
 */
updated_at: string, };

export type DossierSummary = { id: number, title: string, problem: Problem, merchant_name: string, order_reference: string | null, order_date: string, amount_cents: number, status: Status, updated_at: string, 
/**
 * Where the dossier stands (null when it cannot be assessed).
 */
current_step: StepId | null, 
/**
 * The next legal deadline that is not passed.
 */
next_deadline: DeadlineBrief | null, 
/**
 * With a search: where it matched inside the dossier (a piece, a note, a letter), if not in
 * the row's own title, seller or reference.
 */
search_hit: SearchHit | null, };

export type DeadlineBrief = { id: string, date: string, label: string, };

export type DossierPage = { dossiers: Array<DossierSummary>, 
/**
 * Dossiers matching the search and status.
 */
total_matching: number, 
/**
 * Dossiers in all.
 */
total_all: number, };

export type StartScreen = { 
/**
 * A first run: show the welcome instead of the list.
 */
welcome_needed: boolean, 
/**
 * The list's first page.
 */
page: DossierPage, };

export type DossierQuery = { 
/**
 * Words looked for in the title, the seller's name and the order reference, and inside the
 * pieces, the journal's notes and the letters (accents and case ignored).
 */
search: string | null, status: Status | null, 
/**
 * At most this many rows (all when null).
 */
limit: number | null, };

export type StatusChange = { status: Status, outcome_note: string | null, };

export type FieldError = { field: string, message: string, };

export type ErrorPayload = { code: string, message: string, fields: Array<FieldError>, };

export type Country = { code: string, name: string, 
/**
 * In the European Union or the European Economic Area (Iceland, Liechtenstein, Norway).
 */
eea: boolean, };

export type AppInfo = { version: string, data_dir: string, schema_version: number, };

export type EventKind = "complaint_sent" | "formal_notice_sent" | "formal_notice_received" | "termination_notified" | "termination_received" | "withdrawal_notified" | "withdrawal_received" | "goods_returned" | "delivered" | "repair_requested" | "repair_done" | "refund_received" | "merchant_replied" | "mediation_requested" | "mediation_ended" | "cec_requested" | "conciliation_requested" | "payment_dispute_opened" | "signalconso_reported" | "defect_discovered" | "court_filed" | "payment_order_received" | "marked_delivered" | "platform_claim_opened" | "scam_reported" | "cancellation_sent" | "resolved";

export type EventInput = { kind: EventKind, date: string, note: string, 
/**
 * For a refund: the amount received, in cents.
 */
amount_cents: number | null, 
/**
 * For a formal notice: the days granted (8 when left empty).
 */
deadline_days: number | null, 
/**
 * For a registered letter: its 13-character number (spaces are ignored).
 */
tracking_number: string | null, };

export type Event = { id: number, dossier_id: number, kind: EventKind, date: string, note: string, amount_cents: number | null, deadline_days: number | null, tracking_number: string | null, created_at: string, };

export type StepId = "platform" | "withdrawal" | "cancellation" | "complaint" | "formal_notice" | "termination" | "payment_dispute" | "scam_report" | "report" | "card_reuse" | "mediation" | "cec" | "conciliation" | "court" | "resolved";

export type StepStatus = "done" | "current" | "upcoming" | "not_applicable";

export type LegalRef = { 
/**
 * Stable id of the rule in the rules table (`rules::law`). The four texts are the table's own
 * (borrowed, never copied: an assessment cites dozens of rules, and the list assesses a page).
 */
rule: string, 
/**
 * "Code de la consommation, art. L216-6"
 */
citation: string, 
/**
 * What it says, in one plain sentence.
 */
summary: string, url: string, 
/**
 * False when the domain reference marks the fact as unverified: the UI says "à vérifier".
 */
verified: boolean, };

export type OfficialSite = "signalconso" | "mediateur_fevad" | "mediation_conso" | "cec_france" | "conciliateurs" | "injonction_de_payer" | "injonction_de_faire" | "requete" | "european_small_claims" | "court_finder" | "la_poste_tracking" | "court_contribution" | "perceval" | "scam_complaint" | "la_poste_recommande" | "mediateur_tourisme";

export type SiteRef = { site: OfficialSite, label: string, url: string, verified: boolean, };

export type Step = { id: StepId, status: StepStatus, 
/**
 * Why it has this status (always said for `not_applicable`).
 */
reason: string, title: string, 
/**
 * Runs beside the main ladder (payment remedies) rather than in its order.
 */
parallel: boolean, law: string, what_to_do: string, to_whom: string, how: string, cost: string, 
/**
 * The deadline (by id) that matters for this step, if any.
 */
deadline: string | null, legal: Array<LegalRef>, sites: Array<SiteRef>, 
/**
 * The events that record this step being done.
 */
record: Array<EventKind>, };

export type Deadline = { id: string, date: string, 
/**
 * The article it comes from, e.g. "L216-1".
 */
basis: string, 
/**
 * Strictly before today.
 */
passed: boolean, label: string, 
/**
 * Counted from a sending date while the receipt is not recorded: the real date can only be
 * later (« au plus tôt le … »); recording the avis de réception fixes it.
 */
earliest: boolean, legal: LegalRef, };

export type Penalty = { 
/**
 * "L241-4" or "L242-4"
 */
basis: string, due_date: string, 
/**
 * The refund date, or null while not refunded (then `today` counts).
 */
refunded_on: string | null, days_late: number, 
/**
 * 0 while only the legal interest applies.
 */
rate_percent: number, legal_interest: boolean, 
/**
 * Legal interest rate used, in hundredths of a percent (667 = 6,67 %), when it applies.
 */
legal_interest_rate_bp: number | null, principal_cents: number, increase_cents: number, total_due_cents: number, 
/**
 * How the figure is reached, in French.
 */
explanation: string, verified: boolean, legal: LegalRef, };

export type CourtRoute = "injonction_de_payer" | "injonction_de_faire" | "european_small_claims" | "requete" | "assignation" | "lawyer_required" | "european_order_for_payment" | "foreign_merchant" | "denmark" | "resolution_first" | "no_defendant";

export type Court = { route: CourtRoute, 
/**
 * Art. 750-1 CPC: a conciliation, mediation or participatory procedure must come first.
 */
pre_action_required: boolean, 
/**
 * A conciliation or mediation has been asked for.
 */
pre_action_done: boolean, lawyer_required: boolean, title: string, explanation: string, 
/**
 * The official form, e.g. "Cerfa 12948*06".
 */
form: string | null, 
/**
 * The 50 € contribution pour l'aide juridique, in cents (0 when exempt).
 */
contribution_cents: number, contribution_verified: boolean, where_to_file: string, legal: Array<LegalRef>, sites: Array<SiteRef>, };

export type Note = { text: string, legal: Array<LegalRef>, };

export type Regime = "consumer" | "civil" | "no_merchant";

export type Assessment = { today: string, problem: Problem, 
/**
 * Which body of law applies (from the seller's status).
 */
regime: Regime, seller_status: SellerStatus, current_step: StepId, steps: Array<Step>, deadlines: Array<Deadline>, 
/**
 * The first deadline that is not passed, if any.
 */
next_deadline: Deadline | null, penalty: Penalty | null, court: Court, notes: Array<Note>, };

export type TravelKind = "flight" | "train" | "package";

export type TravelTriage = { kind: TravelKind, title: string, 
/**
 * Which law applies, in one paragraph.
 */
regime: string, 
/**
 * What that law gives, one right per line.
 */
rights: Array<string>, 
/**
 * The steps, in order.
 */
steps: Array<string>, 
/**
 * Why Recours has no letters here.
 */
scope: string, legal: Array<LegalRef>, sites: Array<SiteRef>, };

export type HolidayRegion = "metropole" | "alsace_moselle" | "guadeloupe" | "martinique" | "guyane" | "la_reunion" | "mayotte";

export type Reminder = { dossier_id: number, dossier_title: string, deadline_id: string, label: string, date: string, };

export type Settings = { 
/**
 * Who writes the letters: name, postal address, e-mail, phone.
 */
sender: SenderIdentity, 
/**
 * Desktop notifications when a deadline falls due (opt-in).
 */
reminders_enabled: boolean, 
/**
 * Where the person lives, for the public holidays that extend a period.
 */
holiday_region: HolidayRegion, 
/**
 * The largest file accepted as a piece, in megabytes (1 000 = 1 GB by default).
 */
max_piece_mb: number, 
/**
 * The first-run welcome was seen (or skipped).
 */
welcome_done: boolean, };

export type Category = "invoice" | "order_confirmation" | "payment_proof" | "correspondence" | "photo" | "shipping_proof" | "delivery_receipt" | "letter" | "other";

export type Piece = { id: number, dossier_id: number, sha256: string, size: number, 
/**
 * Sniffed from the content, never from the name.
 */
mime: string, original_name: string, category: Category, title: string, description: string, document_date: string | null, 
/**
 * Order in the dossier (and later in the bordereau de pièces).
 */
position: number, added_at: string, };

export type PieceEdit = { category: Category, title: string, description: string, document_date: string | null, };

export type AttachOutcome = { "result": "stored", piece: Piece, } | { "result": "duplicate", piece: Piece, } | { "result": "refused", name: string, code: string, message: string, };

export type IntegrityReport = { 
/**
 * Whether every blob was hashed again (else only sizes and existence).
 */
full: boolean, blobs_checked: number, 
/**
 * Recorded but absent from the disk.
 */
missing: Array<string>, 
/**
 * Present but with other bytes (or another size) than recorded.
 */
corrupt: Array<string>, 
/**
 * Files in the store that no row records.
 */
orphan_files: Array<string>, 
/**
 * Temporary files left by an interrupted copy (removed by the check).
 */
temp_files_removed: Array<string>, };

export type StagedKind = "file" | "folder" | "other";

export type StagedFile = { name: string, size: number, kind: StagedKind, 
/**
 * For a folder: how many files it holds directly.
 */
files_inside: number, };

export type StagedDrop = { token: string, files: Array<StagedFile>, 
/**
 * Files offered beyond the first `MAX_STAGED`, left out (the page says so).
 */
left_out: number, };

export type SenderIdentity = { 
/**
 * "Camille Martin"
 */
name: string, 
/**
 * Street and number, one line or more ("12 rue des Lilas\nAppartement 4").
 */
address: string, postal_code: string, city: string, email: string, phone: string, };

export type LetterKind = "complaint" | "reminder" | "formal_notice_delivery" | "formal_notice_conformity" | "formal_notice_withdrawal" | "termination" | "withdrawal_form" | "mediator_referral" | "conciliator_referral" | "bank_dispute" | "paypal_dispute" | "transfer_recall" | "lender_request" | "platform_claim" | "service_withdrawal" | "cancellation" | "cancellation_refund" | "formal_notice_service";

export type LetterOption = { kind: LetterKind, label: string, step: StepId, registered: boolean, sent_event: EventKind, };

export type LetterDraft = { kind: LetterKind, label: string, sender: Array<string>, 
/**
 * Editable: name and postal address of the recipient, one line each.
 */
recipient: string, 
/**
 * "Lyon, le 24 novembre 2026"
 */
place_date: string, registered: boolean, 
/**
 * Editable.
 */
object: string, references: Array<string>, 
/**
 * Editable: paragraphs separated by an empty line.
 */
body: string, signature: string, 
/**
 * Editable: the enclosed pieces, one per line.
 */
enclosures: string, 
/**
 * The articles the letter relies on, with their sources.
 */
legal: Array<LegalRef>, 
/**
 * The journal event to record once the letter is sent.
 */
sent_event: EventKind, 
/**
 * Days granted to the merchant (formal notices), for that event.
 */
deadline_days: number | null, 
/**
 * What the person still has to write by hand (shown as "[à compléter : …]" in the text).
 */
to_complete: Array<string>, 
/**
 * What to check before sending (a withdrawal that looks late, a question left open): shown
 * above the text, never printed.
 */
warnings: Array<string>, 
/**
 * The text as the person last left it in the window, when they changed it: it is taken up
 * again rather than the fresh draft, so that closing the window never loses their work.
 */
saved: SavedLetterEdit | null, };

export type LetterEdit = { recipient: string, object: string, body: string, enclosures: string, };

export type SavedLetterEdit = { edit: LetterEdit, 
/**
 * RFC 3339, UTC.
 */
saved_at: string, };

export type CourtForm = "injonction_de_payer" | "injonction_de_faire" | "requete" | "thesee";

export type ExportProgress = { done_bytes: number, total_bytes: number, 
/**
 * The file being written.
 */
current: string, };

export type ExportReport = { 
/**
 * The folder or ZIP file made.
 */
path: string, 
/**
 * Pieces copied (the two PDFs besides).
 */
pieces: number, bytes: number, };

export type BackupReport = { 
/**
 * The backup file written (or, for a restore, where the data it replaced was kept).
 */
path: string, dossiers: number, pieces: number, bytes: number, };

export type OpenOutcome = "opened" | "folder_shown";

export type SearchHit = { 
/**
 * « piece », « note » (the journal) or « letter ».
 */
source: string, 
/**
 * The piece's title, the journal entry's kind, or the letter's object.
 */
label: string, 
/**
 * The passage; the words found are between the characters U+0002 and U+0003 (never markup).
 */
passage: string, };

export type DocumentKind = "email" | "pdf" | "html" | "text";

export type Source = { 
/**
 * The line it was read from (shortened around the words when long).
 */
passage: string, 
/**
 * The words themselves, as the document writes them.
 */
words: string, 
/**
 * Byte offsets of `words` in the document's text (`recours-cli intake --text` prints it).
 */
start: number, end: number, };

export type ProposedMerchant = { name?: string, website?: string, email?: string, country?: string, };

export type ProposedPlatform = { name: string, country: string, directory_id: string | null, };

export type ProposedOrder = { reference?: string, date?: string, amount_cents?: number, payment_method?: PaymentMethod, lender?: string, promised_delivery_date?: string, };

export type ProposedDossier = { title?: string, merchant: ProposedMerchant, platform?: ProposedPlatform, order: ProposedOrder, };

export type DeliveryWindow = { from: string, to: string, };

export type EmailSummary = { from_name: string | null, from_address: string | null, date: string | null, subject: string | null, };

export type AttachmentSummary = { name: string, mime: string, size: number, };

export type Proposal = { kind: DocumentKind, dossier: ProposedDossier, 
/**
 * Where each value was read, by its path in `dossier` (« order.reference »).
 */
sources: { [key in string]: Source }, 
/**
 * Two days promised (« entre le 5 et le 8 novembre »): the promised date is the last one.
 */
delivery_window: DeliveryWindow | null, email: EmailSummary | null, attachments: Array<AttachmentSummary>, 
/**
 * Nothing of the order was found: the person types it, as without a document.
 */
found_nothing: boolean, };

export type EventProposal = { kind: EventKind, date: string | null, note: string, email: EmailSummary, attachments: Array<AttachmentSummary>, };

/** ISO 3166-1 countries with their French names, sorted by name. */
export const COUNTRIES: readonly Country[] = [
  { code: "AF", name: "Afghanistan", eea: false },
  { code: "ZA", name: "Afrique du Sud", eea: false },
  { code: "AX", name: "Åland, Îles", eea: false },
  { code: "AL", name: "Albanie", eea: false },
  { code: "DZ", name: "Algérie", eea: false },
  { code: "DE", name: "Allemagne", eea: true },
  { code: "AD", name: "Andorre", eea: false },
  { code: "AO", name: "Angola", eea: false },
  { code: "AI", name: "Anguilla", eea: false },
  { code: "AQ", name: "Antarctique", eea: false },
  { code: "AG", name: "Antigua-et-Barbuda", eea: false },
  { code: "SA", name: "Arabie saoudite", eea: false },
  { code: "AR", name: "Argentine", eea: false },
  { code: "AM", name: "Arménie", eea: false },
  { code: "AW", name: "Aruba", eea: false },
  { code: "AU", name: "Australie", eea: false },
  { code: "AT", name: "Autriche", eea: true },
  { code: "AZ", name: "Azerbaïdjan", eea: false },
  { code: "BS", name: "Bahamas", eea: false },
  { code: "BH", name: "Bahreïn", eea: false },
  { code: "BD", name: "Bangladesh", eea: false },
  { code: "BB", name: "Barbade", eea: false },
  { code: "BY", name: "Bélarus", eea: false },
  { code: "BE", name: "Belgique", eea: true },
  { code: "BZ", name: "Belize", eea: false },
  { code: "BJ", name: "Bénin", eea: false },
  { code: "BM", name: "Bermudes", eea: false },
  { code: "BT", name: "Bhoutan", eea: false },
  { code: "MM", name: "Birmanie", eea: false },
  { code: "BO", name: "Bolivie", eea: false },
  { code: "BQ", name: "Bonaire, Saint-Eustache et Saba", eea: false },
  { code: "BA", name: "Bosnie-Herzégovine", eea: false },
  { code: "BW", name: "Botswana", eea: false },
  { code: "BR", name: "Brésil", eea: false },
  { code: "BN", name: "Brunéi Darussalam", eea: false },
  { code: "BG", name: "Bulgarie", eea: true },
  { code: "BF", name: "Burkina Faso", eea: false },
  { code: "BI", name: "Burundi", eea: false },
  { code: "KH", name: "Cambodge", eea: false },
  { code: "CM", name: "Cameroun", eea: false },
  { code: "CA", name: "Canada", eea: false },
  { code: "CV", name: "Cap-Vert", eea: false },
  { code: "CL", name: "Chili", eea: false },
  { code: "CN", name: "Chine", eea: false },
  { code: "CX", name: "Christmas, Île", eea: false },
  { code: "CY", name: "Chypre", eea: true },
  { code: "CC", name: "Cocos (Keeling), Îles", eea: false },
  { code: "CO", name: "Colombie", eea: false },
  { code: "KM", name: "Comores", eea: false },
  { code: "CD", name: "Congo (Rép. démocratique)", eea: false },
  { code: "KP", name: "Corée du Nord", eea: false },
  { code: "KR", name: "Corée du Sud", eea: false },
  { code: "CR", name: "Costa Rica", eea: false },
  { code: "CI", name: "Côte d'Ivoire", eea: false },
  { code: "HR", name: "Croatie", eea: true },
  { code: "CU", name: "Cuba", eea: false },
  { code: "CW", name: "Curaçao", eea: false },
  { code: "DK", name: "Danemark", eea: true },
  { code: "DJ", name: "Djibouti", eea: false },
  { code: "DM", name: "Dominique", eea: false },
  { code: "EG", name: "Égypte", eea: false },
  { code: "AE", name: "Émirats arabes unis", eea: false },
  { code: "EC", name: "Équateur", eea: false },
  { code: "ER", name: "Érythrée", eea: false },
  { code: "ES", name: "Espagne", eea: true },
  { code: "EE", name: "Estonie", eea: true },
  { code: "SZ", name: "Eswatini", eea: false },
  { code: "US", name: "États-Unis", eea: false },
  { code: "ET", name: "Éthiopie", eea: false },
  { code: "FJ", name: "Fidji", eea: false },
  { code: "FI", name: "Finlande", eea: true },
  { code: "FR", name: "France", eea: true },
  { code: "GA", name: "Gabon", eea: false },
  { code: "GM", name: "Gambie", eea: false },
  { code: "GE", name: "Géorgie", eea: false },
  { code: "GS", name: "Géorgie du Sud et les îles Sandwich du Sud", eea: false },
  { code: "GH", name: "Ghana", eea: false },
  { code: "GI", name: "Gibraltar", eea: false },
  { code: "GR", name: "Grèce", eea: true },
  { code: "GD", name: "Grenade", eea: false },
  { code: "GL", name: "Groënland", eea: false },
  { code: "GP", name: "Guadeloupe", eea: false },
  { code: "GU", name: "Guam", eea: false },
  { code: "GT", name: "Guatemala", eea: false },
  { code: "GG", name: "Guernesey", eea: false },
  { code: "GN", name: "Guinée", eea: false },
  { code: "GQ", name: "Guinée Équatoriale", eea: false },
  { code: "GW", name: "Guinée-Bissau", eea: false },
  { code: "GY", name: "Guyana", eea: false },
  { code: "GF", name: "Guyane française", eea: false },
  { code: "HT", name: "Haïti", eea: false },
  { code: "HN", name: "Honduras", eea: false },
  { code: "HK", name: "Hong Kong", eea: false },
  { code: "HU", name: "Hongrie", eea: true },
  { code: "BV", name: "Île Bouvet", eea: false },
  { code: "IM", name: "Île de Man", eea: false },
  { code: "NF", name: "Île Norfolk", eea: false },
  { code: "KY", name: "Îles Caïmans", eea: false },
  { code: "CK", name: "Îles Cook", eea: false },
  { code: "FO", name: "Îles Féroé", eea: false },
  { code: "HM", name: "Îles Heard-et-MacDonald", eea: false },
  { code: "MP", name: "Îles Mariannes du Nord", eea: false },
  { code: "MH", name: "Îles Marshall", eea: false },
  { code: "UM", name: "Îles mineures éloignées des États-Unis", eea: false },
  { code: "PN", name: "Îles Pitcairn", eea: false },
  { code: "TC", name: "Îles Turques-et-Caïques", eea: false },
  { code: "VG", name: "Îles Vierges britanniques", eea: false },
  { code: "VI", name: "Îles Vierges, États-Unis", eea: false },
  { code: "IN", name: "Inde", eea: false },
  { code: "ID", name: "Indonésie", eea: false },
  { code: "IQ", name: "Irak", eea: false },
  { code: "IR", name: "Iran", eea: false },
  { code: "IE", name: "Irlande", eea: true },
  { code: "IS", name: "Islande", eea: true },
  { code: "IL", name: "Israël", eea: false },
  { code: "IT", name: "Italie", eea: true },
  { code: "JM", name: "Jamaïque", eea: false },
  { code: "JP", name: "Japon", eea: false },
  { code: "JE", name: "Jersey", eea: false },
  { code: "JO", name: "Jordanie", eea: false },
  { code: "KZ", name: "Kazakhstan", eea: false },
  { code: "KE", name: "Kenya", eea: false },
  { code: "KG", name: "Kirghizistan", eea: false },
  { code: "KI", name: "Kiribati", eea: false },
  { code: "KW", name: "Koweït", eea: false },
  { code: "LA", name: "Laos", eea: false },
  { code: "LS", name: "Lesotho", eea: false },
  { code: "LV", name: "Lettonie", eea: true },
  { code: "LB", name: "Liban", eea: false },
  { code: "LR", name: "Libéria", eea: false },
  { code: "LY", name: "Libye", eea: false },
  { code: "LI", name: "Liechtenstein", eea: true },
  { code: "LT", name: "Lituanie", eea: true },
  { code: "LU", name: "Luxembourg", eea: true },
  { code: "MO", name: "Macao", eea: false },
  { code: "MK", name: "Macédoine du Nord", eea: false },
  { code: "MG", name: "Madagascar", eea: false },
  { code: "MY", name: "Malaisie", eea: false },
  { code: "MW", name: "Malawi", eea: false },
  { code: "MV", name: "Maldives", eea: false },
  { code: "ML", name: "Mali", eea: false },
  { code: "FK", name: "Malouines, Îles (Falkland)", eea: false },
  { code: "MT", name: "Malte", eea: true },
  { code: "MA", name: "Maroc", eea: false },
  { code: "MQ", name: "Martinique", eea: false },
  { code: "MU", name: "Maurice", eea: false },
  { code: "MR", name: "Mauritanie", eea: false },
  { code: "YT", name: "Mayotte", eea: false },
  { code: "MX", name: "Mexique", eea: false },
  { code: "FM", name: "Micronésie", eea: false },
  { code: "MD", name: "Moldavie", eea: false },
  { code: "MC", name: "Monaco", eea: false },
  { code: "MN", name: "Mongolie", eea: false },
  { code: "ME", name: "Monténégro", eea: false },
  { code: "MS", name: "Montserrat", eea: false },
  { code: "MZ", name: "Mozambique", eea: false },
  { code: "NA", name: "Namibie", eea: false },
  { code: "NR", name: "Nauru", eea: false },
  { code: "NP", name: "Népal", eea: false },
  { code: "NI", name: "Nicaragua", eea: false },
  { code: "NE", name: "Niger", eea: false },
  { code: "NG", name: "Nigeria", eea: false },
  { code: "NU", name: "Nioue", eea: false },
  { code: "NO", name: "Norvège", eea: true },
  { code: "NC", name: "Nouvelle-Calédonie", eea: false },
  { code: "NZ", name: "Nouvelle-Zélande", eea: false },
  { code: "OM", name: "Oman", eea: false },
  { code: "UG", name: "Ouganda", eea: false },
  { code: "UZ", name: "Ouzbékistan", eea: false },
  { code: "PK", name: "Pakistan", eea: false },
  { code: "PW", name: "Palaos", eea: false },
  { code: "PS", name: "Palestine", eea: false },
  { code: "PA", name: "Panama", eea: false },
  { code: "PG", name: "Papouasie-Nouvelle-Guinée", eea: false },
  { code: "PY", name: "Paraguay", eea: false },
  { code: "NL", name: "Pays-Bas", eea: true },
  { code: "PE", name: "Pérou", eea: false },
  { code: "PH", name: "Philippines", eea: false },
  { code: "PL", name: "Pologne", eea: true },
  { code: "PF", name: "Polynésie française", eea: false },
  { code: "PR", name: "Porto Rico", eea: false },
  { code: "PT", name: "Portugal", eea: true },
  { code: "QA", name: "Qatar", eea: false },
  { code: "CF", name: "République centrafricaine", eea: false },
  { code: "DO", name: "République dominicaine", eea: false },
  { code: "CG", name: "République du Congo", eea: false },
  { code: "RE", name: "Réunion, Île de la", eea: false },
  { code: "RO", name: "Roumanie", eea: true },
  { code: "GB", name: "Royaume-Uni", eea: false },
  { code: "RU", name: "Russie", eea: false },
  { code: "RW", name: "Rwanda", eea: false },
  { code: "EH", name: "Sahara occidental", eea: false },
  { code: "BL", name: "Saint-Barthélemy", eea: false },
  { code: "KN", name: "Saint-Christophe-et-Niévès", eea: false },
  { code: "SM", name: "Saint-Marin", eea: false },
  { code: "MF", name: "Saint-Martin (partie française)", eea: false },
  { code: "SX", name: "Saint-Martin (partie néerlandaise)", eea: false },
  { code: "PM", name: "Saint-Pierre-et-Miquelon", eea: false },
  { code: "VC", name: "Saint-Vincent-et-les-Grenadines", eea: false },
  { code: "SH", name: "Sainte-Hélène, Ascension et Tristan da Cunha", eea: false },
  { code: "LC", name: "Sainte-Lucie", eea: false },
  { code: "SB", name: "Salomon, Îles", eea: false },
  { code: "SV", name: "Salvador", eea: false },
  { code: "WS", name: "Samoa", eea: false },
  { code: "AS", name: "Samoa américaines", eea: false },
  { code: "ST", name: "Sao Tomé-et-Principe", eea: false },
  { code: "SN", name: "Sénégal", eea: false },
  { code: "RS", name: "Serbie", eea: false },
  { code: "SC", name: "Seychelles", eea: false },
  { code: "SL", name: "Sierra Leone", eea: false },
  { code: "SG", name: "Singapour", eea: false },
  { code: "SK", name: "Slovaquie", eea: true },
  { code: "SI", name: "Slovénie", eea: true },
  { code: "SO", name: "Somalie", eea: false },
  { code: "SD", name: "Soudan", eea: false },
  { code: "SS", name: "Soudan du Sud", eea: false },
  { code: "LK", name: "Sri Lanka", eea: false },
  { code: "SE", name: "Suède", eea: true },
  { code: "CH", name: "Suisse", eea: false },
  { code: "SR", name: "Surinam", eea: false },
  { code: "SJ", name: "Svalbard et île Jan Mayen", eea: false },
  { code: "SY", name: "Syrie", eea: false },
  { code: "TJ", name: "Tadjikistan", eea: false },
  { code: "TW", name: "Taïwan", eea: false },
  { code: "TZ", name: "Tanzanie", eea: false },
  { code: "TD", name: "Tchad", eea: false },
  { code: "CZ", name: "Tchéquie", eea: true },
  { code: "TF", name: "Terres australes françaises", eea: false },
  { code: "IO", name: "Territoire britannique de l'océan Indien", eea: false },
  { code: "TH", name: "Thaïlande", eea: false },
  { code: "TL", name: "Timor oriental", eea: false },
  { code: "TG", name: "Togo", eea: false },
  { code: "TK", name: "Tokelau", eea: false },
  { code: "TO", name: "Tonga", eea: false },
  { code: "TT", name: "Trinité-et-Tobago", eea: false },
  { code: "TN", name: "Tunisie", eea: false },
  { code: "TM", name: "Turkménistan", eea: false },
  { code: "TR", name: "Turquie", eea: false },
  { code: "TV", name: "Tuvalu", eea: false },
  { code: "UA", name: "Ukraine", eea: false },
  { code: "UY", name: "Uruguay", eea: false },
  { code: "VU", name: "Vanuatu", eea: false },
  { code: "VA", name: "Vatican", eea: false },
  { code: "VE", name: "Venezuela", eea: false },
  { code: "VN", name: "Viêt Nam", eea: false },
  { code: "WF", name: "Wallis et Futuna", eea: false },
  { code: "YE", name: "Yémen", eea: false },
  { code: "ZM", name: "Zambie", eea: false },
  { code: "ZW", name: "Zimbabwe", eea: false },
];

export const PROBLEMS: readonly Problem[] = ["non_delivery", "non_conforming", "withdrawal_refund", "hidden_defect", "unauthorized_payment", "scam", "service", "digital_content", "other"];

export const PAYMENT_METHODS: readonly PaymentMethod[] = ["card", "paypal", "transfer", "bnpl", "other"];

export const STATUSES: readonly Status[] = ["open", "resolved", "abandoned"];

export const EVENT_KINDS: readonly EventKind[] = ["complaint_sent", "formal_notice_sent", "formal_notice_received", "termination_notified", "termination_received", "withdrawal_notified", "withdrawal_received", "goods_returned", "delivered", "repair_requested", "repair_done", "refund_received", "merchant_replied", "mediation_requested", "mediation_ended", "cec_requested", "conciliation_requested", "payment_dispute_opened", "signalconso_reported", "defect_discovered", "court_filed", "payment_order_received", "marked_delivered", "platform_claim_opened", "scam_reported", "cancellation_sent", "resolved"];

export const CATEGORIES: readonly Category[] = ["invoice", "order_confirmation", "payment_proof", "correspondence", "photo", "shipping_proof", "delivery_receipt", "letter", "other"];
