package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/policylens/policylens/internal/lexicon"
	"github.com/policylens/policylens/lexicons"
)

func TestLexiconsListCounts(t *testing.T) {
	code, out, _ := run(t, "", "lexicons", "list")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	rows, err := lexicon.ReadRows(lexicons.FS, "markers.zh.tsv")
	if err != nil || len(rows) == 0 {
		t.Fatalf("markers.zh.tsv: %v", err)
	}
	markers := fmt.Sprintf("%-22s %7d  marker, force, kind", "markers.zh.tsv", len(rows))
	for _, want := range []string{"file                   entries", markers, "userdict.zh.tsv           none"} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in:\n%s", want, out)
		}
	}
}

func TestLexiconsShow(t *testing.T) {
	code, out, _ := run(t, "", "lexicons", "show", "frames.zh.tsv")
	want, _ := os.ReadFile("../../lexicons/frames.zh.tsv")
	if code != 0 || out != string(want) {
		t.Errorf("exit %d; show differs from lexicons/frames.zh.tsv", code)
	}
	code, _, errs := run(t, "", "lexicons", "show", "nope.tsv")
	if code != ExitUsage || !strings.Contains(errs, `no built-in lexicon "nope.tsv"`) {
		t.Errorf("unknown name: exit %d, %q", code, errs)
	}
}

// TestLexiconsValidateMessages: spaces instead of tabs are named as such
// (one line, not one per row); rows that repeat built-in ones are notes
// that do not fail the folder.
func TestLexiconsValidateMessages(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "markers.zh.tsv"), []byte("# mine\nmarker  force kind\n严禁 prohibit modal\n务必 must modal\n"), 0o644)
	code, _, errs := run(t, "", "lexicons", "validate", dir)
	want := filepath.Join(dir, "markers.zh.tsv") + ":2: columns must be separated by TAB, not spaces"
	if code != 1 || !strings.HasPrefix(errs, want) || strings.Count(errs, "\n") != 1 {
		t.Errorf("exit %d, stderr:\n%s\nwant one line starting %q", code, errs, want)
	}

	dir = t.TempDir()
	os.WriteFile(filepath.Join(dir, "titles.zh.txt"), []byte("title\n新头衔\n部长\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "markers.zh.tsv"), []byte("marker\tforce\tkind\n严禁\tmust\tmodal\n"), 0o644)
	code, out, errs := run(t, "", "lexicons", "validate", dir)
	if code != 0 || out != "ok\n" {
		t.Errorf("notes failed the folder: exit %d, %q", code, out)
	}
	for _, want := range []string{
		filepath.Join(dir, "titles.zh.txt") + `:3: note: "部长" repeats the built-in row (titles.zh.txt line `,
		filepath.Join(dir, "markers.zh.tsv") + `:2: note: "严禁" is built in too (markers.zh.tsv line `,
	} {
		if !strings.Contains(errs, want) {
			t.Errorf("no %q in:\n%s", want, errs)
		}
	}
	if strings.Contains(errs, "新头衔") {
		t.Errorf("a new row got a note:\n%s", errs)
	}
}
