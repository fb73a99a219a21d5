package nli

import (
	"testing"

	"github.com/crosscheck-go/crosscheck/tokenize"
)

func doc(t testing.TB, s string) *tokenize.Document {
	t.Helper()
	tk, err := tokenize.New(tokenize.Options{NoTags: true})
	if err != nil {
		t.Fatal(err)
	}
	d, err := tk.Document(tokenize.Source{ID: "t", Text: []byte(s)})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func vector(t testing.TB, premise, hypothesis string) Vector {
	t.Helper()
	x := &extractor{words: compileWords(DefaultWords())}
	return x.features(x.prepare(doc(t, premise)), x.prepare(doc(t, hypothesis)))
}

func TestFeatures(t *testing.T) {
	tests := []struct {
		name, premise, hypothesis string
		want                      map[string]float64 // features that must have these values
		positive                  []string           // features that must be > 0
		zero                      []string           // features that must be 0
	}{
		{
			name:    "identical",
			premise: "A man is playing a guitar.", hypothesis: "A man is playing a guitar.",
			want: map[string]float64{"align_exact": 1, "unaligned_hypothesis": 0, "unaligned_premise": 0, "cover": 1, "negation_parity": 0},
		},
		{
			name:    "negated hypothesis",
			premise: "A man is playing a guitar.", hypothesis: "A man is not playing a guitar.",
			want:     map[string]float64{"negation_hypothesis": 1, "negation_premise": 0, "negation_parity": 1, "align_exact": 1},
			positive: []string{"negation_aligned", "negation_parity_x_aligned"},
		},
		{
			name:    "there is no",
			premise: "There is no dog running in the park.", hypothesis: "A dog is running in the park.",
			want:     map[string]float64{"negation_premise": 1, "negation_parity": 1, "negative_quantifier_mismatch": 1},
			positive: []string{"negation_aligned"},
		},
		{
			name:    "double negation keeps parity",
			premise: "The team did not win.", hypothesis: "The team did not win.",
			want: map[string]float64{"negation_parity": 0, "negation_aligned": 0},
		},
		{
			name:    "antonym",
			premise: "The door is open.", hypothesis: "The door is closed.",
			positive: []string{"antonym", "antonym_x_aligned"},
		},
		{
			name:    "one word swapped for its opposite",
			premise: "A few men are running outside.", hypothesis: "A few men are running indoors.",
			want: map[string]float64{"contrast_only": 1, "antonym_referent": 0},
		},
		{
			name:    "opposites among other differences",
			premise: "The door is open and a dog sleeps.", hypothesis: "The door is closed and a cat eats.",
			positive: []string{"antonym"},
			zero:     []string{"contrast_only"},
		},
		{
			name:    "people of the opposite sex are another referent",
			premise: "A man is slicing a tomato.", hypothesis: "A woman is slicing a tomato.",
			want: map[string]float64{"antonym_referent": 1, "antonym": 0, "antonym_weak": 0, "contrast_only": 0},
		},
		{
			name:    "denying the general word",
			premise: "A man is slicing a potato.", hypothesis: "A man is not cutting a potato.",
			want: map[string]float64{"negation_loose_denial": 1},
		},
		{
			name:    "denying the specific word",
			premise: "A man is cutting a potato.", hypothesis: "A man is not slicing a potato.",
			want: map[string]float64{"negation_loose_denial": 0},
		},
		{
			name:    "denial of what the other side entails",
			premise: "The lady is slicing a tomato into pieces.", hypothesis: "There is no one cutting a tomato.",
			want: map[string]float64{"negation_entailed": 1},
		},
		{
			name:    "denial of a premise the hypothesis entails",
			premise: "There is no dog playing with a toy.", hypothesis: "A puppy is playing with a doll in the yard.",
			want: map[string]float64{"negation_entailed": 1},
		},
		{
			name:    "denial of something else",
			premise: "There is no man playing a piano.", hypothesis: "A man is playing a guitar.",
			want: map[string]float64{"negation_entailed": 2.0 / 3},
		},
		{
			name:    "a contracted negation is no content word",
			premise: "The band is singing.", hypothesis: "The band isn't singing.",
			want: map[string]float64{"unaligned_hypothesis": 0, "negation_parity": 1, "negation_entailed": 1},
		},
		{
			name:    "nothing denied",
			premise: "A man is playing a guitar.", hypothesis: "A man is playing a guitar.",
			want: map[string]float64{"negation_entailed": 0},
		},
		{
			name:    "co-hyponyms in the same slot",
			premise: "A dog is running in the field.", hypothesis: "A cat is running in the field.",
			positive: []string{"cohyponym", "cohyponym_slot"},
		},
		{
			name:    "hypernym entails",
			premise: "A puppy is sleeping.", hypothesis: "A dog is sleeping.",
			want:     map[string]float64{"unaligned_hypothesis": 0},
			positive: []string{"align_hypernym"},
			zero:     []string{"antonym", "cohyponym"},
		},
		{
			name:    "number mismatch",
			premise: "The company cut 1,200 jobs last year.", hypothesis: "The company cut 300 jobs last year.",
			want:     map[string]float64{"number_mismatch": 1, "number_match": 0},
			positive: []string{"number_slot_mismatch"},
		},
		{
			name:    "number match",
			premise: "Three dogs are running.", hypothesis: "3 dogs are running.",
			want: map[string]float64{"number_match": 1, "number_mismatch": 0},
		},
		{
			name:    "subject object swap",
			premise: "The man is hitting the woman.", hypothesis: "The woman is hitting the man.",
			want: map[string]float64{"order_swap": 1},
		},
		{
			name:       "unrelated",
			premise:    "Heavy rain flooded the valley and closed three roads on Monday.",
			hypothesis: "Apple releases a new phone with a faster chip.",
			want:       map[string]float64{"cover": 0, "best_sentence": 0, "bigram_cover": 0, "unaligned_hypothesis": 1},
			zero:       []string{"align_exact"},
		},
		{
			name:    "exclusivity",
			premise: "Acme is the sole maker of the part.", hypothesis: "Acme is a maker of the part.",
			want: map[string]float64{"exclusivity_mismatch": 1},
		},
		{
			name:    "hedge and attribution",
			premise: "The minister resigned on Friday.", hypothesis: "The minister may have resigned, officials said.",
			want: map[string]float64{"hedge_hypothesis": 1, "hedge_premise": 0, "attribution_hypothesis": 1},
		},
		{
			name:       "refuting words",
			premise:    "Experts said the photo is a hoax. The photo spread online.",
			hypothesis: "Photo shows a giant spider",
			positive:   []string{"refute_all"},
		},
		{
			name:    "a verb defined through the other",
			premise: "A guinea pig is devouring a carrot.", hypothesis: "A guinea pig is eating a carrot.",
			want:     map[string]float64{"unaligned_hypothesis": 0, "align_gloss_of": 0},
			positive: []string{"align_gloss"},
		},
		{
			name:    "the other way round adds detail",
			premise: "A man and a woman are walking through the woods.", hypothesis: "A man and a woman are hiking through the woods.",
			positive: []string{"align_gloss_of"},
			zero:     []string{"align_gloss"},
		},
		{
			name:    "a distant kind",
			premise: "A rhino is grazing.", hypothesis: "An animal is grazing.",
			want:     map[string]float64{"unaligned_hypothesis": 0, "align_hypernym": 0},
			positive: []string{"align_hypernym_far"},
		},
		{
			name:    "passive with the roles kept",
			premise: "A boy is playing a guitar.", hypothesis: "A guitar is being played by a boy.",
			want:     map[string]float64{"voice_mismatch": 1, "role_swap": 0},
			positive: []string{"order_swap"},
		},
		{
			name:    "passive with the roles reversed",
			premise: "The dog is brushing the monkey.", hypothesis: "The dog is being brushed by the monkey.",
			want:     map[string]float64{"voice_mismatch": 1, "order_swap": 0},
			positive: []string{"role_swap"},
		},
		{
			name:    "one referent",
			premise: "The surfer is riding a big wave.", hypothesis: "The surfer is riding a small wave.",
			want: map[string]float64{"definite_both": 1},
		},
		{
			name:    "maybe two referents",
			premise: "A surfer is riding a big wave.", hypothesis: "The surfer is riding a small wave.",
			want: map[string]float64{"definite_both": 0},
		},
		{
			name:    "agentless passive",
			premise: "A machine is sharpening a pencil.", hypothesis: "A pencil is being sharpened.",
			want: map[string]float64{"voice_mismatch": 1, "role_swap": 0},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := vector(t, tt.premise, tt.hypothesis)
			if !v.OK {
				t.Fatalf("vector not OK")
			}
			for name, want := range tt.want {
				got, ok := v.Get(name)
				if !ok {
					t.Fatalf("no feature %q", name)
				}
				if got != want {
					t.Errorf("%s = %v, want %v", name, got, want)
				}
			}
			for _, name := range tt.positive {
				if got, _ := v.Get(name); !(got > 0) {
					t.Errorf("%s = %v, want > 0", name, got)
				}
			}
			for _, name := range tt.zero {
				if got, _ := v.Get(name); got != 0 {
					t.Errorf("%s = %v, want 0", name, got)
				}
			}
		})
	}
}

