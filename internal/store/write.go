package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/policylens/policylens/analyze"
)

// InputDone tells whether in was indexed completely with the same content
// hash and analyzer version.
func (s *SQLite) InputDone(ctx context.Context, in Input) (bool, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM inputs WHERE path = ? AND hash = ? AND version = ? AND complete`,
		in.Path, in.Hash, in.Version).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("store: input %s: %w", in.Path, err)
	}
	return n > 0, nil
}

// Write stores documents in one transaction, replacing any with the same id.
func (s *SQLite) Write(ctx context.Context, docs []Doc) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: %w", err)
	}
	defer tx.Rollback()
	w := newTxWriter(tx)
	defer w.close()
	w.pk = s.packer()
	defer s.packers.Put(w.pk)
	for _, d := range docs {
		if err := writeDoc(ctx, w, d); err != nil {
			return fmt.Errorf("store: %s: %w", d.Analysis.Document.ID, err)
		}
	}
	if err := w.flushFTS(ctx); err != nil {
		return fmt.Errorf("store: full-text rows: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store: commit: %w", err)
	}
	return nil
}

// FinishInput marks in complete and removes its documents not in keep.
func (s *SQLite) FinishInput(ctx context.Context, in Input, keep []string) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: %w", err)
	}
	defer tx.Rollback()
	kept := map[string]bool{}
	for _, id := range keep {
		kept[id] = true
	}
	rows, err := tx.QueryContext(ctx, `SELECT id FROM documents WHERE input = ?`, in.Path)
	if err != nil {
		return fmt.Errorf("store: input %s: %w", in.Path, err)
	}
	var gone []string
	for rows.Next() {
		var id string
		if rows.Scan(&id) == nil && !kept[id] {
			gone = append(gone, id)
		}
	}
	rows.Close()
	w := newTxWriter(tx)
	defer w.close()
	for _, id := range gone {
		if err := deleteDoc(ctx, w, id); err != nil {
			return fmt.Errorf("store: remove %s: %w", id, err)
		}
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO inputs(path, hash, version, complete) VALUES (?, ?, ?, 1)
		ON CONFLICT(path) DO UPDATE SET hash = excluded.hash, version = excluded.version, complete = 1`,
		in.Path, in.Hash, in.Version)
	if err != nil {
		return fmt.Errorf("store: input %s: %w", in.Path, err)
	}
	return tx.Commit()
}

// deleteDoc removes a document, its parts (by cascade) and its full-text rows.
func deleteDoc(ctx context.Context, w *txWriter, id string) error {
	for _, q := range []string{
		`DELETE FROM directives_fts WHERE rowid IN (SELECT d.rowid FROM directives d JOIN documents x ON d.doc = x.rowid WHERE x.id = ?)`,
		`DELETE FROM documents_fts WHERE rowid IN (SELECT rowid FROM documents WHERE id = ?)`,
		`DELETE FROM targets_fts WHERE rowid IN (SELECT x.rowid FROM documents x WHERE x.id = ? AND EXISTS (SELECT 1 FROM targets t WHERE t.doc = x.rowid))`,
		`DELETE FROM documents WHERE id = ?`,
	} {
		if _, err := w.exec(ctx, q, id); err != nil {
			return err
		}
	}
	return nil
}

// contentHash identifies a document's text and metadata.
func contentHash(d analyze.Document) string {
	h := sha256.New()
	for _, s := range append([]string{d.Title, d.Date, d.Source}, d.Paragraphs...) {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))
}

func writeDoc(ctx context.Context, w *txWriter, d Doc) error {
	a := d.Analysis
	if err := replaceDoc(ctx, w, a.Document.ID); err != nil {
		return err
	}
	paras, err := w.pk.pack(nonNil(a.Document.Paragraphs))
	if err != nil {
		return err
	}
	slim := *a
	slim.Document.Paragraphs = nil // kept once, in their own column
	body, err := w.pk.pack(&slim)
	if err != nil {
		return err
	}
	doc := a.Document
	res, err := w.exec(ctx, `INSERT INTO documents(id, input, path, format, language, title, source, issuer,
		doc_number, date, year, chars, content_hash, version, paragraphs, analysis)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		doc.ID, d.Input, doc.Path, doc.Format, doc.Language, doc.Title, doc.Source, doc.Issuer,
		doc.DocNumber, doc.Date, year(doc.Date), doc.Chars, contentHash(doc), d.Version, paras, body)
	if err != nil {
		return err
	}
	rowid, _ := res.LastInsertId()
	w.fts.docs = append(w.fts.docs, ftsRow{rowid, tokenText(doc.Title), tokenText(strings.Join(doc.Paragraphs, "\n"))})
	for _, step := range []func(context.Context, *txWriter, int64, *analyze.Analysis) error{writeDirectives, writeEntities, writeKeywords, writeTargets} {
		if err := step(ctx, w, rowid, a); err != nil {
			return err
		}
	}
	return nil
}

func writeDirectives(ctx context.Context, w *txWriter, doc int64, a *analyze.Analysis) error {
	for i, d := range a.Directives {
		addr, _ := json.Marshal(nonNil(d.Addressees))
		res, err := w.exec(ctx, `INSERT INTO directives(doc, seq, paragraph, start, end, force, issuer, addressees,
			action, object, deadline, deadline_on, article, text, date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			doc, i, d.Paragraph, d.Start, d.End, d.Force, d.Issuer, string(addr), d.Action, d.Object,
			d.Deadline, d.DeadlineNormalized, d.Article, d.Text, a.Document.Date)
		if err != nil {
			return err
		}
		id, _ := res.LastInsertId()
		w.fts.directives = append(w.fts.directives, ftsRow{rowid: id, body: tokenText(d.Text)})
		for _, name := range d.Addressees {
			if _, err := w.exec(ctx, `INSERT INTO addressees(directive, name) VALUES (?, ?)`, id, name); err != nil {
				return err
			}
		}
	}
	return nil
}

