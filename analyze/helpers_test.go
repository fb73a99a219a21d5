package analyze

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/crosscheck-go/crosscheck/tokenize"
	"github.com/kljensen/snowball/english"
)

// This file holds a small stand-in tokenizer so that the detectors can be
// tested on hand-written stories without depending on the real tokenize
// stage: it cuts sentences at . ! ? and line ends, finds cue words from
// short lists, money and percentages, and capitalised names.

var testCues = map[string]tokenize.CueKind{
	"not": tokenize.CueNegation, "never": tokenize.CueNegation, "no": tokenize.CueNegation,
	"n't": tokenize.CueNegation, "denied": tokenize.CueNegation, "nobody": tokenize.CueNegation,
	"may": tokenize.CueHedge, "might": tokenize.CueHedge, "could": tokenize.CueHedge,
	"would": tokenize.CueHedge, "reportedly": tokenize.CueHedge, "if": tokenize.CueHedge,
	"unless": tokenize.CueHedge,
	"said":   tokenize.CueAttribution, "according to": tokenize.CueAttribution,
	"sole": tokenize.CueExclusive, "solely": tokenize.CueExclusive, "exclusive": tokenize.CueExclusive,
	"exclusively": tokenize.CueExclusive, "only": tokenize.CueExclusive, "entirely": tokenize.CueExclusive,
	"exclusivity": tokenize.CueExclusive,
	"remains":     tokenize.CueContinue, "remain": tokenize.CueContinue, "still": tokenize.CueContinue,
	"continues": tokenize.CueContinue, "continue": tokenize.CueContinue,
	"ended": tokenize.CueChange, "no longer": tokenize.CueChange, "ceased": tokenize.CueChange,
	"terminated": tokenize.CueChange, "scrapped": tokenize.CueChange,
	"multiple": tokenize.CueMulti, "several": tokenize.CueMulti,
	"approved": tokenize.CueApproval, "consent": tokenize.CueApproval,
	"violated": tokenize.CueObjection, "breach": tokenize.CueObjection,
}

var tokRe = regexp.MustCompile(`\$|\d+(?:[.,]\d+)*|[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*|['’]s\b|n't\b|\S`)

