package parse

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
)

// reNotice finds the public-domain notice of the source site that ends
// each work report.
var reNotice = regexp.MustCompile(`\n\s*(?:本作品(?:是|来自)|Public domain\n)`)

// ReadJSONL streams the records of a JSONL corpus, calling yield for each
// document or record error in order; yield returns false to stop. Lines
// longer than maxBytes are refused as records, and reading goes on.
func ReadJSONL(r io.Reader, name string, fields JSONLFields, maxBytes int64, yield func(*Document, error) bool) error {
	if fields.Text == "" {
		fields = DefaultJSONLFields
	}
	br := bufio.NewReaderSize(r, 1<<20)
	for line := 1; ; line++ {
		raw, err := readLine(br, maxBytes)
		if errors.Is(err, io.EOF) && len(raw) == 0 {
			return nil
		}
		if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, ErrTooLarge) {
			return err
		}
		var doc *Document
		var recErr error
		if errors.Is(err, ErrTooLarge) {
			recErr = &RecordError{Line: line, Err: ErrTooLarge}
		} else if len(bytes.TrimSpace(raw)) == 0 { // no string copy of every record
			continue
		} else {
			doc, recErr = jsonlRecord(raw, name, line, fields)
		}
		if !yield(doc, recErr) {
			return nil
		}
	}
}

// readLine reads one line; an over-long line is consumed and reported.
func readLine(br *bufio.Reader, maxBytes int64) ([]byte, error) {
	var buf []byte
	tooLong := false
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			buf = append(buf, chunk...)
			// the line ending does not count: a record of exactly
			// maxBytes bytes is allowed
			if maxBytes > 0 && int64(len(bytes.TrimRight(buf, "\r\n"))) > maxBytes {
				tooLong, buf = true, nil
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if tooLong {
			return nil, ErrTooLarge
		}
		return buf, err
	}
}

func jsonlRecord(raw []byte, name string, line int, f JSONLFields) (*Document, error) {
	var rec map[string]any
	if err := json.Unmarshal(raw, &rec); err != nil {
		return nil, &RecordError{Line: line, Err: fmt.Errorf("not a JSON object: %v", err)}
	}
	text, ok := rec[f.Text].(string)
	if !ok || strings.TrimSpace(text) == "" {
		return nil, &RecordError{Line: line, Err: fmt.Errorf("no text in field %q", f.Text)}
	}
	if loc := reNotice.FindStringIndex(text); loc != nil && loc[0] > 0 {
		text = text[:loc[0]]
	}
	d := &Document{
		ID:     fmt.Sprintf("%s#%d", name, line),
		Path:   name,
		Format: FormatJSONL,
		Title:  stringField(rec, f.Title),
	}
	if id := stringField(rec, f.ID); id != "" {
		d.ID = fmt.Sprintf("%s#%s", name, id)
	}
	for _, key := range strings.Split(f.Date, ",") {
		if v := stringField(rec, strings.TrimSpace(key)); v != "" {
			d.Date = normalizeDate(v, true)
			break
		}
	}
	d.Paragraphs = splitLines(text)
	if len(d.Paragraphs) == 0 {
		return nil, &RecordError{Line: line, Err: ErrNoText}
	}
	return d, nil
}

func stringField(rec map[string]any, key string) string {
	switch v := rec[key].(type) {
	case string:
		return strings.TrimSpace(v)
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	return ""
}
