// Package schema holds the JSON Schemas of policylens's outputs, the
// machine-checkable form of the contracts in the README.
package schema

import _ "embed"

// AnalysisV1 is the JSON Schema of policylens.analysis/v1.
//
//go:embed analysis.v1.schema.json
var AnalysisV1 []byte

// CompareV1 is the JSON Schema of policylens.compare/v1; it refers to
// analysis.v1.schema.json for directives and targets.
//
//go:embed compare.v1.schema.json
var CompareV1 []byte
