package analyze_test

import (
	"context"
	"encoding/json"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/policylens/policylens/analyze"
)

// TestBatchOrderAndConcurrency analyzes every shipped document with one
// and with four workers (run under -race): the results come in input order
// and are the same.
func TestBatchOrderAndConcurrency(t *testing.T) {
	inputs, skipped, errs := analyze.Inputs([]string{filepath.Join(testdata, "docs")})
	if len(errs) > 0 || len(inputs) < 20 || skipped != 0 {
		t.Fatalf("inputs %d, skipped %d, errors %v", len(inputs), skipped, errs)
	}
	run := func(jobs int) []string {
		a, err := analyze.New(analyze.WithJobs(jobs))
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		last := -1
		err = a.Batch(context.Background(), inputs, nil, func(r analyze.Result) error {
			if r.Index != last+1 {
				t.Errorf("result %d after %d", r.Index, last)
			}
			last = r.Index
			if r.Err != nil {
				t.Errorf("%s: %v", r.Name, r.Err)
				return nil
			}
			b, _ := json.Marshal(r.Analysis)
			out = append(out, string(b))
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	one, four := run(1), run(4)
	if !reflect.DeepEqual(one, four) {
		t.Error("four workers give other results than one")
	}
}

// TestBatchStopsOnEmitError: an output error ends the batch with that error.
func TestBatchStopsOnEmitError(t *testing.T) {
	inputs, _, _ := analyze.Inputs([]string{filepath.Join(testdata, "docs")})
	a := analyzer(t)
	n := 0
	stop := context.Canceled
	err := a.Batch(context.Background(), inputs, nil, func(r analyze.Result) error {
		n++
		if n == 3 {
			return stop
		}
		return nil
	})
	if err != stop || n != 3 {
		t.Errorf("err %v after %d results", err, n)
	}
}
