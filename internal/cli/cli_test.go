package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

const seed = "../../testdata/docs/seed.md"

func run(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Run(context.Background(), args, Streams{In: strings.NewReader(stdin), Out: &out, Err: &errb})
	return code, out.String(), errb.String()
}

func TestAnalyzeSeed(t *testing.T) {
	code, out, errs := run(t, "", "analyze", "--format", "json", seed)
	if code != 0 || errs != "" {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var a struct {
		Document struct {
			Title, Editor string
			Paragraphs    []string
		}
		Directives []struct{ Force string }
	}
	if err := json.Unmarshal([]byte(out), &a); err != nil {
		t.Fatal(err)
	}
	if a.Document.Editor != "王翔" || len(a.Document.Paragraphs) != 4 || len(a.Directives) < 60 {
		t.Errorf("seed: editor %q, %d paragraphs, %d directives", a.Document.Editor, len(a.Document.Paragraphs), len(a.Directives))
	}
}

// TestBadInputs: each bad file gets one line naming it, the good file is
// still analyzed, and the exit code is 1.
func TestBadInputs(t *testing.T) {
	dir := t.TempDir()
	files := map[string][]byte{
		"empty.txt":    {},
		"binary.txt":   {0, 1, 2, 3, 0, 0, 7},
		"latin1.txt":   {0x63, 0x61, 0x66, 0xe9, 0x20, 0xff, 0xfe, 0x41},
		"open.md":      []byte("---\ntitle: never closed\n\nbody"),
		"bad.jsonl":    []byte("{\"content\": \"国务院要求各地加强监管。\"}\nnot json\n"),
		"huge.txt":     bytes.Repeat([]byte("加强监管。"), 600),
		"unclosed.htm": []byte("<html><body><div><p>会议要求，各地要加强监管。<div><div><p>严禁违规操作"),
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	args := []string{"analyze", "--format", "jsonl", "--max-bytes", "6000", "--jobs", "2"}
	for _, n := range []string{"empty.txt", "binary.txt", "latin1.txt", "open.md", "bad.jsonl", "huge.txt", "unclosed.htm", "missing.md"} {
		args = append(args, filepath.Join(dir, n))
	}
	code, out, errs := run(t, "", append(args, seed)...)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	var lines []string
	for _, l := range strings.Split(strings.TrimSpace(errs), "\n") {
		var e map[string]string
		if err := json.Unmarshal([]byte(l), &e); err != nil {
			t.Errorf("stderr line is not JSON: %s", l)
		}
		lines = append(lines, e["file"]+": "+e["error"])
	}
	for _, want := range []string{"empty.txt: empty file", "binary.txt: binary file", "open.md: front matter", "bad.jsonl:2: not a JSON object", "huge.txt: file too large: 9000 bytes, over the limit of 6000 bytes (raise it with --max-bytes)", "missing.md: no such file"} {
		found := false
		for _, l := range lines {
			found = found || strings.Contains(l, want)
		}
		if !found {
			t.Errorf("no line says %q in:\n%s", want, errs)
		}
	}
	if n := strings.Count(out, "\n"); n != 4 {
		t.Errorf("%d records on stdout, want 4 (a JSONL record, the Latin-1 file decoded with a warning, the unclosed page, the seed):\n%s", n, out)
	}
}

func TestJSONErrors(t *testing.T) {
	code, _, errs := run(t, "", "analyze", "--format", "json", "no-such-file.md")
	if code != 1 {
		t.Errorf("exit %d", code)
	}
	var e map[string]string
	if err := json.Unmarshal([]byte(strings.TrimSpace(errs)), &e); err != nil || e["file"] != "no-such-file.md" || e["error"] == "" {
		t.Errorf("stderr is not a JSON error: %q", errs)
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"analyze"},
		{"analyze", "--format", "yaml", seed},
		{"analyze", "--force", "maybe", seed},
		{"analyze", "--lang", "fr", seed},
		{"analyze", "--nonsense", seed},
		{"keywords", "--by", "week", seed},
		{"frobnicate"},
	} {
		if code, _, errs := run(t, "", args...); code != 2 || errs == "" {
			t.Errorf("%v: exit %d, stderr %q", args, code, errs)
		}
	}
}

func TestStdinAndFilters(t *testing.T) {
	code, out, _ := run(t, "会议要求，严禁违规操作，必须落实责任，要加强监管。", "analyze", "--format", "json", "--only", "directives", "--force", "must,prohibit", "-")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var a struct {
		Keywords   []any
		Directives []struct{ Force string }
	}
	json.Unmarshal([]byte(out), &a)
	if len(a.Keywords) != 0 || len(a.Directives) != 2 {
		t.Errorf("keywords %d directives %v", len(a.Keywords), a.Directives)
	}
}

func TestOutputFileIsAtomic(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out.json")
	if code, _, errs := run(t, "", "analyze", "--format", "json", "-o", out, seed); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if data, err := os.ReadFile(out); err != nil || !json.Valid(data) {
		t.Errorf("output file: %v", err)
	}
	ents, _ := os.ReadDir(dir)
	if len(ents) != 1 {
		t.Errorf("temporary files left: %v", ents)
	}
	// a failed run leaves no file behind
	bad := filepath.Join(dir, "none.json")
	run(t, "", "analyze", "--format", "nonsense", "-o", bad, seed)
	if _, err := os.Stat(bad); err == nil {
		t.Error("a failed run wrote its output file")
	}
}

func TestKeywordsByYear(t *testing.T) {
	code, out, errs := run(t, "", "keywords", "--by", "year", "--format", "csv", "--top", "3", "../../testdata/docs/gwr/reports-2024-2025-1954.jsonl")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, year := range []string{"1954,", "2024,", "2025,"} {
		if !strings.Contains(out, "\n"+year) {
			t.Errorf("no group %s in:\n%s", year, out)
		}
	}
}

func TestLexiconsValidate(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "titles.zh.txt"), []byte("title\n首席\n首席\n"), 0o644)
	code, _, errs := run(t, "", "lexicons", "validate", dir)
	if code != 1 || !strings.Contains(errs, "titles.zh.txt:3:") {
		t.Errorf("exit %d: %s", code, errs)
	}
	if code, out, _ := run(t, "", "lexicons", "list"); code != 0 || !strings.Contains(out, "organizations.zh.tsv") {
		t.Errorf("list: %d %s", code, out)
	}
}

