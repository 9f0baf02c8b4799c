//go:build unix

package cli

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/policylens/policylens/internal/blocktest"
)

// within fails the test when f does not return within 10 s, so that a
// regression that blocks (opening a FIFO) fails instead of hanging.
func within(t *testing.T, f func()) { blocktest.Within(t, 10*time.Second, f) }

func write(t *testing.T, path, text string, perm os.FileMode) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), perm); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, perm); err != nil { // past the umask
		t.Fatal(err)
	}
}

func mkfifo(t *testing.T, path string) {
	t.Helper()
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
}

// TestOutputThroughSymlink: -o on a symbolic link writes its target and
// leaves the link a link, dangling links included.
func TestOutputThroughSymlink(t *testing.T) {
	dir := t.TempDir()
	target, link := filepath.Join(dir, "real.json"), filepath.Join(dir, "out.json")
	write(t, target, "old", 0o644)
	os.Symlink("real.json", link)
	dangling, later := filepath.Join(dir, "later.json"), filepath.Join(dir, "sub", "new.json")
	os.Mkdir(filepath.Join(dir, "sub"), 0o755)
	os.Symlink(later, dangling)
	for _, c := range []struct{ link, target string }{{link, target}, {dangling, later}} {
		if code, _, errs := run(t, "", "analyze", "--format", "json", "--only", "summary", "-o", c.link, seed); code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		if st, err := os.Lstat(c.link); err != nil || st.Mode()&os.ModeSymlink == 0 {
			t.Errorf("%s is no longer a symlink", c.link)
		}
		if data, err := os.ReadFile(c.target); err != nil || !json.Valid(data) {
			t.Errorf("target %s: %v %.20q", c.target, err, data)
		}
	}
}

// TestOutputRefusesSpecialFiles: -o on a FIFO or a folder is refused with
// one line naming it, and the FIFO stays a FIFO (as /dev/null would).
func TestOutputRefusesSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	mkfifo(t, fifo)
	for _, path := range []string{fifo, dir} {
		within(t, func() {
			code, _, errs := run(t, "", "analyze", "--format", "json", "--only", "summary", "-o", path, seed)
			if code != 1 || strings.Count(errs, "\n") != 1 || !strings.Contains(errs, path+": ") || !strings.Contains(errs, "not a regular file") {
				t.Errorf("-o %s: exit %d, stderr %q", path, code, errs)
			}
		})
	}
	if st, err := os.Lstat(fifo); err != nil || st.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the FIFO was replaced: %v", st.Mode())
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 1 {
		t.Errorf("files left: %v", ents)
	}
}

// TestOutputModes: an existing file keeps its mode; a new one gets what
// any program's 0666 file gets under the umask; a read-only file is not
// replaced.
func TestOutputModes(t *testing.T) {
	dir := t.TempDir()
	private := filepath.Join(dir, "private.json")
	write(t, private, "old", 0o600)
	probe := filepath.Join(dir, "probe")
	f, err := os.OpenFile(probe, os.O_CREATE|os.O_WRONLY, 0o666)
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	st, _ := os.Stat(probe)
	umasked := st.Mode().Perm()
	fresh := filepath.Join(dir, "fresh.json")
	for _, path := range []string{private, fresh} {
		if code, _, errs := run(t, "", "analyze", "--format", "json", "--only", "summary", "-o", path, seed); code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
	}
	if st, _ := os.Stat(private); st.Mode().Perm() != 0o600 {
		t.Errorf("private file is now %v, want 0600", st.Mode().Perm())
	}
	if st, _ := os.Stat(fresh); st.Mode().Perm() != umasked {
		t.Errorf("new file is %v, want %v (0666 under the umask)", st.Mode().Perm(), umasked)
	}
	readonly := filepath.Join(dir, "readonly.json")
	write(t, readonly, "keep", 0o444)
	if code, _, errs := run(t, "", "analyze", "--format", "json", "-o", readonly, seed); code != 1 || !strings.Contains(errs, "read-only") {
		t.Errorf("read-only: exit %d, %q", code, errs)
	}
	if data, _ := os.ReadFile(readonly); string(data) != "keep" {
		t.Errorf("read-only file was replaced: %.20q", data)
	}
}

