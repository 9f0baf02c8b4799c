package store

import "strings"

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

// sameAs is the set of names an entity goes by, given any one of them:
// the normalized names that have it as a name, and all their names.
const sameAs = `(SELECT name FROM entity_names WHERE normalized IN (SELECT normalized FROM entity_names WHERE name = ?) UNION SELECT ?)`

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
		w.add(doc+` IN (SELECT doc FROM entity_names WHERE normalized IN (SELECT normalized FROM entity_names WHERE name = ?) OR normalized = ?)`, q.Entity, q.Entity)
	}
}

// hasDirectiveFilters tells whether q filters on directives.
func (q Query) hasDirectiveFilters() bool {
	return len(q.Force) > 0 || q.Issuer != "" || q.Addressee != "" || q.HasDeadline || q.DeadlineBefore != ""
}

// directiveFilters are the conditions on the directive, aliased d.
func directiveFilters(w *where, q Query) {
	if len(q.Force) > 0 {
		w.add("d.force IN ("+placeholders(len(q.Force))+")", anys(q.Force)...)
	}
	if q.Issuer != "" {
		w.add("d.issuer IN "+sameAs, q.Issuer, q.Issuer)
	}
	if q.Addressee != "" {
		w.add("d.rowid IN (SELECT directive FROM addressees WHERE name IN "+sameAs+")", q.Addressee, q.Addressee)
	}
	if q.HasDeadline {
		w.add("d.deadline <> ''")
	}
	if q.DeadlineBefore != "" {
		w.add("d.deadline_on <> '' AND d.deadline_on <= ?", q.DeadlineBefore+"~")
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
