//! The TypeScript types of everything that crosses the IPC seam, generated from the Rust types with
//! ts-rs into one file, `ui/src/lib/bindings.ts`. The test `bindings_are_current` fails when the
//! committed file drifts; `RECOURS_UPDATE_BINDINGS=1 cargo test -p recours-core --test bindings`
//! rewrites it.

use ts_rs::{Config, TS};

use crate::countries::{self, Country};
use crate::dossier::{
    DeadlineBrief, Dossier, DossierInput, DossierPage, DossierQuery, DossierSummary, Merchant,
    Order, PaymentMethod, Platform, Problem, SellerStatus, ServiceTerms, Status, StatusChange,
};
use crate::error::{ErrorPayload, FieldError};
use crate::events::{Event, EventInput};
use crate::evidence::opening::OpenOutcome;
use crate::evidence::staging::{StagedDrop, StagedFile, StagedKind};
use crate::evidence::{AttachOutcome, Category, IntegrityReport, Piece, PieceEdit};
use crate::info::AppInfo;
use crate::intake::propose::{
    AttachmentSummary, DeliveryWindow, EmailSummary, EventProposal, Proposal, ProposedDossier,
    ProposedMerchant, ProposedOrder, ProposedPlatform,
};
use crate::intake::{DocumentKind, Source};
use crate::letters::docs::{CourtForm, ExportProgress, ExportReport};
use crate::letters::kinds::LetterOption;
use crate::letters::{LetterDraft, LetterEdit, LetterKind, SavedLetterEdit, SenderIdentity};
use crate::platforms::{PlatformEntry, Protection, SourcedFlag, SourcedText};
use crate::rules::calendar::HolidayRegion;
use crate::rules::model::{
    Assessment, CarrierChoice, Court, CourtRoute, Deadline, EventKind, Goal, LegalRef, Note,
    Penalty, Regime, SiteRef, Step, StepId, StepStatus,
};
use crate::rules::sites::OfficialSite;
use crate::rules::travel::{TravelKind, TravelTriage};
use crate::store::backup::BackupReport;
use crate::store::search::SearchHit;
use crate::store::{Reminder, Settings, StartScreen};

pub const HEADER: &str =
    "// Generated from the Rust types by recours-core (src/bindings.rs). Do not edit by hand:\n\
// run `RECOURS_UPDATE_BINDINGS=1 cargo test -p recours-core --test bindings`.\n";

fn decl<T: TS>(cfg: &Config) -> String {
    format!("export {}\n", T::decl(cfg))
}

