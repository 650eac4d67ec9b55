package content_test

import (
	"testing"

	"cooldown/coach"
	"cooldown/content"
)

// TestCoachSectionIDs checks that every guide section the domain links to
// (checklist items, pillars, coach messages) exists.
func TestCoachSectionIDs(t *testing.T) {
	for _, id := range coach.SectionIDs {
		if _, ok := content.Lookup(id); !ok {
			t.Errorf("coach refers to guide section %q, which does not exist", id)
		}
	}
	for _, it := range coach.Items {
		if _, ok := content.Lookup(it.Section); !ok {
			t.Errorf("checklist item %s links to missing section %q", it.ID, it.Section)
		}
	}
}
