package parse

import (
	"strings"
	"testing"
	"time"
)

func TestZZNested(t *testing.T) {
	for _, f := range []string{FormatHTML, FormatSinaHexo} {
		data := strings.Repeat("<div>", 100000) + "正文内容在这里，这是一段足够长的文字。" + strings.Repeat("</div>", 100000)
		st := time.Now()
		d, err := Parse("x.html", []byte(data), Options{Format: f})
		t.Log(f, time.Since(st), err, d != nil)
		st = time.Now()
		d, err = Parse("x.html", []byte(strings.Repeat("<div>", 100000)+"正文内容在这里，这是一段足够长的文字。"), Options{Format: f})
		t.Log(f, time.Since(st), err, d != nil)
	}
}
