package segment

import "sort"

// The HMM that cuts runs of characters the dictionary does not know (names,
// new terms) into words: jieba's model as gse ships it, with the states
// B(egin), E(nd), M(iddle) and S(ingle) in this order (the order of their
// letters, which breaks ties as gse does). gse's Viterbi keeps a map per
// position and copies every path at every step; this one keeps back
// pointers in arrays on the stack and cuts the same words (TestHMMAsGse).
const (
	stB = iota
	stE
	stM
	stS
	nStates
)

// hmmMin is gse's log probability of what its tables lack.
const hmmMin = -3.14e100

var (
	hmmStart = [nStates]float64{-0.26268660809250016, -3.14e+100, -3.14e+100, -1.4652633398537678}
	// hmmPrev are the states that may precede each state, with the log
	// probability of the transition.
	hmmPrev = [nStates][2]struct {
		from int
		logp float64
	}{
		stB: {{stE, -0.5897149736854513}, {stS, -0.7211965654669841}},
		stE: {{stB, -0.510825623765990}, {stM, -0.33344856811948514}},
		stM: {{stM, -1.2603623820268226}, {stB, -0.916290731874155}},
		stS: {{stS, -0.6658631448798212}, {stE, -0.8085250474669937}},
	}
)

// hmmEmit returns the emission log probabilities of rune r in each state.
func hmmEmit(r rune) *[nStates]float64 {
	i := sort.Search(len(hmmEmitRunes), func(i int) bool { return hmmEmitRunes[i] >= r })
	if i < len(hmmEmitRunes) && hmmEmitRunes[i] == r {
		return &hmmEmitProbs[i]
	}
	return &hmmAbsent
}

var hmmAbsent = [nStates]float64{hmmMin, hmmMin, hmmMin, hmmMin}

// better reports whether (p, s) beats (q, t): the higher probability, then
// the later state, as gse's sort decides.
func better(p float64, s int, q float64, t int) bool {
	return p > q || (p == q && s > t)
}

// hmmStates fills states[:len(obs)] with the most probable state of each
// character; len(obs) must be at most hmmMaxRun.
func hmmStates(obs []rune, states *[hmmMaxRun]uint8) {
	var back [hmmMaxRun][nStates]uint8
	var v [nStates]float64
	em := hmmEmit(obs[0])
	for y := range nStates {
		v[y] = em[y] + hmmStart[y]
	}
	for t := 1; t < len(obs); t++ {
		em = hmmEmit(obs[t])
		var next [nStates]float64
		for y := range nStates {
			best, from := 0.0, -1
			for _, p := range hmmPrev[y] {
				prob := v[p.from] + p.logp + em[y]
				if from < 0 || better(prob, p.from, best, from) {
					best, from = prob, p.from
				}
			}
			next[y], back[t][y] = best, uint8(from)
		}
		v = next
	}
	last := stE
	if better(v[stS], stS, v[stE], stE) {
		last = stS
	}
	for t := len(obs) - 1; t >= 0; t-- {
		states[t] = uint8(last)
		last = int(back[t][last])
	}
}

// hmmWords calls word with the rune ranges of the words of obs, as gse's
// hmm.Cut reads its states: a word ends at E or S and starts at the last
// B; what follows the last end is one word.
func hmmWords(obs []rune, word func(start, end int)) {
	var states [hmmMaxRun]uint8
	hmmStates(obs, &states)
	begin, next := 0, 0
	for i := range obs {
		switch states[i] {
		case stB:
			begin = i
		case stE:
			word(begin, i+1)
			next = i + 1
		case stS:
			word(i, i+1)
			next = i + 1
		}
	}
	if next < len(obs) {
		word(next, len(obs))
	}
}
