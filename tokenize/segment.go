package tokenize

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Segmentation. Pasted news text puts one paragraph on a line, so every line
// break ends a paragraph unless the next line plainly continues the same
// sentence (it starts in lower case, or this line ends with a comma or a word
// like "the" or "by", or the whole document is hard-wrapped). Inside a
// paragraph, sentences are cut at . ! ? (plus closing quotes and brackets)
// followed by white space and something that can start a sentence. The rules
// are local, so the whole pass is linear in the input.

// maxSentenceTokens caps a sentence: a megabyte with no punctuation becomes
// many bounded sentences instead of one that every later stage must hold.
const maxSentenceTokens = 2000

// maxHeadingTokens bounds a Heading: a long line without final punctuation
// is more likely a paragraph that lost its full stop than a title.
const maxHeadingTokens = 40

// lineKind says how a line's marker shapes its sentences.
type lineKind uint8

const (
	plainLine lineKind = iota
	listLine           // "- item", "• item", "1. item", "2) item"
	headLine           // a Markdown "# heading"
	quoteLine          // a Markdown "> quote"
)

// segmenter holds one document's text while it is cut.
type segmenter struct {
	text []byte
	doc  *Document
}

// cut fills doc.Tokens, Sentences and Paragraphs from text[body:].
func (sg *segmenter) cut(body int) {
	text := sg.text
	d := sg.doc
	paraFirst := -1       // first token of the open paragraph, -1 if none
	paraKind := plainLine // marker of the open paragraph's first line
	bullet := false       // the previous line held only a bullet
	var lastLineEnd int   // token index after the open paragraph's last line
	wrapped := hardWrapped(text, body)
	flush := func() {
		if paraFirst >= 0 && paraFirst < len(d.Tokens) {
			sg.paragraph(paraFirst, len(d.Tokens), paraKind)
		}
		paraFirst = -1
	}
	for p := body; p < len(text); {
		// Find the line [p, e) and the start of the next one.
		e := p
		for e < len(text) && text[e] != '\n' && text[e] != '\r' {
			e++
		}
		next := e
		if next < len(text) {
			if text[next] == '\r' && next+1 < len(text) && text[next+1] == '\n' {
				next += 2
			} else {
				next++
			}
		}
		s, kind := sg.marker(p, e)
		before := len(d.Tokens)
		d.Tokens = scanTokens(text, s, e, d.Tokens)
		if !hasContent(d.Tokens[before:]) {
			// A blank line, a divider, or a lone bullet: no sentence. A
			// lone bullet makes the next line a list item.
			d.Tokens = d.Tokens[:before]
			if p == e || blank(text[p:e]) {
				flush()
			} else if kind == listLine || onlyBullet(text[p:e]) {
				flush()
				bullet = true
			}
			p = next
			continue
		}
		if bullet && kind == plainLine {
			kind = listLine
		}
		bullet = false
		sameKind := kind == plainLine && paraKind != headLine || kind == quoteLine && paraKind == quoteLine
		if paraFirst >= 0 && sameKind && sg.continues(lastLineEnd, before, wrapped) {
			// The same paragraph goes on (a hard-wrapped line).
		} else {
			if paraFirst >= 0 {
				// Close the open paragraph before this line's first token.
				sg.paragraph(paraFirst, before, paraKind)
			}
			paraFirst, paraKind = before, kind
		}
		lastLineEnd = len(d.Tokens)
		p = next
	}
	flush()
}

// continues reports whether the line whose tokens start at first continues
// the paragraph whose last line ended before it (a hard-wrapped paragraph).
// In a hard-wrapped document any line goes on after a full-width one.
func (sg *segmenter) continues(prevEnd, first int, wrapped bool) bool {
	toks := sg.doc.Tokens
	if prevEnd <= 0 || first >= len(toks) {
		return false
	}
	last := toks[prevEnd-1]
	lt := sg.text[last.Start:last.End]
	if isTerminal(lt) || isCloser(lt) && prevEnd >= 2 && isTerminal(sg.text[toks[prevEnd-2].Start:toks[prevEnd-2].End]) {
		return false
	}
	switch string(lt) {
	case ",", ";", "&", "-", "(":
		return true
	}
	if wrapped && last.End-sg.lineStart(last.End) >= wrapMin {
		return true
	}
	if last.Kind == Word && glueWords[normalize(lt)] {
		return true // "announced by\nMicrosoft on Monday."
	}
	r, _ := utf8.DecodeRune(sg.text[toks[first].Start:toks[first].End])
	return unicode.IsLower(r)
}

