package analyze_test

import (
	"context"
	"os"
	"testing"

	"github.com/policylens/policylens/analyze"
)

func TestProfileGWR(t *testing.T) {
	if os.Getenv("PROFILE_GWR") == "" {
		t.Skip()
	}
	a, _ := analyze.New(analyze.WithJobs(1))
	a.Batch(context.Background(), []analyze.Input{{Path: "../../shared/corpus/gwr/government_work_reports.jsonl", ID: "g"}}, nil, func(r analyze.Result) error { return nil })
}
