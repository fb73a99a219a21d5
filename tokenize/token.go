package tokenize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token scanning. The scanner walks bytes once, left to right, and cuts
// tokens with their offsets as it goes, so every token's text is exactly
// src.Text[Start:End]. Bytes that are not valid UTF-8, control characters
// and invisible separators are treated like white space: they stay in the
// text (offsets are never shifted) but belong to no token.

const (
	// maxWordBytes bounds one word token; a longer run of letters (a
	// pasted hash, a base64 blob) is cut into pieces so one token never
	// costs more than a fixed amount of work downstream.
	maxWordBytes = 256
	// maxURLBytes bounds a URL token for the same reason.
	maxURLBytes = 2048
)

// isSep reports whether r separates tokens without being one.
func isSep(r rune) bool {
	switch r {
	case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', utf8.RuneError:
		return true
	}
	if r < utf8.RuneSelf {
		// In ASCII, exactly the controls and the space (no format
		// characters), without the table search below.
		return r <= ' ' || r == 0x7f
	}
	// Format characters (direction marks, soft hyphens outside words)
	// are invisible: they separate, they are never tokens.
	return unicode.IsSpace(r) || unicode.IsControl(r) || unicode.Is(unicode.Cf, r)
}

// isWordRune reports whether r is part of a word's body.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		// ASCII has no marks: letters, digits and '_' only, without the
		// table searches below (a space ends every word).
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '_'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r) || r == '_'
}

func isAlnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// isSymbolRune reports whether r is a Symbol token rather than punctuation.
func isSymbolRune(r rune) bool {
	switch r {
	case '%', '‰', '#', '@', '&':
		return true
	}
	return unicode.IsSymbol(r)
}

// decodeAt decodes the rune at text[p:end]; a zero-length or invalid
// sequence reports utf8.RuneError with size 1 so the caller always advances.
func decodeAt(text []byte, p, end int) (rune, int) {
	if p >= end {
		return utf8.RuneError, 0
	}
	if c := text[p]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	r, n := utf8.DecodeRune(text[p:end])
	if n == 0 {
		n = 1
	}
	return r, n
}

// scanTokens appends the tokens of text[p:end] to toks. Only Span and Kind
// are set here; Norm, Stem and Cap are filled once the whole document is cut.
func scanTokens(text []byte, p, end int, toks []Token) []Token {
	for p < end {
		r, n := decodeAt(text, p, end)
		if isSep(r) {
			p += n
			continue
		}
		switch {
		case isURLStart(text, p, end):
			q := scanURL(text, p, end)
			toks = append(toks, Token{Span: Span{p, q}, Kind: Word})
			p = q
		case isWordRune(r):
			var q int
			toks, q = scanWord(text, p, end, toks)
			p = q
		case r == '.':
			// A run of full stops is one token: "." or an ellipsis "...".
			q := p + 1
			for q < end && text[q] == '.' {
				q++
			}
			toks = append(toks, Token{Span: Span{p, q}, Kind: Punct})
			p = q
		case r == '-' && p+1 < end && text[p+1] == '-':
			q := p + 2
			for q < end && text[q] == '-' {
				q++
			}
			toks = append(toks, Token{Span: Span{p, q}, Kind: Punct})
			p = q
		case isSymbolRune(r):
			toks = append(toks, Token{Span: Span{p, p + n}, Kind: Symbol})
			p += n
		default:
			toks = append(toks, Token{Span: Span{p, p + n}, Kind: Punct})
			p += n
		}
	}
	return toks
}

// isURLStart reports whether a URL or a www. host starts at p.
func isURLStart(text []byte, p, end int) bool {
	if c := text[p] | 0x20; c != 'h' && c != 'w' { // cheap reject for most tokens
		return false
	}
	rest := text[p:end]
	if len(rest) > 12 {
		rest = rest[:12]
	}
	s := strings.ToLower(string(rest))
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "www.")
}

