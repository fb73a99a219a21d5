package tokenize

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Entity mentions. Known entities come from the alias table; any other run
// of capitalised words or acronyms is an unknown entity named by its own
// words. Alias matching compares keys made by concatenating the normalised
// text of consecutive tokens with full stops removed, so it does not depend on
// how the tokenizer cuts "U.S." or "AT&T": an alias matches whole tokens
// whose concatenated keys equal its key.

// aliasEntry is one alias of the table with the conditions, read from how
// the configuration writes it, under which a single token may match it.
type aliasEntry struct {
	entity int // index into lexicon.entities
	// upper: the alias starts with a capital, so a one-token match must too
	// (a lower-case "microsoft" is still matched by a multi-word alias only).
	upper bool
	// common: the alias is also an ordinary word ("apple"); a one-token
	// match needs a capital that is not merely sentence-initial.
	common bool
	// acronym: a short all-capitals alias ("US", "UN"); a one-token match
	// must be all capitals too, so "us" and "Un" are not it.
	acronym bool
}

// aliasKey is the matching key of an alias or of a run of token norms:
// lower case, straight quotes, no full stops and no spaces.
func aliasKey(s string) string {
	var sb strings.Builder
	for _, r := range s {
		switch {
		case r == '.' || unicode.IsSpace(r):
		case r == '’' || r == '‘':
			sb.WriteByte('\'')
		case r == '–' || r == '—' || r == '‐' || r == '‑':
			sb.WriteByte('-')
		default:
			sb.WriteRune(unicode.ToLower(r))
		}
	}
	return sb.String()
}

func newAliasEntry(entity int, alias, key string, common bool) aliasEntry {
	e := aliasEntry{entity: entity, common: common}
	first, _ := utf8.DecodeRuneInString(strings.TrimSpace(alias))
	e.upper = unicode.IsUpper(first)
	letters, upper := 0, true
	for _, r := range alias {
		if unicode.IsLetter(r) {
			letters++
			if !unicode.IsUpper(r) {
				upper = false
			}
		}
	}
	e.acronym = upper && letters > 0 && letters <= 3 && utf8.RuneCountInString(key) <= 3
	return e
}

// tokenKey is a token's contribution to an alias key.
func tokenKey(t Token) string {
	if strings.IndexByte(t.Norm, '.') < 0 {
		return t.Norm
	}
	return strings.ReplaceAll(t.Norm, ".", "")
}

// allCaps reports whether s has letters and no lower-case letter.
func allCaps(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters > 0
}

// okSingle reports whether one token's text (or part of a token, for a
// hyphenated compound) may stand for the alias. capped says its capital is
// meaningful (Token.Cap).
func (e aliasEntry) okSingle(text string, capped bool) bool {
	first, _ := utf8.DecodeRuneInString(text)
	if e.upper && !unicode.IsUpper(first) {
		return false
	}
	if e.acronym && !allCaps(text) {
		return false
	}
	// The tokenizer's Cap already discounts sentence-initial and headline
	// capitals, which are exactly what makes "Paramount" or "Apple"
	// ambiguous.
	if e.common && !capped {
		return false
	}
	return true
}

// initialNameWord reports whether token i is the first word of the
// sentence, capitalised only because it is first as far as Token.Cap can
// tell, yet starting a name: followed by an unknown name word, as in
// "Veridian Group agreed ...". The tagger must not call it a verb, adverb or
// function word, and common modifiers ("New", "Former") never are.
func (sc *scan) initialNameWord(i int) bool {
	if i != 0 || i+1 >= len(sc.toks) || sc.s.Heading {
		return false
	}
	t := sc.toks[i]
	if sc.used[i] || t.Kind != Word || !sc.upperFirst(i) || nameStop[t.Norm] || sc.lx.titles[tokenKey(t)] {
		return false
	}
	switch t.Tag {
	case "NNP", "NNPS", "NN", "JJ": // the tagger often calls an unknown name JJ or NN
	default:
		return false
	}
	if initialModifiers[t.Norm] || sc.lx.notNames[tokenKey(t)] {
		return false
	}
	if _, _, ok := sc.aliasAt(i + 1); ok {
		return false // "Core Azure ...": the known name stands alone
	}
	return sc.isNameToken(i + 1)
}

