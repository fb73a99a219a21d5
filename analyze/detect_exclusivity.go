package analyze

import (
	"fmt"
	"math"

	"github.com/crosscheck-go/crosscheck/tokenize"
)

// opposedScopes reports whether two clauses contain words of opposite
// meaning, which means they speak of different things ("stateless" APIs
// versus a "stateful" product) rather than of the same one.
func (an *analyzer) opposedScopes(x, y []string) (string, string, bool) {
	for _, p := range x {
		if q, ok := an.lx.oppositeIn(p, y); ok {
			return p, q, true
		}
	}
	return "", "", false
}

// detectExclusivity: a's provider X is exclusive, and b binds the same kind
// of thing exclusively to, or hosts it on, a different provider Y.
func (an *analyzer) detectExclusivity(a, b *claim) (judgement, bool) {
	if a.cond || b.cond {
		return judgement{}, false
	}
	for _, x := range a.excl {
		if _, ch := changedNear(a, x.cue.a, x.cue.b); ch {
			continue
		}
		cands := make([]binding, 0, len(b.excl)+len(b.host))
		cands = append(cands, b.excl...)
		cands = append(cands, b.host...)
		for k, y := range cands {
			hostOnly := k >= len(b.excl)
			if a.parties.same(x.ent.name, y.ent.name) {
				continue
			}
			if _, ch := changedNear(b, y.cue.a, y.cue.b); ch {
				continue
			}
			if _, _, opp := an.opposedScopes(a.words(), b.words()); opp {
				continue
			}
			shared := countShared(a.stems, b.stems)
			ctx := sharedGroups(a, b) + shared
			if hostOnly {
				// A plain "runs on Y" contradicts "solely on X" only when
				// it is about the same thing.
				// "is also sold by Y" says Y is one more provider, so one
				// thing in common will do.
				need := 2
				if y.cue.a > 0 && b.toks[y.cue.a-1].Norm == "also" || y.cue.a > 1 && b.toks[y.cue.a-2].Norm == "also" {
					need = 1
				}
				if an.thingOverlap(a, b, x, y) < need {
					continue
				}
			} else if ctx < 1 {
				continue
			}
			score := 0.5 + 0.1*x.strength + 0.1*y.strength
			if hostOnly {
				score -= 0.1
			}
			score += 0.03 * math.Min(float64(ctx), 4)
			score *= hedgeFactor(a, b)
			j := judgement{
				kind:  KindExclusivity,
				score: clamp01(score),
				cues: []Cue{
					{Kind: "exclusivity", Side: "a", Text: x.cue.text},
					{Kind: "provider", Side: "a", Text: txt(a, x.ent.span)},
					{Kind: "provider", Side: "b", Text: txt(b, y.ent.span)},
				},
				hlA:      []tokenize.Span{x.cue.span, x.ent.span},
				hlB:      []tokenize.Span{y.cue.span, y.ent.span},
				keyA:     "excl:" + x.ent.group,
				keyB:     "excl:" + y.ent.group,
				specific: true,
			}
			if hostOnly {
				j.cues = append(j.cues, Cue{Kind: "hosting", Side: "b", Text: y.cue.text})
				j.expl = fmt.Sprintf("%s says %s is the exclusive provider (%q); %s says it %s with %s (%q).",
					src(a), txt(a, x.ent.span), x.cue.text, src(b), y.cue.word, txt(b, y.ent.span), y.cue.text)
			} else {
				j.cues = append(j.cues, Cue{Kind: "exclusivity", Side: "b", Text: y.cue.text})
				j.expl = fmt.Sprintf("%s says %s is the exclusive provider (%q); %s says %s is (%q).",
					src(a), txt(a, x.ent.span), x.cue.text, src(b), txt(b, y.ent.span), y.cue.text)
			}
			return j, true
		}
	}
	return an.detectPlurality(a, b)
}

// roleAfter returns the stem of the role noun within two tokens after cue
// ("sole provider", "multiple cloud providers"), or "", and the noun as
// written for explanations.
func (c *claim) roleAfter(lx *lexicon, cu cueAt) (stem, written string) {
	for k := cu.b; k < len(c.toks) && k <= cu.b+2; k++ {
		if c.clause[k] != c.clause[min(cu.a, len(c.clause)-1)] {
			break
		}
		if lx.roles[c.toks[k].Stem] {
			return c.toks[k].Stem, txt(c, c.toks[k].Span)
		}
	}
	return "", ""
}

// detectPlurality: a names X the sole provider, b says the same role is
// held by several ("multiple providers", "several suppliers").
func (an *analyzer) detectPlurality(a, b *claim) (judgement, bool) {
	for _, x := range a.excl {
		role, roleA := a.roleAfter(an.lx, x.cue)
		if role == "" {
			continue
		}
		if _, ch := changedNear(a, x.cue.a, x.cue.b); ch {
			continue
		}
		for _, m := range b.multi {
			roleB, written := b.roleAfter(an.lx, m)
			if roleB != role || b.speculativeAt(m.a) {
				continue
			}
			if _, neg := b.cueNear(tokenize.CueNegation, m.a, m.b, 3); neg {
				continue
			}
			if sharedGroups(a, b) < 1 {
				continue
			}
			// "allowed to work with other providers" grants an exception;
			// it does not say others provide the thing.
			if _, permit := b.cueNear(tokenize.CueApproval, m.a, m.b, 6); permit {
				continue
			}
			// Weaker evidence than a named second provider, so it ranks
			// below one when both meet the same pair of sources.
			score := (0.4 + 0.0375*math.Min(float64(sharedGroups(a, b)+sharedContent(a, b)), 4)) * hedgeFactor(a, b)
			return judgement{
				kind:  KindExclusivity,
				score: clamp01(score),
				cues: []Cue{
					{Kind: "exclusivity", Side: "a", Text: x.cue.text},
					{Kind: "plurality", Side: "b", Text: m.text},
				},
				hlA:      []tokenize.Span{x.cue.span, x.ent.span},
				hlB:      []tokenize.Span{m.span},
				expl:     fmt.Sprintf("%s says %s is the sole %s (%q); %s speaks of %q.", src(a), txt(a, x.ent.span), roleA, x.cue.text, src(b), m.text+" "+written),
				keyA:     "excl:" + x.ent.group,
				keyB:     "excl:several",
				specific: true,
			}, true
		}
	}
	return judgement{}, false
}

// thingOverlap counts the words two bindings' clauses share about the
// thing provided, leaving out hosting verbs and cue words, which every such
// clause has.
func (an *analyzer) thingOverlap(a, b *claim, x, y binding) int {
	n := 0
	for _, s := range x.scope {
		if an.lx.hosting[s] || !has(y.scope, s) || a.isCueStem(s) || b.isCueStem(s) {
			continue
		}
		n++
	}
	return n
}
