package parse

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
)

// parseDOCX reads the body of a Word document: paragraphs and headings in
// order, a table row as one paragraph of its cells; the core properties
// (title, author, dates) become metadata. Only the standard library is
// needed: a DOCX is zipped XML, and WordprocessingML text is in w:t.
func parseDOCX(d *Document, files map[string]*zip.File) error {
	body, err := readEntry(files["word/document.xml"])
	if err != nil {
		return fmt.Errorf("%w: %v", ErrBadDOCX, err)
	}
	paras, title, err := docxParagraphs(body)
	if err != nil {
		return fmt.Errorf("%w: word/document.xml: %v", ErrBadDOCX, err)
	}
	d.Paragraphs = paras
	if f := files["docProps/core.xml"]; f != nil {
		if data, err := readEntry(f); err == nil {
			docxCore(d, data)
		}
	}
	if d.Title == "" {
		d.Title = title
	}
	return nil
}

// docxWalker collects the text of a WordprocessingML body.
type docxWalker struct {
	skip    int // inside mc:Fallback: a second copy of what mc:Choice holds
	paras   []string
	title   string
	para    strings.Builder
	style   string
	inText  bool
	cells   [][]string // the cells of the open table rows, innermost last
	cellBuf []strings.Builder
}

func docxParagraphs(data []byte) ([]string, string, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	w := &docxWalker{}
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return w.paras, w.title, nil
		}
		if err != nil {
			return nil, "", err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if w.skip > 0 || t.Name.Local == "Fallback" {
				w.skip++
				continue
			}
			w.start(t)
		case xml.EndElement:
			if w.skip > 0 {
				w.skip--
				continue
			}
			w.end(t.Name.Local)
		case xml.CharData:
			if w.inText && w.skip == 0 {
				w.para.Write(t)
			}
		}
	}
}

func (w *docxWalker) start(t xml.StartElement) {
	switch t.Name.Local {
	case "t":
		w.inText = true
	case "tab":
		w.para.WriteByte(' ')
	case "br", "cr":
		w.para.WriteByte(' ')
	case "pStyle":
		w.style = xmlAttr(t, "val")
	case "tr":
		w.cells = append(w.cells, nil)
	case "tc":
		w.cellBuf = append(w.cellBuf, strings.Builder{})
	}
}

func (w *docxWalker) end(name string) {
	switch name {
	case "t":
		w.inText = false
	case "p":
		w.endParagraph()
	case "tc":
		if n := len(w.cellBuf); n > 0 {
			cell := strings.TrimSpace(w.cellBuf[n-1].String())
			w.cellBuf = w.cellBuf[:n-1]
			if r := len(w.cells); r > 0 && cell != "" {
				w.cells[r-1] = append(w.cells[r-1], cell)
			}
		}
	case "tr":
		if r := len(w.cells); r > 0 {
			row := strings.Join(w.cells[r-1], " ")
			w.cells = w.cells[:r-1]
			w.emit(row)
		}
	}
}

// endParagraph hands a finished paragraph to the table cell it sits in, or
// to the body.
func (w *docxWalker) endParagraph() {
	text := strings.TrimSpace(w.para.String())
	style := strings.ToLower(w.style)
	w.para.Reset()
	w.style = ""
	if text == "" {
		return
	}
	if w.title == "" && (style == "title" || style == "heading1" || style == "1") {
		w.title = text
	}
	if n := len(w.cellBuf); n > 0 {
		b := &w.cellBuf[n-1]
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(text)
		return
	}
	w.emit(text)
}

func (w *docxWalker) emit(text string) {
	if n := len(w.cellBuf); n > 0 { // a row of a table nested in a cell
		w.cellBuf[n-1].WriteString(text)
		return
	}
	if text = strings.TrimSpace(text); text != "" {
		w.paras = append(w.paras, text)
	}
}

func xmlAttr(t xml.StartElement, local string) string {
	for _, a := range t.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// docxCore reads docProps/core.xml: dc:title, dc:creator, dcterms:created.
func docxCore(d *Document, data []byte) {
	var core struct {
		Title    string `xml:"title"`
		Creator  string `xml:"creator"`
		Created  string `xml:"created"`
		Modified string `xml:"modified"`
	}
	if xml.Unmarshal(data, &core) != nil {
		return
	}
	d.Title = strings.TrimSpace(core.Title)
	d.Author = strings.TrimSpace(core.Creator)
	for _, s := range []string{core.Created, core.Modified} {
		if t, err := time.Parse(time.RFC3339, strings.TrimSpace(s)); err == nil && t.Year() > 1900 {
			d.Date = t.UTC().Format(time.RFC3339)
			return
		}
	}
}
