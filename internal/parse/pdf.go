package parse

import (
	"context"
	"strings"
	"time"
	"unicode"
)

// pdfTimeout bounds the reading of one PDF: a hostile file must not hold a
// worker for ever.
const pdfTimeout = 2 * time.Minute

// parsePDF reads a PDF's text layer in reading order into paragraphs, with
// the document information dictionary as metadata.
func parsePDF(d *Document, data []byte) error {
	ctx, cancel := context.WithTimeout(context.Background(), pdfTimeout)
	defer cancel()
	pages, meta, err := pdfPages(ctx, data)
	if err != nil {
		return err
	}
	d.Paragraphs = layoutParagraphs(pages)
	if !hasLetters(d.Paragraphs) {
		return ErrNoTextLayer
	}
	d.Title = strings.TrimSpace(meta["Title"])
	d.Author = strings.TrimSpace(meta["Author"])
	d.Date = pdfDate(meta["CreationDate"])
	return nil
}

// hasLetters reports paragraphs with at least one letter or Chinese
// character: a scanned page may carry a few stray marks but no words.
func hasLetters(paras []string) bool {
	for _, p := range paras {
		for _, r := range p {
			if unicode.IsLetter(r) {
				return true
			}
		}
	}
	return false
}

// pdfDate turns a PDF date (D:20240122093000+08'00') into RFC 3339.
func pdfDate(s string) string {
	s = strings.TrimPrefix(strings.TrimSpace(s), "D:")
	if len(s) < 8 {
		return ""
	}
	layout := "20060102150405"
	if len(s) < len(layout) {
		layout = layout[:8]
		s = s[:8]
	}
	rest := s[len(layout):]
	t, err := time.Parse(layout, s[:len(layout)])
	if err != nil {
		return ""
	}
	if loc := pdfZone(rest); loc != nil {
		t = time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, loc)
	}
	return t.UTC().Format(time.RFC3339)
}

// pdfZone reads the zone that follows a PDF date: Z, +08'00', -05'00.
func pdfZone(s string) *time.Location {
	s = strings.ReplaceAll(s, "'", "")
	if len(s) < 3 || (s[0] != '+' && s[0] != '-') {
		return nil
	}
	t, err := time.Parse("-0700", (s + "00")[:5])
	if err != nil {
		return nil
	}
	return t.Location()
}
