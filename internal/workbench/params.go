package workbench

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/policylens/policylens/internal/store"
)

// perPage is the results on one page of search.
const perPage = 20

// queryOf reads a search from the URL: q, kind, force (comma-separated or
// repeated), issuer, addressee, entity, from, to, has_deadline,
// deadline_before, year, format and page (from 1).
func queryOf(v url.Values) (store.Query, int, error) {
	q := store.Query{
		Text: strings.TrimSpace(v.Get("q")), Kind: v.Get("kind"), Issuer: v.Get("issuer"), Addressee: v.Get("addressee"),
		Entity: v.Get("entity"), From: v.Get("from"), To: v.Get("to"), DeadlineBefore: v.Get("deadline_before"),
		Year: v.Get("year"), Format: v.Get("format"), Limit: perPage,
	}
	for _, f := range v["force"] {
		for _, x := range strings.Split(f, ",") {
			if x = strings.TrimSpace(x); x != "" {
				q.Force = append(q.Force, x)
			}
		}
	}
	switch v.Get("has_deadline") {
	case "", "0", "false", "off":
	case "1", "true", "on":
		q.HasDeadline = true
	default:
		return q, 0, badf("has_deadline %q: want 1 or 0", v.Get("has_deadline"))
	}
	page := 1
	if p := v.Get("page"); p != "" {
		n, err := strconv.Atoi(p)
		if err != nil || n < 1 || n > 10000 {
			return q, 0, badf("page %q: want a number from 1 to 10000", p)
		}
		page = n
	}
	q.Offset = (page - 1) * perPage
	if err := q.Check(); err != nil {
		return q, 0, badRequest{err.Error()}
	}
	return q, page, nil
}

// values writes a query back into URL parameters, for links.
func values(q store.Query) url.Values {
	v := url.Values{}
	set := func(k, x string) {
		if x != "" {
			v.Set(k, x)
		}
	}
	set("q", q.Text)
	set("kind", q.Kind)
	set("force", strings.Join(q.Force, ","))
	set("issuer", q.Issuer)
	set("addressee", q.Addressee)
	set("entity", q.Entity)
	set("from", q.From)
	set("to", q.To)
	set("deadline_before", q.DeadlineBefore)
	set("year", q.Year)
	set("format", q.Format)
	if q.HasDeadline {
		v.Set("has_deadline", "1")
	}
	return v
}

// link is the search URL of q with one parameter set (or removed when x
// is ""), back on the first page.
func link(q store.Query, key, x string) string {
	v := values(q)
	if x == "" {
		v.Del(key)
	} else {
		v.Set(key, x)
	}
	return "/search?" + v.Encode()
}
