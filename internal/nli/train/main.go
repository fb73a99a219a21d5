// Command train retrains the pair classifier of internal/nli from the
// public evaluation data and writes its weights file:
//
//	go run ./internal/nli/train                 # from the repository root
//	go run ./internal/nli/train -data ../shared/eval -out internal/nli/model.json
//
// SICK trial and RTE-3 dev are training data too (issue 5 allows it); it
// prints their figures 5-fold cross-validated with the other dev folds in
// training, and the FNC-1 figures cross-validated by body; with -cv also
// the short-pair models' figures cross-validated on SICK train and RTE-1/2,
// the ones to choose features by. Training is deterministic, so running
// it again on the same data writes the same file.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/crosscheck-go/crosscheck/internal/nli"
)

func main() {
	data := flag.String("data", "../shared/eval", "directory of the evaluation data")
	out := flag.String("out", "internal/nli/model.json", "weights file to write")
	folds := flag.Int("folds", 5, "cross-validation folds on FNC-1 and the dev sets (and with -cv on the short pairs)")
	cv := flag.Bool("cv", false, "also log cross-validated figures of the short-pair models on SICK train and RTE-1/2 (about a minute more)")
	mistakes := flag.String("mistakes", "", "also write the development pairs the cross-validation got wrong to this file (TSV)")
	flag.Parse()
	opts := nli.TrainOptions{Dir: *data, Folds: *folds, Log: os.Stderr, ShortCV: *cv}
	if *mistakes != "" {
		f, err := os.Create(*mistakes)
		if err != nil {
			fmt.Fprintln(os.Stderr, "train:", err)
			os.Exit(1)
		}
		defer f.Close()
		opts.Mistakes = f
	}
	b, err := nli.Train(opts)
	if err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(1)
	}
	if err := os.WriteFile(*out, b, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "wrote %s\n", *out)
}
