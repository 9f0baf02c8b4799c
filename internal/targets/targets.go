// Package targets finds quantified targets (国内生产总值增长5%左右,
// 城镇新增就业1200万人以上, at least 50 percent) in a segmented document.
package targets

// Target is one quantified target.
type Target struct {
	Indicator string `json:"indicator"`
	Value     string `json:"value"`
	Unit      string `json:"unit"`
	Qualifier string `json:"qualifier"`
	Year      string `json:"year"`
	Text      string `json:"text"`
	Paragraph int    `json:"paragraph"`
}
