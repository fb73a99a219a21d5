package tokenize

import (
	"sort"
	"unicode/utf8"
)

// Position returns the 1-based line and column of a byte offset. Columns
// count characters, not bytes, because that is what an editor shows. A CR, LF
// or CRLF each end one line.
func (d *Document) Position(off int) (line, col int) {
	lines := d.lines
	if lines == nil { // a Document built by hand rather than by a Tokenizer
		lines = lineStarts(d.Source.Text)
	}
	text := d.Source.Text
	if off < 0 {
		off = 0
	}
	if off > len(text) {
		off = len(text)
	}
	i := sort.SearchInts(lines, off+1) - 1
	if i < 0 {
		i = 0
	}
	return i + 1, utf8.RuneCount(text[lines[i]:off]) + 1
}

func lineStarts(text []byte) []int {
	starts := []int{0}
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '\n':
			starts = append(starts, i+1)
		case '\r':
			if i+1 < len(text) && text[i+1] == '\n' {
				i++
			}
			starts = append(starts, i+1)
		}
	}
	return starts
}
