package store

import (
	"context"
	"database/sql"
	"errors"
	"slices"
)

// rankWindow bounds the cost of ranking a common term. FTS5 scores every
// match before it can keep the best ones, and a word such as "shall"
// matches hundreds of thousands of directives in a large store. When more
// than rankWindow rows match the text, BM25 ranks only the rankWindow
// matches indexed last (the highest rowids, which FTS5 reaches in rowid
// order without scoring the rest); the count still covers every match.
// A page the window cannot fill (other filters leave too few, or the page
// lies beyond it) is ranked over all matches.
const rankWindow = 2000

// (SQLite.window holds it, so that a test can make it small.)

// inWindow runs page, which returns how many results it read, over the
// last rankWindow matches of a common text first, and over all matches
// when that page comes out short.
func (s *SQLite) inWindow(ctx context.Context, table string, q Query, w *where, page func(w *where) (int, error)) error {
	if m := matchExpr(q.Text); m != "" {
		start, err := s.windowStart(ctx, table, m)
		if err != nil {
			return err
		}
		if start > 0 {
			bounded := &where{conds: append(slices.Clone(w.conds), "f.rowid >= ?"), args: append(slices.Clone(w.args), start)}
			n, err := page(bounded)
			if err != nil || n == q.Limit {
				return err
			}
		}
	}
	_, err := page(w)
	return err
}

// windowStart returns the lowest rowid of the last rankWindow rows of an
// FTS table that match m, or 0 when no more than rankWindow match.
func (s *SQLite) windowStart(ctx context.Context, table, m string) (int64, error) {
	var rowid int64
	err := s.db.QueryRowContext(ctx, "SELECT rowid FROM "+table+" WHERE "+table+" MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?",
		m, s.window).Scan(&rowid)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	// the row just past the window: the window is the rowids above it
	return rowid + 1, err
}
