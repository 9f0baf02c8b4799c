package entities

import "strings"

// strFeat names the features written as a fixed prefix and a word, a part
// of speech, a small number or nothing (pos=nr, len=3, bias): the rest of
// the name model's look-ups. The model files their weights by prefix, in
// small tables and maps keyed by what follows the prefix, so the extractor
// finds them without building the feature's name and probing the model's
// map of every feature with it.
type strFeat uint8

const (
	sBias strFeat = iota
	sPos
	sLen
	sW
	sPosLen
	sSur
	sIDF
	sGIDF
	sPW
	sNW
	sPP
	sNP
	sSBias
	sSLen
	sSGl
	sSGIDF
	sSTok
	sSEndTok
	sABias
	sAAt
	sATok
	sAPa
	sANa
	sAW
	sOSeq
	sOBias
	sOLen
	sONTok
	sOP0
	sOW0
	sOKnown0
	sOIDF0
	nStrFeats
)

// strFeatNames are the prefixes as the model's rows write them; the four
// biases are whole features.
var strFeatNames = [nStrFeats]string{
	sBias: "bias", sPos: "pos=", sLen: "len=", sW: "w=", sPosLen: "poslen=", sSur: "sur=",
	sIDF: "idf=", sGIDF: "gidf=", sPW: "pw=", sNW: "nw=", sPP: "pp=", sNP: "np=",
	sSBias: "s:bias", sSLen: "s:len=", sSGl: "s:gl=", sSGIDF: "s:gidf=", sSTok: "s:tok=", sSEndTok: "s:endtok=",
	sABias: "a:bias", sAAt: "a:at=", sATok: "a:tok=", sAPa: "a:pa=", sANa: "a:na=", sAW: "a:w=",
	sOSeq: "o:seq=", sOBias: "o:bias", sOLen: "o:len=", sONTok: "o:ntok=", sOP0: "o:p0=", sOW0: "o:w0=",
	sOKnown0: "o:known0=", sOIDF0: "o:idf0=",
}

// featVocab are the values of the features that take one of a few (a
// bias has one, the empty string), in the order of their indexes.
var featVocab = [nStrFeats][]string{
	sBias: {""}, sSBias: {""}, sABias: {""}, sOBias: {""},
	sIDF: idfNames, sGIDF: idfNames, sSGIDF: idfNames, sOIDF0: idfNames,
	sSEndTok: boolNames, sAPa: boolNames, sANa: boolNames, sOKnown0: boolNames,
	sAAt: atNames,
}

// boolNames spell a yes-or-no feature, by boolIndex.
var boolNames = []string{"0", "1"}

func boolIndex(b bool) int {
	if b {
		return 1
	}
	return 0
}

// atNames spell where a character lies in its word (a:at=), by index.
var atNames = []string{atMid: "mid", atAlone: "alone", atStart: "start", atEnd: "end"}

const (
	atMid = iota
	atAlone
	atStart
	atEnd
)

// smallInts bounds the numbers filed in a table: prefix+itoa(n) for n
// below it; a larger number (none of today's features) is looked up by name.
const smallInts = 12

// featTables are the weights of the strFeats, and of the rune features at
// the edge of a paragraph (pc=^, nc=$), filed when the model loads.
type featTables struct {
	// rest[k][s] is the weight of strFeatNames[k]+s
	rest [nStrFeats]map[string][4]float64
	// num[k][n] is the weight of strFeatNames[k]+itoa(n)
	num [nStrFeats][smallInts][4]float64
	// restNum[k][s][n] is the weight of strFeatNames[k]+s+itoa(n), for
	// one digit n
	restNum [nStrFeats]map[string]*[10][4]float64
	// of[k][i] is the weight of strFeatNames[k]+featVocab[k][i]
	of [nStrFeats][][4]float64
	// edge[k] are the weights of runeFeatNames[k]+"^" and +"$"
	edge [nRuneFeats][2][4]float64
}

// fileFeatTables files the features of w by prefix. A row's prefix ends
// at its first '=', as every prefix of strFeatNames does, so rest[k][s] is
// exactly the row strFeatNames[k]+s.
func fileFeatTables(w map[string][4]float64) *featTables {
	t := &featTables{}
	byPrefix := make(map[string]strFeat, nStrFeats)
	for k, name := range strFeatNames {
		byPrefix[name] = strFeat(k)
		t.rest[k] = map[string][4]float64{}
		t.restNum[k] = map[string]*[10][4]float64{}
	}
	for feat, ws := range w {
		eq := strings.IndexByte(feat, '=')
		if eq < 0 {
			continue // the biases: looked up below
		}
		k, ok := byPrefix[feat[:eq+1]]
		if !ok {
			continue
		}
		rest := feat[eq+1:]
		t.rest[k][rest] = ws
		if n := len(rest); n > 0 && rest[n-1] >= '0' && rest[n-1] <= '9' {
			row := t.restNum[k][rest[:n-1]]
			if row == nil {
				row = &[10][4]float64{}
				t.restNum[k][rest[:n-1]] = row
			}
			row[rest[n-1]-'0'] = ws
		}
	}
	for k, name := range strFeatNames {
		t.rest[k][""] = w[name] // a bias: its prefix is the whole feature
		for n := range smallInts {
			t.num[k][n] = w[name+itoa(n)]
		}
		for _, v := range featVocab[k] {
			t.of[k] = append(t.of[k], w[name+v])
		}
	}
	for k, name := range runeFeatNames {
		t.edge[k] = [2][4]float64{w[name+"^"], w[name+"$"]}
	}
	return t
}

// sumOf adds the weights ws to the features' sums.
func (f *Features) sumOf(ws *[4]float64) {
	for i := range ws {
		f.sum[i] += ws[i]
	}
}

// addStr takes the feature prefix k and s (pos=nr); addStr(k, "") a bias.
func (f *Features) addStr(k strFeat, s string) {
	if f.model == nil {
		f.add(strFeatNames[k], s)
		return
	}
	ws := f.model.t.rest[k][s]
	f.sumOf(&ws)
}

// addOf takes the feature prefix k and its value of index i in
// featVocab[k] (idf=lt4 is addOf(sIDF, 1)).
func (f *Features) addOf(k strFeat, i int) {
	if f.model == nil {
		f.add(strFeatNames[k], featVocab[k][i])
		return
	}
	f.sumOf(&f.model.t.of[k][i])
}

// addNum takes the feature prefix k and itoa(n) (len=3).
func (f *Features) addNum(k strFeat, n int) {
	if f.model == nil || n < 0 || n >= smallInts {
		f.add(strFeatNames[k], itoa(n))
		return
	}
	f.sumOf(&f.model.t.num[k][n])
}

// addStrNum takes the feature prefix k, s and itoa(n) (poslen=nr3).
func (f *Features) addStrNum(k strFeat, s string, n int) {
	if f.model == nil || n < 0 || n > 9 {
		f.add(strFeatNames[k], s, itoa(n))
		return
	}
	if row := f.model.t.restNum[k][s]; row != nil {
		f.sumOf(&row[n])
	}
}

// addEdge takes the rune feature k at the start (^) or end ($) of the
// paragraph.
func (f *Features) addEdge(k runeFeat, end bool) {
	i, mark := 0, "^"
	if end {
		i, mark = 1, "$"
	}
	if f.model == nil {
		f.add(runeFeatNames[k], mark)
		return
	}
	f.sumOf(&f.model.t.edge[k][i])
}
