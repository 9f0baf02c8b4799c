package parse

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

func encode(t *testing.T, enc encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := enc.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encode %q: %v", s, err)
	}
	return b
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name string
		file string
		data []byte
		opts Options
		want error
	}{
		{"empty file", "a.txt", nil, Options{}, ErrEmpty},
		{"only white space", "a.md", []byte(" \n\r\n\t "), Options{}, ErrEmpty},
		{"NUL bytes", "a.txt", []byte("text\x00\x00\x08\x00text"), Options{}, ErrBinary},
		{"NUL in html", "a.html", []byte("<p>\x00正文</p>"), Options{}, ErrBinary},
		{"control bytes", "a.txt", []byte(strings.Repeat("\x01\x02\x1b", 10) + "ab"), Options{}, ErrBinary},
		{"Latin-1 is not Chinese", "a.txt", []byte("caf\xe9 cr\xe8me br\xfbl\xe9e, na\xefve r\xe9sum\xe9\n"), Options{}, ErrEncoding},
		{"random high bytes", "a.md", []byte("\xff\xfe\xfd\xfc\x80\x81 abc \xc0\xc1"), Options{}, ErrEncoding},
		{"over MaxBytes", "a.txt", []byte("第一条 为了明确申报标准。"), Options{MaxBytes: 10}, ErrTooLarge},
		{"no text in html", "a.html", []byte("<html><head><title>t</title><script>var x = 1</script></head><body><img src=a.png></body></html>"), Options{}, ErrNoText},
		{"no text in hexo body", "a.md", []byte(hexo(refFrontMatter, `<p class="article-editor">责任编辑：王翔 </p><div class="appendQr_wrap">海量资讯</div>`)), Options{}, ErrNoText},
		{"markdown front matter only", "a.md", []byte("---\ntitle: x\n---\n\n<!-- only a comment -->\n"), Options{}, ErrNoText},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Parse(tt.file, tt.data, tt.opts)
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			if d != nil {
				t.Errorf("got a document with an error")
			}
		})
	}
}

func TestMaxBytesBoundary(t *testing.T) {
	data := []byte("第一条 为了明确申报标准。")
	if _, err := Parse("a.txt", data, Options{MaxBytes: int64(len(data))}); err != nil {
		t.Errorf("a file of exactly MaxBytes: %v", err)
	}
}

func TestDecodeChinese(t *testing.T) {
	const zh = "国务院关于做好当前和今后一个时期促进就业工作的若干意见\n各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n就业是最大的民生，也是经济发展最基本的支撑。"
	const tw = "我們國家的各項事業推向新的更大的勝利，這是人民的勝利，也是中國共產黨的勝利。"
	tests := []struct {
		name   string
		file   string
		data   []byte
		title  string
		paras  []string
		format string
	}{
		{
			name:  "GBK text without a declaration",
			file:  "gbk.txt",
			data:  encode(t, simplifiedchinese.GBK, zh),
			paras: strings.Split(zh, "\n"),
		},
		{
			name:  "GB18030 markdown",
			file:  "gb.md",
			data:  encode(t, simplifiedchinese.GB18030, "# 通知\n\n"+zh),
			title: "通知",
			paras: append([]string{"通知"}, strings.Split(zh, "\n")...),
		},
		{
			name:  "GBK page with meta charset",
			file:  "gbk.html",
			data:  encode(t, simplifiedchinese.GBK, `<html><head><meta charset="gbk"><title>促进就业</title></head><body><div><p>`+strings.ReplaceAll(zh, "\n", "</p><p>")+`</p></div></body></html>`),
			title: "促进就业",
			paras: strings.Split(zh, "\n"),
		},
		{
			name:  "Big5 page with http-equiv",
			file:  "big5.html",
			data:  encode(t, traditionalchinese.Big5, `<html><head><meta http-equiv="Content-Type" content="text/html; charset=big5"><title>政府工作報告</title></head><body><div><p>`+tw+`</p></div></body></html>`),
			title: "政府工作報告",
			paras: []string{tw},
		},
		{
			name:  "Big5 page without a declaration",
			file:  "big5.htm",
			data:  encode(t, traditionalchinese.Big5, `<div><p>`+tw+`</p></div>`),
			paras: []string{tw},
		},
		{
			name:  "UTF-8 page declaring UTF-16",
			file:  "utf16.html",
			data:  []byte(`<meta charset="utf-16"><div><p>` + tw + `</p></div>`),
			paras: []string{tw},
		},
		{
			name:  "UTF-8 with a byte order mark",
			file:  "bom.txt",
			data:  []byte("\xef\xbb\xbf" + zh),
			paras: strings.Split(zh, "\n"),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Parse(tt.file, tt.data, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if d.Title != tt.title || !slices.Equal(d.Paragraphs, tt.paras) {
				t.Errorf("title %q, paragraphs %q; want %q, %q", d.Title, d.Paragraphs, tt.title, tt.paras)
			}
		})
	}
}

// parseQuickly fails the test when Parse panics or takes too long.
func parseQuickly(t *testing.T, name string, data []byte, opts Options) (*Document, error) {
	t.Helper()
	type result struct {
		d   *Document
		err error
	}
	done := make(chan result, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				done <- result{err: errors.New("panic")}
				t.Errorf("Parse panicked: %v", r)
			}
		}()
		d, err := Parse(name, data, opts)
		done <- result{d, err}
	}()
	select {
	case r := <-done:
		return r.d, r.err
	case <-time.After(20 * time.Second):
		t.Fatalf("Parse(%s) took over 20s", name)
		return nil, nil
	}
}

