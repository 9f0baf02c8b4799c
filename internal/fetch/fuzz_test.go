package fetch

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// FuzzResponse feeds what a server controls — Content-Type,
// Content-Disposition, the URL's path after redirects, the body — to the
// code that reads them: no panic, and always a usable file name.
func FuzzResponse(f *testing.F) {
	f.Add("text/html; charset=gbk", `attachment; filename="通知.pdf"`, "/a/b.html", []byte("<p>\xc4\xe3\xba\xc3</p>"))
	f.Add("application/pdf", `inline; filename*=UTF-8''%E9%80%9A%E7%9F%A5.pdf`, "/", []byte("%PDF-1.7"))
	f.Add("text/plain; charset=big5", "", "/x/", []byte("\xa4\xa4\xa4\xe5"))
	f.Add("text/html; charset=utf-16le", "attachment; filename=../../etc/passwd", "/..", []byte("<\x00p\x00"))
	f.Fuzz(func(t *testing.T, ctype, disposition, urlPath string, body []byte) {
		u := &url.URL{Scheme: "https", Host: "example.org", Path: urlPath}
		resp := &http.Response{Header: http.Header{}, Request: &http.Request{URL: u}}
		resp.Header.Set("Content-Disposition", disposition)
		name := fileName(resp, ctype)
		if name == "" || strings.Contains(name, "/") {
			t.Fatalf("fileName = %q", name)
		}
		if _, err := toUTF8(body, ctype); err != nil && !strings.Contains(err.Error(), "Content-Type") {
			t.Fatalf("toUTF8: an error that does not say why: %v", err)
		}
	})
}
