package analyze

import (
	"fmt"
	"math"
	"sort"

	wn "github.com/crosscheck-go/crosscheck/internal/lexicon"
	"github.com/crosscheck-go/crosscheck/internal/nli"
	"github.com/crosscheck-go/crosscheck/tokenize"
)

// Judge decides whether two texts contradict, agree, or neither. It is safe
// for concurrent use: it holds only the compiled configuration.
type Judge struct {
	opts Options
	an   *analyzer
	// rulesOnly ignores the trained classifier (tests of the rules use it).
	rulesOnly bool
	// nli is the trained pair classifier; nil (a zero Judge) means rules only.
	nli *nli.Model
}

// NewJudge returns a Judge backed by the trained pair classifier of
// internal/nli; it fails only if the embedded weights do not load.
func NewJudge(opts Options) (*Judge, error) {
	m, err := nli.Default()
	if err != nil {
		return nil, fmt.Errorf("analyze: loading the pair classifier: %w", err)
	}
	return &Judge{opts: opts, an: newAnalyzer(opts), nli: m}, nil
}

// pairFeatures are the explainable measurements one judgement rests on.
type pairFeatures struct {
	related                float64 // share of the hypothesis's content found anywhere in the premise
	aligned                float64 // share of the hypothesis's content aligned to the best premise sentence
	unalignedH, unalignedP int
	negH, negP             int  // negation cues
	negMismatch            bool // one side negated, the other not
	antonym                [2]string
	numMismatch            [2]string
	quantMismatch          [2]string
	exact                  float64   // aligned share counting only identical stems
	loose                  float64   // aligned share allowing hyponyms and similar words
	antonymStrong          bool      // a direct or configured antonym, not a derived one
	negSubject             bool      // "no man", "nobody": the subject is negated
	conflict               judgement // a story detector's conflict, if any
	hasConflict            bool
}

// Pair judges a hypothesis against a premise. The premise may be a whole
// article: the hypothesis is judged against the premise sentences about the
// same thing.
func (j *Judge) Pair(premise, hypothesis *tokenize.Document) Verdict {
	if j == nil || j.an == nil {
		j = &Judge{an: newAnalyzer(Options{})}
	}
	// With the shared classifier, this package needs only its detectors
	// and rule cues, so it skips the WordNet-heavy measures.
	light := j.nli != nil && !j.rulesOnly
	pa, ok := j.an.analysePair(premise, hypothesis, light)
	if !ok {
		return pa.v
	}
	// A story detector's finding (exclusivity, change of state, a number of
	// the same thing) is specific enough to stand on its own.
	if j.nli == nil || j.rulesOnly || (pa.f.hasConflict && pa.f.conflict.specific && pa.f.conflict.score >= 0.6) {
		return j.an.decide(pa.f, pa.v)
	}
	return j.an.withNLI(j.nli.Classify(premise, hypothesis), pa)
}

// pairAnalysis is what the judge measured on one pair.
type pairAnalysis struct {
	f pairFeatures
	v Verdict // Related, Evidence and HypEvidence filled in
}

// analysePair aligns the hypothesis to the premise and measures the
// features. ok is false when the pair cannot be judged (empty or invalid
// input, or nothing to align), and then v is the verdict to return.
func (an *analyzer) analysePair(premise, hypothesis *tokenize.Document, light bool) (pa pairAnalysis, ok bool) {
	if premise == nil || hypothesis == nil || checkDoc(premise) != nil || checkDoc(hypothesis) != nil {
		pa.v = Verdict{Label: Neutral, Score: 0.5}
		return pa, false
	}
	var g identity
	hc := claimsOf(an.lx, g, hypothesis, 1)
	pc := claimsOf(an.lx, g, premise, 0)
	h := mainClaim(hc)
	if h == nil || len(pc) == 0 {
		pa.v = Verdict{Label: Neutral, Score: 0.5}
		return pa, false
	}
	hterms := h.alignTerms()
	if len(hterms) == 0 {
		pa.v = Verdict{Label: Neutral, Score: 0.5, HypEvidence: h.span}
		return pa, false
	}
	// Relatedness: how much of the hypothesis the premise mentions at all.
	found := make([]bool, len(hterms))
	matchOf := make([]float64, len(pc))
	var tot float64
	for _, t := range hterms {
		tot += t.w
	}
	for k, p := range pc {
		s := 0.0
		for i, t := range hterms {
			if p.hasTerm(t) {
				s += t.w
				found[i] = true
			}
		}
		matchOf[k] = s / tot
	}
	var got float64
	for i, t := range hterms {
		if found[i] {
			got += t.w
		}
	}
	related := got / tot
	order := make([]int, len(pc))
	for k := range order {
		order[k] = k
	}
	sort.SliceStable(order, func(x, y int) bool { return matchOf[order[x]] > matchOf[order[y]] })
	v := Verdict{Related: math.Round(related*1000) / 1000, HypEvidence: h.span}
	// Judge against the best-aligned premise sentences (a long premise has
	// one or two sentences about the hypothesis's subject).
	var best pairFeatures
	bestP := pc[order[0]]
	for n, k := range order {
		if n >= 3 || n > 0 && matchOf[k] < 0.3 {
			break
		}
		f := an.pairFeatures(pc[k], h, light)
		if n == 0 || f.contradicts() && !best.contradicts() || f.contradicts() == best.contradicts() && f.aligned > best.aligned {
			best, bestP = f, pc[k]
		}
	}
	best.related = related
	v.Evidence = bestP.span
	pa.f, pa.v = best, v
	return pa, true
}

