package main

import (
	"fmt"
	"io"
)

// STUB: replaced by the pairs subcommand.
func runPairs(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "crosscheck pairs: not implemented yet")
	return 2
}
