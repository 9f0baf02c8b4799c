package reports

import (
	"fmt"
	"html"
	"math"
	"strconv"
	"strings"

	"github.com/policylens/policylens/analyze"
)

// palette holds the series colours of charts (colour-blind safe).
var palette = []string{"#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"}

// chartBox is the plot area of a chart and its scales.
type chartBox struct {
	left, right, top, bottom, width, height int
	t0, t1, hi                              float64 // time range and y top
}

func (c chartBox) x(t float64) float64 {
	pw := float64(c.width - c.left - c.right)
	if c.t1 == c.t0 {
		return float64(c.left) + pw/2
	}
	return float64(c.left) + pw*(t-c.t0)/(c.t1-c.t0)
}

func (c chartBox) y(v float64) float64 {
	ph := float64(c.height - c.top - c.bottom)
	return float64(c.top) + ph*(1-v/c.hi)
}

// TimelineSVG draws a timeline as a self-contained SVG line chart: one
// line per term, rates per 10,000 characters, on a real time axis (1958
// to 1975 is 17 years wide, not one step) and a y axis fitted to the
// data, with a legend. All text is escaped.
func TimelineSVG(tl *analyze.Timeline, width, height int) string {
	times := make([]float64, len(tl.Periods))
	for i, p := range tl.Periods {
		times[i] = periodTime(p, float64(i))
	}
	c := chartBox{left: 56, right: 16, top: 16, bottom: 64, width: width, height: height}
	if len(times) > 0 {
		c.t0, c.t1 = times[0], times[len(times)-1]
	}
	hi := 0.0
	for _, r := range tl.Rates {
		for _, v := range r {
			hi = math.Max(hi, v)
		}
	}
	step := niceStep(hi / 4)
	c.hi = step * math.Max(1, math.Ceil(hi/step))
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="%d" height="%d" viewBox="0 0 %d %d" role="img" aria-label="term timeline">`, width, height, width, height)
	b.WriteString(`<rect width="100%" height="100%" fill="#fff"/>`)
	for v := 0.0; v <= c.hi+step/2; v += step { // grid and y labels
		fmt.Fprintf(&b, `<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="#ddd"/>`, c.left, c.y(v), width-c.right, c.y(v))
		fmt.Fprintf(&b, `<text x="%d" y="%.1f" font-size="11" text-anchor="end" fill="#444">%s</text>`, c.left-6, c.y(v)+4, trimFloat(v))
	}
	writeTimeTicks(&b, c, tl.By, times)
	mid := c.top + (height-c.top-c.bottom)/2 + 40
	fmt.Fprintf(&b, `<text x="12" y="%d" font-size="11" fill="#444" transform="rotate(-90 12 %d)">per 10,000 characters</text>`, mid, mid)
	for t, rates := range tl.Rates {
		writeSeries(&b, c, palette[t%len(palette)], tl.Terms[t], tl.Periods, times, rates)
	}
	writeLegend(&b, tl.Terms, height-24, c.left)
	b.WriteString(`</svg>`)
	return b.String()
}

// periodTime is a period label as a point in time, in years: "1958" is
// 1958, "2021-07" is 2021.5; a label that is no date keeps its rank.
func periodTime(p string, rank float64) float64 {
	y, err := strconv.Atoi(p[:min(4, len(p))])
	if err != nil || len(p) < 4 {
		return rank
	}
	t := float64(y)
	if len(p) >= 7 && p[4] == '-' {
		if m, err := strconv.Atoi(p[5:7]); err == nil && m >= 1 && m <= 12 {
			t += float64(m-1) / 12
		}
	}
	return t
}

// writeTimeTicks labels the time axis at round steps (every 1, 2, 5, 10…
// years, or months for a short span), at most about twelve labels.
func writeTimeTicks(b *strings.Builder, c chartBox, by string, times []float64) {
	if len(times) == 0 {
		return
	}
	span := c.t1 - c.t0
	if span == 0 || by == "month" && span < 2 {
		for i, t := range times { // few points: label each (thinned)
			if i%max(1, len(times)/12) == 0 {
				writeTick(b, c, t, tickLabel(t, by))
			}
		}
		return
	}
	step := math.Max(1, niceStep(span/10))
	for t := math.Ceil(c.t0/step) * step; t <= c.t1+1e-9; t += step {
		writeTick(b, c, t, strconv.Itoa(int(t)))
	}
}

func writeTick(b *strings.Builder, c chartBox, t float64, label string) {
	base := c.height - c.bottom
	fmt.Fprintf(b, `<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#999"/>`, c.x(t), base, c.x(t), base+4)
	fmt.Fprintf(b, `<text x="%.1f" y="%d" font-size="11" text-anchor="middle" fill="#444">%s</text>`, c.x(t), base+16, html.EscapeString(label))
}

func tickLabel(t float64, by string) string {
	y := math.Floor(t)
	if by != "month" {
		return strconv.Itoa(int(y))
	}
	return fmt.Sprintf("%d-%02d", int(y), int(math.Round((t-y)*12))+1)
}

// writeSeries draws one term: a line through its periods, a dot with a
// tooltip at each.
func writeSeries(b *strings.Builder, c chartBox, col, term string, periods []string, times, rates []float64) {
	var pts []string
	for i, v := range rates {
		pts = append(pts, fmt.Sprintf("%.1f,%.1f", c.x(times[i]), c.y(v)))
	}
	fmt.Fprintf(b, `<polyline class="series" fill="none" stroke="%s" stroke-width="2" points="%s"/>`, col, strings.Join(pts, " "))
	for i, v := range rates {
		fmt.Fprintf(b, `<circle cx="%.1f" cy="%.1f" r="2.5" fill="%s"><title>%s %s: %s</title></circle>`, c.x(times[i]), c.y(v), col,
			html.EscapeString(term), html.EscapeString(periods[i]), trimFloat(v))
	}
}

func writeLegend(b *strings.Builder, terms []string, ly, lx int) {
	for t, term := range terms {
		col := palette[t%len(palette)]
		fmt.Fprintf(b, `<rect x="%d" y="%d" width="12" height="3" fill="%s"/><text x="%d" y="%d" font-size="12" fill="#222">%s</text>`,
			lx, ly-4, col, lx+16, ly, html.EscapeString(term))
		lx += 28 + 13*len([]rune(term))
	}
}

// niceStep rounds up to 1, 2 or 5 times a power of ten (1 for 0).
func niceStep(v float64) float64 {
	if v <= 0 {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(v)))
	for _, m := range []float64{1, 2, 5, 10} {
		if v <= m*p*(1+1e-9) {
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
