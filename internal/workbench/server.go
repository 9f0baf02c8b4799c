package workbench

import (
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log"
	"net/http"

	"github.com/policylens/policylens/internal/compare"
	"github.com/policylens/policylens/internal/store"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// csp lets a page load only its own stylesheet: no script, no network.
const csp = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

// Server serves the workbench over a store.
type Server struct {
	st      store.Reader
	compare compare.Options
	pages   map[string]*template.Template
	mux     *http.ServeMux
	log     *log.Logger
}

// New builds a server; cmp gives comparisons the analyzer's words and IDF.
func New(st store.Reader, cmp compare.Options, logger *log.Logger) (*Server, error) {
	s := &Server{st: st, compare: cmp, pages: map[string]*template.Template{}, mux: http.NewServeMux(), log: logger}
	for _, page := range []string{"search", "document", "entity", "compare", "trends", "error"} {
		t, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html", "templates/"+page+".html")
		if err != nil {
			return nil, fmt.Errorf("workbench: template %s: %w", page, err)
		}
		s.pages[page] = t
	}
	static, _ := fs.Sub(staticFS, "static")
	s.mux.Handle("GET /static/", http.StripPrefix("/static/", http.FileServerFS(static)))
	s.mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/search", http.StatusFound) })
	s.route("/search", s.search)
	s.route("/doc", s.document)
	s.route("/entity", s.entity)
	s.route("/compare", s.comparePage)
	s.route("/trends", s.trends)
	return s, nil
}

// handler computes a page's data, or an error with its HTTP status.
type handler func(r *http.Request) (page string, data any, err error)

// route serves a page at path and its data as JSON at /api/path.
func (s *Server) route(path string, h handler) {
	s.mux.HandleFunc("GET "+path, func(w http.ResponseWriter, r *http.Request) {
		page, data, err := h(r)
		if err != nil {
			s.fail(w, r, false, err)
			return
		}
		s.render(w, page, data)
	})
	s.mux.HandleFunc("GET /api"+path, func(w http.ResponseWriter, r *http.Request) {
		_, data, err := h(r)
		if err != nil {
			s.fail(w, r, true, err)
			return
		}
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		enc.Encode(data)
	})
}

// ServeHTTP sets the security headers and turns a panic into a 500.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", csp)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	defer func() {
		if p := recover(); p != nil {
			s.log.Printf("workbench: %s: internal error: %v", r.URL, p)
			http.Error(w, "internal error", http.StatusInternalServerError)
		}
	}()
	s.mux.ServeHTTP(w, r)
}

// badRequest marks an error in the request itself.
type badRequest struct{ msg string }

func (e badRequest) Error() string { return e.msg }

func badf(format string, args ...any) error { return badRequest{fmt.Sprintf(format, args...)} }

func status(err error) int {
	switch {
	case errors.As(err, new(badRequest)):
		return http.StatusBadRequest
	case errors.Is(err, store.ErrNotFound):
		return http.StatusNotFound
	}
	return http.StatusInternalServerError
}

func (s *Server) fail(w http.ResponseWriter, r *http.Request, api bool, err error) {
	code := status(err)
	msg := err.Error()
	if code == http.StatusInternalServerError {
		s.log.Printf("workbench: %s: %v", r.URL, err)
		msg = "internal error: " + msg
	}
	if api {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.WriteHeader(code)
		json.NewEncoder(w).Encode(map[string]any{"error": msg, "status": code})
		return
	}
	w.WriteHeader(code)
	s.pages["error"].Execute(w, map[string]any{"Title": http.StatusText(code), "Status": code, "Message": msg})
}

func (s *Server) render(w http.ResponseWriter, page string, data any) {
	var b bytes.Buffer // rendered whole first: a failure never sends half a page
	if err := s.pages[page].Execute(&b, data); err != nil {
		s.log.Printf("workbench: render %s: %v", page, err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write(b.Bytes())
}
