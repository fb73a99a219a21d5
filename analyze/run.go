package analyze

import (
	"context"
	"crypto/sha1"
	"encoding/hex"
	"time"

	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/crosscheck-go/crosscheck/tokenize"
)

// defaultMinScore is the lowest score a conflict may have to be reported
// when Options.MinScore is zero.
const defaultMinScore = 0.5

// analyzer holds what one Run or Judge needs: the compiled configuration.
type analyzer struct {
	lx       *lexicon
	minScore float64
}

// defaultLexicon is the default configuration compiled once: a run over
// many stories calls Run once per story, and parsing and stemming the
// embedded lists each time cost more than analysing a small story. The
// lexicon is never written after compile, so sharing it is safe.
var defaultLexicon = sync.OnceValue(func() *lexicon { return DefaultConfig().compile() })

func newAnalyzer(opts Options) *analyzer {
	var lx *lexicon
	if opts.Config == nil {
		lx = defaultLexicon()
	} else {
		lx = opts.Config.compile()
	}
	an := &analyzer{lx: lx, minScore: opts.MinScore}
	if an.minScore <= 0 {
		an.minScore = defaultMinScore
	}
	return an
}

// Run analyses documents of one story and returns its findings, in a
// deterministic order.
func Run(ctx context.Context, docs []*tokenize.Document, opts Options) (*Result, error) {
	an := newAnalyzer(opts)
	res := &Result{Sources: []SourceInfo{}, Topics: []Topic{}, Conflicts: []Finding{}, Agreements: []Finding{}}
	seen := map[string]bool{}
	for i, d := range docs {
		if d == nil {
			return nil, fmt.Errorf("analyze: document %d is nil", i)
		}
		if seen[d.Source.ID] {
			return nil, fmt.Errorf("analyze: %s: duplicate source id %q", sourceName(d), d.Source.ID)
		}
		seen[d.Source.ID] = true
		if err := checkDoc(d); err != nil {
			return nil, err
		}
		res.Sources = append(res.Sources, SourceInfo{
			ID: d.Source.ID, Path: d.Source.Path, Title: d.Source.Title, Outlet: d.Source.Outlet,
			URL: d.Source.URL, Date: d.Source.Date, Sentences: len(d.Sentences),
		})
	}
	if len(docs) < 2 {
		res.Notes = append(res.Notes, "cross-source comparison needs two or more sources")
	}

	claims, err := an.storyClaims(ctx, docs)
	if err != nil {
		return nil, err
	}
	total := len(claims) + 1
	if opts.Progress != nil {
		opts.Progress(len(claims)/2, total)
	}

	topics, topicOf := an.discoverTopics(claims, docs)
	res.Topics = topics

	pairs := an.align(claims)
	var raw []rawFinding
	for k, pr := range pairs {
		if k%256 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		a, b := claims[pr.i], claims[pr.j]
		j, ok := an.compare(a, b)
		if !ok {
			continue
		}
		if j.kind == KindPolarity && strings.HasPrefix(j.keyB, "state:ended") && a.doc != b.doc {
			j = temporal(j, a, b)
		} else if j.kind == KindPolarity && strings.HasPrefix(j.keyA, "state:ended") && a.doc != b.doc {
			j = swapJudgement(temporal(swapJudgement(j), b, a))
		}
		if a.doc == b.doc && !selfConflict(j, a, b) {
			continue
		}
		if a.doc == b.doc {
			j.kind = KindSelf
		}
		if j.conflict() && (a.heading || b.heading) {
			// A headline summarises; the body sentence saying the same
			// thing is the better evidence, so headlines rank lower.
			j.score -= 0.1
		}
		// The threshold is on what the detector saw, before hedging: a
		// conflict with a hedged or attributed claim is kept, scored
		// lower and marked, not dropped.
		if j.conflict() && j.score < an.minScore*hedgeFactor(a, b) {
			continue
		}
		raw = append(raw, rawFinding{a: a, b: b, j: j})
	}
	if opts.Progress != nil {
		opts.Progress(total-1, total)
	}
	res.Conflicts, res.Agreements = an.findings(raw, topicOf)
	res.Notes = append(res.Notes, datingNote(res.Conflicts, docs)...)
	if opts.Progress != nil {
		opts.Progress(total, total)
	}
	return res, nil
}

