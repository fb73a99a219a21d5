package lexicon

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"
)

//go:generate go run ./gen -wordnet /usr/share/wordnet -out .

// csr is a compressed adjacency list: the neighbours of node i are
// val[off[i]:off[i+1]].
type csr struct {
	off []int32
	val []int32
}

func (c *csr) get(i int32) []int32 {
	if i < 0 || int(i)+1 >= len(c.off) {
		return nil
	}
	return c.val[c.off[i]:c.off[i+1]]
}

// table is the parsed lexicon. It is read-only after load, so lookups need
// no locking.
type table struct {
	words   []string // substrings of one decompressed string
	wordID  map[string]int32
	posMask []uint8 // bit p set when the word is a lemma of POS p
	synPOS  []POS
	hypers  csr // synset → hypernym synsets
	heads   csr // adjective satellite → head synsets
	synAnts csr // synset → synsets holding an antonym of one of its words
	senses  csr // entry → synsets, most frequent first
	ants    csr // entry → direct antonym entries
	ders    csr // entry → derivationally related entries
	glosses csr // entry → head words of its definitions (directed)
	exc     map[string][]int32
	stems   map[string][]int32
	stats   Stats
	// irregular maps an irregular verb form to its base ("paid" → "pay"),
	// and irregularEnds has bit first<<8|last set for the first and last
	// bytes of every such form: most words are ruled out by one bit test,
	// before hashing.
	irregular     map[string]string
	irregularEnds [1 << 16 / 64]uint64
}

// indexIrregular fills irregular and irregularEnds from the exceptions.
func (t *table) indexIrregular() {
	t.irregular = map[string]string{}
	for w, es := range t.exc {
		for _, e := range es {
			if entryPOS(e) != Verb {
				continue
			}
			if base := t.words[entryWord(e)]; base != w && w != "" {
				t.irregular[w] = base
				k := uint16(w[0])<<8 | uint16(w[len(w)-1])
				t.irregularEnds[k/64] |= 1 << (k % 64)
				break
			}
		}
	}
}

var (
	loadOnce sync.Once
	loaded   *table
	loadErr  error
)

// get returns the shared table, loading it on first use. Lookups treat a
// load error as an empty lexicon; Load reports it.
func get() *table {
	loadOnce.Do(func() {
		start := time.Now()
		loaded, loadErr = parse(tableGz)
		if loaded != nil {
			loaded.indexIrregular()
			loaded.stats.LoadTime = time.Since(start)
		}
	})
	return loaded
}

// Load parses the embedded table now rather than on the first lookup, and
// reports whether it is intact. Calling it is optional; it is cheap after
// the first call.
func Load() error {
	get()
	return loadErr
}

// Stats describes the loaded table.
type Stats struct {
	Words, Synsets, Entries, Antonyms, Derivations, Glosses, Exceptions, Stems int
	CompressedBytes, RawBytes                                                  int
	LoadTime                                                                   time.Duration
}

// TableStats returns the size of the loaded table and how long it took to
// load; the zero Stats if it failed to load.
func TableStats() Stats {
	if t := get(); t != nil {
		return t.stats
	}
	return Stats{}
}

// parse decompresses and reads the table written by gen.
func parse(gz []byte) (*table, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, fmt.Errorf("lexicon: wordnet.txt.gz: %w", err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("lexicon: wordnet.txt.gz: %w", err)
	}
	if sum := sha256.Sum256(raw); hex.EncodeToString(sum[:]) != tableSHA256 {
		return nil, fmt.Errorf("lexicon: wordnet.txt.gz: checksum mismatch; run go generate ./internal/lexicon")
	}
	p := &parser{text: string(raw)}
	t, err := p.table()
	if err != nil {
		return nil, fmt.Errorf("lexicon: wordnet.txt.gz:%d: %w", p.line, err)
	}
	t.stats.CompressedBytes = len(gz)
	t.stats.RawBytes = len(raw)
	return t, nil
}

type parser struct {
	text string
	pos  int
	line int
}

