package cluster

import (
	"cmp"
	"math"
	"runtime"
	"slices"
	"sort"
	"sync"
	"sync/atomic"

	"github.com/crosscheck-go/crosscheck/internal/par"
	"github.com/crosscheck-go/crosscheck/tokenize"
)

// Options tunes Stories. The zero value is the sensible default.
type Options struct {
	// MinSim is the cosine similarity at which two articles are taken to be
	// about the same story; 0 means DefaultMinSim.
	MinSim float64
	// TopTerms is how many of an article's most salient terms index it;
	// 0 means 40.
	TopTerms int
	// MaxPosting caps how many articles one term may link; a term found in
	// more articles than that says nothing about which story they tell.
	// 0 means max(50, 5% of the articles).
	MaxPosting int
}

// DefaultMinSim was chosen on the FNC-1 train bodies, where bodies sharing a
// headline with a related stance tell one story (see cluster_test.go): at
// 0.35 pairwise precision is 0.90 and recall 0.74; at 0.30, about 0.74 and 0.88.
// Precision wins because a wrong merge lets conflicts cross stories.
const DefaultMinSim = 0.35

// Stories groups documents into stories. Each group lists indexes into docs in
// increasing order; groups are ordered by their first index. Every document is
// in exactly one group.
func Stories(docs []*tokenize.Document, opts Options) [][]int {
	if opts.MinSim <= 0 {
		opts.MinSim = DefaultMinSim
	}
	if opts.TopTerms <= 0 {
		opts.TopTerms = 40
	}
	if opts.MaxPosting <= 0 {
		opts.MaxPosting = max(50, len(docs)/20)
	}
	vecs := Vectors(docs)
	tops := make([][]int32, len(vecs))
	parallel(len(vecs), func(i int) { tops[i] = vecs[i].top(opts.TopTerms) })

	// Inverted index over each document's top terms only: two articles of one
	// story share salient terms, and indexing only those keeps postings short.
	postings := map[int32][]int{}
	for i, top := range tops {
		for _, t := range top {
			postings[t] = append(postings[t], i)
		}
	}
	parent := make([]int, len(docs))
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	// Candidate pairs, strongest first, so that each story grows around its
	// closest articles before weaker links are considered.
	pairs := candidates(vecs, tops, postings, opts)
	sort.Slice(pairs, func(a, b int) bool {
		if pairs[a].sim != pairs[b].sim {
			return pairs[a].sim > pairs[b].sim
		}
		if pairs[a].i != pairs[b].i {
			return pairs[a].i < pairs[b].i
		}
		return pairs[a].j < pairs[b].j
	})
	// A pair joins two groups only when the groups as wholes are also alike
	// (cosine of their summed vectors): single links alone chain unrelated
	// stories together through one article that mentions both.
	// sums[r] is the summed vector of the group rooted at r, its terms
	// sorted: sums in a fixed order, where ranging over maps summed in a
	// random one. A single document's sum is its own vector, never
	// written to.
	sums := make([]Vector, len(docs))
	copy(sums, vecs)
	for _, p := range pairs {
		a, b := find(p.i), find(p.j)
		if a == b {
			continue
		}
		if groupCosine(sums[a], sums[b]) < opts.MinSim {
			continue
		}
		if b < a {
			a, b = b, a
		}
		// The smaller index becomes the root so that roots, and so group
		// order, do not depend on the order pairs were met.
		parent[b] = a
		sums[a] = addVectors(sums[a], sums[b])
		sums[b] = Vector{}
	}
	groups := map[int][]int{}
	var roots []int
	for i := range docs {
		r := find(i)
		if _, ok := groups[r]; !ok {
			roots = append(roots, r)
		}
		groups[r] = append(groups[r], i)
	}
	sort.Ints(roots)
	out := make([][]int, 0, len(roots))
	for _, r := range roots {
		out = append(out, groups[r])
	}
	return out
}

// pair is a candidate link between documents i < j with their similarity.
type pair struct {
	i, j int
	sim  float64
}

