package lexicon

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/policylens/policylens/lexicons"
)

// Entity types a lexicon entry can name.
const (
	Organization = "organization"
	Location     = "location"
	Law          = "law"
	Event        = "event"
	Term         = "term"
	Addressee    = "addressee"
	Title        = "title"
)

// Entry is one lexicon entry: a canonical form with its aliases.
type Entry struct {
	Type      string
	Canonical string
	Aliases   []string
	Kind      string // organizations: kind; locations: level
	Lang      string // zh or en
	Source    string // file:line, for evidence
}

// Set is the compiled form of all lexicon files.
type Set struct {
	Entries []Entry
	// Surface finds lexicon surfaces (canonical forms and aliases) in text;
	// its values index Groups, the entries written that way (one form may
	// name several entries, e.g. a law and a term).
	Surface *Index
	Groups  [][]int32
	// Titles finds official titles (zh and en); TitleEnds holds their last
	// characters, a cheap test before a lookup.
	Titles     *Index
	TitleEnds  map[rune]bool
	Surnames   map[string]bool
	Markers    map[string]Marker // zh
	MarkersEN  []Marker
	FalseFrnds *Index
	Frames     map[string]string   // frame verb → directive|report|opinion
	Cues       map[string][]string // clause cue kind → cues (clauses.zh.tsv)
	NameCues   map[string]bool     // words that may follow a name
	OrgSuffix  []string            // endings of organization names, longest first
	// FreeOrgSuffix are the endings a name may reach from any nouns
	// (有限责任公司), not only from a place or a known body
	FreeOrgSuffix []string
	Stop          map[string]bool // zh and en stop words
	Generic       map[string]bool
	// AbbrevEN are abbreviations a sentence goes on after (pub, u.s.c),
	// lower case without the final period, for the English sentence splitter
	AbbrevEN []string
	// OpenersEN are words that open a sentence (The, Sec.), as written:
	// the Markdown reader ends a paragraph at U.S. before one
	OpenersEN map[string]bool
	IDF       *IDFTable
	IDFen     *IDFTable
	UserDict  []DictWord

	userIDF  map[string]map[string]float64 // rows of users' idf files
	variants []variant                     // rows of traditional.zht.tsv, added once all files are read
}

// Marker is a directive force marker.
type Marker struct {
	Text  string
	Force string
	Kind  string
}

// DictWord is a word added to the segmentation dictionary.
type DictWord struct {
	Word string
	Freq float64
	POS  string
}

var (
	builtinOnce sync.Once
	builtin     *Set
	builtinErr  error
)

// Builtin returns the compiled built-in lexicons, built once per process.
func Builtin() (*Set, error) {
	builtinOnce.Do(func() { builtin, builtinErr = Load(nil) })
	return builtin, builtinErr
}

// loadIDF starts reading the IDF tables in the background, with the
// user's rows read so far. The built-in tables are embedded strings,
// searched in place (no copy).
func (s *Set) loadIDF() {
	s.IDF = lazyIDF(lexicons.IDFZh, idfTableZh, s.userIDF["idf.zh.tsv"])
	s.IDFen = lazyIDF(lexicons.IDFEn, "", s.userIDF["idf.en.tsv"])
}