// initialEarlierName reads a sentence-initial capitalised word that the
// document has already used as an unknown name, or as the first word of
// one: after "Veridian Group agreed ...", a sentence "Veridian remains ..."
// mentions Veridian Group.
func (sc *scan) initialEarlierName(i int) (Mention, bool) {
	if i != 0 || sc.used[i] || sc.toks[i].Kind != Word || !sc.upperFirst(i) || nameStop[sc.toks[i].Norm] {
		return Mention{}, false
	}
	word := sc.spanText(sc.toks[i].Span)
	budget := lookbackBudget
	for p := sc.si - 1; p >= 0 && p >= sc.si-surnameLookback && budget > 0; p-- {
		prev := sc.d.Sentences[p].Mentions
		for j := len(prev) - 1; j >= 0 && budget > 0; j-- {
			budget--
			c := prev[j]
			if c.Class != "" {
				continue
			}
			first, _, _ := strings.Cut(c.Entity, " ")
			if first == word {
				return Mention{Span: sc.toks[i].Span, Entity: c.Entity}, true
			}
		}
	}
	return Mention{}, false
}

// initialModifiers are ordinary words that often open a sentence before a
// name: "New Zentrix phones", "Several Acme shareholders".
var initialModifiers = map[string]bool{
	"new": true, "old": true, "big": true, "top": true, "major": true, "former": true, "latest": true,
	"early": true, "late": true, "last": true, "next": true, "first": true, "second": true, "many": true,
	"most": true, "several": true, "some": true, "both": true, "each": true, "every": true, "all": true,
	"other": true, "another": true, "such": true, "senior": true, "local": true, "federal": true,
	"state": true, "national": true, "international": true, "global": true, "rival": true, "key": true,
	"core": true, "only": true, "few": true, "fellow": true, "leading": true, "current": true,
}

// inLongerName reports whether a one-word alias of a person or place is
// only part of a longer capitalised name: "Tom Ellison" is not Larry
// Ellison, "New Mexico" is not Mexico, "London Stock Exchange" is not London.
// Companies and products are often written next to other names ("Amazon
// AWS", "Microsoft Azure") and are not held back.
func (sc *scan) inLongerName(i int, e aliasEntry) bool {
	switch sc.lx.entities[e.entity].Class {
	case "person", "place":
	default:
		return false
	}
	if i > 0 && sc.isNameToken(i-1) {
		return true
	}
	if i+1 < len(sc.toks) && sc.isNameToken(i+1) {
		// A known name next to it is not a longer name: "Biden White House".
		_, _, known := sc.aliasMatch(i+1, false)
		return !known
	}
	return false
}

// okMulti reports whether tokens [i, j] may stand for a multi-word alias.
// Case does not matter, but a name is never written all in lower case, and
// after a leading "the" the next word must have its capital: "the
// information" and "the verge of" are not the news sites, "the White
// House" is the White House.
func (sc *scan) okMulti(i, j int) bool {
	if sc.toks[i].Norm == "the" {
		return sc.upperFirst(i + 1)
	}
	for k := i; k <= j; k++ {
		if sc.upperFirst(k) {
			return true
		}
	}
	return false
}

// aliasAt returns the longest alias match starting at token i: its end
// (exclusive) and entry.
func (sc *scan) aliasAt(i int) (int, aliasEntry, bool) { return sc.aliasMatch(i, true) }

// aliasMatch is aliasAt; context says whether to hold back a one-word
// person or place alias inside a longer name. inLongerName asks without
// context, so a run of names costs linear time, not quadratic.
func (sc *scan) aliasMatch(i int, context bool) (int, aliasEntry, bool) {
	lx := sc.lx
	var (
		arr     [128]byte
		best    aliasEntry
		bestEnd int
		found   bool
	)
	acc := arr[:0]
	for j := i; j < len(sc.toks); j++ {
		t := sc.toks[j]
		if sc.used[j] || t.Kind == Punct && t.Norm != "&" {
			break
		}
		k := tokenKey(t)
		if k == "" {
			break
		}
		acc = append(acc, k...)
		// The conversions in map indexes do not allocate.
		if !lx.aliasMay.mayHave(acc) || !lx.aliasPrefix[string(acc)] {
			break
		}
		e, ok := lx.aliases[string(acc)]
		if !ok {
			continue
		}
		if j == i && !e.okSingle(sc.text(i), t.Cap) || j > i && !sc.okMulti(i, j) {
			continue
		}
		if j == i && context && sc.inLongerName(i, e) {
			continue
		}
		best, bestEnd, found = e, j+1, true
	}
	return bestEnd, best, found
}

// connectors may join capitalised words inside one unknown name:
// "Department of Defense", "Bank of the West", "Rio Grande do Sul".
var connectors = map[string]bool{
	"of": true, "the": true, "for": true, "&": true, "de": true, "del": true, "der": true, "van": true, "von": true,
	"do": true, "da": true, "dos": true, "das": true, "di": true, "du": true, "bin": true, "ibn": true,
}

