package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// migration is one step of the schema: its SQL, then, when the new
// tables need text that only Go can make (search tokens), a fill.
type migration struct {
	sql  string
	fill func(ctx context.Context, tx *sql.Tx) error
}

// migrations build the schema step by step; PRAGMA user_version holds how
// many have run. A new column or table is a new step at the end, never an
// edit of an old one, so that every store can be brought up to date.
var migrations = []migration{
	{sql: // 1: documents, their analyses and queryable parts, full-text indexes
	`CREATE TABLE inputs (
		path     TEXT PRIMARY KEY,
		hash     TEXT NOT NULL,
		version  TEXT NOT NULL,
		complete INTEGER NOT NULL DEFAULT 0
	);
	CREATE TABLE documents (
		rowid        INTEGER PRIMARY KEY,
		id           TEXT NOT NULL UNIQUE,
		input        TEXT NOT NULL,
		path         TEXT NOT NULL,
		format       TEXT NOT NULL,
		language     TEXT NOT NULL,
		title        TEXT NOT NULL,
		source       TEXT NOT NULL,
		issuer       TEXT NOT NULL,
		doc_number   TEXT NOT NULL,
		date         TEXT NOT NULL,
		year         TEXT NOT NULL,
		chars        INTEGER NOT NULL,
		content_hash TEXT NOT NULL,
		version      TEXT NOT NULL,
		paragraphs   BLOB NOT NULL, -- JSON array, gzip
		analysis     BLOB NOT NULL  -- the analysis JSON without its paragraphs, gzip
	);
	CREATE INDEX documents_input ON documents(input);
	CREATE INDEX documents_date ON documents(date);
	CREATE TABLE directives (
		rowid       INTEGER PRIMARY KEY,
		doc         INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
		seq         INTEGER NOT NULL,
		paragraph   INTEGER NOT NULL,
		start       INTEGER NOT NULL,
		end         INTEGER NOT NULL,
		force       TEXT NOT NULL,
		issuer      TEXT NOT NULL,
		addressees  TEXT NOT NULL, -- JSON array
		action      TEXT NOT NULL,
		object      TEXT NOT NULL,
		deadline    TEXT NOT NULL,
		deadline_on TEXT NOT NULL, -- normalized date, '' when none
		article     TEXT NOT NULL,
		text        TEXT NOT NULL
	);
	CREATE INDEX directives_doc ON directives(doc);
	CREATE INDEX directives_force ON directives(force);
	CREATE INDEX directives_issuer ON directives(issuer);
	CREATE INDEX directives_deadline ON directives(deadline_on);
	CREATE TABLE addressees (
		directive INTEGER NOT NULL REFERENCES directives(rowid) ON DELETE CASCADE,
		name      TEXT NOT NULL
	);
	CREATE INDEX addressees_name ON addressees(name, directive);
	CREATE INDEX addressees_directive ON addressees(directive);
	CREATE TABLE entities (
		rowid      INTEGER PRIMARY KEY,
		doc        INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
		type       TEXT NOT NULL,
		text       TEXT NOT NULL,
		normalized TEXT NOT NULL,
		count      INTEGER NOT NULL
	);
	CREATE INDEX entities_doc ON entities(doc);
	CREATE INDEX entities_normalized ON entities(normalized);
	-- every name an entity goes by in a document: normalized, text, aliases
	CREATE TABLE entity_names (
		entity     INTEGER NOT NULL REFERENCES entities(rowid) ON DELETE CASCADE,
		doc        INTEGER NOT NULL,
		normalized TEXT NOT NULL,
		name       TEXT NOT NULL
	);
	CREATE INDEX entity_names_name ON entity_names(name, normalized);
	CREATE INDEX entity_names_normalized ON entity_names(normalized, doc);
	CREATE INDEX entity_names_entity ON entity_names(entity);
	CREATE TABLE keywords (
		doc   INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
		term  TEXT NOT NULL,
		score REAL NOT NULL,
		count INTEGER NOT NULL
	);
	CREATE INDEX keywords_doc ON keywords(doc);
	CREATE INDEX keywords_term ON keywords(term);
	CREATE TABLE targets (
		doc       INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
		indicator TEXT NOT NULL,
		value     TEXT NOT NULL,
		unit      TEXT NOT NULL,
		qualifier TEXT NOT NULL,
		year      TEXT NOT NULL,
		text      TEXT NOT NULL,
		paragraph INTEGER NOT NULL
	);
	CREATE INDEX targets_doc ON targets(doc);
	CREATE VIRTUAL TABLE documents_fts USING fts5(title, body, content='', contentless_delete=1, tokenize='unicode61');
	CREATE VIRTUAL TABLE directives_fts USING fts5(text, content='', contentless_delete=1, tokenize='unicode61');`},
	{sql: // 2: a directive carries its document's date, so that filters and the
	// newest-first order of directive searches run on one index without
	// sorting every match
	`ALTER TABLE directives ADD COLUMN date TEXT NOT NULL DEFAULT '';
	UPDATE directives SET date = (SELECT date FROM documents WHERE documents.rowid = directives.doc);
	CREATE INDEX directives_date ON directives(date);
	CREATE INDEX directives_force_date ON directives(force, date);
	CREATE INDEX directives_issuer_date ON directives(issuer, date);`},
	{sql: migration3, fill: fillTargetsFTS},
	{sql: // 4: a text search with directive filters joins every full-text
	// match to its directive to test force and date. Read from the table,
	// each match costs a read of a page of directive texts, spread over
	// gigabytes in a large store; this index holds only what the filters
	// test (470 MB for 9.8 million directives), so that it stays in memory
	// (see keyIndex).
	`CREATE INDEX directives_key ON directives(rowid, force, date, doc);`},
	{sql: migration5, fill: fillFTS},
}

