// Command gen builds the lexical tables of package lexicon from the WordNet
// 3.0 database files (Debian package wordnet-base, /usr/share/wordnet).
//
// It is run by `go generate ./internal/lexicon` and writes two files beside
// the package: wordnet.txt.gz, a gzip-compressed text table, and
// tables_gen.go, which embeds it. The output depends only on the WordNet files
// and the pinned snowball stemmer, and every list is sorted, so running it
// again re-creates both files byte for byte.
//
// WordNet is only needed to generate; the product never reads it at run time.
// Its licence is recorded in LICENSE-WordNet.txt in this directory.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
)

func main() {
	dir := flag.String("wordnet", "/usr/share/wordnet", "directory holding WordNet 3.0 data.* index.* and *.exc files")
	out := flag.String("out", ".", "directory to write "+dataFile+" and "+goFile+" into")
	flag.Parse()
	if err := run(*dir, *out); err != nil {
		fmt.Fprintln(os.Stderr, "lexicon/gen:", err)
		os.Exit(1)
	}
}

func run(dir, out string) error {
	data, src, err := Generate(dir)
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(out, dataFile), data, 0o644); err != nil {
		return fmt.Errorf("write %s: %w", dataFile, err)
	}
	if err := os.WriteFile(filepath.Join(out, goFile), src, 0o644); err != nil {
		return fmt.Errorf("write %s: %w", goFile, err)
	}
	return nil
}
