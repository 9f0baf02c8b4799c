package cli

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSegmentText(t *testing.T) {
	code, out, errOut := run(t, "国务院安委办部署工作，王翔表示要加强执法。\n", "segment", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"== - (zh)", "国务院安委办/nt", "    organization 国务院安委办 [0,6)"} {
		if !strings.Contains(out, want) {
			t.Errorf("segment output lacks %q:\n%s", want, out)
		}
	}
}

func TestSegmentJSON(t *testing.T) {
	code, out, errOut := run(t, "国务院安委办部署工作。\n", "segment", "-f", "json", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var d segmentedDoc
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatal(err)
	}
	if len(d.Paragraphs) != 1 || d.Paragraphs[0].Tokens[0].Text != "国务院安委办" || d.Paragraphs[0].Tokens[0].POS != "nt" || d.Paragraphs[0].Tokens[0].End != 6 {
		t.Errorf("unexpected JSON: %s", out)
	}
	if len(d.Paragraphs[0].Units) == 0 || d.Paragraphs[0].Units[0].Type != "organization" {
		t.Errorf("no entity unit: %s", out)
	}
}

func TestSegmentBadFileGoesOn(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.txt")
	if err := os.WriteFile(good, []byte("会议要求加强执法。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := run(t, "", "segment", filepath.Join(dir, "missing.txt"), good)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	if !strings.Contains(errOut, "missing.txt") || strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
		t.Errorf("want one error line naming the file, got %q", errOut)
	}
	if !strings.Contains(out, "会议/n") {
		t.Errorf("the good file was not segmented: %s", out)
	}
}

// TestSegmentJSONLCorpus: each record of a JSONL corpus is a document of
// its own, named path#id as analyze names it; a bad record is one error
// line naming its line, and the others go on.
func TestSegmentJSONLCorpus(t *testing.T) {
	dir := t.TempDir()
	corpus := filepath.Join(dir, "c.jsonl")
	data := `{"id":"a","content":"国务院要求加强监管。"}` + "\nnot json\n" + `{"id":"b","content":"会议强调推进改革。"}` + "\n"
	if err := os.WriteFile(corpus, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := run(t, "", "segment", "-f", "json", corpus)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	if !strings.Contains(errOut, corpus+`:2"`) || strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
		t.Errorf("want one error line naming line 2, got %q", errOut)
	}
	var docs []segmentedDoc
	if err := json.Unmarshal([]byte(out), &docs); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if len(docs) != 2 || docs[0].Document != corpus+"#a" || docs[1].Document != corpus+"#b" {
		t.Fatalf("want the two good records as documents, got %s", out)
	}
	if docs[1].Paragraphs[0].Tokens[0].Text != "会议" {
		t.Errorf("record b's tokens: %+v", docs[1].Paragraphs[0].Tokens)
	}
}

// TestSegmentJSONNoDocument: nothing segmented is an empty array, not null.
func TestSegmentJSONNoDocument(t *testing.T) {
	code, out, _ := run(t, "", "segment", "-f", "json", filepath.Join(t.TempDir(), "missing.txt"))
	if code != 1 || strings.TrimSpace(out) != "[]" {
		t.Errorf("exit %d, output %q; want 1 and []", code, out)
	}
}

// TestSegmentURL: a URL is fetched as analyze fetches it, and a failed one
// is one error line naming it while the others go on.
func TestSegmentURL(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/notice.txt" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		io.WriteString(w, "会议要求加强执法。\n")
	}))
	defer srv.Close()
	code, out, errOut := run(t, "", "segment", srv.URL+"/missing", srv.URL+"/notice.txt")
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	if !strings.Contains(errOut, srv.URL+"/missing") || strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
		t.Errorf("want one error line naming the missing URL, got %q", errOut)
	}
	if !strings.Contains(out, "== "+srv.URL+"/notice.txt (zh)") || !strings.Contains(out, "会议/n") {
		t.Errorf("the page was not segmented under its URL: %s", out)
	}
}
