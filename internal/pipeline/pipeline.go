// Package pipeline wires the stages together for the CLI, the eval command
// and the benchmarks: tokenize every source in parallel, group the sources
// into stories, analyse each story on its own and merge the results. Keeping
// it in one place means the report, the story evaluation and the benchmarks
// all measure the same path.
package pipeline

import (
	"context"
	"fmt"
	"sort"
	"sync/atomic"

	"github.com/crosscheck-go/crosscheck/analyze"
	"github.com/crosscheck-go/crosscheck/cluster"
	"github.com/crosscheck-go/crosscheck/internal/par"
	"github.com/crosscheck-go/crosscheck/tokenize"
)

// StoryMode says whether sources are grouped into stories before analysis.
type StoryMode int

// Story modes. Auto groups only when there are many sources, because a
// handful of articles given together are almost always one story, and a
// wrong split would hide every conflict between them.
const (
	StoriesAuto StoryMode = iota
	StoriesOn
	StoriesOff
)

// AutoStoryMin is the number of sources from which StoriesAuto groups.
const AutoStoryMin = 20

// TagMode says whether Run tags parts of speech.
type TagMode int

// Tag modes. Tags only name topics better (nouns first) and settle a few
// capitalised words; findings do not depend on them on the seed story. But
// prose's tagger runs at under 1 MB/s, several times slower than the rest
// of the pipeline, so TagsAuto tags only small runs, where it costs
// milliseconds, and leaves large runs fast.
const (
	TagsAuto TagMode = iota
	TagsOn
	TagsOff
)

// Options configures Run. The zero value works.
type Options struct {
	Tokenize tokenize.Options
	Analyze  analyze.Options
	Stories  StoryMode
	Tags     TagMode
	Cluster  cluster.Options
	// Progress, when set, is told of each finished step of a stage
	// ("tokenize": each source, through tokenize.Options.Progress when Run
	// makes the Tokenizer, and once at the end; "analyze": each story); it
	// must be cheap and safe for concurrent use.
	Progress func(stage string, done, total int)
}

// Run analyses sources and returns one merged result. Sources keep their
// input order in the result; findings keep analyze's order within a story,
// and stories come in the order of their first source.
func Run(ctx context.Context, srcs []tokenize.Source, opts Options) (*analyze.Result, error) {
	to := opts.Tokenize
	switch opts.Tags {
	case TagsOn:
		to.NoTags = false
	case TagsOff:
		to.NoTags = true
	default:
		if len(srcs) >= AutoStoryMin {
			to.NoTags = true
		}
	}
	if opts.Progress != nil && to.Progress == nil {
		to.Progress = func(done, total int) { opts.Progress("tokenize", done, total) }
	}
	tk, err := tokenize.New(to)
	if err != nil {
		return nil, err
	}
	return RunWith(ctx, tk, srcs, opts)
}

// RunWith is Run with a Tokenizer the caller keeps, so that its setup is paid
// once across runs; tagging is as the Tokenizer was made, whatever opts.Tags.
func RunWith(ctx context.Context, tk *tokenize.Tokenizer, srcs []tokenize.Source, opts Options) (*analyze.Result, error) {
	docs, err := tk.Documents(ctx, srcs)
	if err != nil {
		return nil, err
	}
	if opts.Progress != nil {
		opts.Progress("tokenize", len(docs), len(docs))
	}
	return Analyze(ctx, docs, opts)
}

