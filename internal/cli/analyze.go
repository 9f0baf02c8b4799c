package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"slices"
	"sort"
	"strings"

	"github.com/mattn/go-isatty"
	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/policylens/policylens/analyze"
	"github.com/policylens/policylens/internal/parse"
	"github.com/policylens/policylens/reports"
)

// analyzeOptions are the flags of `policylens analyze`.
type analyzeOptions struct {
	format      string
	inputFormat string
	lang        string
	jobs        int
	keywords    int
	lexicons    []string
	maxBytes    int64
	jsonl       parse.JSONLFields
	quiet       bool
	verbose     bool
	summary     bool
	only        []string
	force       []string
	width       int
	output      string
	formats     []string // what --format accepts
	tagEnglish  bool
	csvRaw      bool
	bom         bool
	explain     bool
	minConf     float64
	dirModel    string
}

// addInputFlags registers the flags every command that reads documents shares.
func addInputFlags(cmd *cobra.Command, o *analyzeOptions) {
	f := cmd.Flags()
	f.StringVar(&o.inputFormat, "input-format", "", "force the input format: "+strings.Join(parse.Formats, ", ")+" (default: detect)")
	f.StringVar(&o.lang, "lang", "", "force the language: zh or en (default: detect per document)")
	f.IntVarP(&o.jobs, "jobs", "j", runtime.NumCPU(), "documents analyzed at once")
	f.StringArrayVar(&o.lexicons, "lexicon", nil, "folder of lexicon files added to the built-in ones (repeatable)")
	f.StringVar(&o.dirModel, "directive-model", "", "directive model weights file trained on labels of your own (go run ./internal/directives/train -out FILE), in place of the built-in one")
	f.Int64Var(&o.maxBytes, "max-bytes", analyze.DefaultMaxBytes, "refuse inputs (files, JSONL lines) larger than this")
	f.StringVar(&o.jsonl.Text, "jsonl-text", parse.DefaultJSONLFields.Text, "JSONL field holding the text")
	f.StringVar(&o.jsonl.Title, "jsonl-title", parse.DefaultJSONLFields.Title, "JSONL field holding the title")
	f.StringVar(&o.jsonl.Date, "jsonl-date", parse.DefaultJSONLFields.Date, "JSONL field(s) holding the date, comma-separated, first present wins")
	f.StringVar(&o.jsonl.ID, "jsonl-id", parse.DefaultJSONLFields.ID, "JSONL field holding the record id")
	f.BoolVarP(&o.quiet, "quiet", "q", false, "no progress bar")
	f.BoolVarP(&o.verbose, "verbose", "v", false, "name each file a folder walk skipped, and why")
	f.BoolVar(&o.tagEnglish, "tag-english", false, "run prose's part-of-speech tagger on English text (slower)")
	markInput(f, "input-format", "directive-model", "max-bytes", "jsonl-text", "jsonl-title", "jsonl-date", "jsonl-id", "tag-english")
}

func (o *analyzeOptions) analyzer(stderr io.Writer, extra ...analyze.Option) (*analyze.Analyzer, error) {
	if o.jobs < 1 {
		return nil, usagef("--jobs must be at least 1")
	}
	if most := maxJobs(); o.jobs > most {
		fmt.Fprintf(stderr, "policylens: note: --jobs %d capped at %d (4 × %d CPUs)\n", o.jobs, most, runtime.NumCPU())
		o.jobs = most
	}
	if o.maxBytes <= 0 {
		return nil, usagef("--max-bytes must be at least 1 (it is a size limit in bytes; default %d)", analyze.DefaultMaxBytes)
	}
	if o.lang != "" && o.lang != "zh" && o.lang != "en" {
		return nil, usagef("--lang %q: want zh or en", o.lang)
	}
	if o.inputFormat != "" && !slices.Contains(parse.Formats, o.inputFormat) {
		return nil, usagef("--input-format %q: want one of %s", o.inputFormat, strings.Join(parse.Formats, ", "))
	}
	if o.minConf < 0 || o.minConf > 1 {
		return nil, usagef("--min-confidence %g: want a probability from 0 to 1", o.minConf)
	}
	opts := []analyze.Option{
		analyze.WithLexiconDirs(o.lexicons...), analyze.WithLanguage(o.lang), analyze.WithKeywords(o.keywords),
		analyze.WithInputFormat(o.inputFormat), analyze.WithJSONLFields(o.jsonl), analyze.WithMaxBytes(o.maxBytes),
		analyze.WithJobs(o.jobs), analyze.WithEnglishTagging(o.tagEnglish),
		analyze.WithExplain(o.explain), analyze.WithMinConfidence(o.minConf),
	}
	if o.dirModel != "" {
		opts = append(opts, analyze.WithDirectiveModel(o.dirModel))
	}
	var ex []string
	for _, s := range o.only {
		if slices.Contains(analyze.Extractors, s) {
			ex = append(ex, s)
		}
	}
	if len(o.only) > 0 {
		opts = append(opts, analyze.WithExtractors(ex...)) // skip what will not be shown
	}
	return analyze.New(append(opts, extra...)...)
}

