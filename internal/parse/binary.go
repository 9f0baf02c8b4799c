package parse

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
)

// formatLegacy is what Detect calls the OLE compound files of Word 97-2003
// and WPS Writer: recognised only to be refused with advice.
const formatLegacy = "legacy-office"

var (
	magicPDF = []byte("%PDF-")
	magicZIP = []byte("PK\x03\x04")
	magicOLE = []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
)

// detectBinary names a binary format from its magic bytes (ext decides
// between the ZIP-based formats when the first entries do not), or "".
func detectBinary(ext string, data []byte) string {
	head := data[:min(len(data), 1024)]
	switch {
	case bytes.Contains(head, magicPDF): // the spec lets junk come first
		return FormatPDF
	case bytes.HasPrefix(data, magicOLE):
		return formatLegacy
	case bytes.HasPrefix(data, magicZIP):
		return zipFormat(ext, data[:min(len(data), 4096)])
	}
	switch ext {
	case ".pdf":
		return FormatPDF
	case ".docx":
		return FormatDOCX
	case ".ofd":
		return FormatOFD
	case ".doc", ".wps":
		return formatLegacy
	}
	return ""
}

// zipFormat tells DOCX from OFD by the entry names in the first bytes of
// the archive; parseZip checks again with the whole directory.
func zipFormat(ext string, head []byte) string {
	switch {
	case bytes.Contains(head, []byte("word/")), bytes.Contains(head, []byte("[Content_Types].xml")):
		return FormatDOCX
	case bytes.Contains(head, []byte("OFD.xml")), bytes.Contains(head, []byte("Doc_0/")):
		return FormatOFD
	case ext == ".ofd":
		return FormatOFD
	}
	return FormatDOCX
}

func isBinaryFormat(f string) bool {
	return f == FormatPDF || f == FormatDOCX || f == FormatOFD || f == formatLegacy
}

// parseBinary reads the binary formats, which bring their own encoding.
func parseBinary(name string, data []byte, format string) (*Document, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, ErrEmpty
	}
	d := &Document{ID: name, Path: name, Format: format}
	var err error
	switch format {
	case FormatPDF:
		err = parsePDF(d, data)
	case FormatDOCX, FormatOFD:
		err = parseZip(d, data)
	default:
		return nil, legacyError(name)
	}
	if err != nil {
		return nil, err
	}
	if len(d.Paragraphs) == 0 {
		return nil, ErrNoText
	}
	text := strings.Join(d.Paragraphs[:min(len(d.Paragraphs), 20)], "\n")
	if d.Date == "" {
		d.Date = dateFromName(filepath.Base(name), hasHan(text))
	}
	if d.Issuer == "" {
		d.Issuer = adoptingBody(text)
	}
	return d, nil
}

// legacyError names the old format and the command that converts it.
func legacyError(name string) error {
	kind := "a Word 97-2003 or WPS document"
	switch strings.ToLower(filepath.Ext(name)) {
	case ".doc":
		kind = "a Word 97-2003 document (.doc)"
	case ".wps":
		kind = "a WPS Writer document (.wps)"
	}
	return fmt.Errorf("%w: %s; convert it first: libreoffice --headless --convert-to docx FILE", ErrLegacyOffice, kind)
}
