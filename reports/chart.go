package reports

import (
	"fmt"
	"html"
	"math"
	"strings"

	"github.com/policylens/policylens/analyze"
)

// palette holds the series colours of charts (colour-blind safe).
var palette = []string{"#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"}

// TimelineSVG draws a timeline as a self-contained SVG line chart: one
// line per term, rates per 10,000 characters by period, with axes, labels
// and a legend. All text is escaped.
func TimelineSVG(tl *analyze.Timeline, width, height int) string {
	const left, right, top, bottom = 56, 16, 16, 64
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="%d" height="%d" viewBox="0 0 %d %d" role="img" aria-label="term timeline">`, width, height, width, height)
	b.WriteString(`<rect width="100%" height="100%" fill="#fff"/>`)
	n := len(tl.Periods)
	hi := 0.0
	for _, r := range tl.Rates {
		for _, v := range r {
			hi = math.Max(hi, v)
		}
	}
	if hi == 0 {
		hi = 1
	}
	hi = niceCeil(hi)
	pw, ph := float64(width-left-right), float64(height-top-bottom)
	x := func(i int) float64 {
		if n <= 1 {
			return float64(left) + pw/2
		}
		return float64(left) + pw*float64(i)/float64(n-1)
	}
	y := func(v float64) float64 { return float64(top) + ph*(1-v/hi) }
	for k := 0; k <= 4; k++ { // grid and y labels
		v := hi * float64(k) / 4
		fmt.Fprintf(&b, `<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="#ddd"/>`, left, y(v), width-right, y(v))
		fmt.Fprintf(&b, `<text x="%d" y="%.1f" font-size="11" text-anchor="end" fill="#444">%s</text>`, left-6, y(v)+4, trimFloat(v))
	}
	step := max(1, n/12)
	for i, p := range tl.Periods { // x labels
		if i%step == 0 || i == n-1 {
			fmt.Fprintf(&b, `<text x="%.1f" y="%d" font-size="11" text-anchor="middle" fill="#444">%s</text>`, x(i), height-bottom+16, html.EscapeString(p))
		}
	}
	fmt.Fprintf(&b, `<text x="12" y="%d" font-size="11" fill="#444" transform="rotate(-90 12 %d)">per 10,000 characters</text>`, top+int(ph/2)+40, top+int(ph/2)+40)
	for t, rates := range tl.Rates {
		col := palette[t%len(palette)]
		var pts []string
		for i, v := range rates {
			pts = append(pts, fmt.Sprintf("%.1f,%.1f", x(i), y(v)))
		}
		fmt.Fprintf(&b, `<polyline class="series" fill="none" stroke="%s" stroke-width="2" points="%s"/>`, col, strings.Join(pts, " "))
		for i, v := range rates {
			fmt.Fprintf(&b, `<circle cx="%.1f" cy="%.1f" r="2.5" fill="%s"><title>%s %s: %s</title></circle>`, x(i), y(v), col,
				html.EscapeString(tl.Terms[t]), html.EscapeString(tl.Periods[i]), trimFloat(v))
		}
	}
	lx := left
	for t, term := range tl.Terms { // legend
		ly := height - 24
		col := palette[t%len(palette)]
		fmt.Fprintf(&b, `<rect x="%d" y="%d" width="12" height="3" fill="%s"/><text x="%d" y="%d" font-size="12" fill="#222">%s</text>`,
			lx, ly-4, col, lx+16, ly, html.EscapeString(term))
		lx += 28 + 13*len([]rune(term))
	}
	b.WriteString(`</svg>`)
	return b.String()
}

// niceCeil rounds up to 1, 2 or 5 times a power of ten.
func niceCeil(v float64) float64 {
	p := math.Pow(10, math.Floor(math.Log10(v)))
	for _, m := range []float64{1, 2, 5, 10} {
		if v <= m*p {
			return m * p
		}
	}
	return 10 * p
}

func trimFloat(v float64) string {
	s := fmt.Sprintf("%.2f", v)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	return s
}
