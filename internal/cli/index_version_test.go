package cli

import (
	"crypto/sha256"
	"os"
	"testing"
)

// TestAnalyzerVersionFromBuildID: on Linux the version comes from the Go
// build ID, the same at every call, and a file that is not an executable
// falls back to hashing it.
func TestAnalyzerVersionFromBuildID(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	if id, ok := goBuildID(exe); !ok || len(id) < 20 {
		t.Errorf("test binary's build ID: %q, %v", id, ok)
	}
	o := &analyzeOptions{lang: "zh"}
	v1, err1 := analyzerVersion(o)
	v2, err2 := analyzerVersion(o)
	if err1 != nil || err2 != nil || v1 != v2 {
		t.Errorf("versions %q %v, %q %v", v1, err1, v2, err2)
	}
	if v3, _ := analyzerVersion(&analyzeOptions{lang: "en"}); v3 == v1 {
		t.Errorf("--lang does not change the version %q", v1)
	}
	if _, ok := goBuildID("testdata"); ok {
		t.Error("a folder has a build ID")
	}
	if err := hashFile(sha256.New(), exe); err != nil {
		t.Error(err)
	}
}
