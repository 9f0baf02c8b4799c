package analyze

// ComparisonSchema names the JSON contract of a comparison.
const ComparisonSchema = "policylens.compare/v1"

// Comparison is the comparison of document A (before) with B (after),
// the JSON contract policylens.compare/v1.
type Comparison struct {
	Schema     string            `json:"schema"`
	A          DocRef            `json:"a"`
	B          DocRef            `json:"b"`
	Summary    map[string]int    `json:"summary"`
	Directives []DirectiveChange `json:"directives"`
	Targets    []TargetChange    `json:"targets"`
	Keywords   Keyness           `json:"keywords"`
	Entities   EntityChanges     `json:"entities"`
	NewTerms   []string          `json:"new_terms"`
}

// DocRef names a compared document.
type DocRef struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Date  string `json:"date"`
	// A period (compare --by) names its label and every document in it.
	Period    string   `json:"period,omitempty"`
	Documents []DocRef `json:"documents,omitempty"`
}

// DirectiveChange is one directive of A, of B, or a pair of both.
type DirectiveChange struct {
	Status            string     `json:"status"`
	Score             float64    `json:"score"`
	A                 *Directive `json:"a"`
	B                 *Directive `json:"b"`
	ForceChange       string     `json:"force_change"` // "should → must"
	DeadlineChanged   bool       `json:"deadline_changed"`
	AddresseesChanged bool       `json:"addressees_changed"`
	ADocument         string     `json:"a_document,omitempty"` // id of A's document (periods hold several)
	BDocument         string     `json:"b_document,omitempty"`
}

// TargetChange is a target matched by indicator.
type TargetChange struct {
	Status    string  `json:"status"` // kept, changed, new, dropped
	Indicator string  `json:"indicator"`
	A         *Target `json:"a"`
	B         *Target `json:"b"`
}

// Keyness lists the terms most over- and under-used in B against A, by
// log-likelihood (G²).
type Keyness struct {
	Over  []KeyTerm `json:"over"`
	Under []KeyTerm `json:"under"`
}

// KeyTerm is a term with its counts and log-likelihood.
type KeyTerm struct {
	Term string  `json:"term"`
	A    int     `json:"a"`
	B    int     `json:"b"`
	G2   float64 `json:"g2"`
	// Rates per 10,000 content words of A and of B.
	RateA float64 `json:"rate_a"`
	RateB float64 `json:"rate_b"`
}

// EntityChanges lists the entities (type:text) found in only one document.
type EntityChanges struct {
	Added   []string `json:"added"`
	Removed []string `json:"removed"`
}

// Timeline counts terms per period (year or month) of a corpus: how often
// each term is written, and per 10,000 characters of text.
type Timeline struct {
	By      string      `json:"by"`
	Terms   []string    `json:"terms"`
	Periods []string    `json:"periods"`
	Docs    []int       `json:"documents"` // per period
	Chars   []int       `json:"chars"`     // per period
	Counts  [][]int     `json:"counts"`    // [term][period]
	Rates   [][]float64 `json:"rates"`     // [term][period], per 10,000 characters
}

// Hit is one occurrence of a term, with its context (keyword in context).
type Hit struct {
	Document  string `json:"document"`
	Date      string `json:"date"`
	Paragraph int    `json:"paragraph"`
	Left      string `json:"left"`
	Term      string `json:"term"`
	Right     string `json:"right"`
}

// Matrix shows which directives appear in which documents: directives of
// consecutive documents are chained by their alignment, so one row follows
// a directive through its rewordings.
type Matrix struct {
	Docs      []DocRef
	Rows      []MatrixRow
	Recurring int // rows present in two documents or more, before the cut to Rows
}

// MatrixRow is one directive followed through the documents; Cells hold
// its force in each document ("" where it is absent).
type MatrixRow struct {
	Text  string
	Cells []string
}
