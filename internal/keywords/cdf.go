package keywords

import (
	_ "embed"
	"fmt"
	"strconv"
	"strings"
	"sync"
)

// CandidateDFFile is the embedded table of how many documents of the
// reference corpus each keyword candidate is a candidate of (gencdf).
const CandidateDFFile = "candidate_df.tsv"

// DocsRow is the table's row that holds the number of documents counted.
const DocsRow = "#docs"

//go:embed candidate_df.tsv
var candidateDFData string

// candidateDF is the parsed table.
type candidateDF struct {
	df map[string]map[string]int // language → candidate → documents
	n  map[string]int            // language → documents counted
}

// parseCandidateDF reads the table: language TAB candidate TAB documents.
func parseCandidateDF(data string) (*candidateDF, error) {
	c := &candidateDF{df: map[string]map[string]int{}, n: map[string]int{}}
	for i, line := range strings.Split(data, "\n") {
		if line == "" || strings.HasPrefix(line, "# ") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			return nil, fmt.Errorf("%s:%d: want 3 fields", CandidateDFFile, i+1)
		}
		v, err := strconv.Atoi(f[2])
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", CandidateDFFile, i+1, err)
		}
		if f[1] == DocsRow {
			c.n[f[0]] = v
			continue
		}
		if c.df[f[0]] == nil {
			c.df[f[0]] = map[string]int{}
		}
		c.df[f[0]][f[1]] = v
	}
	return c, nil
}

// builtinCDF parses the embedded table once, on first use (or in the
// background from Preload), not at package start: every command linked
// it, and parsing took 13 ms and 30,000 allocations before main, alone on
// one core. It is generated data, so a parse error is a build defect
// caught by the tests, and the ranker then goes without the feature.
var builtinCDF = sync.OnceValues(func() (*candidateDF, error) {
	return parseCandidateDF(candidateDFData)
})

// Preload parses the candidate table in the background, so that at
// start-up it overlaps with compiling the lexicons.
func Preload() { go builtinCDF() }
