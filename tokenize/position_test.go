package tokenize

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestPositionLongLines checks the checkpointed column count against a plain
// count from the line start, on lines far longer than a checkpoint step with
// multi-byte characters and invalid bytes straddling the steps.
func TestPositionLongLines(t *testing.T) {
	var b strings.Builder
	for i := 0; b.Len() < 12*runeStep; i++ {
		if i%400 == 399 {
			b.WriteString("\r\n") // a few line breaks among lines of several steps
		}
		switch i % 7 {
		case 0:
			b.WriteString("é")
		case 1:
			b.WriteString("日本")
		case 2:
			b.WriteString("\xff")
		case 3:
			b.WriteString("\xe2\x82") // a cut-off character
		case 4:
			b.WriteString(strings.Repeat("a", i%37))
		default:
			b.WriteString("😀 x")
		}
	}
	text := []byte(b.String())
	d := &Document{Source: Source{Text: text}, lines: newLineIndex(text)}
	starts := lineStarts(text)
	for off := 0; off <= len(text); off += 97 {
		line := 0
		for line+1 < len(starts) && starts[line+1] <= off {
			line++
		}
		wantCol := utf8.RuneCount(text[starts[line]:off]) + 1
		gotLine, gotCol := d.Position(off)
		if gotLine != line+1 || gotCol != wantCol {
			t.Fatalf("Position(%d) = %d:%d, want %d:%d", off, gotLine, gotCol, line+1, wantCol)
		}
	}
}
