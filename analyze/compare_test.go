package analyze

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/crosscheck-go/crosscheck/internal/input"
	"github.com/crosscheck-go/crosscheck/tokenize"
)

// plainDetectors are the detectors with compare's shortcuts taken away: no
// needs, so every detector is called both ways round, and the antonym
// search without its memory of the swapped pair.
func plainDetectors() []detector {
	out := make([]detector, len(detectors))
	for i, d := range detectors {
		out[i] = detector{run: d.run}
		if reflect.ValueOf(d.run).Pointer() == reflect.ValueOf((*analyzer).detectAntonym).Pointer() {
			out[i].run = (*analyzer).searchAntonym
		}
	}
	return out
}

// storyClaims makes the claims of docs as Run does, with the default
// configuration.
func storyClaims(t *testing.T, docs []*tokenize.Document) []*claim {
	t.Helper()
	claims, err := newAnalyzer(Options{}).storyClaims(context.Background(), docs)
	if err != nil {
		t.Fatal(err)
	}
	return claims
}

// TestCompareShortcuts holds compare's shortcuts (detector needs read from
// claim flags, detectAntonym's memory of the swapped pair) to the plain
// algorithm: the same judgement on every pair of claims of the test
// stories and the seeds, and on the aligned pairs of 300 FNC-1 bodies when
// they are at hand.
func TestCompareShortcuts(t *testing.T) {
	tk, err := tokenize.New(tokenize.Options{NoTags: true})
	if err != nil {
		t.Fatal(err)
	}
	var sets [][]*tokenize.Document
	dirs, _ := filepath.Glob(filepath.Join("testdata", "stories", "*"))
	dirs = append(dirs, filepath.Join("testdata", "recall"), filepath.Join("..", "seeds"))
	for _, dir := range dirs {
		srcs, _, err := input.Read([]string{dir}, input.Options{})
		if err != nil {
			t.Fatal(err)
		}
		docs, err := tk.Documents(context.Background(), srcs)
		if err != nil {
			t.Fatal(err)
		}
		sets = append(sets, docs)
	}
	plain := plainDetectors()
	an := newAnalyzer(Options{})
	check := func(a, b *claim) bool {
		t.Helper()
		j1, ok1 := an.compare(a, b)
		j2, ok2 := an.compareWith(plain, a, b)
		if ok1 != ok2 || !reflect.DeepEqual(j1, j2) {
			t.Errorf("%s/%d vs %s/%d: compare = %+v, %v; plain = %+v, %v", src(a), a.sent, src(b), b.sent, j1, ok1, j2, ok2)
			return false
		}
		return ok1
	}
	found := 0
	for _, docs := range sets {
		claims := storyClaims(t, docs)
		for i := range claims {
			for k := range claims {
				if i != k && check(claims[i], claims[k]) {
					found++
				}
			}
		}
	}
	if docs := fncDocs(t, tk, 300); docs != nil {
		claims := storyClaims(t, docs)
		for _, p := range an.align(claims) {
			if check(claims[p.i], claims[p.j]) {
				found++
			}
		}
	}
	if found == 0 {
		t.Error("no pair found anything: the test checks nothing")
	}
}

// fncDocs tokenizes the first n FNC-1 train bodies, or returns nil when the
// evaluation data is not beside the repository.
func fncDocs(t *testing.T, tk *tokenize.Tokenizer, n int) []*tokenize.Document {
	f, err := os.Open(filepath.Join("..", "..", "shared", "eval", "fnc1_train_bodies.jsonl"))
	if err != nil {
		t.Logf("FNC-1 bodies not available (%v): stories and seeds only", err)
		return nil
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	var srcs []tokenize.Source
	for len(srcs) < n && sc.Scan() {
		var r struct {
			BodyID int    `json:"body_id"`
			Body   string `json:"body"`
		}
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		srcs = append(srcs, tokenize.Source{ID: "b" + itoa(r.BodyID), Text: []byte(r.Body)})
	}
	docs, err := tk.Documents(context.Background(), srcs)
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

// TestDetectorsFitTheMask keeps the detector list within the 64 bits of
// eligibility's masks: a detector past them would never run.
func TestDetectorsFitTheMask(t *testing.T) {
	if len(detectors) > 64 {
		t.Fatalf("%d detectors; eligibility's masks hold 64", len(detectors))
	}
}
