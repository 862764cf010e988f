//! recours-cli: Recours without a window, on the same data as the app.
//! JSON on stdout; errors in French on stderr with a non-zero exit code. See docs/cli.md.

use std::io::Read;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use recours_core::dossier::{DossierInput, DossierQuery, Status, StatusChange};
use recours_core::evidence::AttachOutcome;
use recours_core::{paths, rules, CoreError, ErrorPayload, Store};
use serde::Serialize;

#[derive(Parser)]
#[command(
    name = "recours-cli",
    version,
    about = "Recours en ligne de commande (mêmes données que l'application)"
)]
struct Cli {
    /// Dossier de données (sinon RECOURS_DATA_DIR, sinon celui de l'application)
    #[arg(long, global = true, value_name = "DIR")]
    data_dir: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Crée un dossier à partir d'un fichier JSON (même forme que l'application ; « - » pour l'entrée standard)
    Create {
        #[arg(long, value_name = "FILE")]
        json: PathBuf,
    },
    /// Liste les dossiers, le plus récemment modifié d'abord
    List {
        /// Cherche dans le nom du dossier, le vendeur et le numéro de commande
        #[arg(long)]
        search: Option<String>,
        /// open, resolved ou abandoned
        #[arg(long)]
        status: Option<String>,
    },
    /// Affiche un dossier
    Show { id: i64 },
    /// Ajoute des fichiers (pièces) à un dossier ; un résultat JSON par fichier
    Attach {
        #[arg(long, value_name = "ID")]
        dossier: i64,
        /// Taille maximale acceptée, en octets (1 Go par défaut)
        #[arg(long, value_name = "BYTES", default_value_t = recours_core::evidence::DEFAULT_LIMIT_BYTES)]
        max_size: u64,
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Liste les pièces d'un dossier
    Pieces {
        #[arg(long, value_name = "ID")]
        dossier: i64,
    },
    /// Vérifie l'intégrité des pièces (chaque fichier haché à nouveau) ; code de sortie non nul en cas de problème
    Check,
    /// Où en est un dossier : étapes, délais, majorations, voie judiciaire (voir docs/assess.md)
    Assess {
        /// Faits au format JSON (docs/assess.md) ; « - » pour l'entrée standard
        #[arg(
            value_name = "FILE",
            required_unless_present = "dossier",
            conflicts_with = "dossier"
        )]
        file: Option<PathBuf>,
        /// Un dossier enregistré, au lieu d'un fichier
        #[arg(long, value_name = "ID")]
        dossier: Option<i64>,
        /// La date du jour à prendre en compte (AAAA-MM-JJ), par défaut aujourd'hui
        #[arg(long, value_name = "YYYY-MM-DD")]
        today: Option<String>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(json) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(err) => {
            report(&err);
            ExitCode::FAILURE
        }
    }
}

fn report(err: &CoreError) {
    let payload = ErrorPayload::from(err);
    eprintln!("Erreur ({}) : {}", payload.code, payload.message);
    for field in &payload.fields {
        eprintln!("  - {} : {}", field.field, field.message);
    }
}

