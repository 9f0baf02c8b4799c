package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// Search runs a query and returns one page of results, best first: by
// BM25 when there is text to match, else newest first (nearest deadline
// first when the query asks for deadlines).
func (s *SQLite) Search(ctx context.Context, q Query) (*Page, error) {
	if err := q.Check(); err != nil {
		return nil, err
	}
	if err := s.resolve(ctx, &q); err != nil {
		return nil, fmt.Errorf("store: search: %w", err)
	}
	var page *Page
	var err error
	switch q.Kind {
	case KindDocuments:
		page, err = s.searchDocuments(ctx, q)
	case KindDirectives:
		page, err = s.searchDirectives(ctx, q)
	case KindEntities:
		page, err = s.searchEntities(ctx, q)
	default:
		page, err = s.searchTargets(ctx, q)
	}
	if err != nil {
		return nil, fmt.Errorf("store: search: %w", err)
	}
	page.Query = q
	if page.Results == nil {
		page.Results = []Hit{}
	}
	return page, nil
}

// documentMatches is the FROM and WHERE of a documents query; score is
// the BM25 expression (title counts three times the body).
func documentMatches(q Query) (from, score string, w *where) {
	w = &where{}
	from, score = "documents x", "0"
	if m := matchExpr(q.Text); m != "" {
		from = "documents_fts f JOIN documents x ON x.rowid = f.rowid"
		score = "bm25(documents_fts, 3.0, 1.0)"
		w.add("documents_fts MATCH ?", m)
	}
	docFilters(w, q, "x.date", "x.rowid")
	if q.hasDirectiveFilters() {
		dw := &where{}
		directiveFilters(dw, q)
		w.add("x.rowid IN (SELECT d.doc FROM directives d WHERE "+dw.sql()+")", dw.args...)
	}
	return from, score, w
}

const docCols = "x.id, x.title, x.date, x.format"

func (s *SQLite) searchDocuments(ctx context.Context, q Query) (*Page, error) {
	from, score, w := documentMatches(q)
	page, err := s.countText(ctx, "documents_fts", q, from, w)
	if err != nil {
		return nil, err
	}
	textOnly := score != "0" && len(w.conds) == 1
	var rowids []int64
	err = s.inWindow(ctx, "documents_fts", q, w, func(w *where) (int, error) {
		page.Results, rowids = nil, nil
		// the text is read for the page's documents only: a sort that
		// carried every match's text would cost what the matches weigh
		order, cols, join := "x.date DESC, x.rowid DESC", docCols+", p.sc, x.rowid", "JOIN documents x ON x.rowid = p.k"
		query, args := keyed("x.rowid", score, from, w, order, q, cols, join)
		if textOnly {
			query, args = topKeyed("documents_fts", "documents x", score, w, order, q, cols, join)
		}
		rows, err := s.db.QueryContext(ctx, query, args...)
		if err != nil {
			return 0, err
		}
		defer rows.Close()
		for rows.Next() {
			h := Hit{Kind: KindDocuments}
			var rowid int64
			if err := rows.Scan(&h.Document.ID, &h.Document.Title, &h.Document.Date, &h.Document.Format, &h.Score, &rowid); err != nil {
				return 0, err
			}
			page.Results, rowids = append(page.Results, h), append(rowids, rowid)
		}
		return len(page.Results), rows.Err()
	})
	if err != nil {
		return nil, err
	}
	return page, s.snippets(ctx, page.Results, rowids, searchTerms(q.Text))
}

// snippets sets each document hit's snippet and paragraph from its text.
func (s *SQLite) snippets(ctx context.Context, hits []Hit, rowids []int64, terms []string) error {
	for i := range hits {
		var paras []byte
		if err := s.db.QueryRowContext(ctx, `SELECT paragraphs FROM documents WHERE rowid = ?`, rowids[i]).Scan(&paras); err != nil {
			return err
		}
		var err error
		if hits[i].Snippet, hits[i].Paragraph, err = packedSnippet(paras, terms); err != nil {
			return err
		}
	}
	return nil
}

