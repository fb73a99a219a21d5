package analyze

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/crosscheck-go/crosscheck/internal/logreg"
	"github.com/crosscheck-go/crosscheck/tokenize"
)

// The judge's model is trained by one command, from the public sets in
// ../shared/eval, and written to data/judge_model.json:
//
//	go test ./analyze -run TestTrainJudge -train
//
// Training data: SICK train, RTE-1 and RTE-2 (dev and test), and FNC-1
// train pairs whose body falls outside the held-out fold (bodies hashed into
// five folds; fold 0 is never trained on). SICK trial and RTE-3 dev are never
// trained on: they are the development sets the scores are measured on.
var (
	trainFlag = flag.Bool("train", false, "train the judge's model and write data/judge_model.json")
	evalFlag  = flag.String("eval", filepath.Join("..", "..", "shared", "eval"), "directory of the public evaluation sets")
)

type nliRecord struct {
	Premise    string          `json:"premise"`
	Hypothesis string          `json:"hypothesis"`
	Label      string          `json:"label"`
	Headline   string          `json:"headline"`
	BodyID     json.RawMessage `json:"body_id"`
	Stance     string          `json:"stance"`
}

func readJSONL(path string, f func(nliRecord)) (string, error) {
	file, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer file.Close()
	h := sha256.New()
	sc := bufio.NewScanner(io.TeeReader(file, h))
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for line := 1; sc.Scan(); line++ {
		var r nliRecord
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return "", fmt.Errorf("%s:%d: %w", path, line, err)
		}
		f(r)
	}
	if err := sc.Err(); err != nil {
		return "", fmt.Errorf("%s: %w", path, err)
	}
	return hex.EncodeToString(h.Sum(nil))[:16], nil
}

var labelIndex = map[string]int{
	"entailment": 0, "neutral": 1, "contradiction": 2, "unrelated": 3,
	"agree": 0, "discuss": 1, "disagree": 2,
}

type featureSet struct {
	X      [][]float64
	Y      []int
	Groups []string
}

func (fs *featureSet) add(an *analyzer, p, h *tokenize.Document, y int, group string) {
	pa, ok := an.analysePair(p, h, false)
	if !ok {
		return
	}
	fs.X = append(fs.X, append([]float64(nil), pa.x[:]...))
	fs.Y = append(fs.Y, y)
	fs.Groups = append(fs.Groups, group)
}

func nliFeatures(t *testing.T, an *analyzer, tk *tokenize.Tokenizer, path string, fs *featureSet) string {
	t.Helper()
	n := 0
	hash, err := readJSONL(path, func(r nliRecord) {
		y, ok := labelIndex[r.Label]
		if !ok {
			return
		}
		p, err1 := tk.Document(tokenize.Source{ID: "p", Text: []byte(r.Premise)})
		h, err2 := tk.Document(tokenize.Source{ID: "h", Text: []byte(r.Hypothesis)})
		if err1 != nil || err2 != nil {
			return
		}
		n++
		fs.add(an, p, h, y, filepath.Base(path)+fmt.Sprint(n%10))
	})
	if err != nil {
		t.Fatal(err)
	}
	return hash
}

func fold(s string) uint32 {
	h := fnv.New32a()
	h.Write([]byte(s))
	return h.Sum32() % 5
}