// maxJobs caps --jobs: more workers than that only cost memory.
func maxJobs() int { return 4 * runtime.NumCPU() }

func newAnalyzeCmd(s Streams) *cobra.Command {
	o := &analyzeOptions{}
	cmd := &cobra.Command{
		Use:   "analyze [flags] PATH...",
		Short: "Analyze documents: keywords, entities, directives, targets",
		Long: `Analyze reads files, URLs, folders (walked for .md .markdown .txt .html .htm .jsonl .pdf .docx .ofd)
or - for standard input, and prints each document's analysis in input order.
A file that cannot be read gets a one-line error; the others go on, and the
exit code is 1 at the end (0 when all went well, 2 for a usage error).`,
		Example: `  policylens samples samples   # writes the documents the examples use
  policylens analyze samples/zh-news/20211217-13091315907.md
  policylens analyze --format json --only directives --force must,prohibit samples/zh-docs
  policylens analyze --format jsonl --jobs 2 -o samples.jsonl samples`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error { return runAnalyze(cmd.Context(), s, o, args) },
	}
	addInputFlags(cmd, o)
	f := cmd.Flags()
	addOutputFlags(cmd, o, "table", append(reports.Formats(), "xlsx")...)
	f.IntVar(&o.keywords, "keywords", 15, "number of keywords per document")
	f.StringSliceVar(&o.only, "only", nil, "sections to print: "+strings.Join(reports.Sections, ", ")+" (table), or to keep in JSON")
	f.StringSliceVar(&o.force, "force", nil, "keep only directives of these forces: must, should, prohibit, encourage")
	f.BoolVar(&o.explain, "explain", false, "say why each directive was taken (JSON: directives[].why: the model's confidence and its weightiest features)")
	f.Float64Var(&o.minConf, "min-confidence", 0, "keep only directives the model is at least this sure of (0 to 1)")
	f.IntVar(&o.width, "width", 0, "table width in columns (default: the terminal's, or 100)")
	f.BoolVar(&o.summary, "summary", false, "one line per document: title, date, directives, must+prohibit, top 3 keywords")
	return cmd
}

func runAnalyze(ctx context.Context, s Streams, o *analyzeOptions, args []string) error {
	for _, f := range o.force {
		if analyzeForceRank(f) < 0 {
			return usagef("--force %q: want must, should, prohibit or encourage", f)
		}
	}
	if o.keywords < 0 {
		return usagef("--keywords must not be negative")
	}
	width := o.width
	if width == 0 {
		width = terminalWidth(s.Out)
	}
	csvList, err := o.checkOutput(s.Out, width)
	if err != nil {
		return err
	}
	var spill []analyze.Option
	if o.streamsJSON(csvList) {
		spill = append(spill, analyze.WithSpill("")) // a long document's text and directives wait on disk
	}
	a, err := o.analyzer(s.Err, spill...)
	if err != nil {
		return err
	}
	inputs, skipped, errs := analyze.Inputs(args)
	failed := reportInputs(s.Err, o.format, errs)
	if len(inputs) == 0 && failed == 0 {
		return fmt.Errorf("no documents to analyze in %s (read: %s; skipped %d file(s))", strings.Join(args, ", "), extensions(), skipped)
	}
	err = withOutput(s.Out, o.output, func(w io.Writer) error {
		n, err := writeAnalyses(ctx, s, o, a, inputs, o.reporter(w, width, csvList))
		failed += n
		return err
	})
	if err != nil {
		return err
	}
	reportSkipped(s.Err, o, args, inputs, errs, skipped)
	return finish(failed)
}