fn run(cli: Cli) -> Result<String, CoreError> {
    let data_dir = cli
        .data_dir
        .or_else(paths::data_dir_from_env)
        .or_else(paths::default_data_dir)
        .ok_or_else(|| {
            CoreError::InvalidInput(
                "Impossible de trouver le dossier de données : indiquez --data-dir.".into(),
            )
        })?;
    match cli.command {
        Command::Create { json } => {
            let text = read_input(&json)?;
            let mut store = Store::open(&data_dir)?;
            create(&mut store, &text).and_then(|d| to_json(&d))
        }
        Command::List { search, status } => {
            let status = status
                .map(|s| {
                    Status::parse(&s).ok_or_else(|| {
                        CoreError::InvalidInput(format!(
                            "État inconnu « {s} » : utilisez open, resolved ou abandoned."
                        ))
                    })
                })
                .transpose()?;
            let store = Store::open(&data_dir)?;
            to_json(&store.list_dossiers(
                &DossierQuery {
                    search,
                    status,
                    limit: None,
                },
                chrono::Local::now().date_naive(),
            )?)
        }
        Command::Show { id } => to_json(&Store::open(&data_dir)?.get_dossier(id)?),
        Command::Attach {
            dossier,
            max_size,
            files,
        } => {
            let mut store = Store::open(&data_dir)?;
            let mut results = Vec::new();
            let mut refused = 0;
            for file in files {
                let outcome = store.attach_file(dossier, &file, max_size)?;
                if matches!(outcome, AttachOutcome::Refused { .. }) {
                    refused += 1;
                }
                results.push(
                    serde_json::json!({ "file": file.display().to_string(), "outcome": outcome }),
                );
            }
            let json = to_json(&results)?;
            if refused > 0 {
                println!("{json}");
                return Err(CoreError::InvalidInput(format!(
                    "{refused} fichier(s) refusé(s) : voir le détail ci-dessus."
                )));
            }
            Ok(json)
        }
        Command::Pieces { dossier } => to_json(&Store::open(&data_dir)?.list_pieces(dossier)?),
        Command::Check => {
            let report = Store::open(&data_dir)?.check_integrity(true)?;
            let json = to_json(&report)?;
            if !report.is_ok() {
                println!("{json}");
                return Err(CoreError::InvalidInput(format!(
                    "Problème d'intégrité : {} manquant(s), {} altéré(s), {} fichier(s) orphelin(s).",
                    report.missing.len(),
                    report.corrupt.len(),
                    report.orphan_files.len()
                )));
            }
            Ok(json)
        }
        Command::Assess {
            file,
            dossier,
            today,
        } => {
            let today = match today {
                Some(text) => chrono::NaiveDate::parse_from_str(&text, "%Y-%m-%d").map_err(|_| {
                    CoreError::InvalidInput(format!(
                        "Date du jour invalide « {text} » : écrivez-la AAAA-MM-JJ, par exemple 2026-03-12."
                    ))
                })?,
                None => chrono::Local::now().date_naive(),
            };
            match (file, dossier) {
                (Some(file), _) => to_json(&rules::assess_json(&read_input(&file)?, today)?),
                (None, Some(id)) => to_json(&Store::open(&data_dir)?.assess_dossier(id, today)?),
                (None, None) => Err(CoreError::InvalidInput(
                    "Indiquez un fichier de faits ou --dossier ID.".into(),
                )),
            }
        }
    }
}

/// Accepts the input shape or a whole dossier as `show` prints it (its id and times are not reused;
/// its status and outcome are).
fn create(store: &mut Store, text: &str) -> Result<recours_core::dossier::Dossier, CoreError> {
    let mut value: serde_json::Value = recours_core::json_input::parse(text)?;
    let mut change = None;
    if let Some(object) = value.as_object_mut() {
        for key in ["id", "created_at", "updated_at"] {
            object.remove(key);
        }
        let status = object.remove("status");
        let note = object.remove("outcome_note");
        if let Some(status) = status {
            let status: Status = recours_core::json_input::from_value(status)?;
            let outcome_note = note.and_then(|n| n.as_str().map(str::to_owned));
            change = Some(StatusChange {
                status,
                outcome_note,
            });
        }
    }
    let input: DossierInput = recours_core::json_input::from_value(value)?;
    let today = chrono::Local::now().date_naive();
    let created = store.create_dossier(&input, today)?;
    match change {
        Some(change) if change.status != Status::Open || change.outcome_note.is_some() => {
            store.set_status(created.id, &change)
        }
        _ => Ok(created),
    }
}

fn read_input(path: &PathBuf) -> Result<String, CoreError> {
    let mut text = String::new();
    let result = if path.as_os_str() == "-" {
        std::io::stdin().read_to_string(&mut text).map(|_| ())
    } else {
        std::fs::read_to_string(path).map(|t| text = t)
    };
    result.map_err(|e| {
        CoreError::InvalidInput(format!(
            "Impossible de lire « {} » : {}",
            path.display(),
            match e.kind() {
                std::io::ErrorKind::NotFound => "fichier introuvable".to_owned(),
                std::io::ErrorKind::PermissionDenied => "accès refusé".to_owned(),
                std::io::ErrorKind::InvalidData => "ce n'est pas un texte UTF-8".to_owned(),
                _ => e.to_string(),
            }
        ))
    })?;
    Ok(text)
}

fn to_json<T: Serialize>(value: &T) -> Result<String, CoreError> {
    serde_json::to_string_pretty(value).map_err(|e| CoreError::InvalidInput(e.to_string()))
}
