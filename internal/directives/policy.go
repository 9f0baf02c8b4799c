package directives

import (
	"regexp"
	"slices"
	"strings"

	"github.com/policylens/policylens/internal/lexicon"
)

// A document orders something (document.policy) when it is itself a policy
// document or a law, or when an authority instructs in it: a directive
// whose issuer is a government body, a meeting or a document, a headline
// that names such a body, or enough directives the scorer is sure of.
// Company results, prices, obituaries and sports give a handful of unsure
// clauses at most (a firm's 将…, a commentator's 必须…), so a document with
// none of these signs is not a policy document, and it keeps only its
// surest directives.
const (
	sureConfidence = 0.8 // a directive the scorer is sure of
	policySure     = 3   // this many sure directives make a policy document
	nonPolicyKeep  = 2   // the most a non-policy document keeps
	// a text shorter than this is too short to judge: a line or two of
	// instructions (各部门要做好统计工作) is what it says
	judgeChars = 300
)

// governing are the kinds of organizations (organizations.zh.tsv) that can
// instruct; companies, banks, media and associations cannot.
var governing = map[string]bool{
	"party": true, "state": true, "ministry": true, "commission": true, "regulator": true,
	"court": true, "procuratorate": true, "central-bank": true, "office": true,
}

// Policy tells whether a document orders anything and returns the
// directives it keeps: all of them for a policy document, at most the
// nonPolicyKeep surest (in document order) for any other.
func Policy(rules *Rules, meta Meta, lang string, ds []Directive) (bool, []Directive) {
	if isPolicy(rules, meta, lang, ds) {
		return true, ds
	}
	sure := 0
	return false, slices.DeleteFunc(ds, func(d Directive) bool {
		if d.Confidence < sureConfidence || sure >= nonPolicyKeep {
			return true
		}
		sure++
		return false
	})
}

// reEnPolicyTitle is the title of a US order, memorandum or policy;
// reEnAuthority an English issuer that can instruct: the President, OMB,
// a department, an agency or its head.
var (
	reEnPolicyTitle = regexp.MustCompile(`(?i)\b(?:executive order|memorand(?:um|a)|proclamation|M-\d{2}-\d{2}|policy|directive|guidance)\b`)
	reEnAuthority   = regexp.MustCompile(`(?i)\b(?:president|omb|office of management and budget|secretary|director|administrator|attorney general|department|agency|agencies|council|commission|board)\b`)
)

func isPolicy(rules *Rules, meta Meta, lang string, ds []Directive) bool {
	title := reTitleNote.ReplaceAllString(strings.TrimSpace(meta.Title), "")
	if lang != "en" && (reWorkReport.MatchString(title) ||
		(rePolicyTitle.MatchString(title) || reLawTitle.MatchString(title)) && !reportsOn(title)) {
		return true
	}
	if lang == "en" && reEnPolicyTitle.MatchString(title) {
		return true
	}
	if meta.Issuer != "" || meta.Chars < judgeChars || rules.authority(title) {
		return true
	}
	sure := 0
	for _, d := range ds {
		if d.Confidence >= sureConfidence {
			sure++
		}
		if d.Issuer != "" && (rules.authority(d.Issuer) || lang == "en" && reEnAuthority.MatchString(d.Issuer)) {
			return true
		}
	}
	return sure >= policySure
}

// authority reports whether a text names a body that can instruct: a
// governing organization or an addressee of the lexicons, a body whose name
// ends in an authority's ending (…人民政府, …委员会, …局), a meeting or a
// document (clauses.zh.tsv, kind authority-body).
func (c *Rules) authority(s string) bool {
	if anySurface(c.lex, s, func(e lexicon.Entry, _, _ int) bool {
		return e.Type == lexicon.Addressee || e.Type == lexicon.Organization && governing[e.Kind]
	}) {
		return true
	}
	for w := range c.byKind["authority-body"] {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}