// Analyze is the part of Run after tokenizing: it groups docs into stories
// as opts says, analyses each and merges the results. The benchmarks time
// it on its own.
func Analyze(ctx context.Context, docs []*tokenize.Document, opts Options) (*analyze.Result, error) {
	groups := [][]int{all(len(docs))}
	grouping := opts.Stories == StoriesOn || (opts.Stories == StoriesAuto && len(docs) >= AutoStoryMin)
	if grouping {
		groups = cluster.Stories(docs, opts.Cluster)
	}
	if len(groups) == 1 {
		return analyze.Run(ctx, docs, opts.Analyze)
	}
	merged := &analyze.Result{
		Sources: []analyze.SourceInfo{}, Topics: []analyze.Topic{},
		Conflicts: []analyze.Finding{}, Agreements: []analyze.Finding{},
	}
	results, err := analyzeStories(ctx, docs, groups, opts)
	if err != nil {
		return nil, err
	}
	infos := map[string]analyze.SourceInfo{}
	for gi, g := range groups {
		res := results[gi]
		ids := make([]string, len(g))
		for k, i := range g {
			ids[k] = docs[i].Source.ID
		}
		for _, s := range res.Sources {
			infos[s.ID] = s
		}
		story := fmt.Sprintf("s%d", gi+1)
		// Topic ids are unique within a story only.
		rename := map[string]string{}
		for _, t := range res.Topics {
			rename[t.ID] = story + "/" + t.ID
			t.ID = rename[t.ID]
			merged.Topics = append(merged.Topics, t)
		}
		for _, f := range res.Conflicts {
			f.Topic = renamed(rename, f.Topic)
			merged.Conflicts = append(merged.Conflicts, f)
		}
		for _, f := range res.Agreements {
			f.Topic = renamed(rename, f.Topic)
			merged.Agreements = append(merged.Agreements, f)
		}
		name := docs[g[0]].Source.Title
		if name == "" {
			name = docs[g[0]].Source.ID // an untitled first source still names its story
		}
		merged.Stories = append(merged.Stories, analyze.Story{ID: story, Name: name, Sources: ids})
	}
	for _, d := range docs {
		merged.Sources = append(merged.Sources, infos[d.Source.ID])
	}
	notes := map[string]bool{}
	if len(docs) < 2 {
		notes["cross-source comparison needs two or more sources"] = true
	}
	singles := 0
	for _, g := range groups {
		if len(g) == 1 {
			singles++
		}
	}
	if singles > 0 {
		notes[fmt.Sprintf("%d of %d stories have a single source: only self-contradictions can be found in them", singles, len(groups))] = true
	}
	for n := range notes {
		merged.Notes = append(merged.Notes, n)
	}
	sort.Strings(merged.Notes)
	return merged, nil
}

// analyzeStories analyses each group on its own, on all cores, and returns
// the results in group order, so the merge does not depend on scheduling.
func analyzeStories(ctx context.Context, docs []*tokenize.Document, groups [][]int, opts Options) ([]*analyze.Result, error) {
	ao := opts.Analyze
	// analyze's own count restarts for every story; the count of stories
	// done is the progress worth showing.
	ao.Progress = nil
	results := make([]*analyze.Result, len(groups))
	errs := make([]error, len(groups))
	var done atomic.Int64
	order := largestFirst(docs, groups)
	par.For(len(order), len(order), func(k int) {
		if ctx.Err() != nil {
			return
		}
		gi := order[k]
		sub := make([]*tokenize.Document, len(groups[gi]))
		for x, i := range groups[gi] {
			sub[x] = docs[i]
		}
		results[gi], errs[gi] = analyze.Run(ctx, sub, ao)
		n := done.Add(1)
		if opts.Progress != nil {
			opts.Progress("analyze", int(n), len(groups))
		}
	})
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	// The first error in group order, whatever finished first.
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return results, nil
}

// largestFirst returns the group indexes in decreasing order of their
// tokens, ties by index. Analysis costs more than linearly in a story's
// size, and the largest stories of a mixed input take much longer than the
// rest: started last, one of them would keep a core busy while the others
// sit idle.
func largestFirst(docs []*tokenize.Document, groups [][]int) []int {
	size := make([]int, len(groups))
	order := make([]int, len(groups))
	for gi, g := range groups {
		order[gi] = gi
		for _, i := range g {
			size[gi] += len(docs[i].Tokens)
		}
	}
	sort.SliceStable(order, func(a, b int) bool { return size[order[a]] > size[order[b]] })
	return order
}

func renamed(m map[string]string, id string) string {
	if r, ok := m[id]; ok {
		return r
	}
	return id
}

func all(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}
