package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/policylens/policylens/beam/pipeline"
)

// TestMain lets the test binary run as the command itself, when TestExitCode
// starts it again with mainEnv set: no second build of Beam.
func TestMain(m *testing.M) {
	if os.Getenv(mainEnv) == "1" {
		main()
		return
	}
	os.Exit(m.Run())
}

const mainEnv = "POLICYLENS_BEAM_TEST_MAIN"

// TestExitCode runs the command on Prism: with an empty
// file among the inputs it writes every file, says on one line of
// stderr how many inputs failed and where, and exits 1; with good inputs
// only it exits 0 and says nothing.
func TestExitCode(t *testing.T) {
	in := "../../pipeline/testdata/in/"
	for _, tc := range []struct {
		name   string
		inputs string
		code   int
		stderr string
	}{
		{"dead letters", in + "empty.txt," + in + "omb-*.md", 1, "policylens-beam: 1 input failed; its error is in OUT/failed.jsonl\n"},
		{"all good", in + "omb-*.md", 0, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := t.TempDir()
			cmd := exec.Command(os.Args[0], "--runner=prism", "--input="+tc.inputs, "--output="+out, "--groups=2", "--shards=1")
			cmd.Env = append(os.Environ(), mainEnv+"=1")
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			err := cmd.Run()
			code := 0
			var exit *exec.ExitError
			if errors.As(err, &exit) {
				code = exit.ExitCode()
			} else if err != nil {
				t.Fatal(err)
			}
			got := strings.ReplaceAll(ours(stderr.String()), out, "OUT")
			if code != tc.code || got != tc.stderr {
				t.Errorf("exit %d, stderr says %q; want exit %d, %q\nstderr:\n%s", code, got, tc.code, tc.stderr, stderr.String())
			}
			for _, f := range pipeline.Files(1) {
				if _, err := os.Stat(filepath.Join(out, f)); err != nil {
					t.Errorf("not written: %v", err)
				}
			}
		})
	}
}

// ours keeps the lines of stderr that the command wrote, not the log
// lines of the Prism runner in the same process.
func ours(s string) string {
	var b strings.Builder
	for _, l := range strings.SplitAfter(s, "\n") {
		if strings.HasPrefix(l, "policylens-beam: ") {
			b.WriteString(l)
		}
	}
	return b.String()
}
