package analyze

import (
	"fmt"
	"strings"

	"github.com/crosscheck-go/crosscheck/tokenize"
)

// Deaths are harm of their own degree: "no one was killed" allows "two
// were injured", so detectHarm's words do not stand for them. "All of the
// miners survived" and "no one died" deny any death; "one of them died in
// hospital" reports one.

// findDeath finds, once per claim, the span denying any death and the
// span reporting one.
func (c *claim) findDeath() (denied, said tokenize.Span, ok bool) {
	for i, t := range c.toks {
		switch {
		case c.lx.survival[t.Norm]:
			// "all (of the miners) survived", "everyone survived".
			for k := i - 1; k >= 0 && k >= i-6 && c.clause[k] == c.clause[i]; k-- {
				if n := c.toks[k].Norm; n == "all" || n == "everyone" || n == "everybody" {
					if denied.End == 0 {
						denied = c.tokSpan(k, i+1)
					}
					break
				}
			}
		case c.lx.deaths[t.Norm]:
			if c.speculativeAt(i) {
				continue
			}
			everyone, negated := false, false
			for k := i - 1; k >= 0 && k >= i-3 && c.clause[k] == c.clause[i]; k-- {
				n := c.toks[k].Norm
				if auxiliaries[n] || strings.Contains(n, "-") || n == "confirmed" || n == "reported" {
					continue // "no storm-related deaths", "no confirmed deaths"
				}
				if narrowers[n] {
					negated = true // "no one else died" denies nothing of the one who did
					break
				}
				everyone = n == "no" || n == "nobody" || n == "none" || n == "no-one" || n == "one" && k > 0 && c.toks[k-1].Norm == "no"
				negated = everyone || n == "not" || n == "n't" || n == "never"
				if n == "one" && everyone {
					k--
				}
				if everyone && denied.End == 0 && !comparedAfter(c, i) {
					denied = c.tokSpan(k, i+1)
				}
				break
			}
			if !negated && said.End == 0 {
				if _, neg := c.cueNear(tokenize.CueNegation, i, i+1, 3); !neg {
					said = t.Span
				}
			}
		}
	}
	return denied, said, denied.End > 0 || said.End > 0
}

// bareDeathDenial reports whether the clause denying any death says
// nothing else ("No deaths have been reported", "no one died", then
// perhaps who said so): a denial of the story's own event, which a death
// reported in other words contradicts whatever else the two share.
func (c *claim) bareDeathDenial() bool {
	a, b := tokenRange(c.toks, c.deathDenied)
	if a >= b {
		return false
	}
	for k := range c.toks {
		if c.clause[k] != c.clause[a] || k >= a && k < b || !c.content[k] {
			continue
		}
		switch c.toks[k].Norm {
		case "reported", "confirmed", "recorded", "far", "yet":
			continue
		}
		return false
	}
	return true
}

// comparedAfter reports whether a comparison follows token i in its
// clause: "no one has died more times than Castro" denies no death.
func comparedAfter(c *claim, i int) bool {
	for k := i + 1; k < len(c.toks) && k <= i+4 && c.clause[k] == c.clause[i]; k++ {
		switch c.toks[k].Norm {
		case "more", "than", "longer", "as", "so":
			return true
		}
	}
	return false
}

// detectDeath: b says no one died ("all of the miners survived"), a that
// someone did ("one of them died in hospital hours later"). The two must
// share a content word, and a death dated to a month the denial does not
// name is another event's.
func (an *analyzer) detectDeath(a, b *claim) (judgement, bool) {
	if a.cond || b.cond || a.deathSaid.End == 0 || b.deathDenied.End == 0 || a.deathDenied.End > 0 {
		return judgement{}, false
	}
	if sharedContent(a, b) < 1 && !b.bareDeathDenial() || a.namesMonth() && !b.namesMonth() {
		return judgement{}, false
	}
	score := 0.6 * hedgeFactor(a, b)
	kind := KindPolarity
	expl := fmt.Sprintf("%s says no one died (%q); %s reports a death (%q).", src(b), txt(b, b.deathDenied), src(a), txt(a, a.deathSaid))
	if pa, _ := publishedDay(a); !pa.IsZero() {
		if pb, _ := publishedDay(b); !pb.IsZero() && pa.After(pb) {
			kind, score = KindTemporal, score*0.9
			expl = fmt.Sprintf("%s said no one died (%q); %s, published later, reports a death (%q): the earlier statement is superseded.", src(b), txt(b, b.deathDenied), src(a), txt(a, a.deathSaid))
		}
	}
	return judgement{
		kind:     kind,
		score:    clamp01(score),
		cues:     []Cue{{Kind: "negation", Side: "b", Text: txt(b, b.deathDenied)}, {Kind: "death", Side: "a", Text: txt(a, a.deathSaid)}},
		hlA:      []tokenize.Span{a.deathSaid},
		hlB:      []tokenize.Span{b.deathDenied},
		expl:     expl,
		keyA:     "none:false:death",
		keyB:     "none:true:death",
		specific: true,
	}, true
}
