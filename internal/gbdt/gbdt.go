package gbdt

import (
	"fmt"
	"math"
	"slices"
	"strconv"

	"github.com/crosscheck-go/crosscheck/internal/logreg"
	"github.com/crosscheck-go/crosscheck/internal/mldata"
)

// Options control training. The zero value trains 100 rounds of depth-4
// trees at learning rate 0.1 with L2 1 on leaf values, at least 20 rows
// and hessian 1 in each leaf, over 64 bins per feature, classes weighted
// equally.
type Options struct {
	// Rounds is the number of boosting rounds; each adds one tree per
	// class (default 100).
	Rounds int `json:"rounds"`
	// Depth bounds the depth of each tree (default 4).
	Depth int `json:"depth"`
	// LearningRate shrinks every leaf value (default 0.1).
	LearningRate float64 `json:"learning_rate"`
	// L2 is the penalty on leaf values, added to the hessian sums
	// (default 1).
	L2 float64 `json:"l2"`
	// MinLeaf is the fewest rows a leaf may hold (default 20).
	MinLeaf int `json:"min_leaf"`
	// MinHessian is the smallest hessian sum a leaf may hold (default 1).
	MinHessian float64 `json:"min_hessian"`
	// Bins bounds the histogram bins of a feature, 2 to 256 (default 64).
	Bins int `json:"bins"`
	// ClassWeights scales each class's share of the loss; nil means equal.
	ClassWeights []float64 `json:"class_weights,omitempty"`
	// Features names the columns of X; default "f0", "f1", ...
	Features []string `json:"-"`
	// Classes names the labels; default "0", "1", ...
	Classes []string `json:"-"`
}

func (o Options) withDefaults() Options {
	if o.Rounds <= 0 {
		o.Rounds = 100
	}
	if o.Depth <= 0 {
		o.Depth = 4
	}
	if o.LearningRate <= 0 {
		o.LearningRate = 0.1
	}
	if o.L2 <= 0 {
		o.L2 = 1
	}
	if o.MinLeaf <= 0 {
		o.MinLeaf = 20
	}
	if o.MinHessian <= 0 {
		o.MinHessian = 1
	}
	if o.Bins <= 0 {
		o.Bins = 64
	}
	o.Bins = min(max(o.Bins, 2), 256)
	return o
}

// Tree is one regression tree in flat arrays, nodes in depth-first order.
// Node i is a leaf when Feature[i] is -1; otherwise a row goes to node
// Left[i] when its value of Feature[i] is at most Threshold[i], and to
// Left[i]+1 when it is greater. Value[i] is the node's score, the leaf's
// output for leaves and, for inner nodes, what the node would output were
// it a leaf, which Explain needs.
type Tree struct {
	Feature   []int     `json:"feature"`
	Threshold []float64 `json:"threshold"`
	Left      []int     `json:"left"`
	Value     []float64 `json:"value"`
}

// leaf returns the index of the leaf x falls into.
func (t *Tree) leaf(x []float64) int {
	i := 0
	for t.Feature[i] >= 0 {
		if x[t.Feature[i]] <= t.Threshold[i] {
			i = t.Left[i]
		} else {
			i = t.Left[i] + 1
		}
	}
	return i
}

// Model is a trained boosted-tree classifier: the score of class k is
// Base[k] plus the leaf values x reaches in Trees[k], and probabilities are
// the softmax of the scores.
type Model struct {
	Classes  []string  `json:"classes"`
	Features []string  `json:"features"`
	Base     []float64 `json:"base"`
	// Trees holds each class's trees in the order they were grown.
	Trees [][]Tree `json:"trees"`
	Meta  Meta     `json:"meta"`
}

// Meta records how a model was made. It holds no dates, so retraining
// writes the same bytes.
type Meta struct {
	Options     Options `json:"options"`
	Samples     int     `json:"samples"`
	ClassCounts []int   `json:"class_counts"`
	// DataHash is logreg.HashData of the training matrix and labels.
	DataHash string `json:"data_hash"`
	// FinalLoss is the class-weighted training cross-entropy.
	FinalLoss float64 `json:"final_loss"`
}

// NumClasses returns the number of classes.
func (m *Model) NumClasses() int { return len(m.Base) }

// NumFeatures returns the number of input features.
func (m *Model) NumFeatures() int { return len(m.Features) }

