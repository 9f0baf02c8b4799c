package store

import (
	"context"
	"strconv"
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

// ftsJSON is rows as a JSON array of [rowid, body] or [rowid, title, body],
// written directly: encoding/json's reflection over [][]any was a fifth
// of the cost of writing the rows.
func ftsJSON(rows []ftsRow, two bool) (string, error) {
	n := 2
	for _, r := range rows {
		n += len(r.title) + len(r.body) + 32
	}
	b := make([]byte, 0, n)
	b = append(b, '[')
	for i, r := range rows {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '[')
		b = strconv.AppendInt(b, r.rowid, 10)
		if two {
			b = append(b, ',')
			b = appendJSONString(b, r.title)
		}
		b = append(b, ',')
		b = appendJSONString(b, r.body)
		b = append(b, ']')
	}
	b = append(b, ']')
	return string(b), nil
}

// appendJSONString appends s as a JSON string. Token text is letters,
// digits and spaces; anything else that JSON must escape is escaped.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' {
			continue
		}
		b = append(b, s[start:i]...)
		switch c {
		case '"', '\\':
			b = append(b, '\\', c)
		default:
			b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
		}
		start = i + 1
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

const hexDigits = "0123456789abcdef"

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
