// Package entities finds persons with their titles, organizations, laws,
// places, dates, events and policy formulas in a segmented document, by
// lexicons plus rules, and merges mentions into one entity per thing.
// Proper nouns no lexicon or rule finds are classed by a small learned
// model (namemodel.go), retrained by go generate.
package entities

//go:generate go run ./train -labels ../../testdata -out name_model.tsv testdata/ner/peoples-daily-dev.bio testdata/ner/msra-test.bio

// Entity is one distinct named thing of a document.
type Entity struct {
	Type       string    `json:"type"`
	Text       string    `json:"text"`
	Normalized string    `json:"normalized"`
	Titles     []string  `json:"titles"`
	Aliases    []string  `json:"aliases"`
	Count      int       `json:"count"`
	Mentions   []Mention `json:"mentions"`
	Evidence   string    `json:"evidence,omitempty"`
}

// Mention is one occurrence of an entity: rune offsets in a paragraph.
type Mention struct {
	Paragraph int    `json:"paragraph"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
	Surface   string `json:"surface"`
}