// lineStart returns the offset where the line holding off starts.
func (sg *segmenter) lineStart(off int) int {
	for off > 0 && sg.text[off-1] != '\n' && sg.text[off-1] != '\r' {
		off--
	}
	return off
}

// glueWords cannot end a sentence or a title, so a line ending in one goes
// on into the next line.
var glueWords = setOf(`a an the of to by for with from at in on into onto as than and or but nor that which who whom
whose is are was were be been has have had will would can could should may might must its their his her our your my
said says told`)

// Hard-wrapped text (e-mail, plain-text archives) breaks lines at a fixed
// width inside paragraphs. wrapMin and wrapMax bound the length of a line
// that looks wrapped.
const (
	wrapMin = 40
	wrapMax = 100
)

// hardWrapped reports whether the text after body looks hard-wrapped: most
// lines followed by another non-blank line are of wrapping width, at least
// half of them stop mid-sentence, and the next line often starts in lower
// case (a list of titles does not). It looks at the first 1,000 lines.
func hardWrapped(text []byte, body int) bool {
	inBlock, width, open, lower := 0, 0, 0, 0
	prevLen, prevOpen, prevFull := -1, false, false
	lines := 0
	for p := body; p < len(text) && lines < 1000; lines++ {
		e := p
		for e < len(text) && text[e] != '\n' && text[e] != '\r' {
			e++
		}
		line := text[p:e]
		for len(line) > 0 && (line[len(line)-1] == ' ' || line[len(line)-1] == '\t') {
			line = line[:len(line)-1]
		}
		if len(line) > 0 && prevLen > 0 {
			inBlock++
			if prevFull {
				width++
			}
			if prevOpen {
				open++
			}
			if r, _ := utf8.DecodeRune(bytes.TrimLeft(line, " \t")); unicode.IsLower(r) {
				lower++
			}
		}
		prevLen = len(line)
		prevFull = len(line) >= wrapMin && len(line) <= wrapMax
		prevOpen = len(line) > 0 && strings.IndexByte(".!?:\"')", line[len(line)-1]) < 0 && !bytes.HasSuffix(line, []byte("”"))
		p = e
		if p < len(text) && text[p] == '\r' {
			p++
		}
		if p < len(text) && text[p] == '\n' {
			p++
		}
	}
	return inBlock >= 4 && width*10 >= inBlock*7 && open*2 >= inBlock && lower*10 >= inBlock*3
}

// marker strips a list, heading or quote marker from the line [p, e) and
// returns where its content starts.
func (sg *segmenter) marker(p, e int) (int, lineKind) {
	text := sg.text
	for p < e {
		r, n := decodeAt(text, p, e)
		if !isSep(r) {
			break
		}
		p += n
	}
	if p >= e {
		return p, plainLine
	}
	afterSpace := func(q int) bool {
		if q >= e {
			return true // a marker alone on its line
		}
		r, _ := decodeAt(text, q, e)
		return r == ' ' || r == '\t' || r == '\u00a0'
	}
	r, n := decodeAt(text, p, e)
	switch r {
	case '-', '*', '+', '•', '·', '◦', '▪', '▫', '‣', '○', '●', '■', '□', '►', '▸', '➢', '✓', '✔', '–', '—':
		if afterSpace(p + n) {
			return p + n, listLine
		}
	case '#':
		q := p
		for q < e && text[q] == '#' {
			q++
		}
		if q-p <= 6 && afterSpace(q) {
			return q, headLine
		}
	case '>':
		if afterSpace(p + 1) {
			return p + 1, quoteLine
		}
	}
	// Numbered items: "1. ", "12) ", "(3) ", "a) ".
	q := p
	if text[q] == '(' {
		q++
	}
	d := q
	for d < e && d-q < 3 && text[d] >= '0' && text[d] <= '9' {
		d++
	}
	if d == q && d < e && text[d] >= 'a' && text[d] <= 'z' && d+1 < e && text[d+1] == ')' {
		d++ // "a)"
	}
	if d > q && d < e && (text[d] == ')' || text[d] == '.' && text[q] >= '0' && text[q] <= '9' && d-q <= 2) && afterSpace(d+1) && d+1 < e {
		return d + 1, listLine
	}
	return p, plainLine
}