// checkOutput checks the flags that shape analyze's output and returns
// the list a CSV holds when it is not the directives.
func (o *analyzeOptions) checkOutput(stdout io.Writer, width int) (string, error) {
	switch {
	case o.summary && len(o.only) > 0:
		return "", usagef("--summary prints its own columns; leave out --only")
	case o.summary && o.format == "xlsx":
		return "", usagef("--summary writes a table, CSV, JSON or JSONL; --format xlsx has a documents sheet")
	case o.format == "xlsx" && (o.output == "" || o.output == "-") && isTerminalWriter(stdout):
		return "", usagef("--format xlsx writes a binary workbook: give -o FILE.xlsx")
	case o.format == "xlsx":
		_, err := reports.New("json", io.Discard, o.reportOptions(width)) // checks --only
		return "", wrapUsage(err)
	}
	if _, err := reports.New(o.format, io.Discard, o.reportOptions(width)); err != nil {
		return "", usageError{err}
	}
	return o.csvList()
}

func wrapUsage(err error) error {
	if err == nil {
		return nil
	}
	return usageError{err}
}

// reporter returns the writer of analyze's output on w.
func (o *analyzeOptions) reporter(w io.Writer, width int, csvList string) reports.Reporter {
	o.writeBOM(w)
	switch {
	case o.summary:
		return newSummaryReporter(w, o, width)
	case csvList != "" || o.format == "xlsx":
		return newListReporter(w, o, csvList)
	}
	rep, _ := reports.New(o.format, w, o.reportOptions(width)) // checked by checkOutput
	return rep
}

func (o *analyzeOptions) reportOptions(width int) reports.Options {
	return reports.Options{Width: width, Sections: o.only, CSVRaw: o.csvRaw}
}

// streamsJSON tells whether analyze writes JSON or JSONL of whole
// analyses, whose writer reads a spilled analysis back (analyze.WithSpill).
func (o *analyzeOptions) streamsJSON(csvList string) bool {
	return (o.format == "json" || o.format == "jsonl") && !o.summary && csvList == ""
}

// writeAnalyses analyzes inputs and writes each analysis with rep; it
// returns the number of inputs that failed, reported one line each. A
// spilled analysis is closed once written: the JSON reporter holds back
// at most the last one it was given.
func writeAnalyses(ctx context.Context, s Streams, o *analyzeOptions, a *analyze.Analyzer, inputs []analyze.Input, rep reports.Reporter) (int, error) {
	var last *analyze.Analysis
	defer func() { closeAnalysis(s.Err, last) }()
	failed, err := eachAnalysis(ctx, s, o, a, inputs, func(an *analyze.Analysis) error {
		filterAnalysis(an, o)
		err := rep.Write(an)
		closeAnalysis(s.Err, last)
		last = an
		return err
	})
	if errors.Is(err, context.Canceled) {
		return failed, err
	}
	if err != nil {
		return failed, fmt.Errorf("write output: %w", err)
	}
	if err := rep.Close(); err != nil {
		return failed, fmt.Errorf("write output: %w", err)
	}
	return failed, nil
}

// closeAnalysis removes a spilled analysis's temporary files; failing to is
// worth a note, not a failed run.
func closeAnalysis(w io.Writer, an *analyze.Analysis) {
	if an == nil {
		return
	}
	if err := an.Close(); err != nil {
		fmt.Fprintf(w, "policylens: note: %v\n", err)
	}
}

// eachAnalysis runs a batch behind the progress bar, reports each failure
// and warning on a line of its own, and hands every analysis to fn in input
// order; it returns how many inputs failed.
func eachAnalysis(ctx context.Context, s Streams, o *analyzeOptions, a *analyze.Analyzer, inputs []analyze.Input, fn func(*analyze.Analysis) error) (int, error) {
	failed := 0
	bar := newProgress(s.Err, inputs, o.quiet)
	err := a.Batch(ctx, inputs, s.In, func(r analyze.Result) error {
		if bar != nil {
			bar.Add(1)
			if r.Err != nil || r.Warning != "" {
				bar.Clear()
			}
		}
		ok, bad := reportResult(s.Err, o.format, r)
		if bad {
			failed++
		}
		if !ok {
			return nil
		}
		return fn(r.Analysis)
	})
	if bar != nil {
		bar.Finish()
		fmt.Fprintln(s.Err)
	}
	return failed, err
}

// reportInputs reports the paths Inputs could not take, one line each, and
// returns how many failed (a skipped pipe or device does not count).
func reportInputs(w io.Writer, format string, errs []*analyze.InputError) int {
	failed := 0
	for _, e := range errs {
		if reportInput(w, format, e.Path, e.Err) {
			failed++
		}
	}
	return failed
}

