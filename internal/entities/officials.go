package entities

import "slices"

// Officials adds to names the persons of es who hold a title, once each:
// what they say may instruct (the directives' frames).
func Officials(names []string, es []Entity) []string {
	for _, e := range es {
		if e.Type == "person" && len(e.Titles) > 0 && !slices.Contains(names, e.Text) {
			names = append(names, e.Text)
		}
	}
	return names
}

// NameForms are the written forms of the persons, bodies and places of
// es: their texts, canonical names, aliases and mentions (what a keyword
// must not be a piece of).
func NameForms(es []Entity) []string {
	var out []string
	for _, e := range es {
		if e.Type != "person" && e.Type != "organization" && e.Type != "location" {
			continue
		}
		out = append(out, e.Text, e.Normalized)
		out = append(out, e.Aliases...)
		for _, m := range e.Mentions {
			out = append(out, m.Surface)
		}
	}
	return out
}