// candidates returns the pairs of documents that share an indexed top term
// and are at least opts.MinSim alike, in order of i then of first meeting.
// The similarities are the bulk of the work on a large input, so documents
// are split among the cores; each keeps its own list and the lists are
// joined in document order, so the result does not depend on scheduling.
func candidates(vecs []Vector, tops [][]int32, postings map[int32][]int, opts Options) []pair {
	per := make([][]pair, len(vecs))
	terms := 0
	for _, v := range vecs {
		if n := len(v.Terms); n > 0 {
			terms = max(terms, int(v.Terms[n-1])+1)
		}
	}
	workers := min(runtime.GOMAXPROCS(0), max(1, len(vecs)/64))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// seen[j] == i+1 when j was already scored against i: a
			// stamp per document instead of a set of pairs.
			seen := make([]int, len(vecs))
			// dense holds document i's weights by term id, so that each
			// candidate's dot product is one pass over its own terms
			// rather than a merge. It sums the same products in the same
			// (term) order as Cosine, adding only exact zeros besides.
			dense := make([]float64, terms)
			for {
				i := int(next.Add(1) - 1)
				if i >= len(vecs) {
					return
				}
				for k, t := range vecs[i].Terms {
					dense[t] = vecs[i].Weights[k]
				}
				var out []pair
				for _, t := range tops[i] {
					p := postings[t]
					if len(p) > opts.MaxPosting {
						continue
					}
					for _, j := range p {
						if j <= i || seen[j] == i+1 {
							continue
						}
						seen[j] = i + 1
						var s float64
						for k, t := range vecs[j].Terms {
							s += dense[t] * vecs[j].Weights[k]
						}
						if s >= opts.MinSim {
							out = append(out, pair{i, j, s})
						}
					}
				}
				for _, t := range vecs[i].Terms {
					dense[t] = 0
				}
				per[i] = out
			}
		}()
	}
	wg.Wait()
	var pairs []pair
	for _, p := range per {
		pairs = append(pairs, p...)
	}
	return pairs
}

// Vector is a sparse, L2-normalised tf-idf vector; terms are sorted ids.
type Vector struct {
	Terms   []int32
	Weights []float64
}

// top returns the ids of the n heaviest terms, heaviest first, ties by id.
func (v Vector) top(n int) []int32 {
	// before is the order of the ranking: higher weight first, then lower
	// term. Terms are unique, so it is total and any method of picking
	// gives one answer.
	before := func(a, b int) bool {
		if c := cmp.Compare(v.Weights[b], v.Weights[a]); c != 0 {
			return c < 0
		}
		return v.Terms[a] < v.Terms[b]
	}
	// The n best are kept in order as the terms go by, instead of sorting
	// all of an article's terms to keep a few dozen: most terms rank below
	// the n-th and cost one comparison.
	best := make([]int, 0, min(n, len(v.Terms)))
	for i := range v.Terms {
		if len(best) == n && (n == 0 || !before(i, best[n-1])) {
			continue
		}
		at := sort.Search(len(best), func(j int) bool { return before(i, best[j]) })
		if len(best) < n {
			best = append(best, 0)
		}
		copy(best[at+1:], best[at:len(best)-1])
		best[at] = i
	}
	out := make([]int32, len(best))
	for i, k := range best {
		out[i] = v.Terms[k]
	}
	return out
}

// groupCosine is the cosine similarity of two summed (not normalised)
// vectors.
func groupCosine(a, b Vector) float64 {
	var na, nb float64
	for _, w := range a.Weights {
		na += w * w
	}
	for _, w := range b.Weights {
		nb += w * w
	}
	if na == 0 || nb == 0 {
		return 0
	}
	return Cosine(a, b) / math.Sqrt(na*nb)
}

// addVectors returns the term-wise sum of a and b as a new vector.
func addVectors(a, b Vector) Vector {
	out := Vector{Terms: make([]int32, 0, len(a.Terms)+len(b.Terms)), Weights: make([]float64, 0, len(a.Terms)+len(b.Terms))}
	i, j := 0, 0
	for i < len(a.Terms) || j < len(b.Terms) {
		switch {
		case j == len(b.Terms) || i < len(a.Terms) && a.Terms[i] < b.Terms[j]:
			out.Terms, out.Weights = append(out.Terms, a.Terms[i]), append(out.Weights, a.Weights[i])
			i++
		case i == len(a.Terms) || b.Terms[j] < a.Terms[i]:
			out.Terms, out.Weights = append(out.Terms, b.Terms[j]), append(out.Weights, b.Weights[j])
			j++
		default:
			out.Terms, out.Weights = append(out.Terms, a.Terms[i]), append(out.Weights, a.Weights[i]+b.Weights[j])
			i++
			j++
		}
	}
	return out
}

// Cosine returns the cosine similarity of two normalised vectors.
func Cosine(a, b Vector) float64 {
	var s float64
	i, j := 0, 0
	for i < len(a.Terms) && j < len(b.Terms) {
		switch {
		case a.Terms[i] == b.Terms[j]:
			s += a.Weights[i] * b.Weights[j]
			i++
			j++
		case a.Terms[i] < b.Terms[j]:
			i++
		default:
			j++
		}
	}
	return s
}

