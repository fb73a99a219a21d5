package cluster

import (
	"math/rand"
	"testing"
)

// TestCandidatesMatchCosine checks that the dense dot products candidates
// computes are bit for bit the Cosine of the two vectors, on random sparse
// vectors with many shared terms.
func TestCandidatesMatchCosine(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	vecs := make([]Vector, 200)
	for i := range vecs {
		var v Vector
		for id := int32(0); id < 300; id++ {
			if r.Intn(6) == 0 {
				v.Terms = append(v.Terms, id)
				v.Weights = append(v.Weights, r.Float64())
			}
		}
		vecs[i] = v
	}
	tops := make([][]int32, len(vecs))
	postings := map[int32][]int{}
	for i, v := range vecs {
		tops[i] = v.top(40)
		for _, term := range tops[i] {
			postings[term] = append(postings[term], i)
		}
	}
	pairs := candidates(vecs, tops, postings, Options{MinSim: 1e-9, MaxPosting: len(vecs)})
	if len(pairs) == 0 {
		t.Fatal("no candidate pairs")
	}
	for _, p := range pairs {
		if want := Cosine(vecs[p.i], vecs[p.j]); p.sim != want {
			t.Fatalf("pair (%d, %d): sim %v, Cosine %v", p.i, p.j, p.sim, want)
		}
	}
}