func TestPathologicalHTML(t *testing.T) {
	const text = "深层正文，这是一段足够长的政策文字。"
	tests := []struct {
		name string
		data string
		want string // a paragraph that must be found
	}{
		{"unclosed tags", "<html><body><div><p>" + text + "<p>第二段文字，没有闭合。<table><tr><td>单元格<b><i>", text},
		{"stray end tags", "</div></p></td>" + text + "</body></html></html>", text},
		{"100000 nested divs", strings.Repeat("<div>", 100000) + text + strings.Repeat("</div>", 100000), text},
		{"100000 unclosed divs", strings.Repeat("<div>", 100000) + text, text},
		{"100000 nested fonts", "<p>" + strings.Repeat("<font>", 100000) + text, text},
		{"deep nesting after text", "<div><p>" + text + "</p>" + strings.Repeat("<span>", 100000) + "尾部", text},
		{"unclosed comment", "<div><p>" + text + "</p><!-- never closed", text},
		{"unclosed script", "<div><p>" + text + "</p><script>var a = '<p>x</p>'", text},
	}
	for _, tt := range tests {
		for _, format := range []string{FormatHTML, FormatSinaHexo} {
			t.Run(tt.name+"/"+format, func(t *testing.T) {
				start := time.Now()
				d, err := parseQuickly(t, "deep.html", []byte(tt.data), Options{Format: format})
				if err != nil {
					t.Fatalf("err = %v", err)
				}
				if !slices.Contains(d.Paragraphs, tt.want) {
					t.Errorf("paragraphs %q do not hold %q", d.Paragraphs, tt.want)
				}
				if el := time.Since(start); el > 5*time.Second {
					t.Errorf("took %v", el)
				}
			})
		}
	}
}

func TestShallowTreeKeepsStructure(t *testing.T) {
	// a page past the parser's depth limit still yields its metadata table,
	// title and paragraphs
	page := `<html><head><title>页面标题</title><style>p{}</style></head><body>` +
		`<table><tr><td>发文字号：</td><td>国发〔2019〕5号</td></tr></table>` +
		`<div class="content"><p>第一段政策正文，内容足够长。</p><br/><p>第二段政策正文，内容足够长。</p></div>` +
		strings.Repeat("<div>", 600) + "深处的文字" + strings.Repeat("</div>", 600) + `</body></html>`
	d, err := parseQuickly(t, "deep.html", []byte(page), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "页面标题" || d.DocNumber != "国发〔2019〕5号" {
		t.Errorf("title %q, doc number %q", d.Title, d.DocNumber)
	}
	for _, p := range []string{"第一段政策正文，内容足够长。", "第二段政策正文，内容足够长。"} {
		if !slices.Contains(d.Paragraphs, p) {
			t.Errorf("paragraphs %q do not hold %q", d.Paragraphs, p)
		}
	}
	for _, p := range d.Paragraphs {
		if strings.Contains(p, "p{}") {
			t.Errorf("style text in paragraph %q", p)
		}
	}
}

// Text in other encodings than clean UTF-8 is read, with a warning where
// bytes had to be replaced.
func TestDecodeOddEncodings(t *testing.T) {
	body := "会议要求，各地区要严格落实安全生产责任。\n严禁违规生产。\n"
	utf16le := func(s string, bom []byte, big bool) []byte {
		out := append([]byte(nil), bom...)
		for _, r := range s { // the text is in the BMP
			if big {
				out = append(out, byte(r>>8), byte(r))
			} else {
				out = append(out, byte(r), byte(r>>8))
			}
		}
		return out
	}
	cases := []struct {
		name, warn string
		data       []byte
	}{
		{"utf16le.txt", "", utf16le(body, []byte{0xff, 0xfe}, false)},
		{"utf16be.txt", "", utf16le(body, []byte{0xfe, 0xff}, true)},
		{"latin1.txt", "at byte 12", []byte("会议要求\xe9，各地区要严格落实安全生产责任。\n严禁违规生产。\n")},
		{"cut.txt", fmt.Sprintf("at byte %d", len(body)-1), []byte(body[:len(body)-1] + "\xe4\xb8")},
		{"win1252.txt", "Windows-1252", []byte("The Secretary shall report within 90 days on the caf\xe9 program, r\xe9sum\xe9s, na\xefve fa\xe7ades.\n")},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d, err := Parse(c.name, c.data, Options{})
			if err != nil {
				t.Fatalf("refused: %v", err)
			}
			text := strings.Join(d.Paragraphs, "\n")
			if !strings.Contains(text, "严禁违规生产") && !strings.Contains(text, "café") {
				t.Fatalf("text lost: %q", text)
			}
			switch {
			case c.warn == "" && len(d.Warnings) > 0:
				t.Fatalf("unexpected warnings %q", d.Warnings)
			case c.warn != "" && (len(d.Warnings) != 1 || !strings.Contains(d.Warnings[0], c.warn)):
				t.Fatalf("warnings %q, want one that says %q", d.Warnings, c.warn)
			}
		})
	}
}
