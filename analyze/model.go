package analyze

import (
	_ "embed"
	"fmt"
	"math"
	"sync"

	"github.com/crosscheck-go/crosscheck/internal/logreg"
)

// The judge's features, in the order of the model's columns.
const (
	fAligned = iota
	fExact
	fRelated
	fEntCover
	fUnalignedH
	fUnalignedP
	fNegH
	fNegP
	fNegMismatch
	fAntonym
	fNumMismatch
	fDetector
	fDetectorScore
	fLenH
	fLenP
	fSents
	fHedgeH
	fHedgeP
	fQuant
	fClose
	fRefute
	fBestMatch
	fRuleContra
	fRuleEntail
	fQuestionH
	fNegAligned
	fAntAligned
	fUnalignedHAbs
	fUnalignedPAbs
	fAligned2
	fJaccard
	fLoose
	fAntStrong
	fNegSubject
	fNegLoose
	numFeatures
)

// featureNames name the columns; cues in verdicts quote them.
var featureNames = [numFeatures]string{
	"aligned", "exact_aligned", "related", "entity_coverage", "unaligned_hypothesis",
	"unaligned_premise", "negated_hypothesis", "negated_premise", "negation_mismatch", "antonym",
	"number_mismatch", "detector_conflict", "detector_score", "hypothesis_length", "premise_length",
	"premise_sentences", "hedged_hypothesis", "hedged_premise", "quantifier_mismatch",
	"close_sentences", "refuting_words", "best_match", "rule_contradiction", "rule_entailment",
	"question_hypothesis", "negation_mismatch_x_aligned", "antonym_x_aligned",
	"unaligned_hypothesis_words", "unaligned_premise_words", "aligned_squared", "jaccard",
	"loose_aligned", "strong_antonym_x_loose", "negated_subject", "negation_mismatch_x_loose",
}

// modelClasses are the model's labels, in column order.
var modelClasses = []Label{Entailment, Neutral, Contradiction, Unrelated}

// The models are written by the training command:
//
//	go test ./analyze -run TestTrainJudge -train
//
// judge_sentence.json judges premises of up to a few sentences (trained on
// SICK and RTE), judge_article.json whole articles (trained on FNC-1). An
// empty or unfitting file means the judge uses its rules.
var (
	//go:embed data/judge_sentence.json
	sentenceModelJSON []byte
	//go:embed data/judge_article.json
	articleModelJSON []byte
)

// articleSentences is the premise length from which the article model
// judges.
const articleSentences = 4

var (
	modelOnce                   sync.Once
	sentenceModel, articleModel *logreg.Model
)

func loadModel(name string, data []byte) *logreg.Model {
	if len(data) < 10 {
		return nil
	}
	m, err := logreg.Unmarshal(name, data)
	if err != nil || m.NumFeatures() != numFeatures || m.NumClasses() != len(modelClasses) {
		return nil
	}
	return m
}

// judgeModel returns the embedded model for a premise of n sentences, or
// nil when there is none.
func judgeModel(n int) *logreg.Model {
	modelOnce.Do(func() {
		sentenceModel = loadModel("data/judge_sentence.json", sentenceModelJSON)
		articleModel = loadModel("data/judge_article.json", articleModelJSON)
	})
	if n >= articleSentences {
		return articleModel
	}
	return sentenceModel
}

// classify labels a pair with the model and explains it with the features
// that pushed most towards the chosen label, plus the rule cue that fired.
func (an *analyzer) classify(m *logreg.Model, pa pairAnalysis) Verdict {
	v := pa.v
	var buf [8]float64
	p := m.PredictInto(pa.x[:], buf[:len(modelClasses)])
	best := 0
	for k := range p {
		if p[k] > p[best] {
			best = k
		}
	}
	v.Label = modelClasses[best]
	v.Score = math.Round(p[best]*1000) / 1000
	rule := an.decide(pa.f, pa.v)
	if v.Label == Contradiction {
		v.Kind = rule.Kind
		if v.Kind == "" {
			v.Kind = KindOther
		}
	}
	if rule.Label == v.Label {
		v.Cues = append(v.Cues, rule.Cues...)
	}
	for n, c := range m.Explain(pa.x[:], best) {
		if n >= 3 || c.Score <= 0 {
			break
		}
		v.Cues = append(v.Cues, Cue{Kind: "feature", Text: fmt.Sprintf("%s=%.2f (+%.2f)", c.Feature, c.Value, c.Score)})
	}
	return v
}
