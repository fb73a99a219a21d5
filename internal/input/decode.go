package input

import (
	"bytes"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

var (
	utf8BOM    = []byte{0xEF, 0xBB, 0xBF}
	utf16LEBOM = []byte{0xFF, 0xFE}
	utf16BEBOM = []byte{0xFE, 0xFF}
)

// signatures are the first bytes of common binary formats people end up
// pointing a text tool at (a scraped folder holds images and archives too).
var signatures = []struct {
	prefix string
	name   string
}{
	{"\x89PNG\r\n\x1a\n", "PNG image"},
	{"\xff\xd8\xff", "JPEG image"},
	{"GIF87a", "GIF image"},
	{"GIF89a", "GIF image"},
	{"%PDF-", "PDF document"},
	{"PK\x03\x04", "ZIP archive or office document"},
	{"\x1f\x8b", "gzip archive"},
	{"\x7fELF", "executable"},
	{"BZh", "bzip2 archive"},
	{"\xfd7zXZ\x00", "xz archive"},
}

// sniffLen is how much of a file the binary checks look at.
const sniffLen = 8 << 10

// skipReason says why raw file bytes hold nothing to analyse, or "" when
// they should be read. It looks at the raw bytes, before any decoding.
func skipReason(data []byte) string {
	if len(data) == 0 {
		return "empty file"
	}
	for _, s := range signatures {
		if bytes.HasPrefix(data, []byte(s.prefix)) {
			return "binary file (" + s.name + ")"
		}
	}
	if len(data) >= 12 && string(data[:4]) == "RIFF" && string(data[8:12]) == "WEBP" {
		return "binary file (WebP image)"
	}
	if bytes.HasPrefix(data, utf16LEBOM) || bytes.HasPrefix(data, utf16BEBOM) {
		return "" // NULs are expected there; decode checks the decoded text
	}
	return textSkipReason(data)
}

// textSkipReason checks text (raw, or decoded from UTF-16) for NULs and
// for having nothing but blanks.
func textSkipReason(data []byte) string {
	if len(bytes.Trim(data, "\x00")) == 0 {
		return "only NUL bytes"
	}
	head := data[:min(len(data), sniffLen)]
	// A stray NUL in scraped text is kept (it is only a byte), but more
	// than 1% of them means the file is not text: a lone NUL in a long
	// article is noise, while binaries are full of them.
	if nuls := bytes.Count(head, []byte{0}); nuls > 0 && nuls*100 > len(head) {
		if looksUTF16NoBOM(head) {
			return "binary file (looks like UTF-16 without a byte-order mark; convert it to UTF-8)"
		}
		return "binary file (contains NUL bytes)"
	}
	body := bytes.TrimPrefix(data, utf8BOM)
	if len(bytes.TrimFunc(body, func(r rune) bool { return unicode.IsSpace(r) || r == 0 || r == '\uFEFF' })) == 0 {
		if len(body) == 0 {
			return "empty file (only a byte-order mark)"
		}
		return "whitespace only"
	}
	return ""
}

// looksUTF16NoBOM reports whether every other byte is NUL, the mark of
// ASCII text saved as UTF-16 without a byte-order mark.
func looksUTF16NoBOM(b []byte) bool {
	if len(b) < 4 {
		return false
	}
	var odd, even int
	for i, c := range b {
		if c == 0 {
			if i%2 == 0 {
				even++
			} else {
				odd++
			}
		}
	}
	half := len(b) / 2
	return odd*10 >= half*9 && even*10 <= half || even*10 >= half*9 && odd*10 <= half
}

// decode returns the text to analyse: the bytes themselves for UTF-8 (with
// or without a BOM, valid or not), or UTF-16 with a BOM decoded to UTF-8.
// The error is a *SkipError when the decoded text is blank.
func decode(path string, data []byte) ([]byte, []Warning, error) {
	var bigEndian bool
	switch {
	case bytes.HasPrefix(data, utf16LEBOM):
	case bytes.HasPrefix(data, utf16BEBOM):
		bigEndian = true
	default:
		return data, nil, nil
	}
	name := "UTF-16LE"
	if bigEndian {
		name = "UTF-16BE"
	}
	var warns []Warning
	body := data[2:]
	if len(body)%2 == 1 {
		warns = append(warns, Warning{Path: path, Msg: name + " text has an odd number of bytes; the last byte was dropped"})
		body = body[:len(body)-1]
	}
	units := make([]uint16, len(body)/2)
	for i := range units {
		lo, hi := body[2*i], body[2*i+1]
		if bigEndian {
			lo, hi = hi, lo
		}
		units[i] = uint16(lo) | uint16(hi)<<8
	}
	// utf16.Decode turns unpaired surrogates into U+FFFD, so the result is
	// always valid UTF-8.
	runes := utf16.Decode(units)
	out := make([]byte, 0, len(runes)+len(runes)/4)
	for _, r := range runes {
		out = utf8.AppendRune(out, r)
	}
	if reason := textSkipReason(out); reason != "" {
		return nil, warns, &SkipError{Path: path, Reason: reason + " (after decoding " + name + ")"}
	}
	warns = append(warns, Warning{
		Path:   path,
		Msg:    "decoded from " + name + "; offsets refer to the decoded UTF-8 text, not the file's bytes",
		Report: true,
	})
	return out, warns, nil
}

// firstInvalidUTF8 returns the byte offset of the first invalid UTF-8
// sequence in b, or -1 when b is valid.
func firstInvalidUTF8(b []byte) int {
	if utf8.Valid(b) {
		return -1
	}
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}
