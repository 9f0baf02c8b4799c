package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
)

// Search runs a query and returns one page of results, best first: by
// BM25 when there is text to match, else newest first.
func (s *SQLite) Search(ctx context.Context, q Query) (*Page, error) {
	if err := q.Check(); err != nil {
		return nil, err
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
	page, err := s.count(ctx, from, w)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, "SELECT "+docCols+", "+score+", x.paragraphs FROM "+from+" WHERE "+w.sql()+
		orderBy(score, "x.date DESC, x.rowid DESC")+" LIMIT ? OFFSET ?", append(w.args, q.Limit, q.Offset)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	terms := searchTerms(q.Text)
	for rows.Next() {
		h := Hit{Kind: KindDocuments}
		var paras []byte
		if err := rows.Scan(&h.Document.ID, &h.Document.Title, &h.Document.Date, &h.Document.Format, &h.Score, &paras); err != nil {
			return nil, err
		}
		var ps []string
		if err := unpackJSON(paras, &ps); err != nil {
			return nil, err
		}
		h.Snippet, h.Paragraph = snippetOf(ps, terms)
		page.Results = append(page.Results, h)
	}
	return page, rows.Err()
}

// directiveMatches is the FROM and WHERE of a directives query.
func directiveMatches(q Query) (from, score string, w *where) {
	w = &where{}
	from, score = "directives d JOIN documents x ON x.rowid = d.doc", "0"
	if m := matchExpr(q.Text); m != "" {
		from = "directives_fts f JOIN directives d ON d.rowid = f.rowid JOIN documents x ON x.rowid = d.doc"
		score = "bm25(directives_fts)"
		w.add("directives_fts MATCH ?", m)
	}
	docFilters(w, q, "d.date", "d.doc")
	directiveFilters(w, q)
	return from, score, w
}

func (s *SQLite) searchDirectives(ctx context.Context, q Query) (*Page, error) {
	from, score, w := directiveMatches(q)
	page, err := s.count(ctx, from, w)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, "SELECT "+docCols+", "+score+`, d.paragraph, d.force, d.issuer, d.addressees, d.action,
		d.object, d.deadline, d.deadline_on, d.article, d.text FROM `+from+" WHERE "+w.sql()+
		orderBy(score, "d.date DESC, d.rowid DESC")+" LIMIT ? OFFSET ?", append(w.args, q.Limit, q.Offset)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	terms := searchTerms(q.Text)
	for rows.Next() {
		h, err := scanDirective(rows, terms)
		if err != nil {
			return nil, err
		}
		page.Results = append(page.Results, h)
	}
	return page, rows.Err()
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

func (s *SQLite) searchEntities(ctx context.Context, q Query) (*Page, error) {
	w := &where{}
	if q.Text != "" {
		w.add("e.rowid IN (SELECT entity FROM entity_names WHERE name LIKE ? ESCAPE '\\')", "%"+likeEscape(q.Text)+"%")
	}
	docFilters(w, q, "x.date", "x.rowid")
	group := " FROM entities e JOIN documents x ON x.rowid = e.doc WHERE " + w.sql() + " GROUP BY e.type, e.normalized"
	page := &Page{}
	if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM (SELECT 1"+group+")", w.args...).Scan(&page.Total); err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, "SELECT e.type, e.normalized, count(DISTINCT x.rowid), max(x.date)"+group+
		" ORDER BY 3 DESC, 2 LIMIT ? OFFSET ?", append(w.args, q.Limit, q.Offset)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		h := Hit{Kind: KindEntities}
		if err := rows.Scan(&h.EntityType, &h.Normalized, &h.Count, &h.Document.Date); err != nil {
			return nil, err
		}
		h.Text = h.Normalized
		page.Results = append(page.Results, h)
	}
	return page, rows.Err()
}

func (s *SQLite) searchTargets(ctx context.Context, q Query) (*Page, error) {
	w := &where{}
	if q.Text != "" {
		like := "%" + likeEscape(q.Text) + "%"
		w.add("(t.indicator LIKE ? ESCAPE '\\' OR t.text LIKE ? ESCAPE '\\')", like, like)
	}
	docFilters(w, q, "x.date", "x.rowid")
	from := " FROM targets t JOIN documents x ON x.rowid = t.doc WHERE " + w.sql()
	page, err := s.count(ctx, "targets t JOIN documents x ON x.rowid = t.doc", w)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, "SELECT "+docCols+", t.indicator, t.value, t.unit, t.qualifier, t.text, t.paragraph"+from+
		" ORDER BY x.date DESC, x.id, t.rowid LIMIT ? OFFSET ?", append(w.args, q.Limit, q.Offset)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		h := Hit{Kind: KindTargets}
		if err := rows.Scan(&h.Document.ID, &h.Document.Title, &h.Document.Date, &h.Document.Format,
			&h.Indicator, &h.Value, &h.Unit, &h.Qualifier, &h.Text, &h.Paragraph); err != nil {
			return nil, err
		}
		page.Results = append(page.Results, h)
	}
	return page, rows.Err()
}

// maxCount is where counting stops: a total above it is shown as more.
const maxCount = 10000

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

// orderBy ranks by score when there is one, else by the given order
// (newest first), which an index can give without sorting every match.
func orderBy(score, order string) string {
	if score == "0" {
		return " ORDER BY " + order
	}
	return " ORDER BY 5, " + order
}
