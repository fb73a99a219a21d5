package analyze

import (
	"sort"
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
	size   map[string]int // members per root
	direct map[[2]string]bool
	single map[string]string // lower-case one-word names
	leads  map[*tokenize.Document]string
	// orgNouns name kinds of organisation ("authority", "group"): a name
	// ending in one is an organisation.
	orgNouns map[string]bool
}

// maxParty bounds a group: links are heuristics, and one wrong link must not
// chain every name of a story into one party.
const maxParty = 5

func newParties() *parties {
	return &parties{parent: map[string]string{}, size: map[string]int{}, direct: map[[2]string]bool{}, single: map[string]string{}, leads: map[*tokenize.Document]string{}}
}

func (p *parties) find(n string) string {
	r, ok := p.parent[n]
	if !ok {
		p.parent[n] = n
		p.size[n] = 1
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
	if ra == rb || p.size[ra]+p.size[rb] > maxParty {
		return
	}
	if rb < ra {
		ra, rb = rb, ra
	}
	p.parent[rb] = ra
	p.size[ra] += p.size[rb]
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

// lead returns the organisation document d is mostly about: its most
// mentioned name that is not a person or a place (the first on a tie).
func (p *parties) lead(d *tokenize.Document) string { return p.leads[d] }

func (p *parties) orgName(n string) bool {
	f := strings.Fields(n)
	return len(f) > 1 && p.orgNouns[strings.ToLower(f[len(f)-1])]
}

// wordBefore returns the lower-case word that ends right before byte
// offset i (after spaces), or "".
func wordBefore(text []byte, i int) string {
	j := min(i, len(text))
	for j > 0 && text[j-1] == ' ' {
		j--
	}
	k := j
	for k > 0 && (text[k-1] >= 'a' && text[k-1] <= 'z' || text[k-1] >= 'A' && text[k-1] <= 'Z') {
		k--
	}
	return strings.ToLower(string(text[k:j]))
}

// orgClass reports whether an entity class can be what "the company" or
// "the group" refers to; unknown names ("") may be.
func orgClass(c string) bool {
	switch c {
	case "", "company", "organisation", "agency", "government", "legislature", "court", "party", "investor":
		return true
	}
	return false
}

// add links the mentions of one document.
func (p *parties) add(d *tokenize.Document) {
	text := d.Source.Text
	count := map[string]int{}
	notLead := map[string]bool{}
	var first []string
	for _, s := range d.Sentences {
		if s.Heading { // title case makes runs of capitals look like names
			continue
		}
		ms := s.Mentions
		for i := range ms {
			p.find(mentionName(d, ms[i]))
			if orgClass(ms[i].Class) {
				n := mentionName(d, ms[i])
				if count[n] == 0 {
					first = append(first, n)
				}
				count[n]++
				// "Kapoor" standing for "Dev Kapoor" is a surname; a name
				// after "in" is a place ("in Marlow").
				w := strings.ToLower(d.Text(ms[i].Span))
				if ln := strings.ToLower(n); ln != w && strings.HasSuffix(ln, " "+w) {
					notLead[n] = true
				}
				if wordBefore(text, ms[i].Start) == "in" {
					notLead[n] = true
				}
			}
			// A one-word name, and the last word of a longer one: news
			// calls "Tom Ellison" "Ellison" after the first mention.
			w := d.Text(ms[i].Span)
			if f := strings.Fields(w); len(f) > 1 {
				w = f[len(f)-1]
			}
			if ms[i].Entity != "" && len(w) >= 3 && !strings.ContainsAny(w, "-'’") {
				if old, ok := p.single[strings.ToLower(w)]; !ok || ms[i].Entity < old {
					p.single[strings.ToLower(w)] = ms[i].Entity
				}
			}
			if i == 0 {
				continue
			}
			a, b := ms[i-1], ms[i]
			if a.End > b.Start || b.Start > len(text) {
				continue
			}
			// Two names the alias table knows are distinct entities even
			// when written side by side ("Azure OpenAI Service").
			if a.Class != "" && b.Class != "" {
				continue
			}
			gap := strings.TrimSpace(string(text[a.End:b.Start]))
			switch gap {
			case "", "(", "'s", "’s", "'", "’", "'s own", "’s own":
				x, y := mentionName(d, a), mentionName(d, b)
				p.union(x, y)
				p.direct[[2]string{x, y}] = true
				p.direct[[2]string{y, x}] = true
			}
		}
	}
	// News names a person in full once and then by surname ("Dev Kapoor",
	// "Kapoor said"): a name whose last word also stands alone, and that
	// word, are a person, whatever the alias table knows.
	alone := map[string]string{}
	for n := range count {
		if !strings.Contains(n, " ") {
			alone[strings.ToLower(n)] = n
		}
	}
	for n := range count {
		if f := strings.Fields(n); len(f) > 1 {
			if s, ok := alone[strings.ToLower(f[len(f)-1])]; ok {
				notLead[n], notLead[s] = true, true
			}
		}
	}
	best := ""
	for _, n := range first {
		if notLead[n] {
			continue
		}
		// On a tie, a name that says it is an organisation ("Marlow
		// Transit Authority") wins over one that may be a person.
		if count[n] > count[best] || count[n] == count[best] && p.orgName(n) && !p.orgName(best) {
			best = n
		}
	}
	if best != "" {
		p.leads[d] = best
	}
}

// linkPrefixes links a name that is the first word of another, short name:
// "Amazon" and "Amazon Web Services". It runs once all documents are added,
// over sorted names so that the size cap applies deterministically.
func (p *parties) linkPrefixes() {
	names := make([]string, 0, len(p.parent))
	for n := range p.parent {
		if strings.Count(n, " ") < 3 {
			names = append(names, n)
		}
	}
	sort.Strings(names)
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

// same reports whether two entity names denote one party: the same group,
// a direct link in the text, or one name containing the other as whole
// words ("Microsoft" and "Microsoft Azure").
func (p *parties) same(x, y string) bool {
	if x == y || p.group(x) == p.group(y) || p.direct[[2]string{x, y}] {
		return true
	}
	return containsWords(x, y) || containsWords(y, x)
}

func containsWords(long, short string) bool {
	if len(short) < 2 || len(long) <= len(short) {
		return false
	}
	l, s := strings.ToLower(long), strings.ToLower(short)
	for i := 0; i+len(s) <= len(l); i++ {
		if l[i:i+len(s)] != s {
			continue
		}
		before := i == 0 || l[i-1] == ' '
		after := i+len(s) == len(l) || l[i+len(s)] == ' '
		if before && after {
			return true
		}
	}
	return false
}

func (p *parties) known(norm string) (string, bool) {
	n, ok := p.single[norm]
	return n, ok
}