func claimsOf(lx *lexicon, g grouper, d *tokenize.Document, di int) []*claim {
	out := make([]*claim, 0, len(d.Sentences))
	for si := range d.Sentences {
		if d.Sentences[si].Start < d.Source.BodyStart {
			continue
		}
		out = append(out, newClaim(lx, g, d, di, si))
	}
	return out
}

// mainClaim is the hypothesis sentence with the most content: a headline
// or a one-sentence claim is the usual case.
func mainClaim(cs []*claim) *claim {
	var best *claim
	for _, c := range cs {
		if best == nil || len(c.stems)+len(c.ents) > len(best.stems)+len(best.ents) {
			best = c
		}
	}
	return best
}

type alignTerm struct {
	s string  // stem, or entity name
	w float64 // weight: names and numbers say more than words
	e bool    // an entity
}

func (c *claim) alignTerms() []alignTerm {
	out := make([]alignTerm, 0, len(c.stems)+len(c.ents))
	for _, s := range c.stems {
		out = append(out, alignTerm{s: s, w: 1})
	}
	seen := map[string]bool{}
	for _, e := range c.ents {
		if !seen[e.name] {
			seen[e.name] = true
			out = append(out, alignTerm{s: e.name, w: 1.5, e: true})
		}
	}
	for i, t := range c.toks {
		if t.Kind == tokenize.Number && !seen[t.Norm] {
			seen[t.Norm] = true
			out = append(out, alignTerm{s: c.toks[i].Norm, w: 1})
		}
	}
	return out
}

func (c *claim) hasTerm(t alignTerm) bool {
	if t.e {
		for _, e := range c.ents {
			if e.name == t.s {
				return true
			}
		}
		// A name may also appear as plain words ("apple" in lower case).
		return has(c.stems, lowerASCII(t.s))
	}
	if has(c.stems, t.s) {
		return true
	}
	for _, tk := range c.toks {
		if tk.Kind == tokenize.Number && tk.Norm == t.s {
			return true
		}
	}
	return false
}

func lowerASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 32
		}
	}
	return string(b)
}

// wordsMatch reports whether premise word p supports hypothesis word h:
// the same stem, synonyms, or p a kind of h ("sprint" supports "run").
func wordsMatch(p, h tokenize.Token, light bool) bool {
	if p.Stem == h.Stem || p.Norm == h.Norm {
		return true
	}
	if light || p.Kind != tokenize.Word || h.Kind != tokenize.Word {
		return false
	}
	if wn.Synonym(p.Norm, h.Norm) {
		return true
	}
	if d, ok := wn.Hypernym(p.Norm, h.Norm); ok && d <= 3 {
		return true
	}
	return false
}

