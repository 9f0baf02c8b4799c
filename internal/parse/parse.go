package parse

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
)

// Extensions lists the file endings taken when a directory is walked.
var Extensions = map[string]bool{".md": true, ".markdown": true, ".txt": true, ".html": true, ".htm": true, ".jsonl": true}

// Detect names the format of a file from its name and first bytes.
func Detect(name string, data []byte) string {
	ext := strings.ToLower(filepath.Ext(name))
	head := data
	if len(head) > 4096 {
		head = head[:4096]
	}
	trimmed := bytes.TrimLeft(head, " \t\r\n\xef\xbb\xbf")
	switch ext {
	case ".jsonl", ".ndjson":
		return FormatJSONL
	case ".html", ".htm":
		return FormatHTML
	case ".txt":
		return FormatText
	}
	if bytes.HasPrefix(trimmed, []byte("---")) {
		lower := bytes.ToLower(data)
		if (bytes.Contains(head, []byte("\ncategories:")) || bytes.Contains(head, []byte("\nheadimg:"))) &&
			(bytes.Contains(lower, []byte("<p")) || bytes.Contains(lower, []byte("<div"))) {
			return FormatSinaHexo
		}
		return FormatMarkdown
	}
	if ext == ".md" || ext == ".markdown" {
		return FormatMarkdown
	}
	if bytes.HasPrefix(trimmed, []byte("{")) {
		return FormatJSONL
	}
	if bytes.HasPrefix(trimmed, []byte("<")) {
		return FormatHTML
	}
	if bytes.HasPrefix(trimmed, []byte("#")) {
		return FormatMarkdown
	}
	return FormatText
}

// Parse reads one document of any format but JSONL (see ReadJSONL). name is
// the path shown to the user and used as the document's id.
func Parse(name string, data []byte, opts Options) (*Document, error) {
	if opts.MaxBytes > 0 && int64(len(data)) > opts.MaxBytes {
		return nil, fmt.Errorf("%w: %d bytes, over the limit of %d (--max-bytes)", ErrTooLarge, len(data), opts.MaxBytes)
	}
	data, err := fromUTF16(data)
	if err != nil {
		return nil, err
	}
	format := opts.Format
	if format == "" {
		format = Detect(name, data)
	}
	if format == FormatJSONL {
		return nil, fmt.Errorf("a JSONL corpus holds several documents: read it with ReadJSONL")
	}
	text, warning, err := decode(data, format == FormatHTML || format == FormatSinaHexo)
	if err != nil {
		return nil, err
	}
	d := &Document{ID: name, Path: name, Format: format}
	if warning != "" {
		d.Warnings = append(d.Warnings, warning)
	}
	switch format {
	case FormatSinaHexo:
		err = parseSinaHexo(d, text)
	case FormatHTML:
		err = parseHTMLPage(d, text)
	case FormatMarkdown:
		err = parseMarkdown(d, text)
	case FormatText:
		err = parseText(d, text)
	default:
		return nil, fmt.Errorf("unknown input format %q (want one of %s)", format, strings.Join(Formats, ", "))
	}
	if err != nil {
		return nil, err
	}
	if d.Date == "" {
		d.Date = dateFromName(filepath.Base(name), hasHan(text))
	}
	if len(d.Paragraphs) == 0 {
		return nil, ErrNoText
	}
	return d, nil
}

func hasHan(s string) bool {
	n := 0
	for _, r := range s {
		if isCJK(r) {
			return true
		}
		if n++; n > 5000 {
			break
		}
	}
	return false
}
