package schema

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// TestCompareGoldens validates the comparison goldens of package compare
// and of the compare command against the compare schema.
func TestCompareGoldens(t *testing.T) {
	s, err := CompileCompare()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{
		"../internal/compare/testdata/ecig.golden.json",
		"../internal/compare/testdata/gwr-2024-2025.golden.json",
		"../internal/cli/testdata/golden/compare-gwr.json",
	} {
		data, err := os.ReadFile(filepath.FromSlash(p))
		if err != nil {
			t.Fatal(err)
		}
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		if err := s.Validate(inst); err != nil {
			t.Errorf("%s: %v", p, err)
		}
	}
}

// TestCompareSchemaRejects checks that the schema is no formality.
func TestCompareSchemaRejects(t *testing.T) {
	s, err := CompileCompare()
	if err != nil {
		t.Fatal(err)
	}
	for name, doc := range map[string]string{
		"summary without zeros":  `{"schema":"policylens.compare/v1","a":{"id":"","title":"","date":""},"b":{"id":"","title":"","date":""},"summary":{"kept":1},"directives":[],"targets":[],"keywords":{"over":[],"under":[]},"entities":{"added":[],"removed":[]},"new_terms":[]}`,
		"insignificant key term": `{"schema":"policylens.compare/v1","a":{"id":"","title":"","date":""},"b":{"id":"","title":"","date":""},"summary":{"strengthened":0,"weakened":0,"new":0,"dropped":0,"reworded":0,"kept":0},"directives":[],"targets":[],"keywords":{"over":[{"term":"x","a":2,"b":2,"g2":0,"rate_a":1,"rate_b":1}],"under":[]},"entities":{"added":[],"removed":[]},"new_terms":[]}`,
	} {
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader([]byte(doc)))
		if err != nil {
			t.Fatal(err)
		}
		if s.Validate(inst) == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}
