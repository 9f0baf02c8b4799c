package pipeline

import (
	"strings"
	"testing"
)

func TestCountLines(t *testing.T) {
	long := strings.Repeat("x", 10000)
	for _, tc := range []struct {
		in   string
		want int
	}{
		{"", 0},
		{"\n\n", 0},
		{"a\n", 1},
		{"a", 1},
		{"a\n\n  \nb\n", 2},
		{long + "\n" + long, 2},
	} {
		got, err := countLines(strings.NewReader(tc.in))
		if err != nil || got != tc.want {
			t.Errorf("countLines(%.20q) = %d, %v; want %d", tc.in, got, err, tc.want)
		}
	}
}
