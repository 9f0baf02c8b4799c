package store

import (
	"context"
	"encoding/json"
	"fmt"
)

// Full-text rows are written once per transaction, one statement per
// FTS5 table, after every other row. FTS5 writes its pending terms to disk
// as a new segment whenever a statement opens a savepoint (any insert
// that may abort does) while the table is part of the transaction, so
// inserting them row by row among the others made one segment per row
// and then merged them: a third of index's store time on the work
// reports. A delete must not overtake a pending insert of the same rowid
// (rowids are reused), so replaceDoc flushes before it deletes.

// ftsRows are the full-text rows a transaction has yet to write.
type ftsRows struct {
	docs, directives, targets []ftsRow
}

// ftsInserts are the statements that write each table's rows from a JSON
// array of [rowid, text(, text)] (json_each keeps it to one statement).
const (
	insertDocsFTS       = `INSERT INTO documents_fts(rowid, title, body) SELECT value->>0, value->>1, value->>2 FROM json_each(?)`
	insertDirectivesFTS = `INSERT INTO directives_fts(rowid, text) SELECT value->>0, value->>1 FROM json_each(?)`
	insertTargetsFTS    = `INSERT INTO targets_fts(rowid, text) SELECT value->>0, value->>1 FROM json_each(?)`
)

// flushFTS writes the pending full-text rows.
func (w *txWriter) flushFTS(ctx context.Context) error {
	for _, t := range []struct {
		query string
		rows  *[]ftsRow
		two   bool
	}{{insertDocsFTS, &w.fts.docs, true}, {insertDirectivesFTS, &w.fts.directives, false}, {insertTargetsFTS, &w.fts.targets, false}} {
		if len(*t.rows) == 0 {
			continue
		}
		arg, err := ftsJSON(*t.rows, t.two)
		if err != nil {
			return err
		}
		if _, err := w.exec(ctx, t.query, arg); err != nil {
			return err
		}
		*t.rows = (*t.rows)[:0]
	}
	return nil
}

// ftsJSON is rows as a JSON array of [rowid, body] or [rowid, title, body].
func ftsJSON(rows []ftsRow, two bool) (string, error) {
	out := make([][]any, len(rows))
	for i, r := range rows {
		if two {
			out[i] = []any{r.rowid, r.title, r.body}
		} else {
			out[i] = []any{r.rowid, r.body}
		}
	}
	b, err := json.Marshal(out)
	if err != nil {
		return "", fmt.Errorf("full-text rows: %w", err)
	}
	return string(b), nil
}

// replaceDoc removes the document stored under id, if any, with its
// full-text rows, writing the pending ones first (see above).
func replaceDoc(ctx context.Context, w *txWriter, id string) error {
	var n int
	if err := w.queryRow(ctx, `SELECT count(*) FROM documents WHERE id = ?`, id).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return nil
	}
	if err := w.flushFTS(ctx); err != nil {
		return err
	}
	return deleteDoc(ctx, w, id)
}
