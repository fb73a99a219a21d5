package tokenize

import (
	"strconv"
	"strings"
)

// Quantities. A quantity is an optional approximation marker, an optional
// currency before the number, the number (digits or number words), optional
// scale words, and an optional currency, "%" or measure unit after it:
// "around US$3.5 billion", "110 billion dollars", "13 per cent", "a dozen".
// The scale words and number words are English grammar, kept here; the
// currency, unit and approximation words are configuration (Config).

// scaleWords multiply the number before them.
var scaleWords = map[string]float64{
	"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
	"mn": 1e6, "mln": 1e6, "bn": 1e9, "bln": 1e9, "tn": 1e12, "trn": 1e12,
	"dozen": 12,
	// South Asian scales, common in Indian and Pakistani news.
	"lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,
}

// shortScales are one-letter scales, read only after a currency ("$5 m",
// "€3 k") because after a bare number they are usually units (5 m = metres).
var shortScales = map[string]float64{"k": 1e3, "m": 1e6, "b": 1e9, "t": 1e12}

// numberSuffixScale are the scales written on a number: 50B, 110bn, 20m.
var numberSuffixScale = map[string]float64{
	"": 1, "k": 1e3, "m": 1e6, "mn": 1e6, "mm": 1e6, "b": 1e9, "bn": 1e9, "t": 1e12, "tn": 1e12, "tr": 1e12,
}

// numberWords are the English number words read as values.
var numberWords = map[string]float64{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
	"sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
	"forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
	"dozen": 12,
}

// parseNumberText parses a Number token's norm: "1,000", "1.5", "50b",
// "110bn". Ordinals, decades, times, dates and ranges are not quantities.
func parseNumberText(norm string) (float64, bool) {
	i := 0
	for i < len(norm) && (norm[i] >= '0' && norm[i] <= '9' || norm[i] == '.' || norm[i] == ',') {
		i++
	}
	if i == 0 {
		return 0, false
	}
	digits, suffix := norm[:i], norm[i:]
	scale, ok := numberSuffixScale[suffix]
	if !ok {
		return 0, false
	}
	if strings.HasSuffix(digits, ".") || strings.HasSuffix(digits, ",") {
		return 0, false
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(digits, ",", ""), 64)
	if err != nil {
		return 0, false
	}
	return v * scale, true
}

// parseNumberWord reads a number word, including hyphenated tens
// ("twenty-five").
func parseNumberWord(norm string) (float64, bool) {
	if v, ok := numberWords[norm]; ok {
		return v, true
	}
	if a, b, ok := strings.Cut(norm, "-"); ok {
		tens, ok1 := numberWords[a]
		unit, ok2 := numberWords[b]
		if ok1 && ok2 && tens >= 20 && int(tens)%10 == 0 && unit >= 1 && unit <= 9 {
			return tens + unit, true
		}
	}
	return 0, false
}

// numberAt reads the number starting at token j. word reports a number
// written in words; a bare "a"/"an" counts as one only before a scale word.
func (sc *scan) numberAt(j int) (val float64, end int, word, ok bool) {
	if j >= len(sc.toks) || sc.used[j] {
		return 0, 0, false, false
	}
	t := sc.toks[j]
	if t.Kind == Number {
		v, ok := parseNumberText(t.Norm)
		return v, j + 1, false, ok
	}
	if t.Kind != Word {
		return 0, 0, false, false
	}
	if t.Norm == "a" || t.Norm == "an" {
		if j+1 < len(sc.toks) && !sc.used[j+1] {
			if _, ok := scaleWords[sc.toks[j+1].Norm]; ok {
				return 1, j + 1, true, true
			}
		}
		return 0, 0, false, false
	}
	if t.Norm == "dozen" { // "dozen" alone is 12 only after a/one/two, handled as a scale
		return 0, 0, false, false
	}
	if v, ok := parseNumberWord(t.Norm); ok {
		return v, j + 1, true, true
	}
	return 0, 0, false, false
}

// scaleAt multiplies by the scale words starting at token j ("hundred
// thousand" is 1e5); money says a currency came first, which allows the
// one-letter scales.
func (sc *scan) scaleAt(j int, money bool) (float64, int) {
	m := 1.0
	for n := 0; n < 2 && j < len(sc.toks) && !sc.used[j]; n++ {
		norm := sc.toks[j].Norm
		s, ok := scaleWords[norm]
		if !ok && money {
			s, ok = shortScales[norm]
		}
		if !ok {
			break
		}
		m *= s
		j++
	}
	return m, j
}

