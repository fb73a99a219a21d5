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

	"github.com/crosscheck-go/crosscheck/tokenize"
)

//go:embed *.txt
var files embed.FS

// Sources returns the seed articles in file-name order. A source's ID is its
// file name without extension and its Title the first line, as for any text
// file given to the CLI.
func Sources() []tokenize.Source {
	names, _ := fs.Glob(files, "*.txt") // the pattern is constant, so it cannot fail
	sort.Strings(names)
	out := make([]tokenize.Source, 0, len(names))
	for _, name := range names {
		b, _ := files.ReadFile(name) // embedded: cannot fail
		title, _, _ := strings.Cut(string(b), "\n")
		out = append(out, tokenize.Source{
			ID:    strings.TrimSuffix(name, path.Ext(name)),
			Path:  "seeds/" + name,
			Title: strings.TrimSpace(title),
			Text:  b,
		})
	}
	return out
}
