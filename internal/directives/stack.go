package directives

// A Chinese clause is weighed twice when the model is stacked. The first
// stage sees the clause alone, as the walk reaches it; the second sees the
// same features and the first stage's verdicts on its neighbours: the
// clauses before and after it in its paragraph, the surest other clause of
// its sentence, and the share of the document's action clauses the first
// stage takes. A short clause in a run of measures (盘活存量资产 after
// 稳妥开展…试点) is a directive as its neighbours are; the same words in a
// story that orders little are not.

import (
	"fmt"
	"math"
	"slices"

	"github.com/policylens/policylens/internal/segment"
)

// StackInput is what the second stage knows of an action clause: where it
// stands and the first stage's score (above 0: taken).
type StackInput struct {
	Para, Sent int // the paragraph and its sentence's first rune
	Score      float64
}

// StackFeatures names, for each action clause of a document in order, the
// features of its neighbours' first-stage scores. The trainer calls it
// with out-of-fold scores, the extractor with the model's.
func StackFeatures(in []StackInput) [][]string {
	share := docShare(in)
	out := make([][]string, len(in))
	for i := range in {
		out[i] = stackNames(in, i, share)
	}
	return out
}

// stackNames are the second-stage features of clause i.
func stackNames(in []StackInput, i int, share string) []string {
	prev, next, sent := neighbours(in, i)
	return []string{"nb:prev=" + prev, "nb:next=" + next, "nb:sent=" + sent, share}
}

// docShare is the feature of the share of a document's action clauses
// the first stage takes, in fifths.
func docShare(in []StackInput) string {
	took := 0
	for _, c := range in {
		if c.Score > 0 {
			took++
		}
	}
	return fmt.Sprintf("nb:doc=%d", took*5/max(1, len(in)))
}

// neighbours are the buckets of the first-stage scores of clause i's
// neighbours: the clause before and after it in its paragraph ("none" at
// its ends) and the best other clause of its sentence.
func neighbours(in []StackInput, i int) (prev, next, sent string) {
	c := in[i]
	prev, next = "none", "none"
	if i > 0 && in[i-1].Para == c.Para {
		prev = scoreBucket(in[i-1].Score)
	}
	if i+1 < len(in) && in[i+1].Para == c.Para {
		next = scoreBucket(in[i+1].Score)
	}
	return prev, next, bestInSentence(in, i)
}

// bestInSentence is the bucket of the best first-stage score among the
// other action clauses of clause i's sentence, "none" when it is alone.
func bestInSentence(in []StackInput, i int) string {
	best := math.Inf(-1)
	for j := i - 1; j >= 0 && in[j].Para == in[i].Para && in[j].Sent == in[i].Sent; j-- {
		best = math.Max(best, in[j].Score)
	}
	for j := i + 1; j < len(in) && in[j].Para == in[i].Para && in[j].Sent == in[i].Sent; j++ {
		best = math.Max(best, in[j].Score)
	}
	if math.IsInf(best, -1) {
		return "none"
	}
	return scoreBucket(best)
}

// scoreBucket sorts a first-stage score into five steps.
func scoreBucket(s float64) string {
	switch {
	case s < -2:
		return "--"
	case s < -0.5:
		return "-"
	case s < 0.5:
		return "0"
	case s < 2:
		return "+"
	}
	return "++"
}

// staged is an action clause waiting for the second stage: its scores, its
// features when --explain wants them, and its directive, built when the
// first stage took it and from the clause otherwise.
type staged struct {
	in      StackInput
	score2  float64 // the second stage's score before the neighbours
	verdict verdict // what the clause's features were made of, for --explain
	d       Directive
	took    bool
	clause  actionClause
}

// verdict is what a clause's first-stage features read besides the clause
// itself: the rules' verdict and reason, and whether the walk was in a
// preamble then (kept, so that restack names the features as they were).
type verdict struct {
	why            string
	rule, preamble bool
}

// featureNames names a staged clause's first-stage features again, as
// candidate made them, for --explain of a clause the second stage took.
func (x *zhExtractor) featureNames(s *staged) []string {
	u := s.clause.u
	ct := clauseTests{c: x.c, u: &u}
	f := featureSet{m: x.c.model, keep: true, buf: x.room.buf[:0], words: x.room.words[:0], memo: x.room.memo}
	x.features(&f, u, s.clause.hits, s.clause.st, s.verdict, &ct)
	x.room.buf, x.room.words = f.buf, f.words
	return f.names
}

// actionClause is what building a clause's directive needs (views of the
// paragraph, not copies), kept so that the second stage can build it.
type actionClause struct {
	p       *segment.Paragraph
	u       unit
	hits    []hit
	st      clauseState
	article string
}

// emit hands on a directive the walk takes: straight to the output, or,
// with a stacked model, to the clause staged for the second stage.
func (x *zhExtractor) emit(d Directive) {
	if len(x.staged) > 0 && x.stacking() {
		s := &x.staged[len(x.staged)-1]
		s.d, s.took = d, true
		return
	}
	x.out = append(x.out, d)
}

// stacking reports whether the second stage decides.
func (x *zhExtractor) stacking() bool {
	return x.c.model != nil && x.c.model.stacked && !x.collect
}

// restack runs the second stage over the staged clauses, in order.
func (x *zhExtractor) restack() {
	if len(x.staged) == 0 {
		return
	}
	in := make([]StackInput, len(x.staged))
	for i, s := range x.staged {
		in[i] = s.in
	}
	share := docShare(in)
	scores := make([]float64, len(in))
	n := 0
	for i := range in {
		prev, next, sent := neighbours(in, i)
		scores[i] = x.c.model.stage2(x.staged[i].score2, prev, next, sent, share)
		if scores[i] > 0 {
			n++
		}
	}
	x.out = slices.Grow(x.out, n) // the directives taken, at once: a directive is large
	for i := range x.staged {
		s := &x.staged[i]
		ok, conf := x.c.model.decide(scores[i])
		if !ok {
			continue
		}
		d := s.d
		if !s.took {
			d = x.build(s.clause)
		}
		d.Confidence = conf
		if x.explain {
			d.Why = &Explanation{Confidence: conf, Features: x.c.model.explain(append(x.featureNames(s), stackNames(in, i, share)...), 1)}
		}
		x.out = append(x.out, d)
	}
	x.staged = x.staged[:0]
}

// stage2 adds to a clause's second-stage score the weights of its
// neighbours' features, in StackFeatures' order; the names are made on
// the stack, not kept.
func (m *model) stage2(score float64, prev, next, sent, share string) float64 {
	score += m.w["nb:prev="+prev][1] // no neighbour feature is a hot family's: all are in the map
	score += m.w["nb:next="+next][1]
	score += m.w["nb:sent="+sent][1]
	score += m.w[share][1]
	return score
}