// internStems numbers the distinct stems of claims and gives each claim
// its stems' numbers, sorted, in one shared array: overlap, asked of every
// aligned pair, then merges integers instead of strings.
func internStems(claims []*claim) {
	total := 0
	for _, c := range claims {
		total += len(c.stems)
	}
	ids := make(map[string]int32, total/4)
	all := make([]int32, total)
	for _, c := range claims {
		own := all[:len(c.stems):len(c.stems)]
		all = all[len(c.stems):]
		for k, s := range c.stems {
			id, ok := ids[s]
			if !ok {
				id = int32(len(ids))
				ids[s] = id
			}
			own[k] = id
		}
		slices.Sort(own)
		c.stemIDs = own
	}
}

// selfConflict reports whether a conflict between two statements of one
// source is sharp enough to report: articles restate themselves in looser
// words, so only a numeric or change conflict between two statements that
// say nearly the same thing counts. A numeric one needs the same measured
// thing rather than a high score, which would ask for a named actor.
func selfConflict(j judgement, a, b *claim) bool {
	n, share := overlap(a, b)
	if !j.conflict() || share < 0.6 || n < 4 {
		return false
	}
	switch j.kind {
	case KindNumeric:
		// The same verb must govern both amounts ("employs 640" and
		// "employs 460"), not "killed 31" and "36 ... were wounded".
		if len(j.hlA) == 0 || len(j.hlB) == 0 {
			return false
		}
		va, vb := a.wordBefore(j.hlA[0]), b.wordBefore(j.hlB[0])
		return j.score >= 0.55 && va != "" && va == vb
	case KindPolarity:
		return j.score >= 0.7
	}
	return false
}

// wordBefore returns the stem of the nearest content word before span sp
// in its clause, at most three tokens away, or "".
func (c *claim) wordBefore(sp tokenize.Span) string {
	i, _ := tokenRange(c.toks, sp)
	for k := i - 1; k >= 0 && k >= i-3 && i < len(c.toks); k-- {
		if c.clause[k] != c.clause[i] {
			break
		}
		if c.content[k] {
			return c.toks[k].Stem
		}
	}
	return ""
}

// swapJudgement exchanges the sides of a judgement.
func swapJudgement(j judgement) judgement {
	j.hlA, j.hlB = j.hlB, j.hlA
	j.keyA, j.keyB = j.keyB, j.keyA
	cues := make([]Cue, len(j.cues))
	for i, c := range j.cues {
		switch c.Side {
		case "a":
			c.Side = "b"
		case "b":
			c.Side = "a"
		}
		cues[i] = c
	}
	j.cues = cues
	return j
}

// temporal turns a change-of-state conflict into a supersession when the
// change b reports came after the time of a's statement that the state
// continues: a was true when made. The time of the change is the date
// written nearest its cue in b's sentence ("ceased production on 12
// March"), else b's publication date; a's statement speaks of its own
// publication date (see continuedAt). When the change came on or before
// a's time, both describe the same time and it stays a contradiction; when
// either time is unknown it stays one too.
func temporal(j judgement, a, b *claim) judgement {
	aTo, aText := continuedAt(a)
	bFrom, bText := changedAt(b, j.hlB)
	if aTo.IsZero() || bFrom.IsZero() || !bFrom.After(aTo) {
		return j
	}
	j.kind = KindTemporal
	j.score *= 0.8
	j.cues = append(j.cues, Cue{Kind: "time", Text: fmt.Sprintf("%s: %s, %s: %s", src(a), aText, src(b), bText)})
	j.expl = fmt.Sprintf("%s says it continues (%s); %s reports that it ended later (%s): the earlier statement is superseded, not contradicted.",
		src(a), aText, src(b), bText)
	return j
}

// changedAt is when the change c reports happened: the date written
// nearest its cue words hl, else c's publication day. The text says which,
// for the explanation.
func changedAt(c *claim, hl []tokenize.Span) (time.Time, string) {
	at := c.span.Start
	if len(hl) > 0 {
		at = hl[0].Start
	}
	best := -1
	for i, d := range c.dates {
		if d.From.IsZero() {
			continue
		}
		if best < 0 || absInt(d.Start-at) < absInt(c.dates[best].Start-at) {
			best = i
		}
	}
	if best >= 0 {
		d := c.dates[best]
		return d.From, fmt.Sprintf("%q", c.d.Text(d.Span))
	}
	return publishedDay(c)
}

