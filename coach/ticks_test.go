package coach

import (
	"errors"
	"slices"
	"testing"
	"time"
)

func TestTicksSetKeepsChecklistOrderAndInput(t *testing.T) {
	at := time.Date(2026, 11, 25, 19, 0, 0, 0, time.FixedZone("CET", 3600))
	var got Ticks
	for _, id := range []Item{Ginger, Massage, Berries, "coffee", FoamRolling, "tea"} {
		got = got.Set(id, at)
	}
	want := []Item{Massage, FoamRolling, Berries, Ginger, "coffee", "tea"}
	if ids := itemsOf(got); !slices.Equal(ids, want) {
		t.Fatalf("items = %v, want %v (checklist order, unknown ones last as given)", ids, want)
	}
	if when, ok := got.At(Berries); !ok || !when.Equal(at) || when.Location() != time.UTC {
		t.Errorf("At(berries) = %v, %v; want %v in UTC", when, ok, at)
	}

	before := slices.Clone(got)
	later := at.Add(time.Hour)
	again := got.Set(Berries, later)
	if !slices.Equal(got, before) {
		t.Errorf("Set changed its input: %v, was %v", got, before)
	}
	if len(again) != len(got) {
		t.Errorf("setting a ticked item again gave %d ticks, want %d", len(again), len(got))
	}
	if when, _ := again.At(Berries); !when.Equal(later) {
		t.Errorf("Set did not replace the time: %v, want %v", when, later)
	}

	removed := got.Remove(Massage)
	if !slices.Equal(got, before) {
		t.Errorf("Remove changed its input: %v, was %v", got, before)
	}
	if removed.Has(Massage) || len(removed) != len(got)-1 {
		t.Errorf("Remove(massage) = %v", itemsOf(removed))
	}
	if same := got.Remove(Turmeric); len(same) != len(got) {
		t.Errorf("removing an item not ticked changed the list: %v", itemsOf(same))
	}
	if empty := (Ticks{{Item: Berries, At: at}}).Remove(Berries); empty != nil {
		t.Errorf("removing the last tick = %#v, want nil", empty)
	}
}

func TestTicksAtMissing(t *testing.T) {
	var none Ticks
	if when, ok := none.At(Berries); ok || !when.IsZero() {
		t.Errorf("At on no ticks = %v, %v", when, ok)
	}
	if none.Has(Berries) {
		t.Error("Has on no ticks = true")
	}
}

func TestTicksSortIsStableForUnknownItems(t *testing.T) {
	at := time.Unix(0, 0).UTC()
	tk := Ticks{{"zeta", at}, {Ginger, at}, {"alpha", at}, {Massage, at}}
	tk.Sort()
	if ids, want := itemsOf(tk), []Item{Massage, Ginger, "zeta", "alpha"}; !slices.Equal(ids, want) {
		t.Errorf("sorted = %v, want %v", ids, want)
	}
}

func TestSetDoneNeverWritesIntoACopy(t *testing.T) {
	at := time.Unix(1_700_000_000, 0).UTC()
	var d Day
	d.SetDone(Berries, true, at)
	d.SetDone(Ginger, true, at)
	c := d // shares the tick list
	c.SetDone(Massage, true, at)
	c.SetDone(Berries, false, at)
	if ids := d.DoneItems(); !slices.Equal(ids, []Item{Berries, Ginger}) {
		t.Errorf("the original day changed to %v when its copy did", ids)
	}
	if ids := c.DoneItems(); !slices.Equal(ids, []Item{Massage, Ginger}) {
		t.Errorf("copy = %v, want [massage ginger]", ids)
	}
}

func TestValidateRefusesAnItemTickedTwice(t *testing.T) {
	at := time.Unix(1_700_000_000, 0).UTC()
	d := Day{Date: Date{2026, 11, 25}, Done: Ticks{{Berries, at}, {Ginger, at}, {Berries, at}}}
	var fe *FieldError
	if err := d.Validate(); !errors.As(err, &fe) || fe.Field != "done" {
		t.Fatalf("Validate = %v, want a done field error", err)
	}
}

func itemsOf(t Ticks) []Item {
	out := make([]Item, len(t))
	for i, k := range t {
		out[i] = k.Item
	}
	return out
}
