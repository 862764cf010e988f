//! The TypeScript types of everything that crosses the IPC seam, generated from the Rust types with
//! ts-rs into one file, `ui/src/lib/bindings.ts`. The test `bindings_are_current` fails when the
//! committed file drifts; `RECOURS_UPDATE_BINDINGS=1 cargo test -p recours-core --test bindings`
//! rewrites it.

use ts_rs::{Config, TS};

use crate::countries::{self, Country};
use crate::dossier::{
    Dossier, DossierInput, DossierQuery, DossierSummary, Merchant, Order, PaymentMethod, Problem,
    Status, StatusChange,
};
use crate::error::{ErrorPayload, FieldError};
use crate::info::AppInfo;

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
        decl::<Merchant>(&cfg),
        decl::<Order>(&cfg),
        decl::<DossierInput>(&cfg),
        decl::<Dossier>(&cfg),
        decl::<DossierSummary>(&cfg),
        decl::<DossierQuery>(&cfg),
        decl::<StatusChange>(&cfg),
        decl::<FieldError>(&cfg),
        decl::<ErrorPayload>(&cfg),
        decl::<Country>(&cfg),
        decl::<AppInfo>(&cfg),
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
    ] {
        let ty = match name {
            "PROBLEMS" => "Problem",
            "PAYMENT_METHODS" => "PaymentMethod",
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