func fncFeatures(t *testing.T, an *analyzer, tk *tokenize.Tokenizer, dir string, wantFold func(uint32) bool, every int, fs *featureSet) (string, string) {
	t.Helper()
	bodies := map[string]*tokenize.Document{}
	bh, err := readJSONL(filepath.Join(dir, "fnc1_train_bodies.jsonl"), func(r nliRecord) {})
	if err != nil {
		t.Fatal(err)
	}
	type body struct {
		BodyID json.RawMessage `json:"body_id"`
		Body   string          `json:"body"`
	}
	f, err := os.Open(filepath.Join(dir, "fnc1_train_bodies.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	raw := map[string]string{}
	for sc.Scan() {
		var b body
		if json.Unmarshal(sc.Bytes(), &b) == nil {
			raw[string(b.BodyID)] = b.Body
		}
	}
	f.Close()
	i := 0
	sh, err := readJSONL(filepath.Join(dir, "fnc1_train_stances.jsonl"), func(r nliRecord) {
		id := string(r.BodyID)
		if !wantFold(fold(id)) {
			return
		}
		i++
		y, ok := labelIndex[r.Stance]
		if !ok {
			return
		}
		// Keep every disagree and agree pair, a sample of the rest.
		if y != 2 && y != 0 && i%every != 0 {
			return
		}
		d := bodies[id]
		if d == nil {
			var err error
			d, err = tk.Document(tokenize.Source{ID: "body", Text: []byte(raw[id])})
			if err != nil {
				return
			}
			bodies[id] = d
		}
		h, err := tk.Document(tokenize.Source{ID: "h", Text: []byte(r.Headline)})
		if err != nil {
			return
		}
		fs.add(an, d, h, y, "fnc"+id)
	})
	if err != nil {
		t.Fatal(err)
	}
	return bh, sh
}

func TestTrainJudge(t *testing.T) {
	if !*trainFlag {
		t.Skip("training runs only with -train")
	}
	dir := *evalFlag
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("evaluation sets not found: %v", err)
	}
	tk, err := tokenize.New(tokenize.Options{NoTags: true})
	if err != nil {
		t.Fatal(err)
	}
	an := newAnalyzer(Options{})
	// Two models: one for sentence premises (SICK, RTE), one for articles
	// (FNC-1 bodies), because the same feature means different things in
	// a caption and in a 500-word article.
	var train featureSet
	meta := map[string]string{}
	for _, name := range []string{"sick_train.jsonl", "rte1_3way_dev.jsonl", "rte1_3way_test.jsonl", "rte2_3way_dev.jsonl", "rte2_3way_test.jsonl"} {
		meta[name] = nliFeatures(t, an, tk, filepath.Join(dir, name), &train)
	}
	classes := []string{"entailment", "neutral", "contradiction", "unrelated"}
	opts := logreg.Options{L2: 1e-4, Epochs: 80, Seed: 1, Features: featureNames[:], Classes: classes}
	sm, err := logreg.Train(train.X, train.Y, len(modelClasses), opts)
	if err != nil {
		t.Fatal(err)
	}
	sm.Meta.Data = meta
	sm.Meta.Scores = map[string]float64{}
	// Development sets never trained on.
	for _, name := range []string{"sick_trial.jsonl", "rte3_3way_dev.jsonl"} {
		var dev featureSet
		nliFeatures(t, an, tk, filepath.Join(dir, name), &dev)
		acc, cf1 := nliScores(sm, dev)
		sm.Meta.Scores[name+" accuracy"] = round3(acc)
		sm.Meta.Scores[name+" contradiction F1"] = round3(cf1)
		t.Logf("%s: 3-way accuracy %.3f, contradiction F1 %.3f", name, acc, cf1)
	}
	var ftrain featureSet
	bh, sh := fncFeatures(t, an, tk, dir, func(f uint32) bool { return f != 0 }, 4, &ftrain)
	fmeta := map[string]string{"fnc1_train_bodies.jsonl": bh, "fnc1_train_stances.jsonl (body folds 1-4; agree/disagree all, others 1 in 4)": sh}
	aopts := opts
	aopts.ClassWeights = []float64{1, 1, 2, 0.5}
	am, err := logreg.Train(ftrain.X, ftrain.Y, len(modelClasses), aopts)
	if err != nil {
		t.Fatal(err)
	}
	am.Meta.Data = fmeta
	var held featureSet
	fncFeatures(t, an, tk, dir, func(f uint32) bool { return f == 0 }, 1, &held)
	score := fncScore(am, held)
	am.Meta.Scores = map[string]float64{"fnc1 held-out body fold 0 score": round3(score)}
	t.Logf("FNC-1 held-out bodies (fold 0): %.3f of maximum on %d pairs", score, len(held.Y))
	for name, m := range map[string]*logreg.Model{"judge_sentence.json": sm, "judge_article.json": am} {
		b, err := m.Marshal()
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join("data", name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func round3(x float64) float64 { return float64(int(x*1000+0.5)) / 1000 }

func predict(m *logreg.Model, x []float64) int {
	c, _ := m.PredictClass(x)
	return c
}

// nliScores: three-way accuracy (unrelated counted as neutral) and the
// contradiction F1.
func nliScores(m *logreg.Model, fs featureSet) (acc, f1 float64) {
	var ok, tp, fp, fn float64
	for i, x := range fs.X {
		p := predict(m, x)
		if p == 3 {
			p = 1
		}
		if p == fs.Y[i] {
			ok++
		}
		switch {
		case p == 2 && fs.Y[i] == 2:
			tp++
		case p == 2:
			fp++
		case fs.Y[i] == 2:
			fn++
		}
	}
	if tp > 0 {
		f1 = 2 * tp / (2*tp + fp + fn)
	}
	return ok / float64(len(fs.X)), f1
}

// fncScore is the FNC-1 score as a fraction of its maximum.
func fncScore(m *logreg.Model, fs featureSet) float64 {
	var got, max float64
	for i, x := range fs.X {
		p, y := predict(m, x), fs.Y[i]
		if y == 3 {
			max += 0.25
		} else {
			max += 1
		}
		switch {
		case p == y && y == 3:
			got += 0.25
		case p == y:
			got += 1
		case p != 3 && y != 3:
			got += 0.25
		}
	}
	return got / max
}
