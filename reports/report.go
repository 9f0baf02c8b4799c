package reports

import (
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
	"sort"
	"strings"

	"github.com/policylens/policylens/analyze"
)

// Report is the input of an analyst report: one document, or several with
// a directive matrix, term timeline and the comparison of the last two.
type Report struct {
	Title      string
	Docs       []*analyze.Analysis
	Timeline   *analyze.Timeline   // several documents: terms by period
	Matrix     *analyze.Matrix     // several documents: directives across them
	Comparison *analyze.Comparison // several documents: the last two periods
	// UILang is the language of the labels, "zh" or "en" ("" = the
	// language of most documents).
	UILang string
}

// issuerGroup is the directives of one issuer, by force.
type issuerGroup struct {
	Issuer string
	Forces []forceGroup
}

type forceGroup struct {
	Force      string
	Directives []indexed
}

type indexed struct {
	analyze.Directive
	N int // 1-based number in the document
}

// groupDirectives groups a document's directives by issuer, then force
// (strongest first), keeping document order inside each group.
func groupDirectives(ds []analyze.Directive) []issuerGroup {
	var order []string
	by := map[string]map[string][]indexed{}
	for i, d := range ds {
		iss := d.Issuer
		if iss == "" {
			iss = "(document)"
		}
		if by[iss] == nil {
			by[iss] = map[string][]indexed{}
			order = append(order, iss)
		}
		by[iss][d.Force] = append(by[iss][d.Force], indexed{d, i + 1})
	}
	var out []issuerGroup
	for _, iss := range order {
		g := issuerGroup{Issuer: iss}
		for i := len(analyze.Forces) - 1; i >= 0; i-- {
			f := analyze.Forces[i]
			if len(by[iss][f]) > 0 {
				g.Forces = append(g.Forces, forceGroup{f, by[iss][f]})
			}
		}
		out = append(out, g)
	}
	return out
}

func forceCounts(ds []analyze.Directive) map[string]int {
	m := map[string]int{}
	for _, d := range ds {
		m[d.Force]++
	}
	return m
}