// continuedAt is the time of c's statement that a state goes on: a
// present-tense claim speaks of its publication day, and a date written in
// it more often names another event ("signed in 2021, remains in force"),
// so the text's last date counts only for an undated source.
func continuedAt(c *claim) (time.Time, string) {
	// "remains in her role until the end of 2028" says the state holds up
	// to that date, not only on the day it was written.
	for _, d := range c.dates {
		a, _ := tokenRange(c.toks, d.Span)
		for k := a - 1; k >= 0 && k >= a-4; k-- {
			if n := c.toks[k].Norm; (n == "until" || n == "till" || n == "through") && !d.To.IsZero() {
				return d.To, fmt.Sprintf("until %q", c.d.Text(d.Span))
			}
		}
	}
	if t, s := publishedDay(c); !t.IsZero() {
		return t, s
	}
	var last tokenize.DateRef
	for _, d := range c.dates {
		if !d.To.IsZero() && d.To.After(last.To) {
			last = d
		}
	}
	if last.To.IsZero() {
		return time.Time{}, ""
	}
	return last.To, fmt.Sprintf("%q", c.d.Text(last.Span))
}

// publishedDay is c's source's publication day, or zero.
func publishedDay(c *claim) (time.Time, string) {
	t := c.d.Source.Date
	if t.IsZero() {
		return t, ""
	}
	day := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	return day, "dated " + day.Format("2006-01-02")
}