func blank(b []byte) bool {
	for i := 0; i < len(b); {
		r, n := decodeAt(b, i, len(b))
		if !isSep(r) {
			return false
		}
		i += n
	}
	return true
}

// onlyBullet reports whether a line holds a single bullet or dash and nothing
// else but space.
func onlyBullet(b []byte) bool {
	seen := 0
	for i := 0; i < len(b); {
		r, n := decodeAt(b, i, len(b))
		i += n
		if isSep(r) {
			continue
		}
		switch r {
		case '-', '*', '+', '•', '·', '◦', '▪', '‣', '○', '●', '■', '►', '–', '—':
			seen++
		default:
			return false
		}
	}
	return seen == 1
}

// hasContent reports whether toks hold a word or a number.
func hasContent(toks []Token) bool {
	for _, t := range toks {
		if t.Kind == Word || t.Kind == Number {
			return true
		}
	}
	return false
}

// paragraph records the paragraph of tokens [first, last) and cuts its
// sentences.
func (sg *segmenter) paragraph(first, last int, kind lineKind) {
	d := sg.doc
	pi := len(d.Paragraphs)
	sFirst := len(d.Sentences)
	start := first
	emit := func(a, b int) {
		d.Sentences = append(d.Sentences, Sentence{
			Span:  Span{d.Tokens[a].Start, d.Tokens[b-1].End},
			First: a, Last: b, Para: pi,
		})
	}
	toks := d.Tokens
	for i := first; i < last; {
		if i-start+1 >= maxSentenceTokens {
			emit(start, i+1)
			i++
			start = i
			continue
		}
		if !isTerminal(sg.tokText(i)) {
			i++
			continue
		}
		j := i + 1
		for j < last && j-start < maxSentenceTokens && toks[j].Start == toks[j-1].End && (isTerminal(sg.tokText(j)) || isCloser(sg.tokText(j))) {
			j++
		}
		if j < last && (j-start >= maxSentenceTokens || sg.boundary(i, j, last)) {
			emit(start, j) // a boundary, or "!!!!..." reaching the cap
			start = j
		}
		i = j
	}
	if start < last {
		emit(start, last)
	}
	// A last sentence without final punctuation is a heading; a Markdown
	// heading always is, and so is a Title Case line ending in "?", "!" or
	// ":". List items are statements unless in Title Case.
	if n := len(d.Sentences); n > sFirst {
		s := &d.Sentences[n-1]
		switch {
		case kind == headLine:
			s.Heading = true
		case n == sFirst+1 && kind != quoteLine && s.Last-s.First <= maxHeadingTokens && sg.titleQuestion(s.First, s.Last):
			s.Heading = true // "What Exactly Happened?" alone on its line
		case s.Last-s.First > maxHeadingTokens || sg.endsPunct(s.First, s.Last):
		case kind == plainLine:
			s.Heading = true
		case kind == listLine && clauseMode(sg.text, d.Tokens[s.First:s.Last], false) != normalCase:
			s.Heading = true // "- Funding Round Involving Amazon": a heading set as a list item
		}
	}
	d.Paragraphs = append(d.Paragraphs, Paragraph{
		Span:  Span{d.Tokens[first].Start, d.Tokens[last-1].End},
		First: sFirst, Last: len(d.Sentences),
	})
}

// titleQuestion reports whether tokens [first, last) are in Title Case and
// end with "?", "!" or ":".
func (sg *segmenter) titleQuestion(first, last int) bool {
	switch string(sg.tokText(last - 1)) {
	case "?", "!", ":":
		return clauseMode(sg.text, sg.doc.Tokens[first:last], false) == titleCase
	}
	return false
}

func (sg *segmenter) tokText(i int) []byte {
	t := sg.doc.Tokens[i]
	return sg.text[t.Start:t.End]
}

// endsPunct reports whether tokens [first, last) end with punctuation that
// closes a statement (or introduces what follows, like a colon).
func (sg *segmenter) endsPunct(first, last int) bool {
	i := last - 1
	for i > first && isCloser(sg.tokText(i)) {
		i--
	}
	b := sg.tokText(i)
	if isTerminal(b) {
		return true
	}
	switch string(b) {
	case ":", ";", ",":
		return true
	}
	return false
}

// isTerminal reports whether a token's text can end a sentence: a full stop,
// "!", "?", an ellipsis, or an abbreviation ending in a full stop.
func isTerminal(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	switch string(b) {
	case "!", "?", "…", "。", "！", "？", "‼", "⁇", "⁈", "⁉":
		return true
	}
	return b[len(b)-1] == '.'
}

