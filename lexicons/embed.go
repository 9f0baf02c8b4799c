// Package lexicons holds the data files of policylens: lexicons of
// organizations, places, laws, titles, policy formulas, directive markers,
// the segmentation dictionary and the IDF tables. README.md documents each
// file; internal/lexicon parses and compiles them.
package lexicons

import "embed"

// FS holds every data file of this folder.
//
//go:embed *.tsv *.txt
var FS embed.FS
