package directives

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/policylens/policylens/internal/fold"
	"github.com/policylens/policylens/internal/segment"
	"github.com/policylens/policylens/internal/utf8fast"
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
func (x *zhExtractor) features(f *featureSet, u unit, hits []hit, st clauseState, v verdict, ct *clauseTests) {
	f.addFew("bias")
	f.addFew("rule", strconv.FormatBool(v.rule))
	f.addFew("why", v.why, strconv.FormatBool(v.rule))
	f.addFew("kind", x.kind)
	f.addFew("frame", x.kind, st.fr.kind)
	force, _ := strongest(hits)
	if force == "" && len(st.carried) > 0 {
		force, _ = strongest(st.carried) // the lead-in's or the condition's marker binds this clause
		f.addFew("carried")
	}
	if force == "" {
		force = "none"
	}
	f.addFew("force", force)
	f.addFew("force", force, x.kind)
	for _, h := range hits {
		f.addFew("marker", fold.String(h.text)) // 鼓勵 weighs as 鼓励: the weights were learned on simplified text
	}
	for _, flag := range []struct {
		name string
		on   bool
	}{
		{"narrative", st.narrative}, {"scope", st.scope}, {"pending", len(st.pending) > 0},
		{"preamble", v.preamble}, {"verb", ct.hasVerb()}, {"fact", ct.isFact()}, {"statistic", ct.statistic()},
		{"sentence-start", u.span.Start == u.sent.Start},
	} {
		if flag.on {
			f.addFew(flag.name)
		}
	}
	f.addFew("len", lengthBucket(len(u.runes)))
	f.addFew("delim", unicodeName(u.delim))
	words := contentTokens(f.words[:0], u.toks)
	f.words = words // the next clause's room
	for i, t := range words[:min(2, len(words))] {
		f.addShort(famW0+family(i), t.Text)
		f.addShort(famP0+family(i), t.POS)
	}
	for _, t := range words {
		f.addShort(famBW, t.Text)
	}
	for i, b := 0, 0; i+1 < len(u.runes) && i < 6; i++ {
		// runeOffset(u.runes, i) and (…, i+2), summed as the loop goes
		next := b + utf8.RuneLen(u.runes[i])
		f.addShort(famC2, u.text[b:next+utf8.RuneLen(u.runes[i+1])]) // how the clause opens: 一是, 对于, 加快
		b = next
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

// unicodeName is fmt.Sprintf("%U", r) for a rune that is no negative
// number: U+ and at least four upper-case hexadecimal digits.
func unicodeName(r rune) string {
	if r < 0 {
		return fmt.Sprintf("%U", r)
	}
	const hex = "0123456789ABCDEF"
	var b [12]byte
	i := len(b)
	for v := uint32(r); v > 0 || i > len(b)-4; v >>= 4 {
		i--
		b[i] = hex[v&0xf]
	}
	i -= 2
	b[i], b[i+1] = 'U', '+'
	return string(b[i:])
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
	words  []segment.Token       // a clause's content words, reused
	memo   map[string][2]float64 // addFew's weights by name, for a document
}

// add names a feature by its parts joined with "="; a name holds no space
// or control character, since the weights file is TSV.
func (f *featureSet) add(parts ...string) {
	f.name(parts)
	if f.m != nil {
		f.weigh(f.m.weight(string(f.buf)))
	}
	if f.keep {
		f.names = append(f.names, string(f.buf))
	}
}

// addFew is add for a feature whose names come from a small set (the
// verdict, the kind, the frame, the force, the flags, a marker …): their
// weights are remembered by name for the document, in a map of a few
// hundred entries that stays in the cache, where the model's map of 15,000
// missed it. The weights are the same, added in the same order.
func (f *featureSet) addFew(parts ...string) {
	if f.memo == nil {
		f.add(parts...)
		return
	}
	f.name(parts)
	w, ok := f.memo[string(f.buf)]
	if !ok {
		w = f.m.weight(string(f.buf))
		if len(f.memo) < maxMemo {
			f.memo[string(f.buf)] = w
		}
	}
	f.weigh(w)
	if f.keep { // --explain: the name too, the weight still from the memo
		f.names = append(f.names, string(f.buf))
	}
}

// maxMemo bounds a document's memo of feature weights (addFew).
const maxMemo = 4096

// name writes a feature's name into f.buf: its parts joined with "=".
func (f *featureSet) name(parts []string) {
	f.buf = append(f.buf[:0], f.prefix...)
	for i, p := range parts {
		if i > 0 {
			f.buf = append(f.buf, '=')
		}
		if plainName(p) {
			f.buf = append(f.buf, p...) // nothing to replace: copied as it is
			continue
		}
		for _, r := range p {
			f.buf = utf8.AppendRune(f.buf, nameRune(r))
		}
	}
}

// plainName reports a valid UTF-8 string in which nameRune changes
// nothing: no space, no control character. Runes past ASCII are tested
// only in the ranges that hold spaces and controls (U+0080–U+00A0,
// U+1680, U+2000–U+205F, U+3000), so that a Chinese word is copied
// without asking unicode for each of its characters.
func plainName(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c <= ' ' || c == 0x7f {
				return false
			}
			i++
			continue
		}
		// E4–E9 and two continuation bytes: a valid character of
		// U+4000–U+9FFF (most of a Chinese text), no space or control
		if c >= 0xe4 && c <= 0xe9 && i+2 < len(s) && s[i+1]&0xc0 == 0x80 && s[i+2]&0xc0 == 0x80 {
			i += 3
			continue
		}
		// another character of three bytes (the full-width punctuation
		// and quotation marks of a Chinese text) read from its bytes, not
		// by the decoder's slow path
		r, n := utf8fast.DecodeRune(s[i:])
		if r == utf8.RuneError && n == 1 {
			return false // an invalid byte is written as U+FFFD
		}
		if r <= 0xa0 || r == 0x1680 || r >= 0x2000 && r <= 0x205f || r == 0x3000 {
			if nameRune(r) != r {
				return false
			}
		}
		i += n
	}
	return true
}

