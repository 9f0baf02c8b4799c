package entities

import (
	_ "embed"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/policylens/policylens/internal/lexicon"
	"github.com/policylens/policylens/internal/segment"
)

// NameModelFile is the embedded weights file of the name model, written by
// `go generate ./internal/entities` from public NER data (testdata/ner) and
// the train split of the labelled corpus. Its rows are CLASS|feature TAB
// weight, and _-rows that hold the model's settings.
const NameModelFile = "name_model.tsv"

//go:embed name_model.tsv
var nameModelText string

// NameClasses are the classes the name model tells apart; O is no name.
var NameClasses = []string{"PER", "ORG", "LOC", "O"}

const (
	// marginKey prefixes the least margin over the next best class that
	// each kind of candidate needs (_margin|PER); below it the model abstains.
	marginKey = "_margin|"
	// abbrKey prefixes the characters that stand for a place on their own
	// in the training data (中, 美, 俄): the candidates of AbbrFeatures.
	abbrKey = "_abbr|"
	// orgEndKey prefixes the characters that end names of bodies in the
	// training data (队, 委, 党): they end the candidates of OrgSpans.
	orgEndKey = "_orgend|"
	// translitKey prefixes the characters of transliterated names in the
	// training data (斯, 尔, 克): a cut name runs on over them.
	translitKey = "_translit|"
)

// nameModel is a multiclass linear model: the class with the highest sum
// of its features' weights wins.
type nameModel struct {
	w        map[string][4]float64 // feature → weight per class of NameClasses
	settings map[string]float64    // the _-rows
	// the characters of the _abbr|, _orgend| and _translit| rows set above
	// 0, by prefix: they are asked of every character of a text, where a
	// string made and hashed for each cost as much as the model's features
	marks map[string]*markSet
	// the features of a prefix and one or two characters, by runeKey
	rw *runeTable
	// the features of a prefix and a word, tag or number, by prefix
	t *featTables
}

var (
	nameModelOnce sync.Once
	nameModelVal  *nameModel
)

// loadNameModel reads the embedded weights once; a missing or empty file
// leaves the rules alone.
func loadNameModel() *nameModel {
	nameModelOnce.Do(func() {
		rows, err := lexicon.ParseWeightsText(nameModelText, NameModelFile)
		if err == nil && len(rows) > 0 {
			nameModelVal = newNameModel(rows)
		}
	})
	return nameModelVal
}

func newNameModel(rows map[string]float64) *nameModel {
	m := &nameModel{w: map[string][4]float64{}, settings: map[string]float64{}, marks: map[string]*markSet{}}
	for _, prefix := range []string{abbrKey, orgEndKey, translitKey} {
		m.marks[prefix] = &markSet{rest: map[rune]bool{}}
	}
	for k, v := range rows {
		if strings.HasPrefix(k, "_") {
			m.settings[k] = v
			m.addMark(k, v)
			continue
		}
		cls, feat, _ := strings.Cut(k, "|")
		for i, c := range NameClasses {
			if c == cls {
				ws := m.w[feat]
				ws[i] = v
				m.w[feat] = ws
			}
		}
	}
	m.rw = newRuneTable(fileRuneFeats(m.w))
	m.t = fileFeatTables(m.w)
	return m
}

// addMark files a setting row of one character under a prefix of marks
// (_abbr|中), when its value is above 0.
func (m *nameModel) addMark(k string, v float64) {
	i := strings.Index(k, "|")
	set := m.marks[k[:i+1]]
	if set == nil || v <= 0 {
		return
	}
	r, size := utf8.DecodeRuneInString(k[i+1:])
	if size > 0 && i+1+size == len(k) && (r != utf8.RuneError || size == 3) {
		set.add(r) // one valid character: the only rows has could read
	}
}

// has reports a setting row (_abbr|中) of the model.
func (m *nameModel) has(prefix string, r rune) bool {
	if set, ok := m.marks[prefix]; ok {
		return marked(set, r)
	}
	var b [16]byte
	return m.settings[string(utf8.AppendRune(append(b[:0], prefix...), r))] > 0
}

// marksOf is has for one prefix of marks, looked up once.
func (m *nameModel) marksOf(prefix string) func(rune) bool {
	set := m.marks[prefix]
	return func(r rune) bool { return marked(set, r) }
}

// marked is has of a set of marks: a rune that is no character reads as
// U+FFFD, the character utf8.AppendRune writes for it.
func marked(set *markSet, r rune) bool {
	if !utf8.ValidRune(r) {
		r = utf8.RuneError
	}
	if uint32(r) <= 0xFFFF {
		return set.bmp[r>>6]&(1<<(r&63)) != 0
	}
	return set.rest[r]
}

