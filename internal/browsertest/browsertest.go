// Package browsertest finds the headless Chromium that the browser tests
// (HTML reports, the workbench, the PDF fixtures) drive through chromedp.
package browsertest

import (
	"fmt"
	"os"
	"os/exec"
	"testing"
)

// Find returns the path of a Chromium or Chrome binary, or "".
func Find() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// Require returns Chromium's path or stops the test: in CI (CI=true) it
// fails, since .ci/run installs Chromium and a skip would hide a broken
// install; elsewhere the test is skipped with a line on stderr, seen
// without -v. what names the test that cannot run.
func Require(t testing.TB, what string) string {
	t.Helper()
	if p := Find(); p != "" {
		return p
	}
	msg := "no Chromium on this machine (apt-get install chromium): " + what + " cannot run"
	if os.Getenv("CI") == "true" {
		t.Fatal(msg + "; CI=true requires it")
	}
	fmt.Fprintf(os.Stderr, "SKIP %s: %s\n", t.Name(), msg)
	t.Skip(msg)
	return ""
}