// isCloser reports whether a token closes a quotation or bracket.
func isCloser(b []byte) bool {
	switch string(b) {
	case "\"", "'", "”", "’", ")", "]", "}", "»", "›":
		return true
	}
	return false
}

// isOpener reports whether a token opens a quotation or bracket.
func isOpener(b []byte) bool {
	switch string(b) {
	case "\"", "'", "“", "‘", "(", "[", "{", "«", "‹", "¿", "¡":
		return true
	}
	return false
}

// boundary decides whether a sentence ends before token j, given that token
// i is terminal and i+1..j-1 are more terminals or closers; last bounds the
// paragraph.
func (sg *segmenter) boundary(i, j, last int) bool {
	toks := sg.doc.Tokens
	term := sg.tokText(i)
	if toks[j].Start == toks[j-1].End {
		// No space: "3.Next" and "x.Y" go on, but scraped text often
		// drops the space after a stop: "the men.He said".
		return j == i+1 && i > 0 && len(term) == 1 && sg.lowerWord(i-1) && sg.titleWord(j)
	}
	k := j
	if isOpener(sg.tokText(k)) && k+1 < last {
		k++
	}
	next := sg.tokText(k)
	r, _ := utf8.DecodeRune(next)
	upper := unicode.IsUpper(r) || unicode.IsTitle(r)
	starts := upper || unicode.IsDigit(r) || toks[k].Kind == Symbol && r != '&' && r != '@'
	if unicode.IsLetter(r) && !unicode.IsUpper(r) && !unicode.IsLower(r) {
		starts = true // scripts without case
	}
	if upper && isCloser(sg.tokText(j-1)) && sg.saidNext(j, last) {
		return false // “We will fight!” Abana said.
	}
	switch {
	case string(term) == "...":
		return upper
	case len(term) > 1 && term[len(term)-1] == '.':
		// An abbreviation with its full stop.
		word := term[:len(term)-1]
		switch abbrevClass(word, sg.text, toks[i].End, len(sg.text)) {
		case abbrevNever, abbrevTitle:
			return false
		case abbrevMaybe:
			return upper && openers[normalize(next)] || k > j && upper
		}
		return starts
	}
	return starts
}

// lowerWord reports whether token i is a lower-case word of two or more
// letters.
func (sg *segmenter) lowerWord(i int) bool {
	c := caseOf(sg.tokText(i))
	return sg.doc.Tokens[i].Kind == Word && c.letters >= 2 && c.upper == 0
}

// titleWord reports whether token i is a capitalised word with lower-case
// letters after the capital ("He", not "US").
func (sg *segmenter) titleWord(i int) bool {
	c := caseOf(sg.tokText(i))
	return sg.doc.Tokens[i].Kind == Word && c.firstUpper && c.letters >= 2 && c.upper < c.letters
}

// saidNext reports whether the tokens from j are a short capitalised name
// and a speech verb: after a quotation ending in "!" or "?", "Abana said"
// continues the sentence.
func (sg *segmenter) saidNext(j, last int) bool {
	for k := j; k < last && k < j+4; k++ {
		if speechVerbs[normalize(sg.tokText(k))] {
			return k > j
		}
		if !caseOf(sg.tokText(k)).firstUpper {
			return false
		}
	}
	return false
}

// speechVerbs are the verbs of attribution that follow a quotation.
var speechVerbs = setOf(`said says told asked added wrote explained continued replied insisted noted warned
tweeted argued declared stated recalled`)

// openers are words that commonly begin a sentence and seldom follow an
// abbreviation inside one: after "U.S." or "Inc." a sentence ends only
// before one of these.
var openers = setOf(`the a an this that these those it its he she they we i you his her their our my there here
in on at for from by with as after before but and or so yet however meanwhile also still while when if although
though since because despite according under over what why how who where both all some many most no not one two
three four five last earlier later today yesterday now then such other another each every more mr mrs ms dr
officials analysts critics sources`)

func setOf(words string) map[string]bool {
	m := map[string]bool{}
	w := []rune{}
	for _, r := range words + " " {
		if r == ' ' || r == '\n' || r == '\t' {
			if len(w) > 0 {
				m[string(w)] = true
			}
			w = w[:0]
			continue
		}
		w = append(w, r)
	}
	return m
}
