package segment

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/policylens/policylens/internal/lexicon"
)

// dict is a segmentation dictionary: gse's word list searched in place in
// the embedded file, plus an overlay of the lexicons' terms.
type dict struct {
	base    *lexicon.Index
	logFreq []float32 // per base value
	pos     []string
	overlay *lexicon.Index
	ovFreq  []float32
	ovPOS   []string
	logTot  float64
	maxLen  int // longest word in runes
	// also is searched after base: the traditional dictionary lists only
	// the words whose characters differ, so it leans on the simplified one
	// for the rest (工作, 人民).
	also *dict
}

// loadDict reads a `word<TAB>freq<TAB>pos` file sorted bytewise.
func loadDict(data string, extra []lexicon.DictWord) (*dict, error) {
	n := strings.Count(data, "\n")
	keys := make([]string, 0, n)
	vals := make([]int32, 0, n)
	d := &dict{logFreq: make([]float32, 0, n), pos: make([]string, 0, n)}
	total := 0.0
	prev := ""
	err := lexicon.DataLines(data, func(line string) error {
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
		if rn := runeLen(word); rn > d.maxLen {
			d.maxLen = rn
		}
		total += freq
		keys = append(keys, word)
		vals = append(vals, int32(len(vals)))
		d.logFreq = append(d.logFreq, float32(math.Log(freq)))
		d.pos = append(d.pos, pos)
		return nil
	})
	if err != nil {
		return nil, err
	}
	d.base = lexicon.NewSortedIndex(keys, vals).WithPairs()
	var okeys []string
	var ovals []int32
	for _, w := range extra {
		if w.Word == "" {
			continue
		}
		okeys = append(okeys, w.Word)
		ovals = append(ovals, int32(len(d.ovFreq)))
		d.ovFreq = append(d.ovFreq, float32(math.Log(w.Freq)))
		d.ovPOS = append(d.ovPOS, w.POS)
		if rn := runeLen(w.Word); rn > d.maxLen {
			d.maxLen = rn
		}
	}
	d.overlay = lexicon.NewIndex(okeys, ovals)
	d.logTot = math.Log(total)
	return d, nil
}

func runeLen(s string) int { return len([]rune(s)) }

// lookup returns the log frequency and POS of a word, the overlay first.
func (d *dict) lookup(w string) (float64, string, bool) {
	if v, ok := d.overlay.Get(w); ok {
		return float64(d.ovFreq[v]), d.ovPOS[v], true
	}
	if v, ok := d.base.Get(w); ok {
		return float64(d.logFreq[v]), d.pos[v], true
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