// Train fits a model to the rows of X with labels y in [0, nClasses).
func Train(X [][]float64, y []int, nClasses int, opts Options) (*Model, error) {
	if err := mldata.Check("gbdt", X, y, nClasses); err != nil {
		return nil, err
	}
	opts = opts.withDefaults()
	n, d := len(X), len(X[0])
	m := &Model{
		Classes:  mldata.Names(opts.Classes, nClasses, ""),
		Features: mldata.Names(opts.Features, d, "f"),
		Base:     make([]float64, nClasses),
		Trees:    make([][]Tree, nClasses),
	}
	if len(m.Classes) != nClasses || len(m.Features) != d {
		return nil, fmt.Errorf("gbdt: %d class names for %d classes, %d feature names for %d features",
			len(opts.Classes), nClasses, len(opts.Features), d)
	}
	counts := make([]int, nClasses)
	for _, c := range y {
		counts[c]++
	}
	cw := make([]float64, nClasses)
	for k := range cw {
		cw[k] = 1
		if opts.ClassWeights != nil {
			if len(opts.ClassWeights) != nClasses {
				return nil, fmt.Errorf("gbdt: %d class weights for %d classes", len(opts.ClassWeights), nClasses)
			}
			cw[k] = opts.ClassWeights[k]
		}
	}
	// Start from the weighted class priors, so the first trees fit what
	// the priors miss rather than the priors themselves.
	var wsum float64
	prior := make([]float64, nClasses)
	for _, c := range y {
		prior[c] += cw[c]
		wsum += cw[c]
	}
	for k := range prior {
		m.Base[k] = round(math.Log(max(prior[k]/wsum, 1e-6)))
	}

	b := newBinned(X, opts.Bins)
	margin := make([]float64, n*nClasses)
	for i := range n {
		copy(margin[i*nClasses:], m.Base)
	}
	g := &grower{
		b: b, opts: opts,
		grad: make([]float64, n), hess: make([]float64, n),
		hist: make([]bin, d*opts.Bins),
		rows: make([]int32, n), tmp: make([]int32, n),
	}
	prob := make([]float64, nClasses)
	for range opts.Rounds {
		// Every class's tree of a round fits the gradients of the same
		// margins, as in softmax boosting.
		probs := make([]float64, n*nClasses)
		for i := range n {
			copy(prob, margin[i*nClasses:(i+1)*nClasses])
			softmax(prob)
			copy(probs[i*nClasses:], prob)
		}
		for k := range nClasses {
			for i := range n {
				p := probs[i*nClasses+k]
				t := 0.0
				if y[i] == k {
					t = 1
				}
				w := cw[y[i]]
				g.grad[i] = w * (p - t)
				g.hess[i] = w * max(p*(1-p), 1e-16)
			}
			tree := g.grow()
			m.Trees[k] = append(m.Trees[k], tree)
			for i := range n {
				margin[i*nClasses+k] += tree.Value[tree.leaf(X[i])]
			}
		}
	}
	var loss float64
	for i := range n {
		copy(prob, margin[i*nClasses:(i+1)*nClasses])
		softmax(prob)
		loss -= cw[y[i]] * math.Log(max(prob[y[i]], 1e-300))
	}
	m.Meta = Meta{Options: opts, Samples: n, ClassCounts: counts, DataHash: logreg.HashData(X, y), FinalLoss: round(loss / wsum)}
	m.Meta.Options.Features, m.Meta.Options.Classes = nil, nil
	return m, nil
}

// round keeps 9 significant digits, so a model's JSON stays short; values
// are rounded as they are made, so training and a loaded model agree.
func round(v float64) float64 {
	r, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 9, 64), 64)
	return r
}

// binned is the training matrix cut into quantile bins, column by column.
type binned struct {
	n, d int
	bins []uint8     // [feature*n + row]
	cuts [][]float64 // cuts[j][b] is the largest value of bin b
}

func newBinned(X [][]float64, maxBins int) *binned {
	n, d := len(X), len(X[0])
	b := &binned{n: n, d: d, bins: make([]uint8, n*d), cuts: make([][]float64, d)}
	col := make([]float64, n)
	for j := range d {
		for i, row := range X {
			col[i] = row[j]
		}
		sorted := slices.Clone(col)
		slices.Sort(sorted)
		uniq := slices.Compact(slices.Clone(sorted))
		var cuts []float64
		if len(uniq) <= maxBins {
			cuts = uniq
		} else {
			// Quantile edges over the rows, so bins hold about equal
			// numbers of rows; a value repeated over many quantiles
			// gets one bin.
			for q := 1; q < maxBins; q++ {
				v := sorted[q*n/maxBins]
				if len(cuts) == 0 || v > cuts[len(cuts)-1] {
					cuts = append(cuts, v)
				}
			}
			if last := uniq[len(uniq)-1]; cuts[len(cuts)-1] < last {
				cuts = append(cuts, last)
			}
		}
		b.cuts[j] = cuts
		for i, v := range col {
			k, _ := slices.BinarySearch(cuts, v)
			b.bins[j*n+i] = uint8(k)
		}
	}
	return b
}

