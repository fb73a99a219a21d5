package analyze

import (
	"fmt"

	"github.com/crosscheck-go/crosscheck/tokenize"
)

var monthNumbers = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
	"july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}

// schedule is a month a claim plans something for: "would reach
// pharmacies in March" (3, pharmaci).
type schedule struct {
	month int
	what  string // the stem of the noun right before the month phrase
	span  tokenize.Span
}

// findSchedules returns the months the claim plans things for: a
// capitalised month name after in/from/by/until, in a clause with a word of
// plan, and the noun just before the phrase ("pharmacies in March").
func (c *claim) findSchedules() []schedule {
	var out []schedule
	for i, t := range c.toks {
		m, ok := monthNumbers[t.Norm]
		if !ok || i < 2 || !startsUpper(c.d.Text(t.Span)) {
			continue
		}
		switch c.toks[i-1].Norm {
		case "in", "from", "by", "until":
		default:
			continue
		}
		if i+1 < len(c.toks) && c.toks[i+1].Kind == tokenize.Number {
			continue // "in March 2027" or "on March 14": the tokenizer dates those
		}
		k := i - 2
		if !c.content[k] || c.isCue(k) || c.inEntity(k) {
			continue
		}
		plan := false
		for j := 0; j < i; j++ {
			plan = plan || c.clause[j] == c.clause[i] && c.lx.plans[c.toks[j].Norm]
		}
		if plan {
			out = append(out, schedule{m, c.toks[k].Stem, tokenize.Span{Start: c.toks[i-1].Start, End: t.End}})
		}
	}
	return out
}

// detectSchedule: one planned thing given two months ("the drug would
// reach pharmacies in March" against "would be available in pharmacies
// from April"). Claims that both name parties must share one.
func (an *analyzer) detectSchedule(a, b *claim) (judgement, bool) {
	if a.cond || b.cond || a.doc == b.doc || len(a.groups) > 0 && len(b.groups) > 0 && sharedGroups(a, b) == 0 {
		return judgement{}, false
	}
	for _, x := range a.schedules {
		for _, y := range b.schedules {
			if x.what != y.what || x.month == y.month {
				continue
			}
			score := 0.58 * hedgeFactor(a, b)
			return judgement{
				kind:  KindNumeric,
				score: clamp01(score),
				cues:  []Cue{{Kind: "date", Side: "a", Text: txt(a, x.span)}, {Kind: "date", Side: "b", Text: txt(b, y.span)}, {Kind: "event", Text: x.what}},
				hlA:   []tokenize.Span{x.span},
				hlB:   []tokenize.Span{y.span},
				expl:  fmt.Sprintf("%s plans it %s; %s plans it %s.", src(a), txt(a, x.span), src(b), txt(b, y.span)),
				keyA:  fmt.Sprintf("month:%s:%d", x.what, x.month),
				keyB:  fmt.Sprintf("month:%s:%d", y.what, y.month),
			}, true
		}
	}
	return judgement{}, false
}

// recordMonths returns, as bits, the months a claim sets what it says in
// ("rose in March"): a capitalised month name after "in", with no year
// (the tokenizer dates those), and not a month planned for
// (findSchedules), which is what two plans disagree on.
func (c *claim) recordMonths() uint16 {
	var bits uint16
	for i, t := range c.toks {
		m, ok := monthNumbers[t.Norm]
		if !ok || i == 0 || c.toks[i-1].Norm != "in" || !startsUpper(c.d.Text(t.Span)) {
			continue
		}
		if i+1 < len(c.toks) && c.toks[i+1].Kind == tokenize.Number {
			continue
		}
		bits |= 1 << m
	}
	if bits == 0 {
		return 0
	}
	for _, s := range c.schedules {
		bits &^= 1 << s.month
	}
	return bits
}
