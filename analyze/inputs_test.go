//go:build unix

package analyze_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/policylens/policylens/analyze"
	"github.com/policylens/policylens/internal/blocktest"
	"github.com/policylens/policylens/internal/parse"
)

// within fails the test when f does not return within 10 s, so that a
// regression that blocks (opening a FIFO) fails instead of hanging.
func within(t *testing.T, f func()) { blocktest.Within(t, 10*time.Second, f) }

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestFIFOIsSkipped: a named pipe in a folder or given as an argument is
// reported as skipped, never opened, and the documents beside it are read.
func TestFIFOIsSkipped(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "a.txt"), "国务院要求各地加强监管。")
	fifo := filepath.Join(dir, "pipe.md")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	for _, args := range [][]string{{dir}, {fifo, filepath.Join(dir, "a.txt")}} {
		within(t, func() {
			inputs, _, errs := analyze.Inputs(args)
			if len(errs) != 1 || errs[0].Path != fifo || !errors.Is(errs[0], analyze.ErrSkipped) || !strings.Contains(errs[0].Error(), "FIFO") {
				t.Errorf("%v: errors %v, want the FIFO skipped", args, errs)
			}
			if len(inputs) != 1 {
				t.Errorf("%v: inputs %v, want a.txt only", args, inputs)
				return // t.Fatal may not run outside the test's goroutine
			}
			n := 0
			err := analyzer(t).Batch(context.Background(), inputs, nil, func(r analyze.Result) error {
				if r.Err != nil {
					t.Errorf("%s: %v", r.Name, r.Err)
				}
				n++
				return nil
			})
			if err != nil || n != 1 {
				t.Errorf("batch: %d results, %v", n, err)
			}
		})
	}
}

// TestBatchDoesNotOpenFIFO: a FIFO handed to Batch directly (a file
// replaced by one after Inputs looked) is refused, not waited on.
func TestBatchDoesNotOpenFIFO(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "late.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	within(t, func() {
		var got error
		analyzer(t).Batch(context.Background(), []analyze.Input{{Path: fifo, ID: "late.txt"}}, nil, func(r analyze.Result) error {
			got = r.Err
			return nil
		})
		if !errors.Is(got, analyze.ErrSkipped) {
			t.Errorf("error %v, want ErrSkipped", got)
		}
	})
}

// TestSymlinkedFolderArgument: a symbolic link to a folder, given without
// a trailing slash, is walked; paths keep the name given.
func TestSymlinkedFolderArgument(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real")
	if err := os.Mkdir(real, 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(real, "a.md"), "各地要加强监管。")
	writeFile(t, filepath.Join(real, "b.txt"), "严禁违规操作。")
	link := filepath.Join(dir, "link")
	if err := os.Symlink(real, link); err != nil {
		t.Skip("no symlinks here:", err)
	}
	inputs, _, errs := analyze.Inputs([]string{link})
	if len(errs) > 0 || len(inputs) != 2 {
		t.Fatalf("inputs %v, errors %v", inputs, errs)
	}
	if inputs[0].Path != filepath.Join(link, "a.md") || inputs[0].ID != "a.md" {
		t.Errorf("first input %+v", inputs[0])
	}
}

// TestDuplicateJSONLIDs: a record whose id an earlier record had is
// analyzed with a warning naming the id and the first record.
func TestDuplicateJSONLIDs(t *testing.T) {
	path := filepath.Join(t.TempDir(), "c.jsonl")
	writeFile(t, path, `{"id":"x","content":"各地要加强监管。"}
{"id":"y","content":"严禁违规操作。"}
{"id":"x","content":"必须落实责任。"}
`)
	var warnings []string
	err := analyzer(t).Batch(context.Background(), []analyze.Input{{Path: path, ID: "c.jsonl"}}, nil, func(r analyze.Result) error {
		if r.Err != nil {
			t.Errorf("%s: %v", r.Name, r.Err)
		}
		if r.Warning != "" {
			warnings = append(warnings, r.Name+": "+r.Warning)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], `duplicate id "x"`) || !strings.Contains(warnings[0], "record 3 has it, and record 1 before it") {
		t.Errorf("warnings %q, want one for the second x", warnings)
	}
}

// TestTooLargeNamesLimitAndFlag: the error for a file or a JSONL record
// over the limit names the limit and --max-bytes.
func TestTooLargeNamesLimitAndFlag(t *testing.T) {
	dir := t.TempDir()
	big := strings.Repeat("加强监管。", 100)
	writeFile(t, filepath.Join(dir, "big.txt"), big)
	writeFile(t, filepath.Join(dir, "big.jsonl"), `{"content":"`+big+`"}`+"\n")
	a, err := analyze.New(analyze.WithMaxBytes(1000))
	if err != nil {
		t.Fatal(err)
	}
	inputs := []analyze.Input{{Path: filepath.Join(dir, "big.txt"), ID: "big.txt"}, {Path: filepath.Join(dir, "big.jsonl"), ID: "big.jsonl"}}
	n := 0
	a.Batch(context.Background(), inputs, nil, func(r analyze.Result) error {
		n++
		if !errors.Is(r.Err, parse.ErrTooLarge) || !strings.Contains(r.Err.Error(), "1000 bytes") || !strings.Contains(r.Err.Error(), "--max-bytes") {
			t.Errorf("%s: %v, want too large naming 1000 bytes and --max-bytes", r.Name, r.Err)
		}
		return nil
	})
	if n != 2 {
		t.Errorf("%d results, want 2", n)
	}
}
