package store

import (
	"context"
	"errors"

	"github.com/policylens/policylens/analyze"
)

// ErrNotFound is returned for a document or entity the store does not hold.
var ErrNotFound = errors.New("not found")

// Store is a corpus store: what index writes and what search, the corpus
// commands and the workbench read.
type Store interface {
	Indexer
	Reader
	Close() error
}

// Indexer writes analyses. An input (a file or a JSONL corpus) is
// complete once FinishInput has recorded it; until then a new run takes
// it up again, so an interrupted index loses nothing.
type Indexer interface {
	// InputDone tells whether in was indexed completely with the same
	// content hash and analyzer version.
	InputDone(ctx context.Context, in Input) (bool, error)
	// Write stores documents in one transaction, replacing any with the
	// same id.
	Write(ctx context.Context, docs []Doc) error
	// FinishInput marks in complete and removes its documents whose ids
	// are not in keep (records gone from a changed file).
	FinishInput(ctx context.Context, in Input, keep []string) error
}

// Reader answers queries.
type Reader interface {
	Search(ctx context.Context, q Query) (*Page, error)
	Facets(ctx context.Context, q Query) (*Facets, error)
	// Document returns a stored analysis by document id.
	Document(ctx context.Context, id string) (*analyze.Analysis, error)
	// Entity lists the documents that mention an entity, by any of its
	// names, in date order.
	Entity(ctx context.Context, name string) (*EntityPage, error)
	// Analyses returns the stored analyses of the documents that match q
	// (its text and filters), in date order, at most q.Limit of them (all
	// when q.Limit is 0).
	Analyses(ctx context.Context, q Query) ([]*analyze.Analysis, error)
	// Timeline counts terms per period over the documents that match q's
	// filters.
	Timeline(ctx context.Context, terms []string, by string, q Query) (*analyze.Timeline, error)
	Stats(ctx context.Context) (Stats, error)
}

// Input is one input file as index saw it.
type Input struct {
	Path    string
	Hash    string // of the file's bytes
	Version string // of the analyzer
}

// Doc is one analyzed document to store.
type Doc struct {
	Input    string // path of the input file it came from
	Version  string // of the analyzer
	Analysis *analyze.Analysis
}

// Stats counts what the store holds.
type Stats struct {
	Documents  int `json:"documents"`
	Directives int `json:"directives"`
	Entities   int `json:"entities"`
	Inputs     int `json:"inputs"`
}
