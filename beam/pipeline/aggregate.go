package pipeline

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/policylens/policylens/analyze"
)

// The aggregates, each written to a file of its own.
const (
	KindKeyword   = "keywords"   // keyword counts by period
	KindDirective = "directives" // directive counts by issuer × force × period
	KindEntity    = "entities"   // document frequencies of entities
)

// sep joins the parts of an aggregate's key; it cannot occur in JSON text
// the extractors produce from a document's words.
const sep = "\x1f"

// Undated is the period of a document without a date.
const Undated = "undated"

// Period is a document's year ("2021") or month ("2021-09") by its date,
// as `policylens trends --by` labels it, or Undated.
func Period(d analyze.Document, by string) string {
	switch {
	case by == "month" && len(d.Date) >= 7:
		return d.Date[:7]
	case by == "year" && len(d.Date) >= 4:
		return d.Date[:4]
	}
	return Undated
}

// aggregates emits a document's contributions to the counts, keyed by
// kind and fields: each keyword's count in the document, one per
// directive, one per distinct entity.
func aggregates(a *analyze.Analysis, by string, emit func(string, int)) {
	period := Period(a.Document, by)
	for _, k := range a.Keywords {
		emit(key(KindKeyword, period, k.Term), k.Count)
	}
	for _, d := range a.Directives {
		emit(key(KindDirective, d.Issuer, d.Force, period), 1)
	}
	seen := map[string]bool{}
	for _, e := range a.Entities {
		k := key(KindEntity, e.Type, e.Text)
		if !seen[k] {
			seen[k] = true
			emit(k, 1)
		}
	}
}

func key(parts ...string) string { return strings.Join(parts, sep) }

// KeywordRow is a line of keywords.jsonl: the summed counts of a term in
// the documents of a period that have it among their keywords.
type KeywordRow struct {
	Period string `json:"period"`
	Term   string `json:"term"`
	Count  int    `json:"count"`
}

// DirectiveRow is a line of directives.jsonl.
type DirectiveRow struct {
	Issuer string `json:"issuer"`
	Force  string `json:"force"`
	Period string `json:"period"`
	Count  int    `json:"count"`
}

// EntityRow is a line of entities.jsonl: in how many documents an entity occurs.
type EntityRow struct {
	Type      string `json:"type"`
	Text      string `json:"text"`
	Documents int    `json:"documents"`
}

// FailedRow is a line of failed.jsonl, the dead-letter output: an input
// (FILE, or FILE:LINE for a JSONL record) and why it could not be analyzed.
type FailedRow struct {
	Input string `json:"input"`
	Error string `json:"error"`
}

// rowOf turns a summed key into its file and JSON line.
func rowOf(k string, n int) (file, line string, err error) {
	p := strings.Split(k, sep)
	var r any
	switch {
	case p[0] == KindKeyword && len(p) == 3:
		r = KeywordRow{Period: p[1], Term: p[2], Count: n}
	case p[0] == KindDirective && len(p) == 4:
		r = DirectiveRow{Issuer: p[1], Force: p[2], Period: p[3], Count: n}
	case p[0] == KindEntity && len(p) == 3:
		r = EntityRow{Type: p[1], Text: p[2], Documents: n}
	default:
		return "", "", fmt.Errorf("aggregate key %q: unknown kind", k)
	}
	line, err = marshal(r)
	return p[0] + ".jsonl", line, err
}

// marshal encodes one JSON line without HTML escaping, as the reports do.
func marshal(v any) (string, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	err := enc.Encode(v)
	return strings.TrimSuffix(buf.String(), "\n"), err
}
