package analyze_test

import (
	"context"
	"testing"

	"github.com/crosscheck-go/crosscheck/analyze"
	"github.com/crosscheck-go/crosscheck/tokenize"
)

// TestBoundedAmounts checks that an amount written as a bound ("more than
// 200", "up to 11") conflicts only with a value outside it.
func TestBoundedAmounts(t *testing.T) {
	tk, err := tokenize.New(tokenize.Options{NoTags: true})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, a, b string
		conflict   bool
	}{
		{"lower bound met", "The militants kidnapped more than 200 schoolgirls from the town.", "The militants kidnapped 276 schoolgirls from the town.", false},
		{"lower bound missed", "The militants kidnapped more than 200 schoolgirls from the town.", "The militants kidnapped 150 schoolgirls from the town.", true},
		{"upper bound met", "Police fired up to 11 shots at the car.", "Police fired seven shots at the car.", false},
		{"upper bound exceeded", "Police fired up to 11 shots at the car.", "Police fired 16 shots at the car.", true},
		{"nearly is below", "The militants kidnapped nearly 300 schoolgirls from the town.", "The militants kidnapped some 276 schoolgirls from the town.", false},
		{"nearly is not above", "The militants kidnapped nearly 300 schoolgirls from the town.", "The militants kidnapped 340 schoolgirls from the town.", true},
		{"plain numbers differ", "The militants kidnapped 200 schoolgirls from the town.", "The militants kidnapped 276 schoolgirls from the town.", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			docs, err := tk.Documents(context.Background(), []tokenize.Source{
				{ID: "a", Text: []byte(tc.a)}, {ID: "b", Text: []byte(tc.b)},
			})
			if err != nil {
				t.Fatal(err)
			}
			res, err := analyze.Run(context.Background(), docs, analyze.Options{})
			if err != nil {
				t.Fatal(err)
			}
			numeric := 0
			for _, c := range res.Conflicts {
				if c.Kind == analyze.KindNumeric {
					numeric++
				}
			}
			if got := numeric > 0; got != tc.conflict {
				t.Errorf("numeric conflict = %v, want %v (conflicts %+v)", got, tc.conflict, res.Conflicts)
			}
		})
	}
}
