package nli

import (
	"bytes"
	"cmp"
	_ "embed"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"sync"

	"github.com/crosscheck-go/crosscheck/internal/gbdt"
	"github.com/crosscheck-go/crosscheck/internal/logreg"
	"github.com/crosscheck-go/crosscheck/tokenize"
)

// Label is a judgement of a pair.
type Label string

// The labels Classify returns.
const (
	Entailment    Label = "entailment"
	Neutral       Label = "neutral"
	Contradiction Label = "contradiction"
	Unrelated     Label = "unrelated"
)

// Labels lists the labels in the order of Result.Probs.
var Labels = [4]Label{Entailment, Neutral, Contradiction, Unrelated}

// stanceClasses are the class names of the three-way models, in column
// order; the article model maps FNC-1's agree, discuss and disagree onto
// them.
var stanceClasses = []string{string(Entailment), string(Neutral), string(Contradiction)}

// gateClasses are the relatedness gate's classes.
var gateClasses = []string{"unrelated", "related"}

// ArticleSentences is the premise length, in sentences, from which the
// article model (trained on FNC-1 bodies) judges instead of the sentence
// model (trained on SICK and RTE).
const ArticleSentences = 4

// NewsWords is the premise length, in content words, from which a premise
// of fewer than ArticleSentences sentences is judged by the news model
// (trained on RTE-1/2) instead of the caption model (trained on SICK):
// the two kinds of text call for different weights.
const NewsWords = 15

// route says which stance model judges a pair.
func route(v *Vector) int {
	switch {
	case v.Sentences >= ArticleSentences:
		return routeArticle
	case v.Words >= NewsWords:
		return routeNews
	case captionLike(v):
		return routeCaption
	}
	return routeSentence
}

// captionLike reports whether a short pair's hypothesis names nothing and
// states no quantity: a plain description of a scene, as in SICK's
// captions. Boosted trees judge those better than the linear sentence
// model; pairs that name people, places or amounts read like news, where
// the linear model, which the RTE pairs taught as much as SICK, does
// better (both measured by cross-validation on training data).
func captionLike(v *Vector) bool {
	f := &v.Values
	return f[fHasEntity] == 0 && f[fNumMatch]+f[fNumMismatch]+f[fNumUnaligned] == 0
}

const (
	routeSentence = iota
	routeCaption
	routeNews
	routeArticle
)

// Contribution is one feature's push towards the chosen label.
type Contribution struct {
	Feature string  `json:"feature"`
	Value   float64 `json:"value"` // the raw feature value
	Score   float64 `json:"score"` // its effect on the label's score (log-odds)
}

// Result is the judgement of one pair.
type Result struct {
	Label Label
	// Score is the probability of Label.
	Score float64
	// Probs are the probabilities of Labels, in that order: the stance
	// model's three scaled by the gate's probability of being related,
	// then the probability of unrelated.
	Probs [4]float64
	// Related is the gate's probability that the texts are about the same
	// thing.
	Related float64
	// Top are the features that pushed most towards Label, strongest
	// first (at most five, positive pushes only).
	Top []Contribution
	// Evidence is the premise sentence best aligned to the hypothesis;
	// Spans all premise sentences the features were measured against.
	Evidence tokenize.Span
	Spans    []tokenize.Span
	// Article is true when the article model judged (a premise of at least
	// ArticleSentences sentences).
	Article bool
}

// File is the weights file: the five models and how they were made.
type File struct {
	// Kinds says which learner made each model ("logreg" or "gbdt"),
	// keyed by sentence, caption, news, article and gate.
	Kinds    map[string]string `json:"kinds"`
	Version  int               `json:"version"`
	Features []string          `json:"features"`
	// Data maps each file the models were trained on (see TrainedOn) to its
	// SHA-256.
	Data map[string]string `json:"data"`
	// Scores are the cross-validated figures the trainer
	// measured (see the train command).
	Scores map[string]float64 `json:"scores"`
	// Gate is the related/unrelated threshold on the gate's probability
	// of related, for short premises and for articles.
	GateSentence float64         `json:"gate_sentence"`
	GateArticle  float64         `json:"gate_article"`
	Sentence     json.RawMessage `json:"sentence"`
	Caption      json.RawMessage `json:"caption"`
	News         json.RawMessage `json:"news"`
	Article      json.RawMessage `json:"article"`
	Gate         json.RawMessage `json:"gate"`
}