// Load compiles the built-in lexicons plus the files of the user's folders
// (same file names as the built-in ones; their rows are added).
func Load(userDirs []string) (*Set, error) {
	s := &Set{
		Surnames: map[string]bool{}, Markers: map[string]Marker{}, Frames: map[string]string{},
		Cues: map[string][]string{}, NameCues: map[string]bool{},
		userIDF: map[string]map[string]float64{"idf.zh.tsv": {}, "idf.en.tsv": {}},
		Stop:    map[string]bool{}, Generic: map[string]bool{}, OpenersEN: map[string]bool{},
	}
	var probs ProblemList
	var ffs []string
	var titles []string
	sources := []struct {
		fsys  fs.FS
		label string
	}{{lexicons.FS, "lexicons"}}
	for _, d := range userDirs {
		if st, err := os.Stat(d); err != nil || !st.IsDir() {
			return nil, fmt.Errorf("lexicon folder %s: not a readable folder", d)
		}
		if p := Validate(d); len(p) > 0 {
			return nil, fmt.Errorf("lexicon folder %s:\n%w", d, p)
		}
		sources = append(sources, struct {
			fsys  fs.FS
			label string
		}{os.DirFS(d), d})
	}
	if len(userDirs) == 0 {
		s.loadIDF() // no user's rows to wait for: read meanwhile
	}
	for si, src := range sources {
		for _, spec := range Specs {
			if _, err := fs.Stat(src.fsys, spec.Name); err != nil {
				continue
			}
			if si == 0 && strings.HasPrefix(spec.Name, "idf.") {
				continue // built-in IDF tables are searched in place (idf.go)
			}
			shown := filepath.Join(src.label, spec.Name)
			rows, p := readTable(src.fsys, spec.Name, shown, spec)
			probs = append(probs, p...)
			for _, r := range rows {
				s.add(spec.Name, shown, r, &ffs, &titles)
			}
		}
	}
	if len(probs) > 0 {
		probs.Sort()
		return nil, probs
	}
	if s.IDF == nil {
		s.loadIDF()
	}
	s.addVariants(s.variants, &ffs, &titles)
	s.buildSurface(s.variants)
	s.variants = nil
	sort.SliceStable(s.OrgSuffix, func(i, j int) bool { return len(s.OrgSuffix[i]) > len(s.OrgSuffix[j]) })
	sort.SliceStable(s.FreeOrgSuffix, func(i, j int) bool { return len(s.FreeOrgSuffix[i]) > len(s.FreeOrgSuffix[j]) })
	for k := range s.Cues {
		sort.SliceStable(s.Cues[k], func(i, j int) bool { return len(s.Cues[k][i]) > len(s.Cues[k][j]) })
	}
	s.Titles = NewIndex(titles, make([]int32, len(titles)))
	s.TitleEnds = map[rune]bool{}
	for _, t := range titles {
		if r := []rune(t); len(r) > 0 {
			s.TitleEnds[r[len(r)-1]] = true
		}
	}
	s.FalseFrnds = NewIndex(ffs, make([]int32, len(ffs)))
	return s, nil
}

// buildSurface indexes every form of the entries. A traditional variant of
// an entity form joins its simplified form's group, and its entries'
// aliases, which the segmenter adds to its dictionary.
func (s *Set) buildSurface(vs []variant) {
	group := map[string]int32{}
	var keys []string
	var vals []int32
	add := func(f string, i int32) {
		g, ok := group[f]
		if !ok {
			g = int32(len(s.Groups))
			group[f] = g
			s.Groups = append(s.Groups, nil)
			keys = append(keys, f)
			vals = append(vals, g)
		}
		s.Groups[g] = append(s.Groups[g], i)
	}
	for i, e := range s.Entries {
		add(e.Canonical, int32(i))
		for _, a := range e.Aliases {
			add(a, int32(i))
		}
	}
	for _, v := range vs {
		g, ok := group[v.simp]
		if typ, entity := entityType[v.file]; entity && ok {
			for _, i := range s.Groups[g] {
				if e := &s.Entries[i]; e.Type == typ && e.Lang == "zh" && e.Canonical != v.form && !slices.Contains(e.Aliases, v.form) {
					e.Aliases = append(e.Aliases, v.form)
					add(v.form, i)
				}
			}
		}
	}
	s.Surface = NewIndex(keys, vals)
}

func (s *Set) add(file, shown string, r Row, ffs, titles *[]string) {
	f := r.Fields
	src := fmt.Sprintf("%s:%d", shown, r.Line)
	lang := "zh"
	if strings.Contains(file, ".en.") {
		lang = "en"
	}
	entry := func(typ string, canon string, aliases []string, kind string) {
		s.Entries = append(s.Entries, Entry{Type: typ, Canonical: canon, Aliases: aliases, Kind: kind, Lang: lang, Source: src})
	}
	switch {
	case strings.HasPrefix(file, "organizations."):
		entry(Organization, f[0], splitAlt(f[1]), f[2])
	case strings.HasPrefix(file, "locations."):
		entry(Location, f[0], splitAlt(f[2]), f[1])
	case strings.HasPrefix(file, "laws."):
		entry(Law, f[0], splitAlt(f[1]), "")
	case strings.HasPrefix(file, "events."):
		entry(Event, f[0], splitAlt(f[1]), "")
	case strings.HasPrefix(file, "terms."):
		entry(Term, f[0], splitAlt(f[1]), "")
	case strings.HasPrefix(file, "addressees."):
		entry(Addressee, f[0], nil, "")
	case strings.HasPrefix(file, "titles."):
		*titles = append(*titles, f[0])
	case file == "surnames.zh.txt":
		s.Surnames[f[0]] = true
	case file == "markers.zh.tsv":
		s.Markers[f[0]] = Marker{f[0], f[1], f[2]}
	case file == "markers.en.tsv":
		s.MarkersEN = append(s.MarkersEN, Marker{f[0], f[1], f[2]})
	case file == "falsefriends.zh.txt":
		*ffs = append(*ffs, f[0])
	case file == "frames.zh.tsv":
		s.Frames[f[0]] = f[1]
	case file == "clauses.zh.tsv":
		s.Cues[f[1]] = append(s.Cues[f[1]], f[0])
	case file == "namecues.zh.txt":
		s.NameCues[f[0]] = true
	case file == "orgsuffixes.zh.tsv":
		s.OrgSuffix = append(s.OrgSuffix, f[0])
		if f[1] == "free" {
			s.FreeOrgSuffix = append(s.FreeOrgSuffix, f[0])
		}
	case strings.HasPrefix(file, "stopwords."):
		s.Stop[f[0]] = true
	case strings.HasPrefix(file, "generic."):
		s.Generic[f[0]] = true
	case file == "abbreviations.en.txt":
		s.AbbrevEN = append(s.AbbrevEN, strings.ToLower(strings.TrimSuffix(f[0], ".")))
	case file == "openers.en.txt":
		s.OpenersEN[f[0]] = true
	case file == "idf.zh.tsv" || file == "idf.en.tsv":
		v, _ := strconv.ParseFloat(f[1], 64)
		s.userIDF[file][f[0]] = v
	case file == "traditional.zht.tsv":
		s.variants = append(s.variants, variant{form: f[0], simp: f[1], file: f[2]})
	case strings.HasPrefix(file, "userdict."):
		v, _ := strconv.ParseFloat(f[1], 64)
		s.UserDict = append(s.UserDict, DictWord{f[0], v, f[2]})
	}
}