// nameStop are capitalised words that never start or end an unknown name:
// function words capitalised in headings or after a colon.
var nameStop = map[string]bool{
	"the": true, "a": true, "an": true, "this": true, "that": true, "these": true, "those": true, "it": true,
	"its": true, "he": true, "she": true, "they": true, "we": true, "i": true, "you": true, "our": true,
	"their": true, "his": true, "her": true, "in": true, "on": true, "at": true, "for": true, "but": true,
	"and": true, "or": true, "if": true, "as": true, "by": true, "with": true, "from": true, "to": true,
	"of": true, "is": true, "are": true, "was": true, "were": true, "do": true, "does": true, "did": true,
	"has": true, "have": true, "had": true, "can": true, "could": true, "would": true, "should": true,
	"how": true, "what": true, "why": true, "when": true, "where": true, "who": true, "which": true,
	"there": true, "here": true, "not": true, "no": true, "yes": true,
}

// isNameToken reports whether token i can be part of an unknown name.
func (sc *scan) isNameToken(i int) bool {
	t := sc.toks[i]
	return !sc.used[i] && t.Kind == Word && t.Cap && t.Norm != "'s" && !sc.lx.titles[tokenKey(t)]
}

// mentions finds entity mentions: alias matches first (greedy, longest),
// then runs of capitalised words. A run stops where an alias starts, so
// "Microsoft Azure" stays one known mention and "CEO Satya Nadella" does not
// swallow a known name. In a heading, where every word is capitalised, only
// alias matches and acronyms count.
func (sc *scan) mentions() []Mention {
	var out []Mention
	toks := sc.toks
	for i := 0; i < len(toks); {
		if end, e, ok := sc.aliasAt(i); ok {
			ent := sc.lx.entities[e.entity]
			out = append(out, Mention{Span: Span{toks[i].Start, toks[end-1].End}, Entity: ent.Name, Class: ent.Class})
			i = end
			continue
		}
		if toks[i].Kind == Word && !sc.used[i] && strings.ContainsAny(toks[i].Norm, "-/") {
			if parts := sc.compoundMentions(i); len(parts) > 0 {
				out = append(out, parts...)
				i++
				continue
			}
		}
		if !sc.isNameToken(i) && !sc.initialNameWord(i) {
			if m, ok := sc.initialEarlierName(i); ok {
				out = append(out, m)
			}
			i++
			continue
		}
		j := i + 1
		for j < len(toks) {
			if _, _, ok := sc.aliasAt(j); ok {
				break
			}
			if sc.isNameToken(j) {
				j++
				continue
			}
			// A connector counts only between two name words. A known
			// place after it belongs to the name: "University of Nicaragua".
			if connectors[toks[j].Norm] && !toks[j].Cap && j+1 < len(toks) && sc.isNameToken(j+1) {
				end, e, ok := sc.aliasAt(j + 1)
				if !ok {
					j += 2
					continue
				}
				if sc.lx.entities[e.entity].Class == "place" {
					j = end
					continue
				}
			}
			break
		}
		if m, ok := sc.unknownMention(i, j); ok {
			out = append(out, m)
		}
		i = j
	}
	sort.SliceStable(out, func(a, b int) bool {
		if out[a].Start != out[b].Start {
			return out[a].Start < out[b].Start
		}
		return out[a].End < out[b].End
	})
	for k := range out {
		sc.resolveSurname(out, k)
	}
	return out
}

// surnameLookback bounds how many earlier sentences resolveSurname and
// initialEarlierName read, and lookbackBudget how many earlier mentions,
// so the cost per mention stays fixed on long or pathological documents.
const (
	surnameLookback = 200
	lookbackBudget  = 2000
)

// resolveSurname gives a one-word person or unknown mention the entity of
// the latest earlier mention in the document whose name ends with that word
// (after "Rosario Murillo", "Murillo" is her; after "Tom Ellison", "Ellison"
// is not the Larry Ellison of the alias table) or, for an unknown name,
// starts with it ("Hollis" after "Hollis Foods"). It relies on the tokenizer
// annotating sentences in order; out of order it only resolves less.
func (sc *scan) resolveSurname(ms []Mention, k int) {
	m := &ms[k]
	if m.Class != "" && m.Class != "person" {
		return
	}
	word := sc.spanText(m.Span)
	if word == "" || strings.ContainsFunc(word, unicode.IsSpace) {
		return
	}
	match := func(c Mention) bool {
		if c.Class != "" && c.Class != "person" || c.Entity == m.Entity {
			return false
		}
		sp := strings.LastIndexFunc(c.Entity, unicode.IsSpace)
		if sp > 0 && strings.EqualFold(c.Entity[sp+1:], word) {
			return true
		}
		// An unknown organisation is shortened to its first word:
		// "Hollis" after "Hollis Foods".
		sp = strings.IndexFunc(c.Entity, unicode.IsSpace)
		return c.Class == "" && m.Class == "" && sp > 0 && strings.EqualFold(c.Entity[:sp], word)
	}
	budget := lookbackBudget
	for j := k - 1; j >= 0 && budget > 0; j-- {
		budget--
		if match(ms[j]) {
			m.Entity, m.Class = ms[j].Entity, ms[j].Class
			return
		}
	}
	si := sc.si
	for p := si - 1; p >= 0 && p >= si-surnameLookback && budget > 0; p-- {
		prev := sc.d.Sentences[p].Mentions
		for j := len(prev) - 1; j >= 0 && budget > 0; j-- {
			budget--
			if match(prev[j]) {
				m.Entity, m.Class = prev[j].Entity, prev[j].Class
				return
			}
		}
	}
}