// TestOutputHardLink: a file with two links is written through, so both
// names see the new content and stay one file.
func TestOutputHardLink(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.json"), filepath.Join(dir, "b.json")
	write(t, a, "old", 0o640)
	if err := os.Link(a, b); err != nil {
		t.Skip("no hard links here:", err)
	}
	if code, _, errs := run(t, "", "analyze", "--format", "json", "--only", "summary", "-o", a, seed); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	sa, _ := os.Stat(a)
	sb, _ := os.Stat(b)
	if data, _ := os.ReadFile(b); !os.SameFile(sa, sb) || !json.Valid(data) || sa.Mode().Perm() != 0o640 {
		t.Errorf("same file %v, mode %v, other link: %.20q", os.SameFile(sa, sb), sa.Mode().Perm(), data)
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 2 {
		t.Errorf("files left: %v", ents)
	}
}

// TestOutputDashIsStdout: -o - writes to standard output for every
// command, never to a file named -.
func TestOutputDashIsStdout(t *testing.T) {
	abs, _ := filepath.Abs(seed)
	t.Chdir(t.TempDir())
	for _, args := range [][]string{
		{"analyze", "--format", "json", "--only", "summary", "-o", "-", abs},
		{"kwic", "-o", "-", "安全生产法", abs},
		{"keywords", "--by", "file", "-o", "-", abs},
		{"report", "--format", "markdown", "-o", "-", abs},
		{"trends", "安全生产", "--format", "csv", "-o", "-", abs},
	} {
		code, out, errs := run(t, "", args...)
		if code != 0 || out == "" {
			t.Errorf("%s: exit %d, %d bytes out: %s", args[0], code, len(out), errs)
		}
		if _, err := os.Stat("-"); err == nil {
			t.Fatalf("%s -o - wrote a file named -", args[0])
		}
	}
}

// TestSpecialInputsSkipped: a FIFO as an argument or in a folder is
// skipped with a line naming it; the run goes on and succeeds.
func TestSpecialInputsSkipped(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a.txt"), "国务院要求各地加强监管。", 0o644)
	fifo := filepath.Join(dir, "pipe.txt")
	mkfifo(t, fifo)
	for _, args := range [][]string{{dir}, {fifo, filepath.Join(dir, "a.txt")}} {
		within(t, func() {
			code, out, errs := run(t, "", append([]string{"analyze", "--format", "jsonl", "--only", "summary"}, args...)...)
			if code != 0 || strings.Count(out, "\n") != 1 {
				t.Errorf("%v: exit %d, %d documents", args, code, strings.Count(out, "\n"))
			}
			if strings.Count(errs, "\n") != 1 || !strings.Contains(errs, fifo) || !strings.Contains(errs, "skipped") {
				t.Errorf("%v: stderr %q", args, errs)
			}
		})
	}
}

// TestSymlinkedFolderArg: a link to a folder is walked without a slash.
func TestSymlinkedFolderArg(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real")
	os.Mkdir(real, 0o755)
	write(t, filepath.Join(real, "a.txt"), "国务院要求各地加强监管。", 0o644)
	link := filepath.Join(dir, "link")
	if err := os.Symlink(real, link); err != nil {
		t.Skip(err)
	}
	code, out, errs := run(t, "", "analyze", "--format", "jsonl", "--only", "summary", link)
	if code != 0 || strings.Count(out, "\n") != 1 {
		t.Errorf("exit %d, %q, %s", code, out, errs)
	}
}

// TestLimitsFlags: --max-bytes must be positive; --jobs is capped with a
// note.
func TestLimitsFlags(t *testing.T) {
	for _, v := range []string{"0", "-1"} {
		if code, _, errs := run(t, "", "analyze", "--max-bytes", v, seed); code != 2 || !strings.Contains(errs, "--max-bytes") {
			t.Errorf("--max-bytes %s: exit %d, %q", v, code, errs)
		}
	}
	code, _, errs := run(t, "", "analyze", "--jobs", "10000", "--format", "json", "--only", "summary", seed)
	if code != 0 || !strings.Contains(errs, "--jobs 10000 capped at") {
		t.Errorf("--jobs 10000: exit %d, %q", code, errs)
	}
}

// TestCSVInjection: every CSV a command writes prefixes formula-like
// text cells from documents; --csv-raw leaves them.
func TestCSVInjection(t *testing.T) {
	t.Chdir(t.TempDir()) // the document column holds the path as given: here the formula-like name
	doc := "=1+1.txt"
	write(t, doc, "=HYPERLINK(\"http://evil\")国务院要求各地必须加强安全生产监管。", 0o644)
	cases := [][]string{
		{"analyze", "--format", "csv", doc},
		{"kwic", "--format", "csv", "监管", doc},
		{"keywords", "--by", "file", "--format", "csv", doc},
	}
	for _, args := range cases {
		for _, raw := range []bool{false, true} {
			a := args
			if raw {
				a = append([]string{args[0], "--csv-raw"}, args[1:]...)
			}
			code, out, errs := run(t, "", a...)
			if code != 0 {
				t.Fatalf("%v: exit %d: %s", a, code, errs)
			}
			rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
			if err != nil || len(rows) < 2 {
				t.Fatalf("%v: %v, %d rows", a, err, len(rows))
			}
			for _, row := range rows[1:] {
				for _, cell := range row {
					if !raw && cell != "" && strings.ContainsRune("=+@", rune(cell[0])) {
						t.Errorf("%v: cell %q not neutralized", a, cell)
					}
				}
			}
			if first := rows[1][0]; raw != strings.HasPrefix(first, "=") {
				t.Errorf("%v: first cell %q", a, first)
			}
		}
	}
	if code, _, errs := run(t, "", "trends", "--csv-raw", "--format", "csv", "监管", doc); code != 0 {
		t.Errorf("trends --csv-raw: exit %d: %s", code, errs)
	}
}

// TestControlsInNames: a file name with a newline and an escape sequence
// gives one error line with both escaped; table output escapes them too.
func TestControlsInNames(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad\nname\x1b[2J.txt")
	write(t, bad, "", 0o644)
	code, _, errs := run(t, "", "analyze", bad)
	if code != 1 || strings.Count(errs, "\n") != 1 || !strings.Contains(errs, `bad\nname\x1b[2J.txt: empty file`) {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
	evil := filepath.Join(dir, "evil\x1b]0;pwned\x07.txt")
	write(t, evil, "国务院要求各地加强监管。", 0o644)
	code, out, errs := run(t, "", "analyze", "--width", "100", evil)
	if code != 0 || strings.ContainsAny(out, "\x1b\x07") || !strings.Contains(out, `evil\x1b]0;pwned\x07.txt`) {
		t.Errorf("exit %d, %s; output:\n%q", code, errs, out)
	}
	if code, _, errs := run(t, "", "analyze", filepath.Join(dir, "missing\x1b[2J")); code != 1 || strings.Contains(errs, "\x1b") {
		t.Errorf("missing: exit %d, %q", code, errs)
	}
}

// TestDuplicateIDsWarned: a duplicate JSONL id is a warning on stderr (a
// JSON object with --format jsonl, a line otherwise).
func TestDuplicateIDsWarned(t *testing.T) {
	path := filepath.Join(t.TempDir(), "c.jsonl")
	write(t, path, `{"id":"x","content":"各地要加强监管。"}`+"\n"+`{"id":"x","content":"严禁违规操作。"}`+"\n", 0o644)
	code, out, errs := run(t, "", "analyze", "--format", "jsonl", "--only", "summary", path)
	if code != 0 || strings.Count(out, "\n") != 2 || !strings.Contains(errs, `"warning":"duplicate id \"x\": record 2 has it`) {
		t.Errorf("exit %d, %d records, stderr %q", code, strings.Count(out, "\n"), errs)
	}
	if _, _, errs := run(t, "", "analyze", "--only", "summary", path); !strings.Contains(errs, `c.jsonl#x: warning: duplicate id "x"`) {
		t.Errorf("table: stderr %q", errs)
	}
}

// TestCompareMarkdownCR: compare's Markdown turns CR into a space as LF.
func TestCompareMarkdownCR(t *testing.T) {
	if got := mdEscape("a\rb\nc|d"); got != `a b c\|d` {
		t.Errorf("mdEscape = %q", got)
	}
}
