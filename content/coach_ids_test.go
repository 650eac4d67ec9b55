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

// TestItemHeading checks that every checklist item maps to a heading of its
// own inside the section the item links to, and that no two items share one.
func TestItemHeading(t *testing.T) {
	used := map[string]coach.Item{}
	for _, it := range coach.Items {
		section, heading, ok := content.ItemHeading(string(it.ID))
		if !ok {
			t.Errorf("ItemHeading(%q): no heading", it.ID)
			continue
		}
		if section != it.Section {
			t.Errorf("ItemHeading(%q) section = %q, want the item's section %q", it.ID, section, it.Section)
		}
		s, ok := content.Lookup(section)
		if !ok {
			t.Errorf("ItemHeading(%q): section %q does not exist", it.ID, section)
			continue
		}
		i := s.HeadingIndex(heading)
		if i < 0 {
			t.Errorf("ItemHeading(%q): section %s has no heading with id %q", it.ID, section, heading)
			continue
		}
		if lvl := s.Headings[i].Level; lvl != 2 {
			t.Errorf("ItemHeading(%q): heading %q has level %d, want 2", it.ID, heading, lvl)
		}
		key := section + "#" + heading
		if other, dup := used[key]; dup {
			t.Errorf("items %q and %q share heading %s", other, it.ID, key)
		}
		used[key] = it.ID
	}
	for _, id := range []string{"", "sleep", "no-such-item", "Berries"} {
		if s, h, ok := content.ItemHeading(id); ok {
			t.Errorf("ItemHeading(%q) = %q, %q, true; want not found", id, s, h)
		}
	}
}
