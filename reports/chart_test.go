package reports

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/policylens/policylens/analyze"
)

func TestPeriodTime(t *testing.T) {
	for _, tc := range []struct {
		p    string
		want float64
	}{{"1958", 1958}, {"2021-07", 2021.5}, {"2021-01", 2021}, {"abc", 3}, {"20", 3}} {
		if got := periodTime(tc.p, 3); got != tc.want {
			t.Errorf("periodTime(%q) = %v, want %v", tc.p, got, tc.want)
		}
	}
}

func TestNiceStep(t *testing.T) {
	for _, tc := range []struct{ v, want float64 }{{0, 1}, {1.3, 2}, {0.3, 0.5}, {4, 5}, {10, 10}, {17, 20}} {
		if got := niceStep(tc.v); math.Abs(got-tc.want) > 1e-9 {
			t.Errorf("niceStep(%v) = %v, want %v", tc.v, got, tc.want)
		}
	}
}

// TestTimelineTimeAxis: points sit at their dates (1958 → 1959 is one
// seventeenth of 1958 → 1975) and the y axis ends at the first round step
// above the data, not at the next power of ten.
func TestTimelineTimeAxis(t *testing.T) {
	tl := &analyze.Timeline{By: "year", Terms: []string{"改革"}, Periods: []string{"1958", "1959", "1975"},
		Rates: [][]float64{{1, 5.2, 3}}}
	svg := TimelineSVG(tl, 860, 320)
	var xs []float64
	for _, m := range regexp.MustCompile(`<circle cx="([0-9.]+)"`).FindAllStringSubmatch(svg, -1) {
		x, _ := strconv.ParseFloat(m[1], 64)
		xs = append(xs, x)
	}
	if len(xs) != 3 {
		t.Fatalf("points: %v", xs)
	}
	if r := (xs[1] - xs[0]) / (xs[2] - xs[0]); math.Abs(r-1.0/17) > 0.01 {
		t.Errorf("1958 → 1959 is %.3f of 1958 → 1975, want 1/17", r)
	}
	if !strings.Contains(svg, `text-anchor="end" fill="#444">6</text>`) || strings.Contains(svg, `>10</text>`) {
		t.Errorf("y axis should end at 6 for a top value of 5.2")
	}
	for _, year := range []string{">1960<", ">1970<"} {
		if !strings.Contains(svg, year) {
			t.Errorf("no tick %s on the time axis", year)
		}
	}
}
