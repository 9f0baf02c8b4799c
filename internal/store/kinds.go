package store

import (
	"context"
	"unicode/utf8"
)

// hasDocFilters tells whether q filters on the documents themselves.
func (q Query) hasDocFilters() bool {
	return q.From != "" || q.To != "" || q.Year != "" || q.Format != "" || q.Entity != ""
}

// searchEntities finds the entities one of whose names contains the text,
// most mentioned first. An entity found by any of its names counts every
// document that mentions it. Without document filters the counts come
// from entity_groups, one row per entity; with them, from the mentions in
// the documents that pass.
func (s *SQLite) searchEntities(ctx context.Context, q Query) (*Page, error) {
	w := &where{}
	named := func(col string) {
		if q.Text != "" {
			w.add(col+" IN (SELECT normalized FROM entity_keys WHERE name LIKE ? ESCAPE '\\')", "%"+likeEscape(q.Text)+"%")
		}
	}
	var from, cols string
	if q.hasDocFilters() {
		named("e.normalized")
		docFilters(w, q, "x.date", "x.rowid")
		from = " FROM entities e JOIN documents x ON x.rowid = e.doc WHERE " + w.sql() + " GROUP BY e.type, e.normalized"
		cols = "e.type, e.normalized, count(DISTINCT x.rowid), max(x.date)"
	} else {
		named("normalized")
		from, cols = " FROM entity_groups WHERE "+w.sql(), "type, normalized, docs, last"
	}
	page := &Page{}
	if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM (SELECT 1"+from+")", w.args...).Scan(&page.Total); err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, "SELECT "+cols+from+" ORDER BY 3 DESC, 2, 1 LIMIT ? OFFSET ?", append(w.args, q.Limit, q.Offset)...)
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

// searchTargets finds the targets whose indicator or text contains the
// text, newest first. A Chinese text of two characters or more is first
// looked up in targets_fts, which narrows the documents to read to those
// whose targets hold all its character pairs in a row; LIKE then decides.
func (s *SQLite) searchTargets(ctx context.Context, q Query) (*Page, error) {
	w := &where{}
	if q.Text != "" {
		if cjkTerm(q.Text) {
			w.add("t.doc IN (SELECT rowid FROM targets_fts WHERE targets_fts MATCH ?)", matchExpr(q.Text))
		}
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

// cjkTerm tells whether s is two or more Chinese (CJK) characters and
// nothing else: then every text that contains it holds its character
// pairs in a row in the full-text index.
func cjkTerm(s string) bool {
	for _, r := range s {
		if !isCJK(r) {
			return false
		}
	}
	return utf8.RuneCountInString(s) >= 2
}
