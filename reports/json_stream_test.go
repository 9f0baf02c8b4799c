package reports

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/policylens/policylens/analyze"
)

// encodeWhole is what the JSON writers did before they streamed: the whole
// value through one Encoder, without HTML escaping. The streamed bytes must
// be the same.
func encodeWhole(t *testing.T, v any, indent bool) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if indent {
		enc.SetIndent("", "  ")
	}
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// analyses are real analyses of a Chinese, an English and an HTML
// document, and made-up ones: nil and empty lists, omitted and present
// warnings, HTML-special characters and escapes in every string.
func analyses(t *testing.T) map[string]*analyze.Analysis {
	t.Helper()
	out := map[string]*analyze.Analysis{
		"zero": {},
		"empty lists": {
			Schema:     "policylens/v1",
			Document:   analyze.Document{Categories: []string{}, Paragraphs: []string{}, Warnings: []string{}},
			Keywords:   []analyze.Keyword{},
			Entities:   []analyze.Entity{},
			Directives: []analyze.Directive{},
			Targets:    []analyze.Target{},
		},
		"html": {
			Schema: "a<b>&c",
			Document: analyze.Document{
				Title:      `<script>alert("x & y")</script>`,
				Paragraphs: []string{"1 < 2 && 3 > 2", "\u2028 \u2029 \t \\u003c \x01", ""},
				Warnings:   []string{"bytes <replaced> & kept"},
				Chars:      42,
			},
			Keywords: []analyze.Keyword{{Term: "<&>", Score: 1e-7, Count: 3}, {Term: "", Score: 1e21}},
		},
	}
	an, err := analyze.New()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{
		"seed.md",
		"en/eo-2023-05-09-executive-order-14099.md",
		"zh-docs/govcn-20181205-content_5345808.html",
	} {
		data, err := os.ReadFile(filepath.Join("..", "testdata", "docs", name))
		if err != nil {
			t.Fatal(err)
		}
		res, err := an.Analyze(context.Background(), analyze.Source{Name: "docs/" + name, Data: data})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out[name] = res
	}
	return out
}

