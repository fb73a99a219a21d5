package analyze_test

import (
	"context"
	"fmt"

	"github.com/crosscheck-go/crosscheck/analyze"
	"github.com/crosscheck-go/crosscheck/tokenize"
)

// Two reports of one product recall that disagree on its size.
func ExampleRun() {
	tk, err := tokenize.New(tokenize.Options{NoTags: true})
	if err != nil {
		panic(err)
	}
	docs, err := tk.Documents(context.Background(), []tokenize.Source{
		{ID: "a", Text: []byte("Voltara is recalling 120,000 electric scooters after battery fires.\n")},
		{ID: "b", Text: []byte("Voltara is recalling 150,000 electric scooters after battery fires.\n")},
	})
	if err != nil {
		panic(err)
	}
	res, err := analyze.Run(context.Background(), docs, analyze.Options{})
	if err != nil {
		panic(err)
	}
	for _, f := range res.Conflicts {
		fmt.Println(f.Kind, "-", f.Explanation)
	}
	// Output:
	// numeric - a gives 120,000 for electric scooters; b gives 150,000.
}
