package directives

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/policylens/policylens/internal/fold"
	"github.com/policylens/policylens/internal/segment"
)

// Candidate is an action clause with what the model sees of it: the
// directive it would give, its features and the rules' verdict. The
// trainer of the model reads them (Candidates).
type Candidate struct {
	Directive Directive
	Features  []string
	Rule      bool
	Sent      int // the first rune of its sentence in its paragraph, for StackFeatures
}

// Candidates returns every action clause of a document with its
// features, whatever the verdict, for training the model; the rules alone
// decide the scope that later clauses inherit.
func Candidates(doc *segment.Doc, rules *Rules, meta Meta) []Candidate {
	noModel := *rules
	noModel.model = nil
	if doc.Lang == "en" {
		e := newEnExtractor(doc, &noModel, meta)
		e.collect = true
		e.run()
		return e.cands
	}
	x := newZhExtractor(doc, &noModel, meta)
	x.collect = true
	x.run()
	return x.cands
}

// features names what the model weighs in an action clause: the rules'
// verdict and the rule that gave it, the document kind and the frame, the
// markers, the words that open and close the clause and their parts of
// speech, the clause's shape, its words and the character pairs it opens
// on. Feature names are plain strings so that the weights file reads as
// data.
func (x *zhExtractor) features(f *featureSet, u unit, hits []hit, st clauseState, why string, rule bool) {
	f.add("bias")
	f.add("rule", strconv.FormatBool(rule))
	f.add("why", why, strconv.FormatBool(rule))
	f.add("kind", x.kind)
	f.add("frame", x.kind, st.fr.kind)
	force, _ := strongest(hits)
	if force == "" && len(st.carried) > 0 {
		force, _ = strongest(st.carried) // the lead-in's or the condition's marker binds this clause
		f.add("carried")
	}
	if force == "" {
		force = "none"
	}
	f.add("force", force)
	f.add("force", force, x.kind)
	for _, h := range hits {
		f.add("marker", fold.String(h.text)) // 鼓勵 weighs as 鼓励: the weights were learned on simplified text
	}
	for _, flag := range []struct {
		name string
		on   bool
	}{
		{"narrative", st.narrative}, {"scope", st.scope}, {"pending", len(st.pending) > 0},
		{"preamble", x.preamble}, {"verb", hasVerb(u)}, {"fact", x.c.isFact(u)}, {"statistic", statistic(u)},
		{"sentence-start", u.span.Start == u.sent.Start},
	} {
		if flag.on {
			f.add(flag.name)
		}
	}
	f.add("len", lengthBucket(len(u.runes)))
	f.add("delim", fmt.Sprintf("%U", u.delim))
	words := contentTokens(f.words[:0], u.toks)
	f.words = words // the next clause's room
	for i, t := range words[:min(2, len(words))] {
		f.addShort(famW0+family(i), t.Text)
		f.addShort(famP0+family(i), t.POS)
	}
	for _, t := range words {
		f.addShort(famBW, t.Text)
	}
	for i := 0; i+1 < len(u.runes) && i < 6; i++ {
		f.addShort(famC2, u.text[runeOffset(u.runes, i):runeOffset(u.runes, i+2)]) // how the clause opens: 一是, 对于, 加快
	}
	if n := len(words); n > 0 {
		f.addShort(famWL, words[n-1].Text)
		f.addShort(famPL, words[n-1].POS)
	}
	for _, t := range words {
		if t.POS == "v" {
			f.addShort(famV0, t.Text) // the first verb: 负责, 设立, 推进
			break
		}
	}
}

// runeOffset is the byte offset of the i-th rune.
func runeOffset(runes []rune, i int) int {
	n := 0
	for _, r := range runes[:i] {
		n += utf8.RuneLen(r)
	}
	return n
}

// featureSet receives a clause's features one at a time: the model adds
// their weights as they come, without a string for each (a name is built
// in a buffer and looked up without a copy on the heap, a short one of a
// hot family not built at all: addShort); the trainer and --explain keep
// the names.
type featureSet struct {
	m      *model
	score  [2]float64 // by stage
	keep   bool
	names  []string
	buf    []byte
	prefix string
	words  []segment.Token // a clause's content words, reused
}

// add names a feature by its parts joined with "="; a name holds no space
// or control character, since the weights file is TSV.
func (f *featureSet) add(parts ...string) {
	f.buf = append(f.buf[:0], f.prefix...)
	for i, p := range parts {
		if i > 0 {
			f.buf = append(f.buf, '=')
		}
		for _, r := range p {
			f.buf = utf8.AppendRune(f.buf, nameRune(r))
		}
	}
	if f.m != nil {
		f.weigh(f.m.weight(string(f.buf)))
	}
	if f.keep {
		f.names = append(f.names, string(f.buf))
	}
}

// addShort adds the feature fam=value; a short value of a hot family is
// weighed by its number (shortTable), without naming it, unless the names
// are kept.
func (f *featureSet) addShort(fam family, value string) {
	if f.keep || f.m == nil || f.m.short == nil || f.prefix != "" {
		f.add(fam.name(), value)
		return
	}
	k, ok := shortKey(fam, value)
	if !ok {
		f.add(fam.name(), value)
		return
	}
	f.weigh(f.m.short.get(k))
}

// weigh adds a feature's weights to the scores, in the order the features
// come (the sums are the same to the last bit whichever way a weight is
// found).
func (f *featureSet) weigh(w [2]float64) {
	f.score[0] += w[0]
	f.score[1] += w[1]
}

// nameRune is a rune as a feature name holds it: a space or control
// character as _.
func nameRune(r rune) rune {
	if unicode.IsSpace(r) || unicode.IsControl(r) {
		return '_'
	}
	return r
}

// featureRoom keeps a featureSet's buffers from one clause to the next.
type featureRoom struct {
	buf   []byte
	words []segment.Token
}

// contentTokens appends to out the tokens that are not punctuation or
// spaces.
func contentTokens(out, toks []segment.Token) []segment.Token {
	for _, t := range toks {
		if t.POS != "w" && strings.TrimSpace(t.Text) != "" {
			out = append(out, t)
		}
	}
	return out
}

func lengthBucket(n int) string {
	switch {
	case n <= 4:
		return "≤4"
	case n <= 8:
		return "≤8"
	case n <= 16:
		return "≤16"
	case n <= 32:
		return "≤32"
	}
	return ">32"
}
