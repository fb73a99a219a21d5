package analyze

import (
	"fmt"
	"math"
	"slices"
	"strings"

	wn "github.com/crosscheck-go/crosscheck/internal/lexicon"
	"github.com/crosscheck-go/crosscheck/tokenize"
)

// Bounding words in front of an amount, and the share of the amount the
// range they give reaches down to (0: no lower end; 1: the amount itself).
var (
	lowerBounds = []string{"more than", "over", "at least", "upwards of", "in excess of", "just over", "above", "exceeding"}
	upperBounds = []string{"within", "less than", "fewer than", "under", "up to", "as much as", "as many as", "below", "just under", "no more than"}
	nearBelow   = []string{"nearly", "almost", "close to", "just shy of", "not quite"}
)

// valueRange is the range of values a written amount allows: "more than
// 200" is 200 and up, "up to 50" is 50 and down, "nearly 300" a little
// below 300, "about 300" within 10% of it, a plain number itself (1%).
func valueRange(written string, q tokenize.Quantity) (lo, hi float64) {
	w := strings.ToLower(written)
	v := q.Value
	switch {
	case hasPrefixAny(w, lowerBounds):
		return v, math.Inf(1)
	case hasPrefixAny(w, upperBounds):
		return math.Inf(-1), v
	case hasPrefixAny(w, nearBelow):
		// "Nearly 300" is 270 to 300: within a tenth, as "about" is.
		return v - 0.1*math.Abs(v), v
	case temperature(q):
		// No true zero: a tenth of a degree, or a degree when approximate.
		d := 0.05
		if q.Approx {
			d = 1
		}
		return v - d, v + d
	case q.Approx:
		return v - 0.1*math.Abs(v), v + 0.1*math.Abs(v)
	}
	return v - 0.01*math.Abs(v), v + 0.01*math.Abs(v)
}

// temperature reports whether q is in degrees Celsius or Fahrenheit, a
// scale without a true zero, where a share of the value means nothing.
func temperature(q tokenize.Quantity) bool { return q.Unit == "degC" || q.Unit == "degF" }

// subsetOf reports whether amount x of claim a may count some of the
// whole y of claim b: y is written as a whole ("the ten clubs", "all four
// hospitals"), x as a bare count, and x is at most a third of it. A bare
// count closer to the whole ("tracked 12,000 adults" against "its 21,000
// participants") more likely gives the whole differently.
func subsetOf(a *claim, x quant, b *claim, y quant) bool {
	return x.q.Value*3 <= y.q.Value && (!wholeCount(a, x) && wholeCount(b, y) || partitive(a, x) && !partitive(b, y))
}

// partitive reports whether an amount counts part of a group it names
// ("three of the rescued miners", "two of its stores"): a count of some
// of the whole another statement gives.
func partitive(c *claim, q quant) bool {
	return q.q.Unit == "" && q.b+1 < len(c.toks) && c.toks[q.b].Norm == "of" &&
		(determiners[c.toks[q.b+1].Norm] || c.toks[q.b+1].Norm == "its" || c.toks[q.b+1].Norm == "their")
}

// wholeCount reports whether an amount is written as a whole set: after
// "the", "all", "its", "their" ("the ten clubs").
func wholeCount(c *claim, q quant) bool {
	if q.a == 0 {
		return false
	}
	switch c.toks[q.a-1].Norm {
	case "the", "all", "its", "their", "both":
		return true
	}
	return false
}

// movement reports whether an amount is a change after a movement verb
// ("rose 7%", "fell by 5%"): a change over some period, which another
// source reporting on another day measures over another period.
func (an *analyzer) movement(c *claim, q quant) bool {
	k := q.a - 1
	if k >= 0 && (c.toks[k].Norm == "by" || c.toks[k].Norm == "about" || c.toks[k].Norm == "some") {
		k--
	}
	return k >= 0 && an.lx.movements[c.toks[k].Stem]
}

