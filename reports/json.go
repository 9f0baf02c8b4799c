package reports

import (
	"bufio"
	"bytes"
	"encoding"
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"strings"

	"github.com/policylens/policylens/analyze"
)

// jsonReporter prints one object for one document and an array for several;
// the first analysis is held back until it is known which.
type jsonReporter struct {
	w     io.Writer
	first *analyze.Analysis
	n     int
}

func (r *jsonReporter) Write(a *analyze.Analysis) error {
	r.n++
	switch r.n {
	case 1:
		r.first = a
		return nil
	case 2:
		if _, err := io.WriteString(r.w, "[\n"); err != nil {
			return err
		}
		if err := writeIndented(r.w, r.first); err != nil {
			return err
		}
		r.first = nil
	}
	if _, err := io.WriteString(r.w, ",\n"); err != nil {
		return err
	}
	return writeIndented(r.w, a)
}

func (r *jsonReporter) Close() error {
	switch {
	case r.n == 0:
		_, err := io.WriteString(r.w, "[]\n")
		return err
	case r.n == 1:
		if err := writeIndented(r.w, r.first); err != nil {
			return err
		}
		_, err := io.WriteString(r.w, "\n")
		return err
	}
	_, err := io.WriteString(r.w, "\n]\n")
	return err
}

// writeIndented writes v as indented JSON without the final newline,
// streamed: a large document's JSON is never held whole.
func writeIndented(w io.Writer, v any) error {
	return streamJSON(w, v, true)
}

// jsonlReporter prints one compact object per line.
type jsonlReporter struct{ w io.Writer }

func (r *jsonlReporter) Write(a *analyze.Analysis) error {
	if err := streamJSON(r.w, a, false); err != nil {
		return err
	}
	_, err := io.WriteString(r.w, "\n")
	return err
}

func (r *jsonlReporter) Close() error { return nil }

