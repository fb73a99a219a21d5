package logreg

import (
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/crosscheck-go/crosscheck/internal/mldata"
)

// Options control training. The zero value trains a sensible model:
// 40 epochs of Adam at learning rate 0.05 over mini-batches of 32, seed 0,
// no regularisation and equal class weights.
type Options struct {
	// L2 is the weight of the penalty L2/2·‖W‖² added to the mean loss;
	// 0 means none. Around 1e-4 to 1e-2 suits tens of features.
	L2 float64 `json:"l2"`
	// Epochs is the number of passes over the data (default 40).
	Epochs int `json:"epochs"`
	// LearningRate is Adam's step size (default 0.05); it decays
	// linearly to a tenth of that by the last epoch.
	LearningRate float64 `json:"learning_rate"`
	// BatchSize is the mini-batch size (default 32).
	BatchSize int `json:"batch_size"`
	// Seed fixes the shuffling order; the same data, options and seed
	// give the same weights bit for bit on any GOMAXPROCS.
	Seed uint64 `json:"seed"`
	// ClassWeights scales each class's share of the loss; nil means equal.
	ClassWeights []float64 `json:"class_weights,omitempty"`
	// Balanced sets class weights to n/(classes·count), so rare classes
	// count as much as common ones. It overrides ClassWeights.
	Balanced bool `json:"balanced,omitempty"`
	// Features names the columns of X; default "f0", "f1", ...
	Features []string `json:"-"`
	// Classes names the labels; default "0", "1", ...
	Classes []string `json:"-"`
}

func (o Options) withDefaults() Options {
	if o.Epochs <= 0 {
		o.Epochs = 40
	}
	if o.LearningRate <= 0 {
		o.LearningRate = 0.05
	}
	if o.BatchSize <= 0 {
		o.BatchSize = 32
	}
	return o
}

// Model is a trained multinomial logistic regression over standardised
// features: the score of class k is Bias[k] + Σ_j Weights[k][j]·z_j with
// z_j = (x_j − Mean[j]) / Scale[j], and probabilities are the softmax of the
// scores. Trained from zero, the weights of each feature sum to zero over
// the classes, so Weights[k][j]·z_j reads as feature j's push towards k.
type Model struct {
	Classes  []string    `json:"classes"`
	Features []string    `json:"features"`
	Mean     []float64   `json:"mean"`
	Scale    []float64   `json:"scale"`
	Weights  [][]float64 `json:"weights"` // [class][feature]
	Bias     []float64   `json:"bias"`
	Meta     Meta        `json:"meta"`
}

// Meta records how a model was made, so a committed model can be checked
// and reproduced. It holds no dates, so retraining writes the same bytes.
type Meta struct {
	Options     Options `json:"options"`
	Samples     int     `json:"samples"`
	ClassCounts []int   `json:"class_counts"`
	// DataHash is HashData of the training matrix and labels.
	DataHash string `json:"data_hash"`
	// FinalLoss is the regularised training loss after the last epoch.
	FinalLoss float64 `json:"final_loss"`
	// Scores holds figures the trainer measured (cross-validated accuracy,
	// F1 ...), keyed by name; encoding/json writes map keys sorted.
	Scores map[string]float64 `json:"scores,omitempty"`
	// Data describes the training sources, for example file names with
	// their hashes, keyed by name.
	Data map[string]string `json:"data,omitempty"`
}

// NumClasses returns the number of classes.
func (m *Model) NumClasses() int { return len(m.Bias) }

// NumFeatures returns the number of input features.
func (m *Model) NumFeatures() int { return len(m.Mean) }

