package compare

import (
	"os"
	"strconv"
	"strings"
	"testing"
)

// TestTuneDiff (PAIRS_DIFF="field=value,…") prints the tune pairs whose
// outcome changes from the current setting to the one given: tune only.
func TestTuneDiff(t *testing.T) {
	spec := os.Getenv("PAIRS_DIFF")
	if spec == "" {
		t.Skip("PAIRS_DIFF=chainMin=0.45,… compares a setting with the current one on the tune pairs")
	}
	docs := readFrozen(t, "gwr-2024-2025.analyses.jsonl")
	var labels []labelledPair
	for _, l := range readPairs(t) {
		if l.split == "tune" {
			labels = append(labels, l)
		}
	}
	c := NewComparer(opts(t))
	base := c.Compare(docs[0], docs[1])
	for _, kv := range strings.Split(spec, ",") {
		f := strings.SplitN(kv, "=", 2)
		v, _ := strconv.ParseFloat(f[1], 64)
		setField(t, c, f[0], v)
	}
	alt := c.Compare(docs[0], docs[1])
	pick := func(r *Result) map[int]int {
		ib := map[string]int{}
		for j := range docs[1].Directives {
			ib[docs[1].Directives[j].Text+"@"+strconv.Itoa(j)] = j
		}
		m := map[int]int{}
		for _, d := range r.Directives {
			if d.A == nil {
				continue
			}
			i := indexOf(docs[0].Directives, d.A)
			m[i] = -1
			if d.B != nil {
				m[i] = indexOf(docs[1].Directives, d.B)
			}
		}
		return m
	}
	pb, pa := pick(base), pick(alt)
	for _, l := range labels {
		if pb[l.a] == pa[l.a] {
			continue
		}
		mark := func(j int) string {
			if j == l.b {
				return "RIGHT"
			}
			return "wrong"
		}
		txt := func(j int) string {
			if j < 0 {
				return "none"
			}
			return docs[1].Directives[j].Text
		}
		t.Logf("k %d A[%d] %s | want %d %s\n   before %d %s (%s)\n   after  %d %s (%s)", l.k, l.a, l.aText, l.b, txt(l.b), pb[l.a], txt(pb[l.a]), mark(pb[l.a]), pa[l.a], txt(pa[l.a]), mark(pa[l.a]))
	}
}

func indexOf[T any](s []T, p *T) int {
	for i := range s {
		if &s[i] == p {
			return i
		}
	}
	return -1
}

func setField(t *testing.T, c *Comparer, name string, v float64) {
	switch name {
	case "minScore":
		c.o.MinScore = v
	case "fillMin":
		c.w.fillMin = v
	case "fillGap":
		c.w.fillGap = int(v)
	case "shiftPen":
		c.w.shiftPen = v
	case "bonus":
		c.w.bonus = v
	default:
		t.Fatalf("unknown field %s", name)
	}
}
