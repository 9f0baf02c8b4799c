package parse

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
)

// zipEntryLimit bounds what one entry of a DOCX or OFD may inflate to: a
// small archive must not expand into gigabytes (a zip bomb).
const zipEntryLimit = 64 << 20

// parseZip reads a DOCX or an OFD, told apart by their entries.
func parseZip(d *Document, data []byte) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		if d.Format == FormatOFD {
			return fmt.Errorf("%w: %v", ErrBadOFD, err)
		}
		return fmt.Errorf("%w: %v", ErrBadDOCX, err)
	}
	files := map[string]*zip.File{}
	for _, f := range zr.File {
		files[f.Name] = f
	}
	switch {
	case files["word/document.xml"] != nil:
		d.Format = FormatDOCX
		return parseDOCX(d, files)
	case files["OFD.xml"] != nil:
		d.Format = FormatOFD
		return parseOFD(d, files)
	}
	return fmt.Errorf("a ZIP archive that is neither a DOCX (no word/document.xml) nor an OFD (no OFD.xml)")
}

// readEntry reads one entry of an archive within zipEntryLimit.
func readEntry(f *zip.File) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", f.Name, err)
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, zipEntryLimit+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", f.Name, err)
	}
	if len(data) > zipEntryLimit {
		return nil, fmt.Errorf("%s: inflates past %d bytes", f.Name, zipEntryLimit)
	}
	return data, nil
}
