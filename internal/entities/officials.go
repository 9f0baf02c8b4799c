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
