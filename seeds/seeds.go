// Package seeds embeds the bundled seed story: five articles about one event,
// used by the CLI when it is given no files and by the examples and golden
// tests. Nothing in the analysis depends on them.
package seeds

import (
	"embed"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/crosscheck-go/crosscheck/internal/input"
	"github.com/crosscheck-go/crosscheck/tokenize"
)

//go:embed *.txt
var files embed.FS

// Sources returns the seed articles in file-name order. A source's ID is its
// file name without extension, and the rest (title, text) is read by the
// same code as any text file given to the CLI, so that the bundled report
// and a run on the seeds/ folder agree.
func Sources() []tokenize.Source {
	names, _ := fs.Glob(files, "*.txt") // the pattern is constant, so it cannot fail
	sort.Strings(names)
	out := make([]tokenize.Source, 0, len(names))
	for _, name := range names {
		b, _ := files.ReadFile(name) // embedded: cannot fail
		src, _, err := input.Parse("seeds/"+name, b)
		if err != nil {
			// The seeds are fixed text that parses; this would be a
			// broken build, which the tests catch.
			panic("seeds: " + err.Error())
		}
		src.ID = strings.TrimSuffix(name, path.Ext(name))
		out = append(out, src)
	}
	return out
}
