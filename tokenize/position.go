package tokenize

import (
	"sort"
	"unicode/utf8"
)

// Position returns the 1-based line and column of a byte offset. Columns
// count characters, not bytes, because that is what an editor shows. A CR, LF
// or CRLF each end one line.
func (d *Document) Position(off int) (line, col int) {
	ix := d.lines
	if ix == nil { // a Document built by hand rather than by a Tokenizer
		ix = newLineIndex(d.Source.Text)
	}
	return ix.position(d.Source.Text, off)
}

// runeStep is the spacing of the character-count checkpoints: a column on a
// line of megabytes (scraped text with no line breaks) then costs a count over
// at most runeStep bytes, not over the whole line, so positions for every
// finding stay linear in the input.
const runeStep = 4096

// lineIndex holds where lines start, and checkpoints of the number of
// characters before chosen offsets, so Position never scans a long line.
type lineIndex struct {
	starts []int // offsets where lines start
	marks  []int // checkpoint offsets, each at the start of a character
	runes  []int // characters before each mark
}

func newLineIndex(text []byte) *lineIndex {
	ix := &lineIndex{starts: lineStarts(text), marks: []int{0}, runes: []int{0}}
	for next := runeStep; next < len(text); next += runeStep {
		p := next
		// A checkpoint must not split a character: counting from a byte
		// that continues a sequence would count it again.
		for p > ix.marks[len(ix.marks)-1] && !utf8.RuneStart(text[p]) && next-p < utf8.UTFMax {
			p--
		}
		last := ix.marks[len(ix.marks)-1]
		if p <= last {
			continue
		}
		ix.runes = append(ix.runes, ix.runes[len(ix.runes)-1]+utf8.RuneCount(text[last:p]))
		ix.marks = append(ix.marks, p)
	}
	return ix
}

// runesBefore returns the number of characters in text[:off].
func (ix *lineIndex) runesBefore(text []byte, off int) int {
	k := sort.SearchInts(ix.marks, off+1) - 1
	return ix.runes[k] + utf8.RuneCount(text[ix.marks[k]:off])
}

func (ix *lineIndex) position(text []byte, off int) (line, col int) {
	if off < 0 {
		off = 0
	}
	if off > len(text) {
		off = len(text)
	}
	i := sort.SearchInts(ix.starts, off+1) - 1
	if i < 0 {
		i = 0
	}
	start := ix.starts[i]
	if off-start <= runeStep {
		return i + 1, utf8.RuneCount(text[start:off]) + 1
	}
	return i + 1, ix.runesBefore(text, off) - ix.runesBefore(text, start) + 1
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
