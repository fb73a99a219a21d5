package analyze

import (
	"fmt"
	"strings"

	"github.com/crosscheck-go/crosscheck/tokenize"
)

// detectRestatement finds agreements that are not numbers: the same
// exclusive provider, the same reported end of a state, or a near-verbatim
// restatement with the same polarity.
func (an *analyzer) detectRestatement(a, b *claim) (judgement, bool) {
	for _, x := range a.excl {
		for _, y := range b.excl {
			if !a.parties.same(x.ent.name, y.ent.name) || countShared(x.scope, y.scope) == 0 {
				continue
			}
			_, cha := changedNear(a, x.cue.a, x.cue.b)
			_, chb := changedNear(b, y.cue.a, y.cue.b)
			if cha != chb {
				continue
			}
			return judgement{
				kind:  KindAgreement,
				score: 0.7,
				cues:  []Cue{{Kind: "exclusivity", Side: "a", Text: x.cue.text}, {Kind: "exclusivity", Side: "b", Text: y.cue.text}},
				hlA:   []tokenize.Span{x.cue.span, x.ent.span},
				hlB:   []tokenize.Span{y.cue.span, y.ent.span},
				expl:  fmt.Sprintf("%s and %s both say %s is exclusive (%q, %q).", src(a), src(b), txt(a, x.ent.span), x.cue.text, y.cue.text),
				keyA:  "excl:" + x.ent.group,
				keyB:  "excl:" + x.ent.group,
			}, true
		}
	}
	// stateCue asks for an exclusivity cue and a change cue on each side:
	// the flags rule most pairs out without the search.
	const stateFlags = flExclusive | flChange
	if a.has&stateFlags == stateFlags && b.has&stateFlags == stateFlags {
		if ea, xa, ok := stateCue(a, tokenize.CueChange, 5); ok {
			if eb, xb, ok := stateCue(b, tokenize.CueChange, 5); ok && sharedGroups(a, b) > 0 {
				return judgement{
					kind:  KindAgreement,
					score: 0.65,
					cues:  []Cue{{Kind: "change", Side: "a", Text: ea.text}, {Kind: "change", Side: "b", Text: eb.text}},
					hlA:   []tokenize.Span{ea.span, xa.span},
					hlB:   []tokenize.Span{eb.span, xb.span},
					expl:  fmt.Sprintf("%s and %s both say the exclusivity ended (%q, %q).", src(a), src(b), ea.text, eb.text),
					keyA:  "state:ended",
					keyB:  "state:ended",
				}, true
			}
		}
	}
	if state, ca, cb, ok := sameState(a, b); ok {
		return judgement{
			kind:  KindAgreement,
			score: 0.6,
			cues:  []Cue{{Kind: "continuation", Side: "a", Text: ca.text}, {Kind: "continuation", Side: "b", Text: cb.text}, {Kind: "state", Text: state}},
			hlA:   []tokenize.Span{ca.span},
			hlB:   []tokenize.Span{cb.span},
			expl:  fmt.Sprintf("%s and %s both say it goes on (%q, %q).", src(a), src(b), ca.text, cb.text),
			keyA:  "state:continues:" + state,
			keyB:  "state:continues:" + state,
		}, true
	}
	if shared, ok := sameClause(a, b); ok {
		return judgement{
			kind:  KindAgreement,
			score: 0.6,
			cues:  []Cue{{Kind: "overlap", Text: fmt.Sprintf("%d shared words in one clause", len(shared))}},
			expl:  fmt.Sprintf("%s and %s make the same statement in one clause.", src(a), src(b)),
			keyA:  "same:" + strings.Join(shared, " "),
			keyB:  "same:" + strings.Join(shared, " "),
		}, true
	}
	n, share := overlap(a, b)
	if n >= 4 && share >= 0.7 && hasNegation(a) == hasNegation(b) && !a.heading && !b.heading {
		return judgement{
			kind:  KindAgreement,
			score: clamp01(0.4 + 0.4*share),
			cues:  []Cue{{Kind: "overlap", Text: fmt.Sprintf("%d shared words", n)}},
			expl:  fmt.Sprintf("%s and %s make nearly the same statement.", src(a), src(b)),
			keyA:  "same:" + strings.Join(a.stems, " "),
			keyB:  "same:" + strings.Join(a.stems, " "),
		}, true
	}
	return judgement{}, false
}

