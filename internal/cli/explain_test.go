package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestExplainFlag(t *testing.T) {
	code, out, errOut := run(t, "会议要求，各地区要严格落实安全生产责任，严禁违规生产。", "analyze", "--explain", "-f", "json", "-")
	if code != 0 || !strings.Contains(out, `"why"`) || !strings.Contains(out, `"confidence"`) {
		t.Fatalf("code %d, stderr %q, no why in %s", code, errOut, out)
	}
	code, out, _ = run(t, "会议要求，严禁违规生产。", "analyze", "-f", "json", "-")
	if code != 0 || strings.Contains(out, `"why"`) {
		t.Fatalf("why without --explain: %s", out)
	}
	if code, _, errOut := run(t, "x", "analyze", "--min-confidence", "1.5", "-"); code != 2 || !strings.Contains(errOut, "min-confidence") {
		t.Fatalf("--min-confidence 1.5: code %d, %q", code, errOut)
	}
}

// A stray Latin-1 byte is replaced and said once, naming the file.
func TestDecodeWarningNamesFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "lat.txt")
	if err := os.WriteFile(p, []byte("会议要求\xe9，严禁违规生产。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := run(t, "", "analyze", "--only", "directives", p)
	if code != 0 || !strings.Contains(out, "严禁违规生产") {
		t.Fatalf("code %d, out %q", code, out)
	}
	if strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, p+": warning:") || !strings.Contains(errOut, "byte 12") {
		t.Fatalf("stderr %q", errOut)
	}
}
