package logreg

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"
	"strconv"

	"github.com/crosscheck-go/crosscheck/internal/mldata"
)

// Folds splits rows 0..n-1 into k folds and returns each fold's rows in
// increasing order. Rows that share a group key (FNC-1's body ID, say) land
// in the same fold, so no fold tests on a group it trained on; nil groups
// put every row in its own group. Groups are shuffled by seed and each goes
// to the fold with the fewest rows so far, which keeps folds near equal in
// size; the result depends only on n, k, the keys and seed.
func Folds(n, k int, groups []string, seed uint64) ([][]int, error) {
	if k < 2 {
		return nil, fmt.Errorf("logreg: need at least 2 folds, got %d", k)
	}
	if groups != nil && len(groups) != n {
		return nil, fmt.Errorf("logreg: %d group keys for %d rows", len(groups), n)
	}
	key := func(i int) string {
		if groups == nil {
			return strconv.Itoa(i)
		}
		return groups[i]
	}
	members := map[string][]int{}
	for i := range n {
		members[key(i)] = append(members[key(i)], i)
	}
	if len(members) < k {
		return nil, fmt.Errorf("logreg: %d groups cannot fill %d folds", len(members), k)
	}
	keys := make([]string, 0, len(members))
	for g := range members {
		keys = append(keys, g)
	}
	sort.Strings(keys)
	rng := rand.New(rand.NewPCG(seed, 0x666f6c6473)) // "folds"
	rng.Shuffle(len(keys), func(i, j int) { keys[i], keys[j] = keys[j], keys[i] })
	folds := make([][]int, k)
	for _, g := range keys {
		best := 0
		for f := range folds {
			if len(folds[f]) < len(folds[best]) {
				best = f
			}
		}
		folds[best] = append(folds[best], members[g]...)
	}
	for _, f := range folds {
		slices.Sort(f)
	}
	return folds, nil
}

// CVResult holds out-of-fold predictions and their scores.
type CVResult struct {
	Folds [][]int     // test rows of each fold
	Probs [][]float64 // per row, from the model that did not train on it
	Pred  []int       // per row, the most probable class
	Scores
}

// CrossValidate trains one model per fold of Folds(len(X), k, groups,
// opts.Seed) on the other folds, predicts the held-out rows, and scores all
// out-of-fold predictions together. It is deterministic like Train.
func CrossValidate(X [][]float64, y []int, nClasses, k int, groups []string, opts Options) (*CVResult, error) {
	if err := mldata.Check("logreg", X, y, nClasses); err != nil {
		return nil, err
	}
	folds, err := Folds(len(X), k, groups, opts.Seed)
	if err != nil {
		return nil, err
	}
	res := &CVResult{Folds: folds, Probs: make([][]float64, len(X)), Pred: make([]int, len(X))}
	test := make([]bool, len(X))
	for f, rows := range folds {
		clear(test)
		for _, i := range rows {
			test[i] = true
		}
		var tx [][]float64
		var ty []int
		for i := range X {
			if !test[i] {
				tx = append(tx, X[i])
				ty = append(ty, y[i])
			}
		}
		m, err := Train(tx, ty, nClasses, opts)
		if err != nil {
			return nil, fmt.Errorf("logreg: fold %d: %w", f, err)
		}
		for _, i := range rows {
			res.Probs[i] = m.Predict(X[i])
			res.Pred[i], _ = m.PredictClass(X[i])
		}
	}
	res.Scores = Evaluate(y, res.Pred, nClasses)
	return res, nil
}

// ClassScore is precision, recall and F1 of one class.
type ClassScore struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	Support   int     `json:"support"` // rows whose true label is the class
}

// Scores summarises predictions against true labels.
type Scores struct {
	Accuracy  float64      `json:"accuracy"`
	MacroF1   float64      `json:"macro_f1"`
	PerClass  []ClassScore `json:"per_class"`
	Confusion [][]int      `json:"confusion"` // [true][predicted]
}

// Evaluate scores predicted labels against true ones. Labels outside
// [0, nClasses) count as wrong and are left out of the confusion matrix.
// A class never predicted has precision 0; one never true has recall 0.
func Evaluate(truth, pred []int, nClasses int) Scores {
	s := Scores{PerClass: make([]ClassScore, nClasses), Confusion: make([][]int, nClasses)}
	for k := range s.Confusion {
		s.Confusion[k] = make([]int, nClasses)
	}
	n := min(len(truth), len(pred))
	correct := 0
	for i := range n {
		t, p := truth[i], pred[i]
		if t == p {
			correct++
		}
		if t >= 0 && t < nClasses && p >= 0 && p < nClasses {
			s.Confusion[t][p]++
		}
		if t >= 0 && t < nClasses {
			s.PerClass[t].Support++
		}
	}
	if n > 0 {
		s.Accuracy = float64(correct) / float64(n)
	}
	for k := range nClasses {
		tp := s.Confusion[k][k]
		predicted := 0
		for t := range nClasses {
			predicted += s.Confusion[t][k]
		}
		c := &s.PerClass[k]
		if predicted > 0 {
			c.Precision = float64(tp) / float64(predicted)
		}
		if c.Support > 0 {
			c.Recall = float64(tp) / float64(c.Support)
		}
		if c.Precision+c.Recall > 0 {
			c.F1 = 2 * c.Precision * c.Recall / (c.Precision + c.Recall)
		}
		s.MacroF1 += c.F1 / float64(nClasses)
	}
	return s
}
