package segment

import (
	"math"
	"unicode"
	"unicode/utf8"

	"github.com/policylens/policylens/internal/lexicon"
)

type edge struct {
	end  int // rune index after the word
	logp float64
	pos  string
}

// cutHan cuts a run of Han characters (runes[lo:hi]) into words with the
// jieba algorithm: every dictionary word from each position forms a DAG,
// the route of maximum probability is taken, and runs of single characters
// that are not words go to the HMM.
// scratch holds the buffers of cutHan, reused across the Han runs of a
// paragraph.
type scratch struct {
	edges []edge
	off   []int
	best  []float64
	next  []int
	pos   []string
}

func (s *scratch) size(n int) {
	if cap(s.off) < n+1 {
		s.off = make([]int, n+1)
		s.best = make([]float64, n+1)
		s.next = make([]int, n+1)
		s.pos = make([]string, n+1)
	}
	s.off, s.best, s.next, s.pos = s.off[:n+1], s.best[:n+1], s.next[:n+1], s.pos[:n+1]
	clear(s.best)
	clear(s.next)
	clear(s.pos)
	s.edges = s.edges[:0]
}

// cutHan cuts the Han run runes[lo:hi] as jieba does: every dictionary
// word from every position (the DAG), the most probable path through it,
// then the path's words, with runs of single characters left to the HMM.
func (d *dict) cutHan(text string, runes []rune, byteOff []int, lo, hi int, sc *scratch, emit func(start, end int, pos string)) {
	n := hi - lo
	sc.size(n)
	d.buildDAG(runes, lo, hi, sc)
	d.bestPath(n, sc)
	d.emitPath(text, runes, byteOff, lo, n, sc, emit)
}

// buildDAG fills sc with the DAG in one flat slice: the edges from
// position k are edges[off[k]:off[k+1]].
func (d *dict) buildDAG(runes []rune, lo, hi int, sc *scratch) {
	n := hi - lo
	edges, off := sc.edges, sc.off
	var found [32]lexicon.Match
	for k := 0; k < n; k++ {
		off[k] = len(edges)
		rs := runes[lo+k : hi]
		seen := false
		add := func(ms []lexicon.Match, logFreq []float32, pos []uint8, tags []string) {
			// one list's words are prefixes of different lengths: only
			// the edges of the lists before it can end where one does
			prior := len(edges)
			for _, m := range ms {
				end := k + m.N // matches count runes
				logp := float64(logFreq[m.Val])
				dup := false
				for i := off[k]; i < prior; i++ {
					if edges[i].end == end {
						if logp > edges[i].logp {
							edges[i] = edge{end, logp, tags[pos[m.Val]]}
						}
						dup = true
						break
					}
				}
				if !dup {
					edges = append(edges, edge{end, logp, tags[pos[m.Val]]})
					seen = seen || end == k+1
				}
			}
		}
		add(d.base.AppendRunePrefixes(found[:0], rs, d.maxLen), d.logFreq, d.pos, d.tags)
		if a := d.also; a != nil {
			add(a.base.AppendRunePrefixes(found[:0], rs, a.maxLen), a.logFreq, a.pos, a.tags)
		}
		add(d.overlay.AppendRunePrefixes(found[:0], rs, d.maxLen), d.ovFreq, d.ovPOS, d.tags)
		if !seen {
			edges = append(edges, edge{k + 1, 0, ""}) // unknown character: frequency 1
		}
	}
	off[n] = len(edges)
	sc.edges = edges // keep the grown buffer
}

// bestPath finds, from the end backwards, the most probable next word at
// every position of the DAG (the longer on a tie).
func (d *dict) bestPath(n int, sc *scratch) {
	edges, off := sc.edges, sc.off
	best, next, pos := sc.best, sc.next, sc.pos
	for k := n - 1; k >= 0; k-- {
		best[k] = math.Inf(-1)
		for _, e := range edges[off[k]:off[k+1]] {
			v := e.logp - d.logTot + best[e.end]
			if v > best[k] || (v == best[k] && e.end > next[k]) {
				best[k], next[k], pos[k] = v, e.end, e.pos
			}
		}
	}
}

