package content

import (
	"strings"
	"testing"
)

// TestFactsCovered lists, for every bullet of guide-facts.md, key terms
// that must appear in the section that covers it (case-insensitive; runs
// of white space count as one space, as in Search).
func TestFactsCovered(t *testing.T) {
	tests := []struct {
		fact    string
		section string
		terms   []string
	}{
		// 1. Overview.
		{"defence and healing response", "overview", []string{"answer to harm", "immune cells", "repairs"}},
		{"short controlled response is part of recovery", "overview", []string{"well-controlled", "part of recovery", "switches off"}},
		{"problem when out of proportion or never ending", "overview", []string{"far too big", "chronic inflammation", "sitting still", "body fat", "smoking", "poor sleep", "not one of them"}},
		{"exercise anti-inflammatory over time via IL-6", "overview", []string{"regular exercise lowers", "IL-6", "turn inflammation down"}},
		{"soreness is not a scoreboard", "overview", []string{"soreness is not a score", "not a better session", "does not follow how sore"}},
		{"what the guide covers", "overview", []string{"four main causes", "helps you", "harms you", "sleep", "blood", "eating", "blunt", "numbers", "clinician"}},
		// 2.1 Micro-tears.
		{"unaccustomed lengthening work makes tiny tears", "micro-tears", []string{"muscle fibres", "tears", "not used to", "lowering a heavy weight", "running downhill", "eccentric"}},
		{"repeated-bout effect", "micro-tears", []string{"repeated-bout effect", "far less damage"}},
		{"growth follows protein building, not damage", "micro-tears", []string{"muscle protein", "little damage build about as much muscle", "step by step"}},
		// 2.2 Immune response.
		{"neutrophils then macrophages clear debris", "immune-response", []string{"neutrophils", "macrophages", "debris", "eccentric"}},
		{"cytokines turn inflammation up and down", "immune-response", []string{"cytokines", "pro-inflammatory", "anti-inflammatory", "repair"}},
		// 2.3 Oxidative stress.
		{"reactive oxygen species from working muscle", "oxidative-stress", []string{"reactive oxygen species", "free radicals", "enzymes"}},
		{"excess harms, normal amounts signal adaptation", "oxidative-stress", []string{"damage cell walls", "signal", "antioxidant defences"}},
		{"high-dose antioxidant pills, mixed evidence, no recovery benefit", "oxidative-stress", []string{"vitamin c", "vitamin e", "mixed results", "no one has shown"}},
		// 2.4 Hormones.
		{"cortisol mobilises energy and damps inflammation", "hormones", []string{"cortisol", "stress hormone", "fuel available", "damps inflammation"}},
		{"overreaching, overtraining, no single hormone test", "hormones", []string{"overreaching", "overtraining", "no single hormone test"}},
		// 3. Acute vs chronic.
		{"acute is short and local", "acute-vs-chronic", []string{"acute", "redness", "warmth", "swelling", "tenderness"}},
		{"chronic does not switch off, linked diseases", "acute-vs-chronic", []string{"chronic", "keeps running", "cardiovascular", "type 2 diabetes", "autoimmune", "cancers"}},
		{"regular exercise lowers chronic inflammation", "acute-vs-chronic", []string{"regular exercise lowers chronic inflammation", "training load"}},
		// 4. Two sides.
		{"DOMS normal, cause unsettled, not a measure of inflammation", "two-sides", []string{"delayed onset muscle soreness", "DOMS", "nerves", "not a measure of how inflamed"}},
		{"rhabdomyolysis and its urgency", "two-sides", []string{"rhabdomyolysis", "cola-coloured urine", "kidneys", "same day", "statins"}},
		{"myositis is a rare, mostly autoimmune disease", "two-sides", []string{"myositis", "rare disease", "mostly autoimmune", "not caused by training"}},
		{"widened vessels bring blood, leakier vessels let more through", "two-sides", []string{"widens", "oxygen and immune cells", "leakier", "let more fluid through", "swelling"}},
		{"compartment syndrome is an emergency", "two-sides", []string{"compartment syndrome", "emergency"}},
		{"moderate exercise and immunity; heavy blocks debated", "two-sides", []string{"moderate exercise", "fewer colds", "heavy training", "travel", "argue"}},
		// 5.1 Sleep.
		{"repair during sleep, growth hormone in deep sleep", "sleep", []string{"repair", "growth hormone", "deep sleep", "immune system"}},
		{"short sleep, infections, inflammation markers", "sleep", []string{"less than about 7 hours", "chest infections", "inflammation markers"}},
		{"at least 7 hours, target is a guide", "sleep", []string{"at least 7 hours", "needs differ", "not as a verdict"}},
		// 5.2 Blood flow.
		{"never massage a hot swollen calf or fresh injury", "blood-flow", []string{"hot, swollen, painful calf", "blood clot", "fresh injury"}},
		{"honest ranking of the evidence", "blood-flow", []string{"small to moderate", "small drop in soreness", "almost no change in soreness", "easy movement"}},
		{"massage does not clear waste", "blood-flow", []string{"pushes waste out", "not what happens", "slowed the blood flow"}},
		{"each item has its own heading", "blood-flow", []string{"massage", "stretching", "foam rolling", "mobility tools", "little research of their own"}},
		// 5.3 Diet.
		{"energy, protein, carbohydrate, fluids first", "diet", []string{"enough energy", "protein at each meal", "0.25 to 0.4 grams per kilogram", "20 to 40 grams", "carbohydrate", "fluids", "food first"}},
		{"foods are not medicines", "diet", []string{"concentrated pills", "food is not medicine", "none of these foods is a treatment"}},
		{"fatty fish", "diet", []string{"fatty fish", "salmon", "mackerel", "sardines", "omega-3 fatty acids"}},
		{"berries", "diet", []string{"berries", "blueberries", "strawberries", "raspberries", "polyphenols"}},
		{"leafy greens and warfarin", "diet", []string{"leafy greens", "spinach", "kale", "swiss chard", "vitamin k", "warfarin"}},
		{"nuts and seeds", "diet", []string{"nuts and seeds", "walnuts", "flaxseeds", "chia seeds", "healthy fats", "fibre"}},
		{"turmeric, blood thinners, liver, dose", "diet", []string{"turmeric", "curcumin", "blood thinner", "anticoagulant", "antiplatelet", "liver injury", "3 percent"}},
		{"extra virgin olive oil", "diet", []string{"extra virgin olive oil", "monounsaturated", "polyphenols"}},
		{"whole grains", "diet", []string{"whole grains", "quinoa", "brown rice", "whole wheat"}},
		{"cruciferous vegetables", "diet", []string{"cruciferous", "broccoli", "cauliflower", "brussels sprouts"}},
		{"ginger trial in pills", "diet", []string{"ginger", "2 grams", "not as a pain remedy"}},
		// 6. What can blunt adaptation.
		{"regular NSAIDs reduce muscle growth", "blunting-adaptation", []string{"NSAIDs", "ibuprofen", "less muscle", "occasional dose"}},
		{"NSAIDs and kidney injury in long events", "blunting-adaptation", []string{"long endurance events", "rhabdomyolysis", "acute kidney injury"}},
		{"routine cold-water immersion after strength work", "blunting-adaptation", []string{"cold-water immersion", "strength session", "single very hard event"}},
		{"high-dose antioxidant pills", "blunting-adaptation", []string{"vitamin c", "oxidative stress"}},
		// 7. Reading your numbers.
		{"streak rule", "reading-your-numbers", []string{"complete training days", "neither add to the streak nor break it", "waiting for its morning answers", "one partial day", "starts the count again"}},
		{"recovery strength is forgiving", "reading-your-numbers", []string{"recovery strength", "forgiving", "never drops it to zero"}},
		{"session load is RPE times minutes", "reading-your-numbers", []string{"RPE", "rating of perceived exertion", "times how many minutes"}},
		{"acute, chronic and the ratio, disputed bands", "reading-your-numbers", []string{"last 7 days", "last 28 days divided by 4", "acute load divided by chronic load", "0.8", "1.3", "1.5", "team sports", "dispute", "never as a diagnosis"}},
		{"the ratio rule", "reading-your-numbers", []string{"jumps after a break", "at least 28 days have passed since your first training day", "chronic load is big enough", "shows no band", "build back up gradually"}},
		{"Hooper index", "reading-your-numbers", []string{"hooper index", "sleep", "tired", "stressed", "sore", "4 to 28", "recovery is falling behind", "not a measure of inflammation"}},
		{"acute/chronic load is not inflammation", "reading-your-numbers", []string{"about training, not about inflammation"}},
		// 8. Putting it together.
		{"balance, protein first, build up gradually", "putting-it-together", []string{"balance", "protein first", "gradually"}},
		{"habits help you feel better; consistency", "putting-it-together", []string{"feel good", "most days", "single trick"}},
		{"stay active, outside, social", "putting-it-together", []string{"keep moving", "outdoors", "friends", "train with"}},
		// 9. About.
		{"educational, not medical advice", "about", []string{"educational", "not medical advice"}},
		{"at once: emergency", "about", []string{"get help at once", "emergency", "chest pain", "fainting", "shortness of breath", "compartment syndrome"}},
		{"same day: rhabdomyolysis signs, no NSAIDs", "about", []string{"get help the same day", "urgent care", "rhabdomyolysis", "dark urine", "very little urine", "statins", "do not take NSAIDs"}},
		{"injury versus soreness", "about", []string{"soreness or injury", "pop", "tendon", "worse the more you use it", "bruising", "numbness", "put weight"}},
		{"see a clinician", "about", []string{"see a clinician", "blood clot", "do not massage or roll it", "weakness that keeps growing", "has not eased after a week"}},
		{"no hard training with a fever", "about", []string{"fever"}},
	}
	for _, tt := range tests {
		s, ok := Lookup(tt.section)
		if !ok {
			t.Errorf("%s: section %q missing", tt.fact, tt.section)
			continue
		}
		for _, term := range tt.terms {
			if len(SearchSection(tt.section, term)) == 0 {
				t.Errorf("%s: %q not found in section %s (%s)", tt.fact, term, tt.section, s.Title)
			}
		}
	}
}

// TestNoPromotion guards against brand names and supplement advice
// creeping into the text.
func TestNoPromotion(t *testing.T) {
	for _, w := range []string{"™", "®", "buy ", "brand-name", "capsule", "supplement pills", "take a supplement"} {
		for _, m := range Search(w) {
			t.Errorf("%s line %d: promotional wording %q: %s", m.Section, m.Line, strings.TrimSpace(w), m.Text)
		}
	}
}
