//! recours-cli: Recours without a window, on the same data as the app.
//! JSON on stdout; errors in French on stderr with a non-zero exit code. See docs/cli.md.

use std::io::Read;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod intake;
use recours_core::dossier::{DossierInput, DossierQuery, Status, StatusChange};
use recours_core::evidence::opening::make_opened_copy;
use recours_core::evidence::AttachOutcome;
use recours_core::letters::docs::{field_sheet, CourtForm};
use recours_core::letters::{compose, LetterEdit, LetterKind, SenderIdentity};
use recours_core::{paths, rules, CoreError, ErrorPayload, Store};
use recours_documents::export::{export, Target};
use recours_documents::letters::{letter_pdf, save_letter_piece, write_new_file};
use recours_documents::render;
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
    /// Prépare la copie en lecture seule d'une pièce, celle que montre « Ouvrir » dans l'application, et affiche son chemin
    Open {
        #[arg(long, value_name = "ID")]
        piece: i64,
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
    /// Vos coordonnées, imprimées sur les courriers : les affiche, ou les remplace par celles d'un fichier JSON
    Sender {
        /// {"name", "address", "postal_code", "city", "email", "phone"} ; « - » pour l'entrée standard
        #[arg(long, value_name = "FILE")]
        json: Option<PathBuf>,
    },
    /// Écrit un courrier en PDF : enregistré comme pièce du dossier, ou dans --out
    Letter {
        /// Liste les sortes de courriers
        #[arg(long, conflicts_with_all = ["dossier", "kind"])]
        list_kinds: bool,
        #[arg(long, value_name = "ID", required_unless_present = "list_kinds")]
        dossier: Option<i64>,
        /// Sorte de courrier (voir --list-kinds)
        #[arg(long, value_name = "KIND", required_unless_present = "list_kinds")]
        kind: Option<String>,
        /// Écrit le PDF dans ce fichier (qui ne doit pas exister) au lieu de l'ajouter au dossier
        #[arg(long, value_name = "FILE.pdf")]
        out: Option<PathBuf>,
        /// Le texte modifié : {"recipient", "object", "body", "enclosures"} (JSON)
        #[arg(long, value_name = "FILE")]
        edit: Option<PathBuf>,
        /// Affiche le brouillon (JSON) sans faire de PDF
        #[arg(long)]
        draft: bool,
        #[arg(long, value_name = "YYYY-MM-DD")]
        today: Option<String>,
    },
    /// Exporte le dossier : synthèse, bordereau et pièces numérotées, dans un dossier ou un ZIP
    Export {
        #[arg(long, value_name = "ID")]
        dossier: i64,
        /// Un dossier (l'export y est créé) ou un fichier .zip (qui ne doit pas exister)
        #[arg(long, value_name = "DIR|FILE.zip")]
        out: PathBuf,
        /// Les pièces à exporter, dans l'ordre (ex. 3,1,2) ; toutes par défaut
        #[arg(long, value_name = "IDS", value_delimiter = ',')]
        pieces: Option<Vec<i64>>,
        #[arg(long, value_name = "YYYY-MM-DD")]
        today: Option<String>,
    },
    /// Sauvegarde toutes les données (base et pièces) dans un seul fichier .recours
    Backup {
        /// Le fichier à écrire (qui ne doit pas exister), par ex. recours-2026-11-24.recours
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Remplace les données par celles d'une sauvegarde, vérifiée entièrement avant ; les données actuelles sont d'abord sauvegardées
    Restore {
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// Aide au remplissage d'un formulaire officiel (tribunal, ou plainte en ligne THESEE) en PDF
    FieldSheet {
        #[arg(long, value_name = "ID")]
        dossier: i64,
        /// injonction_de_payer, injonction_de_faire, requete, ou thesee (plainte en ligne pour un site frauduleux)
        #[arg(long, value_name = "FORM")]
        form: String,
        #[arg(long, value_name = "FILE.pdf")]
        out: PathBuf,
        #[arg(long, value_name = "YYYY-MM-DD")]
        today: Option<String>,
    },
    /// Cherche des mots dans les dossiers et à l'intérieur de leurs pièces (texte des PDF, e-mails, pages web), du journal et des courriers ; affiche les dossiers trouvés et le passage
    Search {
        text: String,
        /// Refait l'index de recherche à partir des données et des fichiers des pièces
        #[arg(long)]
        rebuild: bool,
    },
    /// Lit un document (e-mail .eml, PDF, page web enregistrée) et propose un dossier en JSON, avec le passage d'où vient chaque valeur ; rien n'est enregistré
    Intake {
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Propose une entrée du journal (réponse du vendeur, réclamation envoyée) au lieu d'un dossier
        #[arg(long)]
        event: bool,
        /// Ajoute le texte lu (les positions des passages s'y rapportent)
        #[arg(long)]
        text: bool,
    },
    /// Ce qui s'applique à un voyage (flight, train ou package) : la loi, les étapes, les sites
    Travel {
        #[arg(long, value_name = "KIND")]
        kind: String,
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
        Command::Search { text, rebuild } => {
            let mut store = open_store(&data_dir)?;
            if rebuild {
                store.rebuild_search_index()?;
            } else {
                // Files added by an older version, or by a window closed early, are read first.
                store.index_piece_texts(u32::MAX)?;
            }
            to_json(&store.list_dossiers(
                &DossierQuery {
                    search: Some(text),
                    status: None,
                    limit: None,
                },
                chrono::Local::now().date_naive(),
            )?)
        }
        Command::Intake { file, event, text } => {
            // The store is read only for the person's own e-mail address, and only if it opens.
            let store = if event {
                Store::open(&data_dir).ok()
            } else {
                None
            };
            to_json(&intake::run(&file, event, text, store.as_ref())?)
        }
        Command::Travel { kind } => {
            let kind = rules::travel::TravelKind::parse(&kind).ok_or_else(|| {
                CoreError::InvalidInput(format!(
                    "Voyage inconnu « {kind} » : utilisez flight, train ou package."
                ))
            })?;
            to_json(&rules::travel::triage(kind))
        }
        Command::Create { json } => {
            let text = read_input(&json)?;
            let mut store = open_store(&data_dir)?;
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
            let store = open_store(&data_dir)?;
            to_json(&store.list_dossiers(
                &DossierQuery {
                    search,
                    status,
                    limit: None,
                },
                chrono::Local::now().date_naive(),
            )?)
        }
        Command::Show { id } => to_json(&open_store(&data_dir)?.get_dossier(id)?),
        Command::Attach {
            dossier,
            max_size,
            files,
        } => {
            let mut store = open_store(&data_dir)?;
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
            // What the files say is searchable at once.
            store.index_piece_texts(u32::MAX)?;
            let json = to_json(&results)?;
            if refused > 0 {
                println!("{json}");
                return Err(CoreError::InvalidInput(format!(
                    "{refused} fichier(s) refusé(s) : voir le détail ci-dessus."
                )));
            }
            Ok(json)
        }
        Command::Pieces { dossier } => to_json(&open_store(&data_dir)?.list_pieces(dossier)?),
        Command::Open { piece } => {
            let store = open_store(&data_dir)?;
            let piece = store.get_piece(piece)?;
            let copy = make_opened_copy(&store.blob_store(), store.data_dir(), &piece)
                .map_err(|e| {
                    CoreError::Document(format!(
                        "La copie de la pièce n'a pas pu être faite : {e}. La pièce enregistrée n'est pas touchée."
                    ))
                })?;
            to_json(&serde_json::json!({
                "path": copy.path.display().to_string(),
                // A file the system could run: the app shows its folder instead of opening it.
                "show_folder_only": copy.show_folder_only,
            }))
        }
        Command::Check => {
            let report = open_store(&data_dir)?.check_integrity(true)?;
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
            let today = parse_today(today)?;
            match (file, dossier) {
                (Some(file), _) => to_json(&rules::assess_json(&read_input(&file)?, today)?),
                (None, Some(id)) => to_json(&open_store(&data_dir)?.assess_dossier(id, today)?),
                (None, None) => Err(CoreError::InvalidInput(
                    "Indiquez un fichier de faits ou --dossier ID.".into(),
                )),
            }
        }
        Command::Sender { json } => {
            let mut store = open_store(&data_dir)?;
            match json {
                Some(file) => {
                    let sender: SenderIdentity =
                        recours_core::json_input::parse(&read_input(&file)?)?;
                    to_json(&store.save_sender(&sender)?)
                }
                None => to_json(&store.sender()?),
            }
        }
        Command::Letter {
            list_kinds,
            dossier,
            kind,
            out,
            edit,
            draft,
            today,
        } => {
            if list_kinds {
                let kinds: Vec<_> = LetterKind::ALL
                    .iter()
                    .map(|k| {
                        serde_json::json!({
                            "kind": k.as_str(),
                            "label": k.label(),
                            "registered": k.registered(),
                            "step": k.step(),
                            "records": k.sent_event(),
                        })
                    })
                    .collect();
                return to_json(&kinds);
            }
            let (Some(id), Some(kind)) = (dossier, kind) else {
                return Err(CoreError::InvalidInput(
                    "Indiquez --dossier ID et --kind (voir --list-kinds).".into(),
                ));
            };
            let kind = LetterKind::parse(&kind).ok_or_else(|| {
                CoreError::InvalidInput(format!(
                    "Sorte de courrier inconnue « {kind} » : voir recours-cli letter --list-kinds."
                ))
            })?;
            let today = parse_today(today)?;
            let mut store = open_store(&data_dir)?;
            let snap = store.dossier_snapshot(id, today)?;
            if draft {
                return to_json(&compose(kind, &snap.letter_context())?);
            }
            let edit: Option<LetterEdit> = match edit {
                Some(file) => Some(recours_core::json_input::parse(&read_input(&file)?)?),
                None => None,
            };
            let (draft, pdf) = letter_pdf(&snap, kind, edit.as_ref())?;
            match out {
                Some(path) => {
                    refuse_existing(&path)?;
                    write_new_file(&path, &pdf)?;
                    to_json(
                        &serde_json::json!({ "file": path.display().to_string(), "bytes": pdf.len() }),
                    )
                }
                None => to_json(&save_letter_piece(&mut store, id, &draft, &pdf, today)?),
            }
        }
        Command::Export {
            dossier,
            out,
            pieces,
            today,
        } => {
            let today = parse_today(today)?;
            let store = open_store(&data_dir)?;
            let snap = store.dossier_snapshot(dossier, today)?;
            let blobs = store.blob_store();
            drop(store);
            let is_zip = out
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("zip"));
            let target = if is_zip {
                refuse_existing(&out)?;
                Target::Zip(out)
            } else {
                std::fs::create_dir_all(&out).map_err(|e| {
                    CoreError::InvalidInput(format!(
                        "Impossible de créer « {} » : {e}.",
                        out.display()
                    ))
                })?;
                Target::Folder(out)
            };
            to_json(&export(
                &snap,
                pieces.as_deref(),
                &blobs,
                &target,
                &mut |_| {},
            )?)
        }
        Command::Backup { out } => {
            refuse_existing(&out)?;
            to_json(&open_store(&data_dir)?.backup_to(&out)?)
        }
        // No open store needed: a broken database or a missing piece must not stop a restore.
        Command::Restore { file } => {
            to_json(&recours_core::store::restore::restore(&data_dir, &file)?)
        }
        Command::FieldSheet {
            dossier,
            form,
            out,
            today,
        } => {
            let form = CourtForm::parse(&form).ok_or_else(|| {
                CoreError::InvalidInput(format!(
                    "Formulaire inconnu « {form} » : injonction_de_payer, injonction_de_faire, requete ou thesee."
                ))
            })?;
            let snap = open_store(&data_dir)?.dossier_snapshot(dossier, parse_today(today)?)?;
            let pdf = render::field_sheet(&field_sheet(form, &snap.facts(), &snap.pieces))?;
            refuse_existing(&out)?;
            write_new_file(&out, &pdf)?;
            to_json(&serde_json::json!({ "file": out.display().to_string(), "bytes": pdf.len() }))
        }
    }
}

/// Opens the store; what the opening repaired (an interrupted restore) is told on stderr.
fn open_store(data_dir: &std::path::Path) -> Result<Store, CoreError> {
    let store = Store::open(data_dir)?;
    if let Some(note) = store.recovery_note() {
        eprintln!("{note}");
    }
    Ok(store)
}

fn parse_today(today: Option<String>) -> Result<chrono::NaiveDate, CoreError> {
    match today {
        Some(text) => chrono::NaiveDate::parse_from_str(&text, "%Y-%m-%d").map_err(|_| {
            CoreError::InvalidInput(format!(
                "Date du jour invalide « {text} » : écrivez-la AAAA-MM-JJ, par exemple 2026-03-12."
            ))
        }),
        None => Ok(chrono::Local::now().date_naive()),
    }
}

fn refuse_existing(path: &std::path::Path) -> Result<(), CoreError> {
    if path.exists() {
        return Err(CoreError::InvalidInput(format!(
            "« {} » existe déjà : choisissez un autre nom (Recours ne remplace pas un fichier).",
            path.display()
        )));
    }
    Ok(())
}

/// Accepts the input shape or a whole dossier as `show` prints it (its id and times are not reused;
/// its status and outcome are).
fn create(store: &mut Store, text: &str) -> Result<recours_core::dossier::Dossier, CoreError> {
    let mut value: serde_json::Value = recours_core::json_input::parse(text)?;
    let mut change = None;
    if let Some(object) = value.as_object_mut() {
        for key in ["id", "created_at", "updated_at", "closed_on"] {
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
            store.set_status(created.id, &change, today)
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