func writeEntities(ctx context.Context, w *txWriter, doc int64, a *analyze.Analysis) error {
	for _, e := range a.Entities {
		norm := e.Normalized
		if norm == "" {
			norm = e.Text
		}
		res, err := w.exec(ctx, `INSERT INTO entities(doc, type, text, normalized, count, date) VALUES (?, ?, ?, ?, ?, ?)`,
			doc, e.Type, e.Text, norm, e.Count, a.Document.Date)
		if err != nil {
			return err
		}
		id, _ := res.LastInsertId()
		seen := map[string]bool{}
		for _, name := range append([]string{norm, e.Text}, e.Aliases...) {
			if name == "" || seen[name] {
				continue
			}
			seen[name] = true
			if _, err := w.exec(ctx, `INSERT INTO entity_names(entity, doc, normalized, name) VALUES (?, ?, ?, ?)`,
				id, doc, norm, name); err != nil {
				return err
			}
		}
	}
	return nil
}

func writeKeywords(ctx context.Context, w *txWriter, doc int64, a *analyze.Analysis) error {
	for _, k := range a.Keywords {
		if _, err := w.exec(ctx, `INSERT INTO keywords(doc, term, score, count) VALUES (?, ?, ?, ?)`,
			doc, k.Term, k.Score, k.Count); err != nil {
			return err
		}
	}
	return nil
}

func writeTargets(ctx context.Context, w *txWriter, doc int64, a *analyze.Analysis) error {
	var texts []string
	for _, t := range a.Targets {
		texts = append(texts, t.Indicator, t.Text)
		if _, err := w.exec(ctx, `INSERT INTO targets(doc, indicator, value, unit, qualifier, year, text, paragraph)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, doc, t.Indicator, t.Value, t.Unit, t.Qualifier, t.Year, t.Text, t.Paragraph); err != nil {
			return err
		}
	}
	if len(texts) > 0 {
		w.fts.targets = append(w.fts.targets, ftsRow{rowid: doc, body: tokenText(strings.Join(texts, "\n"))})
	}
	return nil
}

// year is the year of an RFC 3339 date, or "".
func year(date string) string {
	if len(date) >= 4 && datePrefix.MatchString(date[:4]) {
		return date[:4]
	}
	return ""
}

func nonNil[T any](xs []T) []T {
	if xs == nil {
		return []T{}
	}
	return xs
}

// txWriter runs statements in a transaction, each prepared once: a
// document is hundreds of inserts, and preparing dominated their cost.
// Full-text rows wait in fts until flushFTS.
type txWriter struct {
	tx    *sql.Tx
	stmts map[string]*sql.Stmt
	fts   ftsRows
	pk    *packer
}

func newTxWriter(tx *sql.Tx) *txWriter {
	return &txWriter{tx: tx, stmts: map[string]*sql.Stmt{}, pk: &packer{}}
}

func (w *txWriter) exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	st, err := w.prepared(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(ctx, args...)
}

func (w *txWriter) prepared(ctx context.Context, query string) (*sql.Stmt, error) {
	st, ok := w.stmts[query]
	if !ok {
		var err error
		if st, err = w.tx.PrepareContext(ctx, query); err != nil {
			return nil, err
		}
		w.stmts[query] = st
	}
	return st, nil
}

// queryRow runs a one-row query with a prepared statement.
func (w *txWriter) queryRow(ctx context.Context, query string, args ...any) *sql.Row {
	st, err := w.prepared(ctx, query)
	if err != nil {
		return w.tx.QueryRowContext(ctx, query, args...) // reports the same error
	}
	return st.QueryRowContext(ctx, args...)
}

func (w *txWriter) close() {
	for _, st := range w.stmts {
		st.Close()
	}
}