// reportResult reports a batch result's warning and error. ok tells whether
// it carries an analysis; failed whether its error counts as a failure.
func reportResult(w io.Writer, format string, r analyze.Result) (ok, failed bool) {
	if r.Warning != "" {
		reportWarning(w, format, r.Name, r.Warning)
	}
	if r.Err != nil {
		return false, reportInput(w, format, r.Name, r.Err)
	}
	return true, false
}

func analyzeForceRank(f string) int {
	for i, x := range analyze.Forces {
		if x == f {
			return i
		}
	}
	return -1
}

// filterAnalysis applies --force and, for JSON, --only.
func filterAnalysis(a *analyze.Analysis, o *analyzeOptions) {
	if len(o.force) > 0 {
		a.KeepForces(o.force...)
	}
	if len(o.only) > 0 && o.format != "table" {
		if !slices.Contains(o.only, "keywords") {
			a.Keywords = []analyze.Keyword{}
		}
		if !slices.Contains(o.only, "entities") {
			a.Entities = []analyze.Entity{}
		}
		if !slices.Contains(o.only, "directives") {
			a.KeepForces() // none
		}
		if !slices.Contains(o.only, "targets") {
			a.Targets = []analyze.Target{}
		}
	}
}

// terminalWidth is the width of w when it is a terminal, else 0.
func terminalWidth(w io.Writer) int {
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		if cols, _, err := term.GetSize(int(f.Fd())); err == nil {
			return cols
		}
	}
	return 0
}

// newProgress returns a progress bar on stderr for large batches when it is
// a terminal, else nil. A JSONL corpus counts its records as they come (its
// size is unknown until read).
func newProgress(w io.Writer, inputs []analyze.Input, quiet bool) *progressbar.ProgressBar {
	f, ok := w.(*os.File)
	n, corpus := len(inputs), false
	for _, in := range inputs {
		corpus = corpus || strings.HasSuffix(strings.ToLower(in.Path), ".jsonl")
	}
	if quiet || (n < 20 && !corpus) || !ok || !isatty.IsTerminal(f.Fd()) {
		return nil
	}
	if corpus {
		n = -1
	}
	return progressbar.NewOptions(n, progressbar.OptionSetWriter(w), progressbar.OptionSetDescription("analyzing"),
		progressbar.OptionShowCount(), progressbar.OptionThrottle(100_000_000))
}

// extensions lists the file endings a folder walk takes.
func extensions() string {
	var out []string
	for e := range parse.Extensions {
		out = append(out, e)
	}
	sort.Strings(out)
	return strings.Join(out, " ")
}

// addOutputFlags registers --format (def, or one of formats) and --output,
// the pair every command that writes a result has.
func addOutputFlags(cmd *cobra.Command, o *analyzeOptions, def string, formats ...string) {
	o.formats = formats
	f := cmd.Flags()
	f.StringVarP(&o.format, "format", "f", def, "output format: "+strings.Join(formats, ", "))
	setValues(f, "format", formats...)
	f.StringVarP(&o.output, "output", "o", "", "write to this file (atomically; - for standard output) instead of standard output")
	if slices.Contains(formats, "csv") {
		f.BoolVar(&o.csvRaw, "csv-raw", false, "CSV: leave cells starting with = + - @ as they are (by default they get a leading ' against formula injection)")
		f.BoolVar(&o.bom, "bom", runtime.GOOS == "windows", "CSV: start with a UTF-8 byte order mark, so that Excel reads Chinese right")
	}
}

// csvWriter returns the CSV writer of a command; numeric lists the columns
// holding numbers, which are never prefixed.
func (o *analyzeOptions) csvWriter(w io.Writer, numeric ...int) *reports.CSVWriter {
	o.writeBOM(w)
	return reports.NewCSVWriter(w, o.csvRaw, numeric...)
}

// utf8BOM tells Excel that a CSV file is UTF-8; without it Excel reads
// Chinese as the system's legacy code page.
const utf8BOM = "\ufeff"

// writeBOM starts CSV output with a byte order mark when --bom asks for
// one. A write error shows again, and is reported, at the first row.
func (o *analyzeOptions) writeBOM(w io.Writer) {
	if o.bom && o.format == "csv" {
		io.WriteString(w, utf8BOM)
	}
}

// checkFormat reports a --format value the command does not write.
func (o *analyzeOptions) checkFormat() error {
	return oneOf("--format", o.format, o.formats...)
}
