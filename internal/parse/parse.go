package parse

import (
	"bytes"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
)

// Extensions lists the file endings taken when a directory is walked.
var Extensions = map[string]bool{".md": true, ".markdown": true, ".txt": true, ".html": true, ".htm": true, ".jsonl": true,
	".pdf": true, ".docx": true, ".ofd": true}

// Detect names the format of a file from its name and first bytes. The
// magic bytes of a binary format win over the name: a PDF saved as .txt is
// a PDF.
func Detect(name string, data []byte) string {
	ext := strings.ToLower(filepath.Ext(name))
	if f := detectBinary(ext, data); f != "" {
		return f
	}
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
	format := opts.Format
	if format == "" {
		format = Detect(name, data)
	}
	if isBinaryFormat(format) {
		return parseBinary(name, data, format)
	}
	data, err := fromUTF16(data)
	if err != nil {
		return nil, err
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
		err = parseMarkdown(d, text, opts.openers())
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
	if d.Issuer == "" {
		d.Issuer = adoptingBody(text)
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

// reAdopted finds the body that adopted a law or regulation, as its header
// says: (2021年9月30日)山东省第十三届人民代表大会常务委员会第三十次会议通过,
// 国务院第…次常务会议通过. The first is the original adoption; later ones
// amend.
var reAdopted = regexp.MustCompile(`(?:^|[^\p{Han}]|日)((?:[\p{Han}]{2,7}?(?:省|市|自治区|自治州|县))?第[一二三四五六七八九十]+届(?:全国)?人民代表大会(?:常务委员会)?|国务院)第[一二三四五六七八九十百\d]+次(?:全体|常务)?会议(?:审议)?(?:通过|修订)`)

// adoptingBody is the issuer a law's header names, looked for in the first
// lines of the text only.
func adoptingBody(text string) string {
	head := text
	if n := 3000; len(head) > n {
		head = head[:n]
	}
	if m := reAdopted.FindStringSubmatch(head); m != nil {
		return m[1]
	}
	return ""
}
