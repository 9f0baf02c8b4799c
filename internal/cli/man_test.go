package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestManPages(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "man1")
	code, _, errs := run(t, "", "man", dir)
	if code != 0 || !strings.Contains(errs, "manual pages to "+dir) {
		t.Fatalf("exit %d: %s", code, errs)
	}
	page, err := os.ReadFile(filepath.Join(dir, "policylens-analyze.1"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`.TH "POLICYLENS" "1"`, "policylens-analyze - Analyze documents", `\fB--keywords\fP=15`, "policylens analyze samples/zh-news/"} {
		if !strings.Contains(string(page), want) {
			t.Errorf("policylens-analyze.1 lacks %q", want)
		}
	}
	for _, name := range []string{"policylens.1", "policylens-lexicons-show.1", "policylens-samples.1"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("no page %s: %v", name, err)
		}
	}
}