// scanURL returns the end of the URL starting at p: up to white space, minus
// trailing punctuation that belongs to the sentence ("see https://x.org/a.").
func scanURL(text []byte, p, end int) int {
	q := p
	for q < end && q-p < maxURLBytes {
		r, n := decodeAt(text, q, end)
		if isSep(r) || r == '"' || r == '<' || r == '>' || r == '“' || r == '”' {
			break
		}
		q += n
	}
	for q > p {
		c := text[q-1]
		if strings.IndexByte(".,;:!?)]}'", c) < 0 {
			break
		}
		// Keep a closing bracket that has its opening one inside the URL.
		if (c == ')' && strings.Count(string(text[p:q]), "(") >= strings.Count(string(text[p:q]), ")")) ||
			(c == ']' && strings.Count(string(text[p:q]), "[") >= strings.Count(string(text[p:q]), "]")) {
			break
		}
		q--
	}
	if q == p { // cannot happen for a real prefix, but never return an empty token
		_, n := decodeAt(text, p, end)
		q = p + n
	}
	return q
}

// scanWord cuts a word or number starting at p and appends it (and a split
// possessive "'s") to toks. It returns the offset after what it consumed.
func scanWord(text []byte, p, end int, toks []Token) ([]Token, int) {
	q := p
	segStart := p // start of the current dot-separated segment, for initials
	for q < end {
		r, n := decodeAt(text, q, end)
		if isWordRune(r) {
			if q+n-p > maxWordBytes {
				break
			}
			q += n
			continue
		}
		if q == p {
			break
		}
		prev, _ := utf8.DecodeLastRune(text[p:q])
		next, nn := decodeAt(text, q+n, end)
		if nn == 0 {
			break
		}
		join := false
		switch r {
		case '-', '\u2010', '\u2011': // hyphen, non-breaking hyphen
			join = isAlnum(prev) && isAlnum(next)
		case '\'', '’':
			if unicode.IsLetter(prev) && unicode.IsLetter(next) {
				// A possessive or "it's" is split: "'s" is its own token.
				if (next == 's' || next == 'S') && !isWordRune(runeAfter(text, q+n+nn, end)) {
					join = false
				} else {
					join = true
				}
			}
		case '.':
			switch {
			case unicode.IsDigit(prev) && unicode.IsDigit(next):
				join = true // 1.5
			case unicode.IsLetter(prev) && unicode.IsLetter(next):
				// U.S, e.g (initials) or a host name / file name with a
				// lower-case part after the dot (openai.com, Node.js); a
				// capital after a long word is a missing space ("end.The").
				join = utf8.RuneCount(text[segStart:q]) == 1 || unicode.IsLower(next)
			}
			if join {
				segStart = q + n
			}
		case ',':
			// 1,000 and 2,500,000: exactly three digits follow.
			if unicode.IsDigit(prev) && q+4 <= end && isDigits(text[q+1:q+4]) && (q+4 == end || !unicode.IsDigit(runeAfter(text, q+4, end))) {
				join = true
			}
		case ':', '/':
			join = unicode.IsDigit(prev) && unicode.IsDigit(next) // 9:30, 2/27/2026, 24/7
		case '&':
			join = unicode.IsUpper(prev) && unicode.IsUpper(next) // AT&T
		case '·':
			join = unicode.IsLetter(prev) && unicode.IsLetter(next) // DALL·E
		case '\u00ad': // a soft hyphen inside a word: "exam\u00adple"
			join = unicode.IsLetter(prev) && unicode.IsLetter(next)
		case '@':
			join = isAlnum(prev) && isAlnum(next) && strings.IndexByte(string(text[p:q]), '@') < 0
		}
		if !join || q+n+nn-p > maxWordBytes {
			break
		}
		q += n
	}
	if q == p { // defensive: always consume one rune
		_, n := decodeAt(text, p, end)
		q = p + n
	}
	// Product names end in plus signs: "Disney+", "C++" (a capitalised
	// word only, so "5+ years" keeps its symbol).
	if first, _ := utf8.DecodeRune(text[p:q]); unicode.IsUpper(first) && q < end && text[q] == '+' {
		k := q + 1
		if k < end && text[k] == '+' {
			k++
		}
		if !isWordRune(runeAfter(text, k, end)) && text[q-1] != '+' {
			q = k
		}
	}
	// A trailing full stop belongs to an abbreviation or initial ("U.S.",
	// "Mr.", "J."), but not to an ellipsis.
	if q < end && text[q] == '.' && (q+1 >= end || text[q+1] != '.') && abbrevClass(text[p:q], text, q+1, end) != abbrevNone {
		q++
	}
	toks = append(toks, Token{Span: Span{p, q}, Kind: wordKind(text[p:q])})
	// The possessive "'s" after the word.
	if q < end {
		r, n := decodeAt(text, q, end)
		if (r == '\'' || r == '’') && q+n < end && (text[q+n] == 's' || text[q+n] == 'S') && !isWordRune(runeAfter(text, q+n+1, end)) && p < q {
			if prev, _ := utf8.DecodeLastRune(text[p:q]); unicode.IsLetter(prev) || unicode.IsDigit(prev) {
				toks = append(toks, Token{Span: Span{q, q + n + 1}, Kind: Word})
				q += n + 1
			}
		}
	}
	return toks, q
}

