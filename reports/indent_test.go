package reports

import (
	"bytes"
	"encoding/json"
	"testing"
)

// TestAppendIndentAsJSONIndent checks the fast indenter against
// json.Indent on texts the Encoder writes: nesting, empty lists and
// objects, escapes and punctuation inside strings.
func TestAppendIndentAsJSONIndent(t *testing.T) {
	values := []any{
		nil, 1, "a", []int{}, map[string]any{},
		map[string]any{"a": []any{1, "x,y", map[string]any{}, []any{}}, "b": map[string]any{"c": `q"u{o}[t]e\`}},
		[]any{[]any{[]any{}}, "\u2028", "中文：，", -1.5e-7, true, false, nil},
		struct {
			A []string          `json:"a"`
			B map[string]string `json:"b,omitempty"`
		}{A: []string{`\"`, `:`, "<&>"}},
	}
	for _, v := range values {
		for _, prefix := range []string{"", "  ", "\t\t"} {
			checkIndent(t, mustEncode(t, v), prefix)
		}
	}
}

// FuzzAppendIndent indents any valid JSON, compacted and encoded as the
// Encoder writes it, as json.Indent does.
func FuzzAppendIndent(f *testing.F) {
	f.Add([]byte(`{"a":[1,{},[],"x\"]"],"b":{"c":null}}`))
	f.Add([]byte(`[]`))
	f.Add([]byte(`"\\"`))
	f.Fuzz(func(t *testing.T, in []byte) {
		var v any
		if json.Unmarshal(in, &v) != nil {
			return
		}
		checkIndent(t, mustEncode(t, v), "  ")
	})
}

func mustEncode(t *testing.T, v any) []byte {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func checkIndent(t *testing.T, src []byte, prefix string) {
	t.Helper()
	var want bytes.Buffer
	if err := json.Indent(&want, src, prefix, "  "); err != nil {
		t.Fatal(err)
	}
	if got := appendIndent(nil, src, prefix, "  "); !bytes.Equal(got, want.Bytes()) {
		t.Errorf("appendIndent(%q, %q):\n got %q\nwant %q", src, prefix, got, want.Bytes())
	}
}
