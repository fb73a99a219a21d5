// Command crosscheck reports where news sources about one story contradict
// each other and where they agree.
package main

import (
	"fmt"
	"io"
	"os"
)

func main() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) }

// STUB: replaced by the CLI.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		switch args[0] {
		case "pairs":
			return runPairs(args[1:], stdin, stdout, stderr)
		case "eval":
			return runEval(args[1:], stdin, stdout, stderr)
		}
	}
	fmt.Fprintln(stderr, "crosscheck: not implemented yet")
	return 2
}