// fileVersion changes when the features or the file's shape change
// meaning.
const fileVersion = 2

// Learners a model in the weights file can come from.
const (
	kindLogreg = "logreg"
	kindGBDT   = "gbdt"
)

// scorer is a trained classifier of feature vectors: a logistic
// regression or boosted trees, both of which can say which features drove
// a prediction.
type scorer interface {
	NumFeatures() int
	NumClasses() int
	PredictInto(x, out []float64) []float64
	// explain lists the features' pushes towards class, largest |Score|
	// first.
	explain(x []float64, class int) []Contribution
}

type lrScorer struct{ *logreg.Model }

func (s lrScorer) explain(x []float64, class int) []Contribution {
	cs := s.Explain(x, class)
	out := make([]Contribution, len(cs))
	for i, c := range cs {
		out[i] = Contribution{Feature: c.Feature, Value: c.Value, Score: c.Score}
	}
	return out
}

type treeScorer struct{ *gbdt.Model }

func (s treeScorer) explain(x []float64, class int) []Contribution {
	cs := s.Explain(x, class)
	out := make([]Contribution, len(cs))
	for i, c := range cs {
		out[i] = Contribution{Feature: c.Feature, Value: c.Value, Score: c.Score}
	}
	return out
}

// unmarshalScorer reads one model of the weights file made by kind.
func unmarshalScorer(name, kind string, raw []byte) (scorer, error) {
	switch kind {
	case kindLogreg, "":
		m, err := logreg.Unmarshal(name, raw)
		if err != nil {
			return nil, err
		}
		return lrScorer{m}, nil
	case kindGBDT:
		m, err := gbdt.Unmarshal(name, raw)
		if err != nil {
			return nil, err
		}
		return treeScorer{m}, nil
	}
	return nil, fmt.Errorf("%s: unknown kind of model %q", name, kind)
}

// marshalScorer writes a model for the weights file and names its kind.
func marshalScorer(s scorer) (kind string, raw []byte, err error) {
	switch m := s.(type) {
	case lrScorer:
		raw, err = m.Marshal()
		return kindLogreg, raw, err
	case treeScorer:
		raw, err = m.Marshal()
		return kindGBDT, raw, err
	}
	return "", nil, fmt.Errorf("nli: cannot write a %T", s)
}

//go:embed model.json
var modelJSON []byte

// Model classifies pairs with the embedded (or a given) weights file. It
// is safe for concurrent use.
type Model struct {
	x                                      *extractor
	file                                   File
	sentence, caption, news, article, gate scorer
	tok                                    *tokenize.Tokenizer
}

// Config adjusts a Model. The zero value uses the defaults.
type Config struct {
	// Words extend the default word lists (see DefaultWords); with
	// ReplaceWords they replace them.
	Words        Words
	ReplaceWords bool
	// Weights is a weights file to use instead of the embedded one.
	Weights []byte
}

var (
	defaultOnce  sync.Once
	defaultModel *Model
	defaultErr   error
)

// Default returns the model with the embedded weights and default word
// lists, loaded once.
func Default() (*Model, error) {
	defaultOnce.Do(func() { defaultModel, defaultErr = New(Config{}) })
	return defaultModel, defaultErr
}

