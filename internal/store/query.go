package store

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// Kinds of search result.
const (
	KindDocuments  = "documents"
	KindDirectives = "directives"
	KindEntities   = "entities"
	KindTargets    = "targets"
)

// Kinds lists what Query.Kind accepts.
var Kinds = []string{KindDocuments, KindDirectives, KindEntities, KindTargets}

// Query is a search: text and filters, all combinable.
type Query struct {
	Text           string   `json:"text,omitempty"`
	Kind           string   `json:"kind"`
	Force          []string `json:"force,omitempty"`
	Issuer         string   `json:"issuer,omitempty"`
	Addressee      string   `json:"addressee,omitempty"`
	Entity         string   `json:"entity,omitempty"`
	From           string   `json:"from,omitempty"` // 2020, 2020-06 or 2020-06-01, inclusive
	To             string   `json:"to,omitempty"`   // inclusive: 2025 is up to the end of 2025
	HasDeadline    bool     `json:"has_deadline,omitempty"`
	DeadlineBefore string   `json:"deadline_before,omitempty"` // YYYY-MM-DD, inclusive
	Year           string   `json:"year,omitempty"`            // a facet picked: one year
	Format         string   `json:"format,omitempty"`          // a facet picked: the document kind
	Limit          int      `json:"limit"`
	Offset         int      `json:"offset"`

	names *names // set by SQLite.resolve
}

var datePrefix = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?)?$`)

// Check validates a query and fills in defaults; its error says what is
// wrong in words a user can act on.
func (q *Query) Check() error {
	if q.Kind == "" {
		q.Kind = q.defaultKind()
	}
	if !slices.Contains(Kinds, q.Kind) {
		return fmt.Errorf("kind %q: want one of %s", q.Kind, strings.Join(Kinds, ", "))
	}
	for _, f := range q.Force {
		if !slices.Contains([]string{"encourage", "should", "must", "prohibit"}, f) {
			return fmt.Errorf("force %q: want encourage, should, must or prohibit", f)
		}
	}
	for name, v := range map[string]string{"from": q.From, "to": q.To, "deadline before": q.DeadlineBefore, "year": q.Year} {
		if v != "" && !datePrefix.MatchString(v) {
			return fmt.Errorf("%s %q: want a date as 2020, 2020-06 or 2020-06-01", name, v)
		}
	}
	if q.Limit <= 0 {
		q.Limit = 20
	}
	if q.Limit > 1000 {
		return fmt.Errorf("limit %d: at most 1000", q.Limit)
	}
	if q.Offset < 0 {
		return fmt.Errorf("offset %d: must not be negative", q.Offset)
	}
	return nil
}

// defaultKind is directives when a directive filter is given, else documents.
func (q *Query) defaultKind() string {
	if len(q.Force) > 0 || q.Issuer != "" || q.Addressee != "" || q.HasDeadline || q.DeadlineBefore != "" {
		return KindDirectives
	}
	return KindDocuments
}

// Page is one page of search results.
type Page struct {
	Query   Query `json:"query"`
	Total   int   `json:"total"`
	More    bool  `json:"more,omitempty"` // more than Total: counting stopped there
	Results []Hit `json:"results"`
}

// Hit is one search result. Which fields are set depends on the kind.
type Hit struct {
	Kind     string  `json:"kind"`
	Document DocRef  `json:"document"`
	Score    float64 `json:"score"`             // BM25, lower is better (0 without text)
	Snippet  string  `json:"snippet,omitempty"` // matches between « and »

	Paragraph  int      `json:"paragraph,omitempty"`
	Force      string   `json:"force,omitempty"`
	Issuer     string   `json:"issuer,omitempty"`
	Addressees []string `json:"addressees,omitempty"`
	Action     string   `json:"action,omitempty"`
	Object     string   `json:"object,omitempty"`
	Deadline   string   `json:"deadline,omitempty"`
	DeadlineOn string   `json:"deadline_normalized,omitempty"`
	Article    string   `json:"article,omitempty"`
	Text       string   `json:"text,omitempty"`

	EntityType string `json:"entity_type,omitempty"`
	Normalized string `json:"normalized,omitempty"`
	Count      int    `json:"count,omitempty"`

	Indicator string `json:"indicator,omitempty"`
	Value     string `json:"value,omitempty"`
	Unit      string `json:"unit,omitempty"`
	Qualifier string `json:"qualifier,omitempty"`
}

// DocRef names a document in results.
type DocRef struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Date   string `json:"date"`
	Format string `json:"format"`
}

// Facets count the matches of a query by force, issuer, year and kind.
type Facets struct {
	Force  []Count `json:"force"`
	Issuer []Count `json:"issuer"`
	Year   []Count `json:"year"`
	Format []Count `json:"format"`
}

// Count is one facet value and how many matches have it.
type Count struct {
	Value string `json:"value"`
	N     int    `json:"n"`
}

// EntityPage is every document that mentions an entity.
type EntityPage struct {
	Name      string          `json:"name"`
	Names     []string        `json:"names"` // normalized names, aliases and surfaces that matched
	Type      string          `json:"type"`
	Documents []EntityMention `json:"documents"`
}

// EntityMention is one document's mentions of an entity.
type EntityMention struct {
	Document DocRef `json:"document"`
	Text     string `json:"text"`
	Count    int    `json:"count"`
}
