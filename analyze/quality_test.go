package analyze_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/policylens/policylens/analyze"
	"github.com/policylens/policylens/internal/labels"
)

// The quality test scores the analyzer on the labelled documents of
// testdata/labels by the rules of shared/tools/score.py (ANNOTATION.md):
// directives match one to one when the gold clause lies inside the
// prediction (not much longer) or the prediction covers most of the clause;
// entities match on (type, canonical text) with aliases and mention
// surfaces, dates on their normalized form.

// The gold labels, their splits and score.py's matching rules live in
// internal/labels, which the trainers share.
type (
	goldFile   = labels.Gold
	goldEntity = labels.Entity
)

var (
	normText       = labels.Norm
	matchDirective = labels.MatchDirective
	splitOf        = labels.SplitOf
)

// docNouns stand for the bodies that issued a document (ANNOTATION.md): an
// issuer that names one matches any gold issuer but a person.
var docNouns = map[string]bool{"通知": true, "意见": true, "指导意见": true, "实施意见": true, "方案": true,
	"实施方案": true, "办法": true, "规定": true, "决定": true, "公告": true, "通告": true, "规划": true,
	"纲要": true, "细则": true, "条例": true, "报告": true, "政府工作报告": true}

// issuerOK is score.py's issuer rule: the gold issuer, a form that contains
// it or lies in it, or a document noun where the gold issuer is no person.
func issuerOK(gold, got string, persons map[string]bool) bool {
	gi, pi := normText(gold), normText(got)
	if pi == "" {
		return false
	}
	if pi == gi || (min(len([]rune(pi)), len([]rune(gi))) >= 2 && (strings.Contains(gi, pi) || strings.Contains(pi, gi))) {
		return true
	}
	return docNouns[pi] && !persons[gi]
}

// counts are true and false positives and negatives.
type counts = labels.Counts

type score struct {
	directives        counts
	forceOK, forceN   int
	issuerOK, issuerN int
	entities          map[string]*counts
	titlesOK, titlesN int
	keywordsOK, kwN   int
	missed, spurious  []string
	wrongIssuer       []string
}

func newScore() *score { return &score{entities: map[string]*counts{}} }

func (s *score) add(o *score) {
	s.directives.Add(o.directives)
	s.forceOK += o.forceOK
	s.forceN += o.forceN
	s.issuerOK += o.issuerOK
	s.issuerN += o.issuerN
	for t, c := range o.entities {
		if s.entities[t] == nil {
			s.entities[t] = &counts{}
		}
		s.entities[t].Add(*c)
	}
	s.titlesOK += o.titlesOK
	s.titlesN += o.titlesN
	s.keywordsOK += o.keywordsOK
	s.kwN += o.kwN
}

func (s *score) entityTotal() counts {
	var c counts
	for _, x := range s.entities {
		c.Add(*x)
	}
	return c
}

func scoreDoc(g goldFile, a *analyze.Analysis) *score {
	s := newScore()
	persons := map[string]bool{}
	for _, e := range g.Entities {
		if e.Type == "person" {
			persons[normText(e.Text)] = true
		}
	}
	used := make([]bool, len(a.Directives))
	take := func(text string) int {
		for i, p := range a.Directives {
			if !used[i] && matchDirective(text, p.Text) {
				used[i] = true
				return i
			}
		}
		return -1
	}
	for _, gd := range g.Directives {
		if gd.Optional {
			continue
		}
		i := take(gd.Text)
		if i < 0 {
			s.directives.FN++
			s.missed = append(s.missed, "directive: "+gd.Text)
			continue
		}
		s.directives.TP++
		s.forceN++
		if a.Directives[i].Force == gd.Force {
			s.forceOK++
		}
		if gd.Issuer != "" {
			s.issuerN++
			if issuerOK(gd.Issuer, a.Directives[i].Issuer, persons) {
				s.issuerOK++
			} else {
				s.wrongIssuer = append(s.wrongIssuer, fmt.Sprintf("issuer of %s: gold %s, got %q", gd.Text, gd.Issuer, a.Directives[i].Issuer))
			}
		}
	}
	for _, gd := range g.Directives {
		if gd.Optional {
			take(gd.Text)
		}
	}
	for i, u := range used {
		if !u {
			s.directives.FP++
			s.spurious = append(s.spurious, "directive: "+a.Directives[i].Text)
		}
	}
	match, eused := labels.MatchEntities(g.Entities, labels.PredictedOf(a.Entities))
	ec := func(t string) *counts {
		if s.entities[t] == nil {
			s.entities[t] = &counts{}
		}
		return s.entities[t]
	}
	for gi, ge := range g.Entities {
		if ge.Optional {
			continue
		}
		i := match[gi]
		if i < 0 {
			ec(ge.Type).FN++
			s.missed = append(s.missed, ge.Type+": "+ge.Text)
			continue
		}
		ec(ge.Type).TP++
		if ge.Type == "person" {
			for _, gt := range ge.Titles {
				s.titlesN++
				if labels.TitleHeld(gt, a.Entities[i].Titles) {
					s.titlesOK++
				}
			}
		}
	}
	for i, u := range eused {
		if !u {
			ec(a.Entities[i].Type).FP++
			s.spurious = append(s.spurious, a.Entities[i].Type+": "+a.Entities[i].Text)
		}
	}
	for _, gk := range g.Keywords[:min(10, len(g.Keywords))] {
		s.kwN++
		gn := normText(gk)
		for _, k := range a.Keywords[:min(15, len(a.Keywords))] {
			pn := normText(k.Term)
			if len([]rune(pn)) >= 2 && (pn == gn || strings.Contains(gn, pn) || strings.Contains(pn, gn)) {
				s.keywordsOK++
				break
			}
		}
	}
	return s
}

