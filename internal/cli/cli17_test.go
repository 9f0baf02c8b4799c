package cli

import (
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
)

func TestVersionFlag(t *testing.T) {
	for _, args := range [][]string{{"--version"}, {"version"}} {
		code, out, _ := run(t, "", args...)
		if code != 0 || !strings.HasPrefix(out, "policylens ") || strings.Count(out, "\n") != 1 {
			t.Errorf("%v: exit %d, %q", args, code, out)
		}
	}
}

func TestVersionOf(t *testing.T) {
	rev := []debug.BuildSetting{{Key: "vcs.revision", Value: "0123456789abcdef0123"}, {Key: "vcs.modified", Value: "true"}}
	for _, c := range []struct {
		linked string
		info   *debug.BuildInfo
		want   string
	}{
		{"v1.2.0", &debug.BuildInfo{Main: debug.Module{Version: "v9.9.9"}}, "v1.2.0"}, // -ldflags wins
		{"dev", &debug.BuildInfo{Main: debug.Module{Version: "v0.3.1"}}, "v0.3.1"},    // go install …@v0.3.1
		{"dev", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: rev}, "dev+0123456789ab-dirty"},
		{"dev", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, "dev"},
		{"dev", nil, "dev"},
	} {
		if got := versionOf(c.linked, c.info, c.info != nil); got != c.want {
			t.Errorf("versionOf(%q, %+v) = %q, want %q", c.linked, c.info, got, c.want)
		}
	}
}

// TestCompletion runs cobra's hidden __complete command, as the shell
// scripts of `policylens completion bash` do.
func TestCompletion(t *testing.T) {
	for _, c := range []struct {
		args []string
		want []string
	}{
		{[]string{"analyze", "--format", ""}, []string{"csv", "json", "jsonl", "table", "xlsx"}},
		{[]string{"compare", "--format", "m"}, []string{"markdown"}},
		{[]string{"analyze", "--force", "must,p"}, []string{"must,prohibit"}},
		{[]string{"analyze", "--only", "sum"}, []string{"summary"}},
		{[]string{"analyze", "--input-format", "s"}, []string{"sina-hexo"}},
		{[]string{"kwic", "--lang", ""}, []string{"zh", "en"}},
		{[]string{"keywords", "--by", ""}, []string{"year", "month", "file"}},
		{[]string{"trends", "--by", ""}, []string{"year", "month"}},
	} {
		code, out, _ := run(t, "", append([]string{"__complete"}, c.args...)...)
		lines := strings.Split(strings.TrimSpace(out), "\n")
		got := lines[:len(lines)-1] // the last line is the directive
		if code != 0 || strings.Join(got, " ") != strings.Join(c.want, " ") || lines[len(lines)-1] != ":4" {
			t.Errorf("%v: exit %d, got %q, want %q + :4 (no file completion)", c.args, code, lines, c.want)
		}
	}
}

// TestHelpFlagGroups: input-only flags are listed after the common ones.
func TestHelpFlagGroups(t *testing.T) {
	_, out, _ := run(t, "", "analyze", "--help")
	common, input, ok := strings.Cut(out, "\nInput flags:\n")
	if !ok || !strings.Contains(common, "\nFlags:\n") {
		t.Fatalf("no Input flags section after Flags:\n%s", out)
	}
	for _, f := range []string{"--jsonl-text", "--jsonl-id", "--tag-english", "--input-format", "--max-bytes"} {
		if !strings.Contains(input, f) || strings.Contains(common, f) {
			t.Errorf("%s is not (only) among the input flags", f)
		}
	}
	for _, f := range []string{"--format", "--jobs", "--lexicon"} {
		if !strings.Contains(common, f) {
			t.Errorf("%s is not among the common flags", f)
		}
	}
}

