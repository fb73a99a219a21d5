package analyze

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/crosscheck-go/crosscheck/tokenize"
)

// tally is a vote count or a score: "voted 7-4", "won 3–1", "by 52 votes
// to 47". The two figures are kept in order, larger first, since one
// tally is written both ways ("beat them 3-1", "lost 1-3").
type tally struct {
	hi, lo int
	vote   bool // after a voting word: a split vote is a dissent
	a, b   int  // token range
}

// findTallies returns the claim's tallies: two whole numbers joined by a
// dash, or by "to" ("52 votes to 47"), next to a word of the
// configuration's tallies in the same clause. Without such a word, "2-3
// days" is a range and "9-11" a date.
func (c *claim) findTallies(lx *lexicon) []tally {
	var out []tally
	n := len(c.toks)
	for i := 0; i < n; i++ {
		if c.toks[i].Kind != tokenize.Number {
			continue
		}
		x, y, j, ok := c.tallyAt(i)
		if !ok || j < n && rangeUnits[c.toks[j].Norm] {
			continue // "2-3 days" is a range
		}
		vote, found := false, false
		for k := max(0, i-3); k < min(n, j+2); k++ {
			if k >= i && k < j || c.clause[k] != c.clause[i] {
				continue
			}
			if lx.tallies[c.toks[k].Stem] {
				found = true
				vote = vote || lx.voteTallies[c.toks[k].Stem]
			}
		}
		if found {
			out = append(out, tally{hi: max(x, y), lo: min(x, y), vote: vote, a: i, b: j})
		}
		i = j - 1
	}
	return out
}

// rangeUnits are the words after which two numbers joined by a dash are a
// range, not a tally.
var rangeUnits = map[string]bool{
	"seconds": true, "minutes": true, "hours": true, "days": true, "weeks": true, "months": true, "years": true,
	"percent": true, "per": true, "%": true, "times": true, "inches": true, "feet": true, "miles": true,
	"metres": true, "meters": true, "kilometres": true, "kilometers": true, "degrees": true,
}

// tallyAt reads a tally starting at number token i: "7-4" as one token,
// "3 – 1" as three, "52 (votes) to 47". It returns the two figures and
// the end of the tally's tokens.
func (c *claim) tallyAt(i int) (x, y, end int, ok bool) {
	w := c.toks[i].Norm
	if k := strings.IndexAny(w, "-–—"); k > 0 {
		_, size := utf8DecodeDash(w[k:])
		x, ok1 := smallCount(w[:k])
		y, ok2 := smallCount(w[k+size:])
		return x, y, i + 1, ok1 && ok2
	}
	x, ok = smallCount(w)
	if !ok || i+2 >= len(c.toks) {
		return 0, 0, 0, false
	}
	j := i + 1
	switch {
	case isDash(c.toks[j].Norm) && c.toks[j+1].Kind == tokenize.Number:
		j++
	case c.toks[j].Norm == "votes" && j+2 < len(c.toks) && c.toks[j+1].Norm == "to" && c.toks[j+2].Kind == tokenize.Number:
		j += 2
	case c.toks[j].Norm == "to" && c.toks[j+1].Kind == tokenize.Number:
		j++
	default:
		return 0, 0, 0, false
	}
	y, ok = smallCount(c.toks[j].Norm)
	return x, y, j + 1, ok
}

// utf8DecodeDash returns the dash at the start of s and its length in
// bytes: "-" is one byte, "–" and "—" three.
func utf8DecodeDash(s string) (string, int) {
	for _, d := range []string{"-", "–", "—"} {
		if strings.HasPrefix(s, d) {
			return d, len(d)
		}
	}
	return "", 1
}

// smallCount reads a whole number of up to three digits: tallies are
// small, and "2025-26" is a season.
func smallCount(s string) (int, bool) {
	if s == "" || len(s) > 3 {
		return 0, false
	}
	v, err := strconv.Atoi(s)
	return v, err == nil && v >= 0
}

// detectTally: one decision or one match given two tallies ("voted 7-4"
// against "passed 8-3"; "won 3-1" against "won 2-1"). Claims that both
// name parties must share one, so that two councils' votes or two
// matches' scores stay apart; a claim with several tallies is left alone,
// since which is which is unclear.
func (an *analyzer) detectTally(a, b *claim) (judgement, bool) {
	if a.cond || b.cond || a.doc == b.doc && a.sent == b.sent || len(a.tallies) != 1 || len(b.tallies) != 1 {
		return judgement{}, false
	}
	if len(a.groups) > 0 && len(b.groups) > 0 && sharedGroups(a, b) == 0 {
		return judgement{}, false
	}
	x, y := a.tallies[0], b.tallies[0]
	if x.vote != y.vote {
		return judgement{}, false // a vote and a score
	}
	sa, sb := a.tokSpan(x.a, x.b), b.tokSpan(y.a, y.b)
	kind, what := "score", "score"
	if x.vote {
		kind, what = "vote", "vote"
	}
	keyA, keyB := fmt.Sprintf("tally:%s:%d-%d", kind, x.hi, x.lo), fmt.Sprintf("tally:%s:%d-%d", kind, y.hi, y.lo)
	cues := []Cue{{Kind: "tally", Side: "a", Text: txt(a, sa)}, {Kind: "tally", Side: "b", Text: txt(b, sb)}}
	if x.hi == y.hi && x.lo == y.lo {
		return judgement{
			kind:  KindAgreement,
			score: 0.8,
			cues:  cues,
			hlA:   []tokenize.Span{sa},
			hlB:   []tokenize.Span{sb},
			expl:  fmt.Sprintf("%s and %s give the same %s (%q, %q).", src(a), src(b), what, txt(a, sa), txt(b, sb)),
			keyA:  keyA,
			keyB:  keyA,
		}, true
	}
	j := spanPair(KindNumeric, 0.62, a, sa, "tally", b, sb, "tally",
		fmt.Sprintf("%s gives the %s as %q; %s as %q.", src(a), what, txt(a, sa), src(b), txt(b, sb)), keyA, keyB)
	j.specific = true
	return j, true
}