// sameDay reports whether two claims' sources were published on the same
// day, or either date is unknown.
func sameDay(a, b *claim) bool {
	pa, _ := publishedDay(a)
	pb, _ := publishedDay(b)
	return pa.IsZero() || pb.IsZero() || pa.Equal(pb)
}

// isRate reports whether an amount is per something ("a week", "a share").
func isRate(q quant) bool {
	for _, m := range q.measures {
		if strings.HasPrefix(m, "per ") {
			return true
		}
	}
	return false
}

// eventDay returns the one day-precision date of c that times an event
// rather than a statement ("release Starfall on 14 March", not "announced
// on Monday").
func (c *claim) eventDay() (tokenize.DateRef, bool) {
	var day tokenize.DateRef
	found := false
	for _, d := range c.dates {
		if d.From.IsZero() || period(d) || !d.To.Equal(d.From) {
			continue
		}
		a, _ := tokenRange(c.toks, d.Span)
		if a >= len(c.toks) {
			continue
		}
		said := false
		for k := a - 1; k >= 0 && k >= a-2; k-- {
			said = said || c.cueKindAt(k) == tokenize.CueAttribution
		}
		if said {
			continue
		}
		if found {
			return tokenize.DateRef{}, false // two event days: which is which is unclear
		}
		day, found = d, true
	}
	return day, found
}

// detectDate: the same event of the same party given two different days
// ("will release Starfall on 14 March" against "pushed back the release of
// Starfall to 28 April"). A later source that says the date moved reports
// a change; the analysis marks that as temporal where the dates allow.
func (an *analyzer) detectDate(a, b *claim) (judgement, bool) {
	if a.cond || b.cond || a.doc == b.doc || src(a) > src(b) {
		return judgement{}, false // symmetric: judged once, a before b
	}
	da, db := a.day, b.day
	if !a.hasDay || !b.hasDay || da.From.Equal(db.From) || sharedGroups(a, b) < 1 {
		return judgement{}, false
	}
	// The same event: the verb the date times, or the thing a reschedule
	// moves ("will release Starfall on 14 March", "pushed back the release
	// of Starfall to 28 April").
	event := an.eventAt(a, da)
	if event == "" || event != an.eventAt(b, db) || a.speculativeAt(0) || b.speculativeAt(0) {
		return judgement{}, false
	}
	ta, tb := txt(a, da.Span), txt(b, db.Span)
	score := (0.55 + 0.05*math.Min(float64(sharedGroups(a, b)+sharedContent(a, b)), 4)) * hedgeFactor(a, b)
	kind, expl := KindNumeric, fmt.Sprintf("%s dates it %s; %s dates it %s.", src(a), ta, src(b), tb)
	// A later source saying the date moved ("pushed back to 28 April")
	// supersedes the earlier one rather than contradicting it.
	pa, _ := publishedDay(a)
	pb, _ := publishedDay(b)
	switch {
	case !pa.IsZero() && pb.After(pa) && an.rescheduled(b, db):
		kind, score = KindTemporal, score*0.8
		expl = fmt.Sprintf("%s dated it %s; %s, published later, reports it moved to %s: the earlier statement is superseded.", src(a), ta, src(b), tb)
	case !pb.IsZero() && pa.After(pb) && an.rescheduled(a, da):
		kind, score = KindTemporal, score*0.8
		expl = fmt.Sprintf("%s dated it %s; %s, published later, reports it moved to %s: the earlier statement is superseded.", src(b), tb, src(a), ta)
	}
	return judgement{
		kind:  kind,
		score: clamp01(score),
		cues: []Cue{
			{Kind: "date", Side: "a", Text: ta},
			{Kind: "date", Side: "b", Text: tb},
			{Kind: "event", Text: event},
		},
		hlA:      []tokenize.Span{da.Span},
		hlB:      []tokenize.Span{db.Span},
		expl:     expl,
		keyA:     "date:" + event + ":" + da.From.Format("2006-01-02"),
		keyB:     "date:" + event + ":" + db.From.Format("2006-01-02"),
		specific: true,
	}, true
}

