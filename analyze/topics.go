package analyze

import (
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/crosscheck-go/crosscheck/tokenize"
)

// termStat is what topic discovery counts of one term: df claims, listed
// in post, from nsrc distinct sources.
type termStat struct {
	df   int
	post []int
	nsrc int
	// small holds sources below 64 as bits, more the others: most stories
	// have few sources, and a map per term cost more than the counting.
	small uint64
	more  map[int]bool
}

func (st *termStat) addSource(doc int) {
	if doc >= 0 && doc < 64 {
		if st.small&(1<<doc) == 0 {
			st.small |= 1 << doc
			st.nsrc++
		}
		return
	}
	if st.more == nil {
		st.more = map[int]bool{}
	}
	if !st.more[doc] {
		st.more[doc] = true
		st.nsrc++
	}
}

type topicBuild struct {
	id, name string
	terms    []string
	user     *topicDef
	seed     []int // its first term's claims, sorted
}

// discoverTopics groups claims by what they are about. User topics claim
// their sentences first; then salient terms shared across sources seed
// topics, terms that mostly co-occur with a seed join it, and each sentence
// goes to the topic whose terms it matches best.
func (an *analyzer) discoverTopics(claims []*claim, docs []*tokenize.Document) ([]Topic, map[*claim]string) {
	topicOf := map[*claim]string{}
	n := len(claims)
	if n == 0 {
		return []Topic{}, topicOf
	}
	// One entry per term: its claims (df is their count) and its sources.
	// A claim's terms are its content stems and its entity groups
	// (prefixed with '@'); the order they are counted in does not matter.
	stats := map[string]*termStat{}
	nounish := nounStems(claims)
	count := func(t string, i, doc int) {
		st := stats[t]
		if st == nil {
			st = &termStat{}
			stats[t] = st
		}
		st.df++
		st.post = append(st.post, i)
		st.addSource(doc)
	}
	for i, c := range claims {
		for _, t := range c.stems {
			count(t, i, c.doc)
		}
		for _, g := range c.groups {
			count("@"+g, i, c.doc)
		}
	}
	idf := func(t string) float64 {
		df := 0
		if st := stats[t]; st != nil {
			df = st.df
		}
		return math.Log(float64(n+1) / float64(df))
	}
	minSrc := min(2, len(docs))
	type cand struct {
		t     string
		score float64
	}
	var cands []cand
	for t, st := range stats {
		f := st.df
		if f < 2 || st.nsrc < minSrc || float64(f) > 0.3*float64(n) || len(strings.TrimPrefix(t, "@")) < 3 {
			continue
		}
		if nounish != nil && !strings.HasPrefix(t, "@") && !nounish[t] {
			continue // topics are named by things, not by verbs or adverbs
		}
		cands = append(cands, cand{t, float64(st.nsrc) * float64(f) * idf(t)})
	}
	sort.Slice(cands, func(i, j int) bool {
		if cands[i].score != cands[j].score {
			return cands[i].score > cands[j].score
		}
		return cands[i].t < cands[j].t
	})
	maxTopics := min(max(n/25, 3), 8)
	var tb []*topicBuild
	for _, c := range cands {
		// The term's claims as a sorted set: posts are gathered claim by
		// claim, so they are sorted already, and merging two sorted sets
		// counts their common claims without a map per candidate. Each
		// term is a candidate once, so compacting its post in place is
		// safe; the compacted post is kept for the weights below.
		st := stats[c.t]
		st.post = slices.Compact(st.post)
		set := st.post
		merged := false
		for _, t := range tb {
			inter := countCommon(set, t.seed)
			if float64(inter) >= 0.5*float64(len(set)) {
				if len(t.terms) < 4 {
					t.terms = append(t.terms, c.t)
				}
				merged = true
				break
			}
		}
		if !merged && len(tb) < maxTopics {
			tb = append(tb, &topicBuild{terms: []string{c.t}, seed: set})
		}
	}
	// User topics come first and win their sentences.
	var user []*topicBuild
	for k := range an.lx.topics {
		td := &an.lx.topics[k]
		user = append(user, &topicBuild{name: td.name, user: td, id: "u-" + slug(td.name)})
	}
	// Each topic's weight for each claim, summed over the topic's terms in
	// order from the terms' sorted posts (compacted above, as every topic
	// term was a candidate): the sums a search of every claim's terms for
	// every topic term would make, in the same order, without the searches.
	weights := make([][]float64, len(tb))
	for k, t := range tb {
		w := make([]float64, n)
		for _, term := range t.terms {
			f := idf(term)
			for _, i := range stats[term].post {
				w[i] += f
			}
		}
		weights[k] = w
	}
	assigned := make([]*topicBuild, n)
	for i, c := range claims {
		for _, u := range user {
			if c.matchesUser(u.user) {
				assigned[i] = u
				break
			}
		}
		if assigned[i] != nil {
			continue
		}
		bestW := 0.0
		for k, t := range tb {
			if w := weights[k][i]; w > bestW {
				bestW, assigned[i] = w, t
			}
		}
	}
	// Only the terms that name a topic need a display form.
	named := map[string]bool{}
	for _, t := range tb {
		for _, term := range t.terms {
			named[term] = true
		}
	}
	display := displayForms(claims, named)
	used := map[string]bool{}
	for _, t := range tb {
		if t.user != nil {
			continue
		}
		var names, slugs []string
		for _, term := range t.terms {
			names = append(names, display[term])
			slugs = append(slugs, slug(strings.TrimPrefix(term, "@")))
		}
		t.name = strings.Join(names, ", ")
		id := "t-" + strings.Join(slugs[:min(2, len(slugs))], "-")
		for k := 2; used[id]; k++ {
			id = "t-" + strings.Join(slugs[:min(2, len(slugs))], "-") + "-" + itoa(k)
		}
		used[id] = true
		t.id = id
	}
	counts := map[*topicBuild]map[string]int{}
	for i, c := range claims {
		t := assigned[i]
		if t == nil {
			continue
		}
		topicOf[c] = t.id
		if counts[t] == nil {
			counts[t] = map[string]int{}
		}
		counts[t][src(c)]++
	}
	var out []Topic
	for _, t := range append(user, tb...) {
		if counts[t] == nil {
			continue
		}
		var terms []string
		for _, term := range t.terms {
			terms = append(terms, strings.TrimPrefix(term, "@"))
		}
		if t.user != nil {
			terms = nil
			for _, seq := range t.user.terms {
				terms = append(terms, strings.Join(seq, " "))
			}
		}
		out = append(out, Topic{ID: t.id, Name: t.name, Terms: terms, Sentences: counts[t]})
	}
	if out == nil {
		out = []Topic{}
	}
	return out, topicOf
}