// Validate checks every file of a user's lexicon folder and returns all
// problems found, sorted.
func Validate(dir string) ProblemList {
	var probs ProblemList
	ents, err := os.ReadDir(dir)
	if err != nil {
		return ProblemList{{dir, 0, err.Error()}}
	}
	forces := map[string]bool{"must": true, "should": true, "prohibit": true, "encourage": true}
	frameKinds := map[string]bool{"directive": true, "report": true, "opinion": true}
	for _, e := range ents {
		if e.IsDir() || strings.HasPrefix(e.Name(), ".") || strings.EqualFold(e.Name(), "README.md") || strings.HasSuffix(e.Name(), ".go") {
			continue
		}
		shown := filepath.Join(dir, e.Name())
		spec, ok := SpecOf(e.Name())
		if !ok && strings.HasPrefix(e.Name(), "dict.") {
			probs = append(probs, Problem{shown, 0, "the segmentation dictionaries are generated; add words with userdict.zh.tsv (word, freq, pos)"})
			continue
		}
		if !ok {
			probs = append(probs, Problem{shown, 0, "unknown lexicon file name (see `policylens lexicons list`)"})
			continue
		}
		rows, p := readTable(os.DirFS(dir), e.Name(), shown, spec)
		probs = append(probs, p...)
		seen := map[string]int{}
		for _, r := range rows {
			key := r.Fields[0]
			switch spec.Name {
			case "clauses.zh.tsv":
				key += "\t" + r.Fields[1] // one cue may serve several kinds
			case "traditional.zht.tsv":
				key += "\t" + r.Fields[2] // one form may come from several files
				if msg := checkVariant(r); msg != "" {
					probs = append(probs, Problem{shown, r.Line, msg})
				}
			}
			if prev, dup := seen[key]; dup {
				probs = append(probs, Problem{shown, r.Line, fmt.Sprintf("%q repeats line %d", r.Fields[0], prev)})
			}
			seen[key] = r.Line
			switch {
			case strings.HasPrefix(spec.Name, "markers.") && !forces[r.Fields[1]]:
				probs = append(probs, Problem{shown, r.Line, fmt.Sprintf("force %q, want must, should, prohibit or encourage", r.Fields[1])})
			case spec.Name == "frames.zh.tsv" && !frameKinds[r.Fields[1]]:
				probs = append(probs, Problem{shown, r.Line, fmt.Sprintf("kind %q, want directive, report or opinion", r.Fields[1])})
			case strings.HasPrefix(spec.Name, "idf.") || strings.HasPrefix(spec.Name, "userdict."):
				if _, err := strconv.ParseFloat(r.Fields[1], 64); err != nil {
					probs = append(probs, Problem{shown, r.Line, fmt.Sprintf("%q is not a number", r.Fields[1])})
				}
			}
			if strings.ContainsAny(r.Fields[0], "|") && !strings.HasPrefix(spec.Name, "idf.") {
				probs = append(probs, Problem{shown, r.Line, "`|` separates aliases; it cannot stand in the first column"})
			}
		}
	}
	probs.Sort()
	return probs
}
