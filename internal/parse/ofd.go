package parse

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"path"
	"strconv"
	"strings"
	"time"
)

// OFD (GB/T 33190-2016) is zipped XML: OFD.xml names the document root and
// its metadata, Document.xml lists the pages, and each page's Content.xml
// holds text objects placed in millimetres. No maintained Go library reads
// it, and the XML is plain, so encoding/xml does; the layout step is the
// one PDFs use.

type ofdRoot struct {
	DocBody []struct {
		DocInfo struct {
			Title        string `xml:"Title"`
			Author       string `xml:"Author"`
			Subject      string `xml:"Subject"`
			CreationDate string `xml:"CreationDate"`
		} `xml:"DocInfo"`
		DocRoot string `xml:"DocRoot"`
	} `xml:"DocBody"`
}

type ofdDocument struct {
	Pages []struct {
		BaseLoc string `xml:"BaseLoc,attr"`
	} `xml:"Pages>Page"`
	PhysicalBox string `xml:"CommonData>PageArea>PhysicalBox"`
	Templates   []struct {
		ID      string `xml:"ID,attr"`
		BaseLoc string `xml:"BaseLoc,attr"`
	} `xml:"CommonData>TemplatePage"`
}

// ofdContent is what a page's (or a template's) Content.xml gives: its
// text objects, the templates it stands on and its own page box, when it
// has one.
type ofdContent struct {
	Texts       []ofdText
	Templates   []string // template IDs, in the order the page names them
	PhysicalBox string
}

type ofdText struct {
	Boundary string  `xml:"Boundary,attr"`
	CTM      string  `xml:"CTM,attr"`
	Size     float64 `xml:"Size,attr"`
	Codes    []struct {
		X      string `xml:"X,attr"`
		Y      string `xml:"Y,attr"`
		DeltaX string `xml:"DeltaX,attr"`
		Text   string `xml:",chardata"`
	} `xml:"TextCode"`
}

func parseOFD(d *Document, files map[string]*zip.File) error {
	var root ofdRoot
	if err := readXML(files, "OFD.xml", &root); err != nil {
		return err
	}
	if len(root.DocBody) == 0 {
		return fmt.Errorf("%w: OFD.xml names no document", ErrBadOFD)
	}
	body := root.DocBody[0]
	docPath := ofdPath("", body.DocRoot)
	var doc ofdDocument
	if err := readXML(files, docPath, &doc); err != nil {
		return err
	}
	pages, err := ofdPages(files, path.Dir(docPath), doc)
	if err != nil {
		return err
	}
	d.Paragraphs = layoutParagraphs(pages)
	if !hasLetters(d.Paragraphs) {
		return ErrNoTextLayer
	}
	d.Title = strings.TrimSpace(body.DocInfo.Title)
	d.Author = strings.TrimSpace(body.DocInfo.Author)
	if t, err := time.Parse("2006-01-02", strings.TrimSpace(body.DocInfo.CreationDate)); err == nil {
		d.Date = t.Format(time.RFC3339)
	}
	return nil
}

// ofdPages reads the text objects of each page, in the order Document.xml
// lists the pages, with those of the templates each page stands on: a
// form's printed labels (an invoice's 购买方, 名称) and an official
// document's fixed header often live in a template, not in the page.
func ofdPages(files map[string]*zip.File, dir string, doc ofdDocument) ([]layoutPage, error) {
	height := 297.0 // A4, the usual page, when the document does not say
	if box := numbers(doc.PhysicalBox); len(box) == 4 {
		height = box[3]
	}
	tpl := ofdTemplates{files: files, loc: map[string]string{}, texts: map[string][]ofdText{}}
	for _, t := range doc.Templates {
		tpl.loc[strings.TrimSpace(t.ID)] = ofdPath(dir, t.BaseLoc)
	}
	var pages []layoutPage
	for _, p := range doc.Pages {
		c, err := ofdContentOf(files, ofdPath(dir, p.BaseLoc))
		if err != nil {
			return nil, err
		}
		page := layoutPage{Height: height}
		if box := numbers(c.PhysicalBox); len(box) == 4 {
			page.Height = box[3]
		}
		texts, err := tpl.textsOf(c.Templates)
		if err != nil {
			return nil, err
		}
		for _, t := range append(texts, c.Texts...) {
			page.Runs = append(page.Runs, ofdRuns(t)...)
		}
		pages = append(pages, page)
	}
	return pages, nil
}

// ofdTemplates reads each template page once, however many pages stand
// on it.
type ofdTemplates struct {
	files map[string]*zip.File
	loc   map[string]string    // ID → Content.xml
	texts map[string][]ofdText // ID → its text objects, once read
}

// textsOf gives the text objects of the templates a page names, each
// once (a page naming one template a thousand times must not multiply
// it); a template the document does not list is skipped, as a viewer
// draws the page without it.
func (t ofdTemplates) textsOf(ids []string) ([]ofdText, error) {
	var out []ofdText
	seen := map[string]bool{}
	for _, id := range ids {
		loc, ok := t.loc[id]
		if !ok || seen[id] {
			continue
		}
		seen[id] = true
		texts, ok := t.texts[id]
		if !ok {
			c, err := ofdContentOf(t.files, loc)
			if err != nil {
				return nil, err
			}
			texts = c.Texts
			t.texts[id] = texts
		}
		out = append(out, texts...)
	}
	return out, nil
}