func runeAfter(text []byte, p, end int) rune {
	if p >= end {
		return ' '
	}
	r, _ := decodeAt(text, p, end)
	return r
}

func isDigits(b []byte) bool {
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return len(b) > 0
}

// numberSuffixes are letters that may follow the digits of a Number token:
// scales (50B, 110bn, 3k), ordinals (2nd), decades (1990s) and multiples (3x).
var numberSuffixes = map[string]bool{
	"": true, "k": true, "m": true, "mn": true, "mm": true, "b": true, "bn": true, "tn": true, "t": true, "tr": true,
	"st": true, "nd": true, "rd": true, "th": true, "s": true, "x": true,
}

// wordKind classifies a scanned word: a Number when it is digits (with
// separators) and at most a scale or ordinal suffix, otherwise a Word.
func wordKind(b []byte) Kind {
	if len(b) == 0 || b[0] < '0' || b[0] > '9' {
		return Word
	}
	i := 0
	for i < len(b) && (b[i] >= '0' && b[i] <= '9' || b[i] == '.' || b[i] == ',' || b[i] == ':' || b[i] == '/' || b[i] == '-') {
		i++
	}
	if b[i-1] == '-' { // "10-year" is a word
		return Word
	}
	if numberSuffixes[strings.ToLower(string(b[i:]))] {
		return Number
	}
	return Word
}

// Abbreviations. A trailing full stop is part of the token for these; the
// segmenter then decides whether the stop also ends the sentence.
type abbrev uint8

const (
	abbrevNone abbrev = iota
	// abbrevTitle precedes a name or number and never ends a sentence
	// followed by a capital or digit: Mr., Dr., Jan., No. 5, vs.
	abbrevTitle
	// abbrevMaybe may end a sentence: U.S., Inc., Corp., initials. The
	// sentence ends only when a typical sentence opener follows.
	abbrevMaybe
	// abbrevNever is followed by more of the same sentence: e.g., i.e.
	abbrevNever
)

var titleAbbrevs = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "mt": true, "ft": true,
	"gen": true, "gov": true, "sen": true, "rep": true, "rev": true, "sgt": true, "capt": true, "lt": true, "col": true,
	"cmdr": true, "adm": true, "hon": true, "pres": true, "supt": true, "det": true, "insp": true,
	"vs": true, "v": true, "cf": true, "approx": true, "ca": true, "fig": true, "figs": true, "vol": true, "pp": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true,
	"sept": true, "oct": true, "nov": true, "dec": true,
}

// lowerTitleAbbrevs may be written in lower case; the other title
// abbreviations count only when capitalised ("Mar." but not "mar.").
var lowerTitleAbbrevs = map[string]bool{
	"vs": true, "v": true, "cf": true, "approx": true, "ca": true, "fig": true, "figs": true, "vol": true, "pp": true,
}