// markSet holds the characters of one prefix of marks: a bitmap of the
// Basic Multilingual Plane, where a map probe for every character of a
// text cost more than the tests it guards, and a map beyond it.
type markSet struct {
	bmp  [1 << 16 / 64]uint64
	rest map[rune]bool
}

func (s *markSet) add(r rune) {
	if uint32(r) <= 0xFFFF {
		s.bmp[r>>6] |= 1 << (r & 63)
		return
	}
	s.rest[r] = true
}

// Features receives the features of one candidate. The trainer keeps them
// (List); the extractor adds up their weights as they come, without
// building a string for each.
type Features struct {
	List  []string // training: every feature
	buf   []byte
	model *nameModel
	sum   [4]float64
}

// Reset empties the features for the next candidate.
func (f *Features) Reset() {
	f.List, f.sum = f.List[:0], [4]float64{}
}

// add takes one feature written as the concatenation of its parts.
func (f *Features) add(parts ...string) {
	f.buf = f.buf[:0]
	for _, p := range parts {
		f.buf = append(f.buf, p...)
	}
	f.take()
}

// addRunes takes a feature written as a prefix and characters; the
// extractor finds one or two characters by their runeKey.
func (f *Features) addRunes(k runeFeat, rs ...rune) {
	if f.model != nil && (len(rs) == 1 || len(rs) == 2) {
		r2 := rune(-1) // none
		if len(rs) == 2 {
			r2 = spelledRune(rs[1])
		}
		if ws := f.model.rw.get(runeKey(k, rs[0], r2)); ws != nil {
			f.sumOf(ws)
		}
		return
	}
	f.buf = append(f.buf[:0], runeFeatNames[k]...)
	for _, r := range rs {
		f.buf = utf8.AppendRune(f.buf, r)
	}
	f.take()
}

// addPrev takes the character before position start (^ at the start of the
// paragraph), addNext the one at end ($ at its end): what borders a span.
func (f *Features) addPrev(k runeFeat, rs []rune, start int) {
	if start > 0 {
		f.addRunes(k, rs[start-1])
	} else {
		f.addEdge(k, false)
	}
}

func (f *Features) addNext(k runeFeat, rs []rune, end int) {
	if end < len(rs) {
		f.addRunes(k, rs[end])
	} else {
		f.addEdge(k, true)
	}
}

func (f *Features) take() {
	if f.model == nil {
		f.List = append(f.List, string(f.buf))
		return
	}
	if ws, ok := f.model.w[string(f.buf)]; ok {
		for i := range ws {
			f.sum[i] += ws[i]
		}
	}
}

// best returns the best class of the features added and its margin over
// the next best.
func (f *Features) best() (string, float64) {
	b, second := 0, -1
	for i := 1; i < len(f.sum); i++ {
		switch {
		case f.sum[i] > f.sum[b]:
			b, second = i, b
		case second < 0 || f.sum[i] > f.sum[second]:
			second = i
		}
	}
	return NameClasses[b], f.sum[b] - f.sum[second]
}

func itoa(n int) string { return strconv.Itoa(n) } // 0–99 without allocating

// NameCandidate reports whether token k is one the name model decides on:
// a word the dictionary tags as a name, place, body or other proper noun,
// an abbreviation, or an unknown Han word.
func NameCandidate(p *segment.Paragraph, k int) bool {
	t := p.Tokens[k]
	n := t.End - t.Start
	switch t.POS { // the tag first: it rules out most words at once
	case "nr", "nrt", "nrfg", "nt", "nz", "ns", "j":
		// single characters too: 俄, 韩 as places
	case "x":
		if n < 2 {
			return false
		}
	default:
		return false
	}
	return n <= 10 && allHan(p.Runes[t.Start:t.End])
}

