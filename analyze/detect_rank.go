package analyze

import (
	"fmt"
	"strings"

	wn "github.com/crosscheck-go/crosscheck/internal/lexicon"
	"github.com/crosscheck-go/crosscheck/tokenize"
)

// rank is a place in an order the claim gives something: "the country's
// second-busiest airport" (2, busiest), "the busiest in the country" (1,
// busiest), "its fourth increase in a row" (4, increase).
type rank struct {
	n    int
	head string // the superlative, or the stem of the noun of a streak
	// thing holds the stems of what is ranked: the words right after the
	// rank ("second-busiest airport"), else those before it ("the airport
	// is the busiest"); for a streak, its noun.
	thing []string
	span  tokenize.Span
}

var ordinals = map[string]int{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
	"1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "6th": 6, "7th": 7, "8th": 8, "9th": 9, "10th": 10,
}

// superlative reports whether w is a superlative adjective: it ends in
// -est and WordNet reads it as a form of another word ("busiest", "largest";
// not "interest", "protest").
func superlative(w string) bool {
	return len(w) > 5 && strings.HasSuffix(w, "est") && wn.Lemma(w) != w
}

// findRanks returns the ranks the claim gives.
func (c *claim) findRanks() []rank {
	var out []rank
	n := len(c.toks)
	for i, t := range c.toks {
		w := t.Norm
		if first, rest, ok := strings.Cut(w, "-"); ok {
			// "second-busiest"
			if k, isOrd := ordinals[first]; isOrd && superlative(rest) {
				out = append(out, rank{k, rest, c.rankedAt(i, i+1), t.Span})
			}
			continue
		}
		if k, isOrd := ordinals[w]; isOrd && i+1 < n {
			if superlative(c.toks[i+1].Norm) { // "second busiest"
				out = append(out, rank{k, c.toks[i+1].Norm, c.rankedAt(i, i+2), tokenize.Span{Start: t.Start, End: c.toks[i+1].End}})
				continue
			}
			j, streak := i+1, false
			for j < n && c.lx.streaks[c.toks[j].Norm] {
				j, streak = j+1, true
			}
			if j >= n || !c.content[j] || c.isCue(j) {
				continue
			}
			// "its fourth increase in a row"
			if !streak && j+3 < n && c.toks[j+1].Norm == "in" && c.toks[j+2].Norm == "a" && c.toks[j+3].Norm == "row" {
				streak = true
			}
			if streak {
				out = append(out, rank{k, c.toks[j].Stem, []string{c.toks[j].Stem}, tokenize.Span{Start: t.Start, End: c.toks[j].End}})
				continue
			}
			// "the third bank to fail this year", "the second player to
			// score": a place in the order things happened, ranked by the
			// verb after "to" (its head) and counting the noun before it.
			if j+2 < n && c.toks[j+1].Norm == "to" && c.content[j+2] && !c.isCue(j+2) && c.clause[j+2] == c.clause[i] {
				out = append(out, rank{k, "to " + c.toks[j+2].Stem, []string{c.toks[j].Stem}, tokenize.Span{Start: t.Start, End: c.toks[j+2].End}})
			}
			continue
		}
		// "the busiest", "the country's largest": first, unless an
		// ordinal stands before it, or it is "one of the richest".
		if superlative(w) && i > 0 {
			p := c.toks[i-1].Norm
			oneOf := i >= 3 && c.toks[i-2].Norm == "of" && (c.toks[i-3].Norm == "one" || c.toks[i-3].Norm == "among")
			if (p == "the" || p == "its" || p == "their" || isPossessiveMark(p)) && !oneOf && !(i >= 2 && c.toks[i-2].Norm == "among") {
				out = append(out, rank{1, w, c.rankedAt(i, i+1), t.Span})
			}
		}
	}
	return out
}

// rankedAt returns the stems of what a rank in tokens [i, j) ranks: up to
// two content words right after it, else the nearest content word in the
// four tokens before it.
func (c *claim) rankedAt(i, j int) []string {
	var out []string
	for k := j; k < len(c.toks) && k < j+2 && c.content[k] && !c.isCue(k); k++ {
		out = append(out, c.toks[k].Stem)
	}
	if len(out) > 0 {
		return out
	}
	for k := i - 1; k >= 0 && k >= i-4 && c.clause[k] == c.clause[i]; k-- {
		if c.content[k] && !c.isCue(k) {
			return []string{c.toks[k].Stem}
		}
	}
	return nil
}

// detectRank: one thing given two places in one order ("Lindholm is the
// country's second-busiest airport" against "the airport is the busiest in
// the country"; "its fourth increase in a row" against "the third
// consecutive increase"). Claims that both name parties must share one:
// "X is the largest bank" and "Y is the second-largest bank" are both true.
func (an *analyzer) detectRank(a, b *claim) (judgement, bool) {
	if a.cond || b.cond || a.doc == b.doc && a.sent == b.sent {
		return judgement{}, false
	}
	if len(a.groups) > 0 && len(b.groups) > 0 && sharedGroups(a, b) == 0 || sharedContent(a, b) < 1 {
		return judgement{}, false
	}
	for _, x := range a.ranks {
		for _, y := range b.ranks {
			if x.head != y.head || x.n == y.n || countShared(uniq(x.thing), uniq(y.thing)) == 0 {
				continue // "the largest sturgeon" and "the second-largest fish"
			}
			expl := fmt.Sprintf("%s ranks it %q; %s ranks it %q.", src(a), txt(a, x.span), src(b), txt(b, y.span))
			return spanPair(KindNumeric, 0.6, a, x.span, "rank", b, y.span, "rank", expl,
				fmt.Sprintf("rank:%s:%d", x.head, x.n), fmt.Sprintf("rank:%s:%d", y.head, y.n)), true
		}
	}
	return judgement{}, false
}
