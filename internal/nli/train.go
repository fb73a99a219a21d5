package nli

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/crosscheck-go/crosscheck/internal/gbdt"
	"github.com/crosscheck-go/crosscheck/internal/logreg"
	"github.com/crosscheck-go/crosscheck/tokenize"
)

// TrainOptions configure Train. The zero value reads ../shared/eval
// relative to the working directory.
type TrainOptions struct {
	// Dir holds the evaluation data (sick_train.jsonl, ...).
	Dir string
	// Folds is the number of cross-validation folds on FNC-1 (default 5).
	Folds int
	// Workers bounds parallel feature extraction (default GOMAXPROCS); the
	// result does not depend on it.
	Workers int
	// Log receives progress and the figures; nil discards them.
	Log io.Writer
	// ShortCV also logs 5-fold cross-validated figures of the short-pair
	// models on SICK train and RTE-1/2, for choosing between features
	// without looking at the development sets.
	// It does not change the weights file.
	ShortCV bool
	// Mistakes, when set, receives the development and FNC-1 pairs the
	// cross-validation got wrong, one per line (file, id, gold, predicted,
	// premise, hypothesis, tab-separated; an FNC-1 body cut to 300 bytes),
	// for error analysis.
	Mistakes io.Writer
}

// Training choices, recorded in the weights file through logreg.Meta.
var (
	stanceOptions = logreg.Options{L2: 1e-4, Epochs: 40, Seed: 1}
	gateOptions   = logreg.Options{L2: 1e-4, Epochs: 20, Seed: 1}
	// The article model weights disagree up: it is rare in FNC-1 (about
	// 6% of related pairs) and the costliest stance to miss.
	articleWeights = []float64{1, 1, 3}
	// Boosted trees judge articles and captions. On FNC-1, cross-validated
	// by body, they beat the logistic regression (disagree F1 0.21 ->
	// 0.31), since a refuting or reporting word matters only when the body
	// is about the headline. On short pairs, 5-fold on SICK train and on
	// RTE-1/2 (training data only), trees for every short pair gained
	// ~0.01 of SICK accuracy but lost ~0.04 of RTE contradiction F1; trees
	// for caption-like pairs only (see captionLike) kept both gains.
	captionTrees = gbdt.Options{Rounds: 100, Depth: 4}
	articleTrees = gbdt.Options{Rounds: 100, Depth: 4, ClassWeights: articleWeights}
)

// trainLR and trainTrees train a scorer with the feature and class names
// of the weights file.
func trainLR(X [][]float64, y []int, classes []string, o logreg.Options) (scorer, error) {
	o.Features, o.Classes = featureNames[:], classes
	m, err := logreg.Train(X, y, len(classes), o)
	if err != nil {
		return nil, err
	}
	return lrScorer{m}, nil
}

func trainTrees(X [][]float64, y []int, classes []string, o gbdt.Options) (scorer, error) {
	o.Features, o.Classes = featureNames[:], classes
	m, err := gbdt.Train(X, y, len(classes), o)
	if err != nil {
		return nil, err
	}
	return treeScorer{m}, nil
}

// The gate thresholds on P(related). Short premises (SICK, RTE) are
// almost always about the hypothesis's subject, so only a very low
// probability calls them unrelated.
const (
	gateSentence = 0.05
	gateArticle  = 0.5
)

// nliRow is one labelled NLI pair.
type nliRow struct {
	ID         string `json:"id"`
	Premise    string `json:"premise"`
	Hypothesis string `json:"hypothesis"`
	Label      string `json:"label"`
}

type fncBody struct {
	BodyID int    `json:"body_id"`
	Body   string `json:"body"`
}

type fncStance struct {
	ID       string `json:"id"`
	Headline string `json:"headline"`
	BodyID   int    `json:"body_id"`
	Stance   string `json:"stance"`
}

// dataset reads JSON Lines files and records their hashes.
type dataset struct {
	dir    string
	hashes map[string]string
}