// NameFeatures adds the features of candidate token k: its part of speech,
// length, first and last characters, whether it starts with a surname and
// how common its given part is, and the words and characters around it.
// The trainer and the extractor share this one function.
func NameFeatures(f *Features, p *segment.Paragraph, k int, lex *lexicon.Set) {
	t := p.Tokens[k]
	rs := p.Runes[t.Start:t.End]
	n := len(rs)
	f.addOf(sBias, 0)
	f.addStr(sPos, t.POS)
	f.addNum(sLen, min(n, 6))
	f.addStr(sW, t.Text)
	f.addRunes(fC0, rs[0])
	f.addRunes(fCl, rs[n-1])
	f.addStrNum(sPosLen, t.POS, min(n, 6))
	sl := surnameLength(rs, lex.Surnames)
	f.addStrNum(sSur, surSlash[sl], n-sl)
	f.addOf(sIDF, idfLevel(lex, t.Text))
	if sl > 0 {
		for _, r := range rs[sl:] {
			f.addRunes(fG, r)
		}
		f.addOf(sGIDF, idfLevel(lex, t.Text[byteLen(rs[:sl]):]))
	}
	if n > 1 {
		f.addRunes(fSuf2, rs[n-2:]...)
	}
	pw, pp, nw, np := "<none>", "<none>", "<none>", "<none>"
	if k > 0 {
		pw, pp = p.Tokens[k-1].Text, p.Tokens[k-1].POS
	}
	if k+1 < len(p.Tokens) {
		nw, np = p.Tokens[k+1].Text, p.Tokens[k+1].POS
	}
	f.addStr(sPW, pw)
	f.addStr(sNW, nw)
	f.addStr(sPP, pp)
	f.addStr(sNP, np)
	f.addPrev(fPc, p.Runes, t.Start)
	f.addNext(fNc, p.Runes, t.End)
}

// surSlash spells a surname's length and the slash of the sur= feature.
var surSlash = [3]string{"0/", "1/", "2/"}

// byteLen is the UTF-8 length of runes.
func byteLen(rs []rune) int {
	n := 0
	for _, r := range rs {
		n += utf8.RuneLen(r)
	}
	return n
}

// entityType names a model class as an entity type ("" for O).
func entityType(cls string) string {
	switch cls {
	case "PER":
		return "person"
	case "ORG":
		return "organization"
	case "LOC":
		return "location"
	}
	return ""
}

// surnameLength is the rune length of the surname a word of two or more
// characters starts with (2 for 欧阳), or 0.
func surnameLength(rs []rune, surnames map[string]bool) int {
	switch {
	case len(rs) >= 3 && surnames[string(rs[:2])]:
		return 2
	case len(rs) >= 2 && surnames[string(rs[:1])]:
		return 1
	}
	return 0
}

// idfNames are the buckets of idfLevel.
var idfNames = []string{"none", "lt4", "lt6", "lt8", "ge8"}

// idfLevel says how common a word is in policy text, as an index of
// idfNames: a given name that is an ordinary word (高水平, 养老金) is
// rarely a name.
func idfLevel(lex *lexicon.Set, w string) int {
	if lex.IDF == nil {
		return 0
	}
	v, ok := lex.IDF.Get(w)
	switch {
	case !ok:
		return 0
	case v < 4:
		return 1
	case v < 6:
		return 2
	case v < 8:
		return 3
	}
	return 4
}

// modelNames adds what the name model finds and no rule did: proper nouns
// classed as persons, bodies or places, names the segmenter cut apart,
// one-character places and bodies written as several words. Its mentions
// have the lowest priority: a rule's mention of the same span wins, and a
// longer one too.
func (x *extractor) modelNames(p *segment.Paragraph, pi int, spans []lexSpan) {
	m := loadNameModel()
	if m == nil {
		return
	}
	f := &x.feats
	f.model = m
	for k, t := range p.Tokens {
		if !NameCandidate(p, k) {
			continue
		}
		if _, known := x.lex.Surface.Get(t.Text); known {
			continue // a lexicon entry: the rules took or rejected it
		}
		f.Reset()
		NameFeatures(f, p, k, x.lex)
		cls, margin := f.best()
		typ := entityType(cls)
		if typ == "" || margin < m.settings[marginKey+cls] || typ == "person" && x.notNameWord(t) {
			continue // 左权县, 张女士: the rules' tests of a plain name hold here too
		}
		key, surface, norm := t.Text, t.Text, ""
		var titles []string
		switch {
		case typ == "person":
			key = x.trimName(p, t) // 易纲称 is 易纲
			surface = key
			titles = x.nameTitles(p, t.Start, t.Start+utf8.RuneCountInString(key), spans) // 教导员卡腾, 卡腾教导员
		case typ == "location" && t.End-t.Start == 1:
			var ok bool
			if key, ok = x.placeOf(t.Text, margin, m); !ok {
				continue
			}
			norm = key
		}
		x.c.add(mention{typ: typ, key: key, norm: norm, surface: surface, para: pi, start: t.Start, end: t.Start + utf8.RuneCountInString(surface),
			titles: titles, evidence: "model:name " + cls})
	}
	x.modelSpans(p, pi, m, spans)
	x.modelAbbrs(p, pi, m)
	x.modelOrgs(p, pi, m)
}