func entitiesOf(a *analyze.Analysis, types ...string) []analyze.Entity {
	var out []analyze.Entity
	for _, e := range a.Entities {
		for _, t := range types {
			if e.Type == t {
				out = append(out, e)
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Count > out[j].Count })
	return out
}

func dateOf(s string) string {
	if len(s) >= 10 {
		return s[:10]
	}
	return s
}

func titleOf(d analyze.Document) string {
	if d.Title != "" {
		return d.Title
	}
	return d.ID
}

// WriteMarkdown writes the report as Markdown; document text is escaped so
// that it never reads as Markdown or HTML.
func WriteMarkdown(w io.Writer, r *Report) error {
	m := &mdOut{ew: &errWriter{w: w}}
	m.p("# %s\n\n", md(r.Title))
	if len(r.Docs) == 1 {
		m.single(r.Docs[0])
		return m.ew.err
	}
	m.documents(r.Docs)
	m.timeline(r.Timeline)
	m.matrix(r.Matrix)
	m.comparison(r.Comparison)
	return m.ew.err
}

// mdOut writes the sections of a Markdown report; the first write error
// is kept in ew and ends the output.
type mdOut struct{ ew *errWriter }

func (m *mdOut) p(format string, args ...any) { fmt.Fprintf(m.ew, format, args...) }

// single writes the report of one document: header, figures, keywords,
// entities, targets, directives and the numbered text they link to.
func (m *mdOut) single(a *analyze.Analysis) {
	d := a.Document
	m.p("| | |\n|---|---|\n| title | %s |\n| date | %s |\n| source | %s |\n| issuer | %s |\n| document number | %s |\n\n",
		md(d.Title), dateOf(d.Date), md(d.Source), md(d.Issuer), md(d.DocNumber))
	fc := forceCounts(a.Directives)
	m.p("%d paragraphs, %d characters; %d directives (%d prohibit, %d must, %d should, %d encourage); %d entities; %d targets.\n\n",
		len(d.Paragraphs), d.Chars, len(a.Directives), fc["prohibit"], fc["must"], fc["should"], fc["encourage"], len(a.Entities), len(a.Targets))
	m.p("## Keywords\n\n")
	var kws []string
	for _, k := range a.Keywords {
		kws = append(kws, md(k.Term))
	}
	m.p("%s\n\n## Officials and organizations\n\n", strings.Join(kws, " · "))
	for _, e := range entitiesOf(a, "person") {
		m.p("- **%s** — %s\n", md(e.Text), md(strings.Join(e.Titles, "、")))
	}
	for _, e := range entitiesOf(a, "organization") {
		m.p("- %s (%d)\n", md(e.Text), e.Count)
	}
	m.p("\n## Laws and documents cited\n\n")
	for _, e := range entitiesOf(a, "law") {
		m.p("- %s\n", md(e.Text))
	}
	if len(a.Targets) > 0 {
		m.p("\n## Targets\n\n| indicator | value | qualifier | year |\n|---|---|---|---|\n")
		for _, t := range a.Targets {
			m.p("| %s | %s%s | %s | %s |\n", md(t.Indicator), md(t.Value), md(t.Unit), md(t.Qualifier), t.Year)
		}
	}
	m.directives(a.Directives)
	m.p("\n## Text\n\n")
	for i, para := range d.Paragraphs {
		m.p("<a id=\"p-%d\"></a>¶%d %s\n\n", i+1, i+1, md(para))
	}
}

// directives writes one document's directives by issuer and force, each
// with its paragraph link, deadline, addressees and article.
func (m *mdOut) directives(ds []analyze.Directive) {
	m.p("\n## Directives\n")
	for _, g := range groupDirectives(ds) {
		m.p("\n### %s\n", md(g.Issuer))
		for _, f := range g.Forces {
			m.p("\n**%s**\n\n", f.Force)
			for _, x := range f.Directives {
				m.p("%d. %s [¶%d](#p-%d)", x.N, md(x.Text), x.Paragraph+1, x.Paragraph+1)
				if x.Deadline != "" {
					m.p(" — by %s", md(x.Deadline))
				}
				if len(x.Addressees) > 0 {
					m.p(" — to %s", md(strings.Join(x.Addressees, "、")))
				}
				if x.Article != "" {
					m.p(" — %s", md(x.Article))
				}
				m.p("\n")
			}
		}
	}
}

// documents writes the table of a corpus's documents.
func (m *mdOut) documents(docs []*analyze.Analysis) {
	m.p("## Documents\n\n| document | date | directives | must + prohibit | keywords |\n|---|---|---|---|---|\n")
	for _, a := range docs {
		fc := forceCounts(a.Directives)
		var kws []string
		for i, k := range a.Keywords {
			if i < 5 {
				kws = append(kws, md(k.Term))
			}
		}
		m.p("| %s | %s | %d | %d | %s |\n", md(titleOf(a.Document)), dateOf(a.Document.Date), len(a.Directives), fc["must"]+fc["prohibit"], strings.Join(kws, " · "))
	}
}

// timeline writes the terms' rates by period.
func (m *mdOut) timeline(tl *analyze.Timeline) {
	if tl == nil || len(tl.Periods) == 0 {
		return
	}
	m.p("\n## Timeline (per 10,000 characters)\n\n| term |")
	for _, per := range tl.Periods {
		m.p(" %s |", per)
	}
	m.p("\n|---|%s\n", strings.Repeat("---|", len(tl.Periods)))
	for i, t := range tl.Terms {
		m.p("| %s |", md(t))
		for _, v := range tl.Rates[i] {
			m.p(" %s |", trimFloat(v))
		}
		m.p("\n")
	}
}

// matrix writes the directive matrix, one force letter per cell.
func (m *mdOut) matrix(mx *analyze.Matrix) {
	if mx == nil || len(mx.Rows) == 0 {
		return
	}
	m.p("\n## Directive matrix\n\n| directive |")
	for _, h := range columnHeads(mx.Docs) {
		m.p(" %s |", md(h))
	}
	m.p("\n|---|%s\n", strings.Repeat("---|", len(mx.Docs)))
	for _, row := range mx.Rows {
		m.p("| %s |", md(row.Text))
		for _, c := range row.Cells {
			m.p(" %s |", c)
		}
		m.p("\n")
	}
}

// comparison writes the counts of the last two periods' comparison and
// the directives whose force changed.
func (m *mdOut) comparison(c *analyze.Comparison) {
	if c == nil {
		return
	}
	m.p("\n## %s → %s\n\n", md(titleOf(analyze.Document{Title: c.A.Title, ID: c.A.ID})), md(titleOf(analyze.Document{Title: c.B.Title, ID: c.B.ID})))
	for _, st := range []string{"strengthened", "weakened", "new", "dropped", "reworded", "kept"} {
		m.p("- %s: %d\n", st, c.Summary[st])
	}
	for _, st := range []string{"strengthened", "weakened"} {
		for _, d := range c.Directives {
			if d.Status == st {
				m.p("- %s: %s → %s (%s)\n", st, md(d.A.Text), md(d.B.Text), d.ForceChange)
			}
		}
	}
}

// md escapes Markdown and HTML in document text; line breaks (LF and CR)
// become spaces, so that a title or a cell stays on its table row.
func md(s string) string {
	return strings.NewReplacer("\\", `\\`, "|", `\|`, "*", `\*`, "_", `\_`, "`", "\\`", "<", "&lt;", ">", "&gt;", "[", `\[`, "]", `\]`, "#", `\#`, "\r", " ", "\n", " ").Replace(s)
}

type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	e.err = err
	return n, err
}

