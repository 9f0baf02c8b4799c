package pipeline

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"reflect"
	"strconv"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/transforms/stats"
	"github.com/policylens/policylens/analyze"
)

// Options are the pipeline's settings, one flag each in policylens-beam.
type Options struct {
	Inputs   []string // globs of files; JSONL corpora (.jsonl) are read record by record
	Output   string   // folder (or bucket prefix) the files are written under
	By       string   // period of the aggregates: "year" or "month"
	Keywords int      // keywords per document, as analyze --keywords
	Lang     string   // force the language: "zh", "en" or "" to detect
	MaxBytes int64    // refuse larger files and records
	Shards   int      // JSONL shards of analyses
	Groups   int      // groups the documents are spread over for analysis
	Threads  int      // documents a worker analyzes at once within a group
}

// Defaults are the flags' defaults.
var Defaults = Options{By: "year", Keywords: 15, MaxBytes: analyze.DefaultMaxBytes, Shards: 4, Groups: 64, Threads: 1}

// Validate checks the options before a pipeline is built from them.
func (o Options) Validate() error {
	switch {
	case len(o.Inputs) == 0:
		return errors.New("no --input: give a glob of files to analyze")
	case o.Output == "":
		return errors.New("no --output: give the folder to write to")
	case o.By != "year" && o.By != "month":
		return fmt.Errorf("--by %q: want year or month", o.By)
	case o.Lang != "" && o.Lang != "zh" && o.Lang != "en":
		return fmt.Errorf("--lang %q: want zh or en", o.Lang)
	case o.Keywords < 0, o.MaxBytes < 1, o.Shards < 1, o.Groups < 1, o.Threads < 1:
		return errors.New("--keywords must be at least 0; --max_bytes, --shards, --groups and --threads at least 1")
	}
	for _, p := range append([]string{o.Output}, o.Inputs...) {
		if err := checkScheme(p); err != nil {
			return err
		}
	}
	return nil
}

func init() {
	beam.RegisterType(reflect.TypeOf((*Task)(nil)).Elem())
	register.DoFn4x0[context.Context, fileio.FileMetadata, func(Task), func(string, string)](&expandFn{})
	register.DoFn1x2[Task, int, Task](&groupFn{})
	register.DoFn6x0[context.Context, int, func(*Task) bool, func(string, string), func(string, int), func(string, string)](&analyzeFn{})
	register.DoFn2x2[string, string, string, string](&shardFn{})
	register.DoFn4x1[context.Context, string, func(*int) bool, func(*string) bool, error](&writeFn{})
	register.Function2x3(rowFn)
	register.Function2x3(failedFn)
	register.Function1x2(nameFn)
	register.Emitter1[Task]()
	register.Emitter2[string, string]()
	register.Emitter2[string, int]()
	register.Iter1[Task]()
	register.Iter1[int]()
	register.Iter1[string]()
}

// Build adds the pipeline to a scope: match, expand, spread, analyze,
// aggregate and write.
func Build(s beam.Scope, o Options) error {
	if err := o.Validate(); err != nil {
		return err
	}
	var tasks, failed []beam.PCollection
	for _, glob := range o.Inputs {
		m := fileio.MatchFiles(s, glob)
		t, d := beam.ParDo2(s, &expandFn{Root: Root(glob), MaxBytes: o.MaxBytes}, m)
		tasks, failed = append(tasks, t), append(failed, d)
	}
	// the group-by breaks fusion with the matching, so that a runner can
	// spread the documents over its workers
	grouped := beam.GroupByKey(s, beam.ParDo(s, &groupFn{Groups: o.Groups}, beam.Flatten(s, tasks...)))
	docs, aggs, d := beam.ParDo3(s, &analyzeFn{Keywords: o.Keywords, MaxBytes: o.MaxBytes, Lang: o.Lang, By: o.By, Threads: o.Threads}, grouped)
	failed = append(failed, d)
	lines := beam.Flatten(s,
		beam.ParDo(s, &shardFn{Shards: o.Shards}, docs),
		beam.ParDo(s, rowFn, stats.SumPerKey(s, aggs)),
		beam.ParDo(s, failedFn, beam.Flatten(s, failed...)),
	)
	writeFiles(s, o.Output, Files(o.Shards), lines)
	return nil
}

// groupFn spreads tasks over groups by a hash of their name.
type groupFn struct{ Groups int }

func (f *groupFn) ProcessElement(t Task) (int, Task) {
	h := fnv.New32a()
	h.Write([]byte(t.Path + "\x00" + strconv.Itoa(t.Line)))
	return int(h.Sum32() % uint32(f.Groups)), t
}
