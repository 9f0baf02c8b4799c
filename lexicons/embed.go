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

// The four large files are also strings, which the segmenter and the IDF
// tables search in place: FS.ReadFile copies a file (13 MB at every start,
// about a sixth of the cold start's CPU), a string does not. The linker
// keeps one copy of each file's bytes for both.
var (
	//go:embed dict.zh.txt
	DictZh string
	//go:embed dict.zht.txt
	DictZht string
	//go:embed idf.zh.tsv
	IDFZh string
	//go:embed idf.en.tsv
	IDFEn string
)