// eventAt returns the stem of what date d times in c: the nearest verb
// before it in its clause, or, when that verb is a reschedule ("pushed
// back"), the first content word after the reschedule (its object).
func (an *analyzer) eventAt(c *claim, d tokenize.DateRef) string {
	a, _ := tokenRange(c.toks, d.Span)
	for k := a - 1; k >= 0 && k < len(c.clause) && c.clause[k] == c.clause[min(a, len(c.clause)-1)]; k-- {
		if end := an.rescheduleAt(c, k); end > 0 {
			for j := end; j < a; j++ {
				if c.content[j] && !c.inEntity(j) {
					return c.toks[j].Stem
				}
			}
			return ""
		}
		t := c.toks[k]
		if c.content[k] && (strings.HasPrefix(t.Tag, "VB") || t.Tag == "" && verbOnly(t)) {
			return t.Stem
		}
	}
	return ""
}

// rescheduled reports whether a reschedule word ("pushed back",
// "postponed") stands in the clause of date d.
func (an *analyzer) rescheduled(c *claim, d tokenize.DateRef) bool {
	a, _ := tokenRange(c.toks, d.Span)
	for i := range c.toks {
		if i >= len(c.clause) || a >= len(c.clause) || c.clause[i] != c.clause[a] {
			continue
		}
		if an.rescheduleAt(c, i) > 0 {
			return true
		}
	}
	return false
}

// rescheduleAt returns where a reschedule phrase starting at token i ends,
// or 0 when none starts there.
func (an *analyzer) rescheduleAt(c *claim, i int) int {
	for _, w := range an.lx.reschedules {
		if i+len(w) <= len(c.toks) && matchWords(c.toks[i:i+len(w)], w) {
			return i + len(w)
		}
	}
	return 0
}

// matchWords reports whether toks are words, as normalised, one for one.
func matchWords(toks []tokenize.Token, words []string) bool {
	for k, w := range words {
		if toks[k].Norm != w {
			return false
		}
	}
	return true
}

// givenToo reports whether c gives amount x as well, of the same thing (or
// both of nothing named): then c's other figure is of something else ("seven
// out of 28 girls" against "seven girls"), and "five injured" does not
// hide a conflict between "five killed" and "seven killed".
func givenToo(c *claim, x quant) bool {
	for _, z := range c.qty {
		if z.q.Unit == x.q.Unit && valuesAgree(x.q, z.q) && (len(x.measures) == 0 && len(z.measures) == 0 || countShared(x.measures, z.measures) > 0) {
			return true
		}
	}
	return false
}

// farApart reports whether two amounts (counts, money, any unit) differ a
// hundredfold or more:
// sources disagree on a count by a factor, not by orders of magnitude.
func farApart(x, y float64) bool {
	x, y = math.Abs(x), math.Abs(y)
	if x > y {
		x, y = y, x
	}
	return x == 0 || y/x >= 100
}

func hasPrefixAny(w string, ps []string) bool {
	for _, p := range ps {
		if strings.HasPrefix(w, p+" ") || strings.HasPrefix(w, p+"\u00a0") {
			return true
		}
	}
	return false
}

// rangesMeet reports whether two written amounts can both be true.
func rangesMeet(wx string, x tokenize.Quantity, wy string, y tokenize.Quantity) bool {
	lx, hx := valueRange(wx, x)
	ly, hy := valueRange(wy, y)
	return lx <= hy && ly <= hx
}

// quantities agree when equal, or within 10% when either is approximate
// or rounded.
func valuesAgree(x, y tokenize.Quantity) bool {
	if x.Value == y.Value {
		return true
	}
	if temperature(x) {
		// 41.1C and 41.3C differ as much as 1.1C and 1.3C, and a record
		// turns on a tenth.
		d := math.Abs(x.Value - y.Value)
		if x.Approx || y.Approx {
			return d <= 1
		}
		return d < 0.05
	}
	m := math.Max(math.Abs(x.Value), math.Abs(y.Value))
	if m == 0 {
		return true
	}
	d := math.Abs(x.Value-y.Value) / m
	if x.Approx || y.Approx {
		return d <= 0.10
	}
	return d <= 0.01
}

