package analyze_test

import (
	"context"
	"testing"

	"github.com/crosscheck-go/crosscheck/analyze"
	"github.com/crosscheck-go/crosscheck/tokenize"
)

// TestConfiguredCueWords checks that the detectors' cue words are read from
// the configuration: a word the defaults lack finds nothing, and a user
// file adding it under its key finds the conflict.
func TestConfiguredCueWords(t *testing.T) {
	tests := []struct {
		name, a, b string
		user       string // a user configuration file, merged on the defaults
		want       analyze.Kind
	}{
		{"an event said put off in a word the defaults lack",
			"The plant said the boiler had passed a safety inspection in March.", "Workers said a March inspection of the boiler had been shelved.",
			`{"put_off": ["shelved"]}`, analyze.KindPolarity},
		{"a survival word the defaults lack",
			"All of the climbers escaped the avalanche on Mount Orla, the guides said.", "One of the climbers caught in the avalanche on Mount Orla died in hospital.",
			`{"survival": ["escaped"]}`, analyze.KindPolarity},
		{"an end verb the defaults lack, as a lemma and its forms",
			"The gas leak at the plant has been stopped, the operator said.", "Engineers were still working to patch the gas leak at the plant.",
			`{"ends": [["patch", "patched"]]}`, analyze.KindPolarity},
	}
	tk, err := tokenize.New(tokenize.Options{NoTags: true})
	if err != nil {
		t.Fatal(err)
	}
	docs := func(t *testing.T, a, b string) []*tokenize.Document {
		t.Helper()
		ds, err := tk.Documents(context.Background(), []tokenize.Source{{ID: "a", Text: []byte(a)}, {ID: "b", Text: []byte(b)}})
		if err != nil {
			t.Fatal(err)
		}
		return ds
	}
	kind := func(t *testing.T, ds []*tokenize.Document, cfg *analyze.Config) analyze.Kind {
		t.Helper()
		res, err := analyze.Run(context.Background(), ds, analyze.Options{Config: cfg})
		if err != nil {
			t.Fatal(err)
		}
		var got analyze.Kind
		for _, c := range res.Conflicts {
			if c.Kind != analyze.KindSelf {
				got = c.Kind
			}
		}
		return got
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ds := docs(t, tc.a, tc.b)
			if got := kind(t, ds, analyze.DefaultConfig()); got != "" {
				t.Fatalf("with the defaults alone: conflict kind = %q, want none", got)
			}
			user, err := analyze.ParseConfig([]byte(tc.user))
			if err != nil {
				t.Fatal(err)
			}
			cfg := analyze.DefaultConfig()
			cfg.Merge(user)
			if got := kind(t, ds, cfg); got != tc.want {
				t.Errorf("with %s: conflict kind = %q, want %q", tc.user, got, tc.want)
			}
		})
	}
}