func (d *dataset) read(name string, each func(line int, b []byte) error) error {
	path := filepath.Join(d.dir, name)
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("nli: %w", err)
	}
	sum := sha256.Sum256(data)
	d.hashes[name] = hex.EncodeToString(sum[:])
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<24)
	for n := 1; sc.Scan(); n++ {
		if len(bytes.TrimSpace(sc.Bytes())) == 0 {
			continue
		}
		if err := each(n, sc.Bytes()); err != nil {
			return fmt.Errorf("nli: %s:%d: %w", path, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("nli: %s: %w", path, err)
	}
	return nil
}

func (d *dataset) nli(names ...string) ([]nliRow, error) {
	var out []nliRow
	for _, name := range names {
		err := d.read(name, func(_ int, b []byte) error {
			var r nliRow
			if err := json.Unmarshal(b, &r); err != nil {
				return err
			}
			out = append(out, r)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// stanceIndex maps NLI labels and FNC-1 stances to the model classes
// (0 entailment/agree, 1 neutral/discuss, 2 contradiction/disagree,
// 3 unrelated).
func stanceIndex(label string) (int, bool) {
	switch label {
	case "entailment", "agree":
		return 0, true
	case "neutral", "discuss":
		return 1, true
	case "contradiction", "disagree":
		return 2, true
	case "unrelated":
		return 3, true
	}
	return 0, false
}

// parallel runs f(i) for i in [0, n) on workers goroutines.
func parallel(n, workers int, f func(i int)) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	var wg sync.WaitGroup
	next := make(chan int, 256)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f(i)
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}

// nliFeatures tokenizes and measures NLI rows; rows with an unknown label
// are skipped, and the last result holds the indices of the rows kept.
func nliFeatures(x *extractor, tk *tokenize.Tokenizer, rows []nliRow, workers int) ([][]float64, []int, []Vector, []int, error) {
	vs := make([]Vector, len(rows))
	errs := make([]error, len(rows))
	parallel(len(rows), workers, func(i int) {
		p, err := tk.Document(tokenize.Source{ID: rows[i].ID, Text: []byte(rows[i].Premise)})
		if err != nil {
			errs[i] = err
			return
		}
		h, err := tk.Document(tokenize.Source{ID: rows[i].ID, Text: []byte(rows[i].Hypothesis)})
		if err != nil {
			errs[i] = err
			return
		}
		vs[i] = x.features(x.prepare(p), x.prepare(h))
	})
	var X [][]float64
	var y []int
	var kept []Vector
	var idx []int
	for i := range rows {
		if errs[i] != nil {
			return nil, nil, nil, nil, fmt.Errorf("nli: %s: %w", rows[i].ID, errs[i])
		}
		c, ok := stanceIndex(rows[i].Label)
		if !ok || c == 3 {
			continue
		}
		X = append(X, vs[i].Values[:])
		y = append(y, c)
		kept, idx = append(kept, vs[i]), append(idx, i)
	}
	return X, y, kept, idx, nil
}

// nliScores are the figures of three-way predictions.
func nliScores(truth, pred []int) (acc, p, r, f1 float64) {
	s := logreg.Evaluate(truth, pred, 3)
	c := s.PerClass[2]
	return s.Accuracy, c.Precision, c.Recall, c.F1
}

// fncScores returns the FNC-1 score as a fraction of the maximum, the
// macro F1 over the four stances and the per-stance F1 (classes as in
// stanceIndex).
func fncScores(truth, pred []int) (rel, macro float64, f1 [4]float64) {
	var score, best float64
	var conf [4][4]int
	for i := range truth {
		g, p := truth[i], pred[i]
		conf[g][p]++
		if g == p {
			score += 0.25
		}
		if g != 3 && p != 3 {
			score += 0.25
			if g == p {
				score += 0.5
			}
		}
		if g == 3 {
			best += 0.25
		} else {
			best++
		}
	}
	for k := range 4 {
		var tp, fp, fn int
		for o := range 4 {
			if o == k {
				tp = conf[k][k]
				continue
			}
			fp += conf[o][k]
			fn += conf[k][o]
		}
		if tp > 0 {
			pr, rc := float64(tp)/float64(tp+fp), float64(tp)/float64(tp+fn)
			f1[k] = 2 * pr * rc / (pr + rc)
		}
		macro += f1[k] / 4
	}
	return score / best, macro, f1
}

// predict is ClassifyVector's decision for a vector, without
// explanations.
func predict(sentence, caption, news, article, gate scorer, v *Vector) int {
	if !v.OK {
		return 1
	}
	x := v.Values[:]
	var gb, sb [3]float64
	g := gate.PredictInto(x, gb[:2])
	m, th := sentence, gateSentence
	switch route(v) {
	case routeCaption:
		m = caption
	case routeNews:
		m = news
	case routeArticle:
		m, th = article, gateArticle
	}
	if g[1] < th {
		return 3
	}
	p := m.PredictInto(x, sb[:3])
	best := 0
	for k := range p {
		if p[k] > p[best] {
			best = k
		}
	}
	return best
}

// Train reads the evaluation data in opts.Dir, trains the short-pair
// models (sentence, caption, news) on SICK train and trial, RTE-1/RTE-2
// (dev and test) and RTE-3 dev, the article model and the relatedness gate
// on FNC-1 train, measures the development sets (SICK trial, RTE-3 dev)
// by 5-fold cross-validation with their other folds in training, and
// FNC-1 by cross-validation by body, and returns the weights file. It is
// deterministic: the same data gives the same bytes.
//
// Issue 5 allows training on the development sets as long as their
// figures are cross-validated; the held-back test splits (SICK test,
// RTE-3 test) judge the result. A contradiction-probability threshold for
// the news model, chosen inside the CV on the training folds only, was
// tried and left out: maximising F1 picked about 0.15, which raised RTE-3
// dev CV contradiction F1 from 0.228 to 0.248 but cut precision from 0.326
// to 0.200 (accuracy 0.635 to 0.576); constrained to keep precision, it
// chose no threshold on all the data.
func Train(opts TrainOptions) ([]byte, error) {
	if opts.Dir == "" {
		opts.Dir = filepath.Join("..", "shared", "eval")
	}
	if opts.Folds == 0 {
		opts.Folds = 5
	}
	logw := opts.Log
	if logw == nil {
		logw = io.Discard
	}
	logf := func(format string, a ...any) { fmt.Fprintf(logw, format+"\n", a...) }
	d := &dataset{dir: opts.Dir, hashes: map[string]string{}}
	x := &extractor{words: compileWords(DefaultWords())}
	tk, err := tokenize.New(tokenize.Options{NoTags: true})
	if err != nil {
		return nil, fmt.Errorf("nli: %w", err)
	}
	scores := map[string]float64{}

	// Short-pair models. The development sets (SICK trial, RTE-3 dev) are
	// training data too, as issue 5 allows, so their figures are
	// cross-validated: see devCV below.
	var sp shortPairs
	for _, f := range trainFiles {
		if err := sp.add(d, x, tk, f, opts.Workers); err != nil {
			return nil, err
		}
	}
	for _, f := range devFiles {
		if err := sp.add(d, x, tk, f.file, opts.Workers); err != nil {
			return nil, err
		}
	}
	sentence, caption, news, err := trainShort(&sp, nil)
	if err != nil {
		return nil, err
	}
	logf("sentence and caption models: %d pairs under %d premise content words, news model: all %d pairs (SICK train+trial, RTE-1/2 dev+test, RTE-3 dev)", sp.short(nil), NewsWords, len(sp.X))
	if opts.ShortCV {
		for _, set := range []struct {
			name  string
			files []string
		}{{"SICK train", []string{"sick_train.jsonl"}}, {"RTE-1/2", trainFiles[1:]}} {
			acc, p, r, f1, err := shortCV(&sp, set.files, opts.Folds)
			if err != nil {
				return nil, err
			}
			logf("%s, %d-fold CV (the other pairs always train): accuracy %.3f, contradiction P %.3f R %.3f F1 %.3f", set.name, opts.Folds, acc, p, r, f1)
		}
	}

	// Gate and article model on FNC-1.
	bodies := map[int]string{}
	if err := d.read("fnc1_train_bodies.jsonl", func(_ int, b []byte) error {
		var r fncBody
		if err := json.Unmarshal(b, &r); err != nil {
			return err
		}
		bodies[r.BodyID] = r.Body
		return nil
	}); err != nil {
		return nil, err
	}
	var stances []fncStance
	if err := d.read("fnc1_train_stances.jsonl", func(_ int, b []byte) error {
		var r fncStance
		if err := json.Unmarshal(b, &r); err != nil {
			return err
		}
		if _, ok := stanceIndex(r.Stance); !ok {
			return fmt.Errorf("unknown stance %q", r.Stance)
		}
		if _, ok := bodies[r.BodyID]; !ok {
			return fmt.Errorf("unknown body %d", r.BodyID)
		}
		stances = append(stances, r)
		return nil
	}); err != nil {
		return nil, err
	}
	fv, err := fncFeatures(x, tk, bodies, stances, opts.Workers)
	if err != nil {
		return nil, err
	}
	logf("FNC-1: %d pairs over %d bodies", len(stances), len(bodies))
	gate, article, err := trainFNC(fv, stances, nil)
	if err != nil {
		return nil, err
	}

	// Development sets, cross-validated with their folds in training.
	if err := devCV(&sp, article, gate, opts.Folds, scores, logf, opts.Mistakes); err != nil {
		return nil, err
	}

	// FNC-1 cross-validated by body.
	groups := make([]string, len(stances))
	for i, s := range stances {
		groups[i] = fmt.Sprint(s.BodyID)
	}
	folds, err := logreg.Folds(len(stances), opts.Folds, groups, 1)
	if err != nil {
		return nil, fmt.Errorf("nli: %w", err)
	}
	truth := make([]int, len(stances))
	pred := make([]int, len(stances))
	for i, s := range stances {
		truth[i], _ = stanceIndex(s.Stance)
	}
	test := make([]bool, len(stances))
	for k, rows := range folds {
		clear(test)
		for _, i := range rows {
			test[i] = true
		}
		g, a, err := trainFNC(fv, stances, test)
		if err != nil {
			return nil, fmt.Errorf("nli: fold %d: %w", k, err)
		}
		for _, i := range rows {
			pred[i] = predict(sentence, caption, news, a, g, &fv[i])
		}
	}
	if opts.Mistakes != nil {
		fncNames := [4]string{"agree", "discuss", "disagree", "unrelated"}
		for i, s := range stances {
			if truth[i] != pred[i] {
				body := oneLine(bodies[s.BodyID])
				if len(body) > 300 {
					body = body[:300]
				}
				fmt.Fprintf(opts.Mistakes, "fnc1_train_stances.jsonl\t%s\t%s\t%s\t%s\t%s\n", s.ID, fncNames[truth[i]], fncNames[pred[i]], body, oneLine(s.Headline))
			}
		}
	}
	rel, macro, f1 := fncScores(truth, pred)
	scores["fnc_cv_score"] = round4(rel)
	scores["fnc_cv_macro_f1"] = round4(macro)
	scores["fnc_cv_agree_f1"] = round4(f1[0])
	scores["fnc_cv_discuss_f1"] = round4(f1[1])
	scores["fnc_cv_disagree_f1"] = round4(f1[2])
	scores["fnc_cv_unrelated_f1"] = round4(f1[3])
	logf("FNC-1 train, %d-fold CV by body: score %.4f of max, macro F1 %.3f, F1 agree %.3f discuss %.3f disagree %.3f unrelated %.3f",
		opts.Folds, rel, macro, f1[0], f1[1], f1[2], f1[3])

	file := File{
		Kinds:   map[string]string{},
		Version: fileVersion, Features: featureNames[:], Data: d.hashes, Scores: scores,
		GateSentence: gateSentence, GateArticle: gateArticle,
	}
	for _, part := range []struct {
		key string
		m   scorer
		dst *json.RawMessage
	}{{"sentence", sentence, &file.Sentence}, {"caption", caption, &file.Caption}, {"news", news, &file.News}, {"article", article, &file.Article}, {"gate", gate, &file.Gate}} {
		kind, b, err := marshalScorer(part.m)
		if err != nil {
			return nil, err
		}
		file.Kinds[part.key] = kind
		*part.dst = json.RawMessage(b)
	}
	out, err := json.MarshalIndent(file, "", " ")
	if err != nil {
		return nil, fmt.Errorf("nli: %w", err)
	}
	return append(out, '\n'), nil
}

// trainFiles are the short-pair training sets; devFiles the development
// sets, trained on as well but reported cross-validated (issue 5), with the
// key of their figures in the weights file.
var (
	trainFiles = []string{"sick_train.jsonl", "rte1_3way_dev.jsonl", "rte1_3way_test.jsonl", "rte2_3way_dev.jsonl", "rte2_3way_test.jsonl"}
	devFiles   = []struct{ key, file string }{
		{"sick_trial", "sick_trial.jsonl"},
		{"rte3_dev", "rte3_3way_dev.jsonl"},
	}
)

// shortPairs are the measured short-pair rows (SICK, RTE) with the file
// each came from and its premise, the unit the CV folds group by.
type shortPairs struct {
	X       [][]float64
	y       []int
	v       []Vector
	file    []string
	premise []string
	row     []nliRow
}

func (sp *shortPairs) add(d *dataset, x *extractor, tk *tokenize.Tokenizer, file string, workers int) error {
	rows, err := d.nli(file)
	if err != nil {
		return err
	}
	X, y, vs, kept, err := nliFeatures(x, tk, rows, workers)
	if err != nil {
		return err
	}
	for j, i := range kept {
		sp.X, sp.y, sp.v = append(sp.X, X[j]), append(sp.y, y[j]), append(sp.v, vs[j])
		sp.file, sp.premise = append(sp.file, file), append(sp.premise, rows[i].Premise)
		sp.row = append(sp.row, rows[i])
	}
	return nil
}

// short counts the rows, outside skip, that train the sentence and caption
// models.
func (sp *shortPairs) short(skip []bool) int {
	n := 0
	for i := range sp.X {
		if rt := route(&sp.v[i]); (skip == nil || !skip[i]) && (rt == routeSentence || rt == routeCaption) {
			n++
		}
	}
	return n
}

// trainShort trains the sentence and caption models on the short premises
// and the news model on every pair, leaving out rows marked in skip. The
// news model learns from every pair since the long premises alone, about
// 2,000, are too few for its weights; it does so without the features of
// newsLeavesOut.
func trainShort(sp *shortPairs, skip []bool) (sentence, caption, news scorer, err error) {
	var sx, ax [][]float64
	var sy, ay []int
	for i := range sp.X {
		if skip != nil && skip[i] {
			continue
		}
		ax, ay = append(ax, sp.X[i]), append(ay, sp.y[i])
		if rt := route(&sp.v[i]); rt == routeSentence || rt == routeCaption {
			sx, sy = append(sx, sp.X[i]), append(sy, sp.y[i])
		}
	}
	if sentence, err = trainLR(sx, sy, stanceClasses, stanceOptions); err != nil {
		return nil, nil, nil, fmt.Errorf("nli: sentence model: %w", err)
	}
	if caption, err = trainTrees(sx, sy, stanceClasses, captionTrees); err != nil {
		return nil, nil, nil, fmt.Errorf("nli: caption model: %w", err)
	}
	if news, err = trainLR(newsMasked(ax), ay, stanceClasses, stanceOptions); err != nil {
		return nil, nil, nil, fmt.Errorf("nli: news model: %w", err)
	}
	return sentence, caption, news, nil
}

// devCV cross-validates the short-pair models on the development sets:
// each set is cut into k folds, grouped by premise so that pairs sharing
// one (SICK builds several pairs from one sentence) fall in the same fold,
// and fold f of every set is judged by models trained on everything else
// (the training sets, the other folds of that set and of the other
// development sets), as Train trains them, through predict with the final
// gate and article model (trained on FNC-1 only). The pooled figures go to
// scores under KEY_cv_*.
func devCV(sp *shortPairs, article, gate scorer, k int, scores map[string]float64, logf func(string, ...any), mistakes io.Writer) error {
	fold := make([]int, len(sp.X)) // fold+1 of a development row, 0 for the training sets
	for _, set := range devFiles {
		var idx []int
		var groups []string
		for i := range sp.X {
			if sp.file[i] == set.file {
				idx, groups = append(idx, i), append(groups, sp.premise[i])
			}
		}
		folds, err := logreg.Folds(len(idx), k, groups, 1)
		if err != nil {
			return fmt.Errorf("nli: %s: %w", set.file, err)
		}
		for f, rows := range folds {
			for _, j := range rows {
				fold[idx[j]] = f + 1
			}
		}
	}
	pred := make([]int, len(sp.X))
	skip := make([]bool, len(sp.X))
	for f := 1; f <= k; f++ {
		for i := range skip {
			skip[i] = fold[i] == f
		}
		sentence, caption, news, err := trainShort(sp, skip)
		if err != nil {
			return fmt.Errorf("nli: dev fold %d: %w", f, err)
		}
		for i := range sp.X {
			if skip[i] {
				pred[i] = predict(sentence, caption, news, article, gate, &sp.v[i])
				if pred[i] == 3 {
					pred[i] = 1 // unrelated counts as neutral
				}
			}
		}
	}
	for _, set := range devFiles {
		var truth, got []int
		for i := range sp.X {
			if sp.file[i] == set.file {
				truth, got = append(truth, sp.y[i]), append(got, pred[i])
			}
		}
		if mistakes != nil {
			for i := range sp.X {
				if sp.file[i] == set.file && sp.y[i] != pred[i] {
					r := sp.row[i]
					fmt.Fprintf(mistakes, "%s\t%s\t%s\t%s\t%s\t%s\n", set.file, r.ID, stanceClasses[sp.y[i]], stanceClasses[pred[i]], oneLine(r.Premise), oneLine(r.Hypothesis))
				}
			}
		}
		acc, p, r, f1 := nliScores(truth, got)
		scores[set.key+"_cv_accuracy"] = round4(acc)
		scores[set.key+"_cv_contradiction_precision"] = round4(p)
		scores[set.key+"_cv_contradiction_recall"] = round4(r)
		scores[set.key+"_cv_contradiction_f1"] = round4(f1)
		logf("%s, %d-fold CV by premise (dev folds in training): accuracy %.3f, contradiction P %.3f R %.3f F1 %.3f", set.file, k, acc, p, r, f1)
	}
	return nil
}

// shortCV cross-validates the short-pair models (sentence, caption, news)
// on the rows from files: each fold is judged by models trained on every
// other row, as Train trains them. It is for choosing features on training
// data; it does not change the weights file.
func shortCV(sp *shortPairs, files []string, k int) (acc, p, r, f1 float64, err error) {
	var idx []int
	for i := range sp.X {
		for _, f := range files {
			if sp.file[i] == f {
				idx = append(idx, i)
			}
		}
	}
	folds, err := logreg.Folds(len(idx), k, nil, 1)
	if err != nil {
		return 0, 0, 0, 0, fmt.Errorf("nli: %w", err)
	}
	var truth, pred []int
	test := make([]bool, len(sp.X))
	for _, f := range folds {
		clear(test)
		for _, j := range f {
			test[idx[j]] = true
		}
		sentence, caption, news, err := trainShort(sp, test)
		if err != nil {
			return 0, 0, 0, 0, err
		}
		for _, j := range f {
			i := idx[j]
			m := sentence
			switch route(&sp.v[i]) {
			case routeCaption:
				m = caption
			case routeNews, routeArticle:
				m = news
			}
			var buf [3]float64
			out := m.PredictInto(sp.X[i], buf[:])
			best := 0
			for c := range out {
				if out[c] > out[best] {
					best = c
				}
			}
			truth, pred = append(truth, sp.y[i]), append(pred, best)
		}
	}
	acc, p, r, f1 = nliScores(truth, pred)
	return acc, p, r, f1, nil
}

// newsLeavesOut are the features the news model leaves out. negation_entailed
// is learned almost wholly from SICK's short denials ("There is no man
// playing"), where a denial covers the whole sentence; in a long news
// sentence a negation covers a clause, and the weight SICK teaches shifts
// the news model's other weights away from what fits RTE. Measured on the
// training data only (RTE-1/2, 5 folds, SICK always in training), leaving
// it out of the news model raised contradiction F1 from 0.191 to 0.211.
var newsLeavesOut = []int{fNegEntail}

// newsMasked returns a copy of X with the newsLeavesOut columns zeroed,
// so the news model trained on it gives them no weight.
func newsMasked(X [][]float64) [][]float64 { return masked(X, newsLeavesOut) }

// articleLeavesOut are the features the gate and the article model leave
// out: word-level paraphrase and voice features of short sentence pairs
// (definition heads, passive voice and roles). A headline against an
// article body is judged by what the body says about it, and in 5-fold CV
// by body these columns only moved the trees' splits (disagree F1 0.309
// without them, 0.294 with them). Which of the new short-pair columns to
// leave out was chosen among four masks by that CV, so its figure is a
// little optimistic: the masks scored 0.295 to 0.309.
var articleLeavesOut = []int{fAlignGloss, fAlignGlossOf, fVoiceDiff, fRoleSwap}

// masked returns a copy of X with the columns cols zeroed.
func masked(X [][]float64, cols []int) [][]float64 {
	out := make([][]float64, len(X))
	for i, row := range X {
		r := append([]float64(nil), row...)
		for _, j := range cols {
			r[j] = 0
		}
		out[i] = r
	}
	return out
}

// oneLine keeps a text on one line of the mistakes file.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func round4(v float64) float64 { return float64(int64(v*1e4+0.5)) / 1e4 }

// fncFeatures measures every headline against its body; each body is
// tokenized and prepared once.
func fncFeatures(x *extractor, tk *tokenize.Tokenizer, bodies map[int]string, stances []fncStance, workers int) ([]Vector, error) {
	ids := make([]int, 0, len(bodies))
	for id := range bodies {
		ids = append(ids, id)
	}
	sortInts(ids)
	prepared := make(map[int]*text, len(ids))
	texts := make([]*text, len(ids))
	errs := make([]error, len(ids))
	parallel(len(ids), workers, func(i int) {
		d, err := tk.Document(tokenize.Source{ID: fmt.Sprint(ids[i]), Text: []byte(bodies[ids[i]])})
		if err != nil {
			errs[i] = err
			return
		}
		texts[i] = x.prepare(d)
	})
	for i, id := range ids {
		if errs[i] != nil {
			return nil, fmt.Errorf("nli: FNC-1 body %d: %w", id, errs[i])
		}
		prepared[id] = texts[i]
	}
	vs := make([]Vector, len(stances))
	herr := make([]error, len(stances))
	parallel(len(stances), workers, func(i int) {
		h, err := tk.Document(tokenize.Source{ID: stances[i].ID, Text: []byte(stances[i].Headline)})
		if err != nil {
			herr[i] = err
			return
		}
		vs[i] = x.features(prepared[stances[i].BodyID], x.prepare(h))
	})
	for i := range herr {
		if herr[i] != nil {
			return nil, fmt.Errorf("nli: FNC-1 %s: %w", stances[i].ID, herr[i])
		}
	}
	return vs, nil
}

// trainFNC trains the gate on related/unrelated and the article model on
// the related pairs, leaving out rows marked in skip.
func trainFNC(vs []Vector, stances []fncStance, skip []bool) (gate, article scorer, err error) {
	var gx, ax [][]float64
	var gy, ay []int
	for i := range stances {
		if skip != nil && skip[i] {
			continue
		}
		c, _ := stanceIndex(stances[i].Stance)
		if c == 3 {
			gx, gy = append(gx, vs[i].Values[:]), append(gy, 0)
			continue
		}
		gx, gy = append(gx, vs[i].Values[:]), append(gy, 1)
		ax, ay = append(ax, vs[i].Values[:]), append(ay, c)
	}
	gate, err = trainLR(masked(gx, articleLeavesOut), gy, gateClasses, gateOptions)
	if err != nil {
		return nil, nil, fmt.Errorf("gate: %w", err)
	}
	article, err = trainTrees(masked(ax, articleLeavesOut), ay, stanceClasses, articleTrees)
	if err != nil {
		return nil, nil, fmt.Errorf("article model: %w", err)
	}
	return gate, article, nil
}