// pairFeatures aligns the hypothesis to one premise sentence and measures
// what the decision needs.
func (an *analyzer) pairFeatures(p, h *claim, light bool) pairFeatures {
	var f pairFeatures
	alignedH := make([]bool, len(h.toks))
	alignedP := make([]bool, len(p.toks))
	total, got, exact := 0.0, 0.0, 0.0
	for i, ht := range h.toks {
		if !h.content[i] && ht.Kind != tokenize.Number && !h.inEntity(i) {
			continue
		}
		w := 1.0
		if h.inEntity(i) || ht.Kind == tokenize.Number {
			w = 1.5
		}
		total += w
		for k, pt := range p.toks {
			if !p.content[k] && pt.Kind != tokenize.Number && !p.inEntity(k) {
				continue
			}
			if pt.Stem == ht.Stem || pt.Norm == ht.Norm {
				exact += w
			}
			if wordsMatch(pt, ht, light) {
				alignedH[i], alignedP[k] = true, true
				got += w
				break
			}
		}
	}
	if total > 0 {
		f.aligned = got / total
		f.exact = math.Min(1, exact/total)
	}
	f.quantMismatch = quantifierMismatch(p, h)
	for i := range h.toks {
		if h.content[i] && !alignedH[i] {
			f.unalignedH++
		}
	}
	for k := range p.toks {
		if p.content[k] && !alignedP[k] {
			f.unalignedP++
		}
	}
	f.negH, f.negP = countNeg(h), countNeg(p)
	f.negMismatch = (f.negH > 0) != (f.negP > 0)
	// Antonyms among the words left unaligned on each side.
	for i, ht := range h.toks {
		if alignedH[i] || !h.content[i] {
			continue
		}
		for k, pt := range p.toks {
			if alignedP[k] || !p.content[k] {
				continue
			}
			strong := an.lx.opposite(pt.Stem, ht.Stem)
			kind := wn.AntonymKindOf(pt.Norm, ht.Norm)
			if strong || kind == wn.AntonymDirect {
				f.antonym = [2]string{pt.Norm, ht.Norm}
				f.antonymStrong = true
				break
			}
			if kind != wn.NotAntonym && f.antonym[0] == "" {
				f.antonym = [2]string{pt.Norm, ht.Norm}
			}
		}
		if f.antonymStrong {
			break
		}
	}
	// Loose alignment: a hypothesis word counts as filling the same slot
	// when a premise word is a synonym, a hypernym or a hyponym of it, or
	// the two share a close hypernym ("strumming" and "playing").
	looseTotal, looseGot := 0.0, 0.0
	for i, ht := range h.toks {
		if light || !h.content[i] {
			continue
		}
		looseTotal++
		if alignedH[i] {
			looseGot++
			continue
		}
		for k, pt := range p.toks {
			if !p.content[k] || pt.Kind != tokenize.Word || ht.Kind != tokenize.Word {
				continue
			}
			if d, ok := wn.Hypernym(ht.Norm, pt.Norm); ok && d <= 2 {
				looseGot++
				break
			}
			if wn.Similar(ht.Norm, pt.Norm) {
				looseGot++
				break
			}
		}
	}
	if looseTotal > 0 {
		f.loose = looseGot / looseTotal
	}
	// "There is no man", "Nobody is": a negation that removes the subject.
	f.negSubject = negatesSubject(h) || negatesSubject(p)
	// Numbers: a number of the hypothesis absent from an aligned premise
	// sentence that has a different number of the same unit.
	for _, hq := range h.qty {
		matched := false
		var other *quant
		for k := range p.qty {
			pq := &p.qty[k]
			if pq.q.Unit != hq.q.Unit {
				continue
			}
			if valuesAgree(pq.q, hq.q) {
				matched = true
				break
			}
			if countShared(pq.measures, hq.measures) > 0 || len(hq.measures) == 0 || len(pq.measures) == 0 {
				other = pq
			}
		}
		if !matched && other != nil {
			f.numMismatch = [2]string{txt(p, other.q.Span), txt(h, hq.q.Span)}
			break
		}
	}
	if j, ok := an.compare(p, h); ok && j.conflict() {
		f.conflict, f.hasConflict = j, true
	}
	return f
}

func (c *claim) inEntity(i int) bool {
	for _, e := range c.ents {
		if i >= e.a && i < e.b {
			return true
		}
	}
	return false
}

// quantifierMismatch finds a universal quantifier on one side and an
// existential or negative one on the other ("all" versus "some", "none").
func quantifierMismatch(p, h *claim) [2]string {
	qp, qh := quantifier(p), quantifier(h)
	if qp != "" && qh != "" && quantClass(qp) != quantClass(qh) {
		return [2]string{qp, qh}
	}
	return [2]string{}
}

