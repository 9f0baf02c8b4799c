package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/policylens/policylens/analyze"
)

// Document returns a stored analysis by document id.
func (s *SQLite) Document(ctx context.Context, id string) (*analyze.Analysis, error) {
	var body, paras []byte
	err := s.db.QueryRowContext(ctx, `SELECT analysis, paragraphs FROM documents WHERE id = ?`, id).Scan(&body, &paras)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("document %q: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("store: document %q: %w", id, err)
	}
	return decode(body, paras)
}

func decode(body, paras []byte) (*analyze.Analysis, error) {
	a := &analyze.Analysis{}
	if err := unpackJSON(body, a); err != nil {
		return nil, fmt.Errorf("store: stored analysis: %w", err)
	}
	if err := unpackJSON(paras, &a.Document.Paragraphs); err != nil {
		return nil, fmt.Errorf("store: stored paragraphs: %w", err)
	}
	return a, nil
}

// Entity lists the documents that mention an entity by any of its names.
func (s *SQLite) Entity(ctx context.Context, name string) (*EntityPage, error) {
	p := &EntityPage{Name: name, Names: []string{}, Documents: []EntityMention{}}
	rows, err := s.db.QueryContext(ctx, `SELECT DISTINCT n.name FROM entity_names n
		WHERE n.normalized IN (SELECT normalized FROM entity_names WHERE name = ?) ORDER BY 1`, name)
	if err != nil {
		return nil, fmt.Errorf("store: entity %q: %w", name, err)
	}
	for rows.Next() {
		var n string
		if rows.Scan(&n) == nil {
			p.Names = append(p.Names, n)
		}
	}
	rows.Close()
	if len(p.Names) == 0 {
		return nil, fmt.Errorf("entity %q: %w", name, ErrNotFound)
	}
	rows, err = s.db.QueryContext(ctx, `SELECT `+docCols+`, e.type, e.text, e.count FROM entities e JOIN documents x ON x.rowid = e.doc
		WHERE e.normalized IN (SELECT normalized FROM entity_names WHERE name = ?) ORDER BY x.date, x.id`, name)
	if err != nil {
		return nil, fmt.Errorf("store: entity %q: %w", name, err)
	}
	defer rows.Close()
	for rows.Next() {
		var m EntityMention
		if err := rows.Scan(&m.Document.ID, &m.Document.Title, &m.Document.Date, &m.Document.Format, &p.Type, &m.Text, &m.Count); err != nil {
			return nil, fmt.Errorf("store: entity %q: %w", name, err)
		}
		p.Documents = append(p.Documents, m)
	}
	return p, rows.Err()
}

