package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// Replicate adds copies more of every document in the store, each under
// the id "ID@N", with all its rows and full-text entries, so that a
// benchmark can measure a store of many documents without analyzing them
// again. Rows are copied inside SQLite; only the full-text entries are
// made in Go (FTS5 keeps no text to copy).
func (s *SQLite) Replicate(ctx context.Context, copies int, progress func(done int)) error {
	var docMax, dirMax, entMax int64
	err := s.db.QueryRowContext(ctx, `SELECT (SELECT ifnull(max(rowid), 0) FROM documents), (SELECT ifnull(max(rowid), 0) FROM directives),
		(SELECT ifnull(max(rowid), 0) FROM entities)`).Scan(&docMax, &dirMax, &entMax)
	if err != nil {
		return fmt.Errorf("store: replicate: %w", err)
	}
	docText, dirText, err := s.tokenTexts(ctx, docMax)
	if err != nil {
		return err
	}
	tgtText, err := targetTexts(ctx, s.db)
	if err != nil {
		return err
	}
	for k := int64(1); k <= int64(copies); k++ {
		if err := s.replicateOnce(ctx, k, docMax, dirMax, entMax, docText, dirText, tgtText); err != nil {
			return fmt.Errorf("store: replicate %d: %w", k, err)
		}
		if progress != nil {
			progress(int(k))
		}
	}
	return nil
}

// ftsRow is the token text of one full-text row (title only in documents_fts).
type ftsRow struct {
	rowid       int64
	title, body string
}

func (s *SQLite) tokenTexts(ctx context.Context, docMax int64) (docs, dirs []ftsRow, err error) {
	rows, err := s.db.QueryContext(ctx, `SELECT rowid, title, paragraphs FROM documents WHERE rowid <= ?`, docMax)
	if err != nil {
		return nil, nil, err
	}
	for rows.Next() {
		var r ftsRow
		var paras []byte
		if err := rows.Scan(&r.rowid, &r.title, &paras); err != nil {
			rows.Close()
			return nil, nil, err
		}
		var ps []string
		if err := unpackJSON(paras, &ps); err != nil {
			rows.Close()
			return nil, nil, err
		}
		r.title, r.body = tokenText(r.title), tokenText(strings.Join(ps, "\n"))
		docs = append(docs, r)
	}
	rows.Close()
	rows, err = s.db.QueryContext(ctx, `SELECT rowid, text FROM directives`)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var r ftsRow
		if err := rows.Scan(&r.rowid, &r.body); err != nil {
			return nil, nil, err
		}
		r.body = tokenText(r.body)
		dirs = append(dirs, r)
	}
	return docs, dirs, rows.Err()
}

// replicateOnce makes copy k: rowids are shifted by k times the largest
// of each table, so the copies' rows point at each other.
func (s *SQLite) replicateOnce(ctx context.Context, k, docMax, dirMax, entMax int64, docText, dirText []ftsRow, tgtText map[int64][]string) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	d, r, e := k*docMax, k*dirMax, k*entMax
	suffix := fmt.Sprintf("@%d", k)
	stmts := []string{
		fmt.Sprintf(`INSERT INTO documents SELECT rowid + %d, id || %s, input, path, format, language, title, source, issuer, doc_number, date, year,
			chars, content_hash, version, paragraphs, analysis FROM documents WHERE rowid <= %d`, d, sqlString(suffix), docMax),
		fmt.Sprintf(`INSERT INTO directives SELECT rowid + %d, doc + %d, seq, paragraph, start, end, force, issuer, addressees, action, object,
			deadline, deadline_on, article, text, date FROM directives WHERE rowid <= %d`, r, d, dirMax),
		fmt.Sprintf(`INSERT INTO addressees SELECT directive + %d, name FROM addressees WHERE directive <= %d`, r, dirMax),
		fmt.Sprintf(`INSERT INTO entities SELECT rowid + %d, doc + %d, type, text, normalized, count, date FROM entities WHERE rowid <= %d`, e, d, entMax),
		fmt.Sprintf(`INSERT INTO entity_names SELECT entity + %d, doc + %d, normalized, name FROM entity_names WHERE entity <= %d`, e, d, entMax),
		fmt.Sprintf(`INSERT INTO keywords SELECT doc + %d, term, score, count FROM keywords WHERE doc <= %d`, d, docMax),
		fmt.Sprintf(`INSERT INTO targets SELECT doc + %d, indicator, value, unit, qualifier, year, text, paragraph FROM targets WHERE doc <= %d`, d, docMax),
	}
	for _, q := range stmts {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	w := newTxWriter(tx)
	defer w.close()
	for _, t := range docText {
		if _, err := w.exec(ctx, `INSERT INTO documents_fts(rowid, title, body) VALUES (?, ?, ?)`, t.rowid+d, t.title, t.body); err != nil {
			return err
		}
	}
	for _, t := range dirText {
		if _, err := w.exec(ctx, `INSERT INTO directives_fts(rowid, text) VALUES (?, ?)`, t.rowid+r, t.body); err != nil {
			return err
		}
	}
	for doc, texts := range tgtText {
		if err := writeTargetText(ctx, w, doc+d, texts); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// querier is a database or a transaction.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// targetTexts are the indicators and texts of each document's targets.
func targetTexts(ctx context.Context, db querier) (map[int64][]string, error) {
	rows, err := db.QueryContext(ctx, `SELECT doc, indicator, text FROM targets ORDER BY doc, rowid`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64][]string{}
	for rows.Next() {
		var doc int64
		var indicator, text string
		if err := rows.Scan(&doc, &indicator, &text); err != nil {
			return nil, err
		}
		out[doc] = append(out[doc], indicator, text)
	}
	return out, rows.Err()
}

// sqlString quotes s as an SQL string literal.
func sqlString(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }
