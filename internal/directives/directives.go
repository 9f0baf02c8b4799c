// Package directives finds the directives of a segmented document: who
// must do what, with what force, by when. Clauses are the units; frames
// (会议要求, 黄明强调) carry their issuer to the clauses they introduce.
package directives

//go:generate go run ./train

// Directive is one mandated, required, prohibited or encouraged action.
type Directive struct {
	Text               string   `json:"text"`
	Sentence           string   `json:"sentence"`
	Paragraph          int      `json:"paragraph"`
	Start              int      `json:"start"`
	End                int      `json:"end"`
	Force              string   `json:"force"`
	Markers            []string `json:"markers"`
	Issuer             string   `json:"issuer"`
	Addressees         []string `json:"addressees"`
	Action             string   `json:"action"`
	Object             string   `json:"object"`
	Deadline           string   `json:"deadline"`
	DeadlineNormalized string   `json:"deadline_normalized"`
	Article            string   `json:"article"`
	// Confidence is the model's probability that the clause is a
	// directive (1 where rules alone decide).
	Confidence float64 `json:"-"`
	// Why says what decided (with --explain only).
	Why *Explanation `json:"why,omitempty"`
}

// Explanation is why a clause was taken as a directive: the model's
// confidence and the features that weighed most, with their weights.
type Explanation struct {
	Confidence float64  `json:"confidence"`
	Features   []string `json:"features"`
}

// Forces in order of strength, weakest first.
var Forces = []string{"encourage", "should", "must", "prohibit"}

// Rank is a force's strength (higher is stronger), -1 when unknown.
func Rank(force string) int {
	for i, f := range Forces {
		if f == force {
			return i
		}
	}
	return -1
}
