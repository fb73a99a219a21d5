package report

// Text helpers shared by Markdown and HTML: turning evidence and its
// highlights into runs of text, trimming long passages, and tidying white
// space. Offsets here are relative to the text being cut and always land on
// character boundaries, whatever offsets analyze supplied.

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck-go/crosscheck/analyze"
)

// piece is a run of quote text, highlighted or not, possibly outside the
// evidence sentence (context).
type piece struct {
	Text    string
	Mark    bool
	Context bool // outside the evidence span: shown subdued
}

// clampRune clamps off into [0, len(s)] and moves it back to the start of the
// character it falls in, so slicing never splits a UTF-8 sequence.
func clampRune(s string, off int) int {
	if off <= 0 {
		return 0
	}
	if off >= len(s) {
		return len(s)
	}
	for off > 0 && !utf8.RuneStart(s[off]) {
		off--
	}
	return off
}

// clampRuneEnd is clampRune for an end offset: it moves forward to the end of
// the character, so a highlight never loses part of its last character.
func clampRuneEnd(s string, off int) int {
	if off <= 0 {
		return 0
	}
	if off >= len(s) {
		return len(s)
	}
	for off < len(s) && !utf8.RuneStart(s[off]) {
		off++
	}
	return off
}

// relSpans converts absolute highlight spans to offsets relative to a text
// that starts at base, clamped to the text, snapped to character boundaries,
// sorted and merged. Empty or fully outside spans are dropped.
func relSpans(text string, base int, hs []analyze.Span) [][2]int {
	var out [][2]int
	for _, h := range hs {
		if h.End <= h.Start {
			continue
		}
		s, e := h.Start-base, h.End-base
		if e <= 0 || s >= len(text) {
			continue
		}
		s, e = clampRune(text, s), clampRuneEnd(text, e)
		if e > s {
			out = append(out, [2]int{s, e})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i][0] != out[j][0] {
			return out[i][0] < out[j][0]
		}
		return out[i][1] < out[j][1]
	})
	merged := out[:0]
	for _, sp := range out {
		if n := len(merged); n > 0 && sp[0] <= merged[n-1][1] {
			if sp[1] > merged[n-1][1] {
				merged[n-1][1] = sp[1]
			}
			continue
		}
		merged = append(merged, sp)
	}
	return merged
}

// pieces cuts text into runs at the boundaries of the highlight spans and of
// the focus span [fs, fe) (the evidence inside its context); offsets are
// relative to text and already on character boundaries.
func pieces(text string, marks [][2]int, fs, fe int) []piece {
	cuts := map[int]bool{0: true, len(text): true, fs: true, fe: true}
	for _, m := range marks {
		cuts[m[0]], cuts[m[1]] = true, true
	}
	var at []int
	for c := range cuts {
		if c >= 0 && c <= len(text) {
			at = append(at, c)
		}
	}
	sort.Ints(at)
	var out []piece
	for i := 0; i+1 < len(at); i++ {
		s, e := at[i], at[i+1]
		if s == e {
			continue
		}
		p := piece{Text: text[s:e], Context: s < fs || s >= fe}
		for _, m := range marks {
			if s >= m[0] && e <= m[1] {
				p.Mark = true
				break
			}
		}
		if n := len(out); n > 0 && out[n-1].Mark == p.Mark && out[n-1].Context == p.Context {
			out[n-1].Text += p.Text
			continue
		}
		out = append(out, p)
	}
	return out
}

// window chooses the part of text to show when it is longer than limit
// characters: a stretch of about limit characters around [ms, me) (the
// highlighted words), widened to word boundaries. It reports whether text was
// cut before and after the window.
func window(text string, ms, me, limit int) (s, e int, cutL, cutR bool) {
	if limit <= 0 || utf8.RuneCountInString(text) <= limit {
		return 0, len(text), false, false
	}
	ms, me = clampRune(text, ms), clampRuneEnd(text, me)
	if me < ms {
		me = ms
	}
	// Spend a third of the budget left over after the highlight before it and
	// the rest after, since a sentence is read forward; what one side cannot
	// use goes to the other.
	span := utf8.RuneCountInString(text[ms:me])
	left := (limit - span) / 3 // more room after: sentences read forward
	if left < 0 {
		left = 0
	}
	s = ms
	for n := 0; n < left && s > 0; n++ {
		_, size := utf8.DecodeLastRuneInString(text[:s])
		s -= size
	}
	used := utf8.RuneCountInString(text[s:me])
	e = me
	for n := used; n < limit && e < len(text); n++ {
		_, size := utf8.DecodeRuneInString(text[e:])
		e += size
	}
	for n := utf8.RuneCountInString(text[s:e]); n < limit && s > 0; n++ {
		_, size := utf8.DecodeLastRuneInString(text[:s])
		s -= size
	}
	// Do not start or end in the middle of a word: widen to the word's edge
	// when it is near (a few characters over the budget read better than a
	// broken word), otherwise narrow to the nearest space.
	const slack = 12
	if s > 0 && !isSpaceBefore(text, s) {
		j := s
		for n := 0; n < slack && j > 0 && !isSpaceBefore(text, j); n++ {
			_, size := utf8.DecodeLastRuneInString(text[:j])
			j -= size
		}
		if j == 0 || isSpaceBefore(text, j) {
			s = j
		} else if i := strings.IndexFunc(text[s:ms], unicode.IsSpace); i >= 0 {
			s += i
		}
	}
	if e < len(text) && !isSpaceAt(text, e) {
		j := e
		for n := 0; n < slack && j < len(text) && !isSpaceAt(text, j); n++ {
			_, size := utf8.DecodeRuneInString(text[j:])
			j += size
		}
		if j == len(text) || isSpaceAt(text, j) {
			e = j
		} else if i := strings.LastIndexFunc(text[me:e], unicode.IsSpace); i >= 0 {
			e = me + i
		}
	}
	return s, e, s > 0, e < len(text)
}

func isSpaceBefore(text string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return unicode.IsSpace(r)
}

func isSpaceAt(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:])
	return unicode.IsSpace(r)
}

// collapseSpace replaces every run of white space, line breaks included, by
// one space, so a quote stays on one line of Markdown or one HTML paragraph.
// Leading and trailing runs become one space too, because s may be one piece
// of a longer quote; trimPieces trims the ends of the whole.
func collapseSpace(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// tidyPieces collapses white space in every piece, trims the ends of the
// whole run and drops pieces left empty.
func tidyPieces(ps []piece) []piece {
	out := make([]piece, 0, len(ps))
	prevSpace := true // at the start, a leading space is dropped
	for _, p := range ps {
		t := collapseSpace(validUTF8(p.Text))
		if prevSpace {
			t = strings.TrimPrefix(t, " ")
		}
		if t == "" {
			continue
		}
		prevSpace = strings.HasSuffix(t, " ")
		p.Text = t
		out = append(out, p)
	}
	if n := len(out); n > 0 {
		out[n-1].Text = strings.TrimSuffix(out[n-1].Text, " ")
		if out[n-1].Text == "" {
			out = out[:n-1]
		}
	}
	return out
}

// validUTF8 replaces invalid bytes so renderings are always valid text.
func validUTF8(s string) string { return strings.ToValidUTF8(s, "\uFFFD") }
