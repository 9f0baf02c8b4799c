// Package lexicon parses, validates and compiles the lexicon files of
// package lexicons once, adds the files of a user's own folder, and offers
// the compiled forms (maps and a longest-match trie) to the extractors.
package lexicon

// The IDF table is also stored parsed (idftable.go), rewritten after the
// IDF file changes (go generate ./internal/keywords writes it):
//
//go:generate go test -run EmbeddedIDFTable -update .
