// Package logreg is a small multinomial logistic regression for the judge:
// it turns a few dozen explainable features of a sentence pair into
// probabilities of entailment, contradiction and neutral (or FNC-1's
// stances), and says which features drove each answer.
//
// Train standardises the features, fits weights with Adam over seeded
// mini-batches and stores everything a prediction needs in a Model:
// feature and class names, the standardisation, the weights and a Meta
// record (options, data hash, scores) without dates, so Marshal writes the
// same bytes whenever the same data is trained again. Predict costs a dot
// product per class; Explain lists per-feature contributions for the cues
// of reports. Folds and CrossValidate give deterministic, optionally
// grouped, k-fold estimates; Evaluate computes accuracy and per-class F1.
//
// Everything is single-threaded and uses no global state, so results do
// not depend on GOMAXPROCS, and a trained Model is safe for concurrent use.
package logreg
