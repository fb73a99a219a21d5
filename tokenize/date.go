package tokenize

import (
	"strconv"
	"strings"
	"time"
)

// Dates. Absolute forms ("27 Feb 2026", "Feb. 27, 2026", "2026-02-27",
// "February 2026", "Q1 2026", "first quarter of 2026", "2019", "mid-2025",
// "the 2020s") are read on their own; relative forms ("last fall", "this
// year", "on Monday", "in June", "Feb 27") only when the source's date is
// known, and are left out otherwise. Every DateRef is an inclusive range of
// whole days in UTC. Month and weekday names must be capitalised, so the
// modal "may" and the verb "march" are never dates.

var monthNames = map[string]time.Month{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
	"may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
	"sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

var weekdayNames = map[string]time.Weekday{
	"monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday, "thursday": time.Thursday,
	"friday": time.Friday, "saturday": time.Saturday, "sunday": time.Sunday,
}

// seasons are meteorological (northern hemisphere): the first month of each.
// Winter Y runs from December Y to February Y+1.
var seasons = map[string]time.Month{"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}

var ordinalWords = map[string]int{"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}

// monthPrepositions may introduce a month named without a year ("in June").
var monthPrepositions = map[string]bool{
	"in": true, "since": true, "by": true, "until": true, "till": true, "during": true, "from": true,
	"through": true, "before": true, "after": true, "early": true, "late": true, "mid": true, "of": true,
}

// noDate is the result of a date reader that found nothing.
func noDate() (time.Time, time.Time, int, bool) { return time.Time{}, time.Time{}, 0, false }

// yearPrepositions introduce a year before 1900 ("in 1860"); a bare number
// from 1900 to 2100 is read as a year without one.
var yearPrepositions = map[string]bool{
	"in": true, "since": true, "from": true, "until": true, "till": true, "during": true, "before": true,
	"after": true, "circa": true, "by": true,
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// monthRange is the whole of month m of year y.
func monthRange(y int, m time.Month) (time.Time, time.Time) {
	from := day(y, m, 1)
	return from, from.AddDate(0, 1, -1)
}

func yearRange(y int) (time.Time, time.Time) { return day(y, 1, 1), day(y, 12, 31) }

// validDay reports whether d is a day of month m of year y.
func validDay(y int, m time.Month, d int) bool {
	return d >= 1 && d <= 31 && day(y, m, d).Month() == m
}

// dates finds the dates of the sentence, marks their tokens used and retags
// them as Date.
func (sc *scan) dates() []DateRef {
	var out []DateRef
	for i := 0; i < len(sc.toks); {
		from, to, end, ok := sc.dateAt(i)
		if !ok || end <= i {
			i++
			continue
		}
		out = append(out, DateRef{Span: Span{sc.toks[i].Start, sc.toks[end-1].End}, From: from, To: to})
		for k := i; k < end; k++ {
			sc.used[k] = true
			sc.toks[k].Kind = Date
		}
		i = end
	}
	return out
}

// srcDate is the source's publication day, or zero.
func (sc *scan) srcDate() time.Time {
	t := sc.d.Source.Date
	if t.IsZero() {
		return t
	}
	return day(t.Year(), t.Month(), t.Day())
}

// norm returns token j's norm, or "" past the end or for a used token.
func (sc *scan) norm(j int) string {
	if j < 0 || j >= len(sc.toks) || sc.used[j] {
		return ""
	}
	return sc.toks[j].Norm
}

// monthAt reads a capitalised month name (with an optional abbreviation
// stop) at token j.
func (sc *scan) monthAt(j int) (time.Month, bool) {
	n := sc.norm(j)
	if n == "" || sc.toks[j].Kind != Word || !sc.upperFirst(j) {
		return 0, false
	}
	m, ok := monthNames[strings.TrimSuffix(n, ".")]
	if ok && n == "may." {
		return 0, false
	}
	return m, ok
}

// yearAt reads a four-digit year at token j; strict limits it to 1900-2100,
// the range where a bare number is read as a year.
func (sc *scan) yearAt(j int, strict bool) (int, bool) {
	n := sc.norm(j)
	if len(n) != 4 || sc.toks[j].Kind != Number {
		return 0, false
	}
	y, err := strconv.Atoi(n)
	if err != nil {
		return 0, false
	}
	if strict {
		return y, y >= 1900 && y <= 2100
	}
	return y, y >= 1000 && y <= 2999
}

// dayAt reads a day of the month at token j: "27" or "27th".
func (sc *scan) dayAt(j int) (int, bool) {
	n := sc.norm(j)
	if n == "" || sc.toks[j].Kind != Number {
		return 0, false
	}
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		n = strings.TrimSuffix(n, suf)
	}
	if len(n) == 0 || len(n) > 2 {
		return 0, false
	}
	d, err := strconv.Atoi(n)
	return d, err == nil && d >= 1 && d <= 31
}

// dateAt reads a date starting at token i.
func (sc *scan) dateAt(i int) (from, to time.Time, end int, ok bool) {
	t := sc.toks[i]
	if sc.used[i] {
		return noDate()
	}
	src := sc.srcDate()
	switch t.Kind {
	case Number:
		if from, to, ok := numericDate(t.Norm); ok {
			return from, to, i + 1, true
		}
		if d, ok := sc.dayAt(i); ok {
			// 27 Feb 2026, 27th of February 2026, 27 February
			j := i + 1
			if sc.norm(j) == "of" {
				j++
			}
			if m, ok := sc.monthAt(j); ok {
				j++
				if sc.norm(j) == "," {
					if y, ok := sc.yearAt(j+1, false); ok && validDay(y, m, d) {
						return day(y, m, d), day(y, m, d), j + 2, true
					}
				}
				if y, ok := sc.yearAt(j, false); ok && validDay(y, m, d) {
					return day(y, m, d), day(y, m, d), j + 1, true
				}
				if !src.IsZero() && validDay(src.Year(), m, d) {
					return day(src.Year(), m, d), day(src.Year(), m, d), j, true
				}
			}
		}
		if strings.HasSuffix(t.Norm, "0s") && len(t.Norm) == 5 {
			// a decade: 1990s, 2020s
			if y, err := strconv.Atoi(t.Norm[:4]); err == nil && y >= 1000 && y <= 2999 {
				return day(y, 1, 1), day(y+9, 12, 31), i + 1, true
			}
		}
		if y, ok := sc.yearAt(i, true); ok && sc.bareYear(i) {
			from, to := yearRange(y)
			return from, to, i + 1, true
		}
		// An older year needs a preposition of time: "in 1860".
		if y, ok := sc.yearAt(i, false); ok && i > 0 && yearPrepositions[sc.toks[i-1].Norm] && sc.bareYear(i) {
			from, to := yearRange(y)
			return from, to, i + 1, true
		}
		if !src.IsZero() {
			return sc.agoAt(i, src) // "three days ago"
		}
		return noDate()
	case Word:
	default:
		return noDate()
	}
	n := t.Norm
	if m, ok := sc.monthAt(i); ok {
		return sc.monthFirst(i, m, src)
	}
	// Q1 2026, H2 2025
	if len(n) == 2 && (n[0] == 'q' || n[0] == 'h') && n[1] >= '1' && n[1] <= '4' {
		k := int(n[1] - '0')
		j := i + 1
		if sc.norm(j) == "of" || sc.norm(j) == "," {
			j++
		}
		if y, ok := sc.yearAt(j, false); ok {
			if n[0] == 'q' {
				return periodRange(y, k, 3, j+1)
			}
			if k <= 2 {
				return periodRange(y, k, 6, j+1)
			}
		}
		return noDate()
	}
	// first quarter of 2026, second-half 2025, fourth-quarter 2025
	if k, months, j, ok := sc.ordinalPeriod(i); ok {
		if sc.norm(j) == "of" || sc.norm(j) == "," {
			j++
		}
		if y, ok := sc.yearAt(j, false); ok {
			return periodRange(y, k, months, j+1)
		}
		return noDate()
	}
	// early 2026, mid-2025, late 2025; early February 2026, late June
	if part, rest, ok := partOfPeriod(n); ok {
		if rest != "" {
			if y, err := strconv.Atoi(rest); err == nil && len(rest) == 4 && y >= 1900 && y <= 2100 {
				from, to := yearPart(y, part)
				return from, to, i + 1, true
			}
			return noDate()
		}
		if y, ok := sc.yearAt(i+1, false); ok {
			from, to := yearPart(y, part)
			return from, to, i + 2, true
		}
		if m, ok := sc.monthAt(i + 1); ok {
			if from, to, end, ok := sc.monthFirst(i+1, m, src); ok && from.Day() == 1 && to.AddDate(0, 0, 1).Day() == 1 {
				from, to := monthPart(from, to, part)
				return from, to, end, true
			}
		}
		return noDate()
	}
	if src.IsZero() {
		return noDate()
	}
	return sc.relativeAt(i, src)
}

// monthFirst reads a date that starts with a month name at token i:
// "Feb. 27, 2026", "February 27", "February 2026", "February of 2026", or a
// bare month after a preposition ("in June"), placed in the source's year.
func (sc *scan) monthFirst(i int, m time.Month, src time.Time) (from, to time.Time, end int, ok bool) {
	j := i + 1
	if d, ok := sc.dayAt(j); ok {
		k := j + 1
		if sc.norm(k) == "," {
			k++
		}
		if y, ok := sc.yearAt(k, false); ok && validDay(y, m, d) {
			return day(y, m, d), day(y, m, d), k + 1, true
		}
		if !src.IsZero() && validDay(src.Year(), m, d) {
			return day(src.Year(), m, d), day(src.Year(), m, d), j + 1, true
		}
		return noDate()
	}
	if sc.norm(j) == "of" || sc.norm(j) == "," {
		if y, ok := sc.yearAt(j+1, false); ok {
			from, to := monthRange(y, m)
			return from, to, j + 2, true
		}
	}
	if y, ok := sc.yearAt(j, false); ok {
		from, to := monthRange(y, m)
		return from, to, j + 1, true
	}
	if !src.IsZero() && i > 0 && monthPrepositions[sc.toks[i-1].Norm] {
		if m == time.May && sc.toks[i-1].Norm == "of" {
			return noDate() // "of May" is too often a name
		}
		from, to := monthRange(src.Year(), m)
		return from, to, i + 1, true
	}
	return noDate()
}

// ordinalPeriod reads "first quarter", "second-half", "fourth-quarter" at
// token i: the ordinal, the period length in months and the next token.
func (sc *scan) ordinalPeriod(i int) (k, months, next int, ok bool) {
	n := sc.norm(i)
	if a, b, cut := strings.Cut(n, "-"); cut {
		if k, ok := ordinalWords[a]; ok {
			switch b {
			case "quarter":
				return k, 3, i + 1, true
			case "half":
				return k, 6, i + 1, k <= 2
			}
		}
		return
	}
	k, ok = ordinalWords[n]
	if !ok {
		return
	}
	switch sc.norm(i + 1) {
	case "quarter":
		return k, 3, i + 2, true
	case "half":
		return k, 6, i + 2, k <= 2
	}
	return 0, 0, 0, false
}

// periodRange is the k-th period of the given length in months of year y.
func periodRange(y, k, months, end int) (time.Time, time.Time, int, bool) {
	from := day(y, time.Month((k-1)*months+1), 1)
	return from, from.AddDate(0, months, -1), end, true
}

// partOfPeriod splits "early", "mid-2025" and the like.
func partOfPeriod(n string) (part, rest string, ok bool) {
	for _, p := range []string{"early", "mid", "late"} {
		if n == p {
			return p, "", true
		}
		if len(n) > len(p) && n[len(p)] == '-' && strings.HasPrefix(n, p) {
			return p, n[len(p)+1:], true
		}
	}
	return "", "", false
}

// yearPart is the early (Jan-Apr), mid (May-Aug) or late (Sep-Dec) part of a year.
func yearPart(y int, part string) (time.Time, time.Time) {
	switch part {
	case "early":
		return day(y, 1, 1), day(y, 4, 30)
	case "mid":
		return day(y, 5, 1), day(y, 8, 31)
	}
	return day(y, 9, 1), day(y, 12, 31)
}

// monthPart is the early (1-10), mid (11-20) or late (21-end) part of the
// month from..to.
func monthPart(from, to time.Time, part string) (time.Time, time.Time) {
	switch part {
	case "early":
		return from, from.AddDate(0, 0, 9)
	case "mid":
		return from.AddDate(0, 0, 10), from.AddDate(0, 0, 19)
	}
	return from.AddDate(0, 0, 20), to
}

// numericDate reads one-token dates: 2026-02-27, 2026/02/27, and
// 2/27/2026 or 27/2/2026 when the order is unambiguous; also year ranges
// 2019-2021 and 2025-26.
func numericDate(n string) (time.Time, time.Time, bool) {
	sep := "-"
	if strings.Contains(n, "/") {
		sep = "/"
	}
	parts := strings.Split(n, sep)
	nums := make([]int, len(parts))
	for k, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil || p == "" {
			return time.Time{}, time.Time{}, false
		}
		nums[k] = v
	}
	switch {
	case len(parts) == 3 && len(parts[0]) == 4:
		y, m, d := nums[0], time.Month(nums[1]), nums[2]
		if m >= 1 && m <= 12 && validDay(y, m, d) {
			return day(y, m, d), day(y, m, d), true
		}
	case len(parts) == 3 && len(parts[2]) == 4 && sep == "/":
		a, b, y := nums[0], nums[1], nums[2]
		var m time.Month
		var d int
		switch {
		case a > 12 && b <= 12:
			m, d = time.Month(b), a
		case b > 12 && a <= 12:
			m, d = time.Month(a), b
		case a == b && a <= 12:
			m, d = time.Month(a), b
		default:
			return time.Time{}, time.Time{}, false
		}
		if m >= 1 && validDay(y, m, d) {
			return day(y, m, d), day(y, m, d), true
		}
	case len(parts) == 2 && sep == "-" && len(parts[0]) == 4 && (len(parts[1]) == 4 || len(parts[1]) == 2):
		y1, y2 := nums[0], nums[1]
		if len(parts[1]) == 2 {
			y2 += y1 / 100 * 100
		}
		if y1 >= 1900 && y1 <= 2100 && y2 > y1 && y2-y1 < 100 {
			return day(y1, 1, 1), day(y2, 12, 31), true
		}
	}
	return time.Time{}, time.Time{}, false
}

// bareYear reports whether the number at token i, which looks like a
// year, is one: not money, a percentage, a count with a unit or scale, or
// a count of a plural noun ("2000 employees", when tags are on).
func (sc *scan) bareYear(i int) bool {
	if i > 0 {
		prev := sc.toks[i-1]
		if prev.Kind == Symbol || prev.Kind == Money {
			if _, ok := sc.lx.currencies.m[prev.Norm]; ok {
				return false
			}
		}
		if _, ok := sc.lx.currencies.m[prev.Norm]; ok && sc.adjacent(i-1) {
			return false
		}
	}
	j := i + 1
	if j >= len(sc.toks) {
		return true
	}
	next := sc.toks[j]
	if next.Norm == "%" {
		return false
	}
	if _, ok := scaleWords[next.Norm]; ok {
		return false
	}
	if _, _, ok := sc.lx.units.match(sc, j); ok {
		return false
	}
	if _, _, ok := sc.lx.currencies.match(sc, j); ok {
		return false
	}
	if next.Tag == "NNS" || next.Tag == "NNPS" {
		return false
	}
	return true
}

// relativeAt reads a date relative to the source's day: yesterday, today,
// last/this/next year, month, week, season, month name or weekday, and a
// bare capitalised weekday (the most recent one, as news reports use it).
func (sc *scan) relativeAt(i int, src time.Time) (from, to time.Time, end int, ok bool) {
	n := sc.norm(i)
	switch n {
	case "yesterday":
		d := src.AddDate(0, 0, -1)
		return d, d, i + 1, true
	case "today", "tonight":
		return src, src, i + 1, true
	case "tomorrow":
		d := src.AddDate(0, 0, 1)
		return d, d, i + 1, true
	case "last", "this", "next", "past":
		return sc.relativeUnit(i, n, src)
	}
	if from, to, end, ok := sc.agoAt(i, src); ok {
		return from, to, end, true
	}
	if wd, ok := weekdayNames[n]; ok && sc.upperFirst(i) {
		d := src.AddDate(0, 0, -((int(src.Weekday()) - int(wd) + 7) % 7))
		if sc.futureBefore(i) {
			// "The route will reopen on Tuesday": the coming one.
			d = d.AddDate(0, 0, 7)
		}
		return d, d, i + 1, true
	}
	return noDate()
}

// futureWindow is how many tokens before a weekday futureBefore looks for
// a future marker: enough for "will reopen to traffic on", short enough
// that the marker of an earlier clause rarely reaches it.
const futureWindow = 6

// futureBefore reports whether a future marker ("will", "is due to", "is
// scheduled for") stands in the few tokens before token i of the
// sentence, so that a bare weekday after it names the coming one: news
// uses "on Tuesday" for the past week in the past tense and for the
// coming week in the future.
func (sc *scan) futureBefore(i int) bool {
	for j := i - 1; j >= 0 && j >= i-futureWindow; j-- {
		switch sc.toks[j].Norm {
		case "will", "'ll", "’ll", "shall":
			return true
		case "until", "till":
			// "has suspended the route until (at least) Wednesday": a
			// limit set now lies ahead, unless the verb is past ("was
			// closed until Wednesday").
			return !sc.pastBefore(j)
		case "to", "for":
			// "due to", "set to", "expected to", "scheduled for",
			// "planned for", "going to".
			switch k := j - 1; {
			case k < 0:
			case futureAuxiliaries[sc.toks[k].Norm]:
				return true
			}
		}
	}
	return false
}

// pastBefore reports whether a past auxiliary ("was", "were", "had")
// stands in the few tokens before token i.
func (sc *scan) pastBefore(i int) bool {
	for j := i - 1; j >= 0 && j >= i-futureWindow; j-- {
		switch sc.toks[j].Norm {
		case "was", "were", "had":
			return true
		}
	}
	return false
}

// futureAuxiliaries are words that with "to" or "for" after them put what
// follows in the future.
var futureAuxiliaries = map[string]bool{
	"due": true, "set": true, "expected": true, "scheduled": true, "planned": true,
	"going": true, "plans": true, "plan": true, "poised": true, "slated": true,
}

// agoAt reads "three days ago", "a week ago", "two years ago" at token i:
// the day, week, month or year that far before the source's day.
func (sc *scan) agoAt(i int, src time.Time) (from, to time.Time, end int, ok bool) {
	n := sc.norm(i)
	var count float64
	if n == "a" || n == "an" || n == "one" {
		count = 1
	} else if v, ok := parseNumberText(n); ok && v >= 1 && v <= 100 && v == float64(int(v)) {
		count = v
	} else if v, ok := parseNumberWord(n); ok && v >= 1 && v <= 100 {
		count = v
	} else {
		return noDate()
	}
	if sc.norm(i+2) != "ago" {
		return noDate()
	}
	k := int(count)
	switch strings.TrimSuffix(sc.norm(i+1), "s") {
	case "day":
		d := src.AddDate(0, 0, -k)
		return d, d, i + 3, true
	case "week":
		d := src.AddDate(0, 0, -7*k)
		return d.AddDate(0, 0, -3), d.AddDate(0, 0, 3), i + 3, true // "a week ago": about then
	case "month":
		first := day(src.Year(), src.Month(), 1).AddDate(0, -k, 0)
		from, to := monthRange(first.Year(), first.Month())
		return from, to, i + 3, true
	case "year":
		from, to := yearRange(src.Year() - k)
		return from, to, i + 3, true
	}
	return noDate()
}

// relativeUnit reads "last June", "this fall", "next year" at token i.
func (sc *scan) relativeUnit(i int, rel string, src time.Time) (from, to time.Time, end int, ok bool) {
	j := i + 1
	u := sc.norm(j)
	if rel == "past" && u != "year" && u != "month" && u != "week" {
		return noDate()
	}
	off := map[string]int{"last": -1, "past": -1, "this": 0, "next": 1}[rel]
	switch {
	case rel == "last" && u == "night":
		d := src.AddDate(0, 0, -1)
		return d, d, j + 1, true
	case rel == "this" && (u == "morning" || u == "afternoon" || u == "evening"):
		return src, src, j + 1, true
	}
	switch u {
	case "year":
		if rel == "past" { // "the past year": the twelve months before the source
			return src.AddDate(-1, 0, 0), src, j + 1, true
		}
		from, to := yearRange(src.Year() + off)
		return from, to, j + 1, true
	case "month":
		if rel == "past" {
			return src.AddDate(0, -1, 0), src, j + 1, true
		}
		first := day(src.Year(), src.Month(), 1).AddDate(0, off, 0)
		from, to := monthRange(first.Year(), first.Month())
		return from, to, j + 1, true
	case "week":
		if rel == "past" {
			return src.AddDate(0, 0, -7), src, j + 1, true
		}
		monday := src.AddDate(0, 0, -((int(src.Weekday())+6)%7)).AddDate(0, 0, 7*off)
		return monday, monday.AddDate(0, 0, 6), j + 1, true
	}
	var inst func(y int) (time.Time, time.Time)
	if m, ok := sc.monthAt(j); ok {
		inst = func(y int) (time.Time, time.Time) { return monthRange(y, m) }
	} else if first, ok := seasons[u]; ok {
		inst = func(y int) (time.Time, time.Time) {
			from := day(y, first, 1)
			return from, from.AddDate(0, 3, -1)
		}
	} else if wd, ok := weekdayNames[u]; ok && sc.upperFirst(j) {
		d := src.AddDate(0, 0, -((int(src.Weekday()) - int(wd) + 7) % 7))
		switch rel {
		case "last":
			if d.Equal(src) {
				d = d.AddDate(0, 0, -7)
			}
		case "next":
			d = d.AddDate(0, 0, 7)
		}
		return d, d, j + 1, true
	} else {
		return noDate()
	}
	switch rel {
	case "last": // the latest one over before the source's day
		for y := src.Year(); y >= src.Year()-2; y-- {
			if f, t := inst(y); t.Before(src) {
				return f, t, j + 1, true
			}
		}
	case "this": // the one under way, else the one of this year
		for y := src.Year() - 1; y <= src.Year(); y++ {
			if f, t := inst(y); !src.Before(f) && !t.Before(src) {
				return f, t, j + 1, true
			}
		}
		f, t := inst(src.Year())
		return f, t, j + 1, true
	case "next": // the first one to start after the source's day
		for y := src.Year(); y <= src.Year()+2; y++ {
			if f, t := inst(y); f.After(src) {
				return f, t, j + 1, true
			}
		}
	}
	return noDate()
}
