package lexicon

import (
	"fmt"
	"slices"
)

//go:generate go run ./gentrad

// VariantColumns names the zh lexicon files whose rows get traditional
// forms, and the columns holding written forms (an aliases column is split
// at `|`). The generator converts these columns; Load adds each form to
// the same map as the row it comes from.
var VariantColumns = map[string][]int{
	"markers.zh.tsv":       {0},
	"frames.zh.tsv":        {0},
	"clauses.zh.tsv":       {0},
	"falsefriends.zh.txt":  {0},
	"namecues.zh.txt":      {0},
	"orgsuffixes.zh.tsv":   {0},
	"titles.zh.txt":        {0},
	"surnames.zh.txt":      {0},
	"stopwords.zh.txt":     {0},
	"generic.zh.txt":       {0},
	"addressees.zh.txt":    {0},
	"organizations.zh.tsv": {0, 1},
	"locations.zh.tsv":     {0, 2},
	"laws.zh.tsv":          {0, 1},
	"events.zh.tsv":        {0, 1},
	"terms.zh.tsv":         {0, 1},
}

// entityType is the entry type of each entity file among VariantColumns.
var entityType = map[string]string{
	"organizations.zh.tsv": Organization, "locations.zh.tsv": Location, "laws.zh.tsv": Law,
	"events.zh.tsv": Event, "terms.zh.tsv": Term, "addressees.zh.txt": Addressee,
}

// variant is one row of traditional.zht.tsv: a traditional form of a
// simplified form written in file.
type variant struct {
	form, simp, file string
}

// addVariants gives each traditional form the meaning of its simplified
// form, in the maps the extractors read (Markers, Frames, Cues, false
// friends, word lists), so that they match both scripts without knowing
// it; entity forms are added with the surface index (buildSurface).
// It runs after every file is read: a variant only copies what its
// simplified form already means, and adds nothing when that is gone.
func (s *Set) addVariants(vs []variant, ffs, titles *[]string) {
	kinds := s.cueKinds()
	ffSet, titleSet := setOf(*ffs), setOf(*titles)
	for _, v := range vs {
		switch v.file {
		case "markers.zh.tsv":
			if m, ok := s.Markers[v.simp]; ok {
				addOnce(s.Markers, v.form, Marker{v.form, m.Force, m.Kind})
			}
		case "frames.zh.tsv":
			if k, ok := s.Frames[v.simp]; ok {
				addOnce(s.Frames, v.form, k)
			}
		case "clauses.zh.tsv":
			for _, k := range kinds[v.simp] {
				if !slices.Contains(s.Cues[k], v.form) {
					s.Cues[k] = append(s.Cues[k], v.form)
				}
			}
		case "falsefriends.zh.txt":
			if ffSet[v.simp] {
				*ffs = append(*ffs, v.form)
			}
		case "titles.zh.txt":
			if titleSet[v.simp] {
				*titles = append(*titles, v.form)
			}
		case "orgsuffixes.zh.tsv":
			s.OrgSuffix = addLike(s.OrgSuffix, v)
			s.FreeOrgSuffix = addLike(s.FreeOrgSuffix, v)
		default:
			s.addWordVariant(v)
		}
	}
}

// addWordVariant handles the word lists; entity forms join the surface
// index in buildSurface.
func (s *Set) addWordVariant(v variant) {
	if m := s.wordSet(v.file); m != nil && m[v.simp] {
		m[v.form] = true
	}
}

// wordSet is the set a one-column word list fills, or nil.
func (s *Set) wordSet(file string) map[string]bool {
	switch file {
	case "surnames.zh.txt":
		return s.Surnames
	case "namecues.zh.txt":
		return s.NameCues
	case "stopwords.zh.txt":
		return s.Stop
	case "generic.zh.txt":
		return s.Generic
	}
	return nil
}

// cueKinds maps each clause cue to the kinds it serves.
func (s *Set) cueKinds() map[string][]string {
	kinds := map[string][]string{}
	for k, list := range s.Cues {
		for _, w := range list {
			kinds[w] = append(kinds[w], k)
		}
	}
	return kinds
}

// addLike appends v's form to list when its simplified form is there.
func addLike(list []string, v variant) []string {
	if slices.Contains(list, v.simp) && !slices.Contains(list, v.form) {
		return append(list, v.form)
	}
	return list
}

// addOnce sets m[k] unless k is there: a row written in traditional form
// by a user, or a form shared by two simplified words, keeps its own.
func addOnce[V any](m map[string]V, k string, v V) {
	if _, ok := m[k]; !ok {
		m[k] = v
	}
}

func setOf(list []string) map[string]bool {
	m := make(map[string]bool, len(list))
	for _, w := range list {
		m[w] = true
	}
	return m
}

// checkVariant returns the problem of a traditional.zht.tsv row, if any.
func checkVariant(r Row) string {
	if _, ok := VariantColumns[r.Fields[2]]; !ok {
		return fmt.Sprintf("file %q has no traditional forms (see internal/lexicon VariantColumns)", r.Fields[2])
	}
	if r.Fields[1] == "" {
		return "no simplified form"
	}
	return ""
}
