package store

import (
	"context"
	"fmt"
	"strings"
)

// where collects SQL conditions and their arguments.
type where struct {
	conds []string
	args  []any
}

func (w *where) add(cond string, args ...any) {
	w.conds = append(w.conds, cond)
	w.args = append(w.args, args...)
}

func (w *where) sql() string {
	if len(w.conds) == 0 {
		return "1"
	}
	return strings.Join(w.conds, " AND ")
}

// names are the literal names a query's issuer, addressee and entity
// stand for: every name an entity goes by, given any one of them. They
// are looked up in entity_keys (one row per distinct name) before the
// main query, so that it compares plain values its indexes serve instead
// of a subquery over millions of mentions.
type names struct {
	issuers    []string // names sharing a normalized name with Issuer
	addressees []string // likewise for Addressee
	entities   []string // the normalized names Entity stands for
}

// resolve fills in q's names.
func (s *SQLite) resolve(ctx context.Context, q *Query) error {
	n := &names{}
	var err error
	if q.Issuer != "" {
		if n.issuers, err = s.sameAs(ctx, q.Issuer); err != nil {
			return err
		}
	}
	if q.Addressee != "" {
		if n.addressees, err = s.sameAs(ctx, q.Addressee); err != nil {
			return err
		}
	}
	if q.Entity != "" {
		n.entities, err = s.column(ctx, `SELECT normalized FROM entity_keys WHERE name = ? UNION SELECT ?`, q.Entity, q.Entity)
		if err != nil {
			return err
		}
	}
	q.names = n
	return nil
}

// sameAs is the set of names an entity goes by, given any one of them:
// the normalized names that have it as a name, all their names, and the
// name itself.
func (s *SQLite) sameAs(ctx context.Context, name string) ([]string, error) {
	return s.column(ctx, `SELECT name FROM entity_keys WHERE normalized IN (SELECT normalized FROM entity_keys WHERE name = ?)
		UNION SELECT ?`, name, name)
}

// column runs a query of one text column.
func (s *SQLite) column(ctx context.Context, query string, args ...any) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("names: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return nil, fmt.Errorf("names: %w", err)
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// resolved returns q's names; a query that was not resolved stands for
// its literal names only.
func (q Query) resolved() *names {
	if q.names != nil {
		return q.names
	}
	return &names{issuers: nonEmpty(q.Issuer), addressees: nonEmpty(q.Addressee), entities: nonEmpty(q.Entity)}
}

func nonEmpty(s string) []string {
	if s == "" {
		return nil
	}
	return []string{s}
}

// docFilters are the conditions on the document, aliased x; its date and
// rowid are read from the columns named (a directive's copy of the date
// lets its own index serve the filter).
func docFilters(w *where, q Query, date, doc string) {
	if q.From != "" {
		w.add(date+" >= ?", q.From)
	}
	if q.To != "" {
		w.add(date+" < ?", q.To+"~") // '~' sorts after every character of a date
	}
	if q.Year != "" {
		w.add(date+" >= ? AND "+date+" < ?", q.Year, q.Year+"~")
	}
	if q.Format != "" {
		w.add("x.format = ?", q.Format)
	}
	if q.Entity != "" {
		norms := q.resolved().entities
		w.add(doc+" IN (SELECT doc FROM entity_names WHERE normalized IN ("+placeholders(len(norms))+"))", anys(norms)...)
	}
}

// hasDirectiveFilters tells whether q filters on directives.
func (q Query) hasDirectiveFilters() bool {
	return len(q.Force) > 0 || q.Issuer != "" || q.Addressee != "" || q.hasDeadlineFilter()
}

// hasDeadlineFilter tells whether q asks for directives with deadlines.
func (q Query) hasDeadlineFilter() bool { return q.HasDeadline || q.DeadlineBefore != "" }

// directiveFilters are the conditions on the directive, aliased d.
func directiveFilters(w *where, q Query) {
	directiveFiltersBut(w, q, false)
}

// directiveFiltersBut leaves out the issuer condition when asked: a
// query that runs once per issuer name adds its own.
func directiveFiltersBut(w *where, q Query, noIssuer bool) {
	if len(q.Force) > 0 {
		w.add("d.force IN ("+placeholders(len(q.Force))+")", anys(q.Force)...)
	}
	if q.Issuer != "" && !noIssuer {
		is := q.resolved().issuers
		w.add("d.issuer IN ("+placeholders(len(is))+")", anys(is)...)
	}
	if q.Addressee != "" {
		as := q.resolved().addressees
		w.add("d.rowid IN (SELECT directive FROM addressees WHERE name IN ("+placeholders(len(as))+"))", anys(as)...)
	}
	// d.deadline <> '' lets the partial index of deadlines serve both
	if q.hasDeadlineFilter() {
		w.add("d.deadline <> ''")
	}
	if q.DeadlineBefore != "" {
		w.add("d.deadline_on > '' AND d.deadline_on <= ?", q.DeadlineBefore+"~")
	}
}

func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?,", n), ",")
}

func anys(xs []string) []any {
	out := make([]any, len(xs))
	for i, x := range xs {
		out[i] = x
	}
	return out
}
