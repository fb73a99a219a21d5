package score

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path"
	"regexp"
	"sort"
	"strings"

	"github.com/crosscheck-go/crosscheck/analyze"
)

// Gold is a story gold file in the shape of ../shared/eval/seeds_gold_public.json.
type Gold struct {
	Story      string       `json:"story"`
	Sources    []GoldSource `json:"sources"`
	Conflicts  []GoldItem   `json:"conflicts"`
	Agreements []GoldItem   `json:"agreements"`
	Traps      []GoldItem   `json:"traps"`
}

// GoldSource names one source file of a gold story.
type GoldSource struct {
	ID   string `json:"id"`
	File string `json:"file"`
}

// GoldItem is one labelled relation between two sources.
type GoldItem struct {
	ID    string   `json:"id"`
	Topic string   `json:"topic,omitempty"`
	Kind  string   `json:"kind,omitempty"`
	A     GoldSide `json:"a"`
	B     GoldSide `json:"b"`
	Note  string   `json:"note,omitempty"`
}

// GoldSide is one side of a labelled relation: quotes (exact substrings of
// the source file) and/or byte spans.
type GoldSide struct {
	Source string   `json:"source"`
	Quotes []string `json:"quotes,omitempty"`
	Spans  [][2]int `json:"spans,omitempty"`
}

// ParseGold decodes a gold file and checks that every item names a listed
// source and has ids; name is used in error messages.
func ParseGold(name string, data []byte) (*Gold, error) {
	var g Gold
	if err := json.Unmarshal(data, &g); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	ids := map[string]bool{}
	for i, s := range g.Sources {
		if s.ID == "" || s.File == "" {
			return nil, fmt.Errorf("%s: sources[%d]: id and file are required", name, i)
		}
		if ids[s.ID] {
			return nil, fmt.Errorf("%s: sources[%d]: duplicate id %q", name, i, s.ID)
		}
		ids[s.ID] = true
	}
	for _, list := range []struct {
		name  string
		items []GoldItem
	}{{"conflicts", g.Conflicts}, {"agreements", g.Agreements}, {"traps", g.Traps}} {
		for i, it := range list.items {
			if it.ID == "" {
				return nil, fmt.Errorf("%s: %s[%d]: missing id", name, list.name, i)
			}
			for _, side := range []GoldSide{it.A, it.B} {
				if !ids[side.Source] {
					return nil, fmt.Errorf("%s: %s %s: unknown source %q", name, list.name, it.ID, side.Source)
				}
				for _, sp := range side.Spans {
					if sp[0] < 0 || sp[1] < sp[0] {
						return nil, fmt.Errorf("%s: %s %s: bad span %v", name, list.name, it.ID, sp)
					}
				}
			}
		}
	}
	return &g, nil
}

// LoadGold reads and parses a gold file.
func LoadGold(file string) (*Gold, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err // *PathError already names the file
	}
	return ParseGold(file, data)
}

var extRE = regexp.MustCompile(`\.(txt|md|markdown|html?)$`)