// directiveMatches is the FROM and WHERE of a directives query; the
// documents (aliased x) are joined when withDocs or a filter needs them.
func directiveMatches(q Query, withDocs bool) (from, score string, w *where) {
	w = &where{}
	from, score = "directives d", "0"
	if m := matchExpr(q.Text); m != "" {
		from = "directives_fts f JOIN directives d" + keyIndex(q) + " ON d.rowid = f.rowid"
		score = "bm25(directives_fts)"
		w.add("directives_fts MATCH ?", m)
	}
	if withDocs || q.Format != "" {
		from += " JOIN documents x ON x.rowid = d.doc"
	}
	docFilters(w, q, "d.date", "d.doc")
	directiveFilters(w, q)
	return from, score, w
}

// keyIndex names directives_key for the join of full-text matches to
// their directives when it holds every column q's filters and order read
// (force, date, doc): SQLite would otherwise read each directive from the
// table by rowid, as it does not weigh how much smaller the index is.
func keyIndex(q Query) string {
	if q.Issuer != "" || q.hasDeadlineFilter() {
		return ""
	}
	return " INDEXED BY directives_key"
}

// directiveOrder is the order of directives without text: newest first,
// or, when the query asks for deadlines, latest deadline first, which the
// (deadline_on, date) index gives without sorting.
func directiveOrder(q Query) string {
	if q.hasDeadlineFilter() {
		return "d.deadline_on DESC, d.date DESC, d.rowid DESC"
	}
	return "d.date DESC, d.rowid DESC"
}

// directiveCols are the columns of a directive hit, in scanDirective's order.
func directiveCols(score string) []string {
	return []string{"x.id", "x.title", "x.date", "x.format", score, "d.paragraph", "d.force", "d.issuer", "d.addressees",
		"d.action", "d.object", "d.deadline", "d.deadline_on", "d.article", "d.text"}
}

func (s *SQLite) searchDirectives(ctx context.Context, q Query) (*Page, error) {
	from, score, w := directiveMatches(q, false)
	page, err := s.countText(ctx, "directives_fts", q, from, w)
	if err != nil {
		return nil, err
	}
	terms := searchTerms(q.Text)
	textOnly := score != "0" && len(w.conds) == 1
	err = s.inWindow(ctx, "directives_fts", q, w, func(w *where) (int, error) {
		page.Results = nil
		cols, join := strings.Join(directiveCols("p.sc"), ", "), "JOIN directives d ON d.rowid = p.k JOIN documents x ON x.rowid = d.doc"
		query, args := keyed("d.rowid", score, from, w, directiveOrder(q), q, cols, join)
		if textOnly {
			query, args = topKeyed("directives_fts", "directives d", score, w, directiveOrder(q), q, cols, join)
		}
		if score == "0" && len(q.resolved().issuers) > 1 && !q.hasDeadlineFilter() {
			withDocs, _, _ := directiveMatches(q, true)
			query, args = perIssuer(q, withDocs)
		}
		rows, err := s.db.QueryContext(ctx, query, args...)
		if err != nil {
			return 0, err
		}
		defer rows.Close()
		for rows.Next() {
			h, err := scanDirective(rows, terms)
			if err != nil {
				return 0, err
			}
			page.Results = append(page.Results, h)
		}
		return len(page.Results), rows.Err()
	})
	return page, err
}

// perIssuer is the page query of an issuer who goes by several names,
// without text: one branch per name, each walking the (issuer, date)
// index newest first and stopping at the end of the page, then merged.
// One IN over the names would sort every match.
func perIssuer(q Query, from string) (string, []any) {
	w := &where{}
	docFilters(w, q, "d.date", "d.doc")
	directiveFiltersBut(w, q, true)
	cols := directiveCols("0")
	var outer []string
	for i := range cols {
		cols[i] += fmt.Sprintf(" AS c%d", i)
		outer = append(outer, fmt.Sprintf("c%d", i))
	}
	var branches []string
	var args []any
	for _, name := range q.resolved().issuers {
		branches = append(branches, "SELECT * FROM (SELECT "+strings.Join(cols, ", ")+", d.date AS o1, d.rowid AS o2 FROM "+from+
			" WHERE d.issuer = ? AND "+w.sql()+" ORDER BY d.date DESC, d.rowid DESC LIMIT ?)")
		args = append(append(append(args, name), w.args...), q.Offset+q.Limit)
	}
	return "SELECT " + strings.Join(outer, ", ") + " FROM (" + strings.Join(branches, " UNION ALL ") +
		") ORDER BY o1 DESC, o2 DESC LIMIT ? OFFSET ?", append(args, q.Limit, q.Offset)
}

