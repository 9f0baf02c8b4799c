// Package segment splits documents into sentences, clauses and tokens with
// rune spans. Chinese is cut with a jieba-style maximum-probability route
// over gse's dictionary (searched in place in the embedded file, so it
// loads in milliseconds) plus the lexicons' terms, with jieba's HMM (gse's
// tables, our Viterbi) for unknown words; English uses prose's tokenizer
// and sentence model.
package segment

//go:generate go run ./gendict
//go:generate go run ./genhmm
//go:generate go test -run EmbeddedTries -update .
//go:generate go test -run EmbeddedTables -update .
