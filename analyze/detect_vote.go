package analyze

import (
	"fmt"

	"github.com/crosscheck-go/crosscheck/tokenize"
)

// findVotes marks the claim's phrases saying a vote was unanimous and
// those saying some voted otherwise, from the configuration, leaving out
// negated ones ("was not unanimous").
func (c *claim) findVotes(lx *lexicon) {
	for i := range c.toks {
		if !lx.phraseFirst[c.toks[i].Norm] {
			continue
		}
		if _, neg := c.cueNear(tokenize.CueNegation, i, i+1, 2); neg {
			continue
		}
		if w := matchAny(c.toks[i:], lx.unanimity); w > 0 {
			c.unanimous = append(c.unanimous, [2]int{i, i + w})
		} else if w := matchAny(c.toks[i:], lx.dissent); w > 0 {
			c.dissent = append(c.dissent, [2]int{i, i + w})
		}
	}
}

// detectVote: a says a decision was unanimous ("Kestrel's board
// unanimously approved the transaction", "the decision was unanimous"), b
// that some voted otherwise ("two directors voted against the
// transaction", "two of the seven board members voted to keep rates
// unchanged"). When both name parties they must share one, so that votes
// of two bodies stay apart ("Orbis directors voted against the pay plan").
func (an *analyzer) detectVote(a, b *claim) (judgement, bool) {
	if a.cond || b.cond || len(a.unanimous) == 0 || len(b.dissent) == 0 || len(a.dissent) > 0 {
		return judgement{}, false
	}
	if sharedGroups(a, b) == 0 && len(a.groups) > 0 && len(b.groups) > 0 {
		return judgement{}, false
	}
	u, d := a.unanimous[0], b.dissent[0]
	if a.speculativeAt(u[0]) || b.speculativeAt(d[0]) {
		return judgement{}, false
	}
	su := a.tokSpan(u[0], u[1])
	sd := b.tokSpan(d[0], d[1])
	expl := fmt.Sprintf("%s says the vote was unanimous (%q); %s that some voted otherwise (%q).", src(a), txt(a, su), src(b), txt(b, sd))
	return spanPair(KindPolarity, 0.62, a, su, "unanimity", b, sd, "dissent", expl, "none:true:dissent", "none:false:dissent"), true
}
