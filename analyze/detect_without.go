package analyze

import (
	"fmt"

	"github.com/crosscheck-go/crosscheck/tokenize"
)

// stillWithout returns what findStillWithout found when the claim was made.
func (c *claim) stillWithout() (string, tokenize.Span, bool) {
	return c.things.without.thing, c.things.without.span, c.things.without.thing != ""
}

// findStillWithout returns the thing a claim says some are still without
// ("thousands were still without power", "remain without water") and the
// span saying so.
func (c *claim) findStillWithout() (string, tokenize.Span, bool) {
	for i := 1; i+1 < len(c.toks); i++ {
		if c.toks[i].Norm != "without" {
			continue
		}
		switch c.toks[i-1].Norm {
		case "still", "remain", "remains", "remained":
		default:
			continue
		}
		j := i + 1
		if j < len(c.toks) && determiners[c.toks[j].Norm] {
			j++
		}
		if j < len(c.toks) && c.content[j] {
			return c.toks[j].Stem, c.tokSpan(i-1, j+1), true
		}
	}
	return "", tokenize.Span{}, false
}

// restoredToAll reports whether a claim says a thing was restored to
// everyone ("Power had been restored to all customers", "service was fully
// restored"): the thing is the word right before the restoration cue
// (past auxiliaries) or right after it.
func (an *analyzer) restoredToAll(c *claim, thing string) (cueAt, bool) {
	for _, cu := range an.restorations(c) {
		named := false
		k := cu.a - 1
		for k >= 0 && (auxiliaries[c.toks[k].Norm] || c.toks[k].Norm == "fully") {
			k--
		}
		if k >= 0 && c.toks[k].Stem == thing {
			named = true
		}
		if cu.b < len(c.toks) && c.toks[cu.b].Stem == thing {
			named = true
		}
		all := false
		for j := max(cu.a-3, 0); j < len(c.toks) && j <= cu.b+3; j++ {
			switch c.toks[j].Norm {
			case "all", "every", "everyone", "fully", "entirely":
				all = true
			}
		}
		if named && all {
			return cu, true
		}
	}
	return cueAt{}, false
}

// detectStillWithout: a says a service was restored to everyone ("Power
// had been restored to all customers by 10 p.m."); b, of the same day or
// later, that some were still without it ("thousands of households were
// still without power on Tuesday morning").
func (an *analyzer) detectStillWithout(a, b *claim) (judgement, bool) {
	if a.cond || b.cond {
		return judgement{}, false
	}
	thing, sp, ok := b.stillWithout()
	if !ok {
		return judgement{}, false
	}
	cu, ok := an.restoredToAll(a, thing)
	if !ok {
		return judgement{}, false
	}
	if pa, _ := publishedDay(a); !pa.IsZero() {
		if pb, _ := publishedDay(b); !pb.IsZero() && pb.Before(pa) {
			return judgement{}, false // before the restoration: no conflict
		}
	}
	return judgement{
		kind:  KindPolarity,
		score: clamp01(0.6 * hedgeFactor(a, b)),
		cues: []Cue{
			{Kind: string(tokenize.CueChange), Side: "a", Text: cu.text},
			{Kind: "without", Side: "b", Text: txt(b, sp)},
			{Kind: "state", Text: thing},
		},
		hlA:      []tokenize.Span{cu.span},
		hlB:      []tokenize.Span{sp},
		expl:     fmt.Sprintf("%s says it was restored to all (%q); %s says some were %q.", src(a), cu.text, src(b), txt(b, sp)),
		keyA:     "state:restored:" + thing,
		keyB:     "state:without:" + thing,
		specific: true,
	}, true
}