// sameClause finds a clause of a and a clause of b that say the same thing:
// at least four content words and entities in common, covering three
// quarters of the longer clause, with no negation, number or condition in
// either ("it is the largest private employer in Varde" and "The mill is
// the largest private employer in Varde, and ..."). Articles that agree
// often wrap one shared statement in different sentences. It returns the
// shared terms, sorted.
func sameClause(a, b *claim) ([]string, bool) {
	if a.cond || b.cond || a.heading || b.heading {
		return nil, false
	}
	// Every test below is symmetric in a and b, so when compare asks for
	// (b, a) after (a, b) found nothing, the answer is no again.
	if b.noClauseWith == a {
		return nil, false
	}
	// A clause's terms are content stems of the claim and its parties'
	// groups, so two claims sharing fewer than four of those share no
	// clause: most pairs stop here, before the clauses are cut. (The
	// groups are bounded by the fewer of them, not counted: counting
	// costs more than the test saves.)
	if n, _ := overlap(a, b); n+min(len(a.groups), len(b.groups)) < 4 {
		a.noClauseWith = b
		return nil, false
	}
	ca, cb := a.clauseTerms(), b.clauseTerms()
	for _, x := range ca {
		for _, y := range cb {
			// At most the shorter clause can be shared: clauses of
			// lengths too far apart fail without counting.
			if 4*min(len(x), len(y)) < 3*max(len(x), len(y)) {
				continue
			}
			// Count first (both are sorted unique, so a merge counts
			// them): most clause pairs fail, and need no slice.
			n := countShared(x, y)
			if n < 4 || 4*n < 3*max(len(x), len(y)) {
				continue
			}
			shared := make([]string, 0, n)
			for _, t := range x {
				if has(y, t) {
					shared = append(shared, t)
				}
			}
			return shared, true
		}
	}
	a.noClauseWith = b
	return nil, false
}

// clauseTerms returns, for each clause of c free of negation, quantities
// and hedges, its content stems and entity groups, sorted unique.
func (c *claim) clauseTerms() [][]string {
	if !c.clauseDone {
		c.clauseCache, c.clauseDone = c.computeClauseTerms(), true
	}
	return c.clauseCache
}

func (c *claim) computeClauseTerms() [][]string {
	if len(c.clause) == 0 {
		return nil
	}
	// Clause numbers run from 0 up to the last token's, so slices indexed
	// by clause serve where maps did, without hashing.
	nc := c.clause[len(c.clause)-1] + 1
	bad := make([]bool, nc)
	for _, cu := range c.cues {
		switch cu.kind {
		case tokenize.CueNegation, tokenize.CueHedge, tokenize.CueChange:
			if cu.a < len(c.clause) {
				bad[c.clause[cu.a]] = true
			}
		}
	}
	for _, q := range c.qty {
		if q.a < len(c.clause) {
			bad[c.clause[q.a]] = true
		}
	}
	terms := make([][]string, nc)
	for i := range c.toks {
		if c.content[i] && !bad[c.clause[i]] && !c.isCue(i) {
			terms[c.clause[i]] = append(terms[c.clause[i]], c.toks[i].Stem)
		}
	}
	for _, e := range c.ents {
		if !bad[c.clause[e.a]] {
			terms[c.clause[e.a]] = append(terms[c.clause[e.a]], "@"+e.group)
		}
	}
	var out [][]string
	for cl := range nc {
		if !bad[cl] && len(terms[cl]) >= 4 {
			out = append(out, uniq(terms[cl]))
		}
	}
	return out
}

// sameState reports whether a and b both say the same state goes on
// ("production continues at the plant"), with the same conditions as
// detectStateChange: a shared party, two shared content words and a word
// both cues govern. It returns that word and both cues.
func sameState(a, b *claim) (string, cueAt, cueAt, bool) {
	// Both need a continuation cue (firstCue below); the flags say so
	// without the search.
	if a.cond || b.cond || a.has&b.has&flContinue == 0 {
		return "", cueAt{}, cueAt{}, false
	}
	ca, ok1 := firstCue(a, tokenize.CueContinue)
	cb, ok2 := firstCue(b, tokenize.CueContinue)
	if !ok1 || !ok2 || a.speculativeAt(ca.a) || b.speculativeAt(cb.a) {
		return "", cueAt{}, cueAt{}, false
	}
	if _, neg := changedNear(a, ca.a, ca.b); neg {
		return "", cueAt{}, cueAt{}, false
	}
	if _, neg := changedNear(b, cb.a, cb.b); neg {
		return "", cueAt{}, cueAt{}, false
	}
	if sharedGroups(a, b) < 1 || sharedContent(a, b) < 2 {
		return "", cueAt{}, cueAt{}, false
	}
	sb := b.governed(cb, 4)
	for _, x := range a.governed(ca, 4) {
		if looseIn(x, sb) {
			return x, ca, cb, true
		}
	}
	return "", cueAt{}, cueAt{}, false
}
