package analyze

import (
	"github.com/policylens/policylens/internal/directives"
	"github.com/policylens/policylens/internal/entities"
	"github.com/policylens/policylens/internal/keywords"
	"github.com/policylens/policylens/internal/targets"
)

// Schema names the JSON contract of an Analysis.
const Schema = "policylens.analysis/v1"

// Analysis is the result for one document (shared/spec/OUTPUT.md).
type Analysis struct {
	Schema     string      `json:"schema"`
	Document   Document    `json:"document"`
	Keywords   []Keyword   `json:"keywords"`
	Entities   []Entity    `json:"entities"`
	Directives []Directive `json:"directives"`
	Targets    []Target    `json:"targets"`

	spill *spill         // paragraphs and directives on disk (WithSpill)
	terms paragraphTerms // content words of the paragraphs (WithParagraphTerms)
}

// Document is the metadata and clean text of a document.
type Document struct {
	ID            string `json:"id"`
	Path          string `json:"path"`
	Format        string `json:"format"`
	Language      string `json:"language"`
	Title         string `json:"title"`
	OriginalTitle string `json:"original_title"`
	Source        string `json:"source"`
	Author        string `json:"author"`
	Editor        string `json:"editor"`
	Date          string `json:"date"`
	DocNumber     string `json:"doc_number"`
	Issuer        string `json:"issuer"`
	// Policy is false for a document that orders nothing (company results,
	// prices, sports): it keeps at most two directives.
	Policy     bool     `json:"policy"`
	Categories []string `json:"categories"`
	Paragraphs []string `json:"paragraphs"`
	Chars      int      `json:"chars"`
	Warnings   []string `json:"warnings,omitempty"` // problems that did not stop the reading (bytes replaced)
}

// The result parts are defined by their extractors; these aliases make
// them part of the public API.
type (
	// Keyword is one key term of a document, best first.
	Keyword = keywords.Keyword
	// Entity is one distinct named thing of a document.
	Entity = entities.Entity
	// Mention is one occurrence of an entity.
	Mention = entities.Mention
	// Directive is one mandated, required, prohibited or encouraged action.
	Directive = directives.Directive
	// Target is a quantified target.
	Target = targets.Target
)

// Forces lists the directive forces, weakest first.
var Forces = directives.Forces
