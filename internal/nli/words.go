package nli

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"strings"
)

//go:embed words.json
var wordsJSON []byte

// Words are the general English word lists the features use. The defaults
// are embedded (words.json); a user may extend or replace them through
// Config. Entries are lower case; an entry with a space is a phrase matched
// on consecutive tokens.
type Words struct {
	// Stop are function words that say nothing about what a sentence is
	// about; they are never aligned.
	Stop []string `json:"stop,omitempty"`
	// Universal, Existential and Negative are quantifier words of each
	// family ("all", "some", "no").
	Universal   []string `json:"universal,omitempty"`
	Existential []string `json:"existential,omitempty"`
	Negative    []string `json:"negative,omitempty"`
	// Refute are words that call a claim false ("hoax", "denied").
	Refute []string `json:"refute,omitempty"`
	// Discuss are words that report a claim without taking a side
	// ("reportedly", "allegedly").
	Discuss []string `json:"discuss,omitempty"`
}

// DefaultWords returns a copy of the embedded word lists.
func DefaultWords() Words {
	var w Words
	dec := json.NewDecoder(bytes.NewReader(wordsJSON))
	if err := dec.Decode(&w); err != nil {
		// The embedded file is tested; failing here is a build defect.
		panic(fmt.Sprintf("nli: words.json: %v", err))
	}
	return w
}

// Merge appends the entries of o to w, list by list.
func (w Words) Merge(o Words) Words {
	cat := func(a, b []string) []string { return append(append([]string(nil), a...), b...) }
	return Words{
		Stop:        cat(w.Stop, o.Stop),
		Universal:   cat(w.Universal, o.Universal),
		Existential: cat(w.Existential, o.Existential),
		Negative:    cat(w.Negative, o.Negative),
		Refute:      cat(w.Refute, o.Refute),
		Discuss:     cat(w.Discuss, o.Discuss),
	}
}

// word classes, as bits, for one lookup per token.
const (
	wStop uint8 = 1 << iota
	wUniversal
	wExistential
	wNegative
	wRefute
	wDiscuss
)

// wordTable is Words compiled for lookups: single words by Norm, phrases
// by their first word.
type wordTable struct {
	single  map[string]uint8
	phrases map[string][]phrase
}

type phrase struct {
	rest  []string
	class uint8
}

func compileWords(w Words) *wordTable {
	t := &wordTable{single: map[string]uint8{}, phrases: map[string][]phrase{}}
	add := func(list []string, class uint8) {
		for _, e := range list {
			f := strings.Fields(strings.ToLower(e))
			switch len(f) {
			case 0:
			case 1:
				t.single[f[0]] |= class
			default:
				t.phrases[f[0]] = append(t.phrases[f[0]], phrase{rest: f[1:], class: class})
			}
		}
	}
	add(w.Stop, wStop)
	add(w.Universal, wUniversal)
	add(w.Existential, wExistential)
	add(w.Negative, wNegative)
	add(w.Refute, wRefute)
	add(w.Discuss, wDiscuss)
	return t
}
