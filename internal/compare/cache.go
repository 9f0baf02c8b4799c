package compare

import (
	"runtime"
	"sync"

	"github.com/policylens/policylens/analyze"
)

// prepared is what the Comparer derives from one document: the sides of
// its directives and, once keyness asks for them, the counts of its
// content words. Both come from segmenting, the costly step, so each
// document is prepared once; the matrix of a report needs no counts.
type prepared struct {
	sides  []*side
	counts *termCounts
}

// docOf returns the prepared form of a document, preparing it if needed.
func (c *Comparer) docOf(a *analyze.Analysis) *prepared {
	if p, ok := c.cache[a]; ok {
		return p
	}
	c.warm([]*analyze.Analysis{a}, false)
	return c.cache[a]
}

// warm prepares the documents not yet cached, one per processor at a time:
// a period of 50 news items is segmented on every core. Options.Terms and
// Options.IDF must be safe for concurrent use (the Analyzer's are).
// With counts, the content words are counted too.
func (c *Comparer) warm(docs []*analyze.Analysis, counts bool) {
	var todo []*analyze.Analysis
	seen := map[*analyze.Analysis]bool{}
	for _, a := range docs {
		if p, ok := c.cache[a]; (!ok || counts && p.counts == nil) && !seen[a] {
			todo = append(todo, a)
			seen[a] = true
		}
	}
	out := make([]*prepared, len(todo))
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < min(runtime.GOMAXPROCS(0), len(todo)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i] = c.prepareDoc(c.cache[todo[i]], todo[i], counts)
			}
		}()
	}
	for i := range todo {
		next <- i
	}
	close(next)
	wg.Wait()
	for i, a := range todo {
		c.cache[a] = out[i]
	}
}

// prepareDoc segments a document's directives (unless p has them) and,
// with counts, its paragraphs.
func (c *Comparer) prepareDoc(p *prepared, a *analyze.Analysis, counts bool) *prepared {
	if p == nil {
		p = &prepared{sides: make([]*side, len(a.Directives))}
		for i := range a.Directives {
			p.sides[i] = c.prepare(&a.Directives[i], a.Document.ID, a.Document.Language)
		}
	}
	if counts && p.counts == nil {
		tc := c.countTerms(a)
		p.counts = &tc
	}
	return p
}

// countsOf returns a document's content-word counts, counting them once.
func (c *Comparer) countsOf(a *analyze.Analysis) termCounts {
	p := c.docOf(a)
	if p.counts == nil {
		tc := c.countTerms(a)
		p.counts = &tc
	}
	return *p.counts
}

// keepOnly forgets every prepared document outside the given periods:
// periods are compared one after the other, so the memory held is that
// of two periods, never of the corpus.
func (c *Comparer) keepOnly(ps ...Period) {
	keep := map[*analyze.Analysis]bool{}
	for _, p := range ps {
		for _, d := range p.Docs {
			keep[d] = true
		}
	}
	for a := range c.cache {
		if !keep[a] {
			delete(c.cache, a)
		}
	}
}
