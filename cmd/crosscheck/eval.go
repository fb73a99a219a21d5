package main

import (
	"fmt"
	"io"
)

// STUB: replaced by the eval subcommand.
func runEval(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "crosscheck eval: not implemented yet")
	return 2
}
