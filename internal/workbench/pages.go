package workbench

import (
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/policylens/policylens/analyze"
	"github.com/policylens/policylens/internal/compare"
	"github.com/policylens/policylens/internal/store"
	"github.com/policylens/policylens/reports"
)

// searchData is the search page and /api/search.
type searchData struct {
	Title   string        `json:"-"`
	Query   store.Query   `json:"query"`
	Page    int           `json:"page"`
	Pages   int           `json:"pages"`
	Total   int           `json:"total"`
	More    bool          `json:"more,omitempty"` // more than Total: counting stopped there
	Results []store.Hit   `json:"results"`
	Facets  *store.Facets `json:"facets"`
	Groups  []facetGroup  `json:"-"`
	Prev    string        `json:"prev,omitempty"`
	Next    string        `json:"next,omitempty"`
	Kinds   []string      `json:"-"`
}

// facetGroup is one facet as links that narrow the search.
type facetGroup struct {
	Name   string
	Active string // the value chosen, with a link that removes it
	Clear  string
	Values []facetLink
}

type facetLink struct {
	Value string
	N     int
	URL   string
}

func (s *Server) search(r *http.Request) (string, any, error) {
	q, page, err := queryOf(r.URL.Query())
	if err != nil {
		return "", nil, err
	}
	res, err := s.st.Search(r.Context(), q)
	if err != nil {
		return "", nil, err
	}
	facets, err := s.st.Facets(r.Context(), q)
	if err != nil {
		return "", nil, err
	}
	d := &searchData{Title: "Search", Query: res.Query, Page: page, Total: res.Total, More: res.More, Results: res.Results, Facets: facets, Kinds: store.Kinds}
	d.Pages = (res.Total + perPage - 1) / perPage
	v := values(q)
	if page > 1 {
		v.Set("page", strconv.Itoa(page-1))
		d.Prev = "/search?" + v.Encode()
	}
	if page < d.Pages {
		v.Set("page", strconv.Itoa(page+1))
		d.Next = "/search?" + v.Encode()
	}
	d.Groups = []facetGroup{
		group("force", "force", strings.Join(q.Force, ","), facets.Force, q),
		group("issuer", "issuer", q.Issuer, facets.Issuer, q),
		group("year", "year", q.Year, facets.Year, q),
		group("document kind", "format", q.Format, facets.Format, q),
	}
	return "search", d, nil
}

func group(name, key, active string, counts []store.Count, q store.Query) facetGroup {
	g := facetGroup{Name: name, Active: active, Clear: link(q, key, "")}
	for _, c := range counts {
		g.Values = append(g.Values, facetLink{Value: c.Value, N: c.N, URL: link(q, key, c.Value)})
	}
	return g
}

// documentData is the document page; /api/doc is the analysis itself.
type documentData struct {
	Title      string
	A          *analyze.Analysis
	Paragraphs []template.HTML
	Forces     map[string]int
}

func (s *Server) document(r *http.Request) (string, any, error) {
	id := r.URL.Query().Get("id")
	if id == "" {
		return "", nil, badf("give a document with ?id=")
	}
	a, err := s.st.Document(r.Context(), id)
	if err != nil {
		return "", nil, err
	}
	if strings.HasPrefix(r.URL.Path, "/api/") {
		return "", a, nil
	}
	d := &documentData{Title: a.Document.Title, A: a, Paragraphs: renderParagraphs(a), Forces: map[string]int{}}
	if d.Title == "" {
		d.Title = a.Document.ID
	}
	for _, x := range a.Directives {
		d.Forces[x.Force]++
	}
	return "document", d, nil
}

// entityData is the entity page and /api/entity.
type entityData struct {
	Title  string            `json:"-"`
	Entity *store.EntityPage `json:"entity"`
	Years  []yearMentions    `json:"years"`
	Most   int               `json:"-"`
}

// yearMentions is one year on the entity's timeline.
type yearMentions struct {
	Year      string                `json:"year"`
	Mentions  int                   `json:"mentions"`
	Documents []store.EntityMention `json:"documents"`
}