// New returns a model configured by cfg.
func New(cfg Config) (*Model, error) {
	w := DefaultWords()
	if cfg.ReplaceWords {
		w = cfg.Words
	} else {
		w = w.Merge(cfg.Words)
	}
	data, name := cfg.Weights, "weights"
	if data == nil {
		data, name = modelJSON, "internal/nli/model.json"
	}
	m := &Model{x: &extractor{words: compileWords(w)}}
	if err := m.load(name, data); err != nil {
		return nil, err
	}
	tk, err := tokenize.New(tokenize.Options{NoTags: true})
	if err != nil {
		return nil, fmt.Errorf("nli: %w", err)
	}
	m.tok = tk
	return m, nil
}

func (m *Model) load(name string, data []byte) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&m.file); err != nil {
		return fmt.Errorf("nli: %s: %w", name, err)
	}
	if m.file.Version != fileVersion || !slices.Equal(m.file.Features, featureNames[:]) {
		return fmt.Errorf("nli: %s: version %d with %d features does not fit this code (version %d, %d features); retrain with go run ./internal/nli/train",
			name, m.file.Version, len(m.file.Features), fileVersion, NumFeatures)
	}
	var err error
	for _, part := range []struct {
		key     string
		raw     json.RawMessage
		dst     *scorer
		classes int
	}{
		{"sentence", m.file.Sentence, &m.sentence, 3},
		{"caption", m.file.Caption, &m.caption, 3},
		{"news", m.file.News, &m.news, 3},
		{"article", m.file.Article, &m.article, 3},
		{"gate", m.file.Gate, &m.gate, 2},
	} {
		*part.dst, err = unmarshalScorer(name+": "+part.key, m.file.Kinds[part.key], part.raw)
		if err != nil {
			return fmt.Errorf("nli: %w", err)
		}
		if (*part.dst).NumFeatures() != NumFeatures || (*part.dst).NumClasses() != part.classes {
			return fmt.Errorf("nli: %s: %s model has %d features and %d classes, want %d and %d",
				name, part.key, (*part.dst).NumFeatures(), (*part.dst).NumClasses(), NumFeatures, part.classes)
		}
	}
	return nil
}

// Scores returns the figures recorded in the weights file.
func (m *Model) Scores() map[string]float64 { return maps(m.file.Scores) }

// TrainedOn reports whether the weights were trained on the data file of
// that base name (sick_trial.jsonl, ...): every file the trainer reads,
// listed with its hash in the weights file, trains one of the models, so
// figures measured on it are in-sample.
func (m *Model) TrainedOn(file string) bool {
	_, ok := m.file.Data[file]
	return ok
}

func maps(in map[string]float64) map[string]float64 {
	out := make(map[string]float64, len(in))
	for k, v := range in {
		out[k] = v
	}
	return out
}

// Features measures hypothesis against premise with the model's word
// lists.
func (m *Model) Features(premise, hypothesis *tokenize.Document) Vector {
	if premise == nil || hypothesis == nil {
		return Vector{}
	}
	return m.x.features(m.x.prepare(premise), m.x.prepare(hypothesis))
}

// Features measures hypothesis against premise with the default word
// lists. The premise may be a whole article: the alignment features are
// measured against the sentences best aligned to the hypothesis.
func Features(premise, hypothesis *tokenize.Document) Vector {
	m, err := Default()
	if err != nil {
		x := &extractor{words: compileWords(DefaultWords())}
		if premise == nil || hypothesis == nil {
			return Vector{}
		}
		return x.features(x.prepare(premise), x.prepare(hypothesis))
	}
	return m.Features(premise, hypothesis)
}

// Classify judges hypothesis against premise.
func (m *Model) Classify(premise, hypothesis *tokenize.Document) Result {
	v := m.Features(premise, hypothesis)
	return m.ClassifyVector(&v)
}

// ClassifyText tokenizes two texts and judges them; an error means a text
// could not be tokenized.
func (m *Model) ClassifyText(premise, hypothesis string) (Result, error) {
	p, err := m.tok.Document(tokenize.Source{ID: "premise", Text: []byte(premise)})
	if err != nil {
		return Result{}, fmt.Errorf("nli: premise: %w", err)
	}
	h, err := m.tok.Document(tokenize.Source{ID: "hypothesis", Text: []byte(hypothesis)})
	if err != nil {
		return Result{}, fmt.Errorf("nli: hypothesis: %w", err)
	}
	return m.Classify(p, h), nil
}