// quantities finds the quantities of the sentence, marks their tokens used,
// and retags tokens of money as Money and of percentages as Percent.
func (sc *scan) quantities() []Quantity {
	var out []Quantity
	for i := 0; i < len(sc.toks); {
		q, body, end, ok := sc.quantityAt(i)
		if !ok {
			i++
			continue
		}
		out = append(out, q)
		kind := Kind(0)
		switch {
		case q.Unit == "%":
			kind = Percent
		case sc.lx.isCurrency(q.Unit):
			kind = Money
		}
		for k := i; k < end; k++ {
			sc.used[k] = true
			// The approximation marker stays a word: it is not part of
			// the amount, and a detector may read it as hedging.
			if kind != 0 && k >= body {
				sc.toks[k].Kind = kind
			}
		}
		i = end
	}
	return out
}

// isCurrency reports whether unit is a currency code of the configuration.
func (lx *lexicon) isCurrency(unit string) bool { return lx.currencyCodes[unit] }

// quantityAt reads a quantity starting at token i. body is where the amount
// starts after any approximation marker; end is exclusive.
func (sc *scan) quantityAt(i int) (q Quantity, body, end int, ok bool) {
	lx := sc.lx
	j := i
	approx := false
	if _, e, ok := lx.approx.match(sc, j); ok {
		approx, j = true, e
	}
	body = j
	unit := ""
	if v, e, ok := lx.currencies.match(sc, j); ok {
		unit, j = v, e
	}
	if unit == "" {
		if v, u, ok := sc.gluedAt(j); ok {
			span := Span{sc.toks[i].Start, sc.toks[j].End}
			return Quantity{Span: span, Value: v, Unit: u, Approx: approx}, body, j + 1, true
		}
	}
	val, j2, word, ok := sc.numberAt(j)
	if !ok {
		return Quantity{}, 0, 0, false
	}
	numTok := j
	j = j2
	scale, j3 := sc.scaleAt(j, unit != "")
	scaled := j3 > j
	val *= scale
	j = j3
	if unit == "" {
		switch {
		case j < len(sc.toks) && !sc.used[j] && sc.toks[j].Norm == "%":
			unit, j = "%", j+1
		default:
			if v, e, ok := lx.currencies.match(sc, j); ok {
				unit, j = v, e
			} else if v, e, ok := lx.units.match(sc, j); ok {
				unit, j = v, e
			}
		}
	}
	if word && !scaled && unit == "" {
		// "one of them", "a" and lone number words are too common to be
		// quantities unless a scale or unit makes them one; "two", "ten"
		// and other counts are kept.
		if val <= 1 {
			return Quantity{}, 0, 0, false
		}
	}
	if !word && !scaled && unit == "" && (looksLikeYear(sc.toks[numTok].Norm) || sc.dayOfMonth(numTok)) {
		return Quantity{}, 0, 0, false
	}
	span := Span{sc.toks[i].Start, sc.toks[j-1].End}
	return Quantity{Span: span, Value: val, Unit: unit, Approx: approx}, body, j, true
}

// gluedAt reads a number with its unit written onto it, one word token:
// "5km", "41.3C", "104°F". The unit must be one of the configuration's
// one-word units; C and F after a number are degrees.
func (sc *scan) gluedAt(j int) (float64, string, bool) {
	if j >= len(sc.toks) || sc.used[j] || sc.toks[j].Kind != Word {
		return 0, "", false
	}
	w := sc.toks[j].Norm
	k := 0
	for k < len(w) && (w[k] >= '0' && w[k] <= '9' || w[k] == '.' || w[k] == ',') {
		k++
	}
	if k == 0 || k == len(w) || w[0] < '0' || w[0] > '9' {
		return 0, "", false
	}
	v, ok := parseNumberText(w[:k])
	if !ok {
		return 0, "", false
	}
	suffix := strings.ToLower(w[k:])
	switch suffix {
	case "c", "°c", "ºc":
		return v, "degC", true
	case "f", "°f", "ºf":
		return v, "degF", true
	}
	if u, ok := sc.lx.unitSuffix[suffix]; ok {
		return v, u, true
	}
	return 0, "", false
}

// looksLikeYear reports whether a number token reads as a year: four digits,
// 1900 to 2100, no separators.
func looksLikeYear(norm string) bool {
	if len(norm) != 4 {
		return false
	}
	y, err := strconv.Atoi(norm)
	return err == nil && y >= 1900 && y <= 2100
}

// dayOfMonth reports whether the number at token i is the day of a month
// named next to it ("Feb. 27", "27 of March") that was not read as a date
// because the year is missing and the source's date unknown.
func (sc *scan) dayOfMonth(i int) bool {
	if _, ok := sc.dayAt(i); !ok {
		return false
	}
	if i > 0 {
		if _, ok := sc.monthAt(i - 1); ok {
			return true
		}
	}
	j := i + 1
	if sc.norm(j) == "of" {
		j++
	}
	_, ok := sc.monthAt(j)
	return ok
}