// addShort adds the feature fam=value; a short value of a hot family is
// weighed by its number (shortTable), without naming it, unless the names
// are kept.
func (f *featureSet) addShort(fam family, value string) {
	if f.m == nil || f.m.short == nil || f.prefix != "" {
		f.add(fam.name(), value)
		return
	}
	k, ok := shortKey(fam, value)
	if !ok {
		// none or more than two runes, which the name keeps (nameRune
		// maps a rune to one): the model's modelShortKey would find no
		// number for it either, so its map is asked at once
		f.name([]string{fam.name(), value})
		f.weigh(f.m.w[string(f.buf)])
	} else {
		f.weigh(f.m.short.get(k))
		if !f.keep {
			return
		}
		f.name([]string{fam.name(), value})
	}
	if f.keep { // --explain and the trainer: the name as well
		f.names = append(f.names, string(f.buf))
	}
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
	if r > ' ' && r < 0x7f || r > 0x3000 {
		return r // printable ASCII, or past U+3000, the last space: no table to ask
	}
	if unicode.IsSpace(r) || unicode.IsControl(r) {
		return '_'
	}
	return r
}

// featureRoom keeps a featureSet's buffers from one clause to the next.
type featureRoom struct {
	buf   []byte
	words []segment.Token
	memo  map[string][2]float64
}

// contentTokens appends to out the tokens that are not punctuation or
// spaces.
func contentTokens(out, toks []segment.Token) []segment.Token {
	for _, t := range toks {
		if t.POS != "w" && !blank(t.Text) {
			out = append(out, t)
		}
	}
	return out
}

// blank is strings.TrimSpace(s) == "" without the trim for a word whose
// first byte already tells: ASCII other than a space, or the lead byte of
// a character from U+4000 on (every Unicode space is below U+3001).
func blank(s string) bool {
	if s != "" {
		if c := s[0]; c < utf8.RuneSelf && asciiSpace[c] == 0 || c >= 0xe4 {
			return false
		}
	}
	return strings.TrimSpace(s) == ""
}

// asciiSpace marks the ASCII bytes unicode.IsSpace reports.
var asciiSpace = [utf8.RuneSelf]uint8{'\t': 1, '\n': 1, '\v': 1, '\f': 1, '\r': 1, ' ': 1}

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
