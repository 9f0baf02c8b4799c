package parse

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"math"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// The fixtures of testdata/formats are real files made from the Markdown
// sources beside them (see testdata/formats/SOURCES.md); each must give
// back its source's text, as pandoc renders it to plain text (.txt), at
// 98% of characters or more. The OFD of 拿来主义 was laid out by ofdrw from
// a text given paragraph by paragraph (nalai-zhuyi.txt); the two official
// documents (a city bureau's letter, a district bureau's reply) were made
// by commercial OFD writers, and their .txt is the text they show, a
// paragraph a line.
func TestFormatsMatchSource(t *testing.T) {
	cases := []struct{ file, source, format string }{
		{"law-zh.pdf", "law-zh.txt", FormatPDF},
		{"eo-en.pdf", "eo-en.txt", FormatPDF},
		{"law-zh.docx", "law-zh.txt", FormatDOCX},
		{"law-zh-odt.docx", "law-zh.txt", FormatDOCX},
		{"eo-en.docx", "eo-en.txt", FormatDOCX},
		{"nalai-zhuyi.ofd", "nalai-zhuyi.txt", FormatOFD},
		{"bengbu-letter.ofd", "bengbu-letter.txt", FormatOFD},
		{"luqiao-reply.ofd", "luqiao-reply.txt", FormatOFD},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			got := parseFixture(t, c.file)
			if got.Format != c.format {
				t.Errorf("format %q, want %q", got.Format, c.format)
			}
			src, err := os.ReadFile(filepath.Join("testdata", "formats", c.source))
			if err != nil {
				t.Fatal(err)
			}
			r := textRatio(squash([]string{string(src)}), squash(got.Paragraphs))
			t.Logf("%s: %d paragraphs, character ratio %.4f against %s", c.file, len(got.Paragraphs), r, c.source)
			if r < 0.98 {
				t.Errorf("text ratio %.4f < 0.98", r)
			}
		})
	}
}

// An OFD's text objects, concatenated in file order, are its text: the
// layout step must lose and add nothing. A page's text includes that of
// the templates it stands on (found here by their XML alone).
func TestOFDKeepsEveryCharacter(t *testing.T) {
	for _, name := range []string{"nalai-zhuyi.ofd", "split-paragraph.ofd", "keyword.ofd", "bengbu-letter.ofd", "luqiao-reply.ofd", "invoice.ofd"} {
		t.Run(name, func(t *testing.T) {
			d := parseFixture(t, name)
			if d.Format != FormatOFD {
				t.Fatalf("format %q", d.Format)
			}
			raw, got := ofdRawText(t, name), squash(d.Paragraphs)
			slices.Sort(raw)
			slices.Sort(got)
			if r := textRatio(raw, got); r < 0.98 {
				t.Errorf("text ratio %.4f < 0.98 (characters in any order)", r)
			}
		})
	}
}

func TestOFDReadingOrder(t *testing.T) {
	d := parseFixture(t, "nalai-zhuyi.ofd")
	want := []string{"拿来主义", "鲁迅"}
	for i, w := range want {
		if d.Paragraphs[i] != w {
			t.Errorf("paragraph %d = %q, want %q", i, d.Paragraphs[i], w)
		}
	}
	// the paragraph that runs from page 1 onto page 2 stays whole
	joined := "只是送出去，也不算坏事情"
	found := false
	for _, p := range d.Paragraphs {
		if strings.Contains(p, joined) && strings.HasSuffix(p, "。") {
			found = true
		}
	}
	if !found || len(d.Paragraphs) != 12 {
		t.Errorf("%d paragraphs, cross-page paragraph whole: %v", len(d.Paragraphs), found)
	}
	// and every paragraph is the one ofdrw was given
	src, err := os.ReadFile(filepath.Join("testdata", "formats", "nalai-zhuyi.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if want := strings.Split(strings.TrimSpace(string(src)), "\n"); !slices.Equal(d.Paragraphs, want) {
		t.Errorf("paragraphs differ from the source:\n got %q\nwant %q", d.Paragraphs, want)
	}
	if d.Date != "2021-06-02T00:00:00Z" {
		t.Errorf("date %q", d.Date)
	}
}

// The official documents read as their sources, paragraph for paragraph:
// the letter's body, drawn as 27 text objects (a run per number, per
// punctuation mark), is one paragraph; the reply's page numbers ("— 1 —",
// under the text area, outside the page's outer tenth) are gone, the
// paragraph before the first one does not run on into page 2, and the
// imprint line keeps the space between its office and its date.
func TestOFDOfficialDocuments(t *testing.T) {
	for _, c := range []struct{ name, title, date string }{
		{"bengbu-letter.ofd", "蚌埠市国土资源局", ""},
		{"luqiao-reply.ofd", "", "2020-01-25T00:00:00Z"},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := parseFixture(t, c.name)
			src, err := os.ReadFile(filepath.Join("testdata", "formats", strings.TrimSuffix(c.name, ".ofd")+".txt"))
			if err != nil {
				t.Fatal(err)
			}
			want := strings.Split(strings.TrimSpace(string(src)), "\n")
			if got := d.Paragraphs; !slices.Equal(got, want) {
				t.Errorf("paragraphs differ from the source:\n got %q\nwant %q", d.Paragraphs, want)
			}
			if d.Title != c.title || d.Date != c.date {
				t.Errorf("title %q, date %q; want %q, %q", d.Title, d.Date, c.title, c.date)
			}
		})
	}
}