func scanDirective(rows *sql.Rows, terms []string) (Hit, error) {
	h := Hit{Kind: KindDirectives}
	var addr string
	err := rows.Scan(&h.Document.ID, &h.Document.Title, &h.Document.Date, &h.Document.Format, &h.Score,
		&h.Paragraph, &h.Force, &h.Issuer, &addr, &h.Action, &h.Object, &h.Deadline, &h.DeadlineOn, &h.Article, &h.Text)
	if err != nil {
		return h, err
	}
	json.Unmarshal([]byte(addr), &h.Addressees)
	h.Snippet = mark(h.Text, terms)
	return h, nil
}

// maxCount is where counting stops: a total above it is shown as more.
const maxCount = 10000

// countText counts the matches of a query. When the text is its only
// condition, every full-text match is a result, and the full-text index
// alone counts them without reading a row.
func (s *SQLite) countText(ctx context.Context, table string, q Query, from string, w *where) (*Page, error) {
	if m := matchExpr(q.Text); m != "" && len(w.conds) == 1 {
		return s.count(ctx, table, &where{conds: []string{table + " MATCH ?"}, args: []any{m}})
	}
	return s.count(ctx, from, w)
}

// count counts the matches, up to maxCount.
func (s *SQLite) count(ctx context.Context, from string, w *where) (*Page, error) {
	page := &Page{}
	err := s.db.QueryRowContext(ctx, fmt.Sprintf("SELECT count(*) FROM (SELECT 1 FROM %s WHERE %s LIMIT %d)", from, w.sql(), maxCount+1),
		w.args...).Scan(&page.Total)
	if page.Total > maxCount {
		page.Total, page.More = maxCount, true
	}
	return page, err
}

// keyed is the page query of a search: the matches are sorted by score
// (when there is text), then order, carrying only each row's key (k) and
// score (sc); the columns shown (cols, from the tables join adds to p)
// are read for the page's rows alone. A sort that carried every match's
// text cost five times the ranking itself.
func keyed(key, score, from string, w *where, order string, q Query, cols, join string) (string, []any) {
	rank := order
	if score != "0" {
		rank = "sc, " + order
	}
	inner := "SELECT " + key + " AS k, " + score + " AS sc FROM " + from + " WHERE " + w.sql() + " ORDER BY " + rank + " LIMIT ? OFFSET ?"
	return "SELECT " + cols + " FROM (" + inner + ") p " + join + " ORDER BY p.sc, " + order,
		append(slices.Clone(w.args), q.Limit, q.Offset)
}

// topKeyed is keyed for a query whose only conditions are on the
// full-text table (its text and the ranking window). The scores come
// from the full-text index alone, and the table (with its alias) is read
// only for the rows whose score can reach the page: those up to the
// offset+limit-th best score, ties included, whose order the table's
// columns decide. keyed would read every match's row to sort it: 2,000
// reads spread over a large table for a common word, most of a query's
// time when they are not cached.
func topKeyed(fts, table, score string, w *where, order string, q Query, cols, join string) (string, []any) {
	alias := table[strings.LastIndexByte(table, ' ')+1:]
	inner := "WITH r AS MATERIALIZED (SELECT f.rowid AS k, " + score + " AS sc FROM " + fts + " f WHERE " + w.sql() + ") " +
		"SELECT r.k AS k, r.sc AS sc FROM r JOIN " + table + " ON " + alias + ".rowid = r.k " +
		"WHERE r.sc <= (SELECT max(sc) FROM (SELECT sc FROM r ORDER BY sc LIMIT ?)) ORDER BY r.sc, " + order + " LIMIT ? OFFSET ?"
	return "SELECT " + cols + " FROM (" + inner + ") p " + join + " ORDER BY p.sc, " + order,
		append(slices.Clone(w.args), q.Offset+q.Limit, q.Limit, q.Offset)
}