// matchesUser reports whether the claim contains one of a user topic's
// terms, as a sequence of stems (or an entity name).
func (c *claim) matchesUser(td *topicDef) bool {
	for _, seq := range td.terms {
		if len(seq) == 1 {
			for _, e := range c.ents {
				if strings.EqualFold(e.name, seq[0]) {
					return true
				}
			}
		}
		for i := 0; i+len(seq) <= len(c.toks); i++ {
			ok := true
			for k, s := range seq {
				t := c.toks[i+k]
				if t.Stem != s && t.Norm != s {
					ok = false
					break
				}
			}
			if ok {
				return true
			}
		}
	}
	return false
}

// displayForms maps each topic term in named to how it is most often
// written: the commonest surface text of an entity group or of a stem's
// words.
func displayForms(claims []*claim, named map[string]bool) map[string]string {
	freq := map[string]map[string]int{}
	add := func(term, form string) {
		if !named[term] {
			return
		}
		if freq[term] == nil {
			freq[term] = map[string]int{}
		}
		freq[term][form]++
	}
	for _, c := range claims {
		for _, e := range c.ents {
			if named["@"+e.group] {
				add("@"+e.group, c.d.Text(e.span))
			}
		}
		for i, t := range c.toks {
			if c.content[i] {
				add(t.Stem, t.Norm)
			}
		}
	}
	out := make(map[string]string, len(freq))
	for term, m := range freq {
		best, bn := "", -1
		for form, k := range m {
			if k > bn || k == bn && form < best {
				best, bn = form, k
			}
		}
		out[term] = best
	}
	return out
}

// slug makes an id fragment of lower-case letters, digits and dashes.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// nounStems returns the stems tagged as nouns more often than not, or nil
// when the documents carry no part-of-speech tags.
func nounStems(claims []*claim) map[string]bool {
	noun, other := map[string]int{}, map[string]int{}
	tagged := false
	for _, c := range claims {
		for i, t := range c.toks {
			if !c.content[i] || t.Tag == "" {
				continue
			}
			tagged = true
			if strings.HasPrefix(t.Tag, "NN") {
				noun[t.Stem]++
			} else {
				other[t.Stem]++
			}
		}
	}
	if !tagged {
		return nil
	}
	out := make(map[string]bool, len(noun))
	for s, k := range noun {
		if k >= other[s] {
			out[s] = true
		}
	}
	return out
}