// emitPath emits the words of the best path; a run of single characters
// is a word of the dictionary cut into characters, or left to the HMM.
func (d *dict) emitPath(text string, runes []rune, byteOff []int, lo, n int, sc *scratch, emit func(start, end int, pos string)) {
	next, pos := sc.next, sc.pos
	// the text of runes i to j: Han characters are valid UTF-8, so their
	// bytes spell the same string as the runes, without encoding them
	sub := func(i, j int) string { return text[byteOff[lo+i]:byteOff[lo+j]] }
	bufStart := -1
	flush := func(end int) {
		if bufStart < 0 {
			return
		}
		if end-bufStart == 1 {
			emit(lo+bufStart, lo+end, d.posOf(sub(bufStart, end)))
		} else if _, _, known := d.lookup(sub(bufStart, end)); known {
			for i := bufStart; i < end; i++ {
				emit(lo+i, lo+i+1, d.posOf(sub(i, i+1)))
			}
		} else {
			d.cutHMM(runes, lo+bufStart, lo+end, emit)
		}
		bufStart = -1
	}
	for k := 0; k < n; {
		e := next[k]
		if e-k == 1 {
			if bufStart < 0 {
				bufStart = k
			}
		} else {
			flush(k)
			emit(lo+k, lo+e, pos[k])
		}
		k = e
	}
	flush(n)
}

// hmmMaxRun bounds what the HMM sees. gse's Viterbi copies the path at
// every step, so its cost grows with the square of the run: 80,000 unknown
// characters in a row took 27 s. The HMM finds out-of-vocabulary words
// (names, new terms) between known ones, and such runs are short; a longer
// run of characters that are not words is noise (one character repeated, a
// corrupted text), cut into single characters.
const hmmMaxRun = 64

// cutHMM cuts runes[lo:hi], a run of characters that are not dictionary
// words, with the HMM. Words are emitted one after the other, each as long
// as the HMM says, as gse's strings were counted.
func (d *dict) cutHMM(runes []rune, lo, hi int, emit func(start, end int, pos string)) {
	if hi-lo > hmmMaxRun {
		for i := lo; i < hi; i++ {
			emit(i, i+1, d.posOf(string(runes[i])))
		}
		return
	}
	at := lo
	hmmWords(runes[lo:hi], func(start, end int) {
		k := end - start
		p := "x"
		if k == 1 {
			p = d.posOf(string(runes[lo+start]))
		}
		emit(at, at+k, p)
		at += k
	})
}

func (d *dict) posOf(w string) string {
	if _, p, ok := d.lookup(w); ok {
		return p
	}
	return "x"
}

// isHan reports a Chinese character. It runs at every rune of a text
// (several times), so the common cases skip unicode.Is's search of the
// Han ranges: everything below the first of them, and the CJK Unified
// Ideographs block, Han throughout (TestIsHan checks both against
// unicode.Is).
func isHan(r rune) bool {
	switch {
	case r < firstHan:
		return false
	case isIdeograph(r):
		return true
	}
	return unicode.Is(unicode.Han, r) || r == '〇'
}

// firstHan is the first rune of unicode.Han.
const firstHan = 0x2e80

// The CJK Unified Ideographs block: most runes of a Chinese text.
const (
	firstIdeograph = 0x4e00
	lastIdeograph  = 0x9fff
)

// isIdeograph reports a rune of the CJK Unified Ideographs block: Han, no
// punctuation, no case.
func isIdeograph(r rune) bool { return r >= firstIdeograph && r <= lastIdeograph }

// zhBuffers are cutZh's working buffers, reused across the paragraphs of
// one document (or window): a paragraph's byte offsets, DAG and tokens
// were its own garbage, and its tokens grew by doubling (twice the
// memory they keep). Only the tokens a paragraph keeps are allocated, at
// their exact length.
type zhBuffers struct {
	sc      scratch
	byteOff []int
	toks    []Token
	valid   bool // the last paragraph is valid UTF-8 (byteOff spells it)
}