// normID reduces a source id or path to the form gold files use: the base
// name without a text extension, as score.py's norm_id does.
func normID(s string) string {
	s = strings.ReplaceAll(s, `\`, "/")
	return extRE.ReplaceAllString(path.Base(s), "")
}

// idMapper maps report source ids and paths to gold source ids.
type idMapper struct {
	stems [][2]string // (stem or id, gold id), in gold order, file stem first
}

func newIDMapper(g *Gold) idMapper {
	var m idMapper
	for _, s := range g.Sources {
		m.stems = append(m.stems, [2]string{normID(s.File), s.ID}, [2]string{s.ID, s.ID})
	}
	return m
}

// goldID returns the gold id of a report id or path: an exact match of its
// normalised form first, then a prefix match either way ("000" and
// "000_29e89d17" name the same source).
func (m idMapper) goldID(rid string) (string, bool) {
	n := normID(rid)
	if n == "" {
		return "", false
	}
	for _, s := range m.stems {
		if s[0] == n {
			return s[1], true
		}
	}
	for _, s := range m.stems {
		if strings.HasPrefix(n, s[0]) || strings.HasPrefix(s[0], n) {
			return s[1], true
		}
	}
	return "", false
}

// sideSpan is a reported evidence span resolved to a gold source.
type sideSpan struct {
	gold       string
	start, end int
	ok         bool
}

// goldSpans returns the byte spans of a gold side: its explicit spans and
// every occurrence of each quote in the source text.
func goldSpans(texts map[string][]byte, side GoldSide) [][2]int {
	out := append([][2]int(nil), side.Spans...)
	text := texts[side.Source]
	for _, q := range side.Quotes {
		qb := []byte(q)
		if len(qb) == 0 {
			continue
		}
		for off := 0; ; {
			i := bytes.Index(text[off:], qb)
			if i < 0 {
				break
			}
			out = append(out, [2]int{off + i, off + i + len(qb)})
			off += i + 1
		}
	}
	return out
}

func sideHit(p sideSpan, g GoldSide, spans [][2]int) bool {
	if !p.ok || p.gold != g.Source {
		return false
	}
	for _, s := range spans {
		if p.start < s[1] && s[0] < p.end {
			return true
		}
	}
	return false
}

// itemSpans caches the spans of both sides of a gold item.
type itemSpans struct {
	item GoldItem
	a, b [][2]int
}

func (it itemSpans) hits(a, b sideSpan) bool {
	return (sideHit(a, it.item.A, it.a) && sideHit(b, it.item.B, it.b)) ||
		(sideHit(a, it.item.B, it.b) && sideHit(b, it.item.A, it.a))
}

// StoryResult holds the story-level figures of one report against a gold file.
type StoryResult struct {
	Gold      int      `json:"gold_conflicts"`
	Found     []string `json:"found"`  // gold conflict ids matched, sorted
	Missed    []string `json:"missed"` // gold conflict ids not matched, sorted
	Predicted int      `json:"predicted"`
	Matched   int      `json:"matched"` // reported conflicts matching a gold conflict
	Recall    float64  `json:"recall"`
	Precision float64  `json:"precision"`
	// Traps are the ids of gold traps and agreements that a reported
	// conflict matches: each is an error.
	Traps []string `json:"traps"`
	// AgreementsFound are the gold agreement ids matched by a reported
	// agreement, out of AgreementsTotal.
	AgreementsFound []string `json:"agreements_found"`
	AgreementsTotal int      `json:"agreements_total"`
	// Unmatched are the indexes in Result.Conflicts of reported conflicts
	// that match no gold conflict.
	Unmatched []int `json:"unmatched"`
	// Kinds counts reported conflicts by kind, sorted by kind.
	Kinds []KindCount `json:"kinds"`
	// Warnings name gold quotes that occur nowhere in their source, which
	// can never be matched and usually mean a typo in the gold file.
	Warnings []string `json:"warnings,omitempty"`
}

// KindCount is the number of reported conflicts of one kind.
type KindCount struct {
	Kind  string `json:"kind"`
	Count int    `json:"count"`
}

// Story matches a report against a gold file. texts holds the original
// bytes of each gold source by gold id (the bytes evidence offsets index).
// A reported conflict matches a gold item when its two evidence spans
// overlap a quote or span of side a and one of side b, in either order.
func Story(g *Gold, texts map[string][]byte, res *analyze.Result) StoryResult {
	m := newIDMapper(g)
	bySrc := map[string]string{}
	for _, s := range res.Sources {
		key := s.Path
		if key == "" {
			key = s.ID
		}
		if gid, ok := m.goldID(key); ok {
			bySrc[s.ID] = gid
		}
	}
	resolve := func(e analyze.Evidence) sideSpan {
		gid, ok := bySrc[e.Source]
		if !ok {
			gid, ok = m.goldID(e.Source)
		}
		return sideSpan{gold: gid, start: e.Start, end: e.End, ok: ok}
	}
	r := StoryResult{Unmatched: []int{}, Kinds: []KindCount{}}
	prep := func(items []GoldItem, kind string) []itemSpans {
		out := make([]itemSpans, 0, len(items))
		for _, it := range items {
			is := itemSpans{item: it, a: goldSpans(texts, it.A), b: goldSpans(texts, it.B)}
			for _, side := range []GoldSide{it.A, it.B} {
				for _, q := range side.Quotes {
					if !bytes.Contains(texts[side.Source], []byte(q)) {
						r.Warnings = append(r.Warnings, fmt.Sprintf("%s %s: quote not found in source %s: %q", kind, it.ID, side.Source, q))
					}
				}
			}
			out = append(out, is)
		}
		return out
	}
	conflicts := prep(g.Conflicts, "conflict")
	agreements := prep(g.Agreements, "agreement")
	traps := prep(g.Traps, "trap")

	found := map[string]bool{}
	trapHit := map[string]bool{}
	kinds := map[string]int{}
	for i, f := range res.Conflicts {
		a, b := resolve(f.A), resolve(f.B)
		matched := false
		for _, c := range conflicts {
			if c.hits(a, b) {
				found[c.item.ID] = true
				matched = true
			}
		}
		for _, t := range append(append([]itemSpans(nil), traps...), agreements...) {
			if t.hits(a, b) {
				trapHit[t.item.ID] = true
			}
		}
		if matched {
			r.Matched++
		} else {
			r.Unmatched = append(r.Unmatched, i)
		}
		kinds[string(f.Kind)]++
	}
	agreeHit := map[string]bool{}
	for _, f := range res.Agreements {
		a, b := resolve(f.A), resolve(f.B)
		for _, ag := range agreements {
			if ag.hits(a, b) {
				agreeHit[ag.item.ID] = true
			}
		}
	}
	r.Gold = len(g.Conflicts)
	r.Predicted = len(res.Conflicts)
	r.AgreementsTotal = len(g.Agreements)
	for _, c := range g.Conflicts {
		if found[c.ID] {
			r.Found = append(r.Found, c.ID)
		} else {
			r.Missed = append(r.Missed, c.ID)
		}
	}
	r.Found, r.Missed = sortedUnique(r.Found), sortedUnique(r.Missed)
	r.Traps = sortedKeys(trapHit)
	r.AgreementsFound = sortedKeys(agreeHit)
	r.Recall = ratio(len(r.Found), r.Gold)
	r.Precision = ratio(r.Matched, r.Predicted)
	for _, k := range sortedKeys(kinds) {
		r.Kinds = append(r.Kinds, KindCount{Kind: k, Count: kinds[k]})
	}
	return r
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func sortedUnique(s []string) []string {
	if s == nil {
		return []string{}
	}
	sort.Strings(s)
	out := s[:0]
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}
