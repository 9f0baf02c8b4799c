// Package keywords ranks the key terms of a segmented document: TF-IDF
// with an IDF built from policy text, combined with TextRank over the same
// candidates (content words and merged phrases).
package keywords

// Keyword is one key term, best first.
type Keyword struct {
	Term  string  `json:"term"`
	Score float64 `json:"score"`
	Count int     `json:"count"`
}