// cutZh segments one paragraph of Chinese text. The tokens returned are
// the paragraph's own (buf keeps none of them).
func (d *dict) cutZh(text string, runes []rune, buf *zhBuffers) []Token {
	// offsets come from decoding the text itself: an invalid byte is one
	// U+FFFD rune of one byte, as []rune made it (RuneLen would say three)
	if cap(buf.byteOff) < len(runes)+1 {
		buf.byteOff = make([]int, len(runes)+1)
	}
	byteOff := buf.byteOff[:len(runes)+1]
	b := 0
	valid := true
	for i := range runes {
		byteOff[i] = b
		if b < len(text) {
			size, ok := runeSize(text, b)
			b += size
			valid = valid && ok
		}
	}
	byteOff[len(runes)] = b
	buf.valid = valid && b == len(text)
	toks := buf.toks[:0]
	emit := func(start, end int, pos string) {
		// the text is a slice of the paragraph: no copy per token
		toks = append(toks, Token{Text: text[byteOff[start]:byteOff[end]], Start: start, End: end, POS: pos})
	}
	for i := 0; i < len(runes); {
		r := runes[i]
		switch {
		case isHan(r):
			j := i + 1
			for j < len(runes) && isHan(runes[j]) {
				j++
			}
			// a lexicon term may mix Han with Latin or symbols (互联网+监管):
			// let the overlay take the longest form first
			d.cutHan(text, runes, byteOff, i, j, &buf.sc, emit)
			i = j
		case isAlnum(r):
			j := i + 1
			for j < len(runes) && (isAlnum(runes[j]) || (isJoiner(runes[j]) && j+1 < len(runes) && isAlnum(runes[j+1]))) {
				j++
			}
			if j < len(runes) && (runes[j] == '%' || runes[j] == '％') {
				j++
			}
			pos := "eng"
			if unicode.IsDigit(r) {
				pos = "m"
			}
			emit(i, j, pos)
			i = j
		case unicode.IsSpace(r) || r == '\u3000':
			i++
		default:
			emit(i, i+1, "w")
			i++
		}
	}
	buf.toks = toks // keep the grown buffer
	toks = mergeOverlay(d, toks, runes, text, byteOff)
	return append(make([]Token, 0, len(toks)), toks...)
}

// mergeOverlay joins tokens that together spell a lexicon term across a
// script change (互联网 + + + 监管 → 互联网+监管, 5G, COVID-19 stays whole).
func mergeOverlay(d *dict, toks []Token, runes []rune, text string, byteOff []int) []Token {
	if d.overlay.Len() == 0 {
		return toks
	}
	// most paragraphs have no term across scripts: copy only when merging
	var out []Token
	for i := 0; i < len(toks); {
		start := toks[i].Start
		if i+1 == len(toks) || (isHan(runes[start]) && isHan(runes[toks[i+1].Start])) {
			if out != nil {
				out = append(out, toks[i])
			}
			i++
			continue
		}
		s := text[byteOff[start]:byteOff[min(start+d.maxLen, len(runes))]]
		n, v := d.overlay.Longest(s)
		end := start + utf8.RuneCountInString(s[:n])
		j := i
		for j < len(toks) && toks[j].End <= end {
			j++
		}
		if n > 0 && j > i+1 && toks[j-1].End == end {
			if out == nil {
				out = append(make([]Token, 0, len(toks)), toks[:i]...)
			}
			out = append(out, Token{Text: text[byteOff[start]:byteOff[end]], Start: start, End: end, POS: d.tags[d.ovPOS[v]]})
			i = j
			continue
		}
		if out != nil {
			out = append(out, toks[i])
		}
		i++
	}
	if out == nil {
		return toks
	}
	return out
}

func isAlnum(r rune) bool {
	return r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)) || (r >= '０' && r <= '９') || (r >= 'Ａ' && r <= 'ｚ')
}

func isJoiner(r rune) bool { return r == '.' || r == '-' || r == '_' || r == '·' }
