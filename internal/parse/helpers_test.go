package parse

import (
	"bytes"
	"encoding/json"
)

// jsonMarshal renders v as one line of JSON, without HTML escaping.
func jsonMarshal(v any) (string, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return "", err
	}
	return string(bytes.TrimSuffix(buf.Bytes(), []byte("\n"))), nil
}

// renderDocument is the stable JSON form of a document in golden files.
func renderDocument(d *Document) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(d); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// boilerplate must never reach a paragraph.
var boilerplate = []string{"责任编辑", "海量资讯", "appendQr", "原标题", "<p", "</", "&#", "&nbsp"}