// TestJSONLStreamsRecords: --max-bytes limits each record of a corpus, not
// the corpus, which is read record by record.
func TestJSONLStreamsRecords(t *testing.T) {
	corpus := "../../testdata/docs/gwr/reports-2024-2025-1954.jsonl"
	st, err := os.Stat(corpus)
	if err != nil {
		t.Fatal(err)
	}
	limit := strconv.FormatInt(st.Size()/2, 10) // under the file, over any record
	code, out, errs := run(t, "", "analyze", "--format", "jsonl", "--only", "summary", "--max-bytes", limit, corpus)
	if code != 0 || strings.Count(out, "\n") != 3 {
		t.Errorf("exit %d, %d records: %s", code, strings.Count(out, "\n"), errs)
	}
}

func TestInterruptWritesNothing(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out.jsonl")
	ctx, cancel := context.WithCancel(context.Background())
	cancel() // interrupted before the first document
	var o, e bytes.Buffer
	code := Run(ctx, []string{"analyze", "--format", "jsonl", "-o", out, seed, seed}, Streams{In: strings.NewReader(""), Out: &o, Err: &e})
	if code != ExitInterrupted || !strings.Contains(e.String(), "interrupted") {
		t.Errorf("exit %d, stderr %q", code, e.String())
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 0 {
		t.Errorf("an interrupted run left files: %v", ents)
	}
}

// --directive-model: a model of one's own; a missing or broken one is a
// one-line error naming the file.
func TestDirectiveModelFlag(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.tsv")
	if err := os.WriteFile(bad, []byte("bias one\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	all := filepath.Join(dir, "all.tsv") // every action clause a directive
	if err := os.WriteFile(all, []byte("bias\t5\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, m := range []string{filepath.Join(dir, "none.tsv"), bad} {
		code, _, errs := run(t, "", "analyze", "--directive-model", m, "../../testdata/docs/seed.md")
		if code != 1 || !strings.Contains(errs, m) || strings.Count(strings.TrimSpace(errs), "\n") > 0 {
			t.Errorf("%s: exit %d, stderr %q", m, code, errs)
		}
	}
	count := func(args ...string) int {
		code, out, errs := run(t, "", append([]string{"analyze", "-f", "json", "--only", "directives"}, args...)...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errs)
		}
		return strings.Count(out, `"force"`)
	}
	if builtin, mine := count("../../testdata/docs/seed.md"), count("--directive-model", all, "../../testdata/docs/seed.md"); mine <= builtin {
		t.Errorf("a model that takes every clause gave %d directives, the built-in one %d", mine, builtin)
	}
}
