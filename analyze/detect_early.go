package analyze

import (
	"fmt"
	"strings"
	"time"

	"github.com/crosscheck-go/crosscheck/tokenize"
)

// stopLimit returns the day until which a says a stopped or lasting state
// holds at least: "until (at least) Wednesday" (a date written after
// "until"), or "for (at least) a week" / "for three days" counted from
// a's publication day; and the span saying so.
func (c *claim) stopLimit() (time.Time, tokenize.Span, bool) {
	for i, t := range c.toks {
		switch t.Norm {
		case "until", "till":
			for _, d := range c.dates {
				if d.Start >= t.End && d.Start-t.End <= len(" at the earliest ") && !period(d) {
					return d.From, tokenize.Span{Start: t.Start, End: d.End}, true
				}
			}
		case "for":
			j := i + 1
			if j+1 < len(c.toks) && c.toks[j].Norm == "at" && c.toks[j+1].Norm == "least" {
				j += 2
			}
			if j+1 >= len(c.toks) {
				continue
			}
			n, ok := countWord(c.toks[j])
			if !ok {
				continue
			}
			pub, _ := publishedDay(c)
			if pub.IsZero() {
				continue
			}
			var limit time.Time
			switch strings.TrimSuffix(c.toks[j+1].Norm, "s") {
			case "day":
				limit = pub.AddDate(0, 0, n)
			case "week":
				limit = pub.AddDate(0, 0, 7*n)
			case "month":
				limit = pub.AddDate(0, n, 0)
			default:
				continue
			}
			return limit, tokenize.Span{Start: t.Start, End: c.toks[j+1].End}, true
		}
	}
	return time.Time{}, tokenize.Span{}, false
}

// countWord reads a small count: a digit string, a number word up to
// twelve, or "a"/"an"/"one".
func countWord(t tokenize.Token) (int, bool) {
	words := map[string]int{"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
		"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
	if n, ok := words[t.Norm]; ok {
		return n, true
	}
	n := 0
	for _, r := range t.Norm {
		if r < '0' || r > '9' || n > 1000 {
			return 0, false
		}
		n = n*10 + int(r-'0')
	}
	return n, n > 0
}

// detectEarlyEnd: a says a stopped or lasting state holds until at least a
// day ("has suspended the route until at least Wednesday", "the notice
// would remain in place for at least a week"); b says it ends before then
// ("the route will reopen on Tuesday", "lifted the boil-water notice on
// Wednesday, three days after it was issued"). News of the earlier end
// from a later source supersedes the limit (temporal); from the same day
// or earlier, the two disagree (polarity).
func (an *analyzer) detectEarlyEnd(a, b *claim) (judgement, bool) {
	if a.cond || b.cond {
		return judgement{}, false
	}
	limit, limSpan, ok := a.stopLimit()
	if !ok {
		return judgement{}, false
	}
	ends := an.restorations(b)
	if len(ends) == 0 {
		return judgement{}, false
	}
	end := ends[0]
	thing := restoredIn(a, b, end)
	if thing == "" {
		return judgement{}, false
	}
	// When b ends it: the day written in b, else b's publication day for
	// a past restoration.
	var when time.Time
	for _, d := range b.dates {
		if !period(d) && !d.From.IsZero() {
			when = d.From
			break
		}
	}
	if when.IsZero() {
		when, _ = publishedDay(b)
	}
	if when.IsZero() || !when.Before(limit) {
		return judgement{}, false
	}
	kind, score := KindPolarity, 0.6
	expl := fmt.Sprintf("%s says it lasts %q; %s says it ends sooner (%q, %s).", src(a), txt(a, limSpan), src(b), end.text, when.Format("2006-01-02"))
	pa, _ := publishedDay(a)
	if pb, _ := publishedDay(b); !pa.IsZero() && pb.After(pa) {
		kind, score = KindTemporal, 0.5
		expl = fmt.Sprintf("%s said it would last %q; %s, published later, says it ends sooner (%q, %s): the earlier statement is superseded.", src(a), txt(a, limSpan), src(b), end.text, when.Format("2006-01-02"))
	}
	return judgement{
		kind:  kind,
		score: clamp01(score * hedgeFactor(a, b)),
		cues: []Cue{
			{Kind: "limit", Side: "a", Text: txt(a, limSpan)},
			{Kind: string(tokenize.CueChange), Side: "b", Text: end.text},
			{Kind: "state", Text: thing},
		},
		hlA:      []tokenize.Span{limSpan},
		hlB:      []tokenize.Span{end.span},
		expl:     expl,
		keyA:     "state:limit:" + thing,
		keyB:     "state:ended:" + thing,
		specific: true,
	}, true
}

// restorations returns c's restoration cues ("reopened", "restored") that
// it asserts: not negated, not a mere possibility, not a noun.
func (an *analyzer) restorations(c *claim) []cueAt {
	var out []cueAt
	for _, cu := range c.cues {
		if cu.kind != tokenize.CueChange || !an.lx.restores[cu.text] || c.nounAt(cu.a) {
			continue
		}
		if _, neg := c.cueNear(tokenize.CueNegation, cu.a, cu.b, 2); neg || c.speculativeAt(cu.a) {
			continue
		}
		out = append(out, cu)
	}
	return out
}
