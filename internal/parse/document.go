package parse

import (
	"errors"
	"fmt"
)

// Format names, as they appear in the JSON contract.
const (
	FormatSinaHexo = "sina-hexo"
	FormatHTML     = "html"
	FormatMarkdown = "markdown"
	FormatText     = "text"
	FormatJSONL    = "jsonl"
	FormatPDF      = "pdf"
	FormatDOCX     = "docx"
	FormatOFD      = "ofd"
)

// Formats lists every input format name accepted by --input-format.
var Formats = []string{FormatSinaHexo, FormatHTML, FormatMarkdown, FormatText, FormatJSONL, FormatPDF, FormatDOCX, FormatOFD}

// Document is one parsed input document: metadata plus clean paragraphs.
type Document struct {
	ID            string
	Path          string
	Format        string
	Language      string // set by the caller when forced; otherwise detected later
	Title         string
	OriginalTitle string
	Source        string
	Author        string
	Editor        string
	Date          string // RFC 3339, or "" when unknown
	DocNumber     string // 发文字号 such as 国发〔2019〕5号
	Issuer        string // 发文机关 where a page states it
	Categories    []string
	Paragraphs    []string
	Warnings      []string `json:",omitempty"` // problems that did not stop the reading (bytes replaced)
}

// JSONLFields names the fields of a JSONL record that hold each part of a document.
type JSONLFields struct {
	Text  string
	Title string
	Date  string // several names may be given, comma-separated; the first present wins
	ID    string
}

// DefaultJSONLFields are the field names used when none are given.
var DefaultJSONLFields = JSONLFields{Text: "content", Title: "title", Date: "date,year", ID: "id"}

// Options control parsing.
type Options struct {
	Format   string // "" detects the format
	JSONL    JSONLFields
	MaxBytes int64 // inputs larger than this are refused; 0 means no limit
	// Openers are the words that open an English sentence (The, Sec.):
	// Markdown ends a paragraph at U.S. before one; nil means the
	// built-in list, lexicons/openers.en.txt
	Openers map[string]bool
}

// Errors a caller can test for with errors.Is.
var (
	ErrEmpty    = errors.New("empty file")
	ErrBinary   = errors.New("binary file, not text")
	ErrEncoding = errors.New("invalid UTF-8 and no known Chinese encoding fits")
	ErrTooLarge = errors.New("file too large")
	ErrNoText   = errors.New("no body text found")
	// ErrNoTextLayer is a PDF or OFD whose pages hold no text, only images
	// (a scan).
	ErrNoTextLayer = errors.New("no text layer (a scanned document?): OCR it first")
	ErrBadPDF      = errors.New("not a readable PDF")
	ErrBadDOCX     = errors.New("not a readable DOCX")
	ErrBadOFD      = errors.New("not a readable OFD")
	// ErrLegacyOffice is a Word 97-2003 or WPS file: an old binary format.
	ErrLegacyOffice = errors.New("an old binary office format")
)

// RecordError is an error in one record of a multi-document input (a JSONL line).
type RecordError struct {
	Line int
	Err  error
}

func (e *RecordError) Error() string { return fmt.Sprintf("line %d: %v", e.Line, e.Err) }
func (e *RecordError) Unwrap() error { return e.Err }
