package analyze

import (
	"fmt"
	"strings"

	"github.com/crosscheck-go/crosscheck/tokenize"
)

// findHarm marks the claim's harm words ("injured", "taken to hospital")
// and unharmed words ("unhurt") of the configuration.
func (c *claim) findHarm(lx *lexicon) {
	for i, t := range c.toks {
		if lx.unharmed[t.Norm] {
			c.unharmed = append(c.unharmed, [2]int{i, i + 1})
			continue
		}
		if !lx.phraseFirst[t.Norm] {
			continue
		}
		if w := matchAny(c.toks[i:], lx.harm); w > 0 {
			c.harm = append(c.harm, [2]int{i, i + w})
		} else if w := matchAny(c.toks[i:], lx.harmSigns); w > 0 {
			c.harmSigns = append(c.harmSigns, [2]int{i, i + w})
		}
	}
}

// matchAny returns the length of the first phrase of ps that toks start
// with, or 0.
func matchAny(toks []tokenize.Token, ps [][]string) int {
	for _, w := range ps {
		if len(w) <= len(toks) && matchWords(toks[:len(w)], w) {
			return len(w)
		}
	}
	return 0
}

// harmDenied returns the span saying no one was hurt: a harm word right
// after a negation of everyone ("No one was injured", "no injuries have
// been reported", "nobody was hurt"), which denies all harm (general); or
// a harm word negated of its subject ("the driver was not injured") or an
// unharmed word ("walked away unhurt"), which speak of their subject only.
// "Refused to treat the wounded" or "did not survive his injuries" deny
// no harm: only auxiliaries may stand between.
func (c *claim) harmDenied() (sp tokenize.Span, general, ok bool) {
	sp, general, _, ok = c.harmDeniedAs()
	return sp, general, ok
}

// harmDeniedAs is harmDenied that also reads a denial of one degree of
// harm ("nobody was seriously injured", "no serious injuries"): degree is
// then the severity word without its "-ly", and the denial leaves lesser
// harm possible.
func (c *claim) harmDeniedAs() (sp tokenize.Span, general bool, degree string, ok bool) {
	for _, h := range c.harm {
		degree = ""
		for k := h[0] - 1; k >= 0 && k >= h[0]-3 && c.clause[k] == c.clause[h[0]]; k-- {
			n := c.toks[k].Norm
			if auxiliaries[n] {
				continue
			}
			if c.lx.harmSeverity[n] && degree == "" {
				degree = strings.TrimSuffix(n, "ly")
				continue
			}
			if narrowers[n] {
				break // "no one else was hurt", "no other injuries"
			}
			everyone := n == "no" || n == "nobody" || n == "none" || n == "no-one" || n == "noone" ||
				n == "one" && k > 0 && c.toks[k-1].Norm == "no"
			if n == "one" && everyone {
				k--
			}
			if everyone || n == "not" || n == "n't" || n == "never" {
				return c.tokSpan(k, h[1]), everyone, degree, true
			}
			break
		}
	}
	if len(c.unharmed) > 0 {
		return c.toks[c.unharmed[0][0]].Span, false, "", true
	}
	return tokenize.Span{}, false, "", false
}

// harmOfDegree reports whether a harm word of c carries the severity word
// degree just before it ("with serious injuries", "seriously hurt").
func (c *claim) harmOfDegree(degree string) bool {
	for _, h := range c.harm {
		for k := h[0] - 1; k >= 0 && k >= h[0]-2; k-- {
			if n := c.toks[k].Norm; c.lx.harmSeverity[n] && strings.TrimSuffix(n, "ly") == degree {
				return true
			}
		}
	}
	return false
}

// narrowers between a negation and a harm word leave some harm possible:
// "no one else was hurt", "no serious injuries".
var narrowers = map[string]bool{"else": true, "other": true, "further": true, "more": true, "additional": true, "new": true}

// harmSaid returns a harm word no negation governs and no modal hedges
// ("one of the crew was taken to hospital", "two firefighters were treated
// for heat exhaustion").
func (c *claim) harmSaid() (tokenize.Span, bool) {
	for _, h := range append(c.harm[:len(c.harm):len(c.harm)], c.harmSigns...) {
		if c.speculativeAt(h[0]) {
			continue
		}
		if _, neg := c.cueNear(tokenize.CueNegation, h[0], h[1], 3); neg {
			continue
		}
		if h[0] > 0 && (c.toks[h[0]-1].Norm == "no-one" || h[0] > 1 && c.toks[h[0]-2].Norm == "no-one") {
			continue // "No-one was hurt", one token the negation cues miss
		}
		return c.tokSpan(h[0], h[1]), true
	}
	return tokenize.Span{}, false
}

// namesMonth reports whether a claim is dated to a month or longer ("in
// March", "in 2019"): an injury so dated belongs to another event than the
// one a story reports as it happens.
func (c *claim) namesMonth() bool {
	for _, d := range c.dates {
		if period(d) {
			return true
		}
	}
	for _, t := range c.toks {
		if calendarWords[t.Norm] && !weekdays[t.Norm] {
			return true
		}
	}
	return false
}

var weekdays = map[string]bool{"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true}

// detectHarm: b says no one was hurt, a that someone was ("No one was
// injured" against "one of the two crew members was taken to hospital").
// The words differ, so the configuration's harm words stand for the act.
// "Unhurt" speaks of its subject only, and needs two words in common with
// a ("the two crew members walked away unhurt", "one of the two crew
// members"); an injury dated to a month the denial does not name is
// another event's.
func (an *analyzer) detectHarm(a, b *claim) (judgement, bool) {
	if a.cond || b.cond {
		return judgement{}, false
	}
	said, ok := a.harmSaid()
	if !ok {
		return judgement{}, false
	}
	if _, _, denies := a.harmDenied(); denies {
		return judgement{}, false
	}
	denied, general, degree, ok := b.harmDeniedAs()
	if !ok || !general && sharedContent(a, b) < 2 {
		return judgement{}, false
	}
	if degree != "" && !a.harmOfDegree(degree) {
		// "Nobody was seriously injured" allows "four were treated for
		// hypothermia"; it denies "two were admitted with serious
		// injuries".
		return judgement{}, false
	}
	if a.namesMonth() && !b.namesMonth() {
		return judgement{}, false
	}
	score := 0.6 * hedgeFactor(a, b)
	kind := KindPolarity
	expl := fmt.Sprintf("%s says no one was hurt (%q); %s reports harm (%q).", src(b), txt(b, denied), src(a), txt(a, said))
	// Harm reported by a later source than the denial is news that came
	// after it ("no illnesses have been reported" on 11 August, two
	// admitted to hospital on 13 August): the denial is superseded.
	if pa, _ := publishedDay(a); !pa.IsZero() {
		if pb, _ := publishedDay(b); !pb.IsZero() && pa.After(pb) {
			// A little lower, not below the threshold a hedged denial
			// ("no illnesses have been reported") already nears.
			kind, score = KindTemporal, score*0.9
			expl = fmt.Sprintf("%s said no one was hurt (%q); %s, published later, reports harm (%q): the earlier statement is superseded.", src(b), txt(b, denied), src(a), txt(a, said))
		}
	}
	return judgement{
		kind:  kind,
		score: clamp01(score),
		cues:  []Cue{{Kind: "negation", Side: "b", Text: txt(b, denied)}, {Kind: "harm", Side: "a", Text: txt(a, said)}},
		hlA:   []tokenize.Span{said},
		hlB:   []tokenize.Span{denied},
		expl:  expl,
		keyA:  "none:false:harm",
		keyB:  "none:true:harm",
	}, true
}
