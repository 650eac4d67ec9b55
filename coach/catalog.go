package coach

// MessageInfo describes one coach message: its id, the guide section it
// links to, and when it is given, in words.
type MessageInfo struct {
	ID      string
	Section string
	Trigger string
}

// MessageCatalog lists every coach message, in the order Messages gives
// them. A message's section comes from here, so the table, the tests and
// the guide (each section must discuss its messages' topic) agree.
var MessageCatalog = []MessageInfo{
	{"welcome", SectionOverview, "no training day yet"},
	{"soreness-warning", SectionAbout, "soreness 7 of 7 on the latest morning check of the last 3 days, or soreness rising on each of the latest three morning checks of the last week"},
	{"soreness-persistent", SectionAbout, "soreness 6 or more on each of the latest three morning checks of the last week"},
	{"load-spike", SectionNumbers, "the load ratio has a zone (Load.HasZone) and is above 1.5"},
	{"load-build-up", SectionNumbers, "the load ratio is above 1.3 but has no zone: too little steady load in the three weeks before this one (a return after a break, a beginner)"},
	{"hooper-high", SectionNumbers, "Hooper index 20 or more on the latest morning check of the last 3 days"},
	{"soreness-high", SectionTwoSides, "soreness 6 of 7 on the latest morning check, not already persistent"},
	{"hard-session", SectionMicroTears, "strength or intervals at RPE 7 or more on the latest training day, today or yesterday"},
	{"load-rising", SectionNumbers, "the load ratio has a zone and is above 1.3"},
	{"sleep-after-hard-day", SectionSleep, "today is a hard day (sleep advice raised above the target) and the load is not rising"},
	{"short-sleep", SectionSleep, "under the sleep target on 2 or more of the latest three morning checks of the last week"},
	{"today-blood-flow", SectionBloodFlow, "today is a training day without a blood-flow item"},
	{"today-diet", SectionDiet, "today is a training day with fewer food groups than the setting"},
	{"today-pending", SectionSleep, "today is a training day that is pending: only sleep not yet reported"},
	{"new-longest", SectionTogether, "the current streak, 3 or more, is longer than every earlier run"},
	{"comeback", SectionTogether, "10 or more days since the last training day"},
	{"diet-most-missed", SectionDiet, "diet is the pillar missed most in the last 4 weeks, on 2 or more training days"},
	{"blood-flow-most-missed", SectionBloodFlow, "blood flow is the pillar missed most in the last 4 weeks, on 2 or more training days"},
	{"sleep-most-missed", SectionSleep, "sleep is the pillar missed most in the last 4 weeks, on 2 or more training days"},
	{"steady", SectionTogether, "no other message applies (Advise only)"},
}

// messageSection returns the section of the message with id; the catalog
// holds every id the rules use, so an unknown id is a programming error.
func messageSection(id string) string {
	for _, m := range MessageCatalog {
		if m.ID == id {
			return m.Section
		}
	}
	panic("coach: message " + id + " is not in MessageCatalog")
}
