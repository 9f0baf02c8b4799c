package parse

import (
	"bytes"
	"fmt"
	"strings"
	stdunicode "unicode"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

// frequentHan holds characters common to simplified and traditional text;
// a correct decoding of Chinese bytes is dense in them, a wrong one is not.
const frequentHan = "的一是在不了有和人中大上我以他年出就分成會会可主工也能下子說说產产面方後后多定行學学法所民得十三之進进等部度家力如水化高自二理起小物實实加量都兩两體体制機机當当使點点從从業业本去性好應应開开合還还因由其些然前外天政四日那社義义事平形相全表間间樣样與与關关各重新線线內内數数正心反你明看原又么利比或但質质第向道命此變变條条只沒没結结解問问意建月公無无系軍军很情者最立代想已通並并提直題题黨党程展五果料象員员革位入常文總总次品式活設设及管特件長长求老頭头基資资邊边流路級级少圖图山統统接知較较將将組组見见計计別别她手角期根論论運运農农指"

var frequentSet = func() map[rune]bool {
	m := make(map[rune]bool, 300)
	for _, r := range frequentHan {
		m[r] = true
	}
	return m
}()

// fromUTF16 decodes a UTF-16 text that starts with its byte order mark
// (Windows editors save such files); other data is returned as it is.
func fromUTF16(data []byte) ([]byte, error) {
	var order unicode.Endianness
	switch {
	case bytes.HasPrefix(data, []byte{0xff, 0xfe}):
		order = unicode.LittleEndian
	case bytes.HasPrefix(data, []byte{0xfe, 0xff}):
		order = unicode.BigEndian
	default:
		return data, nil
	}
	out, err := unicode.UTF16(order, unicode.ExpectBOM).NewDecoder().Bytes(data)
	if err != nil || !plausibleText(string(out)) {
		return nil, fmt.Errorf("%w: starts with a UTF-16 byte order mark but does not read as UTF-16 text", ErrEncoding)
	}
	return out, nil
}

// plausibleText reports a text whose characters are nearly all of the kinds
// documents are written in (ASCII, Latin letters, CJK and its punctuation),
// unlike bytes decoded with the wrong encoding.
func plausibleText(s string) bool {
	n, ok := 0, 0
	for _, r := range s {
		n++
		switch {
		case r < 0x80 && (r >= ' ' || r == '\n' || r == '\r' || r == '\t'),
			r < 0x250 && stdunicode.IsLetter(r), isCJK(r),
			r >= 0x2000 && r <= 0x206f, r >= 0x3000 && r <= 0x303f, r >= 0xff00 && r <= 0xffef:
			ok++
		}
	}
	return n > 0 && ok*10 >= n*9
}

// decode returns data as UTF-8 text and, when bytes had to be replaced, a
// warning that says where. HTML inputs may declare a charset in a meta tag;
// otherwise valid UTF-8 is taken as is; UTF-8 with a few bad bytes (one
// Latin-1 byte, a file cut in mid-character) keeps its text with U+FFFD in
// their place; anything else is tried as GB18030 and Big5, keeping the
// decoding that reads as Chinese, and last as Windows-1252.
func decode(data []byte, isHTML bool) (text, warning string, err error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return "", "", ErrEmpty
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if looksBinary(data) {
		return "", "", ErrBinary
	}
	if isHTML {
		if enc, name := declaredCharset(data); enc != nil && name != "utf-8" {
			out, err := enc.NewDecoder().Bytes(data)
			if err == nil {
				return string(out), "", nil
			}
		}
	}
	if utf8.Valid(data) {
		return string(data), "", nil
	}
	bad, first := invalidUTF8(data)
	if bad <= max(3, len(data)/200) {
		return strings.ToValidUTF8(string(data), "\uFFFD"),
			fmt.Sprintf("%d byte(s) of invalid UTF-8 replaced by U+FFFD, the first at byte %d", bad, first), nil
	}
	best, bestScore := "", 0.0
	for _, enc := range []encoding.Encoding{simplifiedchinese.GB18030, traditionalchinese.Big5} {
		out, err := enc.NewDecoder().Bytes(data)
		if err != nil {
			continue
		}
		s := string(out)
		if sc := hanScore(s); sc > bestScore {
			best, bestScore = s, sc
		}
	}
	if bestScore >= 0.05 {
		return best, "", nil
	}
	if latinText(data) {
		out, err := charmap.Windows1252.NewDecoder().Bytes(data)
		if err == nil {
			return string(out), fmt.Sprintf("not UTF-8 (the first bad byte at %d): read as Windows-1252", first), nil
		}
	}
	return "", "", ErrEncoding
}

// invalidUTF8 counts the bytes that are not part of valid UTF-8 sequences
// and gives the offset of the first.
func invalidUTF8(data []byte) (n, first int) {
	first = -1
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			if first < 0 {
				first = i
			}
			n++
			i++
			continue
		}
		i += size
	}
	return n, first
}

// latinText reports a text that is mostly ASCII: a Western single-byte
// encoding, not Chinese in an encoding we do not know.
func latinText(data []byte) bool {
	high := 0
	for _, b := range data {
		if b >= 0x80 {
			high++
		}
	}
	return high*10 < len(data)
}

// declaredCharset reads a <meta charset> or http-equiv declaration in the
// first kilobytes of an HTML page.
func declaredCharset(data []byte) (encoding.Encoding, string) {
	head := data
	if len(head) > 4096 {
		head = head[:4096]
	}
	lower := strings.ToLower(string(head))
	i := strings.Index(lower, "charset=")
	if i < 0 {
		return nil, ""
	}
	rest := strings.TrimLeft(lower[i+len("charset="):], `"' `)
	end := strings.IndexAny(rest, `"'; />`)
	if end < 0 {
		end = len(rest)
	}
	enc, name := charset.Lookup(rest[:end])
	if strings.HasPrefix(name, "utf-16") {
		// A declaration read as ASCII cannot be true of a UTF-16 page; the
		// HTML standard reads such pages as UTF-8.
		return nil, ""
	}
	return enc, name
}

// looksBinary reports NUL bytes or a high share of control bytes.
func looksBinary(data []byte) bool {
	sample := data
	if len(sample) > 8192 {
		sample = sample[:8192]
	}
	if bytes.IndexByte(sample, 0) >= 0 {
		return true
	}
	ctrl := 0
	for _, b := range sample {
		if b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' {
			ctrl++
		}
	}
	return ctrl*10 > len(sample)
}

// hanScore is the share of the non-ASCII runes that are frequent Chinese
// characters. ASCII is left out: a page without a charset declaration is
// mostly markup, which would drown the Chinese text in any count.
func hanScore(s string) float64 {
	n, hit := 0, 0
	for _, r := range s {
		if r < 0x80 {
			continue
		}
		n++
		if frequentSet[r] {
			hit++
		}
		if n > 20000 {
			break
		}
	}
	if n == 0 {
		return 0
	}
	if strings.ContainsRune(s, utf8.RuneError) {
		return float64(hit) / float64(n) / 2
	}
	return float64(hit) / float64(n)
}