// pageLang is the language of the page: the report's UILang, else the
// language of most documents (Chinese on a tie).
func pageLang(r *Report) string {
	if r.UILang != "" {
		return r.UILang
	}
	en := 0
	for _, a := range r.Docs {
		if a.Document.Language == "en" {
			en++
		}
	}
	if 2*en > len(r.Docs) {
		return "en"
	}
	return "zh"
}

// WriteHTML writes the report as one self-contained HTML file: inline CSS,
// charts as inline SVG, sortable tables with a few lines of script, no
// network. html/template escapes all document text. Labels are in the
// page's language (Report.UILang, else that of most documents).
func WriteHTML(w io.Writer, r *Report) error {
	lang := pageLang(r)
	data := map[string]any{"R": r, "Single": len(r.Docs) == 1, "Lang": lang,
		"Script": template.JS(sortScript), "ScriptHash": scriptHash()}
	if len(r.Docs) == 1 {
		a := r.Docs[0]
		data["A"] = a
		data["Forces"] = forceCounts(a.Directives)
		data["Groups"] = groupDirectives(a.Directives)
		data["Persons"] = entitiesOf(a, "person")
		data["Orgs"] = entitiesOf(a, "organization")
		data["Laws"] = entitiesOf(a, "law")
	}
	if r.Timeline != nil && len(r.Timeline.Periods) > 0 {
		data["Chart"] = template.HTML(TimelineSVG(r.Timeline, 860, 320)) // built with escaped text
	}
	if r.Matrix != nil {
		data["Heads"] = columnHeads(r.Matrix.Docs)
	}
	t, err := htmlReport.Clone()
	if err != nil {
		return err
	}
	return t.Funcs(template.FuncMap{"L": labeler(lang)}).Execute(w, data)
}