func yearLike(c *claim, q tokenize.Quantity) bool {
	// A year is never written with a thousands separator: "1,800 drivers".
	return q.Unit == "" && q.Value >= 1800 && q.Value <= 2100 && q.Value == math.Trunc(q.Value) &&
		!strings.Contains(c.d.Text(q.Span), ",")
}

// detectNumeric: the same quantity of the same thing, for the same party,
// with different values. A deal's size and a funding round's size are
// different things, so they are never compared.
func (an *analyzer) detectNumeric(a, b *claim) (judgement, bool) {
	var agree judgement
	agreed := false
	for _, x := range a.qty {
		for _, y := range b.qty {
			if x.q.Unit != y.q.Unit {
				var ok bool
				if x, y, ok = sameDuration(x, y); !ok {
					continue
				}
			}
			if yearLike(a, x.q) || yearLike(b, y.q) {
				continue
			}
			team := peopleAt(x, y) || peopleAt(y, x)
			sameThing := countShared(x.measures, y.measures) > 0 || team
			sameActor := x.actor != "" && y.actor != "" && a.parties.same(x.actor, y.actor)
			// Different actors are different amounts, unless each
			// statement names the other's actor too: "Portside agreed a
			// £32m fee with Riverton for Okafor" and "Okafor joined
			// Portside from Riverton for £28m" tell one transaction.
			// An event's amount is of every party in it: "banned Osei for
			// four years" and "Osei's two-year suspension" time one ban,
			// so one statement naming the other's party is enough.
			oneEvent := x.event != "" && x.event == y.event
			if ago(a, x) != ago(b, y) {
				continue // "married six years ago" is when, "for three months" how long
			}
			if oneEvent && x.byVerb && y.byVerb && x.noun && y.noun && countShared(x.measures, y.measures) == 1 {
				continue // "served two years in the army", "served four years in jail"
			}
			if x.actor != "" && y.actor != "" && !sameActor {
				told := names(a, y.actor) && names(b, x.actor)
				if oneEvent {
					told = names(a, y.actor) || names(b, x.actor)
				}
				if !told {
					continue
				}
			}
			if valuesAgree(x.q, y.q) {
				if (sameThing || sameActor) && !agreed && (len(x.measures) > 0 || sameActor) {
					agree = judgement{
						kind:  KindAgreement,
						score: clamp01(0.6 + 0.2*b2f(sameThing) + 0.2*b2f(sameActor)),
						cues:  []Cue{{Kind: "number", Text: fmt.Sprintf("%s = %s", txt(a, x.q.Span), txt(b, y.q.Span))}},
						hlA:   []tokenize.Span{x.q.Span},
						hlB:   []tokenize.Span{y.q.Span},
						expl: fmt.Sprintf("%s and %s both give %s (%q, %q).", src(a), src(b),
							x.what, txt(a, x.q.Span), txt(b, y.q.Span)),
						keyA: qkey(x),
						keyB: qkey(x),
					}
					agreed = true
				}
				continue
			}
			// A party's share with nothing else said of it ("Ostrander at
			// 47%", "leads 49% to 43%") is its share of the one count the
			// story is about.
			share := sameActor && x.share && y.share && len(x.measures) == 0 && len(y.measures) == 0 && sameGroupOf(a, b)
			if !share && (!sameThing || len(x.measures) == 0) {
				continue
			}
			if j, ok := an.cumulativeUpdate(a, x, b, y); ok {
				return j, true // "14 killed" on Sunday, "the toll rose to 22" on Monday
			}
			if rangesMeet(txt(a, x.q.Span), x.q, txt(b, y.q.Span), y.q) {
				continue // "more than 200" and "276" can both be true
			}
			if subsetOf(a, x, b, y) || subsetOf(b, y, a, x) {
				continue // "two clubs have objected" and "the ten clubs"
			}
			if an.movement(a, x) && an.movement(b, y) && !sameDay(a, b) {
				continue // "shares rose 7%" one day, "fell 5%" the next
			}
			if isRate(x) != isRate(y) {
				continue // "1.2 million pots a week" and "48,000 pots"
			}
			if x.past != y.past {
				continue // "the previous record, 40.1C" and "reached 41.3C"
			}
			if farApart(x.q.Value, y.q.Value) {
				continue // "two people" and "9,000 staff", "$29 bands" and "$4,000 watches" are different things
			}
			if datedElsewhere(a, b) || datedElsewhere(b, a) {
				continue // "in 2015, thieves took a sketch worth 30,000 euros"
			}
			if pickedElsewhere(a, b) || pickedElsewhere(b, a) {
				continue // "waits were shortest at Kellbridge General": one hospital's figure, not the whole's
			}
			if differentObjects(a, x, b, y) || x.qualifier != "" && !names(b, x.qualifier) || y.qualifier != "" && !names(a, y.qualifier) {
				continue
			}
			if x.actor == "" && y.actor == "" && x.head != y.head && !team && !oneEvent && countShared(x.measures, y.measures)*2 < max(len(x.measures), len(y.measures)) {
				continue
			}
			if !sameActor && (givenToo(b, x) || givenToo(a, y)) {
				// "priced around $500, while the gold variant ... $4,000"
				// gives a's $500 too. Not when one party's figure is
				// given two values: "the Milky Way, which stretches
				// 100,000 light-years" against "the Milky Way measures
				// 2,000", though 2,000 is given for another galaxy.
				continue
			}
			score := 0.6 + 0.15*b2f(sameActor) + 0.1*math.Min(float64(countShared(x.measures, y.measures)), 2)/2
			return numberJudgement(a, x, b, y, KindNumeric, score, fmt.Sprintf("%s gives %s for %s; %s gives %s.",
				src(a), txt(a, x.q.Span), x.what, src(b), txt(b, y.q.Span))), true
		}
	}
	return agree, agreed
}

