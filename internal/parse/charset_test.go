package parse

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// A GBK gov.cn page without a charset declaration is mostly markup; the
// Chinese text in it must still be recognised.
func TestGBKPageWithoutCharset(t *testing.T) {
	markup := strings.Repeat(`<div class="nav"><a href="/zhengce/index.htm" target="_blank">link</a></div>`, 40)
	page := "<html><head><title>通知</title></head><body>" + markup + "<p>各地区要严格落实安全生产责任，严禁违规生产。</p></body></html>"
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(page)
	if err != nil {
		t.Fatal(err)
	}
	d, err := Parse("page.html", []byte(gbk), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.Join(d.Paragraphs, "\n"), "严禁违规生产") {
		t.Errorf("paragraphs %q", d.Paragraphs)
	}
}