// TestJSONStreamSameBytes checks the three writers that stream (json,
// jsonl, WriteJSON) against the whole value encoded at once.
func TestJSONStreamSameBytes(t *testing.T) {
	all := analyses(t)
	for name, a := range all {
		var got bytes.Buffer
		if err := WriteJSON(&got, a); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		sameBytes(t, name+" (WriteJSON)", got.Bytes(), encodeWhole(t, a, true))

		got.Reset()
		r := &jsonlReporter{w: &got}
		if err := r.Write(a); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		sameBytes(t, name+" (jsonl)", got.Bytes(), encodeWhole(t, a, false))
	}
	// The writers leave <, > and & as they are, which json.MarshalIndent
	// would escape; where there are none, the bytes are MarshalIndent's.
	var got bytes.Buffer
	if err := WriteJSON(&got, all["html"]); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(got.String(), `"<script>alert(\"x & y\")</script>"`) {
		t.Errorf("HTML characters escaped:\n%s", got.String())
	}
	got.Reset()
	if err := WriteJSON(&got, all["seed.md"]); err != nil {
		t.Fatal(err)
	}
	want, err := json.MarshalIndent(all["seed.md"], "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	sameBytes(t, "seed.md (MarshalIndent)", got.Bytes(), append(want, '\n'))
}

// TestJSONReporterSameBytes checks the json format with none, one and
// several documents against what it wrote before it streamed: one indented
// object, or an array of objects not indented inside it.
func TestJSONReporterSameBytes(t *testing.T) {
	all := analyses(t)
	list := []*analyze.Analysis{all["seed.md"], all["html"], all["empty lists"]}
	for n := range len(list) + 1 {
		var got bytes.Buffer
		r, err := New("json", &got, Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range list[:n] {
			if err := r.Write(a); err != nil {
				t.Fatal(err)
			}
		}
		if err := r.Close(); err != nil {
			t.Fatal(err)
		}
		var want []byte
		switch n {
		case 0:
			want = []byte("[]\n")
		case 1:
			want = encodeWhole(t, list[0], true)
		default:
			var parts [][]byte
			for _, a := range list[:n] {
				parts = append(parts, bytes.TrimSuffix(encodeWhole(t, a, true), []byte("\n")))
			}
			want = []byte("[\n" + string(bytes.Join(parts, []byte(",\n"))) + "\n]\n")
		}
		sameBytes(t, "json reporter", got.Bytes(), want)
	}
}

type textKey struct{ s string }

func (k textKey) MarshalText() ([]byte, error) { return []byte("k:" + k.s), nil }

type ptrMarshaler struct{ N int }

func (p *ptrMarshaler) MarshalJSON() ([]byte, error) { return []byte(`"ptr"`), nil }

type Inner struct {
	A int `json:"a"`
}

// whole has what makes the stream hand a struct to the Encoder whole.
type whole struct {
	Inner        // promoted field
	Str     int  `json:"str,string"`
	Zero    int  `json:"zero,omitzero"`
	Unicode bool `json:"ünï"`
}

// streamed is written field by field; its fields have what the stream must
// skip, omit or hand to the Encoder as encoding/json does.
type streamed struct {
	Skip       int                    `json:"-"`
	Dash       int                    `json:"-,"`
	hidden     int                    // unexported: never written
	Omit       []string               `json:"omit,omitempty"`
	OmitPtr    *int                   `json:"omit_ptr,omitempty"`
	OmitNum    float64                `json:"omit_num,omitempty"`
	Bytes      []byte                 `json:"bytes"`
	Map        map[string][]int       `json:"map"`
	Keyed      map[textKey]string     `json:"keyed"`
	Ptr        ptrMarshaler           `json:"ptr"`
	Ptrs       []ptrMarshaler         `json:"ptrs"`
	Any        any                    `json:"any"`
	Array      [2]string              `json:"array"`
	Nested     struct{ X, Y []Inner } `json:"nested"`
	Whole      whole                  `json:"whole"`
	Wholes     []whole                `json:"wholes"`
	Untagged   []Inner
	EmptyInner struct{}
}

// TestJSONStreamOddShapes checks WriteJSON on shapes the analysis does not
// have (yet): the streamed bytes stay the Encoder's.
func TestJSONStreamOddShapes(t *testing.T) {
	w := whole{Inner: Inner{A: 1}, Str: 2, Zero: 0, Unicode: true}
	s := streamed{
		Skip: 2, Dash: 3, hidden: 4, OmitNum: 0.5,
		Bytes: []byte("<&>"), Map: map[string][]int{"b": {2}, "a": nil},
		Keyed: map[textKey]string{{"x"}: "y"}, Ptrs: []ptrMarshaler{{1}, {2}},
		Any: []any{1, "<", nil}, Array: [2]string{"a", "b"},
		Whole: w, Wholes: []whole{w, {}}, Untagged: []Inner{{1}, {2}},
	}
	s.Nested.X = []Inner{{3}}
	for name, v := range map[string]any{
		"pointer":     &s,
		"value":       s,
		"slice":       []streamed{s, {}},
		"whole":       &w,
		"nil pointer": (*streamed)(nil),
		"nil":         nil,
		"inner":       struct{ X []Inner }{},
		"strings":     []string{"a", "<b>"},
		"empty slice": []int{},
	} {
		var got bytes.Buffer
		if err := WriteJSON(&got, v); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		sameBytes(t, name, got.Bytes(), encodeWhole(t, v, true))
	}
}

// TestJSONStreamError: an unencodable value is reported with where it is.
func TestJSONStreamError(t *testing.T) {
	a := &analyze.Analysis{Keywords: []analyze.Keyword{{Term: "a"}, {Term: "b", Score: math.NaN()}}}
	err := WriteJSON(&bytes.Buffer{}, a)
	var uv *json.UnsupportedValueError
	if !errors.As(err, &uv) || !strings.Contains(err.Error(), "keywords: [1]") {
		t.Errorf("error %v, want an UnsupportedValueError at keywords: [1]", err)
	}
}

func sameBytes(t *testing.T, name string, got, want []byte) {
	t.Helper()
	if bytes.Equal(got, want) {
		return
	}
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	lo := max(0, i-80)
	t.Errorf("%s: differs at byte %d of %d (want %d)\ngot:  %q\nwant: %q",
		name, i, len(got), len(want), got[lo:min(len(got), i+80)], want[lo:min(len(want), i+80)])
}
