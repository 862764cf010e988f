// The one seam between the page and Rust: every command goes through here, typed with the
// bindings generated from the Rust types. Errors come back as ApiError {code, message, fields}.
import { Channel, invoke } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import type {
  AppInfo,
  Assessment,
  Event,
  EventInput,
  IntegrityReport,
  Piece,
  PieceEdit,
  StagedDrop,
  AttachOutcome,
  Proposal,
  EventProposal,
  OfficialSite,
  Settings,
  Dossier,
  DossierInput,
  DossierPage,
  DossierQuery,
  StartScreen,
  ErrorPayload,
  FieldError,
  StatusChange,
  CourtForm,
  ExportProgress,
  ExportReport,
  LetterDraft,
  LetterEdit,
  SavedLetterEdit,
  LetterKind,
  LetterOption,
  BackupReport,
  OpenOutcome,
  PlatformEntry,
  TravelKind,
  TravelTriage,
} from "./bindings";

export class ApiError extends Error {
  readonly code: string;
  readonly fields: FieldError[];

  constructor(payload: ErrorPayload) {
    super(payload.message);
    this.name = "ApiError";
    this.code = payload.code;
    this.fields = payload.fields;
  }
}

function isPayload(value: unknown): value is ErrorPayload {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as ErrorPayload).code === "string" &&
    typeof (value as ErrorPayload).message === "string"
  );
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (isPayload(error)) return new ApiError({ ...error, fields: error.fields ?? [] });
  return new ApiError({
    code: "internal",
    message:
      "Recours n'a pas pu terminer cette action. Vos données n'ont pas été modifiées. " +
      `(Détail : ${String(error)})`,
    fields: [],
  });
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (error) {
    throw toApiError(error);
  }
}

/** One file's result after "Ajouter au dossier". */
export type AttachReport = { name: string; outcome: AttachOutcome };
export type CreatedFromDocument = { dossier: Dossier; piece: AttachOutcome };
export type RecordedEmail = { event: Event; piece: AttachOutcome; attachments: AttachReport[] };
/** Pages of a long document read so far (sent while a PDF is read). */
export type ReadProgress = { token: string; read: number; total: number };
export type DropHover = { active: boolean; count: number };
export type AttachProgress = { token: string; index: number; total: number; name: string; state: "copying" | "done" };