// ago reports whether amount x of claim c is a time before now ("six
// years ago"), a point in time rather than a length.
func ago(c *claim, x quant) bool {
	return x.b < len(c.toks) && c.toks[x.b].Norm == "ago"
}

// seconds gives the length of each unit of time (a compound's "~year" is
// a year).
var seconds = map[string]float64{"s": 1, "min": 60, "h": 3600, "day": 86400, "week": 7 * 86400, "month": 30 * 86400, "year": 365 * 86400}

// sameDuration returns two amounts of time in different units ("within 40
// minutes", "more than four hours") in seconds, so they can be compared;
// ok is false unless both are the time one event took ("shut down within
// 40 minutes", "took four hours to close"): "six months ago" and "two
// weeks ago" are times of different events.
func sameDuration(x, y quant) (quant, quant, bool) {
	sx, okx := seconds[strings.TrimPrefix(x.q.Unit, "~")]
	sy, oky := seconds[strings.TrimPrefix(y.q.Unit, "~")]
	if !okx || !oky || x.event == "" || x.event != y.event {
		return x, y, false
	}
	x.q.Value, x.q.Unit = x.q.Value*sx, "s"
	y.q.Value, y.q.Unit = y.q.Value*sy, "s"
	return x, y, true
}

// cumulativeUpdate: x of a and y of b count a thing that only grows as
// news comes in (configuration "cumulative": the killed, the injured,
// cases), and the later source gives more: its figure updates the earlier
// one, a temporal finding. A later lower figure, or one of the same day,
// is left to the numeric comparison.
func (an *analyzer) cumulativeUpdate(a *claim, x quant, b *claim, y quant) (judgement, bool) {
	grows := false
	for _, m := range x.measures {
		grows = grows || an.lx.cumulative[m]
	}
	if !grows {
		return judgement{}, false
	}
	pa, _ := publishedDay(a)
	pb, _ := publishedDay(b)
	if pa.IsZero() || pb.IsZero() || pa.Equal(pb) {
		return judgement{}, false
	}
	early, late, ea, la := a, b, x, y
	if pb.Before(pa) {
		early, late, ea, la = b, a, y, x
	}
	if la.q.Value <= ea.q.Value {
		return judgement{}, false
	}
	return numberJudgement(a, x, b, y, KindTemporal, 0.5, fmt.Sprintf("%s gave %s for %s; %s, published later, gives %s: the earlier count is superseded.",
		src(early), txt(early, ea.q.Span), x.what, src(late), txt(late, la.q.Span))), true
}