var maybeAbbrevs = map[string]bool{
	"inc": true, "corp": true, "ltd": true, "co": true, "llc": true, "plc": true, "bros": true, "jr": true, "sr": true,
	"etc": true, "dept": true, "univ": true, "assn": true, "est": true, "ave": true, "blvd": true, "rd": true,
	"st": true, "mon": true, "tue": true, "tues": true, "wed": true, "thu": true, "thurs": true, "fri": true,
}

// stateAbbrevs are U.S. state abbreviations of news style ("College Park,
// Md., said"); several are also words (ill, miss, wash), so they count only
// when capitalised.
var stateAbbrevs = map[string]bool{
	"ala": true, "ariz": true, "ark": true, "calif": true, "colo": true, "conn": true, "fla": true, "ga": true,
	"ill": true, "ind": true, "kan": true, "kans": true, "ky": true, "md": true, "mass": true, "mich": true,
	"minn": true, "miss": true, "mo": true, "mont": true, "neb": true, "nev": true, "okla": true, "ore": true,
	"pa": true, "tenn": true, "tex": true, "va": true, "vt": true, "wash": true, "wis": true, "wyo": true,
}

// abbrevClass classifies word (the text before a full stop). rest is where
// scanning would continue after the stop, used for "No. 5".
func abbrevClass(word, text []byte, rest, end int) abbrev {
	n := utf8.RuneCount(word)
	if n == 0 {
		return abbrevNone
	}
	first, _ := utf8.DecodeRune(word)
	if n == 1 {
		if unicode.IsUpper(first) && first != 'I' {
			return abbrevMaybe // an initial: "John F. Kennedy"
		}
		return abbrevNone
	}
	lw := strings.ToLower(string(word))
	switch lw {
	case "e.g", "i.e", "viz", "incl":
		return abbrevNever
	case "no", "nos":
		// "No. 5" only: "No." before anything else is the word no.
		for p := rest; p < end; p++ {
			if text[p] == ' ' {
				continue
			}
			if text[p] >= '0' && text[p] <= '9' {
				return abbrevTitle
			}
			break
		}
		return abbrevNone
	}
	if isInitialism(word) {
		return abbrevMaybe // U.S, U.K, a.m
	}
	if !unicode.IsLetter(first) {
		return abbrevNone
	}
	if titleAbbrevs[lw] && (unicode.IsUpper(first) || lowerTitleAbbrevs[lw]) {
		return abbrevTitle
	}
	if maybeAbbrevs[lw] || stateAbbrevs[lw] && unicode.IsUpper(first) {
		return abbrevMaybe
	}
	return abbrevNone
}

// isInitialism reports whether word is single letters joined by full stops:
// "U.S", "a.m", "e.g".
func isInitialism(word []byte) bool {
	seg := 0
	dots := 0
	for _, r := range string(word) {
		if r == '.' {
			if seg != 1 {
				return false
			}
			seg = 0
			dots++
			continue
		}
		if !unicode.IsLetter(r) {
			return false
		}
		seg++
	}
	return dots > 0 && seg == 1
}

// normalize returns the case-folded form of a token's text with curly quotes
// made straight, dashes made "-" and "…" made "...".
func normalize(b []byte) string {
	ascii := true
	upper := false
	for _, c := range b {
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
		if 'A' <= c && c <= 'Z' {
			upper = true
		}
	}
	if ascii {
		if !upper {
			return string(b)
		}
		out := make([]byte, len(b))
		for i, c := range b {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			out[i] = c
		}
		return string(out)
	}
	var sb strings.Builder
	sb.Grow(len(b))
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		i += n
		switch r {
		case '‘', '’', '‚', '‛', '′':
			sb.WriteByte('\'')
		case '“', '”', '„', '‟', '″', '«', '»':
			sb.WriteByte('"')
		case '‐', '‑', '‒', '–', '—', '―', '−', '\u2e3a', '\u2e3b':
			sb.WriteByte('-')
		case '…':
			sb.WriteString("...")
		case '\u00ad':
			// a soft hyphen is invisible: "exam-ple" is "example"
		default:
			sb.WriteRune(unicode.ToLower(r))
		}
	}
	return sb.String()
}