func quantifier(c *claim) string {
	for _, cu := range c.cues {
		if cu.kind == tokenize.CueQuantifier {
			return cu.text
		}
	}
	return ""
}

func quantClass(q string) int {
	switch q {
	case "all", "every", "each", "both":
		return 0
	case "none", "no":
		return 2
	default:
		return 1
	}
}

// negatesSubject reports a negation before the sentence's first content
// word: "There is no man ...", "Nobody is ...", "No one ...".
func negatesSubject(c *claim) bool {
	for i := range c.toks {
		if c.content[i] {
			return false
		}
		for _, cu := range c.cues {
			if cu.kind == tokenize.CueNegation && cu.a == i {
				return true
			}
		}
	}
	return false
}

func countNeg(c *claim) int {
	n := 0
	for _, cu := range c.cues {
		if cu.kind == tokenize.CueNegation {
			n++
		}
	}
	return n
}

func (f pairFeatures) contradicts() bool {
	return f.hasConflict || f.aligned >= 0.5 && (f.negMismatch || f.antonym[0] != "" || f.numMismatch[0] != "")
}

// decide turns features into a verdict with the cues that drove it.
func (an *analyzer) decide(f pairFeatures, v Verdict) Verdict {
	switch {
	case f.related < 0.2:
		v.Label, v.Score = Unrelated, clamp01(1-f.related)
		v.Cues = []Cue{{Kind: "relatedness", Text: fmt.Sprintf("%.0f%% of the hypothesis's words appear in the premise", 100*f.related)}}
	case f.hasConflict:
		v.Label, v.Kind, v.Score = Contradiction, f.conflict.kind, f.conflict.score
		v.Cues = f.conflict.cues
	case f.aligned >= 0.5 && f.negMismatch:
		v.Label, v.Kind, v.Score = Contradiction, KindPolarity, clamp01(0.4+0.5*f.aligned)
		v.Cues = []Cue{{Kind: "negation", Text: fmt.Sprintf("negations: premise %d, hypothesis %d", f.negP, f.negH)}}
	case f.aligned >= 0.5 && f.antonym[0] != "":
		v.Label, v.Kind, v.Score = Contradiction, KindAntonym, clamp01(0.4+0.4*f.aligned)
		v.Cues = []Cue{{Kind: "antonym", Text: f.antonym[0] + " / " + f.antonym[1]}}
	case f.aligned >= 0.5 && f.numMismatch[0] != "":
		v.Label, v.Kind, v.Score = Contradiction, KindNumeric, clamp01(0.4+0.4*f.aligned)
		v.Cues = []Cue{{Kind: "number", Text: f.numMismatch[0] + " / " + f.numMismatch[1]}}
	case f.aligned >= 0.8:
		v.Label, v.Score = Entailment, f.aligned
		v.Cues = []Cue{{Kind: "overlap", Text: fmt.Sprintf("%.0f%% of the hypothesis aligned", 100*f.aligned)}}
	default:
		v.Label, v.Score = Neutral, clamp01(1-f.aligned/2)
		v.Cues = []Cue{{Kind: "overlap", Text: fmt.Sprintf("%.0f%% of the hypothesis aligned", 100*f.aligned)}}
	}
	v.Score = math.Round(v.Score*1000) / 1000
	return v
}

// withNLI turns the shared classifier's result into a Verdict, adding this
// package's rule cue when it agrees and naming the kind of a contradiction.
func (an *analyzer) withNLI(r nli.Result, pa pairAnalysis) Verdict {
	v := pa.v
	v.Label = Label(r.Label)
	v.Score = math.Round(r.Score*1000) / 1000
	v.Related = math.Round(r.Related*1000) / 1000
	if r.Evidence.End > r.Evidence.Start {
		v.Evidence = r.Evidence
	}
	rule := an.decide(pa.f, pa.v)
	if v.Label == Contradiction {
		v.Kind = rule.Kind
		if v.Kind == "" {
			v.Kind = KindOther
		}
	}
	if rule.Label == v.Label {
		v.Cues = append(v.Cues, rule.Cues...)
	}
	for _, c := range r.Top {
		if len(v.Cues) >= 5 {
			break
		}
		v.Cues = append(v.Cues, Cue{Kind: "feature", Text: fmt.Sprintf("%s=%.2f (+%.2f)", c.Feature, c.Value, c.Score)})
	}
	return v
}