// unknownMention makes a mention of tokens [i, j), trimmed of function
// words at either end; ok is false when nothing worth naming is left.
func (sc *scan) unknownMention(i, j int) (Mention, bool) {
	for i < j && nameStop[sc.toks[i].Norm] {
		i++
	}
	for j > i && (nameStop[sc.toks[j-1].Norm] || connectors[sc.toks[j-1].Norm]) {
		j--
	}
	if i >= j {
		return Mention{}, false
	}
	if j == i+1 && !sc.nameWord(i) {
		return Mention{}, false
	}
	if j-i >= 3 && sc.shouted(i, j) {
		return Mention{}, false // a line in capitals: "VIEW ALL PHOTOS IN GALLERY"
	}
	if sc.s.Heading {
		for k := i; k < j; k++ {
			if txt := sc.text(k); !allCaps(txt) || utf8.RuneCountInString(txt) < 2 {
				return Mention{}, false
			}
		}
	}
	span := Span{sc.toks[i].Start, sc.toks[j-1].End}
	name := strings.Join(strings.Fields(sc.spanText(span)), " ")
	if name == "" {
		return Mention{}, false
	}
	return Mention{Span: span, Entity: name}, true
}

// nameWord reports whether token i, standing alone, can be an unknown
// name: not a configured non-name ("AI", "CEO"), not a month or weekday
// (dates are read elsewhere, and need the source's date when relative), and
// not a period label (Q1, H2), and not a hyphenated word with a lower-case
// part ("AI-driven").
func (sc *scan) nameWord(i int) bool {
	n := sc.toks[i].Norm
	if sc.lx.notNames[tokenKey(sc.toks[i])] {
		return false
	}
	if _, ok := monthNames[strings.TrimSuffix(n, ".")]; ok {
		return false
	}
	if _, ok := weekdayNames[n]; ok {
		return false
	}
	if len(n) == 2 && (n[0] == 'q' && n[1] >= '1' && n[1] <= '4' || n[0] == 'h' && (n[1] == '1' || n[1] == '2')) {
		return false // a quarter or half without its year: Q1, H2
	}
	if strings.ContainsAny(n, "-") {
		for _, part := range strings.Split(sc.text(i), "-") {
			if part != "" && !strings.ContainsFunc(part, unicode.IsUpper) {
				return false
			}
		}
	}
	return true
}

// shouted reports whether every token of [i, j) is written in capitals.
func (sc *scan) shouted(i, j int) bool {
	for k := i; k < j; k++ {
		if !allCaps(sc.text(k)) {
			return false
		}
	}
	return true
}

func (sc *scan) spanText(s Span) string {
	if s.Start < 0 || s.End > len(sc.d.Source.Text) || s.Start > s.End {
		return ""
	}
	return string(sc.d.Source.Text[s.Start:s.End])
}

// compoundMentions finds known entities among the parts of a hyphenated or
// slashed token: "Microsoft-OpenAI" mentions Microsoft and OpenAI. Offsets
// of the parts are computed inside the token's own text.
func (sc *scan) compoundMentions(i int) []Mention {
	t := sc.toks[i]
	txt := sc.spanText(t.Span)
	if txt == "" {
		return nil
	}
	var out []Mention
	start := 0
	emit := func(end int) {
		part := txt[start:end]
		if key := aliasKey(part); key != "" && end > start {
			if e, ok := sc.lx.aliases[key]; ok && e.okSingle(part, t.Cap && isCapital(part)) {
				ent := sc.lx.entities[e.entity]
				out = append(out, Mention{Span: Span{t.Start + start, t.Start + end}, Entity: ent.Name, Class: ent.Class})
			}
		}
	}
	for k, r := range txt {
		if r == '-' || r == '/' || r == '‐' || r == '‑' {
			emit(k)
			start = k + utf8.RuneLen(r)
		}
	}
	emit(len(txt))
	return out
}

func isCapital(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}
