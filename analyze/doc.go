// Package analyze is the public API of policylens: an Analyzer parses,
// segments and extracts keywords, entities, directives and targets from
// policy documents, one at a time or as an ordered concurrent batch. Its
// result type, Analysis, is the JSON contract `policylens.analysis/v1`.
package analyze