// ClassifyVector judges a pair from its features.
func (m *Model) ClassifyVector(v *Vector) Result {
	r := Result{Evidence: v.Evidence, Spans: v.Spans, Article: v.Sentences >= ArticleSentences}
	if !v.OK {
		r.Label, r.Score = Neutral, 0.5
		r.Probs = [4]float64{0, 0.5, 0, 0.5}
		return r
	}
	x := v.Values[:]
	var gbuf, sbuf [4]float64
	g := m.gate.PredictInto(x, gbuf[:2])
	r.Related = g[1]
	stance, threshold := m.sentence, m.file.GateSentence
	switch route(v) {
	case routeCaption:
		stance = m.caption
	case routeNews:
		stance = m.news
	case routeArticle:
		stance, threshold = m.article, m.file.GateArticle
	}
	p := stance.PredictInto(x, sbuf[:3])
	for k := range 3 {
		r.Probs[k] = p[k] * r.Related
	}
	r.Probs[3] = 1 - r.Related
	var model scorer
	class := 0
	if r.Related < threshold {
		r.Label, r.Score, model, class = Unrelated, 1-r.Related, m.gate, 0
	} else {
		for k := range 3 {
			if p[k] > p[class] {
				class = k
			}
		}
		r.Label, r.Score, model = Labels[class], p[class], stance
	}
	r.Score = math.Round(r.Score*1e4) / 1e4
	for _, c := range model.explain(x, class) {
		if c.Score <= 0 {
			continue
		}
		if len(r.Top) == 5 {
			break
		}
		r.Top = append(r.Top, c)
	}
	slices.SortStableFunc(r.Top, func(a, b Contribution) int { return cmp.Compare(b.Score, a.Score) })
	return r
}

// kindOf maps features to the kind of contradiction they signal, in the
// vocabulary of analyze.Kind.
var kindOf = map[string]string{
	"negation_hypothesis": "polarity", "negation_premise": "polarity", "negation_parity": "polarity",
	"negation_aligned": "polarity", "negation_parity_x_aligned": "polarity", "negation_aligned_x_aligned": "polarity",
	"negative_quantifier_mismatch": "polarity", "align_loose_negated": "polarity",
	"negation_loose_denial": "polarity", "negation_entailed": "polarity", "contrast_only": "polarity",
	"antonym": "polarity", "antonym_weak": "polarity", "antonym_x_aligned": "polarity",
	"refute_hypothesis": "polarity", "refute_top": "polarity", "refute_all": "polarity",
	"refute_lead": "polarity", "refute_all_x_cover": "polarity", "negation_top": "polarity", "negation_all": "polarity",
	"number_mismatch": "numeric", "number_slot_mismatch": "numeric",
	"date_mismatch": "temporal", "change_vs_continuation": "temporal", "change_mismatch": "temporal",
	"exclusivity_mismatch": "exclusivity", "cohyponym": "exclusivity", "cohyponym_slot": "exclusivity",
	"cohyponym_x_aligned": "exclusivity", "substitution": "other", "substitution_x_aligned": "other",
	"hedge_hypothesis": "attitude", "hedge_premise": "attitude",
	"attribution_hypothesis": "attribution", "attribution_premise": "attribution",
}

// Kind names the kind of contradiction the strongest contributions point
// to (polarity, numeric, temporal, exclusivity, attitude, attribution), or
// "other"; it is "" unless Label is Contradiction.
func (r Result) Kind() string {
	if r.Label != Contradiction {
		return ""
	}
	for _, c := range r.Top {
		if k, ok := kindOf[c.Feature]; ok && k != "other" {
			return k
		}
	}
	return "other"
}
