package store

import (
	"context"
	"fmt"
)

// A first index (into a store without documents) writes its rows before
// the secondary indexes of the tables a document fills and creates those
// indexes once, at the end: keeping them up to date row by row was about
// a sixth of a fresh index's store time on the work reports (directives
// alone have eight). The indexes missing are the only trace of a build
// under way, so every open creates any that are missing: a first index
// that crashed leaves a store that the next open completes, never one
// that answers without them for good.

// deferredIndexes are those indexes, as the migrations left them
// (TestDeferredIndexesMatchSchema keeps the two the same). The
// documents' own indexes stay: index reads them while it writes.
var deferredIndexes = []struct{ name, sql string }{
	{"directives_doc", `CREATE INDEX directives_doc ON directives(doc)`},
	{"directives_force", `CREATE INDEX directives_force ON directives(force)`},
	{"directives_issuer", `CREATE INDEX directives_issuer ON directives(issuer)`},
	{"directives_date", `CREATE INDEX directives_date ON directives(date)`},
	{"directives_force_date", `CREATE INDEX directives_force_date ON directives(force, date)`},
	{"directives_issuer_date", `CREATE INDEX directives_issuer_date ON directives(issuer, date)`},
	{"directives_deadline_date", `CREATE INDEX directives_deadline_date ON directives(deadline_on, date) WHERE deadline <> ''`},
	{"directives_key", `CREATE INDEX directives_key ON directives(rowid, force, date, doc)`},
	{"addressees_name", `CREATE INDEX addressees_name ON addressees(name, directive)`},
	{"addressees_directive", `CREATE INDEX addressees_directive ON addressees(directive)`},
	{"entities_doc", `CREATE INDEX entities_doc ON entities(doc)`},
	{"entities_normalized", `CREATE INDEX entities_normalized ON entities(normalized)`},
	{"entities_group", `CREATE INDEX entities_group ON entities(type, normalized, date)`},
	{"entity_names_name", `CREATE INDEX entity_names_name ON entity_names(name, normalized)`},
	{"entity_names_normalized", `CREATE INDEX entity_names_normalized ON entity_names(normalized, doc)`},
	{"entity_names_entity", `CREATE INDEX entity_names_entity ON entity_names(entity)`},
	{"keywords_doc", `CREATE INDEX keywords_doc ON keywords(doc)`},
	{"keywords_term", `CREATE INDEX keywords_term ON keywords(term)`},
	{"targets_doc", `CREATE INDEX targets_doc ON targets(doc)`},
}

// bulkIndexer is an Indexer that can put off its indexes while a first
// index writes (SQLite does).
type bulkIndexer interface {
	// DeferIndexes drops the deferred indexes when the store holds no
	// document yet.
	DeferIndexes(ctx context.Context) error
	// RestoreIndexes creates those that are missing.
	RestoreIndexes(ctx context.Context) error
}

// DeferIndexes drops the deferred indexes when the store holds no
// document: a first index then creates them once, at the end
// (RestoreIndexes), instead of updating them row by row.
func (s *SQLite) DeferIndexes(ctx context.Context) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: %w", err)
	}
	defer tx.Rollback()
	var stored int
	if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM documents)`).Scan(&stored); err != nil {
		return fmt.Errorf("store: %w", err)
	}
	if stored != 0 {
		return nil
	}
	for _, ix := range deferredIndexes {
		if _, err := tx.ExecContext(ctx, `DROP INDEX IF EXISTS `+ix.name); err != nil {
			return fmt.Errorf("store: put off index %s: %w", ix.name, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store: commit: %w", err)
	}
	return nil
}

// RestoreIndexes creates the deferred indexes the store lacks, in one
// transaction.
func (s *SQLite) RestoreIndexes(ctx context.Context) error {
	have := map[string]bool{}
	rows, err := s.db.QueryContext(ctx, `SELECT name FROM sqlite_schema WHERE type = 'index'`)
	if err != nil {
		return fmt.Errorf("store: indexes: %w", err)
	}
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			rows.Close()
			return fmt.Errorf("store: indexes: %w", err)
		}
		have[name] = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("store: indexes: %w", err)
	}
	var missing []string
	for _, ix := range deferredIndexes {
		if !have[ix.name] {
			missing = append(missing, ix.sql)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: %w", err)
	}
	defer tx.Rollback()
	for _, q := range missing {
		// IF NOT EXISTS: another process may have made it since the check
		if _, err := tx.ExecContext(ctx, "CREATE INDEX IF NOT EXISTS"+q[len("CREATE INDEX"):]); err != nil {
			return fmt.Errorf("store: create index: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store: commit: %w", err)
	}
	return nil
}