// WriteJSON prints any value as indented JSON, without HTML escaping.
func WriteJSON(w io.Writer, v any) error {
	if err := streamJSON(w, v, true); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// JSONArray prints a JSON array as WriteJSON would, one element at a time:
// the 52 comparisons of a corpus make 70 MB of JSON, which is never held
// in memory whole.
type JSONArray struct {
	w       io.Writer
	n       int
	out     []byte // the element indented
	enc     *json.Encoder
	compact bytes.Buffer
}

// NewJSONArray starts an array on w; Close ends it.
func NewJSONArray(w io.Writer) *JSONArray {
	a := &JSONArray{w: w}
	a.enc = json.NewEncoder(&a.compact)
	a.enc.SetEscapeHTML(false)
	return a
}

// Add writes one element.
func (a *JSONArray) Add(v any) error {
	a.compact.Reset()
	if err := a.enc.Encode(v); err != nil {
		return err
	}
	a.out = append(a.out[:0], ",\n  "...)
	if a.n == 0 {
		a.out[0] = '['
	}
	a.n++
	a.out = appendIndent(a.out, a.compact.Bytes(), "  ", "  ")
	_, err := a.w.Write(bytes.TrimRight(a.out, "\n"))
	return err
}

// Close ends the array ([] when nothing was added).
func (a *JSONArray) Close() error {
	end := "\n]\n"
	if a.n == 0 {
		end = "[]\n"
	}
	_, err := io.WriteString(a.w, end)
	return err
}

// streamJSON writes v exactly as an Encoder with SetEscapeHTML(false)
// (and, if indent, SetIndent("", "  ")) would, less the final newline, but
// without building the whole text: a struct is written field by field and a
// slice element by element, each piece through one Encoder whose prefix
// follows the depth. One large document's indented JSON is several times
// its text (101 MB for the 16.5 MB of the work reports joined five times)
// and was held whole, twice, while its Analysis was alive: that was the
// command's peak (issue 13). Whatever the streaming cannot
// reproduce exactly (marshalers, embedded fields, field options other than
// omitempty, maps, ...) is handed to the Encoder whole. An encoding error
// can leave part of the value written, as with JSONArray; -o discards it.
func streamJSON(w io.Writer, v any, indent bool) error {
	s := &jsonStream{w: bufio.NewWriterSize(w, 64<<10), indent: indent}
	if a, ok := v.(*analyze.Analysis); ok && a.Spilled() {
		s.spilled = a
	}
	s.enc = json.NewEncoder(&s.buf)
	s.enc.SetEscapeHTML(false)
	if err := s.value(topValue(v), 0, true); err != nil {
		return fmt.Errorf("encoding JSON: %w", err)
	}
	if err := s.w.Flush(); err != nil {
		return fmt.Errorf("writing JSON: %w", err)
	}
	return nil
}

// topValue looks through the pointer most callers pass: the Encoder would
// too, and the value it points to is addressable, as it is for the Encoder.
func topValue(v any) reflect.Value {
	rv := reflect.ValueOf(v)
	if rv.Kind() == reflect.Pointer && !rv.IsNil() && !hasMarshaler(rv.Type()) {
		return rv.Elem()
	}
	return rv
}

type jsonStream struct {
	w      *bufio.Writer
	buf    bytes.Buffer // one piece, as the Encoder wrote it (compact)
	out    []byte       // the piece indented
	enc    *json.Encoder
	indent bool
	// spilled is the Analysis being written when its paragraphs and
	// directives are on disk (analyze.WithSpill): they are read back in
	// place of the empty fields, one at a time.
	spilled *analyze.Analysis
}

var (
	analysisType = reflect.TypeFor[analyze.Analysis]()
	documentType = reflect.TypeFor[analyze.Document]()
)

// spilledList writes the list of a spilled Analysis that field f of v
// stands for; ok is false for any other field.
func (s *jsonStream) spilledList(v reflect.Value, f jsonField, depth int) (ok bool, err error) {
	a := s.spilled
	switch {
	case a == nil:
		return false, nil
	case v.Type() == documentType && f.name == "paragraphs":
		return true, s.sequence(depth, func(item func(reflect.Value) error) error {
			return a.EachParagraph(func(p string) error { return item(reflect.ValueOf(p)) })
		})
	case v.Type() == analysisType && f.name == "directives":
		return true, s.sequence(depth, func(item func(reflect.Value) error) error {
			return a.EachDirectiveJSON(func(js []byte) error { return item(reflect.ValueOf(json.RawMessage(js))) })
		})
	}
	return false, nil
}

// sequence writes the array of the items each hands to item, as array
// writes a slice ([] when there are none).
func (s *jsonStream) sequence(depth int, each func(item func(reflect.Value) error) error) error {
	n := 0
	err := each(func(v reflect.Value) error {
		open := ","
		if n == 0 {
			open = "["
		}
		n++
		s.newline(open, depth+1)
		if err := s.encode(v, depth+1); err != nil {
			return fmt.Errorf("[%d]: %w", n-1, err)
		}
		return nil
	})
	if err != nil {
		return err
	}
	s.close(n, depth, "[]", "]")
	return nil
}

// value writes v at depth (levels of indentation). Fields of the top
// levels are streamed; slice elements are encoded whole, each one small.
func (s *jsonStream) value(v reflect.Value, depth int, stream bool) error {
	if stream && v.IsValid() {
		switch v.Kind() {
		case reflect.Struct:
			if fields, ok := jsonFields(v.Type()); ok {
				return s.object(v, fields, depth)
			}
		case reflect.Slice:
			if streamableSlice(v.Type()) {
				return s.array(v, depth)
			}
		}
	}
	return s.encode(v, depth)
}

func (s *jsonStream) object(v reflect.Value, fields []jsonField, depth int) error {
	n := 0
	for _, f := range fields {
		fv := v.Field(f.index)
		if f.omitEmpty && isEmptyValue(fv) {
			continue
		}
		open := ","
		if n == 0 {
			open = "{"
		}
		n++
		sep := ":"
		if s.indent {
			sep = ": "
		}
		s.newline(open, depth+1)
		s.write(`"` + f.name + `"` + sep)
		if ok, err := s.spilledList(v, f, depth+1); ok {
			if err != nil {
				return fmt.Errorf("%s: %w", f.name, err)
			}
			continue
		}
		if err := s.value(fv, depth+1, true); err != nil {
			return fmt.Errorf("%s: %w", f.name, err)
		}
	}
	s.close(n, depth, "{}", "}")
	return nil
}

func (s *jsonStream) array(v reflect.Value, depth int) error {
	switch {
	case v.IsNil():
		s.write("null")
		return nil
	}
	for i := range v.Len() {
		open := ","
		if i == 0 {
			open = "["
		}
		s.newline(open, depth+1)
		if err := s.value(v.Index(i), depth+1, false); err != nil {
			return fmt.Errorf("[%d]: %w", i, err)
		}
	}
	s.close(v.Len(), depth, "[]", "]")
	return nil
}

// newline writes open and, when indenting, a line break and the
// indentation of depth, as json.Indent places them.
func (s *jsonStream) newline(open string, depth int) {
	s.write(open)
	if s.indent {
		s.write("\n" + strings.Repeat("  ", depth))
	}
}

// close ends a list of n members at depth: empty when there were none,
// else end on a line of its own.
func (s *jsonStream) close(n, depth int, empty, end string) {
	if n == 0 {
		s.write(empty)
		return
	}
	s.newline("", depth)
	s.write(end)
}

// write ignores errors: bufio.Writer keeps the first, and Flush returns it.
func (s *jsonStream) write(str string) { s.w.WriteString(str) }

// encode writes one value through the Encoder. Passing its address when it
// has one keeps the Encoder's choice of pointer-receiver marshalers.
func (s *jsonStream) encode(v reflect.Value, depth int) error {
	var x any
	switch {
	case !v.IsValid():
		x = nil
	case v.CanAddr():
		x = v.Addr().Interface()
	default:
		x = v.Interface()
	}
	s.buf.Reset()
	if err := s.enc.Encode(x); err != nil {
		return err
	}
	piece := s.buf.Bytes()
	if s.indent {
		s.out = appendIndent(s.out[:0], piece, strings.Repeat("  ", depth), "  ")
		piece = s.out
	}
	s.w.Write(bytes.TrimSuffix(piece, []byte("\n")))
	return nil
}

// jsonField is a struct field as encoding/json names and omits it.
type jsonField struct {
	name      string
	index     int
	omitEmpty bool
}

// jsonFields lists the fields encoding/json writes for t, in its order;
// ok is false where its rules go beyond what the stream reproduces.
func jsonFields(t reflect.Type) (fields []jsonField, ok bool) {
	if hasMarshaler(t) {
		return nil, false
	}
	seen := map[string]bool{}
	for i := range t.NumField() {
		sf := t.Field(i)
		if sf.Anonymous {
			return nil, false // promoted fields and their conflicts
		}
		tag := sf.Tag.Get("json")
		if !sf.IsExported() || tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if name == "" {
			name = sf.Name
		}
		if (opts != "" && opts != "omitempty") || !plainName(name) || seen[name] {
			return nil, false // ,string, omitzero, escaped or duplicate names
		}
		seen[name] = true
		fields = append(fields, jsonField{name: name, index: i, omitEmpty: opts == "omitempty"})
	}
	return fields, true
}

// plainName reports whether name needs no escaping as a JSON key.
func plainName(name string) bool {
	for _, r := range name {
		if !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '_' || r == '-') {
			return false
		}
	}
	return name != ""
}

// streamableSlice: []byte is base64 to encoding/json, not an array.
func streamableSlice(t reflect.Type) bool {
	return !hasMarshaler(t) && t.Elem().Kind() != reflect.Uint8
}

var (
	marshalerType     = reflect.TypeFor[json.Marshaler]()
	textMarshalerType = reflect.TypeFor[encoding.TextMarshaler]()
)

// hasMarshaler reports whether t or *t has its own JSON or text form.
func hasMarshaler(t reflect.Type) bool {
	for _, u := range []reflect.Type{t, reflect.PointerTo(t)} {
		if u.Implements(marshalerType) || u.Implements(textMarshalerType) {
			return true
		}
	}
	return false
}

// isEmptyValue is encoding/json's test for omitempty.
func isEmptyValue(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() == 0
	case reflect.Bool,
		reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64,
		reflect.Interface, reflect.Pointer:
		return v.IsZero()
	}
	return false
}
