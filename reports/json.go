package reports

import (
	"bytes"
	"encoding/json"
	"io"

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

func writeIndented(w io.Writer, v any) error {
	b, err := marshal(v, true)
	if err != nil {
		return err
	}
	_, err = w.Write(bytes.TrimRight(b, "\n"))
	return err
}

// marshal encodes without escaping <, > and & (document text is not HTML).
func marshal(v any, indent bool) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if indent {
		enc.SetIndent("", "  ")
	}
	err := enc.Encode(v)
	return buf.Bytes(), err
}

// jsonlReporter prints one compact object per line.
type jsonlReporter struct{ w io.Writer }

func (r *jsonlReporter) Write(a *analyze.Analysis) error {
	b, err := marshal(a, false)
	if err != nil {
		return err
	}
	_, err = r.w.Write(b)
	return err
}

func (r *jsonlReporter) Close() error { return nil }

// WriteJSON prints any value as indented JSON, without HTML escaping.
func WriteJSON(w io.Writer, v any) error {
	b, err := marshal(v, true)
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

// JSONArray prints a JSON array as WriteJSON would, one element at a time:
// the 52 comparisons of a corpus make 70 MB of JSON, which is never held
// in memory whole.
type JSONArray struct {
	w   io.Writer
	n   int
	buf bytes.Buffer
	enc *json.Encoder
}

// NewJSONArray starts an array on w; Close ends it.
func NewJSONArray(w io.Writer) *JSONArray {
	a := &JSONArray{w: w}
	a.enc = json.NewEncoder(&a.buf)
	a.enc.SetEscapeHTML(false)
	a.enc.SetIndent("  ", "  ")
	return a
}

// Add writes one element.
func (a *JSONArray) Add(v any) error {
	a.buf.Reset()
	if a.n == 0 {
		a.buf.WriteString("[\n  ")
	} else {
		a.buf.WriteString(",\n  ")
	}
	a.n++
	if err := a.enc.Encode(v); err != nil {
		return err
	}
	_, err := a.w.Write(bytes.TrimRight(a.buf.Bytes(), "\n"))
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
