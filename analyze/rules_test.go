package analyze_test

import (
	"context"
	"testing"
	"time"

	"github.com/crosscheck-go/crosscheck/analyze"
	"github.com/crosscheck-go/crosscheck/tokenize"
)

// runPair analyses two one-article sources, "a" and "b", read by the real
// tokenizer (untagged, as in large runs).
func runPair(t *testing.T, a, b string) *analyze.Result {
	t.Helper()
	tk, err := tokenize.New(tokenize.Options{NoTags: true})
	if err != nil {
		t.Fatal(err)
	}
	return runDated(t, tk, a, time.Time{}, b, time.Time{}) // undated
}

// runDated analyses sources "a" and "b" published on the given days.
func runDated(t *testing.T, tk *tokenize.Tokenizer, a string, da time.Time, b string, db time.Time) *analyze.Result {
	t.Helper()
	docs, err := tk.Documents(context.Background(), []tokenize.Source{
		{ID: "a", Text: []byte(a), Date: da}, {ID: "b", Text: []byte(b), Date: db},
	})
	if err != nil {
		t.Fatal(err)
	}
	res, err := analyze.Run(context.Background(), docs, analyze.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// TestBoundedAmounts checks that an amount written as a bound ("more than
// 200", "up to 11") conflicts only with a value outside it.
func TestBoundedAmounts(t *testing.T) {
	tests := []struct {
		name, a, b string
		conflict   bool
	}{
		{"lower bound met", "The militants kidnapped more than 200 schoolgirls from the town.", "The militants kidnapped 276 schoolgirls from the town.", false},
		{"lower bound missed", "The militants kidnapped more than 200 schoolgirls from the town.", "The militants kidnapped 150 schoolgirls from the town.", true},
		{"upper bound met", "Police fired up to 11 shots at the car.", "Police fired seven shots at the car.", false},
		{"upper bound exceeded", "Police fired up to 11 shots at the car.", "Police fired 16 shots at the car.", true},
		{"nearly is below", "The militants kidnapped nearly 300 schoolgirls from the town.", "The militants kidnapped some 276 schoolgirls from the town.", false},
		{"nearly is not above", "The militants kidnapped nearly 300 schoolgirls from the town.", "The militants kidnapped 340 schoolgirls from the town.", true},
		{"plain numbers differ", "The militants kidnapped 200 schoolgirls from the town.", "The militants kidnapped 276 schoolgirls from the town.", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := runPair(t, tc.a, tc.b)
			numeric := 0
			for _, c := range res.Conflicts {
				if c.Kind == analyze.KindNumeric {
					numeric++
				}
			}
			if got := numeric > 0; got != tc.conflict {
				t.Errorf("numeric conflict = %v, want %v (conflicts %+v)", got, tc.conflict, res.Conflicts)
			}
		})
	}
}

// TestGeneralRules pins rules found by running stories the analysis had
// never seen (testdata/stories/breach and strike), each on two sources
// read by the real tokenizer.
func TestGeneralRules(t *testing.T) {
	tests := []struct {
		name, a, b string
		want       analyze.Kind // "" means no conflict
	}{
		{"a count with a thousands separator is not a year",
			"Around 1,800 drivers walked out of the depots.", "About 2,400 drivers walked out of the depots.", analyze.KindNumeric},
		{"the company is the article's organisation",
			"Brakel Foods said the recall was voluntary. Brakel Foods makes frozen meals. The company would not pay the fine, a spokesman said.",
			"Brakel Foods paid the fine on Tuesday.", analyze.KindPolarity},
		{"a surname marks a person, not the organisation",
			"Mira Holt founded a bakery. Holt said the firm would not pay the fine.",
			"Brakel Foods paid the fine on Tuesday.", ""},
		{"an irregular verb meets its base",
			"Brakel Foods did not pay the fine, the regulator said.", "Brakel Foods paid the fine on Tuesday.", analyze.KindPolarity},
		{"a negated noun phrase and its verb",
			"It stressed that no customer records were accessed by the intruders.", "Customer records were accessed in the attack, the company admitted.", analyze.KindPolarity},
		{"negated nouns without the verb",
			"No suspected cases of measles have been found in the district.", "Officials dismissed reports of suspected cases of measles.", ""},
		{"rejecting an offer does not deny it was made",
			"The union said members had rejected the council's offer of a 4% pay rise.", "The council offered a 4% pay rise to the union.", ""},
		{"an exclusivity said to end is the holder's own",
			"Stellar Sports will remain the exclusive broadcaster of the league's matches.", "The new deal ends Stellar's exclusivity, which began in 2014.", analyze.KindPolarity},
		{"a present-tense exclusivity against its end",
			"Stellar Sports is the sole broadcaster of the league's matches.", "The new deal ends Stellar's exclusivity, which began in 2014.", analyze.KindPolarity},
		{"another holder's exclusivity ending",
			"Stellar Sports is the sole broadcaster of the league's matches.", "The new deal ends Pitchline's exclusivity, which began in 2014.", ""},
		{"a count of suppliers is a plurality",
			"Cellforge remains the exclusive supplier of battery cells for Nimbus Motors.", "Nimbus Motors now sources battery cells from two suppliers, Cellforge and Hanul Energy.", analyze.KindExclusivity},
		{"staff and people count one thing",
			"The Leeds plant of Nimbus Motors employs 3,500 people in assembly.", "The Leeds plant of Nimbus Motors has 4,000 staff in assembly.", analyze.KindNumeric},
		{"an anonymous source's count is not a headcount",
			"The Leeds plant of Nimbus Motors employs 9,000 staff.", "The Leeds plant of Nimbus Motors will close, two people familiar with the matter said.", ""},
		{"counts orders of magnitude apart are different things",
			"Nimbus Motors recalled 30 cars from the Leeds plant last week.", "Nimbus Motors built 40,000 cars at the Leeds plant last week.", ""},
		{"amounts orders of magnitude apart are different things",
			"Fans of the Harwick band have donated more than $127,000 to the fund.", "One fan of the Harwick band donated $100 to the fund on Monday.", ""},
		{"amounts of one order still differ",
			"Fans of the Harwick band have donated more than $127,000 to the fund.", "Fans of the Harwick band have donated about $90,000 to the fund.", analyze.KindNumeric},
		{"a level reached is its subject's, named by a compound too",
			"The fire at the Lorne refinery sent a column of smoke 300 metres high over the town.", "The smoke column reached 500 metres, the Lorne fire service said.", analyze.KindNumeric},
		{"a margin of plus or minus",
			"The Carrow survey has a margin of error of plus or minus 2 percentage points.", "The Carrow survey's margin of error is 5 percentage points.", analyze.KindNumeric},
		{"two parties' shares, in the order named",
			"Mayor Ada Brenner leads Tom Voss 52% to 41% in the Carrow poll.", "The Carrow poll has Mayor Ada Brenner at 48% and Tom Voss at 44%.", analyze.KindNumeric},
		{"a group's shares are not the whole's",
			"Among younger voters, Tom Voss leads 50% to 38% in the Carrow poll.", "The Carrow poll has Mayor Ada Brenner at 48% and Tom Voss at 44%.", ""},
		{"two groups' shares",
			"Among younger voters, Tom Voss leads 50% to 38% in the Carrow poll.", "Among older voters, Tom Voss leads 41% to 39% in the Carrow poll.", ""},
		{"one group's shares",
			"Among younger voters, Tom Voss leads 50% to 38% in the Carrow poll.", "Tom Voss leads among younger voters, 44% to 39%, in the Carrow poll.", analyze.KindNumeric},
		{"a time after an amount is not what it counts",
			"The Carrow Fair earned $2 million in its first three days.", "The Carrow Fair earned $3 million, its organisers said.", analyze.KindNumeric},
		{"a figure the other side gives too is agreed, its other figure is another thing's",
			"The steel Carrow watch will cost $500, the report said.", "The steel Carrow watch will cost $500, while the gold model will cost $4,000.", ""},
		{"one party's figure given two values still conflicts",
			"The Carrow dam holds 40 million cubic metres, while the Dunmore dam holds 12 million cubic metres.", "The Carrow dam holds 12 million cubic metres.", analyze.KindNumeric},
		{"a figure of another thing does not hide a conflict",
			"The Carrow storm killed five people and injured seven.", "The Carrow storm killed seven people, officials said.", analyze.KindNumeric},
		{"two temperatures of one place, a tenth apart",
			"The temperature at Orla station reached 38.4C on Monday, the weather service said.", "Orla station recorded 38.2C on Monday, the weather service said.", analyze.KindNumeric},
		{"an old record is not the new reading",
			"The temperature at Orla station reached 38.4C on Monday.", "The old record of 37.9 degrees Celsius at Orla station had stood since 2003.", ""},
		{"the value a change starts from is of before",
			"About 5,000 people marched in Carrow against the plan to raise the pension age to 67, the organisers said.", "The Carrow reform would raise the pension age from 64 to 67 by 2032.", ""},
		{"a part of a whole is counted by its noun",
			"The Civic Alliance holds 23 of the council's 45 seats.", "The Civic Alliance holds 21 of 45 seats on the council.", analyze.KindNumeric},
		{"the whole is not compared with the part",
			"The Civic Alliance holds 21 of the council's 45 seats.", "The Civic Alliance holds 21 of 45 seats on the council.", ""},
		{"a rate is not a count",
			"The Kettering plant makes 1.2 million pots of yoghurt a week.", "The Kettering plant recalled 48,000 pots of yoghurt.", ""},
		{"also sold by another retailer",
			"Dalby supplies the yoghurt exclusively to Harcourt supermarkets.", "The yoghurt is also sold by Fenwick's and several independent shops.", analyze.KindExclusivity},
		{"days time events, not figures",
			"Raske pleaded guilty on Friday to defrauding investors of 14 million euros.", "Raske was sentenced on 20 May for defrauding investors of 18 million euros.", analyze.KindNumeric},
		{"periods scope figures",
			"Velto Logistics made a profit of 14 million euros in 2024.", "Velto Logistics made a profit of 18 million euros in 2025.", ""},
		{"a relative clause acts for the name it follows",
			"Halvern Health runs four hospitals in the region.", "It named the gang as BlackFen, which has hit at least 40 hospitals in the region.", ""},
		{"some of a whole is no other count",
			"Two clubs have written to the league to object to the deal.", "The money will be shared equally among the ten clubs of the league.", ""},
		{"two bare counts of one thing",
			"Two clubs of the league have written to object to the deal.", "Five clubs of the league have written to object to the deal.", analyze.KindNumeric},
		{"a stance on the story's event named by description",
			"On Monday Cellforge welcomed the arrangement in a short statement.", "Executives at Cellforge were surprised by the move and believe it breaches their contract.", analyze.KindAttitude},
		{"stances of different parties on the event",
			"On Monday Cellforge welcomed the arrangement in a short statement.", "Executives at Hanul were surprised by the move and believe it breaches their contract.", ""},
		{"a bare count near the whole gives the whole differently",
			"The study followed its 21,000 participants for a decade.", "The study tracked 12,000 adults over a decade.", analyze.KindNumeric},
		{"one transaction told from either side",
			"Portside United agreed a £32 million fee with Riverton City for Emeka Okafor.", "Emeka Okafor joined Portside United from Riverton City for a fee of £28 million.", analyze.KindNumeric},
		{"different actors, each naming only its own",
			"Portside United paid a £32 million fee for the striker.", "Riverton City paid a fee of £28 million for the striker.", ""},
		{"counts inside number-unit compounds",
			"Okafor is expected to sign a five-year contract with Portside United.", "Okafor signed a four-year contract with Portside United.", analyze.KindNumeric},
		{"an age is not a length",
			"Okafor's five-year-old son watched the match at Portside United.", "Okafor signed a four-year contract with Portside United.", ""},
		{"a reopening ends what remains closed",
			"The Elm Street bridge in Harlow remains closed to all traffic, the council said.", "The Elm Street bridge in Harlow reopened to cars, the council said.", analyze.KindPolarity},
		{"a closure agrees with what remains closed",
			"The Elm Street bridge in Harlow remains closed to all traffic, the council said.", "The council closed the Elm Street bridge in Harlow to all traffic.", ""},
		{"approved against rejected at one meeting",
			"The Harlow council approved emergency funding for the bridge at its meeting.", "The Harlow council rejected the emergency funding request for the bridge at its meeting.", analyze.KindAntonym},
		{"both X and Y against exclusively X",
			"Starfall will be available exclusively on the Vega console at launch.", "Starfall will launch on both the Vega console and PC on the same day.", analyze.KindExclusivity},
		{"both X and Y against exclusively X in another thing",
			"Starfall's soundtrack is sold exclusively on the Vega store.", "Starfall will launch on both the Vega console and PC on the same day.", ""},
		{"none reported against a count",
			"Two workers were injured in the fire at the Kettering plant.", "No injuries were reported in the fire at the Kettering plant.", analyze.KindPolarity},
		{"none reported of another thing",
			"Two workers were injured in the fire at the Kettering plant.", "No arrests were reported after the fire at the Kettering plant.", ""},
		{"to remain until a date against stepping down before it",
			"Chief executive Lin Hartmann will remain in her role at Korvel until the end of 2028.", "Chief executive Lin Hartmann will step down from Korvel in September.", analyze.KindPolarity},
		{"a denial reaches the proposition it denies",
			"Brightline Foods will cut 800 jobs at its Dunmore factory, a memo says.", "Brightline Foods has denied reports that it plans to cut jobs at its Dunmore factory.", analyze.KindPolarity},
		{"declining to confirm or deny denies nothing",
			"Brightline Foods will cut 800 jobs at its Dunmore factory, a memo says.", "Brightline Foods declined to confirm or deny that it will cut jobs at its Dunmore factory.", ""},
		{"closed until further notice against reopened",
			"The Orlen library will be closed until further notice.", "The Orlen library reopened to readers on Monday.", analyze.KindPolarity},
		{"to stay closed against a planned reopening",
			"The rail line between Tarn and Lisk will stay closed for at least a week.", "The operator said it expects to reopen the rail line by Thursday.", analyze.KindPolarity},
		{"a number after a capitalised word is part of a name",
			"Route 9 remains closed between Tarn and the coast.", "Route 9 reopened to local traffic on Monday.", analyze.KindPolarity},
		{"a reopening of another thing",
			"The rail line between Tarn and Lisk will stay closed for at least a week.", "The operator said it expects to reopen the station cafe by Thursday.", ""},
		{"a partitive none reaches its verb",
			"Two of the derailed tank cars leaked fuel near the village.", "Fire chief Lena Brandt said none of the tank cars had leaked.", analyze.KindPolarity},
		{"a partitive none of another act",
			"Two of the derailed tank cars leaked fuel near the village.", "Fire chief Lena Brandt said none of the tank cars had been inspected.", ""},
		{"one subject moving two ways",
			"Shares of Korvel rose 8% in early trading.", "Korvel shares fell 3% on the news, as investors had hoped for more.", analyze.KindAntonym},
		{"a currency strengthening and weakening",
			"The krona strengthened 0.6% against the euro after the decision.", "The krona weakened slightly after the decision.", analyze.KindAntonym},
		{"two subjects moving two ways",
			"Shares of Korvel rose 8% after the decision.", "The krona fell after the decision.", ""},
		{"a time of day is not an amount",
			"The burglars entered the museum shortly after 3 a.m., police said.", "A guard found the museum's empty frames on his 4 a.m. round, police said.", ""},
		{"a name between a count and its noun",
			"Thieves stole three paintings by Emil Varga from the Harwick museum.", "Thieves made off with four Varga paintings from the Harwick museum.", analyze.KindNumeric},
		{"a linking verb's subject is what is measured",
			"The Pell fire was 10% contained on Wednesday.", "On Wednesday the Pell fire's containment stood at 25%.", analyze.KindNumeric},
		{"a month scopes an amount, it is not what is measured",
			"Inflation stood at 5.1% in October, the statistics office said.", "Unemployment stood at 4.8% in October, the statistics office said.", ""},
		{"a movement to a level measures its subject, as does a relative pronoun's noun",
			"The governor said inflation, which stood at 5.1% in October, would ease next year.", "Inflation slowed to 4.8% in October, the statistics office said.", analyze.KindNumeric},
		{"a level reached only under a condition",
			"If Ruiz plays 60 matches, the fee would rise to £21 million.", "Kestrel City paid a fee of £18 million for Ruiz.", ""},
		{"people injured are not the people moved",
			"Around 120 people were moved out of homes near the tracks.", "A passenger train left the tracks near Lund, injuring 23 people.", ""},
		{"people killed and people who died count one thing",
			"The blast in the market killed 12 people.", "Nine people died in the blast in the market.", analyze.KindNumeric},
		{"no one injured against a crew member taken to hospital",
			"No one was injured when the train left the tracks near Ostby.", "One of the crew was taken to hospital after the train left the tracks near Ostby.", analyze.KindPolarity},
		{"unhurt speaks of its subject",
			"The two crew members walked away from the locomotive unhurt.", "One of the two crew members was taken to hospital with a broken arm.", analyze.KindPolarity},
		{"no one else hurt leaves the one hurt",
			"No one else was hurt when the train left the tracks near Ostby.", "The driver was taken to hospital after the train left the tracks near Ostby.", ""},
		{"an injury dated to a month is another event's",
			"No one was injured in the derailment at Ostby on Sunday.", "A passenger train left the tracks near Lund in March, injuring 23 people.", ""},
		{"undated, the same injury is compared (the month alone keeps it apart)",
			"No one was injured in the derailment at Ostby on Sunday.", "A passenger train left the tracks near Lund, injuring 23 people.", analyze.KindPolarity},
		{"refusing to treat the wounded denies no harm",
			"Guards were accused of refusing to treat wounded prisoners at the camp.", "Two prisoners at the camp were taken to hospital.", ""},
		{"a cause named against a cause not known",
			"A spokeswoman for the operator said a broken rail was the likely cause of the derailment.", "The accident board said it was too early to say what caused the derailment.", analyze.KindPolarity},
		{"a fire started by something against its cause under investigation",
			"Investigators believe the blaze near Pell was started by a power line.", "Officials said the cause of the blaze near Pell is still under investigation.", analyze.KindPolarity},
		{"not knowing takes back the cause it names",
			"Whether the blaze near Pell was started by a power line is unclear, officials said.", "Officials said the cause of the blaze near Pell is still under investigation.", ""},
		{"valued at and worth measure one value",
			"The stolen works were valued at about 2 million euros, police said.", "The stolen works were worth well over 5 million euros, the director said.", analyze.KindNumeric},
		{"a figure set in a year the other source never names",
			"In 2015, thieves took a sketch worth 30,000 euros from a gallery in Stenby.", "The stolen works were worth about 2 million euros.", ""},
		{"nearly is within a tenth, and burned is scorched",
			"The fire had burned about 12,000 acres by Wednesday morning.", "The fire had scorched nearly 15,000 acres by Wednesday morning.", analyze.KindNumeric},
		{"a speed is the mover's",
			"The train was travelling at 40 km/h when it left the tracks.", "The train was doing about 75 km/h when it left the tracks.", analyze.KindNumeric},
		{"second-busiest against the busiest",
			"Lindholm is the country's second-busiest airport.", "The airport is the busiest in the country, handling 18 million passengers a year.", analyze.KindNumeric},
		{"the fourth in a row against the third consecutive",
			"The bank raised its key rate on Thursday, its fourth increase in a row.", "The bank raised its key rate on Thursday, the third consecutive increase.", analyze.KindNumeric},
		{"ranks of different things",
			"The wels catfish is the second-largest freshwater fish in the region.", "The largest beluga sturgeon in the region weighed 3,463 pounds.", ""},
		{"one of the richest is no rank",
			"Tiger Woods is one of the richest athletes on the planet.", "Tiger Woods is the world's sixth-richest athlete.", ""},
		{"will also close against would stay open",
			"Brightline will also close its research centre in Kells.", "The spokeswoman said the research centre in Kells would stay open.", analyze.KindPolarity},
		{"close to a deal is no closure",
			"Brightline is close to a deal for its research centre in Kells.", "The research centre in Kells will stay open, Brightline said.", ""},
		{"unanimous against two voting against",
			"Kestrel's board unanimously approved the transaction on Monday.", "Two Kestrel directors voted against the transaction at a board meeting last week.", analyze.KindPolarity},
		{"a unanimous decision against members voting to keep rates",
			"The decision was unanimous, the bank said in a statement.", "Two of the seven board members voted to keep rates unchanged, according to the minutes.", analyze.KindPolarity},
		{"not unanimous agrees with a dissent",
			"The decision was not unanimous, the bank said in a statement.", "Two of the seven board members voted to keep rates unchanged, according to the minutes.", ""},
		{"votes of two bodies",
			"The board of Kestrel Networks unanimously approved the transaction on Monday.", "Two directors of Orbis Telecom voted against the pay plan at a board meeting last week.", ""},
		{"one planned thing in two months",
			"Halvern said the drug would reach pharmacies in March.", "Halvern said the drug would be available in pharmacies from April.", analyze.KindNumeric},
		{"figures of two months are no plan",
			"Halvern said sales of the drug in pharmacies rose in March.", "Halvern said sales of the drug in pharmacies fell in April.", ""},
		{"no jobs would be cut against a count of job losses",
			"Whitlock said no jobs would be cut as a result of the merger.", "Analysts said the merger would lead to about 1,200 job losses over three years.", analyze.KindPolarity},
		{"no jobs cut against a count of something else",
			"Whitlock said no jobs would be cut as a result of the merger.", "Analysts said the merger would lead to about 1,200 store closures over three years.", ""},
		{"no illnesses against people in hospital",
			"No illnesses have been reported after the recall of Dalby yoghurt.", "Two people were admitted to hospital after eating Dalby yoghurt.", analyze.KindPolarity},
		{"remains sidelined against a recovery",
			"Riverton City striker Emeka Okafor remains sidelined with a hamstring injury.", "Okafor returned to full training after recovering from a hamstring problem.", analyze.KindPolarity},
		{"people and developers who contributed to one game",
			"More than 300 people contributed to the game over five years.", "About 250 developers contributed to the game, according to the studio.", analyze.KindNumeric},
		{"people and firefighters under different acts",
			"More than 300 people were evacuated from the valley.", "About 250 firefighters battled the blaze in the valley.", ""},
		{"a restored service ends a state that remains",
			"The council's payment system remains offline after the attack.", "The council's payment system was restored on Friday.", analyze.KindPolarity},
		{"a denial of serious harm against serious injuries",
			"Nobody was seriously injured when the ferry Arla ran aground, the coastguard said.", "Two passengers of the ferry Arla were admitted to hospital with serious injuries.", analyze.KindPolarity},
		{"a denial of serious harm allows lesser harm",
			"Nobody was seriously injured when the ferry Arla ran aground, the coastguard said.", "Four passengers of the ferry Arla were treated for mild injuries.", ""},
		{"one party resigned against dismissed",
			"Lumex's chief executive, Ana Varga, resigned on Monday after a dispute with the board.", "Lumex confirmed that Ana Varga had been dismissed by the board.", analyze.KindAntonym},
		{"a party dismissing reports is no dismissal of that party",
			"Lumex resigned from the trade body on Monday.", "Lumex dismissed reports about its finances.", ""},
		{"one party's opposite acts on different things",
			"Eli Rosen joined the volunteer brigade this month.", "Eli Rosen left the country to fight, his family said.", ""},
		{"homes and customers of one outage count one thing",
			"About 80,000 homes in Corrin lost power on Monday, Eastmark Energy said.", "The regulator said 112,000 customers in Corrin lost power on Monday.", analyze.KindNumeric},
		{"restored to all against still without",
			"Power had been restored to all customers in Corrin by 10 p.m., Eastmark said.", "Thousands of households in Corrin were still without power the next morning, residents said.", analyze.KindPolarity},
		{"restored to most allows some still without",
			"Power had been restored to most customers in Corrin by 10 p.m., Eastmark said.", "Thousands of households in Corrin were still without power the next morning, residents said.", ""},
		{"went ahead against cancelled",
			"Saturday's headline concert by Northern Lights went ahead as planned despite strong winds.", "Organisers cancelled Saturday's headline concert by Northern Lights because of high winds.", analyze.KindPolarity},
		{"visitors and attendance count one thing",
			"The Harbourfront Festival attracted a record 65,000 visitors over the weekend, organisers said.", "Attendance fell to about 48,000, down from 60,000 last year, according to the transport authority.", analyze.KindNumeric},
		{"a tariff and a levy of one measure",
			"The government will impose a 15% tariff on imported steel.", "The 12% levy on imported steel will take effect in June.", analyze.KindNumeric},
		{"a death toll counts the killed",
			"Fourteen people were killed in the Dravo earthquake, the ministry said.", "The Dravo earthquake's death toll stood at 22, the ministry said.", analyze.KindNumeric},
		{"a named thing kept open against closing it",
			"The Dravo bridge, the only road link to the coast, was undamaged and remained open, police said.", "Authorities closed the Dravo bridge on Sunday afternoon after engineers found cracks.", analyze.KindPolarity},
		{"kept open against closing another thing",
			"The Dravo bridge remained open, police said.", "Authorities closed the Dravo tunnel on Sunday afternoon.", ""},
		{"a scale word before its figure",
			"A magnitude 6.1 earthquake struck near the town of Dravo, the institute said.", "The institute revised the Dravo quake's magnitude to 5.8.", analyze.KindNumeric},
		{"no risk of a thing against the thing recorded",
			"The Dravo institute said there was no risk of a tsunami after the quake.", "A small tsunami wave of about 30 centimetres was recorded in the Dravo harbour after the quake.", analyze.KindPolarity},
		{"no sign of people against their abductions",
			"Weeks passed with no sign of the kidnapped girls of Chibok.", "Other abductions of women and girls have occurred near Chibok since.", ""},
		{"a stance on one party: praised against criticised",
			"Mayor Ada Brenner praised Kestrel Water for its quick response.", "Mayor Ada Brenner criticised Kestrel Water for failing to warn residents and said the city would review its contract.", analyze.KindAttitude},
		{"a stance on one thing: supported against opposes",
			"Union leader Ola Dahl said the union supported the fee increase.", "The union, led by Ola Dahl, opposes the fee increase.", analyze.KindAttitude},
		{"stances on different things",
			"Union leader Ola Dahl said the union supported the fee increase.", "The union, led by Ola Dahl, opposes the rent strike.", ""},
		{"a party named by a common noun approving and objecting",
			"The teachers' union accepted the findings of the pay review.", "The teachers' union disputed the findings of the pay review.", analyze.KindAttitude},
		{"two parties named by common nouns",
			"The teachers' union accepted the findings of the pay review.", "The city council disputed the findings of the pay review.", ""},
		{"where a fire began named against not determined",
			"The blaze at the Dunmore depot started in a storage shed behind the garage, the fire chief said.", "Investigators have not determined where the blaze at the Dunmore depot began, a spokesman said.", analyze.KindPolarity},
		{"a year a thing started in is no origin",
			"The strike at the Dunmore depot started in 2019, the union said.", "It is unclear when the strike at the Dunmore depot will end.", ""},
		{"a refusal to act is no stance against the praised party",
			"Mayor Ada Brenner praised Kestrel Water for its quick response.", "Mayor Ada Brenner refused to criticise Kestrel Water.", ""},
		{"superlatives picking out two named members",
			"Rents were highest at Dunmore Quay, where the average was 1,900 pounds a month.", "Rents were lowest at Castle Heights, at 850 pounds a month.", ""},
		{"one member's figure is not the whole's",
			"The average rent across Brackley rose to 1,400 pounds a month.", "Rents were highest at Dunmore Quay, where the average rent was 1,900 pounds a month.", ""},
		{"opposite words about two things in sentences alike",
			"The Dunmore council praised the young volunteers at the flood centre on Monday.", "The Dunmore council thanked an old friend of the mayor at the flood centre on Monday.", ""},
		{"opposite places in time are two times",
			"The Dunmore council will publish the audit in the coming weeks.", "The Dunmore council has discussed the audit in recent weeks.", ""},
		{"a negation reaches only its own clause",
			"The shift was largely calm, staff said, though operators vented steam near the turbine hall after a small valve failed.", "The shift passed off without incident, and staff did not vent steam at any point, a plant spokeswoman said.", analyze.KindPolarity},
		{"declining to comment agrees with not commenting",
			"Carrow Police have not commented on the report about the bridge.", "Carrow Police declined to comment on the report about the bridge.", ""},
		{"not seen since tells when last seen",
			"Ada Brenner has not been seen in public since a rally in Carrow on May 3.", "Ada Brenner was last seen in public at a rally in Carrow on May 3.", ""},
		{"not the first time affirms an earlier time",
			"This is not the first time Dunmore officials have closed the Carrow bridge.", "Dunmore officials also closed the Carrow bridge after a storm last winter.", ""},
		{"cannot deny affirms",
			"Dunmore officials cannot deny that the Carrow bridge is unsafe for lorries.", "The Carrow bridge is unsafe for lorries, Dunmore officials said.", ""},
		{"neither confirmed nor denied denies nothing",
			"The Dunmore council neither confirmed nor denied that the Carrow bridge would close.", "The Carrow bridge will close on Monday, the Dunmore council said.", ""},
		{"one party's not knowing is no denial",
			"Carrow Police could not confirm the name of the second driver.", "St Brendan's Hospital confirmed the name of the second driver on Monday.", ""},
		{"the same party not confirming what it confirmed",
			"The Dunmore police did not confirm the arrest of the second driver.", "The Dunmore police confirmed the arrest of the second driver.", analyze.KindPolarity},
		{"two tallies of one vote",
			"The Brackley planning board voted 5-2 on Monday to approve the depot.", "The depot plan passed 6-1.", analyze.KindNumeric},
		{"one tally written both ways",
			"Harwick Rovers beat Castleton 3-1 on Saturday.", "Castleton lost 1-3 to Harwick Rovers on Saturday.", ""},
		{"two scores of one match",
			"Harwick Rovers beat Castleton 3-1 on Saturday.", "Harwick Rovers won 2-1 against Castleton on Saturday.", analyze.KindNumeric},
		{"a range of days is no tally",
			"The Brackley vote will take 2-3 days.", "The Brackley vote will take 4-5 days.", ""},
		{"a unanimous vote against a split tally",
			"The Brackley planning board unanimously approved the depot on Monday.", "The Brackley planning board approved the depot 5-2 on Monday.", analyze.KindPolarity},
		{"tallies of two boards",
			"The Brackley planning board voted 5-2 to approve the depot.", "The Dunmore planning board voted 6-1 to approve its own depot.", ""},
		{"one member's figure against the same member's",
			"Rents were highest at Dunmore Quay, where the average rent was 1,900 pounds a month.", "The average rent at Dunmore Quay was 1,600 pounds a month.", analyze.KindNumeric},
		{"a place in the order things happened",
			"Harlow Bank is the third lender to collapse this year.", "Harlow Bank was the fifth lender to collapse this year.", analyze.KindNumeric},
		{"an amount of matter measures the event it escaped or leaked in",
			"Inspectors said 900 barrels had escaped from the storage tank.", "Some 2,500 barrels of diesel leaked from the storage tank.", analyze.KindNumeric},
		{"one event's time in minutes and in hours",
			"The valve was closed within 30 minutes of the alarm, the operator said.", "It took crews more than three hours to shut the valve.", analyze.KindNumeric},
		{"one event timed in sentences sharing no word",
			"Norvik said the pipeline was shut down within 40 minutes of the first warning.", "Logs show staff took more than four hours to close the valves after the alarm.", analyze.KindNumeric},
		{"a time later and a time taken, for one verb",
			"The ferry was freed about two hours later.", "It took tugs nearly six hours to free the ferry.", analyze.KindNumeric},
		{"a ban and a suspension for one party",
			"The cycling union banned rider Tom Reyes for three years.", "The cycling union's one-year suspension of rider Tom Reyes was upheld.", analyze.KindNumeric},
		{"a time ago is when, not how long",
			"Kovac joined the club six years ago.", "Kovac joined the club for three months.", ""},
		{"one verb, different counted nouns",
			"Rosen served two years in prison.", "Rosen served four years in the army.", ""},
		{"some of the group against the group",
			"Crews brought out the last of 17 miners trapped in the Orla pit.", "Three of the rescued miners from the Orla pit remain in intensive care.", ""},
		{"a number after at is an age, not a count of titles",
			"Vela won her first national sprint title at 19.", "Vela has won four national sprint titles.", ""},
		{"a linking verb before at measures its subject",
			"The death toll stood at 22 on Monday, officials said.", "The death toll was 14, officials said.", analyze.KindNumeric},
		{"a thing said stopped against work to end it",
			"The gas leak at the plant has been stopped, the operator said.", "Engineers were still working to seal the gas leak at the plant.", analyze.KindPolarity},
		{"a thing said not happening against a boom to contain it",
			"The tanker was not leaking oil, the port authority said.", "Tugs deployed a boom to contain the leak around the tanker.", analyze.KindPolarity},
		{"a stop not yet made is no end",
			"The gas leak at the plant has not been stopped, the operator said.", "Engineers were still working to seal the gas leak at the plant.", ""},
		{"all survived against one who died",
			"All of the climbers survived the avalanche on Mount Orla, the guides said.", "One of the climbers caught in the avalanche on Mount Orla died in hospital.", analyze.KindPolarity},
		{"a bare denial of deaths against a death told in other words",
			"No deaths have been reported, a spokesman for the Orla rescue service said.", "A climber died after being hit by falling ice on Tuesday, police said.", analyze.KindPolarity},
		{"a modifier between no and deaths",
			"No flood-related deaths have been reported.", "A woman in her 80s died of a fall while clearing mud, police said.", analyze.KindPolarity},
		{"every one stopped, actively, against a few going on",
			"The Carrow ferry company cancelled every crossing on Friday because of the gale.", "A small number of crossings left the Carrow ferry terminal on Friday once the wind eased.", analyze.KindPolarity},
		{"a denial of deaths elsewhere against a death",
			"No deaths have been reported in the villages below Mount Orla.", "A climber died after being hit by falling ice on Tuesday, police said.", ""},
		{"no one killed allows injuries, as injuries allow no deaths",
			"No one was killed in the avalanche on Mount Orla.", "Two climbers were injured in the avalanche on Mount Orla.", ""},
		{"unnamed things said to stay open against closed",
			"Schools across the eastern district remain open, the council said.", "The council closed nine schools in the eastern district on Monday.", analyze.KindPolarity},
		{"unnamed things closed elsewhere",
			"Schools across the eastern district remain open, the council said.", "The council closed nine libraries in the western suburbs on Monday.", ""},
		{"opposite verbs on one object in long statements",
			"Under the ruling she loses the national indoor title she won in Bergen last winter, the federation said on Friday.", "Vela keeps her national indoor title from Bergen, because the race was held before the test, the panel said.", analyze.KindAntonym},
		{"opposite verbs on one object from two named sides",
			"Alder Holdings sold the old Bergen paper mill to a developer last week, people familiar with the matter said.", "Brix Group bought the old Bergen paper mill on Friday after a long auction, the company said.", ""},
		{"one party's thing described with opposite words",
			"The mayor praised Kestrel Water's quick response and said supplies were safe.", "Residents said Kestrel Water's response had been slow and confused.", analyze.KindAntonym},
		{"two parties' things described with opposite words",
			"The mayor praised Kestrel Water's quick response and said supplies were safe.", "Residents said Orla Gas's response had been slow and confused.", ""},
		{"two causes named against each other",
			"The gas leak at the Orla plant was caused by a faulty valve, the operator said.", "Inspectors said the cause was human error at the Orla plant gas leak.", analyze.KindPolarity},
		{"one cause among two named is no other cause",
			"The derailment near Ostby was caused by a broken rail.", "The derailment near Ostby was caused by heavy rain and a broken rail.", ""},
		{"one cause in other words",
			"The boom over Managua was caused by the impact of a small meteorite.", "The boom over Managua was caused by a small meteorite, scientists said.", ""},
		{"a thing denied as a noun against it done",
			"The organisers said the march had been peaceful, with no arrests.", "Police said nine people were arrested after the march.", analyze.KindPolarity},
		{"a thing not yet done is not done",
			"No charges have been filed against the driver.", "The driver will be charged next week, police said.", ""},
		{"one holder of a role, interim against permanent",
			"Finance chief Ola Berg will serve as interim chief executive while the board looks for a permanent successor.", "The board named finance chief Ola Berg as its permanent chief executive.", analyze.KindAntonym},
		{"all of a kind stopped against some of it running",
			"All trains between Orla and Vik were cancelled on Monday because of the strike.", "Some trains between Orla and Vik ran on Monday despite the strike.", analyze.KindPolarity},
		{"all of one kind stopped, some of another running",
			"All ferries between Orla and Vik were cancelled on Monday because of the strike.", "Some trains between Orla and Vik ran on Monday despite the strike.", ""},
		{"an event said held against it put off",
			"The plant said the boiler had passed a safety inspection in March.", "Workers said a March inspection of the boiler had been postponed.", analyze.KindPolarity},
		{"an event held and another put off",
			"The plant said the boiler had passed a safety inspection in March.", "Workers said the March audit of the boiler had been postponed.", ""},
		{"all of a thing against only a kind of it",
			"All deposits of Harlow Bank have been transferred to Vell Bank, the regulator said.", "Vell Bank agreed to take over only the insured deposits of Harlow Bank.", analyze.KindExclusivity},
		{"all of one thing, only a kind of another",
			"All branches of Harlow Bank will reopen under Vell Bank, the regulator said.", "Vell Bank agreed to take over only the insured deposits of Harlow Bank.", ""},
		{"kept in custody against released",
			"Former banker Mira Holt was charged with fraud. Holt remains in custody in Ghent ahead of her trial.", "Holt was released on bail of 200,000 euros on Tuesday, Mira Holt's lawyer said.", analyze.KindPolarity},
		{"another party released",
			"Former banker Mira Holt was charged with fraud. Holt remains in custody in Ghent ahead of her trial.", "Her co-accused Ivo Tamm was released on bail of 200,000 euros on Tuesday, his lawyer said.", ""},
		{"an ordinal is no opposite of a count",
			"Vela won her first national title in the sprint.", "Vela has won four national titles in the sprint.", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := runPair(t, tc.a, tc.b)
			var got analyze.Kind
			for _, c := range res.Conflicts {
				if c.Kind != analyze.KindSelf {
					got = c.Kind
				}
			}
			if got != tc.want {
				t.Errorf("conflict kind = %q, want %q (conflicts %+v)", got, tc.want, res.Conflicts)
			}
		})
	}
}