func (p *parser) next() (string, bool) {
	if p.pos >= len(p.text) {
		return "", false
	}
	p.line++
	i := strings.IndexByte(p.text[p.pos:], '\n')
	if i < 0 {
		s := p.text[p.pos:]
		p.pos = len(p.text)
		return s, true
	}
	s := p.text[p.pos : p.pos+i]
	p.pos += i + 1
	return s, true
}

// section reads a "TAG n" header and checks it against want.
func (p *parser) section(tag string, want int) (int, error) {
	l, ok := p.next()
	if !ok {
		return 0, fmt.Errorf("missing section %s", tag)
	}
	t, n, ok := strings.Cut(l, " ")
	if !ok || t != tag {
		return 0, fmt.Errorf("want section %s, got %q", tag, l)
	}
	v, err := atoi(n)
	if err != nil || int(v) != want {
		return 0, fmt.Errorf("section %s has %q entries, want %d", tag, n, want)
	}
	return int(v), nil
}

func atoi(s string) (int32, error) {
	if s == "" || len(s) > 9 {
		return 0, fmt.Errorf("bad number %q", s)
	}
	var v int32
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, fmt.Errorf("bad number %q", s)
		}
		v = v*10 + int32(c-'0')
	}
	return v, nil
}

// ints appends the space-separated numbers of s, each below limit.
func ints(dst []int32, s string, limit int) ([]int32, error) {
	for s != "" {
		f, rest, _ := strings.Cut(s, " ")
		v, err := atoi(f)
		if err != nil {
			return dst, err
		}
		if int(v) >= limit {
			return dst, fmt.Errorf("id %d out of range %d", v, limit)
		}
		dst = append(dst, v)
		s = rest
	}
	return dst, nil
}

// builder fills a csr from (node, value) rows given in node order.
type builder struct {
	c    csr
	next int32
}

func newBuilder(nodes int) *builder {
	return &builder{c: csr{off: make([]int32, 1, nodes+1)}}
}

// add appends the values of node n; nodes must come in increasing order.
func (b *builder) add(n int32, vals ...int32) {
	for b.next < n {
		b.c.off = append(b.c.off, int32(len(b.c.val)))
		b.next++
	}
	b.c.val = append(b.c.val, vals...)
}

func (b *builder) done(nodes int) csr {
	for int(b.next) < nodes {
		b.c.off = append(b.c.off, int32(len(b.c.val)))
		b.next++
	}
	return b.c
}

