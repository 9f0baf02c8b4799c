package segment

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/policylens/policylens/internal/lexicon"
)

// dict is a segmentation dictionary: gse's word list searched in place in
// the embedded file, plus an overlay of the lexicons' terms.
type dict struct {
	base    *lexicon.Index
	logFreq []float32 // per base value
	pos     []uint8   // per base value: an index into tags
	tags    []string  // the POS tags (a few dozen)
	overlay *lexicon.Index
	ovFreq  []float32
	ovPOS   []uint8 // per overlay value: an index into tags
	logTot  float64
	maxLen  int // longest word in runes
	// also is searched after base: the traditional dictionary lists only
	// the words whose characters differ, so it leans on the simplified one
	// for the rest (工作, 人民).
	also *dict
}

// parseDict reads a `word<TAB>freq<TAB>pos` file sorted bytewise. Words are
// kept as spans of the file and tags as small numbers: nothing per line
// that the garbage collector would have to scan. trie is the words' trie
// as stored by TestEmbeddedTries; where it does not fit (or is ""), the
// trie is built, which costs a start-up about a third more.
func parseDict(data, trie string) (*dict, error) {
	d, span, err := parseRows(data)
	if err != nil {
		return nil, err
	}
	d.index(data, span, trie)
	return d, nil
}

// parseRows reads the word list's lines into a dict without its indexes,
// and the words' spans.
func parseRows(data string) (*dict, []uint32, error) {
	n := strings.Count(data, "\n") + 1
	span := make([]uint32, 0, 2*n)
	d := &dict{logFreq: make([]float32, 0, n), pos: make([]uint8, 0, n)}
	tagOf := d.tagger()
	total := 0.0
	prev := ""
	err := lexicon.DataLinesAt(data, func(at int, line string) error {
		word, rest, ok := strings.Cut(line, "\t")
		if !ok {
			return fmt.Errorf("dictionary line %q: want word, freq and pos", line)
		}
		fs, pos, _ := strings.Cut(rest, "\t")
		freq, err := parseFreq(fs)
		if err != nil {
			return fmt.Errorf("dictionary line %q: %w", line, err)
		}
		if word <= prev {
			return fmt.Errorf("dictionary not sorted at %q", word)
		}
		prev = word
		if rn := utf8.RuneCountInString(word); rn > d.maxLen {
			d.maxLen = rn
		}
		t, err := tagOf(pos)
		if err != nil {
			return fmt.Errorf("dictionary line %q: %w", line, err)
		}
		total += freq
		span = append(span, uint32(at), uint32(at+len(word)))
		d.logFreq = append(d.logFreq, float32(math.Log(freq)))
		d.pos = append(d.pos, t)
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	d.logTot = math.Log(total)
	return d, span, nil
}

// loadDict is parseDict's result read from its table (table.go), or
// parsed when the table was made from another word list.
func loadDict(data, trie, table string) (*dict, error) {
	d, span, err := decodeTable(data, table)
	if err != nil {
		return parseDict(data, trie)
	}
	d.index(data, span, trie)
	return d, nil
}

// index searches the words at span of data, with trie when it fits.
func (d *dict) index(data string, span []uint32, trie string) {
	d.base = lexicon.NewNumberedIndexIn(data, span) // a word's number is its value
	if _, err := d.base.WithTrieData(trie); err != nil {
		d.base.WithTrie()
	}
	d.overlay = lexicon.NewIndex(nil, nil)
}

// withOverlay returns a dictionary that shares base's words and adds the
// extra ones (the lexicons' terms) as an overlay searched beside them.
func (base *dict) withOverlay(extra []lexicon.DictWord) (*dict, error) {
	d := *base
	d.tags = slices.Clip(base.tags) // an overlay's new tags never write into base's
	tagOf := d.tagger()
	var okeys []string
	var ovals []int32
	for _, w := range extra {
		if w.Word == "" {
			continue
		}
		okeys = append(okeys, w.Word)
		ovals = append(ovals, int32(len(d.ovFreq)))
		d.ovFreq = append(d.ovFreq, float32(math.Log(w.Freq)))
		t, err := tagOf(w.POS)
		if err != nil {
			return nil, fmt.Errorf("dictionary word %q: %w", w.Word, err)
		}
		d.ovPOS = append(d.ovPOS, t)
		if rn := runeLen(w.Word); rn > d.maxLen {
			d.maxLen = rn
		}
	}
	d.overlay = lexicon.NewIndex(okeys, ovals)
	return &d, nil
}

// tagger returns the function that numbers POS tags, adding new ones to
// d.tags.
func (d *dict) tagger() func(pos string) (uint8, error) {
	tag := make(map[string]uint8, len(d.tags))
	for i, t := range d.tags {
		tag[t] = uint8(i)
	}
	return func(pos string) (uint8, error) {
		t, ok := tag[pos]
		if !ok {
			if len(d.tags) > 255 {
				return 0, fmt.Errorf("more than 256 POS tags")
			}
			t = uint8(len(d.tags))
			tag[pos] = t
			d.tags = append(d.tags, pos)
		}
		return t, nil
	}
}

func runeLen(s string) int { return len([]rune(s)) }

// lookup returns the log frequency and POS of a word, the overlay first.
func (d *dict) lookup(w string) (float64, string, bool) {
	if v, ok := d.overlay.Get(w); ok {
		return float64(d.ovFreq[v]), d.tags[d.ovPOS[v]], true
	}
	if v, ok := d.base.Get(w); ok {
		return float64(d.logFreq[v]), d.tags[d.pos[v]], true
	}
	if d.also != nil {
		return d.also.lookup(w)
	}
	return 0, "", false
}

// parseFreq reads a frequency: an integer in gse's files (fast path), or
// any number.
func parseFreq(s string) (float64, error) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' || i > 15 {
			return strconv.ParseFloat(s, 64)
		}
		n = n*10 + int(c-'0')
	}
	if s == "" {
		return 0, fmt.Errorf("no frequency")
	}
	return float64(n), nil
}
