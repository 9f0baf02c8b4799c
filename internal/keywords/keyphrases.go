package keywords

import (
	_ "embed"
	"fmt"
	"strconv"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/policylens/policylens/internal/utf8fast"
)

// KeyphrasesFile is the embedded table of the analysts' keywords that two
// train documents or more name (normalized, as the scorer compares them),
// with how many name each; `go run ./train` writes it from the train split
// of testdata/labels only.
const KeyphrasesFile = "keyphrases.tsv"

//go:embed keyphrases.tsv
var keyphrasesData string

// Keyphrases tells how many train documents' analysts name a term (its
// NormTerm form) as one of their first ten keywords.
type Keyphrases func(normTerm string) int

// KeyphraseMin is how many train documents must name a term for it to be
// shortlisted as a keyphrase.
const KeyphraseMin = 2

// keyphraseExtra is how many keyphrases below the shortlist join it.
const keyphraseExtra = 10

// ParseKeyphrases reads the table: term TAB documents, # comments.
func ParseKeyphrases(data string) (map[string]int, error) {
	out := map[string]int{}
	for i, line := range strings.Split(data, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		t, v, ok := strings.Cut(line, "\t")
		n, err := strconv.Atoi(v)
		if !ok || err != nil {
			return nil, fmt.Errorf("%s line %d: want term TAB documents", KeyphrasesFile, i+1)
		}
		out[t] = n
	}
	return out, nil
}

// builtinKeyphrases is the embedded table, parsed once at package start
// (generated data: a parse error is a build defect the tests catch, and
// no keyphrase is then shortlisted).
var builtinKeyphrases, builtinKeyphrasesErr = ParseKeyphrases(keyphrasesData)

// builtinKP is Keyphrases of the embedded table.
func builtinKP(t string) int { return builtinKeyphrases[t] }

// punctuation is what the scorer (score.py, labels.Norm) strips before it
// compares a keyword with the analysts'.
const punctuation = "，。；：、！？“”‘’《》〈〉（）()「」『』【】,.;:!?\"' \u3000\t\r\n·—-…"

// NormTerm is a term as the scorer compares it: NFKC, lower case, without
// punctuation and spaces (labels.Norm, which this package may not import:
// it imports the entities).
func NormTerm(s string) string {
	if utf8fast.AllIdeographs(s) {
		return s // no case, punctuation or decomposition: normal already, without asking norm
	}
	if norm.NFKC.IsNormalString(s) && !strings.ContainsAny(s, punctuation) && strings.ToLower(s) == s {
		return s // most Chinese terms: no copy (a work report checks 700 of them)
	}
	s = norm.NFKC.String(s)
	var b strings.Builder
	for _, r := range s {
		if !strings.ContainsRune(punctuation, r) {
			b.WriteRune(r)
		}
	}
	return strings.ToLower(b.String())
}

// keyphrasesBeyond is up to keyphraseExtra candidates below the shortlist
// that KeyphraseMin train documents or more name as a keyword, best first
// by TF-IDF and TextRank. A work report states the year's formulas
// (扩大内需, 积极的财政政策, 三农, 对外开放) once or twice among a thousand
// candidates, so the shortlist of 60 leaves them out, while the analysts
// of other years' reports named them: KEA's keyphraseness, here used to
// choose what the ranker sees (cross-validated on train: 2,102 → 2,121
// gold keywords of 2,628, work reports 190 → 203 of 290; as a feature of
// every candidate it gave less, 2,112, as in the fifth session).
func keyphrasesBeyond(kp Keyphrases, best []Keyword, combined map[string]float64, counts map[string]int) []Keyword {
	if kp == nil {
		return nil
	}
	in := make(map[string]bool, len(best))
	for _, b := range best {
		in[b.Term] = true
	}
	rest := map[string]float64{}
	for t, v := range combined {
		if !in[t] && kp(NormTerm(t)) >= KeyphraseMin {
			rest[t] = v
		}
	}
	if len(rest) == 0 {
		return nil
	}
	return Top(rest, counts, keyphraseExtra)
}