func (p *parser) table() (*table, error) {
	t := &table{}
	if l, _ := p.next(); l != "crosscheck-lexicon 1 wordnet-3.0" {
		return nil, fmt.Errorf("unknown header %q", l)
	}
	// Words.
	nw, err := p.section("W", tableWords)
	if err != nil {
		return nil, err
	}
	t.words = make([]string, nw)
	t.posMask = make([]uint8, nw)
	t.wordID = make(map[string]int32, nw)
	for i := range nw {
		l, _ := p.next()
		w, ps, ok := strings.Cut(l, "\t")
		if !ok || w == "" {
			return nil, fmt.Errorf("bad word line %q", l)
		}
		for j := 0; j < len(ps); j++ {
			pos, ok := posFromLetter(ps[j])
			if !ok {
				return nil, fmt.Errorf("bad part of speech in %q", l)
			}
			t.posMask[i] |= 1 << pos
		}
		t.words[i] = w
		t.wordID[w] = int32(i)
	}
	nEntries := 4 * nw

	// Synsets.
	ns, err := p.section("S", tableSynsets)
	if err != nil {
		return nil, err
	}
	t.synPOS = make([]POS, ns)
	hb, hdb, ab := newBuilder(ns), newBuilder(ns), newBuilder(ns)
	var buf []int32
	for i := range ns {
		l, _ := p.next()
		f := strings.Split(l, "\t")
		if len(f) != 4 || len(f[0]) != 1 {
			return nil, fmt.Errorf("bad synset line %q", l)
		}
		pos, ok := posFromLetter(f[0][0])
		if !ok {
			return nil, fmt.Errorf("bad part of speech in %q", l)
		}
		t.synPOS[i] = pos
		for j, b := range []*builder{hb, hdb, ab} {
			if buf, err = ints(buf[:0], f[j+1], ns); err != nil {
				return nil, err
			}
			b.add(int32(i), buf...)
		}
	}
	t.hypers, t.heads, t.synAnts = hb.done(ns), hdb.done(ns), ab.done(ns)

	// Senses.
	ne, err := p.section("E", tableEntries)
	if err != nil {
		return nil, err
	}
	sb := newBuilder(nEntries)
	last := int32(-1)
	for range ne {
		l, _ := p.next()
		e, rest, ok := strings.Cut(l, "\t")
		id, err := atoi(e)
		if !ok || err != nil || id <= last || int(id) >= nEntries {
			return nil, fmt.Errorf("bad sense line %q", l)
		}
		if buf, err = ints(buf[:0], rest, ns); err != nil {
			return nil, err
		}
		sb.add(id, buf...)
		last = id
	}
	t.senses = sb.done(nEntries)

	// Antonym and derivation pairs, stored once and indexed both ways.
	na, err := p.section("A", tableAntonyms)
	if err != nil {
		return nil, err
	}
	if t.ants, err = p.pairs(na, nEntries); err != nil {
		return nil, err
	}
	nd, err := p.section("D", tableDerivations)
	if err != nil {
		return nil, err
	}
	if t.ders, err = p.pairs(nd, nEntries); err != nil {
		return nil, err
	}
	ng, err := p.section("G", tableGlosses)
	if err != nil {
		return nil, err
	}
	if t.glosses, err = p.directed(ng, nEntries); err != nil {
		return nil, err
	}

	// Exceptions and stems.
	nx, err := p.section("X", tableExceptions)
	if err != nil {
		return nil, err
	}
	if t.exc, err = p.stringMap(nx, nEntries); err != nil {
		return nil, err
	}
	nt, err := p.section("T", tableStems)
	if err != nil {
		return nil, err
	}
	if t.stems, err = p.stringMap(nt, nw); err != nil {
		return nil, err
	}
	if _, ok := p.next(); ok {
		return nil, fmt.Errorf("trailing data")
	}
	t.stats = Stats{Words: nw, Synsets: ns, Entries: ne, Antonyms: na, Derivations: nd, Glosses: ng, Exceptions: nx, Stems: nt}
	return t, nil
}

// pairs reads n symmetric pairs, indexed both ways.
func (p *parser) pairs(n, nodes int) (csr, error) {
	return p.readPairs(n, nodes, true)
}

// directed reads n pairs indexed from their first entry only.
func (p *parser) directed(n, nodes int) (csr, error) {
	return p.readPairs(n, nodes, false)
}

func (p *parser) readPairs(n, nodes int, both bool) (csr, error) {
	ab := make([][2]int32, 0, 2*n)
	for range n {
		l, _ := p.next()
		x, y, ok := strings.Cut(l, "\t")
		a, err1 := atoi(x)
		b, err2 := atoi(y)
		if !ok || err1 != nil || err2 != nil || int(a) >= nodes || int(b) >= nodes {
			return csr{}, fmt.Errorf("bad pair line %q", l)
		}
		ab = append(ab, [2]int32{a, b})
		if both {
			ab = append(ab, [2]int32{b, a})
		}
	}
	// Counting sort by source node keeps the order of the file, so the
	// neighbour lists come out the same on every load.
	c := csr{off: make([]int32, nodes+1), val: make([]int32, len(ab))}
	for _, e := range ab {
		c.off[e[0]+1]++
	}
	for i := 1; i <= nodes; i++ {
		c.off[i] += c.off[i-1]
	}
	fill := make([]int32, nodes)
	for _, e := range ab {
		c.val[c.off[e[0]]+fill[e[0]]] = e[1]
		fill[e[0]]++
	}
	return c, nil
}

func (p *parser) stringMap(n, limit int) (map[string][]int32, error) {
	m := make(map[string][]int32, n)
	for range n {
		l, _ := p.next()
		k, rest, ok := strings.Cut(l, "\t")
		if !ok || k == "" {
			return nil, fmt.Errorf("bad line %q", l)
		}
		v, err := ints(nil, rest, limit)
		if err != nil || len(v) == 0 {
			return nil, fmt.Errorf("bad line %q", l)
		}
		m[k] = v
	}
	return m, nil
}
