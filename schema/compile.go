package schema

import (
	"bytes"
	"fmt"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// CompileCompare compiles the compare schema with the analysis schema it
// refers to, for tests that validate comparisons.
func CompileCompare() (*jsonschema.Schema, error) {
	c := jsonschema.NewCompiler()
	for url, data := range map[string][]byte{
		"https://policylens.dev/schema/analysis.v1.schema.json": AnalysisV1,
		"https://policylens.dev/schema/compare.v1.schema.json":  CompareV1,
	} {
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
		if err != nil {
			return nil, fmt.Errorf("schema %s: %w", url, err)
		}
		if err := c.AddResource(url, doc); err != nil {
			return nil, fmt.Errorf("schema %s: %w", url, err)
		}
	}
	return c.Compile("https://policylens.dev/schema/compare.v1.schema.json")
}