export const api = {
  appInfo: () => call<AppInfo>("app_info"),
  appReady: (marks: [string, number][]) => call<void>("app_ready", { marks }),
  /** What opening the data repaired at start (an interrupted restore), once; null otherwise. */
  startupNotice: () => call<string | null>("startup_notice"),
  listDossiers: (query: DossierQuery) => call<DossierPage>("list_dossiers", { query }),
  getDossier: (id: number) => call<Dossier>("get_dossier", { id }),
  createDossier: (input: DossierInput) => call<Dossier>("create_dossier", { input }),
  updateDossier: (id: number, input: DossierInput) =>
    call<Dossier>("update_dossier", { id, input }),
  setDossierStatus: (id: number, change: StatusChange) =>
    call<Dossier>("set_dossier_status", { id, change }),
  deleteDossier: (id: number) => call<void>("delete_dossier", { id }),
  listEvents: (dossierId: number) => call<Event[]>("list_events", { dossierId }),
  addEvent: (dossierId: number, input: EventInput) => call<Event>("add_event", { dossierId, input }),
  updateEvent: (id: number, input: EventInput) => call<Event>("update_event", { id, input }),
  deleteEvent: (id: number) => call<void>("delete_event", { id }),
  assessDossier: (id: number) => call<Assessment>("assess_dossier", { id }),
  /** Opens an official website (Rust picks and checks the address). */
  openSite: (site: OfficialSite, dossierId: number | null = null) =>
    call<void>("open_site", { site, dossierId }),
  /** Opens the source of a rule, by its id in the rules table. */
  openSource: (rule: string) => call<void>("open_source", { rule }),
  /** Opens the file dialog from Rust; the chosen files come back staged under a token. */
  pickFiles: () => call<StagedDrop | null>("pick_files"),
  stageFolderContents: (token: string, index: number) =>
    call<StagedDrop>("stage_folder_contents", { token, index }),
  cancelStaged: (token: string) => call<void>("cancel_staged", { token }),
  attachStaged: (token: string, dossierId: number) =>
    call<AttachReport[]>("attach_staged", { token, dossierId }),
  /** Reads a staged document (an order confirmation, an invoice, an e-mail) and proposes a dossier; nothing is saved. */
  proposeStaged: (token: string, index: number) => call<Proposal>("propose_staged", { token, index }),
  /** Creates the dossier the person confirmed and keeps the document as its first piece. */
  createFromDocument: (token: string, index: number, input: DossierInput) =>
    call<CreatedFromDocument>("create_from_document", { token, index, input }),
  /** Reads a staged e-mail and proposes the journal entry it is; nothing is saved. */
  proposeEventStaged: (token: string, index: number) => call<EventProposal>("propose_event_staged", { token, index }),
  /** Notes the e-mail in the journal as the person confirmed it, keeps it as a piece, and each
   *  attachment ticked (by its place in the proposal's list) as a piece of its own. */
  recordEmail: (token: string, index: number, dossierId: number, input: EventInput, attachments: number[]) =>
    call<RecordedEmail>("record_email", { token, index, dossierId, input, attachments }),
  listPieces: (dossierId: number) => call<Piece[]>("list_pieces", { dossierId }),
  updatePiece: (id: number, edit: PieceEdit) => call<Piece>("update_piece", { id, edit }),
  removePiece: (id: number) => call<void>("remove_piece", { id }),
  piecePreview: (id: number) => call<string | null>("piece_preview", { id }),
  /** « folder_shown » when the file could run a program: its folder was shown instead. */
  openPiece: (id: number) => call<OpenOutcome>("open_piece", { id }),
  checkIntegrity: (full: boolean) => call<IntegrityReport>("check_integrity", { full }),
  getSettings: () => call<Settings>("get_settings"),
  saveSettings: (settings: Settings) => call<Settings>("save_settings", { settings }),
  letterOptions: (dossierId: number) => call<LetterOption[]>("letter_options", { dossierId }),
  /** The first draft; fails with code "letter_incomplete" and the fields to fill in. */
  draftLetter: (dossierId: number, kind: LetterKind) => call<LetterDraft>("draft_letter", { dossierId, kind }),
  /** Keeps the person's edit of the letter (taken up again at the next opening). */
  saveLetterEdit: (dossierId: number, kind: LetterKind, edit: LetterEdit) =>
    call<SavedLetterEdit>("save_letter_edit", { dossierId, kind, edit }),
  discardLetterEdit: (dossierId: number, kind: LetterKind) => call<void>("discard_letter_edit", { dossierId, kind }),
  /** Typesets the edited letter as PDF and keeps it among the dossier's pieces. */
  produceLetter: (dossierId: number, kind: LetterKind, edit: LetterEdit) =>
    call<Piece>("produce_letter", { dossierId, kind, edit }),
  openFieldSheet: (dossierId: number, form: CourtForm) => call<void>("open_field_sheet", { dossierId, form }),
  /** Asks where (dialog opened by Rust), then exports; null when the person cancels. */
  exportDossier: (dossierId: number, pieceIds: number[], zip: boolean, onProgress: (p: ExportProgress) => void) => {
    const channel = new Channel<ExportProgress>();
    channel.onmessage = onProgress;
    return call<ExportReport | null>("export_dossier", { dossierId, pieceIds, zip, onProgress: channel });
  },
  revealExport: () => call<void>("reveal_export"),
  /** Asks where (dialog opened by Rust) and writes one .recours file; null when cancelled. */
  backupData: () => call<BackupReport | null>("backup_data"),
  /** Asks which .recours file, checks it whole, keeps the current data, then replaces it. */
  restoreData: () => call<BackupReport | null>("restore_data"),
  revealDataDir: () => call<void>("reveal_data_dir"),
  /** The first screen in one call: the list's first page and whether to welcome (main.ts, before mounting). */
  startScreen: (query: DossierQuery) => call<StartScreen>("start_screen", { query }),
  /** Recours' directory of platforms (entity, country, marketplace, protection), each fact sourced. */
  platformDirectory: () => call<PlatformEntry[]>("platform_directory"),
  /** What applies to a flight, a train or a package holiday: the law, the steps, the sites (no dossier). */
  travelTriage: (kind: TravelKind) => call<TravelTriage>("travel_triage", { kind }),
  openPlatformSource: (id: string, fact: "entity" | "country" | "address" | "marketplace" | "sellers" | "protection") =>
    call<void>("open_platform_source", { id, fact }),
};

/** Stopping a listener while the window or the test closes must not raise. */
function quietly(unlisten: UnlistenFn): UnlistenFn {
  return () => {
    try {
      const result = unlisten() as unknown;
      if (result instanceof Promise) result.catch(() => {});
    } catch {
      // nothing left to stop
    }
  };
}

/** Events Rust sends to the page (drops are handled by Rust, the page only hears about them). */
export const events = {
  onDropHover: (cb: (h: DropHover) => void): Promise<UnlistenFn> =>
    listen<DropHover>("recours://drop-hover", (e) => cb(e.payload)).then(quietly),
  onDropStaged: (cb: (d: StagedDrop) => void): Promise<UnlistenFn> =>
    listen<StagedDrop>("recours://drop-staged", (e) => cb(e.payload)).then(quietly),
  onAttachProgress: (cb: (p: AttachProgress) => void): Promise<UnlistenFn> =>
    listen<AttachProgress>("recours://attach-progress", (e) => cb(e.payload)).then(quietly),
  onReadProgress: (cb: (p: ReadProgress) => void): Promise<UnlistenFn> =>
    listen<ReadProgress>("recours://intake-progress", (e) => cb(e.payload)).then(quietly),
};
