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
		{"defence and healing response", "overview", []string{"defend", "repair"}},
		{"acute controlled response starts repair", "overview", []string{"well-controlled", "starting signal for repair"}},
		{"problem when uncontrolled or chronic", "overview", []string{"out of hand", "long-running"}},
		{"what the guide covers", "overview", []string{"four main triggers", "helps you", "harms you", "sleep", "blood", "eating"}},
		// 2.1 Micro-tears.
		{"vigorous work makes tiny tears", "micro-tears", []string{"tears", "muscle fibres", "resistance", "high-intensity"}},
		{"tears are expected, repair builds muscle", "micro-tears", []string{"expected", "bigger and stronger"}},
		{"inflammation starts repair and regeneration", "micro-tears", []string{"inflammation", "regenerating"}},
		// 2.2 Immune response.
		{"hard workouts stress the body, immune system responds", "immune-response", []string{"stress", "immune system"}},
		{"immune cells travel, clear debris, start repair", "immune-response", []string{"white blood cells", "debris", "rebuilding"}},
		{"cytokines inflame and signal healing", "immune-response", []string{"cytokines", "pro-inflammatory", "mend and rebuild"}},
		// 2.3 Oxidative stress.
		{"oxygen use produces free radicals that damage cells", "oxidative-stress", []string{"oxygen", "reactive oxygen species", "free radicals", "cell membranes"}},
		{"inflammation as defence", "oxidative-stress", []string{"inflammation", "protective"}},
		{"too much harms, but signals antioxidant adaptation", "oxidative-stress", []string{"harm", "antioxidant systems"}},
		// 2.4 Hormones.
		{"cortisol rises and mobilises energy", "hormones", []string{"cortisol", "stress hormone", "fuel available"}},
		{"long-high cortisol contributes to inflammation", "hormones", []string{"remains elevated", "feeding inflammation"}},
		{"short rises are normal adaptation", "hormones", []string{"normal", "adapts"}},
		// 3. Acute vs chronic.
		{"acute is first line of defence", "acute-vs-chronic", []string{"acute", "front-line defence"}},
		{"chronic never switches off", "acute-vs-chronic", []string{"chronic", "mild, ongoing immune reaction", "keeps running"}},
		{"diseases linked to chronic inflammation", "acute-vs-chronic", []string{"cardiovascular", "diabetes", "autoimmune", "cancer", "harms the very cells and tissues"}},
		// 4. Two sides.
		{"soreness normal, DOMS from inflammation, repair and growth", "two-sides", []string{"delayed onset muscle soreness", "DOMS", "growth factors", "immune cells", "bigger and stronger"}},
		{"lasting inflammation breaks muscle down, myositis", "two-sides", []string{"break down muscle tissue", "regeneration", "new fibres", "myositis", "weak and painful"}},
		{"more blood flow brings nutrients, removes waste", "two-sides", []string{"more blood", "oxygen and nutrients", "waste", "by-products"}},
		{"excess constricts vessels, less delivery", "two-sides", []string{"narrow", "vitamins, minerals"}},
		{"moderate exercise improves immune surveillance", "two-sides", []string{"moderate exercise", "circulating", "spot threats", "fewer infections"}},
		{"chronic inflammation exhausts immune cells", "two-sides", []string{"out of balance", "cytokines released all the time", "wear out", "exposed to infection"}},
		// 5.1 Sleep.
		{"anti-inflammatory cytokines during sleep", "sleep", []string{"anti-inflammatory cytokines"}},
		{"cellular repair and renewal", "sleep", []string{"repair", "renew", "inflamed tissue"}},
		{"sleep supports immune function", "sleep", []string{"immune system"}},
		{"at least 7 hours, athletes more", "sleep", []string{"7 hours", "hard training often need more"}},
		// 5.2 Blood flow.
		{"massage increases blood flow", "blood-flow", []string{"massage", "blood flow", "waste", "oxygen and nutrients"}},
		{"self-care: stretching, foam rolling, mobility tools", "blood-flow", []string{"stretching", "foam rolling", "mobility tools", "self-massage"}},
		{"make it part of the routine", "blood-flow", []string{"routine", "manage inflammation"}},
		// 5.3 Diet.
		{"balanced meals: antioxidants, omega-3, nutrient-dense", "diet", []string{"balanced", "antioxidants", "omega-3", "nutrient-dense", "ease the inflammation"}},
		{"fatty fish", "diet", []string{"fatty fish", "salmon", "mackerel", "sardines", "omega-3 fatty acids"}},
		{"berries", "diet", []string{"berries", "blueberries", "strawberries", "raspberries", "antioxidants"}},
		{"leafy greens", "diet", []string{"leafy greens", "spinach", "kale", "swiss chard", "vitamins and minerals"}},
		{"nuts and seeds", "diet", []string{"nuts and seeds", "walnuts", "flaxseeds", "chia seeds", "healthy fats", "fibre"}},
		{"turmeric", "diet", []string{"turmeric", "curcumin", "anti-inflammatory"}},
		{"extra virgin olive oil", "diet", []string{"extra virgin olive oil", "monounsaturated", "antioxidants"}},
		{"whole grains", "diet", []string{"whole grains", "quinoa", "brown rice", "whole wheat", "fibre and nutrients"}},
		{"cruciferous vegetables", "diet", []string{"cruciferous", "broccoli", "cauliflower", "brussels sprouts"}},
		{"ginger", "diet", []string{"ginger"}},
		// 6. Putting it together.
		{"balance: inflammation is part of healing", "putting-it-together", []string{"balance", "heal", "recover", "build muscle", "adapt"}},
		{"recover on purpose", "putting-it-together", []string{"recover on purpose", "sleep", "massage", "foam rolling", "nine food groups"}},
		{"stay active, outside, social", "putting-it-together", []string{"keep moving", "outdoors", "friends", "training"}},
		// 7. About.
		{"educational, not medical advice", "about", []string{"educational", "not medical advice"}},
		{"when to see a clinician", "about", []string{"clinician", "severe", "persistent", "swelling", "weakness", "dark urine after exercise"}},
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
