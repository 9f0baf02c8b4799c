package reports

import (
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"

	"github.com/policylens/policylens/analyze"
)

// Sections of an analysis that a report can show.
var Sections = []string{"summary", "keywords", "entities", "directives", "targets"}

// Options shape a report.
type Options struct {
	Width    int      // terminal width for tables; 0 means 100
	Sections []string // sections to show; empty means all
	CSVRaw   bool     // CSV: leave cells that look like formulas as they are
}

func (o Options) show(section string) bool {
	if len(o.Sections) == 0 {
		return true
	}
	for _, s := range o.Sections {
		if s == section {
			return true
		}
	}
	return false
}

// Reporter prints analyses as they come: Write for each, then Close once.
type Reporter interface {
	Write(a *analyze.Analysis) error
	Close() error
}

var formats = map[string]func(io.Writer, Options) Reporter{
	"table": func(w io.Writer, o Options) Reporter { return &tableReporter{w: w, opts: o} },
	"json":  func(w io.Writer, o Options) Reporter { return &jsonReporter{w: w} },
	"jsonl": func(w io.Writer, o Options) Reporter { return &jsonlReporter{w: w} },
	"csv": func(w io.Writer, o Options) Reporter {
		return &csvReporter{w: NewCSVWriter(w, o.CSVRaw, csvNumeric...)}
	},
}

// Formats lists the names New accepts.
func Formats() []string {
	var out []string
	for k := range formats {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// New returns the reporter of a format.
func New(format string, w io.Writer, opts Options) (Reporter, error) {
	f, ok := formats[format]
	if !ok {
		return nil, fmt.Errorf("unknown format %q (want %s)", format, strings.Join(Formats(), ", "))
	}
	for _, s := range opts.Sections {
		if !slices.Contains(Sections, s) {
			return nil, fmt.Errorf("unknown section %q (want %s)", s, strings.Join(Sections, ", "))
		}
	}
	return f(w, opts), nil
}
