package reports

// appendIndent appends the compact JSON src, as json.Marshal or an
// Encoder without SetIndent writes it, indented as json.Indent would
// indent it with prefix and indent. json.Indent runs its full scanner on
// every byte, strings included, and was a tenth of `compare`'s CPU on the
// work reports (70 MB of JSON); a valid compact text needs only its
// strings skipped and its punctuation spaced. src must be valid JSON with
// no white space outside strings but a final newline (what the Encoder
// writes): anything else is for json.Indent.
func appendIndent(dst, src []byte, prefix, indent string) []byte {
	depth := 0
	open := false // after { or [: an empty one stays {} or []
	for i := 0; i < len(src); i++ {
		c := src[i]
		if open && c != '}' && c != ']' {
			open = false
			depth++
			dst = appendNewline(dst, prefix, indent, depth)
		}
		switch c {
		case '"':
			end := stringEnd(src, i)
			dst = append(dst, src[i:end]...)
			i = end - 1
		case '{', '[':
			open = true
			dst = append(dst, c)
		case ',':
			dst = appendNewline(append(dst, c), prefix, indent, depth)
		case ':':
			dst = append(dst, c, ' ')
		case '}', ']':
			if open {
				open = false
			} else {
				depth--
				dst = appendNewline(dst, prefix, indent, depth)
			}
			dst = append(dst, c)
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

// stringEnd is the index just past the string that opens at src[i] (a
// quote), its escapes skipped; len(src) when it never closes.
func stringEnd(src []byte, i int) int {
	for j := i + 1; j < len(src); j++ {
		switch src[j] {
		case '\\':
			j++
		case '"':
			return j + 1
		}
	}
	return len(src)
}

func appendNewline(dst []byte, prefix, indent string, depth int) []byte {
	dst = append(dst, '\n')
	dst = append(dst, prefix...)
	for range depth {
		dst = append(dst, indent...)
	}
	return dst
}