// An invoice written by Suwell's form SDK keeps its printed labels in a
// template and the filled-in values on the page: both are its text.
func TestOFDTemplates(t *testing.T) {
	d := parseFixture(t, "invoice.ofd")
	text := strings.Join(d.Paragraphs, "\n")
	for _, w := range []string{"购买方名称：", "价税合计（大写）", "开户行及账号：", "江苏京利华新材料有限公司", "伍佰贰拾陆圆整"} {
		if !strings.Contains(text, w) {
			t.Errorf("%q missing from\n%s", w, text)
		}
	}
}

func TestPDFLayout(t *testing.T) {
	d := parseFixture(t, "law-zh.pdf")
	if d.Title != "明码标价和禁止价格欺诈规定" {
		t.Errorf("title %q", d.Title)
	}
	for _, p := range d.Paragraphs {
		// Chromium's running head (date, title) and foot (file URL, 1/3)
		if strings.Contains(p, "file://") || strings.Contains(p, "PM") {
			t.Errorf("running head or foot left in: %q", p)
		}
	}
	// 第七条 runs from page 1 to page 2 in the PDF
	var art7 string
	for _, p := range d.Paragraphs {
		if strings.HasPrefix(p, "第七条") {
			art7 = p
		}
	}
	if !strings.HasSuffix(art7, "。") || !strings.Contains(art7, "分别标示品名") {
		t.Errorf("第七条 = %q", art7)
	}
}

func TestDOCXMetadataAndTables(t *testing.T) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	add := func(name, body string) {
		w, _ := zw.Create(name)
		w.Write([]byte(body))
	}
	add("[Content_Types].xml", `<Types/>`)
	add("word/document.xml", `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>关于加强安全生产的通知</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">各地区要</w:t></w:r><w:r><w:t>严格落实责任。</w:t></w:r><w:r><w:delText>删去</w:delText></w:r></w:p>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>指标</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>目标</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
</w:body></w:document>`)
	add("docProps/core.xml", `<cp:coreProperties xmlns:cp="x" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"><dc:title>通知</dc:title><dc:creator>办公厅</dc:creator><dcterms:created>2024-01-22T09:30:00Z</dcterms:created></cp:coreProperties>`)
	zw.Close()
	d, err := Parse("x.bin", buf.Bytes(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"关于加强安全生产的通知", "各地区要严格落实责任。", "指标 目标"}
	if strings.Join(d.Paragraphs, "|") != strings.Join(want, "|") {
		t.Errorf("paragraphs %q", d.Paragraphs)
	}
	if d.Title != "通知" || d.Author != "办公厅" || d.Date != "2024-01-22T09:30:00Z" || d.Format != FormatDOCX {
		t.Errorf("metadata %q %q %q %q", d.Title, d.Author, d.Date, d.Format)
	}
}

func TestDetectByContent(t *testing.T) {
	pdf, _ := os.ReadFile(filepath.Join("testdata", "formats", "law-zh.pdf"))
	docx, _ := os.ReadFile(filepath.Join("testdata", "formats", "eo-en.docx"))
	ofd, _ := os.ReadFile(filepath.Join("testdata", "formats", "nalai-zhuyi.ofd"))
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"a.txt", pdf, FormatPDF},
		{"noext", docx, FormatDOCX},
		{"a.zip", ofd, FormatOFD},
		{"a.doc", []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest"), formatLegacy},
		{"a.pdf", []byte("not a pdf"), FormatPDF},
		{"a.md", []byte("# title"), FormatMarkdown},
	}
	for _, c := range cases {
		if got := Detect(c.name, c.data); got != c.want {
			t.Errorf("Detect(%s) = %q, want %q", c.name, got, c.want)
		}
	}
}