pub fn typescript() -> String {
    let cfg = Config::new().with_large_int("number");
    let mut out = String::from(HEADER);
    for d in [
        decl::<Problem>(&cfg),
        decl::<PaymentMethod>(&cfg),
        decl::<Status>(&cfg),
        decl::<Goal>(&cfg),
        decl::<CarrierChoice>(&cfg),
        decl::<SellerStatus>(&cfg),
        decl::<Merchant>(&cfg),
        decl::<Platform>(&cfg),
        decl::<SourcedText>(&cfg),
        decl::<SourcedFlag>(&cfg),
        decl::<Protection>(&cfg),
        decl::<PlatformEntry>(&cfg),
        decl::<ServiceTerms>(&cfg),
        decl::<Order>(&cfg),
        decl::<DossierInput>(&cfg),
        decl::<Dossier>(&cfg),
        decl::<DossierSummary>(&cfg),
        decl::<DeadlineBrief>(&cfg),
        decl::<DossierPage>(&cfg),
        decl::<StartScreen>(&cfg),
        decl::<DossierQuery>(&cfg),
        decl::<StatusChange>(&cfg),
        decl::<FieldError>(&cfg),
        decl::<ErrorPayload>(&cfg),
        decl::<Country>(&cfg),
        decl::<AppInfo>(&cfg),
        decl::<EventKind>(&cfg),
        decl::<EventInput>(&cfg),
        decl::<Event>(&cfg),
        decl::<StepId>(&cfg),
        decl::<StepStatus>(&cfg),
        decl::<LegalRef>(&cfg),
        decl::<OfficialSite>(&cfg),
        decl::<SiteRef>(&cfg),
        decl::<Step>(&cfg),
        decl::<Deadline>(&cfg),
        decl::<Penalty>(&cfg),
        decl::<CourtRoute>(&cfg),
        decl::<Court>(&cfg),
        decl::<Note>(&cfg),
        decl::<Regime>(&cfg),
        decl::<Assessment>(&cfg),
        decl::<TravelKind>(&cfg),
        decl::<TravelTriage>(&cfg),
        decl::<HolidayRegion>(&cfg),
        decl::<Reminder>(&cfg),
        decl::<Settings>(&cfg),
        decl::<Category>(&cfg),
        decl::<Piece>(&cfg),
        decl::<PieceEdit>(&cfg),
        decl::<AttachOutcome>(&cfg),
        decl::<IntegrityReport>(&cfg),
        decl::<StagedKind>(&cfg),
        decl::<StagedFile>(&cfg),
        decl::<StagedDrop>(&cfg),
        decl::<SenderIdentity>(&cfg),
        decl::<LetterKind>(&cfg),
        decl::<LetterOption>(&cfg),
        decl::<LetterDraft>(&cfg),
        decl::<LetterEdit>(&cfg),
        decl::<SavedLetterEdit>(&cfg),
        decl::<CourtForm>(&cfg),
        decl::<ExportProgress>(&cfg),
        decl::<ExportReport>(&cfg),
        decl::<BackupReport>(&cfg),
        decl::<OpenOutcome>(&cfg),
        decl::<SearchHit>(&cfg),
        decl::<DocumentKind>(&cfg),
        decl::<Source>(&cfg),
        decl::<ProposedMerchant>(&cfg),
        decl::<ProposedPlatform>(&cfg),
        decl::<ProposedOrder>(&cfg),
        decl::<ProposedDossier>(&cfg),
        decl::<DeliveryWindow>(&cfg),
        decl::<EmailSummary>(&cfg),
        decl::<AttachmentSummary>(&cfg),
        decl::<Proposal>(&cfg),
        decl::<EventProposal>(&cfg),
    ] {
        out.push('\n');
        out.push_str(&d);
    }
    out.push_str("\n/** ISO 3166-1 countries with their French names, sorted by name. */\n");
    out.push_str("export const COUNTRIES: readonly Country[] = [\n");
    for c in countries::all() {
        out.push_str(&format!(
            "  {{ code: \"{}\", name: \"{}\", eea: {} }},\n",
            c.code, c.name, c.eea
        ));
    }
    out.push_str("];\n");
    for (name, values) in [
        (
            "PROBLEMS",
            Problem::ALL.iter().map(|p| p.as_str()).collect::<Vec<_>>(),
        ),
        (
            "PAYMENT_METHODS",
            PaymentMethod::ALL.iter().map(|p| p.as_str()).collect(),
        ),
        ("STATUSES", Status::ALL.iter().map(|p| p.as_str()).collect()),
        (
            "EVENT_KINDS",
            EventKind::ALL.iter().map(|k| k.as_str()).collect(),
        ),
        (
            "CATEGORIES",
            Category::ALL.iter().map(|c| c.as_str()).collect(),
        ),
    ] {
        let ty = match name {
            "PROBLEMS" => "Problem",
            "PAYMENT_METHODS" => "PaymentMethod",
            "EVENT_KINDS" => "EventKind",
            "CATEGORIES" => "Category",
            _ => "Status",
        };
        let list = values
            .iter()
            .map(|v| format!("\"{v}\""))
            .collect::<Vec<_>>()
            .join(", ");
        out.push_str(&format!(
            "\nexport const {name}: readonly {ty}[] = [{list}];\n"
        ));
    }
    out
}