// kindOf names the kind of a labelled document by its folder and format.
func kindOf(file string) string {
	switch {
	case strings.Contains(file, "/en/"):
		return "English orders and memos"
	case strings.Contains(file, "/gwr/"):
		return "work-report sections"
	case strings.HasSuffix(file, ".html"):
		return "gov.cn pages"
	case strings.Contains(file, "zh-docs/"), strings.Contains(file, "/laws/"):
		return "laws and regulations"
	}
	return "Chinese news"
}

// usedRounds are the held-out rounds whose errors were read to write
// rules: their rows measure the tuned code, not unseen documents.
var usedRounds = map[string]bool{"1": true, "2": true}

var reHoldout = regexp.MustCompile(`/holdout(\d*)/`)

// heldOut names the held-out round of a labelled document (testdata/docs/
// holdoutN, labelled by someone who never saw the tool's output on it), or
// "" for the other labels.
func heldOut(file string) string {
	m := reHoldout.FindStringSubmatch(file)
	if m == nil {
		return ""
	}
	n := m[1]
	if n == "" {
		n = "1"
	}
	if usedRounds[n] {
		return "held out, round " + n + " (scored blind once, then used to tune)"
	}
	return "held out, round " + n + " (blind: scored, not tuned to)"
}

func loadGold(t *testing.T) map[string]goldFile {
	t.Helper()
	golds, err := labels.Load(filepath.Join(testdata, "labels"))
	if err != nil {
		t.Fatal(err)
	}
	out := make(map[string]goldFile, len(golds))
	for _, g := range golds {
		out[g.Path] = g
	}
	return out
}

