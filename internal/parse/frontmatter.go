package parse

import (
	"fmt"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// frontMatter is the YAML header of Hexo posts and Jekyll pages.
type frontMatter struct {
	Title      string
	Author     string
	Date       string
	Categories []string
	Fields     map[string]string
}

// splitFrontMatter separates a leading `---` block from the rest. ok is false
// when the text has no front matter; an opening without a closing fence is an
// error.
func splitFrontMatter(s string) (head, body string, ok bool, err error) {
	t := strings.TrimLeft(s, " \t\r\n")
	if !strings.HasPrefix(t, "---") {
		return "", s, false, nil
	}
	nl := strings.IndexByte(t, '\n')
	if nl < 0 || strings.TrimSpace(t[:nl]) != "---" {
		return "", s, false, nil
	}
	rest := t[nl+1:]
	for off := 0; off < len(rest); {
		end := strings.IndexByte(rest[off:], '\n')
		line := rest[off:]
		if end >= 0 {
			line = rest[off : off+end]
		}
		if strings.TrimSpace(line) == "---" {
			next := len(rest)
			if end >= 0 {
				next = off + end + 1
			}
			return rest[:off], rest[next:], true, nil
		}
		if end < 0 {
			break
		}
		off += end + 1
	}
	return "", s, false, fmt.Errorf("front matter opened with --- is never closed")
}

// parseFrontMatter reads the YAML header; when strict YAML fails (titles
// with stray quotes are common in feeds) it falls back to `key: value` lines.
func parseFrontMatter(head string) frontMatter {
	var fm frontMatter
	fm.Fields = map[string]string{}
	var raw map[string]any
	if err := yaml.Unmarshal([]byte(head), &raw); err == nil && raw != nil {
		for k, v := range raw {
			switch x := v.(type) {
			case []any:
				for _, c := range x {
					fm.Categories = appendIf(fm.Categories, k == "categories", fmt.Sprint(c))
				}
			case nil:
			case time.Time:
				fm.Fields[k] = x.Format(time.RFC3339)
			default:
				fm.Fields[k] = fmt.Sprint(x)
			}
		}
	} else {
		fm.Fields, fm.Categories = looseFrontMatter(head)
	}
	fm.Title = strings.TrimSpace(fm.Fields["title"])
	fm.Author = strings.TrimSpace(fm.Fields["author"])
	fm.Date = strings.TrimSpace(fm.Fields["date"])
	return fm
}

func appendIf(list []string, cond bool, v string) []string {
	v = strings.TrimSpace(v)
	if cond && v != "" {
		return append(list, v)
	}
	return list
}

// looseFrontMatter reads `key: value` lines and `- item` lists without YAML's
// quoting rules.
func looseFrontMatter(head string) (map[string]string, []string) {
	fields := map[string]string{}
	var cats []string
	key := ""
	for _, line := range strings.Split(head, "\n") {
		t := strings.TrimSpace(line)
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		if strings.HasPrefix(t, "- ") && key == "categories" {
			cats = appendIf(cats, true, unquote(t[2:]))
			continue
		}
		k, v, ok := strings.Cut(line, ":")
		if !ok || strings.HasPrefix(line, " ") {
			continue
		}
		key = strings.TrimSpace(k)
		fields[key] = unquote(strings.TrimSpace(v))
	}
	return fields, cats
}

func unquote(v string) string {
	v = strings.TrimSpace(v)
	if len(v) >= 2 && (v[0] == '\'' || v[0] == '"') && v[len(v)-1] == v[0] {
		inner := v[1 : len(v)-1]
		if v[0] == '\'' {
			inner = strings.ReplaceAll(inner, "''", "'")
		}
		return inner
	}
	return v
}

// normalizeDate turns the date forms found in inputs into RFC 3339. Dates
// without a zone are taken as China time for Chinese documents.
func normalizeDate(s string, zh bool) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	loc := time.UTC
	if zh {
		loc = time.FixedZone("CST", 8*3600)
	}
	for _, layout := range []string{time.RFC1123, time.RFC1123Z, time.RFC3339, "Mon, 2 Jan 2006 15:04:05 MST"} {
		if t, err := time.Parse(layout, s); err == nil {
			if t.Location().String() == "GMT" || t.Location() == time.UTC {
				t = t.UTC()
			}
			return t.Format(time.RFC3339)
		}
	}
	for _, layout := range []string{"2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02", "2006/01/02", "2006年1月2日", "2006年01月02日", "January 2, 2006", "January 02, 2006", "Jan 2, 2006", "2006"} {
		if t, err := time.ParseInLocation(layout, s, loc); err == nil {
			return t.Format(time.RFC3339)
		}
	}
	return ""
}