// numberJudgement is the finding of amount x of a against y of b, of the
// given kind, at base score (lowered for hedging).
func numberJudgement(a *claim, x quant, b *claim, y quant, kind Kind, base float64, expl string) judgement {
	return judgement{
		kind:  kind,
		score: clamp01(base * hedgeFactor(a, b)),
		cues: []Cue{
			{Kind: "number", Side: "a", Text: txt(a, x.q.Span)},
			{Kind: "number", Side: "b", Text: txt(b, y.q.Span)},
			{Kind: "measure", Text: x.what},
		},
		hlA:      []tokenize.Span{x.q.Span},
		hlB:      []tokenize.Span{y.q.Span},
		expl:     expl,
		keyA:     qkey(x),
		keyB:     qkey(y),
		specific: true,
	}
}

// amongScope returns the stems of the content words after "among" ("among
// independent voters"): the group a figure is of.
func (c *claim) amongScope() []string {
	if !c.amongDone {
		c.among, c.amongDone = c.findAmong(), true
	}
	return c.among
}

func (c *claim) findAmong() []string {
	var out []string
	for i, t := range c.toks {
		if t.Norm != "among" {
			continue
		}
		for k := i + 1; k < len(c.toks) && k <= i+4 && c.toks[k].Kind == tokenize.Word; k++ {
			if c.content[k] {
				out = append(out, c.toks[k].Stem)
			}
		}
	}
	return out
}

// sameGroupOf reports whether two claims' figures are of one group: both
// of the whole ("Ostrander at 47%" and "leads 49% to 43%"), or of groups
// one within the other. A group the other's document gives as its whole
// ("among likely voters" beside "a survey of 1,150 likely voters") is the
// whole.
func sameGroupOf(a, b *claim) bool {
	sa, sb := a.amongScope(), b.amongScope()
	if len(sa) > 0 && docNames(b.d, sa) {
		sa = nil
	}
	if len(sb) > 0 && docNames(a.d, sb) {
		sb = nil
	}
	if len(sa) == 0 || len(sb) == 0 {
		return len(sa) == len(sb)
	}
	return subset(sa, sb) || subset(sb, sa)
}

// docNames reports whether document d says every stem of s outside an
// "among" phrase: as its own subject, not as one of its groups.
func docNames(d *tokenize.Document, s []string) bool {
	found := make([]bool, len(s))
	for i, t := range d.Tokens {
		if amongBefore(d.Tokens, i) {
			continue
		}
		for k, x := range s {
			found[k] = found[k] || t.Stem == x
		}
	}
	return !slices.Contains(found, false)
}

// amongBefore reports whether an "among" stands in the four word tokens
// before token i, in its sentence.
func amongBefore(toks []tokenize.Token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-4 && toks[k].Kind == tokenize.Word; k-- {
		if toks[k].Norm == "among" {
			return true
		}
	}
	return false
}

// subset reports whether every string of a is in b.
func subset(a, b []string) bool {
	for _, s := range a {
		if !slices.Contains(b, s) {
			return false
		}
	}
	return true
}

// pickedElsewhere reports whether a superlative of a picks out a named
// member ("longest at St Aidan's Hospital", "highest in Portlow") that b
// does not name: a's figure is that member's, and b's is another member's
// or the whole's.
func pickedElsewhere(a, b *claim) bool {
	s := a.pickedOut()
	return s != "" && !names(b, s)
}