// bin is one histogram cell.
type bin struct {
	g, h float64
	n    int
}

// grower grows one tree on the current gradients.
type grower struct {
	b          *binned
	opts       Options
	grad, hess []float64
	hist       []bin
	rows, tmp  []int32
	tree       *Tree
}

func (g *grower) grow() Tree {
	for i := range g.rows {
		g.rows[i] = int32(i)
	}
	g.tree = &Tree{}
	g.fill(g.reserve(1), g.rows, 0)
	t := *g.tree
	g.tree = nil
	return t
}

// reserve appends k leaf slots and returns the first one's index.
func (g *grower) reserve(k int) int {
	t := g.tree
	id := len(t.Feature)
	for range k {
		t.Feature = append(t.Feature, -1)
		t.Threshold = append(t.Threshold, 0)
		t.Left = append(t.Left, 0)
		t.Value = append(t.Value, 0)
	}
	return id
}

// fill grows the subtree over rows at depth into slot id. Children are
// reserved as a pair, so a node's right child is always Left+1.
func (g *grower) fill(id int, rows []int32, depth int) {
	var G, H float64
	for _, r := range rows {
		G += g.grad[r]
		H += g.hess[r]
	}
	t := g.tree
	t.Value[id] = round(-g.opts.LearningRate * G / (H + g.opts.L2))
	if depth >= g.opts.Depth || len(rows) < 2*g.opts.MinLeaf || H < 2*g.opts.MinHessian {
		return
	}
	f, cut, ok := g.split(rows, G, H)
	if !ok {
		return
	}
	// Partition stably: left rows keep their order at the front.
	col := g.b.bins[f*g.b.n : (f+1)*g.b.n]
	l, r := 0, 0
	for _, row := range rows {
		if int(col[row]) <= cut {
			rows[l] = row
			l++
		} else {
			g.tmp[r] = row
			r++
		}
	}
	copy(rows[l:], g.tmp[:r])
	left := g.reserve(2)
	t = g.tree
	t.Feature[id], t.Threshold[id], t.Left[id] = f, g.b.cuts[f][cut], left
	g.fill(left, rows[:l], depth+1)
	g.fill(left+1, rows[l:], depth+1)
}

// split finds the best split of rows by gain, or ok false when none gains
// or every split leaves a child too small.
func (g *grower) split(rows []int32, G, H float64) (feature, cut int, ok bool) {
	nb := g.opts.Bins
	lambda := g.opts.L2
	parent := G * G / (H + lambda)
	best := 1e-12
	for j := range g.b.d {
		cuts := g.b.cuts[j]
		if len(cuts) < 2 {
			continue
		}
		h := g.hist[j*nb : j*nb+len(cuts)]
		clear(h)
		col := g.b.bins[j*g.b.n : (j+1)*g.b.n]
		for _, r := range rows {
			c := &h[col[r]]
			c.g += g.grad[r]
			c.h += g.hess[r]
			c.n++
		}
		var gl, hl float64
		nl := 0
		for k := 0; k < len(cuts)-1; k++ {
			gl += h[k].g
			hl += h[k].h
			nl += h[k].n
			nr := len(rows) - nl
			if nl < g.opts.MinLeaf || hl < g.opts.MinHessian {
				continue
			}
			if nr < g.opts.MinLeaf || H-hl < g.opts.MinHessian {
				break
			}
			gr, hr := G-gl, H-hl
			gain := gl*gl/(hl+lambda) + gr*gr/(hr+lambda) - parent
			if gain > best {
				best, feature, cut, ok = gain, j, k, true
			}
		}
	}
	return feature, cut, ok
}

func softmax(p []float64) {
	mx := math.Inf(-1)
	for _, v := range p {
		mx = max(mx, v)
	}
	var sum float64
	for k, v := range p {
		p[k] = math.Exp(v - mx)
		sum += p[k]
	}
	for k := range p {
		p[k] /= sum
	}
}