// An article premise is judged against the sentences about the
// hypothesis, and the evidence points at the best of them.
func TestFeaturesArticleEvidence(t *testing.T) {
	premise := "The city council met on Tuesday. It discussed parking fees. " +
		"The mayor did not approve the new stadium. Residents asked about buses. The meeting ended at nine."
	p := doc(t, premise)
	v := vector(t, premise, "Mayor approves new stadium")
	if v.Sentences != 5 {
		t.Fatalf("Sentences = %d, want 5", v.Sentences)
	}
	if got := premise[v.Evidence.Start:v.Evidence.End]; got != "The mayor did not approve the new stadium." {
		t.Errorf("evidence %q", got)
	}
	if len(v.Spans) == 0 || len(v.Spans) > maxSelected {
		t.Errorf("%d spans", len(v.Spans))
	}
	for i, s := range v.Spans {
		if s.Start < 0 || s.End > len(p.Source.Text) || i > 0 && s.Start < v.Spans[i-1].End {
			t.Errorf("span %d %v out of order or range", i, s)
		}
	}
	if got, _ := v.Get("negation_parity"); got != 1 {
		t.Errorf("negation_parity = %v, want 1", got)
	}
}

// Bad or empty input gives a vector that says so, not a panic.
func TestFeaturesEmpty(t *testing.T) {
	for _, c := range [][2]string{{"", "A man sings."}, {"A man sings.", ""}, {"...", "!!"}, {"the \xff", "a"}} {
		v := vector(t, c[0], c[1])
		if v.OK {
			t.Errorf("%q / %q: OK vector", c[0], c[1])
		}
	}
	if v := Features(nil, nil); v.OK {
		t.Error("nil documents: OK vector")
	}
}

func TestFeatureNames(t *testing.T) {
	seen := map[string]bool{}
	for _, n := range FeatureNames() {
		if n == "" || seen[n] {
			t.Errorf("empty or duplicate feature name %q", n)
		}
		seen[n] = true
	}
	if len(seen) != NumFeatures {
		t.Errorf("%d names for %d features", len(seen), NumFeatures)
	}
}

func TestDefaultWords(t *testing.T) {
	w := DefaultWords()
	if len(w.Stop) == 0 || len(w.Refute) == 0 || len(w.Negative) == 0 {
		t.Fatalf("empty default lists: %+v", w)
	}
	m := w.Merge(Words{Refute: []string{"Nonsense"}})
	tab := compileWords(m)
	if tab.single["nonsense"]&wRefute == 0 {
		t.Error("merged refute word not compiled (case folded)")
	}
	if tab.single["the"]&wStop == 0 {
		t.Error("default stop word lost in merge")
	}
}
