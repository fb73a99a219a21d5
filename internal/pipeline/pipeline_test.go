package pipeline_test

import (
	"context"
	"sync"
	"testing"

	"github.com/crosscheck-go/crosscheck/internal/pipeline"
	"github.com/crosscheck-go/crosscheck/seeds"
	"github.com/crosscheck-go/crosscheck/tokenize"
	"github.com/google/go-cmp/cmp"
)

func src(id, text string) tokenize.Source {
	return tokenize.Source{ID: id, Title: id, Text: []byte(text)}
}

// TestStoriesSeparate mixes two stories and checks each is analysed on its
// own: the grouping is reported and no finding pairs sources of two stories.
func TestStoriesSeparate(t *testing.T) {
	srcs := []tokenize.Source{
		src("recall-a", "Toyota recalls 1.2 million Corolla cars over faulty airbags. Toyota said the airbag inflators may rupture. The Corolla recall is the largest this year."),
		src("vote-a", "Springfield election officials said Maria Lopez won the mayoral race by 312 votes after the recount. Lopez thanked Springfield voters."),
		src("recall-b", "Toyota recalls 800,000 Corolla cars over faulty airbags, Toyota said. The airbag inflators were made by one supplier for the Corolla."),
		src("vote-b", "Springfield election officials said Maria Lopez lost the mayoral race by 312 votes after the recount. Lopez conceded to Springfield voters."),
	}
	res, err := pipeline.Run(context.Background(), srcs, pipeline.Options{Stories: pipeline.StoriesOn})
	if err != nil {
		t.Fatal(err)
	}
	var got [][]string
	story := map[string]string{}
	for _, s := range res.Stories {
		got = append(got, s.Sources)
		for _, id := range s.Sources {
			story[id] = s.ID
		}
	}
	if diff := cmp.Diff([][]string{{"recall-a", "recall-b"}, {"vote-a", "vote-b"}}, got); diff != "" {
		t.Fatalf("stories (-want +got):\n%s", diff)
	}
	for _, f := range append(res.Conflicts, res.Agreements...) {
		if story[f.A.Source] != story[f.B.Source] {
			t.Errorf("finding %s pairs %s and %s across stories", f.ID, f.A.Source, f.B.Source)
		}
	}
	if len(res.Sources) != len(srcs) {
		t.Errorf("got %d sources, want %d", len(res.Sources), len(srcs))
	}
	for i, s := range res.Sources {
		if s.ID != srcs[i].ID {
			t.Errorf("source %d is %q, want %q (input order)", i, s.ID, srcs[i].ID)
		}
	}
}

// TestAutoKeepsSmallSetsTogether: a handful of articles is one story unless
// the user asks for grouping.
func TestAutoKeepsSmallSetsTogether(t *testing.T) {
	res, err := pipeline.Run(context.Background(), seeds.Sources(), pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Stories) != 0 {
		t.Errorf("seeds were split into %d stories", len(res.Stories))
	}
	if len(res.Conflicts) == 0 {
		t.Errorf("no conflicts found in the seed story")
	}
}

// TestProgress checks that Run reports each tokenized source and each
// analysed story, ending each stage at its total.
func TestProgress(t *testing.T) {
	srcs := []tokenize.Source{
		src("recall-a", "Toyota recalls 1.2 million Corolla cars over faulty airbags. Toyota said the airbag inflators may rupture."),
		src("vote-a", "Springfield election officials said Maria Lopez won the mayoral race by 312 votes after the recount."),
		src("recall-b", "Toyota recalls 800,000 Corolla cars over faulty airbags, Toyota said."),
		src("vote-b", "Springfield election officials said Maria Lopez lost the mayoral race by 312 votes after the recount."),
	}
	var mu sync.Mutex
	last := map[string][2]int{}
	calls := map[string]int{}
	_, err := pipeline.Run(context.Background(), srcs, pipeline.Options{Stories: pipeline.StoriesOn,
		Progress: func(stage string, done, total int) {
			mu.Lock()
			defer mu.Unlock()
			calls[stage]++
			if prev := last[stage]; done < prev[0] {
				t.Errorf("%s: done went back from %d to %d", stage, prev[0], done)
			}
			last[stage] = [2]int{done, total}
		}})
	if err != nil {
		t.Fatal(err)
	}
	if calls["tokenize"] < len(srcs) || last["tokenize"] != [2]int{len(srcs), len(srcs)} {
		t.Errorf("tokenize: %d calls ending at %v, want one per source ending at [%d %d]", calls["tokenize"], last["tokenize"], len(srcs), len(srcs))
	}
	if last["analyze"] != [2]int{2, 2} {
		t.Errorf("analyze: ended at %v, want [2 2] (two stories)", last["analyze"])
	}
}
