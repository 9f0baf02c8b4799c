// Package fetch downloads a document given as a URL: a page or an
// attachment, within a time and size limit, with its charset turned into
// UTF-8 and a file name that tells its format.
package fetch

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"path"
	"strings"
	"time"

	"golang.org/x/net/html/charset"
)

// Options bound a download.
type Options struct {
	Timeout      time.Duration // the whole download; 0 means DefaultTimeout
	MaxBytes     int64         // larger bodies are refused; 0 means no limit
	MaxRedirects int           // 0 means DefaultRedirects
}

// Defaults for Options' zero values.
const (
	DefaultTimeout   = 30 * time.Second
	DefaultRedirects = 10
)

// ErrTooLarge is a body over Options.MaxBytes.
var ErrTooLarge = errors.New("file too large")

// Document is what a URL gave.
type Document struct {
	URL  string // where the body came from, after redirects
	Name string // a file name whose extension tells the format (from the headers)
	Data []byte // the body; text in UTF-8 when the headers named another charset
}

// IsURL reports an argument that names an http or https URL.
func IsURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// Get downloads rawURL.
func Get(ctx context.Context, rawURL string, opts Options) (*Document, error) {
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultTimeout
	}
	ctx, cancel := context.WithTimeout(ctx, opts.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", "policylens (+https://github.com/policylens/policylens)")
	resp, err := client(opts).Do(req)
	if err != nil {
		return nil, cleanError(err, opts.Timeout)
	}
	defer resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		return nil, fmt.Errorf("HTTP %s", resp.Status)
	}
	data, err := readBody(resp, opts.MaxBytes)
	if err != nil {
		return nil, cleanError(err, opts.Timeout)
	}
	ctype := resp.Header.Get("Content-Type")
	data, err = toUTF8(data, ctype)
	if err != nil {
		return nil, err
	}
	return &Document{URL: resp.Request.URL.String(), Name: fileName(resp, ctype), Data: data}, nil
}

func client(opts Options) *http.Client {
	max := opts.MaxRedirects
	if max <= 0 {
		max = DefaultRedirects
	}
	return &http.Client{CheckRedirect: func(req *http.Request, via []*http.Request) error {
		if len(via) >= max {
			return fmt.Errorf("more than %d redirects", max)
		}
		return nil
	}}
}

// cleanError makes a timeout say so in words.
func cleanError(err error, timeout time.Duration) error {
	if errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("no complete answer within %s", timeout)
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

func readBody(resp *http.Response, max int64) ([]byte, error) {
	if max > 0 && resp.ContentLength > max {
		return nil, fmt.Errorf("%w: %d bytes, over the limit of %d bytes (raise it with --max-bytes)", ErrTooLarge, resp.ContentLength, max)
	}
	r := io.Reader(resp.Body)
	if max > 0 {
		r = io.LimitReader(r, max+1)
	}
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	if max > 0 && int64(len(data)) > max {
		return nil, fmt.Errorf("%w: over the limit of %d bytes (raise it with --max-bytes)", ErrTooLarge, max)
	}
	return data, nil
}

// toUTF8 decodes a text body whose Content-Type names a charset other
// than UTF-8. An HTML page gets a <meta charset="utf-8"> in front, so that
// a stale declaration in the page no longer applies: the header wins, as
// in a browser.
func toUTF8(data []byte, ctype string) ([]byte, error) {
	mt, params, err := mime.ParseMediaType(ctype)
	if err != nil || !strings.HasPrefix(mt, "text/") && mt != "application/xhtml+xml" {
		return data, nil
	}
	label := strings.ToLower(params["charset"])
	if label == "" || label == "utf-8" || label == "utf8" {
		return data, nil
	}
	enc, _ := charset.Lookup(label)
	if enc == nil {
		return data, nil // unknown: the content sniffing of parse decides
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return nil, fmt.Errorf("not %s as the Content-Type says: %w", label, err)
	}
	if mt == "text/html" || mt == "application/xhtml+xml" {
		out = append([]byte(`<meta charset="utf-8">`), out...)
	}
	return bytes.TrimPrefix(out, []byte("\xef\xbb\xbf")), nil
}

// extensions maps media types to the file endings parse knows.
var extensions = map[string]string{
	"application/pdf": ".pdf",
	"application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
	"application/ofd":       ".ofd",
	"text/html":             ".html",
	"application/xhtml+xml": ".html",
	"text/plain":            ".txt",
	"text/markdown":         ".md",
	"application/msword":    ".doc",
}

// fileName picks a name for the body: Content-Disposition's file name, or
// the URL's last segment, with the extension of the Content-Type when the
// name has none that parse knows.
func fileName(resp *http.Response, ctype string) string {
	name := ""
	if _, params, err := mime.ParseMediaType(resp.Header.Get("Content-Disposition")); err == nil {
		name = path.Base(params["filename"])
	}
	if name == "" || name == "." || name == "/" {
		name = path.Base(resp.Request.URL.Path)
	}
	if name == "" || name == "." || name == "/" {
		name = "index"
	}
	mt, _, _ := mime.ParseMediaType(ctype)
	if ext, ok := extensions[mt]; ok && !strings.EqualFold(path.Ext(name), ext) && !(ext == ".html" && strings.EqualFold(path.Ext(name), ".htm")) {
		name += ext
	}
	return name
}
