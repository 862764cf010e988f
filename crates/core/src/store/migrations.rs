//! Schema migrations, tracked in `PRAGMA user_version`. Each one runs inside one write transaction
//! that reads the version again first, so two processes starting together never apply one twice
//! (the data lock already keeps them apart; this is the second line).
//! Never edit a migration that has shipped: add a new one, and a test that migrates from the old schema.

use rusqlite::{Connection, TransactionBehavior};

use crate::error::{CoreError, CoreResult};

/// One step of the schema: the SQL that takes version n-1 to n.
#[derive(Debug, Clone, Copy)]
pub struct M(&'static str);

impl M {
    pub const fn up(sql: &'static str) -> M {
        M(sql)
    }
}

const V1_DOSSIERS: &str = r#"
CREATE TABLE dossier (
    id                     INTEGER PRIMARY KEY,
    title                  TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 200),
    problem                TEXT NOT NULL CHECK (problem IN ('non_delivery', 'non_conforming',
                               'withdrawal_refund', 'hidden_defect', 'unauthorized_payment', 'other')),
    description            TEXT NOT NULL DEFAULT '',
    merchant_name          TEXT NOT NULL CHECK (length(trim(merchant_name)) BETWEEN 1 AND 200),
    merchant_website       TEXT CHECK (merchant_website IS NULL OR merchant_website LIKE 'http%://%'),
    merchant_email         TEXT CHECK (merchant_email IS NULL OR merchant_email LIKE '_%@_%._%'),
    merchant_phone         TEXT,
    merchant_address       TEXT,
    merchant_country       TEXT NOT NULL CHECK (length(merchant_country) = 2
                               AND merchant_country = upper(merchant_country)),
    merchant_siren_siret   TEXT,
    order_reference        TEXT,
    order_date             TEXT NOT NULL CHECK (order_date GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    amount_cents           INTEGER NOT NULL CHECK (amount_cents >= 0),
    payment_method         TEXT NOT NULL CHECK (payment_method IN ('card', 'paypal', 'transfer', 'other')),
    promised_delivery_date TEXT CHECK (promised_delivery_date IS NULL OR promised_delivery_date >= order_date),
    delivered_date         TEXT CHECK (delivered_date IS NULL OR delivered_date >= order_date),
    used_goods             INTEGER NOT NULL DEFAULT 0 CHECK (used_goods IN (0, 1)),
    status                 TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved', 'abandoned')),
    outcome_note           TEXT,
    created_at             TEXT NOT NULL,
    updated_at             TEXT NOT NULL CHECK (updated_at >= created_at)
) STRICT;
CREATE INDEX dossier_by_activity ON dossier (updated_at DESC, id DESC);
"#;

/// v2: what the rules engine needs (goal, carrier, mediator, withdrawal information), the events
/// journal, settings, and the reminders already shown.
const V2_WIZARD: &str = r#"
ALTER TABLE dossier ADD COLUMN goal TEXT NOT NULL DEFAULT 'refund'
    CHECK (goal IN ('refund', 'performance'));
ALTER TABLE dossier ADD COLUMN carrier_chosen_by TEXT
    CHECK (carrier_chosen_by IS NULL OR carrier_chosen_by IN ('merchant', 'consumer'));
ALTER TABLE dossier ADD COLUMN merchant_fevad_mediator INTEGER
    CHECK (merchant_fevad_mediator IS NULL OR merchant_fevad_mediator IN (0, 1));
ALTER TABLE dossier ADD COLUMN merchant_mediator_name TEXT;
ALTER TABLE dossier ADD COLUMN withdrawal_info_given INTEGER NOT NULL DEFAULT 1
    CHECK (withdrawal_info_given IN (0, 1));

CREATE TABLE event (
    id              INTEGER PRIMARY KEY,
    dossier_id      INTEGER NOT NULL REFERENCES dossier (id) ON DELETE CASCADE,
    kind            TEXT NOT NULL CHECK (kind IN (
        'complaint_sent',
        'formal_notice_sent',
        'formal_notice_received',
        'termination_notified',
        'withdrawal_notified',
        'goods_returned',
        'delivered',
        'repair_requested',
        'refund_received',
        'merchant_replied',
        'mediation_requested',
        'mediation_ended',
        'cec_requested',
        'conciliation_requested',
        'payment_dispute_opened',
        'signalconso_reported',
        'defect_discovered',
        'court_filed',
        'resolved')),
    date            TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    note            TEXT NOT NULL DEFAULT '',
    amount_cents    INTEGER CHECK (amount_cents IS NULL OR amount_cents >= 0),
    deadline_days   INTEGER CHECK (deadline_days IS NULL OR deadline_days BETWEEN 1 AND 365),
    tracking_number TEXT CHECK (tracking_number IS NULL OR length(tracking_number) = 13),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
) STRICT;
CREATE INDEX event_by_dossier ON event (dossier_id, date, id);

CREATE TABLE setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE reminder_sent (
    dossier_id    INTEGER NOT NULL REFERENCES dossier (id) ON DELETE CASCADE,
    deadline_id   TEXT NOT NULL,
    deadline_date TEXT NOT NULL,
    sent_at       TEXT NOT NULL,
    PRIMARY KEY (dossier_id, deadline_id, deadline_date)
) STRICT;
"#;

/// v3: evidence. Blobs are content-addressed files (by SHA-256); pieces attach them to dossiers.
const V3_EVIDENCE: &str = r#"
CREATE TABLE blob (
    sha256     TEXT PRIMARY KEY CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
    size       INTEGER NOT NULL CHECK (size > 0),
    mime       TEXT NOT NULL,
    created_at TEXT NOT NULL
) STRICT;

CREATE TABLE piece (
    id            INTEGER PRIMARY KEY,
    dossier_id    INTEGER NOT NULL REFERENCES dossier (id) ON DELETE CASCADE,
    blob_sha256   TEXT NOT NULL REFERENCES blob (sha256),
    original_name TEXT NOT NULL CHECK (length(original_name) > 0),
    category      TEXT NOT NULL CHECK (category IN ('invoice', 'order_confirmation', 'payment_proof',
        'correspondence', 'photo', 'shipping_proof', 'delivery_receipt', 'letter', 'other')),
    title         TEXT NOT NULL CHECK (length(trim(title)) > 0),
    description   TEXT NOT NULL DEFAULT '',
    document_date TEXT CHECK (document_date IS NULL
        OR document_date GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    position      INTEGER NOT NULL,
    added_at      TEXT NOT NULL,
    UNIQUE (dossier_id, blob_sha256)
) STRICT;
CREATE INDEX piece_by_dossier ON piece (dossier_id, position);
CREATE INDEX piece_by_blob ON piece (blob_sha256);
"#;

const V4_LETTER_DRAFTS: &str = r#"
CREATE TABLE letter_draft (
    dossier_id INTEGER NOT NULL REFERENCES dossier (id) ON DELETE CASCADE,
    kind       TEXT NOT NULL,
    recipient  TEXT NOT NULL,
    object     TEXT NOT NULL,
    body       TEXT NOT NULL,
    enclosures TEXT NOT NULL,
    saved_at   TEXT NOT NULL,
    PRIMARY KEY (dossier_id, kind)
) STRICT;
"#;

/// v5: the day a dossier was closed, given by the caller (never read from the clock), so the rules
/// date a resolution from the dossier's own facts. Dossiers already closed take their last activity.
const V5_CLOSED_ON: &str = r#"
ALTER TABLE dossier ADD COLUMN closed_on TEXT
    CHECK (closed_on IS NULL OR closed_on GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]');
UPDATE dossier SET closed_on = substr(updated_at, 1, 10) WHERE status <> 'open';
"#;

/// v6: the event kinds become rows of a table (a new kind is a row, not a rebuilt table); the
/// receipt of a cancellation or a withdrawal, a repair done and an injonction de payer order are
/// recorded; whether a card used without consent was lost or stolen (L133-19).
const V6_EVENT_KINDS: &str = r#"
CREATE TABLE event_kind (
    kind TEXT PRIMARY KEY
) STRICT, WITHOUT ROWID;
INSERT INTO event_kind (kind) VALUES
    ('complaint_sent'), ('formal_notice_sent'), ('formal_notice_received'), ('termination_notified'),
    ('termination_received'), ('withdrawal_notified'), ('withdrawal_received'), ('goods_returned'),
    ('delivered'), ('repair_requested'), ('repair_done'), ('refund_received'), ('merchant_replied'),
    ('mediation_requested'), ('mediation_ended'), ('cec_requested'), ('conciliation_requested'),
    ('payment_dispute_opened'), ('signalconso_reported'), ('defect_discovered'), ('court_filed'),
    ('payment_order_received'), ('resolved');

CREATE TABLE event_v6 (
    id              INTEGER PRIMARY KEY,
    dossier_id      INTEGER NOT NULL REFERENCES dossier (id) ON DELETE CASCADE,
    kind            TEXT NOT NULL REFERENCES event_kind (kind),
    date            TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    note            TEXT NOT NULL DEFAULT '',
    amount_cents    INTEGER CHECK (amount_cents IS NULL OR amount_cents >= 0),
    deadline_days   INTEGER CHECK (deadline_days IS NULL OR deadline_days BETWEEN 1 AND 365),
    tracking_number TEXT CHECK (tracking_number IS NULL OR length(tracking_number) = 13),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
) STRICT;
INSERT INTO event_v6 (id, dossier_id, kind, date, note, amount_cents, deadline_days, tracking_number,
        created_at, updated_at)
    SELECT id, dossier_id, kind, date, note, amount_cents, deadline_days, tracking_number, created_at,
        updated_at
    FROM event;
DROP TABLE event;
ALTER TABLE event_v6 RENAME TO event;
CREATE INDEX event_by_dossier ON event (dossier_id, date, id);

ALTER TABLE dossier ADD COLUMN card_lost_or_stolen INTEGER
    CHECK (card_lost_or_stolen IS NULL OR card_lost_or_stolen IN (0, 1));
"#;

/// v7: the facts of a dossier (seller, platform, order) are one JSON value validated by Rust — a new
/// fact is a new field, not a column; what the list searches and shows is read from it, stored.
/// Problems become rows of a table like event kinds. Two event kinds for platforms.
const V7_FACTS: &str = r#"
CREATE TABLE problem_kind (
    kind TEXT PRIMARY KEY
) STRICT, WITHOUT ROWID;
INSERT INTO problem_kind (kind) VALUES
    ('non_delivery'), ('non_conforming'), ('withdrawal_refund'), ('hidden_defect'),
    ('unauthorized_payment'), ('other');
INSERT INTO event_kind (kind) VALUES ('marked_delivered'), ('platform_claim_opened');

CREATE TABLE dossier_v7 (
    id                INTEGER PRIMARY KEY,
    title             TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 200),
    problem           TEXT NOT NULL REFERENCES problem_kind (kind),
    description       TEXT NOT NULL DEFAULT '',
    goal              TEXT NOT NULL DEFAULT 'refund' CHECK (goal IN ('refund', 'performance')),
    carrier_chosen_by TEXT CHECK (carrier_chosen_by IS NULL OR carrier_chosen_by IN ('merchant', 'consumer')),
    facts             TEXT NOT NULL CHECK (json_valid(facts) AND json_type(facts) = 'object'),
    merchant_name     TEXT GENERATED ALWAYS AS (json_extract(facts, '$.merchant.name')) STORED
        CHECK (length(trim(merchant_name)) BETWEEN 1 AND 200),
    order_reference   TEXT GENERATED ALWAYS AS (json_extract(facts, '$.order.reference')) STORED,
    order_date        TEXT GENERATED ALWAYS AS (json_extract(facts, '$.order.date')) STORED
        CHECK (order_date GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    amount_cents      INTEGER GENERATED ALWAYS AS (json_extract(facts, '$.order.amount_cents')) STORED
        CHECK (amount_cents >= 0),
    status            TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved', 'abandoned')),
    outcome_note      TEXT,
    closed_on         TEXT CHECK (closed_on IS NULL
        OR closed_on GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL CHECK (updated_at >= created_at)
) STRICT;

INSERT INTO dossier_v7 (id, title, problem, description, goal, carrier_chosen_by, facts, status,
        outcome_note, closed_on, created_at, updated_at)
    SELECT id, title, problem, description, goal, carrier_chosen_by,
        json_object(
            'merchant', json_object(
                'name', merchant_name, 'website', merchant_website, 'email', merchant_email,
                'phone', merchant_phone, 'postal_address', merchant_address, 'country', merchant_country,
                'siren_siret', merchant_siren_siret,
                'fevad_mediator', CASE merchant_fevad_mediator WHEN 1 THEN json('true')
                                  WHEN 0 THEN json('false') ELSE NULL END,
                'mediator_name', merchant_mediator_name, 'status', 'professional'),
            'platform', NULL,
            'order', json_object(
                'reference', order_reference, 'date', order_date, 'amount_cents', amount_cents,
                'payment_method', payment_method, 'promised_delivery_date', promised_delivery_date,
                'delivered_date', delivered_date,
                'used_goods', CASE used_goods WHEN 1 THEN json('true') ELSE json('false') END,
                'withdrawal_info_given', CASE withdrawal_info_given WHEN 1 THEN json('true')
                                         ELSE json('false') END,
                'card_lost_or_stolen', CASE card_lost_or_stolen WHEN 1 THEN json('true')
                                       WHEN 0 THEN json('false') ELSE NULL END)),
        status, outcome_note, closed_on, created_at, updated_at
    FROM dossier;
DROP TABLE dossier;
ALTER TABLE dossier_v7 RENAME TO dossier;
CREATE INDEX dossier_by_activity ON dossier (updated_at DESC, id DESC);
"#;

/// v8: a fake shop or a vanished seller is a problem of its own; the online complaint or report
/// (THESEE) is recorded.
const V8_SCAM: &str = r#"
INSERT INTO problem_kind (kind) VALUES ('scam');
INSERT INTO event_kind (kind) VALUES ('scam_reported');
"#;

/// v9: a subscription or an online service, and digital content, are problems of their own; a
/// cancellation (résiliation) sent is recorded. Existing dossiers are unchanged (their facts gain no
/// field: `order.service` is absent for goods).
const V9_SERVICES: &str = r#"
INSERT INTO problem_kind (kind) VALUES ('service');
INSERT INTO problem_kind (kind) VALUES ('digital_content');
INSERT INTO event_kind (kind) VALUES ('cancellation_sent');
"#;

/// v10: the list filtered by status (« En cours », « Résolus »…) and its count read an index instead
/// of every row: quick with 10 000 dossiers.
const V10_STATUS_INDEX: &str = r#"
CREATE INDEX dossier_by_status ON dossier (status, updated_at DESC, id DESC);
"#;

// v11: search inside everything — the dossiers, the pieces (their titles, names, descriptions and the
// text read from their files), the journal's notes and the letters — accents and case ignored, with
// SQLite's FTS5. Triggers keep the index in step with every write, in the same transaction. A row's
// place in the index is `id * 4 + source` (0 dossier, 1 piece, 2 journal, 3 letter), so that a row is
// replaced by its key. The text of a piece's file is read by Rust (`piece_text`), outside any
// transaction; it is derived data, rebuilt from the stored files when missing.
// The index table and its filling of v11 (v12 made them again with another row numbering).
macro_rules! search_index_sql {
    () => {
        r#"
CREATE VIRTUAL TABLE search_index USING fts5(
    dossier_id UNINDEXED, source UNINDEXED, label UNINDEXED, body,
    tokenize = 'unicode61 remove_diacritics 2'
);
"#
    };
}
macro_rules! search_fill_sql {
    () => {
        r#"
INSERT INTO search_index (rowid, dossier_id, source, label, body)
    SELECT id * 4, id, 'dossier', title,
        title || ' ' || merchant_name || ' ' || coalesce(order_reference, '') || ' ' || description
    FROM dossier;
INSERT INTO search_index (rowid, dossier_id, source, label, body)
    SELECT p.id * 4 + 1, p.dossier_id, 'piece', p.title,
        p.title || ' ' || p.original_name || ' ' || p.description || ' ' || coalesce(t.text, '')
    FROM piece p LEFT JOIN piece_text t ON t.piece_id = p.id;
INSERT INTO search_index (rowid, dossier_id, source, label, body)
    SELECT id * 4 + 2, dossier_id, 'note', kind, note FROM event WHERE note != '';
INSERT INTO search_index (rowid, dossier_id, source, label, body)
    SELECT rowid * 4 + 3, dossier_id, 'letter', object, object || ' ' || body FROM letter_draft;
"#
    };
}

const V11_SEARCH: &str = concat!(
    r#"
CREATE TABLE piece_text (
    piece_id INTEGER PRIMARY KEY REFERENCES piece (id) ON DELETE CASCADE,
    text     TEXT NOT NULL
) STRICT;
"#,
    search_index_sql!(),
    search_fill_sql!(),
    r#"
CREATE TRIGGER search_dossier_insert AFTER INSERT ON dossier BEGIN
    INSERT INTO search_index (rowid, dossier_id, source, label, body) VALUES (new.id * 4, new.id, 'dossier',
        new.title, new.title || ' ' || new.merchant_name || ' ' || coalesce(new.order_reference, '') || ' ' || new.description);
END;
CREATE TRIGGER search_dossier_update AFTER UPDATE OF title, facts, description ON dossier BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 4;
    INSERT INTO search_index (rowid, dossier_id, source, label, body) VALUES (new.id * 4, new.id, 'dossier',
        new.title, new.title || ' ' || new.merchant_name || ' ' || coalesce(new.order_reference, '') || ' ' || new.description);
END;
CREATE TRIGGER search_dossier_delete AFTER DELETE ON dossier BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 4;
END;

CREATE TRIGGER search_piece_insert AFTER INSERT ON piece BEGIN
    INSERT INTO search_index (rowid, dossier_id, source, label, body) VALUES (new.id * 4 + 1, new.dossier_id,
        'piece', new.title, new.title || ' ' || new.original_name || ' ' || new.description || ' '
            || coalesce((SELECT text FROM piece_text WHERE piece_id = new.id), ''));
END;
CREATE TRIGGER search_piece_update AFTER UPDATE OF title, original_name, description ON piece BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 4 + 1;
    INSERT INTO search_index (rowid, dossier_id, source, label, body) VALUES (new.id * 4 + 1, new.dossier_id,
        'piece', new.title, new.title || ' ' || new.original_name || ' ' || new.description || ' '
            || coalesce((SELECT text FROM piece_text WHERE piece_id = new.id), ''));
END;
CREATE TRIGGER search_piece_delete AFTER DELETE ON piece BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 4 + 1;
END;
CREATE TRIGGER search_piece_text_insert AFTER INSERT ON piece_text BEGIN
    DELETE FROM search_index WHERE rowid = new.piece_id * 4 + 1;
    INSERT INTO search_index (rowid, dossier_id, source, label, body)
        SELECT p.id * 4 + 1, p.dossier_id, 'piece', p.title,
            p.title || ' ' || p.original_name || ' ' || p.description || ' ' || new.text
        FROM piece p WHERE p.id = new.piece_id;
END;

CREATE TRIGGER search_event_insert AFTER INSERT ON event WHEN new.note != '' BEGIN
    INSERT INTO search_index (rowid, dossier_id, source, label, body)
        VALUES (new.id * 4 + 2, new.dossier_id, 'note', new.kind, new.note);
END;
CREATE TRIGGER search_event_update AFTER UPDATE OF note, kind ON event BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 4 + 2;
    INSERT INTO search_index (rowid, dossier_id, source, label, body)
        SELECT new.id * 4 + 2, new.dossier_id, 'note', new.kind, new.note WHERE new.note != '';
END;
CREATE TRIGGER search_event_delete AFTER DELETE ON event BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 4 + 2;
END;

CREATE TRIGGER search_letter_insert AFTER INSERT ON letter_draft BEGIN
    INSERT INTO search_index (rowid, dossier_id, source, label, body)
        VALUES (new.rowid * 4 + 3, new.dossier_id, 'letter', new.object, new.object || ' ' || new.body);
END;
CREATE TRIGGER search_letter_update AFTER UPDATE ON letter_draft BEGIN
    DELETE FROM search_index WHERE rowid = old.rowid * 4 + 3;
    INSERT INTO search_index (rowid, dossier_id, source, label, body)
        VALUES (new.rowid * 4 + 3, new.dossier_id, 'letter', new.object, new.object || ' ' || new.body);
END;
CREATE TRIGGER search_letter_delete AFTER DELETE ON letter_draft BEGIN
    DELETE FROM search_index WHERE rowid = old.rowid * 4 + 3;
END;
"#
);

// v12, search at 10 000 dossiers. Two derived tables, both made again by `search::rebuild`:
// - `dossier_key`: the dossier's own words — title, seller, order reference — folded once at write
//   time (`recours_fold`, Rust's `fold`), so that a search for text anywhere inside them reads one
//   narrow table instead of folding every row at every keystroke. The three are joined by U+001F,
//   which no one types, so that a search never runs from one into the next.
// - the full-text index again, each row's place now `dossier << 32 | source << 30 | row`
//   (source 0 the dossier itself, 1 a piece, 2 a journal note, 3 a letter; row the piece's or the
//   entry's id, under 2^30), so that the dossiers a search finds come from the index's own row ids,
//   without reading a row. The v11 index and its triggers are dropped first.
macro_rules! dossier_key_fill_sql {
    () => {
        r#"
INSERT INTO dossier_key (id, key)
    SELECT id, recours_fold(title || char(31) || merchant_name || char(31) || coalesce(order_reference, ''))
    FROM dossier;
"#
    };
}
macro_rules! search_index_v12_sql {
    () => {
        r#"
CREATE VIRTUAL TABLE search_index USING fts5(
    source UNINDEXED, label UNINDEXED, body,
    tokenize = 'unicode61 remove_diacritics 2'
);
"#
    };
}
macro_rules! search_fill_v12_sql {
    () => {
        r#"
INSERT INTO search_index (rowid, source, label, body)
    SELECT id << 32, 'dossier', title,
        title || ' ' || merchant_name || ' ' || coalesce(order_reference, '') || ' ' || description
    FROM dossier;
INSERT INTO search_index (rowid, source, label, body)
    SELECT (p.dossier_id << 32) + (1 << 30) + p.id, 'piece', p.title,
        p.title || ' ' || p.original_name || ' ' || p.description || ' ' || coalesce(t.text, '')
    FROM piece p LEFT JOIN piece_text t ON t.piece_id = p.id;
INSERT INTO search_index (rowid, source, label, body)
    SELECT (dossier_id << 32) + (2 << 30) + id, 'note', kind, note FROM event WHERE note != '';
INSERT INTO search_index (rowid, source, label, body)
    SELECT (dossier_id << 32) + (3 << 30) + rowid, 'letter', object, object || ' ' || body FROM letter_draft;
"#
    };
}
pub(crate) const SEARCH_INDEX: &str = search_index_v12_sql!();
pub(crate) const SEARCH_FILL: &str = search_fill_v12_sql!();
pub(crate) const DOSSIER_KEY_FILL: &str = dossier_key_fill_sql!();

const V12_SEARCH_AT_SCALE: &str = concat!(
    r#"
DROP TRIGGER search_dossier_insert;
DROP TRIGGER search_dossier_update;
DROP TRIGGER search_dossier_delete;
DROP TRIGGER search_piece_insert;
DROP TRIGGER search_piece_update;
DROP TRIGGER search_piece_delete;
DROP TRIGGER search_piece_text_insert;
DROP TRIGGER search_event_insert;
DROP TRIGGER search_event_update;
DROP TRIGGER search_event_delete;
DROP TRIGGER search_letter_insert;
DROP TRIGGER search_letter_update;
DROP TRIGGER search_letter_delete;
DROP TABLE search_index;
CREATE TABLE dossier_key (
    id  INTEGER PRIMARY KEY REFERENCES dossier (id) ON DELETE CASCADE,
    key TEXT NOT NULL
) STRICT;
"#,
    dossier_key_fill_sql!(),
    search_index_v12_sql!(),
    search_fill_v12_sql!(),
    r#"
CREATE TRIGGER dossier_key_insert AFTER INSERT ON dossier BEGIN
    INSERT INTO dossier_key (id, key) VALUES (new.id,
        recours_fold(new.title || char(31) || new.merchant_name || char(31) || coalesce(new.order_reference, '')));
END;
CREATE TRIGGER dossier_key_update AFTER UPDATE OF title, facts ON dossier BEGIN
    INSERT OR REPLACE INTO dossier_key (id, key) VALUES (new.id,
        recours_fold(new.title || char(31) || new.merchant_name || char(31) || coalesce(new.order_reference, '')));
END;

CREATE TRIGGER search_dossier_insert AFTER INSERT ON dossier BEGIN
    INSERT INTO search_index (rowid, source, label, body) VALUES (new.id << 32, 'dossier',
        new.title, new.title || ' ' || new.merchant_name || ' ' || coalesce(new.order_reference, '') || ' ' || new.description);
END;
CREATE TRIGGER search_dossier_update AFTER UPDATE OF title, facts, description ON dossier BEGIN
    DELETE FROM search_index WHERE rowid = old.id << 32;
    INSERT INTO search_index (rowid, source, label, body) VALUES (new.id << 32, 'dossier',
        new.title, new.title || ' ' || new.merchant_name || ' ' || coalesce(new.order_reference, '') || ' ' || new.description);
END;
CREATE TRIGGER search_dossier_delete AFTER DELETE ON dossier BEGIN
    DELETE FROM search_index WHERE rowid = old.id << 32;
END;

CREATE TRIGGER search_piece_insert AFTER INSERT ON piece BEGIN
    INSERT INTO search_index (rowid, source, label, body) VALUES ((new.dossier_id << 32) + (1 << 30) + new.id,
        'piece', new.title, new.title || ' ' || new.original_name || ' ' || new.description || ' '
            || coalesce((SELECT text FROM piece_text WHERE piece_id = new.id), ''));
END;
CREATE TRIGGER search_piece_update AFTER UPDATE OF title, original_name, description ON piece BEGIN
    DELETE FROM search_index WHERE rowid = (old.dossier_id << 32) + (1 << 30) + old.id;
    INSERT INTO search_index (rowid, source, label, body) VALUES ((new.dossier_id << 32) + (1 << 30) + new.id,
        'piece', new.title, new.title || ' ' || new.original_name || ' ' || new.description || ' '
            || coalesce((SELECT text FROM piece_text WHERE piece_id = new.id), ''));
END;
CREATE TRIGGER search_piece_delete AFTER DELETE ON piece BEGIN
    DELETE FROM search_index WHERE rowid = (old.dossier_id << 32) + (1 << 30) + old.id;
END;
CREATE TRIGGER search_piece_text_insert AFTER INSERT ON piece_text BEGIN
    DELETE FROM search_index WHERE rowid =
        (SELECT (p.dossier_id << 32) + (1 << 30) + p.id FROM piece p WHERE p.id = new.piece_id);
    INSERT INTO search_index (rowid, source, label, body)
        SELECT (p.dossier_id << 32) + (1 << 30) + p.id, 'piece', p.title,
            p.title || ' ' || p.original_name || ' ' || p.description || ' ' || new.text
        FROM piece p WHERE p.id = new.piece_id;
END;

CREATE TRIGGER search_event_insert AFTER INSERT ON event WHEN new.note != '' BEGIN
    INSERT INTO search_index (rowid, source, label, body)
        VALUES ((new.dossier_id << 32) + (2 << 30) + new.id, 'note', new.kind, new.note);
END;
CREATE TRIGGER search_event_update AFTER UPDATE OF note, kind ON event BEGIN
    DELETE FROM search_index WHERE rowid = (old.dossier_id << 32) + (2 << 30) + old.id;
    INSERT INTO search_index (rowid, source, label, body)
        SELECT (new.dossier_id << 32) + (2 << 30) + new.id, 'note', new.kind, new.note WHERE new.note != '';
END;
CREATE TRIGGER search_event_delete AFTER DELETE ON event BEGIN
    DELETE FROM search_index WHERE rowid = (old.dossier_id << 32) + (2 << 30) + old.id;
END;

CREATE TRIGGER search_letter_insert AFTER INSERT ON letter_draft BEGIN
    INSERT INTO search_index (rowid, source, label, body)
        VALUES ((new.dossier_id << 32) + (3 << 30) + new.rowid, 'letter', new.object, new.object || ' ' || new.body);
END;
CREATE TRIGGER search_letter_update AFTER UPDATE ON letter_draft BEGIN
    DELETE FROM search_index WHERE rowid = (old.dossier_id << 32) + (3 << 30) + old.rowid;
    INSERT INTO search_index (rowid, source, label, body)
        VALUES ((new.dossier_id << 32) + (3 << 30) + new.rowid, 'letter', new.object, new.object || ' ' || new.body);
END;
CREATE TRIGGER search_letter_delete AFTER DELETE ON letter_draft BEGIN
    DELETE FROM search_index WHERE rowid = (old.dossier_id << 32) + (3 << 30) + old.rowid;
END;
"#
);

/// The schema version that made the search's derived tables as they are now (v12).
pub(crate) const SEARCH_VERSION: i64 = 12;

/// Every migration, in order. The schema version is the length of this list.
pub(crate) fn all() -> Vec<M> {
    vec![
        M::up(V1_DOSSIERS),
        M::up(V2_WIZARD),
        M::up(V3_EVIDENCE),
        M::up(V4_LETTER_DRAFTS),
        M::up(V5_CLOSED_ON),
        M::up(V6_EVENT_KINDS),
        M::up(V7_FACTS),
        M::up(V8_SCAM),
        M::up(V9_SERVICES),
        M::up(V10_STATUS_INDEX),
        M::up(V11_SEARCH),
        M::up(V12_SEARCH_AT_SCALE),
    ]
}

pub fn latest_version() -> i64 {
    all().len() as i64
}

pub(crate) fn user_version(conn: &Connection) -> CoreResult<i64> {
    Ok(conn.pragma_query_value(None, "user_version", |row| row.get(0))?)
}

/// Brings the database to the newest schema of `migrations`, one transaction per step. Foreign
/// keys are off while a step rebuilds tables (dropping a parent table would otherwise delete its
/// children), and checked whole before the step commits (SQLite's documented procedure).
pub(crate) fn migrate(conn: &mut Connection, migrations: Vec<M>) -> CoreResult<()> {
    let failed = |e: rusqlite::Error| CoreError::Migration(e.to_string());
    // Steps and triggers fold text with Rust's fold: every connection that migrates has it.
    super::fold::register(conn).map_err(failed)?;
    let enforced: bool = conn
        .pragma_query_value(None, "foreign_keys", |r| r.get(0))
        .map_err(failed)?;
    conn.pragma_update(None, "foreign_keys", false)
        .map_err(failed)?;
    let result = migrate_steps(conn, &migrations);
    conn.pragma_update(None, "foreign_keys", enforced)
        .map_err(failed)?;
    result
}

fn migrate_steps(conn: &mut Connection, migrations: &[M]) -> CoreResult<()> {
    let failed = |e: rusqlite::Error| CoreError::Migration(e.to_string());
    for (index, step) in migrations.iter().enumerate() {
        let version = index as i64 + 1;
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(failed)?;
        // Read under the write lock: another process may have migrated since we looked.
        let found: i64 = tx
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(failed)?;
        if found >= version {
            continue;
        }
        if found != version - 1 {
            return Err(CoreError::Migration(format!(
                "version de schéma inattendue ({found})"
            )));
        }
        tx.execute_batch(step.0).map_err(failed)?;
        let broken: bool = tx
            .query_row(
                "SELECT EXISTS (SELECT 1 FROM pragma_foreign_key_check)",
                [],
                |r| r.get(0),
            )
            .map_err(failed)?;
        if broken {
            return Err(CoreError::Migration(
                "une référence entre tables serait rompue".into(),
            ));
        }
        tx.pragma_update(None, "user_version", version)
            .map_err(failed)?;
        tx.commit().map_err(failed)?;
    }
    Ok(())
}

/// The schema Recours itself makes for `version`: an empty database migrated that far, as
/// `sqlite_schema` lists it. A backup's database must match it exactly.
pub(crate) fn reference_schema(version: i64) -> CoreResult<Vec<super::backup_check::SchemaEntry>> {
    let mut conn = Connection::open_in_memory()?;
    let steps: Vec<M> = all()
        .into_iter()
        .take(usize::try_from(version).unwrap_or(0))
        .collect();
    migrate(&mut conn, steps)?;
    super::backup_check::schema_of(&conn)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrating_twice_changes_nothing_and_versions_follow_the_list() {
        let mut conn = Connection::open_in_memory().expect("db");
        migrate(&mut conn, all()).expect("first");
        let schema = super::super::backup_check::schema_of(&conn).expect("schema");
        migrate(&mut conn, all()).expect("second");
        assert_eq!(user_version(&conn).expect("v"), latest_version());
        assert_eq!(
            super::super::backup_check::schema_of(&conn).expect("schema"),
            schema
        );
        assert_eq!(reference_schema(latest_version()).expect("ref"), schema);
        assert_ne!(reference_schema(2).expect("v2"), schema);
    }

    #[test]
    fn the_event_kind_table_lists_exactly_the_kinds_the_rules_know() {
        let mut conn = Connection::open_in_memory().expect("db");
        migrate(&mut conn, all()).expect("migrate");
        let mut stmt = conn
            .prepare("SELECT kind FROM event_kind ORDER BY kind")
            .expect("sql");
        let stored: Vec<String> = stmt
            .query_map([], |r| r.get(0))
            .expect("rows")
            .collect::<Result<_, _>>()
            .expect("kinds");
        let mut problems: Vec<String> = conn
            .prepare("SELECT kind FROM problem_kind ORDER BY kind")
            .expect("sql")
            .query_map([], |r| r.get(0))
            .expect("rows")
            .collect::<Result<_, _>>()
            .expect("problems");
        let mut expected: Vec<String> = crate::dossier::Problem::ALL
            .iter()
            .map(|p| p.as_str().to_owned())
            .collect();
        expected.sort();
        problems.sort();
        assert_eq!(problems, expected);
        let mut known: Vec<String> = crate::rules::model::EventKind::ALL
            .iter()
            .map(|k| k.as_str().to_owned())
            .collect();
        known.sort();
        assert_eq!(stored, known);
    }
}