// ofdTexts reads every text object of a page, wherever it sits (layers,
// page blocks).
func ofdTexts(files map[string]*zip.File, name string) ([]ofdText, error) {
	c, err := ofdContentOf(files, name)
	return c.Texts, err
}

// ofdContentOf reads a Content.xml: its text objects, wherever they sit
// (layers, page blocks), the templates it names and its page box.
func ofdContentOf(files map[string]*zip.File, name string) (ofdContent, error) {
	f := files[name]
	if f == nil {
		return ofdContent{}, fmt.Errorf("%w: %s is missing", ErrBadOFD, name)
	}
	data, err := readEntry(f)
	if err != nil {
		return ofdContent{}, fmt.Errorf("%w: %v", ErrBadOFD, err)
	}
	dec := xml.NewDecoder(bytes.NewReader(data))
	var out ofdContent
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return ofdContent{}, fmt.Errorf("%w: %s: %v", ErrBadOFD, name, err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if err := ofdContentElement(dec, se, &out); err != nil {
			return ofdContent{}, fmt.Errorf("%w: %s: %v", ErrBadOFD, name, err)
		}
	}
}

// ofdContentElement takes what ofdContent keeps from one element.
func ofdContentElement(dec *xml.Decoder, se xml.StartElement, out *ofdContent) error {
	switch se.Name.Local {
	case "TextObject":
		var t ofdText
		if err := dec.DecodeElement(&t, &se); err != nil {
			return err
		}
		out.Texts = append(out.Texts, t)
	case "Template":
		for _, a := range se.Attr {
			if a.Name.Local == "TemplateID" {
				out.Templates = append(out.Templates, strings.TrimSpace(a.Value))
			}
		}
	case "PhysicalBox":
		if out.PhysicalBox != "" {
			return nil
		}
		var box string
		if err := dec.DecodeElement(&box, &se); err != nil {
			return err
		}
		out.PhysicalBox = box
	}
	return nil
}

// ofdRuns places each text code of a text object: in the object's own
// space, from the code's X and baseline Y, as wide as its DeltaX and as
// tall as the font size; then through the object's CTM (commercial
// writers often give sizes in points and scale them to millimetres, CTM
// "0.3528 0 0 0.3528 0 0") and moved to its boundary's origin.
func ofdRuns(t ofdText) []run {
	box := numbers(t.Boundary)
	if len(box) != 4 {
		return nil
	}
	ctm := numbers(t.CTM)
	if len(ctm) != 6 {
		ctm = []float64{1, 0, 0, 1, 0, 0}
	}
	size := t.Size
	if size <= 0 {
		size = box[3] / max(math.Hypot(ctm[2], ctm[3]), 1e-9) // the box's height, in object space
	}
	var out []run
	for _, c := range t.Codes {
		x, y := number(c.X), number(c.Y)
		if c.Y == "" {
			y = size
		}
		width := box[2] / max(math.Hypot(ctm[0], ctm[1]), 1e-9)
		if dx := numbers(c.DeltaX); len(dx) > 0 {
			width = size
			for _, v := range dx {
				width += v
			}
		}
		r := ofdTransform(ctm, x, y-size, x+width, y)
		r.Text = c.Text
		r.Left, r.Right = r.Left+box[0], r.Right+box[0]
		r.Top, r.Bottom = r.Top+box[1], r.Bottom+box[1]
		out = append(out, r)
	}
	return out
}

// ofdTransform maps the box (x0, y0)–(x1, y1) through the matrix
// [a b c d e f] (x' = a x + c y + e, y' = b x + d y + f) to the box that
// holds its four corners.
func ofdTransform(m []float64, x0, y0, x1, y1 float64) run {
	r := run{Left: math.Inf(1), Top: math.Inf(1), Right: math.Inf(-1), Bottom: math.Inf(-1)}
	for _, p := range [4][2]float64{{x0, y0}, {x1, y0}, {x0, y1}, {x1, y1}} {
		x := m[0]*p[0] + m[2]*p[1] + m[4]
		y := m[1]*p[0] + m[3]*p[1] + m[5]
		r.Left, r.Right = min(r.Left, x), max(r.Right, x)
		r.Top, r.Bottom = min(r.Top, y), max(r.Bottom, y)
	}
	return r
}

func number(s string) float64 {
	v, _ := strconv.ParseFloat(strings.TrimSpace(s), 64)
	return v
}

// ofdPath resolves a location inside the package: absolute from the root
// when it starts with /, else relative to dir.
func ofdPath(dir, loc string) string {
	loc = strings.TrimSpace(loc)
	if strings.HasPrefix(loc, "/") {
		return strings.TrimPrefix(path.Clean(loc), "/")
	}
	return strings.TrimPrefix(path.Clean(path.Join(dir, loc)), "/")
}

func readXML(files map[string]*zip.File, name string, v any) error {
	f := files[name]
	if f == nil {
		return fmt.Errorf("%w: %s is missing", ErrBadOFD, name)
	}
	data, err := readEntry(f)
	if err != nil {
		return fmt.Errorf("%w: %v", ErrBadOFD, err)
	}
	if err := xml.Unmarshal(data, v); err != nil {
		return fmt.Errorf("%w: %s: %v", ErrBadOFD, name, err)
	}
	return nil
}

// numbers reads a space-separated list of numbers ("0 0 210 297").
func numbers(s string) []float64 {
	var out []float64
	for _, f := range strings.Fields(s) {
		v, err := strconv.ParseFloat(f, 64)
		if err != nil {
			return nil
		}
		out = append(out, v)
	}
	return out
}