// pickedOut returns the name a superlative of c picks out, the mention
// after "at", "in" or "among" (and an optional "the") right after it, or "".
func (c *claim) pickedOut() string {
	if c.seen&wordOrdinal == 0 {
		return "" // no word that may be a superlative (newClaim)
	}
	if !c.pickedDone {
		c.picked, c.pickedDone = c.findPickedOut(), true
	}
	return c.picked
}

func (c *claim) findPickedOut() string {
	for i, t := range c.toks {
		if !superlativeAdj(t.Norm) {
			continue
		}
		for k := i + 1; k < len(c.toks) && k <= i+2; k++ {
			switch c.toks[k].Norm {
			case "at", "in", "among":
				j := k + 1
				if j < len(c.toks) && c.toks[j].Norm == "the" {
					j++
				}
				if j < len(c.toks) {
					if name := c.entityAt(j); name != "" {
						return name
					}
				}
			}
		}
	}
	return ""
}

// superlativeAdj is superlative for words WordNet also lists as lemmas:
// "longest" is an adverb there and "lowest" an adjective of its own. An
// adjective reading whose base is itself counts when the word less "-est"
// is a word ("low"), so "honest" is no superlative.
func superlativeAdj(w string) bool {
	stem, ok := strings.CutSuffix(w, "est")
	if !ok || len(w) <= 5 {
		return false
	}
	base, ok := wn.LemmaPOS(w, wn.Adj)
	return ok && (base != w || wn.Known(stem))
}

// peopleAt reports whether x counts "people" and y a kind of person under
// the same act: "more than 300 people worked on the game" and "about 250
// developers worked on it" count one team. Without the act, "300 people"
// and "250 firefighters" are two groups.
func peopleAt(x, y quant) bool {
	return x.head == "~peopl" && y.act != "" && y.act == x.act && y.head != "" && !strings.HasPrefix(y.head, "~")
}

// datedElsewhere reports whether a is set in a period ("in 2015") that b,
// undated, and b's whole document never name: a figure of another time
// than the one b's source writes about. (Both dated is differentTimes'.)
// Only "in" sets the time; "through 2029" or "by late 2026" bound a plan.
func datedElsewhere(a, b *claim) bool {
	if len(b.dates) > 0 {
		return false
	}
	dated := false
	for _, x := range a.dates {
		k, _ := tokenRange(a.toks, x.Span)
		if !period(x) || k == 0 || k > len(a.toks) || a.toks[k-1].Norm != "in" {
			continue
		}
		dated = true
		for _, s := range b.d.Sentences {
			for _, y := range s.Dates {
				if !y.From.IsZero() && !x.From.After(y.To) && !y.From.After(x.To) {
					return false
				}
			}
		}
	}
	return dated
}

// differentObjects reports whether two amounts are for different named
// things: both name theirs and the names differ, or one names a thing the
// other source never mentions at all ("a fee of £18 million" in an article
// about one player against "a fee of £7 million for X", another player).
func differentObjects(a *claim, x quant, b *claim, y quant) bool {
	switch {
	case x.object != "" && y.object != "":
		return !a.parties.same(x.object, y.object)
	case y.object != "":
		return !mentions(a, y.object)
	case x.object != "":
		return !mentions(b, x.object)
	}
	return false
}

// mentions reports whether c's document names the party of entity name
// anywhere.
// names reports whether claim c itself mentions the party name.
func names(c *claim, name string) bool {
	for _, e := range c.ents {
		if c.parties.same(e.name, name) {
			return true
		}
	}
	return false
}

func mentions(c *claim, name string) bool {
	for _, s := range c.d.Sentences {
		for _, m := range s.Mentions {
			n := m.Entity
			if n == "" {
				n = strings.ToLower(c.d.Text(m.Span))
			}
			if c.parties.same(n, name) {
				return true
			}
		}
	}
	return false
}

func qkey(q quant) string {
	return fmt.Sprintf("qty:%s:%.3g:%s", q.q.Unit, q.q.Value, strings.Join(q.measures, " "))
}
