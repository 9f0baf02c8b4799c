// Command policylens-beam runs the policylens analysis as an Apache Beam
// pipeline on any Beam runner: prism (local), flink, spark, dataflow.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"
	"github.com/policylens/policylens/beam/pipeline"
)

// globs collects repeated --input flags, each possibly comma-separated.
type globs []string

func (g *globs) String() string { return strings.Join(*g, ",") }

func (g *globs) Set(v string) error {
	for _, p := range strings.Split(v, ",") {
		if p = strings.TrimSpace(p); p != "" {
			*g = append(*g, p)
		}
	}
	return nil
}

func main() {
	o := pipeline.Defaults
	flag.Var((*globs)(&o.Inputs), "input", "glob of files to analyze (repeatable, or comma-separated); .jsonl files are corpora read record by record")
	flag.StringVar(&o.Output, "output", "", "folder (local, gs://, s3://) to write the analyses, aggregates and failed.jsonl under")
	flag.StringVar(&o.By, "by", o.By, "period of the aggregates: year or month")
	flag.IntVar(&o.Keywords, "keywords", o.Keywords, "keywords per document")
	flag.StringVar(&o.Lang, "lang", "", "force the language: zh or en (default: detected per document)")
	flag.Int64Var(&o.MaxBytes, "max_bytes", o.MaxBytes, "refuse larger files and JSONL records")
	flag.IntVar(&o.Shards, "shards", o.Shards, "JSONL shards of analyses")
	flag.IntVar(&o.Groups, "groups", o.Groups, "groups the documents are spread over (at least the workers' total parallelism)")
	flag.IntVar(&o.Threads, "threads", o.Threads, "documents analyzed at once inside a group (for runners that run one bundle at a time, such as prism)")
	flag.Parse()
	beam.Init() // on a runner's worker, this runs the worker and never returns

	p, s := beam.NewPipelineWithRoot()
	if err := pipeline.Build(s, o); err != nil {
		fmt.Fprintf(os.Stderr, "policylens-beam: %v\n", err)
		os.Exit(2)
	}
	ctx := context.Background()
	if err := beamx.Run(ctx, p); err != nil {
		fmt.Fprintf(os.Stderr, "policylens-beam: %v\n", err)
		os.Exit(1)
	}
	os.Exit(deadLetters(ctx, o.Output))
}

// deadLetters reads back the failures of a finished run and returns the
// exit code: like `policylens analyze`, a batch goes on past a bad input,
// writes everything, and then says with its exit code that some failed.
func deadLetters(ctx context.Context, output string) int {
	n, err := pipeline.CountFailed(ctx, output)
	switch {
	case err != nil:
		fmt.Fprintf(os.Stderr, "policylens-beam: reading the failed inputs back: %v\n", err)
		return 1
	case n == 1:
		fmt.Fprintf(os.Stderr, "policylens-beam: 1 input failed; its error is in %s\n", pipeline.FailedPath(output))
		return 1
	case n > 1:
		fmt.Fprintf(os.Stderr, "policylens-beam: %d inputs failed; their errors are in %s\n", n, pipeline.FailedPath(output))
		return 1
	}
	return 0
}
