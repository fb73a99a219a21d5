package tokenize

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// gotDate is a DateRef with its text and days as strings, for readable diffs.
type gotDate struct {
	Text     string
	From, To string
}

func datesOf(t *testing.T, text string, src time.Time) []gotDate {
	t.Helper()
	d := tokenizeFacts(t, text, src)
	var out []gotDate
	for _, s := range d.Sentences {
		for _, r := range s.Dates {
			out = append(out, gotDate{d.Text(r.Span), r.From.Format(time.DateOnly), r.To.Format(time.DateOnly)})
		}
	}
	return out
}

func TestDates(t *testing.T) {
	// A Friday.
	src := time.Date(2026, 2, 27, 15, 4, 0, 0, time.FixedZone("EST", -5*3600))
	tests := []struct {
		name string
		text string
		src  time.Time
		want []gotDate
	}{
		{"month year", "It closed in February 2026.", time.Time{}, []gotDate{{"February 2026", "2026-02-01", "2026-02-28"}}},
		{"day month year", "It closed on 27 Feb 2026.", time.Time{}, []gotDate{{"27 Feb 2026", "2026-02-27", "2026-02-27"}}},
		{"ordinal day of month", "It closed on the 3rd of March 2025.", time.Time{}, []gotDate{{"3rd of March 2025", "2025-03-03", "2025-03-03"}}},
		{"month day comma year", "It closed on Feb. 27, 2026, as planned.", time.Time{}, []gotDate{{"Feb. 27, 2026", "2026-02-27", "2026-02-27"}}},
		{"full month day year", "It closed on February 27 2026.", time.Time{}, []gotDate{{"February 27 2026", "2026-02-27", "2026-02-27"}}},
		{"iso", "Filed 2026-02-27 in Delaware.", time.Time{}, []gotDate{{"2026-02-27", "2026-02-27", "2026-02-27"}}},
		{"us numeric unambiguous", "Filed on 2/27/2026.", time.Time{}, []gotDate{{"2/27/2026", "2026-02-27", "2026-02-27"}}},
		{"numeric ambiguous is left out", "Filed on 2/3/2026.", time.Time{}, nil},
		{"invalid day", "On Feb 30, 2026 nothing.", time.Time{}, []gotDate{{"2026", "2026-01-01", "2026-12-31"}}},
		{"quarter", "Revenue in Q1 2026 rose.", time.Time{}, []gotDate{{"Q1 2026", "2026-01-01", "2026-03-31"}}},
		{"quarter words", "In the first quarter of 2026 it rose.", time.Time{}, []gotDate{{"first quarter of 2026", "2026-01-01", "2026-03-31"}}},
		{"hyphenated quarter", "Its fourth-quarter 2025 results.", time.Time{}, []gotDate{{"fourth-quarter 2025", "2025-10-01", "2025-12-31"}}},
		{"half", "In H2 2025 sales fell.", time.Time{}, []gotDate{{"H2 2025", "2025-07-01", "2025-12-31"}}},
		{"year", "A partnership since 2019.", time.Time{}, []gotDate{{"2019", "2019-01-01", "2019-12-31"}}},
		{"year range", "It ran 2019-2021.", time.Time{}, []gotDate{{"2019-2021", "2019-01-01", "2021-12-31"}}},
		{"decade", "Since the 1990s it grew.", time.Time{}, []gotDate{{"1990s", "1990-01-01", "1999-12-31"}}},
		{"mid year", "Expected by mid-2027.", time.Time{}, []gotDate{{"mid-2027", "2027-05-01", "2027-08-31"}}},
		{"late year", "Expected in late 2027.", time.Time{}, []gotDate{{"late 2027", "2027-09-01", "2027-12-31"}}},
		{"early month", "Talks began in early February 2026.", time.Time{}, []gotDate{{"early February 2026", "2026-02-01", "2026-02-10"}}},
		{"late month from the source", "Talks began in late January.", src, []gotDate{{"late January", "2026-01-21", "2026-01-31"}}},
		{"count is not a year", "It employs 1,500 people.", time.Time{}, nil},
		{"money is not a year", "It cost $2019 and 2020 euros.", time.Time{}, nil},
		{"scaled is not a year", "Some 2000 million shares.", time.Time{}, nil},
		{"out of range is not a year", "A score of 1200 points.", time.Time{}, nil},
		{"older year after a preposition", "The war began in 1860 and ended later.", time.Time{}, []gotDate{{"1860", "1860-01-01", "1860-12-31"}}},
		{"older number without one", "A workforce of 1860 people.", time.Time{}, nil},
		{"modal may is not a month", "It may 2 times.", time.Time{}, nil},
		{"month without year needs the source date", "It closed in June.", time.Time{}, nil},
		{"month without year", "It closed in June.", src, []gotDate{{"June", "2026-06-01", "2026-06-30"}}},
		{"month day without year", "It closed on Feb 20.", src, []gotDate{{"Feb 20", "2026-02-20", "2026-02-20"}}},
		{"last fall", "It began last fall.", src, []gotDate{{"last fall", "2025-09-01", "2025-11-30"}}},
		{"last fall needs the source date", "It began last fall.", time.Time{}, nil},
		{"last June", "It began last June.", src, []gotDate{{"last June", "2025-06-01", "2025-06-30"}}},
		{"last year", "It began last year.", src, []gotDate{{"last year", "2025-01-01", "2025-12-31"}}},
		{"this year", "Earlier this year it began.", src, []gotDate{{"this year", "2026-01-01", "2026-12-31"}}},
		{"next month", "It starts next month.", src, []gotDate{{"next month", "2026-03-01", "2026-03-31"}}},
		{"last month across a year", "It began last month.", time.Date(2026, 1, 10, 0, 0, 0, 0, time.UTC), []gotDate{{"last month", "2025-12-01", "2025-12-31"}}},
		{"this winter spans years", "It froze this winter.", time.Date(2026, 1, 10, 0, 0, 0, 0, time.UTC), []gotDate{{"this winter", "2025-12-01", "2026-02-28"}}},
		{"yesterday", "It said so yesterday.", src, []gotDate{{"yesterday", "2026-02-26", "2026-02-26"}}},
		{"weekday", "It said on Tuesday that it would.", src, []gotDate{{"Tuesday", "2026-02-24", "2026-02-24"}}},
		{"last weekday", "It said last Friday that it would.", src, []gotDate{{"last Friday", "2026-02-20", "2026-02-20"}}},
		{"days ago", "It began three days ago.", src, []gotDate{{"three days ago", "2026-02-24", "2026-02-24"}}},
		{"a week ago", "It began a week ago.", src, []gotDate{{"a week ago", "2026-02-17", "2026-02-23"}}},
		{"two years ago", "It began 2 years ago.", src, []gotDate{{"2 years ago", "2024-01-01", "2024-12-31"}}},
		{"ago needs a count", "Long ago it began.", src, nil},
		{"last night", "Talks broke down last night.", src, []gotDate{{"last night", "2026-02-26", "2026-02-26"}}},
		{"this morning", "The council met this morning.", src, []gotDate{{"this morning", "2026-02-27", "2026-02-27"}}},
		{"tonight", "The vote is tonight.", src, []gotDate{{"tonight", "2026-02-27", "2026-02-27"}}},
		{"until a weekday ahead", "The operator has suspended the route until at least Wednesday.", src, []gotDate{{"Wednesday", "2026-03-04", "2026-03-04"}}},
		{"until a weekday past", "The road was closed until Wednesday.", src, []gotDate{{"Wednesday", "2026-02-25", "2026-02-25"}}},
		{"future weekday", "The bridge will reopen to traffic on Tuesday.", src, []gotDate{{"Tuesday", "2026-03-03", "2026-03-03"}}},
		{"future weekday is after the source day", "Talks will resume on Friday.", src, []gotDate{{"Friday", "2026-03-06", "2026-03-06"}}},
		{"scheduled for a weekday", "The vote is scheduled for Monday.", src, []gotDate{{"Monday", "2026-03-02", "2026-03-02"}}},
		{"due to on a weekday", "The board is due to meet on Wednesday.", src, []gotDate{{"Wednesday", "2026-03-04", "2026-03-04"}}},
		{"past weekday before a future clause", "It said on Tuesday that talks will resume.", src, []gotDate{{"Tuesday", "2026-02-24", "2026-02-24"}}},
		{"future marker too far back", "It will be hard, the union's leader told reporters at the plant on Tuesday.", src, []gotDate{{"Tuesday", "2026-02-24", "2026-02-24"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := datesOf(t, tc.text, tc.src)
			if diff := cmp.Diff(tc.want, got, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("%q (-want +got):\n%s", tc.text, diff)
			}
		})
	}
}

func TestDatesRetagTokensAndAreUTC(t *testing.T) {
	d := tokenizeFacts(t, "On Feb. 27, 2026, it closed.", time.Time{})
	s := d.Sentences[0]
	if len(s.Dates) != 1 {
		t.Fatalf("dates = %v, want one", s.Dates)
	}
	r := s.Dates[0]
	if r.From.Location() != time.UTC || r.To.Location() != time.UTC {
		t.Errorf("date not in UTC: %v %v", r.From, r.To)
	}
	var got []string
	for _, tk := range d.SentenceTokens(0) {
		got = append(got, d.Text(tk.Span)+"/"+tk.Kind.String())
	}
	want := []string{"On/word", "Feb./date", "27/date", ",/date", "2026/date", ",/punct", "it/word", "closed/word", "./punct"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("token kinds (-want +got):\n%s", diff)
	}
}
