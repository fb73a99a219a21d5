// Package nli is the trained pair classifier of the judge: given a premise
// (a sentence or a whole article) and a hypothesis, it says whether the
// premise entails, contradicts or is neutral to the hypothesis, or is
// about something else altogether, and which explainable features drove
// that answer.
//
// Features aligns the hypothesis's content words to the premise sentences
// best aligned to it (exact, stem, WordNet lemma, synonym, derivation,
// hypernym, number value, name) and measures what the alignment leaves:
// unaligned words each side, antonyms and co-hyponyms facing each other,
// negation in and out of scope, quantifier, number and date mismatches,
// exclusivity, change of state, hedges, attribution, word-order swaps and
// relatedness. Model holds four small classifiers over those features,
// loaded once from the embedded model.json: logistic regressions (package
// logreg) for the gate and the sentence and news models, boosted trees
// (package gbdt) for the article model, each able to list the features
// behind a prediction. They are a relatedness gate
// trained on FNC-1 related/unrelated; for premises of fewer than
// ArticleSentences sentences, a sentence model trained on the short pairs
// of SICK train and RTE-1/2 and a news model (premises of NewsWords content
// words or more) trained on all of them; and for longer premises an
// article model trained on FNC-1 stances (agree, discuss, disagree read as
// entailment, neutral, contradiction).
//
// The weights are retrained, deterministically, by
//
//	go run ./internal/nli/train
//
// from the repository root, with the evaluation data in ../shared/eval.
package nli
