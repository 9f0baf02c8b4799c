package store

// migrations build the schema step by step; PRAGMA user_version holds how
// many have run. A new column or table is a new step at the end, never an
// edit of an old one, so that every store can be brought up to date.
var migrations = []string{
	// 1: documents, their analyses and queryable parts, full-text indexes
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
	CREATE VIRTUAL TABLE directives_fts USING fts5(text, content='', contentless_delete=1, tokenize='unicode61');`,
	// 2: a directive carries its document's date, so that filters and the
	// newest-first order of directive searches run on one index without
	// sorting every match
	`ALTER TABLE directives ADD COLUMN date TEXT NOT NULL DEFAULT '';
	UPDATE directives SET date = (SELECT date FROM documents WHERE documents.rowid = directives.doc);
	CREATE INDEX directives_date ON directives(date);
	CREATE INDEX directives_force_date ON directives(force, date);
	CREATE INDEX directives_issuer_date ON directives(issuer, date);`,
}