var htmlReport = template.Must(template.New("report").Funcs(template.FuncMap{
	"date":     dateOf,
	"title":    titleOf,
	"inc":      func(i int) int { return i + 1 },
	"join":     strings.Join,
	"forces":   func(ds []analyze.Directive) map[string]int { return forceCounts(ds) },
	"first":    func(n int, ks []analyze.Keyword) []analyze.Keyword { return ks[:min(n, len(ks))] },
	"num":      trimFloat,
	"L":        labeler("en"),
	"statuses": func() []string { return []string{"strengthened", "weakened", "new", "dropped", "reworded", "kept"} },
	"initial":  func(f string) string { return strings.ToUpper(f[:min(1, len(f))]) },
}).Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src '{{.ScriptHash}}'; img-src data:; base-uri 'none'; form-action 'none'">
<title>{{.R.Title}}</title>
<style>
body{font-family:system-ui,-apple-system,"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;margin:2rem auto;max-width:1100px;padding:0 1rem;color:#222;line-height:1.55}
h1{font-size:1.6rem;margin-bottom:.3rem}h2{border-bottom:1px solid #ddd;padding-bottom:.2rem;margin-top:2rem}
table{border-collapse:collapse;width:100%;margin:.8rem 0;font-size:.92rem}th,td{border:1px solid #ddd;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#f4f6f8;cursor:pointer;user-select:none}th.sorted-asc::after{content:" ▲"}th.sorted-desc::after{content:" ▼"}
.force{font-weight:600;padding:.05rem .4rem;border-radius:3px;font-size:.8rem;white-space:nowrap}
.prohibit{background:#fde2e1;color:#9b1c1c}.must{background:#fdecc8;color:#8a4b00}.should{background:#e0ecfb;color:#17457a}.encourage{background:#dff5e6;color:#1d6b3a}
.figures{display:flex;gap:1rem;flex-wrap:wrap}.figure{background:#f4f6f8;border-radius:6px;padding:.6rem 1rem}.figure b{display:block;font-size:1.4rem}
.wide{overflow-x:auto}.para{margin:.4rem 0}.para:target{background:#fff7cc}.muted{color:#666}.kw{display:inline-block;background:#eef;border-radius:3px;padding:0 .4rem;margin:.1rem}
svg.chart{max-width:100%;height:auto}
table.matrix{table-layout:fixed;font-size:.85rem}table.matrix col.mtext{width:22rem}
table.matrix th.vh{writing-mode:vertical-rl;padding:.3rem 0;font-size:.7rem;font-weight:500;white-space:nowrap;text-align:right;vertical-align:bottom;overflow:hidden}
table.matrix td.mc{padding:0;text-align:center;vertical-align:middle;font-size:.65rem;font-weight:600;overflow:hidden}
table.matrix td.mt{overflow-wrap:anywhere}
</style>
</head>
<body>
<h1>{{.R.Title}}</h1>
{{if .Single}}{{with .A}}
<p class="muted">{{date .Document.Date}}{{if .Document.Source}} · {{.Document.Source}}{{end}}{{if .Document.Issuer}} · {{.Document.Issuer}}{{end}}{{if .Document.DocNumber}} · {{.Document.DocNumber}}{{end}}</p>
<div class="figures">
<div class="figure"><b>{{len .Directives}}</b>{{L "directives"}}</div>
<div class="figure"><b>{{index $.Forces "prohibit"}}</b>{{L "prohibit"}}</div>
<div class="figure"><b>{{index $.Forces "must"}}</b>{{L "must"}}</div>
<div class="figure"><b>{{index $.Forces "should"}}</b>{{L "should"}}</div>
<div class="figure"><b>{{index $.Forces "encourage"}}</b>{{L "encourage"}}</div>
<div class="figure"><b>{{len .Entities}}</b>{{L "entities"}}</div>
<div class="figure"><b>{{len .Document.Paragraphs}}</b>{{L "paragraphs"}}</div>
</div>
<h2>{{L "keywords"}}</h2>
<p>{{range .Keywords}}<span class="kw">{{.Term}}</span> {{end}}</p>
<h2>{{L "people"}}</h2>
<table class="sortable"><thead><tr><th>{{L "type"}}</th><th>{{L "name"}}</th><th>{{L "titles"}}</th><th>{{L "mentions"}}</th></tr></thead><tbody>
{{range $.Persons}}<tr><td>{{L "person"}}</td><td>{{.Text}}</td><td>{{join .Titles "、"}}</td><td>{{.Count}}</td></tr>{{end}}
{{range $.Orgs}}<tr><td>{{L "organization"}}</td><td>{{.Text}}</td><td>{{join .Aliases "、"}}</td><td>{{.Count}}</td></tr>{{end}}
</tbody></table>
<h2>{{L "laws"}}</h2>
<ul>{{range $.Laws}}<li>{{.Text}}</li>{{end}}</ul>
{{if .Targets}}<h2>{{L "targets"}}</h2>
<table class="sortable"><thead><tr><th>{{L "indicator"}}</th><th>{{L "value"}}</th><th>{{L "qualifier"}}</th><th>{{L "year"}}</th></tr></thead><tbody>
{{range .Targets}}<tr><td>{{.Indicator}}</td><td>{{.Value}}{{.Unit}}</td><td>{{.Qualifier}}</td><td>{{.Year}}</td></tr>{{end}}
</tbody></table>{{end}}
<h2>{{L "directives_h"}}</h2>
<table id="directives" class="sortable"><thead><tr><th>#</th><th>{{L "issuer"}}</th><th>{{L "force"}}</th><th>{{L "directive"}}</th><th>{{L "addressees"}}</th><th>{{L "deadline"}}</th><th>{{L "article"}}</th><th>¶</th></tr></thead><tbody>
{{range $.Groups}}{{$iss := .Issuer}}{{range .Forces}}{{$f := .Force}}{{range .Directives}}<tr><td>{{.N}}</td><td>{{$iss}}</td><td><span class="force {{$f}}">{{L $f}}</span></td><td>{{.Text}}</td><td>{{join .Addressees "、"}}</td><td>{{.Deadline}}</td><td>{{.Article}}</td><td><a href="#p-{{inc .Paragraph}}">¶{{inc .Paragraph}}</a></td></tr>
{{end}}{{end}}{{end}}</tbody></table>
<h2>{{L "text"}}</h2>
{{range $i, $p := .Document.Paragraphs}}<p class="para" id="p-{{inc $i}}"><span class="muted">¶{{inc $i}}</span> {{$p}}</p>
{{end}}
{{end}}{{else}}
<h2>{{L "documents"}}</h2>
<table class="sortable"><thead><tr><th>{{L "document"}}</th><th>{{L "date"}}</th><th>{{L "directives_h"}}</th><th>{{L "must_prohibit"}}</th><th>{{L "keywords"}}</th></tr></thead><tbody>
{{range .R.Docs}}{{$fc := forces .Directives}}<tr><td>{{title .Document}}</td><td>{{date .Document.Date}}</td><td>{{len .Directives}}</td><td>{{index $fc "must"}} + {{index $fc "prohibit"}}</td><td>{{range first 5 .Keywords}}<span class="kw">{{.Term}}</span> {{end}}</td></tr>
{{end}}</tbody></table>
{{if .Chart}}<h2>{{L "timeline"}}</h2>
<figure id="timeline">{{.Chart}}<figcaption class="muted">{{if eq .R.Timeline.By "month"}}{{L "per10k_month"}}{{else}}{{L "per10k_year"}}{{end}}</figcaption></figure>{{end}}
{{with .R.Matrix}}{{if .Rows}}<h2>{{L "matrix"}}</h2>
<p class="muted">{{L "matrix_note"}} {{len .Rows}} {{L "shown_of"}} {{.Recurring}}.
<span class="force prohibit">P</span> {{L "prohibit"}} <span class="force must">M</span> {{L "must"}} <span class="force should">S</span> {{L "should"}} <span class="force encourage">E</span> {{L "encourage"}}</p>
<table id="directives" class="sortable matrix"><colgroup><col class="mtext">{{range .Docs}}<col>{{end}}</colgroup>
<thead><tr><th>{{L "directive"}}</th>{{range $i, $d := .Docs}}<th class="vh" title="{{$d.Title}}">{{index $.Heads $i}}</th>{{end}}</tr></thead><tbody>
{{range .Rows}}<tr><td class="mt">{{.Text}}</td>{{range $k, $c := .Cells}}<td class="mc{{if $c}} {{$c}}{{end}}"{{if $c}} title="{{index $.Heads $k}}: {{L $c}}"{{end}}>{{initial $c}}</td>{{end}}</tr>
{{end}}</tbody></table>{{end}}{{end}}
{{with .R.Comparison}}{{$c := .}}<h2>{{.A.Title}} → {{.B.Title}}</h2>
<div class="figures">{{range statuses}}<div class="figure"><b>{{index $c.Summary .}}</b>{{L .}}</div>{{end}}</div>
<table class="sortable"><thead><tr><th>{{L "status"}}</th><th>{{L "before"}}</th><th>{{L "after"}}</th><th>{{L "force"}}</th></tr></thead><tbody>
{{range .Directives}}{{if and (ne .Status "kept") (ne .Status "reworded")}}<tr><td>{{L .Status}}</td><td>{{with .A}}{{.Text}}{{if .Article}} ({{.Article}}){{end}}{{end}}</td><td>{{with .B}}{{.Text}}{{if .Article}} ({{.Article}}){{end}}{{end}}</td><td>{{.ForceChange}}</td></tr>
{{end}}{{end}}</tbody></table>{{end}}
{{end}}
<script>{{.Script}}</script>
</body>
</html>
`))

// sortScript sorts a table by the column whose header is clicked. The
// page's Content-Security-Policy allows this script by its hash and no
// other.
const sortScript = `
document.querySelectorAll("table.sortable th").forEach(function(th){th.addEventListener("click",function(){
var t=th.closest("table"),b=t.tBodies[0],i=Array.prototype.indexOf.call(th.parentNode.children,th),asc=!th.classList.contains("sorted-asc");
t.querySelectorAll("th").forEach(function(h){h.classList.remove("sorted-asc","sorted-desc")});th.classList.add(asc?"sorted-asc":"sorted-desc");
var rows=Array.prototype.slice.call(b.rows);rows.sort(function(x,y){var p=x.cells[i].textContent,q=y.cells[i].textContent,n=parseFloat(p)-parseFloat(q);return (isNaN(n)?p.localeCompare(q):n)*(asc?1:-1)});
rows.forEach(function(r){b.appendChild(r)})})});
`

// scriptHash is the CSP source of sortScript: 'sha256-' and the base64 of
// its SHA-256.
func scriptHash() string {
	sum := sha256.Sum256([]byte(sortScript))
	return "sha256-" + base64.StdEncoding.EncodeToString(sum[:])
}
