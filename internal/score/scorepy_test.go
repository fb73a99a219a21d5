package score

import (
	"bufio"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/crosscheck-go/crosscheck/analyze"
)

// The tests in this file check that this package and the reference
// implementation, ../shared/tools/score.py, give the same figures. They
// skip where python3 or the shared tree is missing.

var (
	sharedDir = filepath.Join("..", "..", "..", "shared")
	scorePy   = filepath.Join(sharedDir, "tools", "score.py")
)

func needScorePy(t *testing.T) {
	t.Helper()
	if _, err := os.Stat(scorePy); err != nil {
		t.Skipf("reference scorer not found at %s: %v", scorePy, err)
	}
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("python3 not installed: cannot run the reference scorer")
	}
}

// runScorePy runs score.py and returns the key=value pairs of its last line.
func runScorePy(t *testing.T, args ...string) map[string]string {
	t.Helper()
	out, err := exec.Command("python3", append([]string{scorePy}, args...)...).Output()
	if err != nil {
		t.Fatalf("score.py %v: %v", args, err)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	kv := map[string]string{}
	for _, f := range strings.Fields(lines[len(lines)-1]) {
		if k, v, ok := strings.Cut(f, "="); ok {
			kv[k] = v
		}
	}
	return kv
}

// checkFigure compares a figure with score.py's, printed with as many
// decimals as score.py prints.
func checkFigure(t *testing.T, kv map[string]string, key string, got float64) {
	t.Helper()
	want, ok := kv[key]
	if !ok {
		t.Errorf("score.py printed no %s", key)
		return
	}
	decimals := 0
	if _, frac, ok := strings.Cut(want, "."); ok {
		decimals = len(frac)
	}
	if g := strconv.FormatFloat(got, 'f', decimals, 64); g != want {
		t.Errorf("%s: score.py %s, score package %s", key, want, g)
	}
}

// fakeLabel is a deterministic, varied prediction: the gold label for a
// third of the ids, a hash-chosen label otherwise.
func fakeLabel(id, gold string) string {
	h := fnv.New32a()
	h.Write([]byte(id))
	v := h.Sum32()
	if v%3 == 0 {
		return gold
	}
	return []string{"contradiction", "entailment", "neutral", "unrelated"}[v%4]
}

// predict writes fake predictions for a labelled file and feeds each
// (gold, predicted) pair to add.
func predict(t *testing.T, set string, fnc bool, add func(gold, pred string) error) string {
	t.Helper()
	f, err := os.Open(filepath.Join(sharedDir, "eval", set))
	if err != nil {
		t.Skipf("eval set not found: %v", err)
	}
	defer f.Close()
	pred := filepath.Join(t.TempDir(), "pred.jsonl")
	out, err := os.Create(pred)
	if err != nil {
		t.Fatal(err)
	}
	toLabel := map[string]string{"agree": "entailment", "disagree": "contradiction", "discuss": "neutral", "unrelated": "unrelated"}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var r struct{ ID, Label, Stance string }
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		gold, goldLabel := r.Label, r.Label
		if fnc {
			gold, goldLabel = r.Stance, toLabel[r.Stance]
		}
		p := fakeLabel(r.ID, goldLabel)
		fmt.Fprintf(out, "{\"id\": %q, \"label\": %q}\n", r.ID, p)
		if err := add(gold, p); err != nil {
			t.Fatal(err)
		}
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
	return pred
}

func TestAgreesWithScorePyNLI(t *testing.T) {
	needScorePy(t)
	for _, set := range []string{"rte3_3way_dev.jsonl", "sick_trial.jsonl"} {
		t.Run(set, func(t *testing.T) {
			var s NLI
			pred := predict(t, set, false, s.Add)
			kv := runScorePy(t, "pairs", filepath.Join(sharedDir, "eval", set), pred)
			r := s.Result()
			checkFigure(t, kv, "contradiction_precision", r.Precision)
			checkFigure(t, kv, "contradiction_recall", r.Recall)
			checkFigure(t, kv, "contradiction_f1", r.F1)
			checkFigure(t, kv, "accuracy3", r.Accuracy)
		})
	}
}

func TestAgreesWithScorePyFNC(t *testing.T) {
	needScorePy(t)
	var s FNC
	set := "fnc1_train_stances.jsonl"
	pred := predict(t, set, true, s.Add)
	kv := runScorePy(t, "pairs", filepath.Join(sharedDir, "eval", set), pred, "--fnc")
	r := s.Result()
	checkFigure(t, kv, "fnc_relative", r.Relative)
	checkFigure(t, kv, "macro_f1", r.MacroF1)
	for _, c := range []string{"agree", "disagree", "unrelated"} {
		checkFigure(t, kv, "f1_"+c, r.Class(c).F1)
	}
}

func TestAgreesWithScorePyStory(t *testing.T) {
	needScorePy(t)
	dir := t.TempDir()
	for id, text := range storyTexts {
		if err := os.WriteFile(filepath.Join(dir, id+"_"+map[string]string{"s1": "abc", "s2": "def"}[id]+".txt"), text, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	goldPath := filepath.Join(dir, "gold.json")
	if err := os.WriteFile(goldPath, []byte(storyGold), 0o644); err != nil {
		t.Fatal(err)
	}
	g, err := ParseGold(goldPath, []byte(storyGold))
	if err != nil {
		t.Fatal(err)
	}
	res := &analyze.Result{
		Sources: []analyze.SourceInfo{{ID: "s1_abc", Path: "x/s1_abc.txt"}, {ID: "s2_def", Path: "x/s2_def.txt"}},
		Conflicts: []analyze.Finding{
			{Kind: analyze.KindPolarity, A: ev("s2", "s2_def", "plant is open", 0), B: ev("s1", "s1_abc", "is closed.", 1)},
			{Kind: analyze.KindNumeric, A: ev("s1", "s1_abc", "Sales rose 5%", 0), B: ev("s2", "s2_def", "Sales rose 7% this year", 0)},
			{Kind: analyze.KindSelf, A: ev("s1", "s1_abc", "The plant is closed", 0), B: ev("s1", "s1_abc", "The plant is closed", 1)},
		},
		Agreements: []analyze.Finding{
			{Kind: analyze.KindAgreement, A: ev("s1", "s1_abc", "Sales rose 5%", 0), B: ev("s2", "s2_def", "Sales rose 7%", 0)},
		},
	}
	rep, err := json.Marshal(res)
	if err != nil {
		t.Fatal(err)
	}
	repPath := filepath.Join(dir, "report.json")
	if err := os.WriteFile(repPath, rep, 0o644); err != nil {
		t.Fatal(err)
	}
	kv := runScorePy(t, "story", goldPath, dir, repPath)
	r := Story(g, storyTexts, res)
	checkFigure(t, kv, "recall", r.Recall)
	checkFigure(t, kv, "precision", r.Precision)
	for key, got := range map[string]int{"traps": len(r.Traps), "agreements": len(r.AgreementsFound), "predicted": r.Predicted} {
		if kv[key] != strconv.Itoa(got) {
			t.Errorf("%s: score.py %s, score package %d", key, kv[key], got)
		}
	}
}