func TestBinaryFormatErrors(t *testing.T) {
	cases := []struct {
		name string
		data []byte
		want error
		text string
	}{
		{"old.doc", []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + strings.Repeat("\x00", 100)), ErrLegacyOffice, "libreoffice --headless --convert-to docx"},
		{"old.wps", []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + strings.Repeat("\x00", 100)), ErrLegacyOffice, "WPS"},
		{"bad.pdf", []byte("%PDF-1.7\ngarbage"), ErrBadPDF, ""},
		{"bad.docx", []byte("PK\x03\x04garbage"), ErrBadDOCX, ""},
		{"scan.pdf", blankPDF(t), ErrNoTextLayer, "OCR it first"},
	}
	for _, c := range cases {
		_, err := Parse(c.name, c.data, Options{})
		if !errors.Is(err, c.want) || !strings.Contains(err.Error(), c.text) {
			t.Errorf("%s: error %v, want %v containing %q", c.name, err, c.want, c.text)
		}
	}
}

// blankPDF is a one-page PDF with no text on it, as a scan without OCR is.
func blankPDF(t *testing.T) []byte {
	data, err := os.ReadFile(filepath.Join("testdata", "formats", "blank.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func parseFixture(t *testing.T, name string) *Document {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "formats", name))
	if err != nil {
		t.Fatal(err)
	}
	d, err := Parse(name, data, Options{})
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return d
}

func ofdRawText(t *testing.T, name string) []rune {
	data, _ := os.ReadFile(filepath.Join("testdata", "formats", name))
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]*zip.File{}
	for _, f := range zr.File {
		files[f.Name] = f
	}
	// the templates by ID, from every Document.xml's TemplatePage
	templates := map[string]string{}
	for _, f := range zr.File {
		if strings.HasSuffix(f.Name, "Document.xml") {
			doc, _ := readEntry(f)
			for _, m := range reTemplatePage.FindAllStringSubmatch(string(doc), -1) {
				templates[m[1]] = path.Join(path.Dir(f.Name), m[2])
			}
		}
	}
	var b strings.Builder
	write := func(name string) {
		texts, err := ofdTexts(files, name)
		if err != nil {
			t.Fatal(err)
		}
		for _, x := range texts {
			for _, c := range x.Codes {
				b.WriteString(c.Text)
			}
		}
	}
	for _, f := range zr.File {
		if strings.HasSuffix(f.Name, "Content.xml") && strings.Contains(f.Name, "Pages/") {
			write(f.Name)
			page, _ := readEntry(f)
			for _, m := range reTemplateRef.FindAllStringSubmatch(string(page), -1) {
				if loc, ok := templates[m[1]]; ok {
					write(loc)
				}
			}
		}
	}
	return squash([]string{b.String()})
}

var (
	reTemplatePage = regexp.MustCompile(`<(?:ofd:)?TemplatePage\s+ID="(\d+)"\s+BaseLoc="([^"]+)"`)
	reTemplateRef  = regexp.MustCompile(`<(?:ofd:)?Template\s+TemplateID="(\d+)"`)
)

// squash is the text without white space, which layouts place freely.
func squash(paras []string) []rune {
	var out []rune
	for _, p := range paras {
		for _, r := range p {
			if !unicode.IsSpace(r) {
				out = append(out, r)
			}
		}
	}
	return out
}

// textRatio is difflib's ratio: twice the longest common subsequence over
// the total length, found with Myers' O(ND) algorithm.
func textRatio(a, b []rune) float64 {
	if len(a)+len(b) == 0 {
		return 1
	}
	return 2 * float64(lcsLen(a, b)) / float64(len(a)+len(b))
}

func lcsLen(a, b []rune) int {
	n, m := len(a), len(b)
	maxD := n + m
	v := make([]int, 2*maxD+2)
	for d := 0; d <= maxD; d++ {
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || (k != d && v[maxD+k-1] < v[maxD+k+1]) {
				x = v[maxD+k+1]
			} else {
				x = v[maxD+k-1] + 1
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x, y = x+1, y+1
			}
			v[maxD+k] = x
			if x >= n && y >= m {
				return (n + m - d) / 2
			}
		}
	}
	return 0
}