// migration5 gives the full-text tables FTS5's ascii tokenizer: the text
// they index is tokens already, folded as unicode61 folded them (fold.go),
// and FTS5 no longer decodes and looks up every character. Contentless
// tables cannot be rebuilt from themselves: fillFTS indexes the stored
// texts again.
const migration5 = `DROP TABLE documents_fts;
	DROP TABLE directives_fts;
	DROP TABLE targets_fts;
	CREATE VIRTUAL TABLE documents_fts USING fts5(title, body, content='', contentless_delete=1, tokenize='ascii');
	CREATE VIRTUAL TABLE directives_fts USING fts5(text, content='', contentless_delete=1, tokenize='ascii');
	CREATE VIRTUAL TABLE targets_fts USING fts5(text, content='', contentless_delete=1, tokenize='ascii');`

// fillFTS indexes the stored documents, directives and targets, a few
// hundred rows at a time (a store may hold millions).
func fillFTS(ctx context.Context, tx *sql.Tx) error {
	w := newTxWriter(tx)
	defer w.close()
	err := refill(ctx, tx, w, "documents", `SELECT rowid, title, paragraphs FROM documents WHERE rowid > ? ORDER BY rowid LIMIT 64`, &w.fts.docs,
		func(r *ftsRow, title string, paras []byte) error {
			var ps []string
			if err := unpackJSON(paras, &ps); err != nil {
				return err
			}
			r.title, r.body = tokenText(title), tokenText(strings.Join(ps, "\n"))
			return nil
		})
	if err != nil {
		return err
	}
	err = refill(ctx, tx, w, "directives", `SELECT rowid, text, x'' FROM directives WHERE rowid > ? ORDER BY rowid LIMIT 4096`, &w.fts.directives,
		func(r *ftsRow, text string, _ []byte) error {
			r.body = tokenText(text)
			return nil
		})
	if err != nil {
		return err
	}
	return fillTargetsFTS(ctx, tx)
}

// refill reads the rows of query a chunk at a time, in rowid order, and
// writes each chunk's full-text rows through w; dest is the list of w's
// pending rows that the chunk fills.
func refill(ctx context.Context, tx *sql.Tx, w *txWriter, what, query string, dest *[]ftsRow, fill func(*ftsRow, string, []byte) error) error {
	for last := int64(0); ; {
		rows, err := chunk(ctx, tx, query, last, fill)
		if err != nil {
			return fmt.Errorf("%s: %w", what, err)
		}
		if len(rows) == 0 {
			return nil
		}
		*dest, last = rows, rows[len(rows)-1].rowid
		if err := w.flushFTS(ctx); err != nil {
			return err
		}
	}
}

