package entities

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

// mention is one candidate occurrence before merging.
type mention struct {
	typ      string
	key      string // identity within the type (lexicon canonical, name, ISO date)
	surface  string
	para     int
	start    int // rune offsets
	end      int
	norm     string
	titles   []string
	evidence string
	prio     int  // higher wins an overlap of equal length
	overlay  bool // kept beside what it overlaps (the document's own title over its issuers)
}

// collector resolves overlapping candidates (longest first) and merges the
// survivors into one entity per (type, key).
type collector struct {
	cands []mention
}

func (c *collector) add(m mention) {
	if m.end > m.start && m.surface != "" {
		c.cands = append(c.cands, m)
	}
}

// resolve keeps, per paragraph, non-overlapping candidates: longer spans
// first, then higher priority, then earlier.
func (c *collector) resolve() []mention {
	sort.SliceStable(c.cands, func(i, j int) bool {
		a, b := c.cands[i], c.cands[j]
		if a.para != b.para {
			return a.para < b.para
		}
		if la, lb := a.end-a.start, b.end-b.start; la != lb {
			return la > lb
		}
		if a.prio != b.prio {
			return a.prio > b.prio
		}
		return a.start < b.start
	})
	var kept []mention
	taken := map[int][]bool{}
	for _, m := range c.cands {
		if m.overlay {
			kept = append(kept, m)
			continue
		}
		occ := taken[m.para]
		if len(occ) < m.end {
			occ = append(occ, make([]bool, m.end-len(occ))...)
		}
		free := true
		for k := m.start; k < m.end; k++ {
			if occ[k] {
				free = false
				break
			}
		}
		if !free {
			taken[m.para] = occ
			continue
		}
		for k := m.start; k < m.end; k++ {
			occ[k] = true
		}
		taken[m.para] = occ
		kept = append(kept, m)
	}
	sort.SliceStable(kept, func(i, j int) bool {
		if kept[i].para != kept[j].para {
			return kept[i].para < kept[j].para
		}
		return kept[i].start < kept[j].start
	})
	return kept
}

// merge groups mentions into entities, in order of first mention. The
// canonical text is the fullest form written (the longest surface), unless
// a rule fixed it (dates, persons).
func merge(ms []mention) []Entity {
	type group struct {
		e        Entity
		key      string
		surfaces []string
	}
	index := map[string]int{}
	var groups []*group
	for _, m := range ms {
		k := m.typ + "\x00" + m.key
		i, ok := index[k]
		if !ok {
			i = len(groups)
			index[k] = i
			groups = append(groups, &group{e: Entity{Type: m.typ, Normalized: m.norm, Evidence: m.evidence}, key: m.key})
		}
		g := groups[i]
		g.e.Count++
		g.e.Mentions = append(g.e.Mentions, Mention{Paragraph: m.para, Start: m.start, End: m.end, Surface: m.surface})
		for _, t := range m.titles {
			if !slices.Contains(g.e.Titles, t) {
				g.e.Titles = append(g.e.Titles, t)
			}
		}
		if !slices.Contains(g.surfaces, m.surface) {
			g.surfaces = append(g.surfaces, m.surface)
		}
	}
	out := make([]Entity, 0, len(groups))
	for _, g := range groups {
		e := g.e
		switch e.Type {
		case "person":
			e.Text = g.key
		case "date":
			e.Text = g.surfaces[0]
		case "law":
			e.Text = longest(g.surfaces)
			if e.Evidence == "rule:executive-order" {
				e.Text = g.key // 13199 of "Executive Orders 13198 and 13199" is Executive Order 13199
			}
		default:
			e.Text = longest(g.surfaces)
		}
		for _, s := range g.surfaces {
			if s != e.Text {
				e.Aliases = append(e.Aliases, s)
			}
		}
		if e.Normalized == "" {
			e.Normalized = e.Text
		}
		e.Titles = dropContained(e.Titles)
		out = append(out, e)
	}
	return out
}

func longest(xs []string) string {
	best := ""
	for _, x := range xs {
		if utf8.RuneCountInString(x) > utf8.RuneCountInString(best) {
			best = x
		}
	}
	return best
}

// dropContained removes titles that a longer title of the list contains
// (部长 when 应急管理部部长 is there).
func dropContained(xs []string) []string {
	var out []string
	for i, x := range xs {
		inside := false
		for j, y := range xs {
			if i != j && len(y) > len(x) && strings.HasSuffix(y, x) {
				inside = true
			}
		}
		if !inside {
			out = append(out, x)
		}
	}
	return out
}

func sortMentions(ms []mention) {
	sort.SliceStable(ms, func(i, j int) bool {
		if ms[i].para != ms[j].para {
			return ms[i].para < ms[j].para
		}
		return ms[i].start < ms[j].start
	})
}