// A page's own box wins over the document's: on a page 140 mm tall, a
// "- 1 -" 125 mm down is its foot and goes; on the document's A4 it would
// stand mid-page and stay. A template the document does not list is
// skipped, one named twice counts once, and one that names another
// template is not followed.
func TestOFDPageBoxAndTemplates(t *testing.T) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	add := func(name, body string) {
		w, _ := zw.Create(name)
		w.Write([]byte(body))
	}
	text := func(y int, s string) string {
		return fmt.Sprintf(`<ofd:TextObject Boundary="20 %d 100 6" Size="5"><ofd:TextCode X="0" Y="5">%s</ofd:TextCode></ofd:TextObject>`, y, s)
	}
	add("OFD.xml", `<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`)
	add("Doc_0/Document.xml", `<ofd:Document xmlns:ofd="http://www.ofdspec.org/2016"><ofd:CommonData><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>
<ofd:TemplatePage ID="7" BaseLoc="Tpls/Tpl_0/Content.xml"/></ofd:CommonData><ofd:Pages><ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages></ofd:Document>`)
	add("Doc_0/Tpls/Tpl_0/Content.xml", `<ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Template TemplateID="7"/><ofd:Content><ofd:Layer>`+text(20, "购买方名称：")+`</ofd:Layer></ofd:Content></ofd:Page>`)
	add("Doc_0/Pages/Page_0/Content.xml", `<ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Area><ofd:PhysicalBox>0 0 210 140</ofd:PhysicalBox></ofd:Area>
<ofd:Template TemplateID="7" ZOrder="Background"/><ofd:Template TemplateID="9"/><ofd:Template TemplateID="7"/><ofd:Content><ofd:Layer>`+text(40, "江苏京利华新材料有限公司")+text(125, "- 1 -")+`</ofd:Layer></ofd:Content></ofd:Page>`)
	zw.Close()
	d, err := Parse("x.ofd", buf.Bytes(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	// the two lines may join: what counts is the text, without the number
	if got, want := strings.Join(d.Paragraphs, ""), "购买方名称：江苏京利华新材料有限公司"; got != want {
		t.Errorf("text %q, want %q", got, want)
	}
}

// Word writes a text box twice: as a DrawingML shape in mc:Choice and as
// VML in mc:Fallback. Its text is read once, and the paragraph around it
// goes on.
func TestDOCXTextBoxOnce(t *testing.T) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create("word/document.xml")
	box := `<w:txbxContent><w:p><w:r><w:t>某某市人民政府文件</w:t></w:r></w:p></w:txbxContent>`
	w.Write([]byte(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>
<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp xmlns:wps="x"><wps:txbx>` + box + `</wps:txbx></wps:wsp></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox xmlns:v="y">` + box + `</v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>
<w:p><w:r><w:t>各地区要严格落实责任。</w:t></w:r><w:r><mc:AlternateContent><mc:Fallback/></mc:AlternateContent></w:r><w:r><w:t>不得推诿。</w:t></w:r></w:p>
</w:body></w:document>`))
	zw.Close()
	d, err := Parse("x.docx", buf.Bytes(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"某某市人民政府文件", "各地区要严格落实责任。不得推诿。"}; !slices.Equal(d.Paragraphs, want) {
		t.Errorf("paragraphs %q, want %q", d.Paragraphs, want)
	}
}

// A text object's CTM scales its codes (points to millimetres, as Suwell
// writes them): the code's box is the scaled one, moved to the boundary.
func TestOFDRunsCTM(t *testing.T) {
	scaled := ofdText{Boundary: "33.5 39.7 18.2 4.9", CTM: "0.3528 0 0 0.3528 0 0", Size: 12}
	scaled.Codes = append(scaled.Codes, struct {
		X      string `xml:"X,attr"`
		Y      string `xml:"Y,attr"`
		DeltaX string `xml:"DeltaX,attr"`
		Text   string `xml:",chardata"`
	}{X: "0", Y: "11.336", DeltaX: "13 12 12", Text: "来文文号"})
	plain := scaled
	plain.CTM, plain.Size = "", 4.2336
	plain.Codes = slices.Clone(plain.Codes)
	plain.Codes[0].Y, plain.Codes[0].DeltaX = "3.9993", "4.5864 4.2336 4.2336"
	for _, tc := range []ofdText{scaled, plain} {
		r := ofdRuns(tc)
		if len(r) != 1 {
			t.Fatalf("%d runs", len(r))
		}
		near := func(a, b float64) bool { return math.Abs(a-b) < 0.01 }
		if !near(r[0].Left, 33.5) || !near(r[0].Top, 39.4658) || !near(r[0].Right, 50.7872) || !near(r[0].Bottom, 43.6993) {
			t.Errorf("CTM %q: box %+v", tc.CTM, r[0])
		}
	}
}