var scales = map[string]float64{"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}

// testDoc tokenizes text for tests. aliases maps lower-case names to a
// canonical entity.
func testDoc(t testing.TB, id, text string, aliases map[string]string) *tokenize.Document {
	t.Helper()
	d := &tokenize.Document{Source: tokenize.Source{ID: id, Title: id, Text: []byte(text)}}
	lineStart := 0
	for lineStart < len(text) {
		lineEnd := strings.IndexByte(text[lineStart:], '\n')
		if lineEnd < 0 {
			lineEnd = len(text)
		} else {
			lineEnd += lineStart
		}
		if strings.TrimSpace(text[lineStart:lineEnd]) != "" {
			pi := len(d.Paragraphs)
			firstSent := len(d.Sentences)
			locs := tokRe.FindAllStringIndex(text[lineStart:lineEnd], -1)
			start := -1
			for k, l := range locs {
				a, b := l[0]+lineStart, l[1]+lineStart
				if start < 0 {
					start = len(d.Tokens)
				}
				d.Tokens = append(d.Tokens, makeToken(text, a, b, len(d.Tokens) == start))
				w := text[a:b]
				if w == "." || w == "!" || w == "?" || k == len(locs)-1 {
					addSentence(d, text, start, len(d.Tokens), pi, aliases)
					start = -1
				}
			}
			d.Paragraphs = append(d.Paragraphs, tokenize.Paragraph{Span: tokenize.Span{Start: lineStart, End: lineEnd}, First: firstSent, Last: len(d.Sentences)})
		}
		lineStart = lineEnd + 1
	}
	return d
}

func makeToken(text string, a, b int, initial bool) tokenize.Token {
	w := text[a:b]
	norm := strings.ToLower(strings.ReplaceAll(w, "’", "'"))
	tk := tokenize.Token{Span: tokenize.Span{Start: a, End: b}, Norm: norm, Stem: norm}
	r := []rune(w)
	switch {
	case unicode.IsDigit(r[0]):
		tk.Kind = tokenize.Number
	case w == "$":
		tk.Kind = tokenize.Symbol
	case unicode.IsLetter(r[0]) || norm == "'s" || norm == "n't":
		tk.Kind = tokenize.Word
		tk.Cap = unicode.IsUpper(r[0]) && !initial || len(r) > 1 && strings.ToUpper(w) == w
		if !tk.Cap {
			tk.Stem = english.Stem(norm, false)
		}
	default:
		tk.Kind = tokenize.Punct
	}
	return tk
}

func addSentence(d *tokenize.Document, text string, first, last, para int, aliases map[string]string) {
	toks := d.Tokens[first:last]
	s := tokenize.Sentence{Span: tokenize.Span{Start: toks[0].Start, End: toks[len(toks)-1].End}, First: first, Last: last, Para: para}
	if toks[len(toks)-1].Kind != tokenize.Punct {
		s.Heading = true
	}
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if i+1 < len(toks) {
			two := t.Norm + " " + toks[i+1].Norm
			if k, ok := testCues[two]; ok {
				s.Cues = append(s.Cues, tokenize.Cue{Span: tokenize.Span{Start: t.Start, End: toks[i+1].End}, Kind: k, Word: two})
				i++
				continue
			}
		}
		if k, ok := testCues[t.Norm]; ok {
			s.Cues = append(s.Cues, tokenize.Cue{Span: t.Span, Kind: k, Word: t.Norm})
		}
	}
	if toks[len(toks)-1].Norm == "?" {
		s.Cues = append(s.Cues, tokenize.Cue{Span: toks[len(toks)-1].Span, Kind: tokenize.CueQuestion, Word: "?"})
	}
	// Quantities.
	for i := 0; i < len(toks); i++ {
		a := i
		money := false
		if toks[i].Norm == "$" && i+1 < len(toks) && toks[i+1].Kind == tokenize.Number {
			money = true
			i++
		}
		if toks[i].Kind != tokenize.Number {
			continue
		}
		v, err := strconv.ParseFloat(strings.ReplaceAll(toks[i].Norm, ",", ""), 64)
		if err != nil {
			continue
		}
		b := i + 1
		if b < len(toks) {
			if m, ok := scales[toks[b].Norm]; ok {
				v *= m
				b++
			}
		}
		unit := ""
		if money {
			unit = "USD"
		} else if b < len(toks) && (toks[b].Norm == "%" || toks[b].Norm == "percent") {
			unit = "%"
			b++
		}
		approx := a > 0 && (toks[a-1].Norm == "around" || toks[a-1].Norm == "about" || toks[a-1].Norm == "nearly")
		q := tokenize.Quantity{Span: tokenize.Span{Start: toks[a].Start, End: toks[b-1].End}, Value: v, Unit: unit, Approx: approx}
		s.Quantities = append(s.Quantities, q)
		for k := a; k < b; k++ {
			if unit == "USD" {
				d.Tokens[first+k].Kind = tokenize.Money
			} else if unit == "%" {
				d.Tokens[first+k].Kind = tokenize.Percent
			}
		}
		i = b - 1
	}
	// Mentions: alias phrases first, then runs of capitalised words.
	for i := 0; i < len(toks); i++ {
		matched := false
		for n := 4; n >= 1 && !matched; n-- {
			if i+n > len(toks) {
				continue
			}
			var parts []string
			for _, t := range toks[i : i+n] {
				parts = append(parts, t.Norm)
			}
			if canon, ok := aliases[strings.Join(parts, " ")]; ok {
				s.Mentions = append(s.Mentions, tokenize.Mention{Span: tokenize.Span{Start: toks[i].Start, End: toks[i+n-1].End}, Entity: canon, Class: "company"})
				i += n - 1
				matched = true
			}
		}
		if matched || !toks[i].Cap || toks[i].Kind != tokenize.Word {
			continue
		}
		j := i
		for j < len(toks) && toks[j].Cap && toks[j].Kind == tokenize.Word {
			j++
		}
		name := text[toks[i].Start:toks[j-1].End]
		s.Mentions = append(s.Mentions, tokenize.Mention{Span: tokenize.Span{Start: toks[i].Start, End: toks[j-1].End}, Entity: name})
		i = j - 1
	}
	d.Sentences = append(d.Sentences, s)
}

func buildDocs(t testing.TB, ps []*testDocPair) []*tokenize.Document {
	t.Helper()
	out := make([]*tokenize.Document, 0, len(ps))
	for _, p := range ps {
		out = append(out, testDoc(t, p.id, p.text, caseAliases))
	}
	return out
}