func (s *Server) entity(r *http.Request) (string, any, error) {
	name := r.URL.Query().Get("name")
	if name == "" {
		return "", nil, badf("give an entity with ?name=")
	}
	e, err := s.st.Entity(r.Context(), name)
	if err != nil {
		return "", nil, err
	}
	d := &entityData{Title: name, Entity: e}
	for _, m := range e.Documents {
		y := "(no date)"
		if len(m.Document.Date) >= 4 {
			y = m.Document.Date[:4]
		}
		if len(d.Years) == 0 || d.Years[len(d.Years)-1].Year != y {
			d.Years = append(d.Years, yearMentions{Year: y})
		}
		last := &d.Years[len(d.Years)-1]
		last.Mentions += m.Count
		last.Documents = append(last.Documents, m)
		d.Most = max(d.Most, last.Mentions)
	}
	return "entity", d, nil
}

// compareData is the compare page; /api/compare is the comparison.
type compareData struct {
	Title  string
	A, B   string
	Result *analyze.Comparison
	Recent []store.Hit
}

func (s *Server) comparePage(r *http.Request) (string, any, error) {
	v := r.URL.Query()
	d := &compareData{Title: "Compare", A: v.Get("a"), B: v.Get("b")}
	if d.A == "" || d.B == "" {
		if strings.HasPrefix(r.URL.Path, "/api/") {
			return "", nil, badf("give two documents with ?a=ID&b=ID")
		}
		recent, err := s.st.Search(r.Context(), store.Query{Kind: store.KindDocuments, Limit: 200})
		if err != nil {
			return "", nil, err
		}
		d.Recent = recent.Results
		return "compare", d, nil
	}
	a, err := s.st.Document(r.Context(), d.A)
	if err != nil {
		return "", nil, err
	}
	b, err := s.st.Document(r.Context(), d.B)
	if err != nil {
		return "", nil, err
	}
	d.Result = compare.Compare(a, b, s.compare)
	if strings.HasPrefix(r.URL.Path, "/api/") {
		return "", d.Result, nil
	}
	return "compare", d, nil
}

// trendsData is the trends page; /api/trends is the timeline.
type trendsData struct {
	Title    string
	Terms    string
	By       string
	Timeline *analyze.Timeline
	Chart    template.HTML
}

func (s *Server) trends(r *http.Request) (string, any, error) {
	v := r.URL.Query()
	d := &trendsData{Title: "Trends", Terms: v.Get("terms"), By: v.Get("by")}
	if d.By == "" {
		d.By = "year"
	}
	if d.By != "year" && d.By != "month" {
		return "", nil, badf("by %q: want year or month", d.By)
	}
	var terms []string
	for _, t := range strings.Split(d.Terms, ",") {
		if t = strings.TrimSpace(t); t != "" {
			terms = append(terms, t)
		}
	}
	if len(terms) > 8 {
		return "", nil, badf("%d terms: at most 8", len(terms))
	}
	q, _, err := queryOf(withoutKeys(v, "terms", "by"))
	if err != nil {
		return "", nil, err
	}
	if len(terms) == 0 {
		if strings.HasPrefix(r.URL.Path, "/api/") {
			return "", nil, badf("give terms with ?terms=a,b")
		}
		return "trends", d, nil
	}
	if d.Timeline, err = s.st.Timeline(r.Context(), terms, d.By, q); err != nil {
		return "", nil, err
	}
	if strings.HasPrefix(r.URL.Path, "/api/") {
		return "", d.Timeline, nil
	}
	d.Chart = template.HTML(reports.TimelineSVG(d.Timeline, 860, 360)) // our SVG; every text in it is escaped
	return "trends", d, nil
}

func withoutKeys(v url.Values, keys ...string) url.Values {
	out := url.Values{}
	for k, x := range v {
		out[k] = x
	}
	for _, k := range keys {
		out.Del(k)
	}
	return out
}