// chunk reads the rows of query (rowid, text, blob) after rowid last and
// makes each a full-text row with fill.
func chunk(ctx context.Context, tx *sql.Tx, query string, last int64, fill func(*ftsRow, string, []byte) error) ([]ftsRow, error) {
	rows, err := tx.QueryContext(ctx, query, last)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []ftsRow
	for rows.Next() {
		var r ftsRow
		var text string
		var blob []byte
		if err := rows.Scan(&r.rowid, &text, &blob); err != nil {
			return nil, err
		}
		if err := fill(&r, text, blob); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// migration3 makes the queries of a large store cheap (bench/STORE.md):
//   - deadline queries walk (deadline_on, date) in order instead of
//     sorting every match; the index holds only the directives with a
//     deadline (a few in a hundred), so that counting them is cheap too;
//   - entity_keys holds each distinct (name, normalized) pair once, with
//     how many entity_names rows have it, so that a name is resolved to
//     literal names before a query and entity search scans thousands of
//     names, not millions of rows;
//   - entity_groups holds, per (type, normalized), how many documents
//     mention it and the newest one's date: entity search reads it
//     instead of grouping every mention. It counts rows, as an analysis
//     lists an entity once per (type, normalized);
//   - targets_fts holds, per document, the text of its targets, so that a
//     target search reads only the documents whose targets can match.
//
// Triggers keep the two tables right on every insert and delete
// (cascades included), so no writer has to know about them.
const migration3 = `DROP INDEX directives_deadline;
	CREATE INDEX directives_deadline_date ON directives(deadline_on, date) WHERE deadline <> '';
	ALTER TABLE entities ADD COLUMN date TEXT NOT NULL DEFAULT '';
	UPDATE entities SET date = (SELECT date FROM documents WHERE documents.rowid = entities.doc);
	CREATE INDEX entities_group ON entities(type, normalized, date);
	CREATE TABLE entity_groups (
		type       TEXT NOT NULL,
		normalized TEXT NOT NULL,
		docs       INTEGER NOT NULL,
		last       TEXT NOT NULL,
		PRIMARY KEY (type, normalized)
	) WITHOUT ROWID;
	INSERT INTO entity_groups SELECT type, normalized, count(*), max(date) FROM entities GROUP BY type, normalized;
	CREATE TRIGGER entities_insert AFTER INSERT ON entities BEGIN
		INSERT INTO entity_groups VALUES (new.type, new.normalized, 1, new.date)
			ON CONFLICT DO UPDATE SET docs = docs + 1, last = max(last, excluded.last);
	END;
	CREATE TRIGGER entities_delete AFTER DELETE ON entities BEGIN
		UPDATE entity_groups SET docs = docs - 1,
			last = ifnull((SELECT max(date) FROM entities WHERE type = old.type AND normalized = old.normalized), '')
			WHERE type = old.type AND normalized = old.normalized;
		DELETE FROM entity_groups WHERE type = old.type AND normalized = old.normalized AND docs <= 0;
	END;
	CREATE TABLE entity_keys (
		name       TEXT NOT NULL,
		normalized TEXT NOT NULL,
		n          INTEGER NOT NULL,
		PRIMARY KEY (name, normalized)
	) WITHOUT ROWID;
	CREATE INDEX entity_keys_normalized ON entity_keys(normalized);
	INSERT INTO entity_keys SELECT name, normalized, count(*) FROM entity_names GROUP BY name, normalized;
	CREATE TRIGGER entity_names_insert AFTER INSERT ON entity_names BEGIN
		INSERT INTO entity_keys VALUES (new.name, new.normalized, 1) ON CONFLICT DO UPDATE SET n = n + 1;
	END;
	CREATE TRIGGER entity_names_delete AFTER DELETE ON entity_names BEGIN
		UPDATE entity_keys SET n = n - 1 WHERE name = old.name AND normalized = old.normalized;
		DELETE FROM entity_keys WHERE name = old.name AND normalized = old.normalized AND n <= 0;
	END;
	CREATE VIRTUAL TABLE targets_fts USING fts5(text, content='', contentless_delete=1, tokenize='unicode61');`

// fillTargetsFTS indexes the targets of every stored document.
func fillTargetsFTS(ctx context.Context, tx *sql.Tx) error {
	byDoc, err := targetTexts(ctx, tx)
	if err != nil {
		return err
	}
	w := newTxWriter(tx)
	defer w.close()
	for doc, texts := range byDoc {
		if err := writeTargetText(ctx, w, doc, texts); err != nil {
			return err
		}
	}
	return nil
}

// writeTargetText indexes the indicators and texts of one document's
// targets under the document's rowid.
func writeTargetText(ctx context.Context, w *txWriter, doc int64, texts []string) error {
	if len(texts) == 0 {
		return nil
	}
	_, err := w.exec(ctx, `INSERT INTO targets_fts(rowid, text) VALUES (?, ?)`, doc, tokenText(strings.Join(texts, "\n")))
	return err
}