func absInt(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// datingNote tells the reader when a change of state could not be placed
// in time because a source has no date.
func datingNote(conflicts []Finding, docs []*tokenize.Document) []string {
	dated := map[string]bool{}
	for _, d := range docs {
		dated[d.Source.ID] = !d.Source.Date.IsZero()
	}
	for _, f := range conflicts {
		if f.Kind != KindPolarity {
			continue
		}
		for _, c := range f.Cues {
			if c.Kind == string(tokenize.CueChange) && (!dated[f.A.Source] || !dated[f.B.Source]) {
				return []string{"some sources have no date, so a reported change of state cannot be ordered in time: it is shown as a contradiction, not as a later update"}
			}
		}
	}
	return nil
}

func sourceName(d *tokenize.Document) string {
	if d.Source.Path != "" {
		return d.Source.Path
	}
	return d.Source.ID
}

// checkDoc rejects a document whose spans do not index its text, so that no
// detector can slice out of range.
func checkDoc(d *tokenize.Document) error {
	n := len(d.Source.Text)
	for i, s := range d.Sentences {
		if s.Start < 0 || s.End > n || s.Start > s.End || s.First < 0 || s.Last > len(d.Tokens) || s.First > s.Last {
			return fmt.Errorf("analyze: %s: sentence %d has span [%d,%d) tokens [%d,%d) out of range", sourceName(d), i, s.Start, s.End, s.First, s.Last)
		}
		if s.Para < 0 || (len(d.Paragraphs) > 0 && s.Para >= len(d.Paragraphs)) {
			return fmt.Errorf("analyze: %s: sentence %d has paragraph %d out of range", sourceName(d), i, s.Para)
		}
		for _, sp := range spansOf(s) {
			if sp.Start < 0 || sp.End > n || sp.Start > sp.End {
				return fmt.Errorf("analyze: %s: sentence %d has an annotation [%d,%d) out of range", sourceName(d), i, sp.Start, sp.End)
			}
		}
	}
	for i, t := range d.Tokens {
		if t.Start < 0 || t.End > n || t.Start > t.End {
			return fmt.Errorf("analyze: %s: token %d has span [%d,%d) out of range", sourceName(d), i, t.Start, t.End)
		}
	}
	for i, p := range d.Paragraphs {
		if p.Start < 0 || p.End > n || p.Start > p.End {
			return fmt.Errorf("analyze: %s: paragraph %d has span [%d,%d) out of range", sourceName(d), i, p.Start, p.End)
		}
	}
	return nil
}

func spansOf(s tokenize.Sentence) []tokenize.Span {
	var out []tokenize.Span
	for _, c := range s.Cues {
		out = append(out, c.Span)
	}
	for _, q := range s.Quantities {
		out = append(out, q.Span)
	}
	for _, m := range s.Mentions {
		out = append(out, m.Span)
	}
	for _, d := range s.Dates {
		out = append(out, d.Span)
	}
	return out
}

type rawFinding struct {
	a, b *claim
	j    judgement
}

type pair struct{ i, j int }

// hit is one term two claims share, in align: the pair packed as
// i<<32 | j, and the term's weight.
type hit struct {
	p uint64
	w float32
}

// storyClaims makes the claims of docs' body sentences, their parties
// linked across all docs; ctx is checked after each document.
func (an *analyzer) storyClaims(ctx context.Context, docs []*tokenize.Document) ([]*claim, error) {
	p := newParties()
	p.orgNouns = an.lx.orgNouns
	for _, d := range docs {
		p.add(d)
	}
	p.linkPrefixes()
	var claims []*claim
	for di, d := range docs {
		for si := range d.Sentences {
			if d.Sentences[si].Start < d.Source.BodyStart {
				continue
			}
			claims = append(claims, newClaim(an.lx, p, d, di, si))
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
	}
	internStems(claims)
	return claims, nil
}

// terms returns the index keys of a claim: its content stems and entity
// groups (generic keys), and markers for the claim shapes detectors look
// for, qualified by each party the claim names, so that two exclusivity
// claims about the same parties meet even when they share few words, while
// the marker lists stay short in a large input.
func (c *claim) terms() (generic, special []string) {
	generic = make([]string, 0, len(c.stems)+len(c.groups))
	generic = append(generic, c.stems...)
	for _, g := range c.groups {
		generic = append(generic, "@"+g)
	}
	var shapes []string
	if len(c.excl) > 0 || len(c.host) > 0 || len(c.multi) > 0 {
		shapes = append(shapes, "excl")
	}
	for _, cu := range c.cues {
		switch cu.kind {
		case tokenize.CueExclusive:
			shapes = append(shapes, "state")
		case tokenize.CueApproval, tokenize.CueObjection:
			shapes = append(shapes, "attitude")
		case tokenize.CueContinue, tokenize.CueChange:
			// A state that goes on or stopped: compared with every other
			// such statement of its party, however few words they share
			// ("the ban remains in place", "lifted the ban"). Mere
			// change words ("now", "switched") pair nothing.
			if cu.kind == tokenize.CueContinue && cu.word != "still" || c.lx.stops[cu.text] {
				shapes = append(shapes, "change")
			}
		}
	}
	if _, _, ok := c.stillWithout(); ok {
		// "still without power" meets "power was restored", sharing
		// little else.
		shapes = append(shapes, "change")
	}
	for _, q := range c.qty {
		shapes = append(shapes, "qty:"+q.q.Unit)
		if q.event != "" {
			// "shut down within 40 minutes", "took four hours to
			// close the valves": one event timed in other words.
			shapes = append(shapes, "event:"+q.event)
		}
	}
	if c.has&flHarm != 0 {
		// "No one was injured" and "a driver was taken to hospital"
		// share no word.
		shapes = append(shapes, "harm")
	}
	if c.has&flCause != 0 {
		shapes = append(shapes, "cause")
	}
	if c.has&flVote != 0 {
		shapes = append(shapes, "vote")
	}
	if c.has&flTally != 0 {
		// "The measure passed 8-3" names nothing of "the council voted
		// 7-4 to approve the subsidy".
		shapes = append(shapes, "tally")
	}
	if c.has&flNegation != 0 || c.has&flOccur != 0 {
		shapes = append(shapes, c.occurrenceMarkers()...)
	}
	// "The leak has been stopped" and "working to seal the leak" share
	// only the thing.
	if c.has&(flDeathSaid|flDeathDenied) != 0 {
		// "All of the miners survived" and "one of them died".
		shapes = append(shapes, "death")
	}
	if c.things.ended.thing != "" {
		shapes = append(shapes, "effort:"+c.things.ended.thing)
	}
	// "Raske remains in custody" and "Raske was released on bail": the
	// kept state's opposites, and each opposable word, of each party
	// only (detectKeptState needs one party on both sides).
	var kept []string
	for _, o := range c.keptOpp {
		kept = append(kept, "kept:"+o)
	}
	for _, i := range c.opp {
		kept = append(kept, "kept:"+c.toks[i].Stem, "kept:"+baseStem(c.toks[i]))
	}
	for _, k := range uniq(kept) {
		for _, g := range c.groups {
			special = append(special, k+"@"+g)
		}
	}
	// "With no arrests" and "12 people were arrested" share only the
	// word.
	if c.things.none.thing != "" {
		shapes = append(shapes, "none:"+c.things.none.thing)
	}
	for _, d := range c.done {
		shapes = append(shapes, "none:"+d.thing)
	}
	if c.things.effort.thing != "" {
		shapes = append(shapes, "effort:"+c.things.effort.thing)
	}
	for _, s := range uniq(shapes) {
		special = append(special, s)
		for _, g := range c.groups {
			special = append(special, s+"@"+g)
		}
	}
	return uniq(generic), uniq(special)
}

// Posting-list caps. A generic term held by more sentences than
// genericCap says little about what two sentences share, and pairing all
// of them would make the work quadratic; a shape marker pairs each
// sentence with at most specialWindow later ones.
const (
	genericCap       = 100
	specialWindow    = 200
	bareWindow       = 40 // a marker with no party: nearby sentences only
	minShapePartners = 30 // shape-marker pairs a claim may take part in, in a huge input
)

// pairBudget is how many generic term pairs alignment may gather for n
// claims: generous for a story, linear for a huge input.
func pairBudget(n int) int { return max(200_000, 20*n) }

// align returns candidate pairs of claims through an inverted index of
// their terms; the work grows with the number of sentences times the caps.
func (an *analyzer) align(claims []*claim) []pair {
	index := map[string][]int{}
	special := map[string][]int{}
	for i, c := range claims {
		gen, spec := c.terms()
		for _, t := range gen {
			index[t] = append(index[t], i)
		}
		for _, t := range spec {
			special[t] = append(special[t], i)
		}
	}
	// A marker pairing a statement with its denial pairs nothing when no
	// claim under it denies: most passive verbs ("none:"), deaths
	// ("death") and opposable words ("kept:") meet no "no arrests", "no
	// one died" or kept state, and their pairs would only cost
	// comparisons.
	for k, post := range special {
		bare := strings.SplitN(k, "@", 2)[0]
		thing, isNone := strings.CutPrefix(bare, "none:")
		opp, isKept := strings.CutPrefix(bare, "kept:")
		isDeath := bare == "death"
		if !isNone && !isDeath && !isKept {
			continue
		}
		denied := false
		for _, i := range post {
			denied = denied || isNone && claims[i].things.none.thing == thing || isDeath && claims[i].deathDenied.End > 0 ||
				isKept && slices.Contains(claims[i].keptOpp, opp)
		}
		if !denied {
			delete(special, k)
		}
	}
	n := len(claims)
	keys := make([]string, 0, len(index))
	for k := range index {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	// Pairs are gathered as sorted (pair, weight) entries rather than in a
	// map: fewer allocations and a deterministic order for free.
	var hits []hit
	key := func(i, j int) uint64 { return uint64(i)<<32 | uint64(j) }
	// The cap shrinks until the pairs it admits fit the budget, so a huge
	// input (one 50 MB article) costs time in proportion to its size.
	limit := genericCap
	est := 0
	for limit > 4 {
		est = 0
		for _, post := range index {
			if len(post) <= limit {
				est += len(post) * (len(post) - 1) / 2
			}
		}
		if est <= pairBudget(n) {
			break
		}
		limit = limit * 2 / 3
	}
	// est counts the generic pairs once the loop settles (when the cap
	// bottoms out it is an over-estimate), and shape pairs are at most
	// window-many per claim of a posting: the capacity is only a hint, to
	// spare the copies of a growing slice.
	for k, post := range special {
		win := specialWindow
		if !strings.Contains(k, "@") {
			win = bareWindow
		}
		for x := range post {
			est += min(len(post)-1-x, win)
		}
	}
	hits = make([]hit, 0, min(est, 4*pairBudget(n)))
	for _, k := range keys {
		post := index[k]
		if len(post) < 2 || len(post) > limit {
			continue
		}
		w := float32(math.Log(float64(n+1) / float64(len(post))))
		for x := 0; x < len(post); x++ {
			for y := x + 1; y < len(post); y++ {
				hits = append(hits, hit{key(post[x], post[y]), w})
			}
		}
	}
	skeys := make([]string, 0, len(special))
	for k := range special {
		skeys = append(skeys, k)
	}
	sort.Strings(skeys)
	partners := make([]int, n) // shape pairs per claim, capped
	// A story gets every shape pair; a huge input a fixed share per claim.
	maxPartners := max(minShapePartners, 4_000_000/max(n, 1))
	for _, k := range skeys {
		post := special[k]
		win := specialWindow
		if !strings.Contains(k, "@") {
			win = bareWindow
		}
		for x := 0; x < len(post); x++ {
			for y := x + 1; y < len(post) && y <= x+win && partners[post[x]] < maxPartners; y++ {
				if partners[post[y]] >= maxPartners {
					continue
				}
				partners[post[x]]++
				partners[post[y]]++
				hits = append(hits, hit{key(post[x], post[y]), 100})
			}
		}
	}
	// sortHits runs the very algorithm of sort.Slice and slices.SortFunc
	// (one generated pdqsort), so equal pairs keep the order their weights
	// are summed in, without reflection or a comparison called through a
	// function value: sorting was the costliest step of align.
	sortHits(hits)
	// The pairs that pass are first packed into the front of hits (the
	// write index never passes the read index), so out and weights are
	// made at their final size instead of grown by doubling.
	kept := 0
	for i := 0; i < len(hits); {
		j := i
		var w float32
		for j < len(hits) && hits[j].p == hits[i].p {
			w += hits[j].w
			j++
		}
		// Enough rare terms, or several terms: in a story of a few
		// sentences every term is "common", so a count stands in for
		// rarity; in a handful of sentences two terms do. Shape
		// markers weigh 100, so they always pass.
		if w >= 1.5 || j-i >= 4 || n < 10 && j-i >= 2 {
			hits[kept] = hit{hits[i].p, w}
			kept++
		}
		i = j
	}
	var out []pair
	var weights []float32
	if kept > 0 {
		out = make([]pair, kept)
		weights = make([]float32, kept)
		for i, h := range hits[:kept] {
			out[i] = pair{int(h.p >> 32), int(h.p & 0xffffffff)}
			weights[i] = h.w
		}
	}
	return capPartners(out, weights, claims)
}

// runOnTokens and runOnPartners bound the comparisons of run-on claims: text
// with no sentence breaks is cut into claims of hundreds of words that share
// every word, and would be compared all against all (quadratic in the size of
// the text). News sentences are far shorter and keep all their partners.
const (
	runOnTokens   = 200
	runOnPartners = 32
)

// capPartners keeps, for a run-on claim with more than runOnPartners
// candidate partners, the ones sharing the most weight; the order of out is
// kept.
func capPartners(out []pair, weights []float32, claims []*claim) []pair {
	limit := func(i int) int {
		if len(claims[i].toks) >= runOnTokens {
			return runOnPartners
		}
		return len(claims)
	}
	degree := make([]int, len(claims))
	over := false
	for _, p := range out {
		degree[p.i]++
		degree[p.j]++
		over = over || degree[p.i] > limit(p.i) || degree[p.j] > limit(p.j)
	}
	if !over {
		return out
	}
	idx := make([]int, len(out))
	for k := range idx {
		idx[k] = k
	}
	// Heaviest first; equal weights keep index order, so the choice is
	// deterministic.
	sort.SliceStable(idx, func(x, y int) bool { return weights[idx[x]] > weights[idx[y]] })
	clear(degree)
	keep := make([]bool, len(out))
	for _, k := range idx {
		p := out[k]
		if degree[p.i] < limit(p.i) && degree[p.j] < limit(p.j) {
			keep[k] = true
			degree[p.i]++
			degree[p.j]++
		}
	}
	kept := out[:0]
	for k, p := range out {
		if keep[k] {
			kept = append(kept, p)
		}
	}
	return kept
}

// findings turns raw judgements into sorted Findings: conflicts deduplicated
// so that each pair of sources reports its strongest conflict per topic, and
// agreements grouped by the claim they share.
func (an *analyzer) findings(raw []rawFinding, topicOf map[*claim]string) ([]Finding, []Finding) {
	// Support: which sources make each side's claim.
	support := map[string]map[string]bool{}
	addSupport := func(key, id string) {
		if key == "" {
			return
		}
		if support[key] == nil {
			support[key] = map[string]bool{}
		}
		support[key][id] = true
	}
	for _, r := range raw {
		addSupport(r.j.keyA, src(r.a))
		addSupport(r.j.keyB, src(r.b))
	}
	best := map[string]rawFinding{}
	var order []string
	for _, r := range raw {
		a, b := r.a, r.b
		var key string
		if r.j.conflict() {
			x, y := src(a), src(b)
			if y < x {
				x, y = y, x
			}
			// One conflict of a kind per pair of sources: articles repeat
			// a claim in several sentences, and a reader needs it once.
			key = "c|" + x + "|" + y + "|" + family(r.j)
			// Numbers, negations and opposite words each name what is
			// disputed; two disputes between the same sources are two
			// conflicts.
			if r.j.kind == KindNumeric || strings.HasPrefix(r.j.keyA, "neg:") || strings.HasPrefix(r.j.keyA, "none:") || strings.HasPrefix(r.j.keyA, "ant:") {
				key += "|" + r.j.keyA
			}
		} else {
			// One agreement per claim, with every source making it.
			key = "a|" + r.j.keyA
		}
		old, ok := best[key]
		if !ok {
			order = append(order, key)
		}
		if !ok || r.j.score > old.j.score || r.j.score == old.j.score && lessClaims(r, old) {
			best[key] = r
		}
	}
	sort.Strings(order)
	order = coverSources(order, best, topicOf)
	var conflicts, agreements []Finding
	for _, k := range order {
		r := best[k]
		f := an.finding(r, topicOf)
		f.SupportA = keys(support[r.j.keyA])
		f.SupportB = keys(support[r.j.keyB])
		f.Severity = severity(r.j, r.a, r.b, len(f.SupportA)+len(f.SupportB))
		if r.j.conflict() {
			conflicts = append(conflicts, f)
		} else {
			agreements = append(agreements, f)
		}
	}
	sortFindings(conflicts)
	sortFindings(agreements)
	if conflicts == nil {
		conflicts = []Finding{}
	}
	if agreements == nil {
		agreements = []Finding{}
	}
	return conflicts, agreements
}

// family groups conflict kinds that tell one story: an exclusivity said to
// have ended and one met by "several providers" both deny that the
// exclusivity holds, so two sources get one of them; a second provider
// named outright is a disagreement of its own.
// coverSources keeps, of the conflicts that oppose the same two claims in
// one topic, only those that bring a source not yet shown on its side. Every
// finding already lists all the sources on each side, so the ones dropped add
// nothing a reader needs; without this, n copies of a wire story telling two
// versions give a conflict per pair of sources (quadratic), where now they
// give at most one per source.
func coverSources(order []string, best map[string]rawFinding, topicOf map[*claim]string) []string {
	groups := map[string][]string{}
	var gkeys []string
	for _, k := range order {
		r := best[k]
		if !r.j.conflict() || r.j.keyA == "" || r.j.keyB == "" {
			continue
		}
		ka, kb := r.j.keyA, r.j.keyB
		if kb < ka {
			ka, kb = kb, ka
		}
		topic := topicOf[r.a]
		if topic == "" {
			topic = topicOf[r.b]
		}
		g := family(r.j) + "|" + topic + "|" + ka + "|" + kb
		if groups[g] == nil {
			gkeys = append(gkeys, g)
		}
		groups[g] = append(groups[g], k)
	}
	drop := map[string]bool{}
	for _, g := range gkeys {
		ks := groups[g]
		if len(ks) < 3 {
			continue // two sources' worth of conflicts: nothing to thin out
		}
		sort.SliceStable(ks, func(x, y int) bool {
			rx, ry := best[ks[x]], best[ks[y]]
			if rx.j.score != ry.j.score {
				return rx.j.score > ry.j.score
			}
			return lessClaims(rx, ry)
		})
		// First the conflicts that show a new source on both sides, then
		// those that show one: at most as many as the larger side has
		// sources, and every source still appears in some conflict.
		covered := map[string]bool{}
		kept := map[string]bool{}
		for pass := range 2 {
			for _, k := range ks {
				r := best[k]
				sa, sb := r.j.keyA+"|"+src(r.a), r.j.keyB+"|"+src(r.b)
				if kept[k] || covered[sa] && covered[sb] || pass == 0 && (covered[sa] || covered[sb]) {
					continue
				}
				kept[k] = true
				covered[sa], covered[sb] = true, true
			}
		}
		for _, k := range ks {
			if !kept[k] {
				drop[k] = true
			}
		}
	}
	if len(drop) == 0 {
		return order
	}
	kept := order[:0:0]
	for _, k := range order {
		if !drop[k] {
			kept = append(kept, k)
		}
	}
	return kept
}

func family(j judgement) string {
	// A change of another state is its own story, one per state.
	for _, k := range []string{j.keyA, j.keyB} {
		if rest, ok := strings.CutPrefix(k, "state:continues:"); ok {
			return "state:" + rest
		}
	}
	if j.keyB == "excl:several" || j.keyA == "excl:several" || j.kind == KindPolarity && strings.HasPrefix(j.keyA, "state:") {
		return "exclusivity-state"
	}
	return string(j.kind)
}

func lessClaims(r, o rawFinding) bool {
	if r.a.doc != o.a.doc {
		return r.a.doc < o.a.doc
	}
	if r.a.span.Start != o.a.span.Start {
		return r.a.span.Start < o.a.span.Start
	}
	if r.b.doc != o.b.doc {
		return r.b.doc < o.b.doc
	}
	return r.b.span.Start < o.b.span.Start
}

func keys(m map[string]bool) []string {
	if len(m) == 0 {
		return nil
	}
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

var severityRank = map[Severity]int{High: 0, Medium: 1, Low: 2}

func sortFindings(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if severityRank[a.Severity] != severityRank[b.Severity] {
			return severityRank[a.Severity] < severityRank[b.Severity]
		}
		if a.Score != b.Score {
			return a.Score > b.Score
		}
		if a.A.Source != b.A.Source {
			return a.A.Source < b.A.Source
		}
		if a.A.Start != b.A.Start {
			return a.A.Start < b.A.Start
		}
		if a.B.Source != b.B.Source {
			return a.B.Source < b.B.Source
		}
		if a.B.Start != b.B.Start {
			return a.B.Start < b.B.Start
		}
		return a.ID < b.ID
	})
}

// severity ranks a finding for a reader from its score, hedging and
// corroboration (how many sources stand on each side).
func severity(j judgement, a, b *claim, support int) Severity {
	s := j.score
	if a.hedged || b.hedged {
		s -= 0.05
	}
	if support > 2 {
		s += 0.05
	}
	switch {
	case j.kind == KindTemporal:
		return Low
	case s >= 0.72:
		return High
	case s >= 0.5:
		return Medium
	default:
		return Low
	}
}

func (an *analyzer) finding(r rawFinding, topicOf map[*claim]string) Finding {
	a, b := r.a, r.b
	j := r.j
	topic := topicOf[a]
	if topic == "" {
		topic = topicOf[b]
	}
	f := Finding{
		Topic:       topic,
		Kind:        j.kind,
		Severity:    severity(j, a, b, 0),
		Score:       math.Round(j.score*1000) / 1000,
		A:           evidence(a, j.hlA),
		B:           evidence(b, j.hlB),
		Explanation: j.expl,
		Cues:        j.cues,
	}
	if f.Cues == nil {
		f.Cues = []Cue{}
	}
	h := sha1.New()
	fmt.Fprintf(h, "%s|%s|%d|%d|%s|%d|%d", f.Kind, f.A.Source, f.A.Start, f.A.End, f.B.Source, f.B.Start, f.B.End)
	prefix := "c-"
	if j.kind == KindAgreement {
		prefix = "a-"
	}
	f.ID = prefix + hex.EncodeToString(h.Sum(nil))[:12]
	return f
}

func evidence(c *claim, hl []tokenize.Span) Evidence {
	d := c.d
	e := Evidence{
		Source:   d.Source.ID,
		Start:    c.span.Start,
		End:      c.span.End,
		Text:     d.Text(c.span),
		Hedged:   c.hedged,
		Asserter: c.asserter,
	}
	e.Line, e.Col = d.Position(c.span.Start)
	for _, h := range hl {
		if h.End > h.Start {
			e.Highlights = append(e.Highlights, Span{Start: h.Start, End: h.End})
		}
	}
	sort.Slice(e.Highlights, func(i, j int) bool {
		if e.Highlights[i].Start != e.Highlights[j].Start {
			return e.Highlights[i].Start < e.Highlights[j].Start
		}
		return e.Highlights[i].End < e.Highlights[j].End
	})
	s := d.Sentences[c.sent]
	if s.Para >= 0 && s.Para < len(d.Paragraphs) {
		p := d.Paragraphs[s.Para].Span
		// A paragraph can be a whole page without line breaks: the
		// context is then a window around the evidence.
		if p.Start < e.Start-maxContext {
			p.Start = runeStart(d.Source.Text, e.Start-maxContext)
		}
		if p.End > e.End+maxContext {
			p.End = runeStart(d.Source.Text, e.End+maxContext)
		}
		if p.Start <= e.Start && p.End >= e.End {
			e.Context = &Context{Start: p.Start, End: p.End, Text: d.Text(p)}
		}
	}
	return e
}

// maxContext is how many bytes of context a finding shows on each side of
// its evidence at most.
const maxContext = 1500

// runeStart moves off back to the start of the UTF-8 sequence holding it.
func runeStart(text []byte, off int) int {
	for off > 0 && off < len(text) && !utf8.RuneStart(text[off]) {
		off--
	}
	return off
}

func itoa(i int) string { return strconv.Itoa(i) }
