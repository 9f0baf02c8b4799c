package store

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
)

// Analyses and paragraphs are stored as gzip-compressed JSON: the
// explanations of directives make an analysis JSON large (about eight
// times smaller packed), and only whole documents are ever read back.

func packJSON(v any) ([]byte, error) { return new(packer).pack(v) }

// packer packs with one gzip writer, reset for each value: a new writer
// allocates its compressor's tables (hundreds of KB), and an index packs
// two values a document.
type packer struct {
	zw *gzip.Writer
}

func (p *packer) pack(v any) ([]byte, error) {
	var b bytes.Buffer
	if p.zw == nil {
		p.zw, _ = gzip.NewWriterLevel(&b, gzip.BestSpeed)
	} else {
		p.zw.Reset(&b)
	}
	enc := json.NewEncoder(p.zw)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	if err := p.zw.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func unpackJSON(data []byte, v any) error {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return fmt.Errorf("unpack: %w", err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		return fmt.Errorf("unpack: %w", err)
	}
	return json.Unmarshal(b, v)
}
