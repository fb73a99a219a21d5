package analyze

import (
	"strings"

	"github.com/crosscheck-go/crosscheck/tokenize"
)

// parties groups entity names that denote one party across a story:
// "Amazon Web Services (AWS)", "Amazon's cloud", "Microsoft Azure". The
// links come from the text itself (apposition in parentheses, possessives,
// adjacent mentions, a name that starts another), so no story-specific
// table is needed. A group is named by its smallest member, for determinism.
type parties struct {
	parent map[string]string
}

func newParties() *parties { return &parties{parent: map[string]string{}} }

func (p *parties) find(n string) string {
	r, ok := p.parent[n]
	if !ok {
		p.parent[n] = n
		return n
	}
	if r == n {
		return n
	}
	root := p.find(r)
	p.parent[n] = root
	return root
}

func (p *parties) union(a, b string) {
	ra, rb := p.find(a), p.find(b)
	if ra == rb {
		return
	}
	if rb < ra {
		ra, rb = rb, ra
	}
	p.parent[rb] = ra
}

func (p *parties) group(n string) string {
	if _, ok := p.parent[n]; !ok {
		return n
	}
	return p.find(n)
}

func mentionName(d *tokenize.Document, m tokenize.Mention) string {
	if m.Entity != "" {
		return m.Entity
	}
	return strings.ToLower(d.Text(m.Span))
}

// add links the mentions of one document.
func (p *parties) add(d *tokenize.Document) {
	text := d.Source.Text
	for _, s := range d.Sentences {
		ms := s.Mentions
		for i := range ms {
			p.find(mentionName(d, ms[i]))
			if i == 0 {
				continue
			}
			a, b := ms[i-1], ms[i]
			if a.End > b.Start || b.Start > len(text) {
				continue
			}
			gap := strings.TrimSpace(string(text[a.End:b.Start]))
			switch gap {
			case "", "(", "'s", "’s", "'", "’", "'s own", "’s own":
				p.union(mentionName(d, a), mentionName(d, b))
			}
		}
	}
	// A name that is the first word of another name: "Amazon" and
	// "Amazon Web Services".
	names := make([]string, 0, len(p.parent))
	for n := range p.parent {
		names = append(names, n)
	}
	byFirst := map[string][]string{}
	for _, n := range names {
		if f, _, ok := strings.Cut(n, " "); ok {
			byFirst[strings.ToLower(f)] = append(byFirst[strings.ToLower(f)], n)
		}
	}
	for _, n := range names {
		for _, m := range byFirst[strings.ToLower(n)] {
			p.union(n, m)
		}
	}
}