// TestAsserters checks who a conflict's hedged side is credited to.
func TestAsserters(t *testing.T) {
	tests := []struct{ name, a, b, want string }{
		{"an anonymous source", "Brakel Foods paid the fine in May, two people familiar with the matter told the Courier.", "Brakel Foods did not pay the fine.", "two people familiar with the matter"},
		{"a described speaker after a possessive subject", "Marlow's bus strike ended on 5 March, the drivers' union said.", "Marlow's bus strike continues after 5 March.", "the drivers' union"},
		{"a spokesman for a named party", "Brakel Foods paid the fine in May, a spokesman for Ostmark Bank said.", "Brakel Foods did not pay the fine.", "Ostmark Bank"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := runPair(t, tc.a, tc.b)
			var got []string
			for _, c := range res.Conflicts {
				for _, e := range []analyze.Evidence{c.A, c.B} {
					if e.Source == "a" {
						got = append(got, e.Asserter)
					}
				}
			}
			if len(got) == 0 || got[0] != tc.want {
				t.Errorf("asserters of a = %q, want %q (conflicts %+v)", got, tc.want, res.Conflicts)
			}
		})
	}
}

// TestEventDates checks the date detector on dated sources: the same event
// on two days conflicts; a later source that says the date moved
// supersedes the earlier one; days of statements and of different events
// are not compared.
func TestEventDates(t *testing.T) {
	tk, err := tokenize.New(tokenize.Options{})
	if err != nil {
		t.Fatal(err)
	}
	early := time.Date(2027, 1, 10, 0, 0, 0, 0, time.UTC)
	late := time.Date(2027, 2, 2, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name, a, b string
		want       analyze.Kind
	}{
		{"two days for one release", "Pulsar Games will release Starfall on 14 March, the studio announced on Monday.", "Pulsar Games will release Starfall on 28 April, the studio said on Tuesday.", analyze.KindNumeric},
		{"a later source moves the date", "Pulsar Games will release Starfall on 14 March, the studio announced on Monday.", "Pulsar Games has pushed back the release of Starfall to 28 April, the studio said on Tuesday.", analyze.KindTemporal},
		{"days of different events", "Pulsar Games will release Starfall on 14 March.", "Pulsar Games opened its new studio for Starfall on 28 April.", ""},
		{"days of statements", "Pulsar Games said on Monday that Starfall is finished.", "Pulsar Games said on Tuesday that Starfall is finished.", ""},
		{"harm reported after a denial supersedes it", "No illnesses have been reported after the recall of Dalby yoghurt.", "Two people were admitted to hospital after eating Dalby yoghurt.", analyze.KindTemporal},
		{"a later, higher toll updates the count", "At least 14 people were killed in the Dravo earthquake.", "The death toll from the Dravo earthquake rose to 22, the ministry said.", analyze.KindTemporal},
		{"a later, lower count contradicts", "30 people were killed in the Dravo earthquake.", "22 people were killed in the Dravo earthquake, the ministry said.", analyze.KindNumeric},
		{"a toll of another year", "The last major earthquake in the region, in 1998, killed 41 people.", "The death toll from the Dravo earthquake rose to 22 on Monday.", ""},
		{"the zoo is the article's organisation, as the museum is",
			"A leopard escaped at Carlow Zoo. The zoo will reopen on 12 January.", "The zoo reopened on 11 January, Carlow Zoo said.", analyze.KindNumeric},
		{"market moves of two days", "Korvel's shares rose 7% in after-hours trading.", "Korvel's shares fell 5% in early trading on Wednesday.", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := runDated(t, tk, tc.a, early, tc.b, late)
			var got analyze.Kind
			for _, c := range res.Conflicts {
				got = c.Kind
			}
			if got != tc.want {
				t.Errorf("conflict kind = %q, want %q (conflicts %+v)", got, tc.want, res.Conflicts)
			}
		})
	}
}

