package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the committed lexicon table from the installed WordNet")

const wordnetDir = "/usr/share/wordnet"

// TestCommittedTableIsCurrent regenerates the table from the installed
// WordNet and checks it matches the committed files byte for byte, so the
// committed table is reproducible. Without WordNet (CI's fresh machines) it
// skips: the product does not need WordNet.
func TestCommittedTableIsCurrent(t *testing.T) {
	if _, err := os.Stat(filepath.Join(wordnetDir, "data.noun")); err != nil {
		t.Skip("WordNet 3.0 not installed (apt-get install wordnet-base); skipping the reproducibility check")
	}
	if testing.Short() || raceEnabled {
		t.Skip("regenerating takes a few seconds (a minute under -race); skipped in -short mode and under -race")
	}
	data, src, err := Generate(wordnetDir)
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := run(wordnetDir, ".."); err != nil {
			t.Fatal(err)
		}
		return
	}
	for name, got := range map[string][]byte{dataFile: data, goFile: src} {
		want, err := os.ReadFile(filepath.Join("..", name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from what go generate ./internal/lexicon writes; regenerate and commit it", name)
		}
	}
}

func TestParseData(t *testing.T) {
	line := "01247240 00 a 02 hot 1 warm(p) 0 002 ! 01251128 a 0101 & 01247975 a 0000 | used of physical heat"
	s, err := parseData(line, 2)
	if err != nil {
		t.Fatal(err)
	}
	if s.key != (key{2, 1247240}) || len(s.words) != 2 || s.words[1] != "warm" || len(s.ptrs) != 2 {
		t.Fatalf("parseData = %+v", s)
	}
	if s.gloss != "used of physical heat" {
		t.Errorf("gloss = %q", s.gloss)
	}
	if s, _ := parseData("01168468 34 v 01 devour 0 000 | eat greedily; \"he devoured three sandwiches\"", 1); s == nil || s.gloss != "eat greedily" {
		t.Errorf("gloss with examples = %+v, want the definition only", s)
	}
	if p := s.ptrs[0]; p.sym != "!" || p.src != 1 || p.tgt != 1 || p.to != (key{2, 1251128}) {
		t.Errorf("antonym pointer = %+v", p)
	}
	for _, bad := range []string{"", "0124 00 a", "01247240 00 a 02 hot 1", "01247240 00 a 01 hot 1 001 ! 1 a"} {
		if _, err := parseData(bad, 2); err == nil {
			t.Errorf("parseData(%q) succeeded", bad)
		}
	}
}

func TestIsVocab(t *testing.T) {
	for w, want := range map[string]bool{"dog": true, "well-known": true, "o'clock": true,
		"a": false, "hot_dog": false, "-ish": false, "4wd": false, "Dog": false} {
		if got := isVocab(w); got != want {
			t.Errorf("isVocab(%q) = %v, want %v", w, got, want)
		}
	}
}

func TestGlossHead(t *testing.T) {
	wn := &wordnet{senses: map[string][]key{senseKey("eat", 1): nil, senseKey("sound", 1): nil, senseKey("cause", 1): nil, senseKey("walk", 1): nil}}
	for gloss, want := range map[string]string{
		"eat greedily": "eat",
		"sound the strings of (a string instrument)": "sound",
		"(informal) walk a long way":                 "walk",
		"cause to burn":                              "", // a light verb
		"walk, as for pleasure":                      "walk",
		"shout loudly":                               "", // not a verb of the database
		"":                                           "",
	} {
		s := &synset{key: key{verbPOS, 1}, words: []string{"devour"}, gloss: gloss}
		if got := glossHead(s, wn); got != want {
			t.Errorf("glossHead(%q) = %q, want %q", gloss, got, want)
		}
	}
	if got := glossHead(&synset{key: key{verbPOS, 1}, words: []string{"walk"}, gloss: "walk slowly"}, wn); got != "" {
		t.Errorf("a synset's own word as its head = %q, want none", got)
	}
	if got := glossHead(&synset{key: key{0, 1}, words: []string{"meal"}, gloss: "eat greedily"}, wn); got != "" {
		t.Errorf("a noun's head = %q, want none (verbs only)", got)
	}
}