// TestQuality scores every labelled document, prints P/R/F1 per entity type
// and per document kind, and holds the floors the product promises.
func TestQuality(t *testing.T) {
	a := analyzer(t)
	golds := loadGold(t)
	names := make([]string, 0, len(golds))
	for n := range golds {
		names = append(names, n)
	}
	sort.Strings(names)
	total := newScore()
	byKind := map[string]*score{}
	var seed *score
	rounds, nRound := map[string]*score{}, map[string]int{}
	splits, nSplit := map[string]*score{"train": newScore(), "test": newScore()}, map[string]int{}
	pol := &policyScore{}
	for _, n := range names {
		g := golds[n]
		data, err := os.ReadFile(filepath.Join(testdata, g.File))
		if err != nil {
			t.Fatal(err)
		}
		res, err := a.Analyze(context.Background(), analyze.Source{Name: g.File, Data: data})
		if err != nil {
			t.Fatalf("%s: %v", g.File, err)
		}
		s := scoreDoc(g, res)
		pol.add(g, res)
		// the test split's errors are never shown: nobody tunes to them
		if testing.Verbose() && os.Getenv("QUALITY_DETAIL") != "" && splitOf(g.File) == "train" {
			for _, m := range s.wrongIssuer {
				t.Logf("%s %s", g.File, m)
			}
			for _, m := range s.missed {
				t.Logf("%s missed %s", g.File, m)
			}
			for _, m := range s.spurious {
				t.Logf("%s spurious %s", g.File, m)
			}
		}
		total.add(s)
		k := kindOf(g.File) + ", " + splitOf(g.File)
		if byKind[k] == nil {
			byKind[k] = newScore()
		}
		byKind[k].add(s)
		if strings.HasSuffix(g.File, "seed.md") {
			seed = s
		}
		sp := splits[splitOf(g.File)]
		sp.add(s)
		nSplit[splitOf(g.File)]++
		if r := heldOut(g.File); r != "" {
			if rounds[r] == nil {
				rounds[r] = newScore()
			}
			rounds[r].add(s)
			nRound[r]++
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d labelled documents\n\n| kind | docs | directive P | R | F1 | force acc | issuer acc | entity P | R | F1 |\n|---|---|---|---|---|---|---|---|---|---|\n", len(names))
	kinds := make([]string, 0, len(byKind))
	for k := range byKind {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	docsOf := map[string]int{}
	for _, n := range names {
		docsOf[kindOf(golds[n].File)+", "+splitOf(golds[n].File)]++
	}
	row := func(name string, docs int, s *score) {
		dp, dr, df := s.directives.PRF()
		ep, er, ef := s.entityTotal().PRF()
		fmt.Fprintf(&b, "| %s | %d | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |\n", name, docs, dp, dr, df, ratio(s.forceOK, s.forceN), ratio(s.issuerOK, s.issuerN), ep, er, ef)
	}
	for _, k := range kinds {
		row(k, docsOf[k], byKind[k])
	}
	roundNames := make([]string, 0, len(rounds))
	for r := range rounds {
		roundNames = append(roundNames, r)
	}
	sort.Strings(roundNames)
	for _, r := range roundNames {
		row(r, nRound[r], rounds[r])
	}
	row("**train** (errors read, tuned freely)", nSplit["train"], splits["train"])
	row("**test** (scored after each change; errors never read)", nSplit["test"], splits["test"])
	row("all", len(names), total)
	fmt.Fprintf(&b, "\n| entity type | P | R | F1 | tp | fp | fn |\n|---|---|---|---|---|---|---|\n")
	types := make([]string, 0, len(total.entities))
	for ty := range total.entities {
		types = append(types, ty)
	}
	sort.Strings(types)
	for _, ty := range types {
		c := total.entities[ty]
		p, r, f := c.PRF()
		fmt.Fprintf(&b, "| %s | %.2f | %.2f | %.2f | %d | %d | %d |\n", ty, p, r, f, c.TP, c.FP, c.FN)
	}
	fmt.Fprintf(&b, "\nperson titles recall %.2f; keywords recall@15 %.2f\n", ratio(total.titlesOK, total.titlesN), ratio(total.keywordsOK, total.kwN))
	pol.report(&b)
	t.Log("\n" + b.String())
	pol.check(t)

	// the floors
	if seed == nil {
		t.Fatal("the seed's labels are missing")
	}
	if _, _, f := seed.directives.PRF(); f < 0.95 {
		t.Errorf("seed directive F1 %.2f < 0.95", f)
	}
	if acc := ratio(seed.forceOK, seed.forceN); acc < 0.95 {
		t.Errorf("seed force accuracy %.2f < 0.95", acc)
	}
	if _, _, f := seed.entityTotal().PRF(); f < 0.95 {
		t.Errorf("seed entity F1 %.2f < 0.95", f)
	}
	if r := ratio(seed.titlesOK, seed.titlesN); r < 1 {
		t.Errorf("seed person titles recall %.2f < 1", r)
	}
	checkFloors(t, "train", splits["train"], trainFloors)
	checkFloors(t, "test", splits["test"], testFloors)
}

// floors are the least each split must score: the figures of the last
// scoring, rounded down, so that a change that makes things worse fails.
type floors struct{ directiveF1, force, issuer, entityF1, titles float64 }

var (
	trainFloors = floors{directiveF1: 0.90, force: 0.93, issuer: 0.80, entityF1: 0.80, titles: 0.75}
	testFloors  = floors{directiveF1: 0.80, force: 0.95, issuer: 0.80, entityF1: 0.75, titles: 0.60}
)

func checkFloors(t *testing.T, name string, s *score, fl floors) {
	t.Helper()
	_, _, df := s.directives.PRF()
	_, _, ef := s.entityTotal().PRF()
	for _, c := range []struct {
		what      string
		got, want float64
	}{
		{"directive F1", df, fl.directiveF1},
		{"force accuracy", ratio(s.forceOK, s.forceN), fl.force},
		{"issuer accuracy", ratio(s.issuerOK, s.issuerN), fl.issuer},
		{"entity F1", ef, fl.entityF1},
		{"person titles recall", ratio(s.titlesOK, s.titlesN), fl.titles},
	} {
		if c.got < c.want {
			t.Errorf("%s split: %s %.2f < %.2f", name, c.what, c.got, c.want)
		}
	}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// policyScore counts how document.policy agrees with the labels, and the
// directives the non-policy documents give (the product promises at most 2).
type policyScore struct {
	agree, docs, nonPolicy, overTwo, mostNonPolicy int
}

func (p *policyScore) add(g goldFile, res *analyze.Analysis) {
	gold := g.Document.Policy == nil || *g.Document.Policy
	p.docs++
	if gold == res.Document.Policy {
		p.agree++
	}
	if !gold {
		p.nonPolicy++
		n := len(res.Directives)
		p.mostNonPolicy = max(p.mostNonPolicy, n)
		if n > 2 {
			p.overTwo++
		}
	}
}

func (p *policyScore) report(b *strings.Builder) {
	fmt.Fprintf(b, "document.policy agrees with the labels on %d of %d documents; the %d non-policy documents give at most %d directives each, %d of them more than 2\n",
		p.agree, p.docs, p.nonPolicy, p.mostNonPolicy, p.overTwo)
}

func (p *policyScore) check(t *testing.T) {
	t.Helper()
	// a floor, as the others: the goal is none (the accuracy issue); the one
	// left is labelled non-policy with nine directives of its own. A model
	// retrained on more labels may judge a second a policy story (the sixth
	// round's did; out of fold, train has two): README, Quality.
	if p.overTwo > 1 {
		t.Errorf("%d non-policy documents give more than 2 directives", p.overTwo)
	}
}
