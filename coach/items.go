package coach

// Pillar is one of the three pillars of recovery.
type Pillar int

// The pillars, in checklist order.
const (
	PillarSleep Pillar = iota
	PillarBloodFlow
	PillarDiet
)

// Pillars lists the pillars in checklist order.
var Pillars = []Pillar{PillarSleep, PillarBloodFlow, PillarDiet}

// String returns the pillar's name as a person reads it.
func (p Pillar) String() string {
	switch p {
	case PillarSleep:
		return "sleep"
	case PillarBloodFlow:
		return "blood flow"
	case PillarDiet:
		return "diet"
	}
	return "unknown"
}

// Section returns the id of the guide section that explains the pillar.
func (p Pillar) Section() string {
	switch p {
	case PillarSleep:
		return SectionSleep
	case PillarBloodFlow:
		return SectionBloodFlow
	case PillarDiet:
		return SectionDiet
	}
	return SectionOverview
}

// Item is the id of a checklist item, as written in files.
type Item string

// ItemInfo describes a checklist item.
type ItemInfo struct {
	ID      Item
	Pillar  Pillar
	Label   string
	Hint    string // a few words: examples or what it contains, never a treatment claim
	Section string // id of the guide section that explains it
}

// The checklist items of the blood-flow and diet pillars.
const (
	Massage       Item = "massage"
	Stretching    Item = "stretching"
	FoamRolling   Item = "foam-rolling"
	MobilityTools Item = "mobility-tools"
	FattyFish     Item = "fatty-fish"
	Berries       Item = "berries"
	LeafyGreens   Item = "leafy-greens"
	NutsSeeds     Item = "nuts-seeds"
	Turmeric      Item = "turmeric"
	OliveOil      Item = "olive-oil"
	WholeGrains   Item = "whole-grains"
	Cruciferous   Item = "cruciferous"
	Ginger        Item = "ginger"
)

// Guide section ids the domain refers to. content must define each of them
// (a content test checks it).
const (
	SectionOverview   = "overview"
	SectionMicroTears = "micro-tears"
	SectionImmune     = "immune-response"
	SectionOxidative  = "oxidative-stress"
	SectionHormones   = "hormones"
	SectionAcute      = "acute-vs-chronic"
	SectionTwoSides   = "two-sides"
	SectionSleep      = "sleep"
	SectionBloodFlow  = "blood-flow"
	SectionDiet       = "diet"
	SectionTogether   = "putting-it-together"
	SectionAbout      = "about" // also the clinician advice
	SectionBlunting   = "blunting-adaptation"
	SectionNumbers    = "reading-your-numbers" // cooldown's own figures
)

// SectionIDs lists every guide section id the domain refers to.
var SectionIDs = []string{
	SectionOverview, SectionMicroTears, SectionImmune, SectionOxidative,
	SectionHormones, SectionAcute, SectionTwoSides, SectionSleep,
	SectionBloodFlow, SectionDiet, SectionBlunting, SectionNumbers,
	SectionTogether, SectionAbout,
}

// Items lists every checklist item in checklist order.
var Items = []ItemInfo{
	{Massage, PillarBloodFlow, "Massage", "hands-on work on the muscles you trained", SectionBloodFlow},
	{Stretching, PillarBloodFlow, "Stretching", "slow, easy holds for the worked areas", SectionBloodFlow},
	{FoamRolling, PillarBloodFlow, "Foam rolling", "roll the worked muscles for a few minutes", SectionBloodFlow},
	{MobilityTools, PillarBloodFlow, "Mobility tools", "massage ball, band or stick", SectionBloodFlow},
	{FattyFish, PillarDiet, "Fatty fish", "salmon, mackerel, sardines: omega-3 fats", SectionDiet},
	{Berries, PillarDiet, "Berries", "blueberries, strawberries, raspberries", SectionDiet},
	{LeafyGreens, PillarDiet, "Leafy greens", "spinach, kale, Swiss chard", SectionDiet},
	{NutsSeeds, PillarDiet, "Nuts and seeds", "walnuts, flaxseeds, chia seeds", SectionDiet},
	{Turmeric, PillarDiet, "Turmeric", "a spice for cooking; it contains curcumin", SectionDiet},
	{OliveOil, PillarDiet, "Extra virgin olive oil", "monounsaturated fats, polyphenols", SectionDiet},
	{WholeGrains, PillarDiet, "Whole grains", "quinoa, brown rice, whole wheat", SectionDiet},
	{Cruciferous, PillarDiet, "Cruciferous vegetables", "broccoli, cauliflower, Brussels sprouts", SectionDiet},
	{Ginger, PillarDiet, "Ginger", "fresh, grated or in tea", SectionDiet},
}

// LookupItem returns the description of the item with the given id.
func LookupItem(id Item) (ItemInfo, bool) {
	for _, it := range Items {
		if it.ID == id {
			return it, true
		}
	}
	return ItemInfo{}, false
}

// itemPillar returns the pillar of a checklist item without a table walk:
// the day status is computed for every day of a history, so this is hot.
// The length and first byte of the ids tell them apart; one comparison
// then confirms the id.
func itemPillar(id Item) (Pillar, bool) {
	if len(id) < 6 || len(id) > 14 {
		return 0, false
	}
	var want Item
	p := PillarDiet
	switch uint(len(id))<<8 | uint(id[0]) {
	case 7<<8 | 'm':
		want, p = Massage, PillarBloodFlow
	case 10<<8 | 's':
		want, p = Stretching, PillarBloodFlow
	case 12<<8 | 'f':
		want, p = FoamRolling, PillarBloodFlow
	case 14<<8 | 'm':
		want, p = MobilityTools, PillarBloodFlow
	case 10<<8 | 'f':
		want = FattyFish
	case 7<<8 | 'b':
		want = Berries
	case 12<<8 | 'l':
		want = LeafyGreens
	case 10<<8 | 'n':
		want = NutsSeeds
	case 8<<8 | 't':
		want = Turmeric
	case 9<<8 | 'o':
		want = OliveOil
	case 12<<8 | 'w':
		want = WholeGrains
	case 11<<8 | 'c':
		want = Cruciferous
	case 6<<8 | 'g':
		want = Ginger
	default:
		return 0, false
	}
	return p, id == want
}

// ItemsOf returns the items of one pillar in checklist order.
func ItemsOf(p Pillar) []ItemInfo {
	var out []ItemInfo
	for _, it := range Items {
		if it.Pillar == p {
			out = append(out, it)
		}
	}
	return out
}