// Analyses returns the stored analyses of the documents that match q, in
// date order, at most q.Limit.
func (s *SQLite) Analyses(ctx context.Context, q Query) ([]*analyze.Analysis, error) {
	q.Kind = KindDocuments
	all := q.Limit == 0
	if err := q.Check(); err != nil {
		return nil, err
	}
	if all {
		q.Limit = -1 // SQLite: no limit
	}
	if err := s.resolve(ctx, &q); err != nil {
		return nil, fmt.Errorf("store: analyses: %w", err)
	}
	from, _, w := documentMatches(q)
	rows, err := s.db.QueryContext(ctx, "SELECT x.analysis, x.paragraphs FROM "+from+" WHERE "+w.sql()+
		" ORDER BY x.date, x.id LIMIT ? OFFSET ?", append(w.args, q.Limit, q.Offset)...)
	if err != nil {
		return nil, fmt.Errorf("store: analyses: %w", err)
	}
	defer rows.Close()
	var out []*analyze.Analysis
	for rows.Next() {
		var body, paras []byte
		if err := rows.Scan(&body, &paras); err != nil {
			return nil, fmt.Errorf("store: analyses: %w", err)
		}
		a, err := decode(body, paras)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// Facets count the matches of q by force, issuer, year and document kind
// (its format). Forces and issuers count directives, years and kinds
// count the results of q's kind (documents or directives).
func (s *SQLite) Facets(ctx context.Context, q Query) (*Facets, error) {
	if err := q.Check(); err != nil {
		return nil, err
	}
	if err := s.resolve(ctx, &q); err != nil {
		return nil, fmt.Errorf("store: facets: %w", err)
	}
	from, _, w := directiveMatches(q, true)
	if q.Kind == KindDocuments {
		from, _, w = documentMatches(q)
	}
	f := &Facets{}
	var err error
	dfrom, _, dw := directiveMatches(q, false)
	if f.Force, err = s.counts(ctx, "d.force", dfrom, dw, 10); err != nil {
		return nil, err
	}
	// directives_key lacks the issuer: the issuer facet reads the table
	if f.Issuer, err = s.counts(ctx, "d.issuer", strings.Replace(dfrom, keyIndex(q), "", 1), dw, 10); err != nil {
		return nil, err
	}
	if f.Year, err = s.counts(ctx, "x.year", from, w, 50); err != nil {
		return nil, err
	}
	if f.Format, err = s.counts(ctx, "x.format", from, w, 10); err != nil {
		return nil, err
	}
	sort.Slice(f.Year, func(i, j int) bool { return f.Year[i].Value > f.Year[j].Value })
	return f, nil
}

func (s *SQLite) counts(ctx context.Context, col, from string, w *where, limit int) ([]Count, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT "+col+", count(*) FROM "+from+" WHERE "+w.sql()+" AND "+col+
		" <> '' GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ?", append(w.args, limit)...)
	if err != nil {
		return nil, fmt.Errorf("store: facets: %w", err)
	}
	defer rows.Close()
	out := []Count{}
	for rows.Next() {
		var c Count
		if err := rows.Scan(&c.Value, &c.N); err != nil {
			return nil, fmt.Errorf("store: facets: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// Timeline counts terms per period (year or month) over the dated
// documents that match q's filters. Only documents whose text holds a term
// are read, so a large store costs what the matches cost.
func (s *SQLite) Timeline(ctx context.Context, terms []string, by string, q Query) (*analyze.Timeline, error) {
	q.Text, q.Kind = "", KindDocuments
	if err := q.Check(); err != nil {
		return nil, err
	}
	if err := s.resolve(ctx, &q); err != nil {
		return nil, fmt.Errorf("store: timeline: %w", err)
	}
	width := 4
	if by == "month" {
		width = 7
	}
	tl := &analyze.Timeline{By: by, Terms: terms, Counts: make([][]int, len(terms)), Rates: make([][]float64, len(terms))}
	from, _, w := documentMatches(q)
	rows, err := s.db.QueryContext(ctx, fmt.Sprintf("SELECT substr(x.date, 1, %d), count(*), sum(x.chars) FROM %s WHERE %s AND length(x.date) >= %d GROUP BY 1 ORDER BY 1", width, from, w.sql(), width), w.args...)
	if err != nil {
		return nil, fmt.Errorf("store: timeline: %w", err)
	}
	idx := map[string]int{}
	for rows.Next() {
		var p string
		var n, chars int
		if rows.Scan(&p, &n, &chars) == nil {
			idx[p] = len(tl.Periods)
			tl.Periods, tl.Docs, tl.Chars = append(tl.Periods, p), append(tl.Docs, n), append(tl.Chars, chars)
		}
	}
	rows.Close()
	for i, t := range terms {
		if tl.Counts[i], err = s.termCounts(ctx, t, q, width, idx); err != nil {
			return nil, err
		}
		tl.Rates[i] = make([]float64, len(tl.Periods))
		for k := range tl.Periods {
			if tl.Chars[k] > 0 {
				tl.Rates[i][k] = float64(tl.Counts[i][k]) * 10000 / float64(tl.Chars[k])
			}
		}
	}
	return tl, nil
}

// termCounts counts a term's occurrences per period in the documents that
// contain it (found through the full-text index).
func (s *SQLite) termCounts(ctx context.Context, term string, q Query, width int, idx map[string]int) ([]int, error) {
	counts := make([]int, len(idx))
	q.Text = term
	from, _, w := documentMatches(q)
	rows, err := s.db.QueryContext(ctx, fmt.Sprintf("SELECT substr(x.date, 1, %d), x.title, x.paragraphs FROM %s WHERE %s", width, from, w.sql()), w.args...)
	if err != nil {
		return nil, fmt.Errorf("store: timeline %q: %w", term, err)
	}
	defer rows.Close()
	lower := strings.ToLower(term)
	for rows.Next() {
		var p, title string
		var paras []byte
		if err := rows.Scan(&p, &title, &paras); err != nil {
			return nil, fmt.Errorf("store: timeline %q: %w", term, err)
		}
		k, ok := idx[p]
		if !ok {
			continue
		}
		var ps []string
		if err := unpackJSON(paras, &ps); err != nil {
			return nil, err
		}
		for _, text := range append(ps, title) {
			counts[k] += strings.Count(strings.ToLower(text), lower)
		}
	}
	return counts, rows.Err()
}
