package fetch

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"
)

func server(t *testing.T) *httptest.Server {
	gbk, _ := simplifiedchinese.GBK.NewEncoder().String(`<html><head><meta charset="utf-8"></head><body><p>严禁违规生产</p></body></html>`)
	mux := http.NewServeMux()
	mux.HandleFunc("/gbk", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=GBK")
		w.Write([]byte(gbk))
	})
	mux.HandleFunc("/att", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		w.Header().Set("Content-Disposition", `attachment; filename="notice.pdf"`)
		w.Write([]byte("%PDF-1.7"))
	})
	mux.HandleFunc("/download", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
		w.Write([]byte("PK\x03\x04"))
	})
	mux.HandleFunc("/redirect", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/att", http.StatusFound) })
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) })
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(strings.Repeat("x", 5000))) })
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(5 * time.Second):
		case <-r.Context().Done():
		}
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func TestGet(t *testing.T) {
	srv := server(t)
	cases := []struct {
		path, name, text string
	}{
		{"/gbk", "gbk.html", "严禁违规生产"},
		{"/att", "notice.pdf", "%PDF-1.7"},
		{"/redirect", "notice.pdf", "%PDF-1.7"},
		{"/download", "download.docx", "PK"},
	}
	for _, c := range cases {
		d, err := Get(context.Background(), srv.URL+c.path, Options{})
		if err != nil {
			t.Errorf("%s: %v", c.path, err)
			continue
		}
		if d.Name != c.name || !strings.Contains(string(d.Data), c.text) {
			t.Errorf("%s: name %q, data %q", c.path, d.Name, d.Data)
		}
	}
}

func TestGetErrors(t *testing.T) {
	srv := server(t)
	cases := []struct {
		path string
		opts Options
		want string
	}{
		{"/missing", Options{}, "HTTP 404 Not Found"},
		{"/loop", Options{MaxRedirects: 3}, "more than 3 redirects"},
		{"/big", Options{MaxBytes: 100}, "--max-bytes"},
		{"/slow", Options{Timeout: 100 * time.Millisecond}, "no complete answer within 100ms"},
	}
	for _, c := range cases {
		_, err := Get(context.Background(), srv.URL+c.path, c.opts)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want %q", c.path, err, c.want)
		}
	}
	_, err := Get(context.Background(), srv.URL+"/big", Options{MaxBytes: 100})
	if !errors.Is(err, ErrTooLarge) {
		t.Errorf("not ErrTooLarge: %v", err)
	}
}

func TestIsURL(t *testing.T) {
	for s, want := range map[string]bool{"https://www.gov.cn/x.htm": true, "http://a/b": true, "file:///etc/passwd": false, "notes.txt": false, "https://": false, "-": false} {
		if IsURL(s) != want {
			t.Errorf("IsURL(%q) = %v", s, !want)
		}
	}
}