// Vectors builds one tf-idf vector per document over content-word stems and
// entity mentions. Entity mentions count double: two articles naming the same
// people and organisations are more likely one story than two sharing words.
func Vectors(docs []*tokenize.Document) []Vector {
	// Term counts per document are gathered on all cores; term ids are then
	// given in one pass, in order of first use across the documents, so they
	// (and the order of every floating-point sum over them) do not depend on
	// scheduling.
	type local struct {
		keys []string // distinct terms in order of first use
		ent  []bool   // keys[k] is an entity, not a word stem
		tf   []float64
	}
	locals := make([]local, len(docs))
	parallel(len(docs), func(i int) {
		d := docs[i]
		var l local
		// A news article has about one distinct stem per three tokens:
		// sizing the map for that spares its growth.
		words, ents := make(map[string]int, len(d.Tokens)/3+8), map[string]int{}
		add := func(m map[string]int, key string, ent bool, n float64) {
			k, ok := m[key]
			if !ok {
				k = len(l.keys)
				m[key] = k
				l.keys = append(l.keys, key)
				l.ent = append(l.ent, ent)
				l.tf = append(l.tf, 0)
			}
			l.tf[k] += n
		}
		for _, s := range d.Sentences {
			for _, t := range d.Tokens[s.First:s.Last] {
				if t.Kind != tokenize.Word || len(t.Norm) < 3 || stop[t.Norm] {
					continue
				}
				add(words, t.Stem, false, 1)
			}
			for _, m := range s.Mentions {
				add(ents, m.Entity, true, 2)
			}
		}
		locals[i] = l
	})
	// Words and entities are numbered from one counter in order of first
	// use, in two maps so that no key string is built per term.
	words, ents := map[string]int32{}, map[string]int32{}
	var df []int
	ids := make([][]int32, len(docs))
	for i, l := range locals {
		ids[i] = make([]int32, len(l.keys))
		for k, key := range l.keys {
			m := words
			if l.ent[k] {
				m = ents
			}
			id, ok := m[key]
			if !ok {
				id = int32(len(df))
				m[key] = id
				df = append(df, 0)
			}
			df[id]++
			ids[i][k] = id
		}
	}
	// The idf pretends a background of unrelated articles that contain none
	// of the terms: with five articles of one story, a plain idf would call
	// every shared name common and every stray word salient.
	n := float64(len(docs)) + backgroundDocs
	out := make([]Vector, len(docs))
	parallel(len(docs), func(i int) {
		l := locals[i]
		// Each term's id above its index in the document, sorted as plain
		// integers: ids are unique within a document, so the order is
		// total, the one a sort of indexes by id gives, without a
		// comparison function.
		order := make([]uint64, len(l.keys))
		for k := range order {
			order[k] = uint64(uint32(ids[i][k]))<<32 | uint64(k)
		}
		slices.Sort(order)
		v := Vector{Terms: make([]int32, len(order)), Weights: make([]float64, len(order))}
		var norm float64
		for k, p := range order {
			o := int(uint32(p))
			t := ids[i][o]
			w := (1 + math.Log(l.tf[o])) * math.Log(1+n/float64(df[t]))
			v.Terms[k] = t
			v.Weights[k] = w
			norm += w * w
		}
		if norm > 0 {
			norm = math.Sqrt(norm)
			for k := range v.Weights {
				v.Weights[k] /= norm
			}
		}
		out[i] = v
	})
	return out
}

// parallel calls f(i) for every i below n on all cores, one core per 32
// pieces at least: smaller pieces are not worth a goroutine.
func parallel(n int, f func(i int)) { par.For(n, max(1, n/32), f) }

const backgroundDocs = 100

// stop lists function words that say nothing about which story an article tells.
var stop = map[string]bool{}

func init() {
	for _, w := range []string{
		"the", "and", "for", "that", "with", "this", "from", "are", "was", "were", "has", "have", "had",
		"but", "not", "its", "it's", "their", "they", "them", "his", "her", "she", "him", "who", "which",
		"what", "when", "where", "will", "would", "could", "should", "can", "may", "might", "been", "being",
		"also", "than", "then", "there", "these", "those", "into", "about", "after", "before", "over",
		"said", "says", "more", "most", "some", "such", "only", "other", "our", "out", "all", "any", "one",
		"two", "new", "just", "like", "very", "how", "why", "you", "your", "yes", "because", "while",
		"does", "did", "doing", "each", "both", "between", "through", "during", "under", "again", "further",
		"once", "here", "same", "own", "too", "nor", "off", "above", "below", "until", "against", "per",
	} {
		stop[w] = true
	}
}