// TestUsageErrorHints: usage errors exit 2 through cobra's hooks and name
// the help of the command that failed.
func TestUsageErrorHints(t *testing.T) {
	for _, c := range []struct {
		args []string
		hint string
	}{
		{[]string{"analyze"}, "policylens analyze --help"},
		{[]string{"analyze", "--nonsense", seed}, "policylens analyze --help"},
		{[]string{"analyze", "--jobs", "x", seed}, "policylens analyze --help"},
		{[]string{"keywords", "--by", "week", seed}, "policylens keywords --help"},
		{[]string{"version", "extra"}, "policylens version --help"},
		{[]string{"frobnicate"}, "policylens --help"},
		{[]string{"lexicons", "frobnicate"}, "policylens lexicons --help"},
		{[]string{"lexicons", "validate"}, "policylens lexicons validate --help"},
		{[]string{"completion", "tcsh"}, "policylens completion --help"},
	} {
		code, out, errs := run(t, "", c.args...)
		lines := strings.Split(strings.TrimSpace(errs), "\n")
		if code != ExitUsage || out != "" || len(lines) != 2 || lines[1] != "Run '"+c.hint+"' for usage." {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", c.args, code, out, errs)
		}
	}
	if code, out, _ := run(t, "", "lexicons"); code != 0 || !strings.Contains(out, "Available Commands:") {
		t.Errorf("lexicons alone: exit %d, %q", code, out)
	}
}

// TestTrendsMissingPath: the last argument is a path even when it does not
// exist, so a typo is reported as a missing file, not taken as a term.
func TestTrendsMissingPath(t *testing.T) {
	code, out, errs := run(t, "", "trends", "安全生产", "nosuchdir")
	if code != ExitFailure || !strings.Contains(errs, "policylens: nosuchdir: ") || !strings.Contains(errs, "no such file") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
	if code, _, errs := run(t, "", "trends", "安全生产", "--format", "csv", seed); code != 0 {
		t.Errorf("term and path: exit %d: %s", code, errs)
	}
}

// TestCSVBOM: --bom starts CSV with a UTF-8 byte order mark (for Excel);
// it is off by default outside Windows and never touches other formats.
func TestCSVBOM(t *testing.T) {
	for _, c := range []struct {
		args []string
		bom  bool
	}{
		{[]string{"analyze", "-f", "csv", "--bom", seed}, true},
		{[]string{"analyze", "-f", "csv", "--summary", "--bom", seed}, true},
		{[]string{"analyze", "-f", "csv", seed}, runtime.GOOS == "windows"},
		{[]string{"analyze", "-f", "json", "--bom", "--only", "summary", seed}, false},
		{[]string{"keywords", "-f", "csv", "--bom", "--by", "file", seed}, true},
		{[]string{"kwic", "-f", "csv", "--bom", "安全生产", seed}, true},
	} {
		code, out, errs := run(t, "", c.args...)
		if code != 0 || strings.HasPrefix(out, "\ufeff") != c.bom || strings.Count(out, "\ufeff") > 1 {
			t.Errorf("%v: exit %d (%s), starts with a BOM: %v, want %v", c.args, code, errs, strings.HasPrefix(out, "\ufeff"), c.bom)
		}
	}
}

// TestKeywordsFlagOneName: keywords takes --keywords as analyze does; the
// old --top still works but is hidden.
func TestKeywordsFlagOneName(t *testing.T) {
	for _, flag := range []string{"--keywords", "--top"} {
		code, out, errs := run(t, "", "keywords", "--by", "file", "--format", "csv", flag, "2", seed)
		if code != 0 || strings.Count(out, "\n") != 3 {
			t.Errorf("%s 2: exit %d (%s), %q", flag, code, errs, out)
		}
	}
	if _, out, _ := run(t, "", "keywords", "--help"); !strings.Contains(out, "--keywords int") || strings.Contains(out, "--top") {
		t.Errorf("help shows --top or lacks --keywords:\n%s", out)
	}
	if code, _, errs := run(t, "", "keywords", "--keywords", "0", seed); code != ExitUsage || !strings.Contains(errs, "--keywords must be at least 1") {
		t.Errorf("--keywords 0: exit %d, %q", code, errs)
	}
}