// Train fits a model to the rows of X with labels y in [0, nClasses).
// Training is single-threaded and every random choice comes from
// opts.Seed, so it is deterministic.
func Train(X [][]float64, y []int, nClasses int, opts Options) (*Model, error) {
	if err := mldata.Check("logreg", X, y, nClasses); err != nil {
		return nil, err
	}
	opts = opts.withDefaults()
	n, d := len(X), len(X[0])
	m := &Model{
		Classes:  mldata.Names(opts.Classes, nClasses, ""),
		Features: mldata.Names(opts.Features, d, "f"),
		Mean:     make([]float64, d),
		Scale:    make([]float64, d),
		Weights:  make([][]float64, nClasses),
		Bias:     make([]float64, nClasses),
	}
	if len(m.Classes) != nClasses || len(m.Features) != d {
		return nil, fmt.Errorf("logreg: %d class names for %d classes, %d feature names for %d features",
			len(opts.Classes), nClasses, len(opts.Features), d)
	}
	for k := range m.Weights {
		m.Weights[k] = make([]float64, d)
	}

	// Standardise once into one contiguous matrix.
	for _, row := range X {
		for j, v := range row {
			m.Mean[j] += v
		}
	}
	for j := range m.Mean {
		m.Mean[j] /= float64(n)
	}
	for _, row := range X {
		for j, v := range row {
			dv := v - m.Mean[j]
			m.Scale[j] += dv * dv
		}
	}
	for j := range m.Scale {
		m.Scale[j] = math.Sqrt(m.Scale[j] / float64(n))
		if m.Scale[j] < 1e-12 {
			m.Scale[j] = 1 // a constant feature: z is 0 and its weight stays 0
		}
	}
	Z := make([]float64, n*d)
	for i, row := range X {
		for j, v := range row {
			Z[i*d+j] = (v - m.Mean[j]) / m.Scale[j]
		}
	}

	counts := make([]int, nClasses)
	for _, c := range y {
		counts[c]++
	}
	cw := make([]float64, nClasses)
	for k := range cw {
		switch {
		case opts.Balanced:
			if counts[k] > 0 {
				cw[k] = float64(n) / float64(nClasses*counts[k])
			}
		case opts.ClassWeights != nil:
			if len(opts.ClassWeights) != nClasses {
				return nil, fmt.Errorf("logreg: %d class weights for %d classes", len(opts.ClassWeights), nClasses)
			}
			cw[k] = opts.ClassWeights[k]
		default:
			cw[k] = 1
		}
	}

	// Adam over shuffled mini-batches. Parameters are laid out as
	// [class][feature..., bias] in one slice.
	w := d + 1
	params := make([]float64, nClasses*w)
	grad := make([]float64, len(params))
	mom := make([]float64, len(params))
	vel := make([]float64, len(params))
	const beta1, beta2, eps = 0.9, 0.999, 1e-8
	rng := rand.New(rand.NewPCG(opts.Seed, 0x6c6f67726567)) // "logreg"
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	probs := make([]float64, nClasses)
	step := 0
	for epoch := range opts.Epochs {
		rng.Shuffle(n, func(i, j int) { order[i], order[j] = order[j], order[i] })
		lr := opts.LearningRate
		if opts.Epochs > 1 { // linear decay to a tenth, so the last epochs settle
			lr *= 1 - 0.9*float64(epoch)/float64(opts.Epochs-1)
		}
		for start := 0; start < n; start += opts.BatchSize {
			batch := order[start:min(start+opts.BatchSize, n)]
			clear(grad)
			for _, i := range batch {
				z := Z[i*d : (i+1)*d]
				scores(params, z, probs)
				softmax(probs)
				for k := range nClasses {
					g := probs[k]
					if k == y[i] {
						g--
					}
					g *= cw[y[i]]
					gk := grad[k*w : (k+1)*w]
					for j, v := range z {
						gk[j] += g * v
					}
					gk[d] += g
				}
			}
			inv := 1 / float64(len(batch))
			step++
			c1 := 1 - math.Pow(beta1, float64(step))
			c2 := 1 - math.Pow(beta2, float64(step))
			for p := range params {
				g := grad[p] * inv
				if p%w != d { // no penalty on the bias
					g += opts.L2 * params[p]
				}
				mom[p] = beta1*mom[p] + (1-beta1)*g
				vel[p] = beta2*vel[p] + (1-beta2)*g*g
				params[p] -= lr * (mom[p] / c1) / (math.Sqrt(vel[p]/c2) + eps)
			}
		}
	}
	for k := range nClasses {
		copy(m.Weights[k], params[k*w:k*w+d])
		m.Bias[k] = params[k*w+d]
	}
	// Adam steps need not keep the per-feature weights summing to zero;
	// centring them changes no probability and makes Explain readable.
	for j := range d {
		var s float64
		for k := range nClasses {
			s += m.Weights[k][j]
		}
		s /= float64(nClasses)
		for k := range nClasses {
			m.Weights[k][j] -= s
		}
	}
	var bs float64
	for _, b := range m.Bias {
		bs += b
	}
	for k := range m.Bias {
		m.Bias[k] -= bs / float64(nClasses)
	}

	m.Meta = Meta{Options: opts, Samples: n, ClassCounts: counts, DataHash: HashData(X, y)}
	m.Meta.Options.Features, m.Meta.Options.Classes = nil, nil
	m.Meta.FinalLoss = m.loss(X, y, cw, opts.L2)
	return m, nil
}

// scores writes the class scores of standardised row z into out.
func scores(params, z, out []float64) {
	w := len(z) + 1
	for k := range out {
		pk := params[k*w : (k+1)*w]
		s := pk[len(z)]
		for j, v := range z {
			s += pk[j] * v
		}
		out[k] = s
	}
}

// softmax turns scores into probabilities in place, stably.
func softmax(p []float64) {
	mx := math.Inf(-1)
	for _, v := range p {
		mx = max(mx, v)
	}
	var sum float64
	for k, v := range p {
		p[k] = math.Exp(v - mx)
		sum += p[k]
	}
	for k := range p {
		p[k] /= sum
	}
}

// loss is the class-weighted mean cross-entropy plus the L2 penalty.
func (m *Model) loss(X [][]float64, y []int, cw []float64, l2 float64) float64 {
	p := make([]float64, m.NumClasses())
	var sum, wsum float64
	for i, row := range X {
		m.PredictInto(row, p)
		sum -= cw[y[i]] * math.Log(max(p[y[i]], 1e-300))
		wsum += cw[y[i]]
	}
	var pen float64
	for _, wk := range m.Weights {
		for _, v := range wk {
			pen += v * v
		}
	}
	if wsum == 0 {
		return 0
	}
	return sum/wsum + l2/2*pen
}