// TestEarlyEnd pins detectEarlyEnd: a state said to last until at least a
// day, against its end before then; a later source's earlier end
// supersedes the limit.
func TestEarlyEnd(t *testing.T) {
	tk, err := tokenize.New(tokenize.Options{NoTags: true})
	if err != nil {
		t.Fatal(err)
	}
	sunday := time.Date(2026, 5, 10, 0, 0, 0, 0, time.UTC)
	monday := sunday.AddDate(0, 0, 1)
	tests := []struct {
		name, a, b string
		dateB      time.Time
		want       analyze.Kind
	}{
		{"reopening before the limit, reported later", "Vestlin has suspended the Skarvik ferry route until at least Wednesday.", "The Skarvik ferry route will reopen on Tuesday, Vestlin said.", monday, analyze.KindTemporal},
		{"reopening after the limit", "Vestlin has suspended the Skarvik ferry route until at least Wednesday.", "The Skarvik ferry route will reopen on Thursday, Vestlin said.", monday, ""},
		{"lifted within the stated time, reported the same day", "The boil-water notice for Fenwick will remain in place for at least a week, Northvale said.", "Northvale lifted the boil-water notice for Fenwick on Sunday.", sunday, analyze.KindPolarity},
		{"another thing reopens", "Vestlin has suspended the Skarvik ferry route until at least Wednesday.", "The Skarvik harbour cafe will reopen on Tuesday.", monday, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := runDated(t, tk, tc.a, sunday, tc.b, tc.dateB)
			var got analyze.Kind
			if len(res.Conflicts) > 0 {
				got = res.Conflicts[0].Kind
			}
			if got != tc.want {
				t.Errorf("kind = %q, want %q (conflicts %+v)", got, tc.want, res.Conflicts)
			}
		})
	}
}

// TestDeathDenialTagged runs a denial of deaths with a modifier through the
// tagger, as the CLI does for a small story: "No flood-related deaths" is a
// denial of every death there too.
func TestDeathDenialTagged(t *testing.T) {
	tk, err := tokenize.New(tokenize.Options{})
	if err != nil {
		t.Fatal(err)
	}
	res := runDated(t, tk, "No flood-related deaths have been reported.", time.Time{}, "A woman in her 80s died of a fall while clearing mud, police said.", time.Time{})
	if len(res.Conflicts) != 1 || res.Conflicts[0].Kind != analyze.KindPolarity {
		t.Errorf("conflicts %+v, want one polarity conflict", res.Conflicts)
	}
}
