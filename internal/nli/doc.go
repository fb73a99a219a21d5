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
// negation in and out of scope, a denial of what the other side entails
// ("no one cutting" against "slicing"), quantifier, number and date mismatches,
// exclusivity, change of state, hedges, attribution, word-order swaps and
// relatedness. Model holds five small classifiers over those features,
// loaded once from the embedded model.json: logistic regressions (package
// logreg) and boosted trees (package gbdt), each able to list the features
// behind a prediction. A relatedness gate (linear) is trained on FNC-1
// related/unrelated. Premises of fewer than ArticleSentences sentences are
// judged by one of three models trained on SICK train and trial, RTE-1/2
// and RTE-3 dev: short premises by the caption model (trees) when the
// hypothesis names nothing and states no quantity, else by the sentence
// model (linear), both trained on the short pairs; premises of NewsWords
// content words or more by the news model (linear), trained on all of
// them. Longer premises go to the article model (trees) trained on FNC-1
// stances (agree, discuss, disagree read as entailment, neutral,
// contradiction).
//
// SICK trial and RTE-3 dev are development data that issue 5 allows to
// train on, so their figures in the weights file (scores *_cv_*) are
// cross-validated on the dev set with the dev folds in training: 5 folds
// grouped by premise, each judged by models trained on everything else
// (SICK trial 3-way 0.842, contradiction F1 0.861; RTE-3 dev
// contradiction F1 0.226, P 0.318). FNC-1 is cross-validated by body. The
// held-back test splits (SICK test, RTE-3 test) judge the result; every
// figure measured on SICK, RTE-1/2/3 dev or FNC-1 train outside this CV
// (the eval command) is in-sample.
//
// The weights are retrained, deterministically, by
//
//	go run ./internal/nli/train
//
// from the repository root, with the evaluation data in ../shared/eval.
package nli
