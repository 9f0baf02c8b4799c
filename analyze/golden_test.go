package analyze_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/policylens/policylens/analyze"
	"github.com/policylens/policylens/internal/golden"
	"github.com/policylens/policylens/schema"
)

const testdata = "../testdata"

var (
	analyzerOnce sync.Once
	shared       *analyze.Analyzer
	sharedErr    error
)

// analyzer is built once for all tests of the package, as a program would.
func analyzer(t testing.TB) *analyze.Analyzer {
	t.Helper()
	analyzerOnce.Do(func() { shared, sharedErr = analyze.New(analyze.WithJobs(2)) })
	if sharedErr != nil {
		t.Fatal(sharedErr)
	}
	return shared
}

func compileSchema(t testing.TB) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schema.AnalysisV1))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("analysis.v1.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("analysis.v1.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// docs lists the shipped documents, relative to testdata.
func docs(t testing.TB) []string {
	var out []string
	err := filepath.WalkDir(filepath.Join(testdata, "docs"), func(p string, d os.DirEntry, err error) error {
		if err == nil && d.IsDir() && d.Name() == "corpus" {
			return filepath.SkipDir // the labelled corpus: scored by the quality test, its outputs unseen
		}
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(testdata, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestGoldenAnalyses analyzes every shipped document, checks the JSON
// against the schema and compares it with its golden file.
func TestGoldenAnalyses(t *testing.T) {
	a := analyzer(t)
	sch := compileSchema(t)
	for _, rel := range docs(t) {
		t.Run(rel, func(t *testing.T) {
			var got []byte
			if strings.HasSuffix(rel, ".jsonl") {
				var buf bytes.Buffer
				err := a.Batch(context.Background(), []analyze.Input{{Path: filepath.Join(testdata, rel), ID: rel}}, nil, func(r analyze.Result) error {
					if r.Err != nil {
						t.Fatalf("%s: %v", r.Name, r.Err)
					}
					r.Analysis.Document.Path = rel
					return writeJSON(t, &buf, sch, r.Analysis)
				})
				if err != nil {
					t.Fatal(err)
				}
				got = buf.Bytes()
			} else {
				data, err := os.ReadFile(filepath.Join(testdata, rel))
				if err != nil {
					t.Fatal(err)
				}
				res, err := a.Analyze(context.Background(), analyze.Source{Name: rel, Data: data})
				if err != nil {
					t.Fatal(err)
				}
				var buf bytes.Buffer
				if err := writeJSON(t, &buf, sch, res); err != nil {
					t.Fatal(err)
				}
				got = buf.Bytes()
			}
			golden.Check(t, filepath.Join(testdata, "golden", "analysis", strings.ReplaceAll(rel, "/", "__")+".json"), got)
		})
	}
}

func writeJSON(t testing.TB, buf *bytes.Buffer, sch *jsonschema.Schema, a *analyze.Analysis) error {
	b, err := json.MarshalIndent(a, "", "  ")
	if err != nil {
		return err
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		return err
	}
	if err := sch.Validate(inst); err != nil {
		t.Errorf("%s does not follow the schema: %v", a.Document.ID, err)
	}
	buf.Write(b)
	buf.WriteByte('\n')
	return nil
}
