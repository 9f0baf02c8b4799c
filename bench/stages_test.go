package bench

import (
	"bytes"
	"context"
	"sync"
	"testing"

	"github.com/policylens/policylens/internal/directives"
	"github.com/policylens/policylens/internal/entities"
	"github.com/policylens/policylens/internal/keywords"
	"github.com/policylens/policylens/internal/lexicon"
	"github.com/policylens/policylens/internal/parse"
	"github.com/policylens/policylens/internal/segment"
)

// The stage benchmarks time one stage of the pipeline at a time over the
// work reports of reportsPath, each document segmented whole once before
// the timer starts: BenchmarkAnalyzeReports moves by a few percent when one
// extractor gets faster, within the noise of a shared machine, while a
// stage alone shows it.

// stageInput is the parsed and segmented reports, made once per process.
type stageInput struct {
	lex   *lexicon.Set
	seg   *segment.Segmenter
	docs  []*parse.Document
	segs  []*segment.Doc
	bytes int64
}

var (
	stageOnce sync.Once
	stageVal  stageInput
	stageErr  error
)

func stages(b *testing.B) *stageInput {
	b.Helper()
	stageOnce.Do(func() { stageVal, stageErr = loadStages(read(b, reportsPath)) })
	if stageErr != nil {
		b.Fatal(stageErr)
	}
	return &stageVal
}

func loadStages(data []byte) (stageInput, error) {
	var in stageInput
	lex, err := lexicon.Builtin()
	if err != nil {
		return in, err
	}
	in.lex, in.seg, in.bytes = lex, segment.New(lex, segment.Options{}), int64(len(data))
	var recErr error
	err = parse.ReadJSONL(bytes.NewReader(data), reportsPath, parse.JSONLFields{}, 0, func(d *parse.Document, err error) bool {
		if err != nil {
			recErr = err
			return false
		}
		in.docs = append(in.docs, d)
		return true
	})
	if err == nil {
		err = recErr
	}
	for _, d := range in.docs {
		if err != nil {
			break
		}
		var s *segment.Doc
		s, err = in.seg.SegmentAs(context.Background(), "zh", false, d.Title, d.Paragraphs)
		in.segs = append(in.segs, s)
	}
	return in, err
}

// runStage times fn over every document of the reports.
func runStage(b *testing.B, fn func(in *stageInput, i int)) {
	in := stages(b)
	b.SetBytes(in.bytes)
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	for b.Loop() {
		for i := range in.docs {
			fn(in, i)
		}
	}
	reportCPU(b, cpu0)
}

// BenchmarkStageSegment: segmentation of the reports, each whole.
func BenchmarkStageSegment(b *testing.B) {
	runStage(b, func(in *stageInput, i int) {
		d := in.docs[i]
		if _, err := in.seg.SegmentAs(context.Background(), "zh", false, d.Title, d.Paragraphs); err != nil {
			b.Fatal(err)
		}
	})
}

// BenchmarkStageEntities: the entity extractor over the segmented reports.
func BenchmarkStageEntities(b *testing.B) {
	runStage(b, func(in *stageInput, i int) {
		d := in.docs[i]
		entities.Extract(in.segs[i], in.lex, entities.Meta{Date: d.Date, Title: d.Title, DocNumber: d.DocNumber, Format: d.Format})
	})
}

// BenchmarkStageKeywords: keyword statistics and ranking over the
// segmented reports (without the entities' names and actors).
func BenchmarkStageKeywords(b *testing.B) {
	runStage(b, func(in *stageInput, i int) {
		acc := keywords.NewAccumulator(in.lex, "zh")
		acc.Add(in.segs[i])
		acc.KeywordsCentral(15, nil, nil, nil)
	})
}

// BenchmarkStageDirectives: the directive extractor, its model included,
// over the segmented reports (without the officials the entities name).
func BenchmarkStageDirectives(b *testing.B) {
	rules := directives.Compile(stages(b).lex)
	runStage(b, func(in *stageInput, i int) {
		d := in.docs[i]
		directives.Extract(in.segs[i], rules, directives.Meta{Date: d.Date, Issuer: d.Issuer, Title: d.Title, Format: d.Format})
	})
}
