package ui

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"cooldown/coach"
)

// A reply goes to the screen and the request that asked: a write of the
// same date by another screen, or a late reply to an earlier try, never
// lands the check-in's write.
func TestReplyLandsOnlyForTheRequestThatAsked(t *testing.T) {
	hs := newScreenHarness(t, "2026-03-10", nil, 80, 24)
	date, _ := coach.ParseDate("2026-03-10")
	hs.send(editDayMsg{date: date, step: 0})
	c := hs.m.checkin
	_ = c.do(checkinOp{date: date, change: func(d *coach.Day) error { d.Note = "mine"; return nil }}) // on its way, not run
	own := c.cur.req
	if own.owner != screenCheckin {
		t.Fatalf("the check-in's request names %v, want check-in", own.owner)
	}
	for _, tc := range []struct {
		name  string
		msg   savedMsg
		lands bool
	}{
		{"home's write of the same date", savedMsg{request: request{owner: screenHome, id: own.id}, date: date, day: coach.Day{Date: date}}, false},
		{"history's request of the same id", savedMsg{request: request{owner: screenHistory, id: own.id}, date: date, day: coach.Day{Date: date}}, false},
		{"a late reply to an earlier try", savedMsg{request: request{owner: screenCheckin, id: own.id - 1}, date: date, day: coach.Day{Date: date}}, false},
		{"the reply to the write on its way", savedMsg{request: own, date: date, day: coach.Day{Date: date, Note: "mine"}}, true},
	} {
		hs.send(tc.msg)
		if landed := !c.writing(); landed != tc.lands {
			t.Fatalf("%s: the check-in's write landed = %v, want %v", tc.name, landed, tc.lands)
		}
	}
}

// Each request a screen makes is a new one, so a retry's reply is told
// from the first try's.
func TestRequestsCountPerScreen(t *testing.T) {
	r := requests{owner: screenHistory}
	a, b := r.next(), r.next()
	if a == b || a.owner != screenHistory || b.owner != screenHistory || b.id != a.id+1 {
		t.Fatalf("two requests = %+v, %+v; want history's, counted 1 apart", a, b)
	}
}

// Every message for one screen names that screen; the parent gives it to
// it alone.
func TestAddressedMessagesNameTheirScreen(t *testing.T) {
	for _, tc := range []struct {
		msg  addressed
		want screen
	}{
		{savedMsg{request: request{owner: screenHome}}, screenHome},
		{deletedMsg{request: request{owner: screenHistory}}, screenHistory},
		{stateSavedMsg{request: request{owner: screenCheckin}}, screenCheckin},
		{checkinStepMsg{request: request{owner: screenCheckin}}, screenCheckin},
		{settingsSavedMsg{request: request{owner: screenSettings}}, screenSettings},
		{retryMsg{owner: screenSettings}, screenSettings},
		{minutesDraftMsg{}, screenCheckin},
		{guideRenderedMsg{}, screenGuide},
		{guideSearchMsg{}, screenGuide},
		{guidePosMsg{}, screenGuide},
		{guideSaveMsg{}, screenGuide},
		{guideSavedMsg{}, screenGuide},
		{watchTickMsg{}, screenHome},
		{watchedMsg{}, screenHome},
	} {
		if got := tc.msg.recipient(); got != tc.want {
			t.Errorf("%T goes to %v, want %v", tc.msg, got, tc.want)
		}
	}
}

// A reply for a screen that is not shown still reaches it: the home
// screen's morning check lands while the guide is open.
func TestReplyReachesAScreenNotShown(t *testing.T) {
	hs := newScreenHarness(t, "2026-03-10", nil, 80, 24)
	date, _ := coach.ParseDate("2026-03-10")
	home := hs.m.home
	home.form = newMorningForm(date, 8)
	home.saving = true
	home.pending = func(*coach.Day) error { return nil }
	hs.send(openScreenMsg{screenGuide})
	req := home.req
	hs.send(savedMsg{request: req, date: date, day: coach.Day{Date: date}})
	if home.saving || home.form != nil {
		t.Fatalf("home after its reply while the guide is shown: saving %v, form open %v; want the write landed", home.saving, home.form != nil)
	}
}

// contextFacts is what a screen could change in the shared context, for
// comparing.
type contextFacts struct {
	theme, stylesTitle string
	width, height, gen int
	stopping, loaded   bool
	fresh              bool
	dataGen            uint64
	days               int
	today              coach.Date
	settings           coach.Settings
	dark               bool
}

func factsOf(c *context) contextFacts {
	return contextFacts{
		theme: c.theme, stylesTitle: c.styles.Title.Render("x"), width: c.width, height: c.height, gen: c.gen,
		stopping: c.stopping, loaded: c.loaded, fresh: c.fresh, dataGen: c.dataGen, days: len(c.days),
		today: c.today, settings: c.settings, dark: c.term.Dark,
	}
}

// Screens never change the shared context: entering a screen, keys on it
// and the theme row of settings leave it as it was; they return messages
// (reloadMsg, themeMsg) and the parent applies them.
func TestScreensLeaveTheContextAlone(t *testing.T) {
	day := coach.Day{Date: coach.Date{Year: 2026, Month: 3, Day: 9}, Note: "n"}
	hs := newScreenHarness(t, "2026-03-10", []coach.Day{day}, 80, 24)
	keys := []string{"down", "right", "right", "left", "enter", "space", "j", "esc"}
	for _, s := range []screen{screenHome, screenCheckin, screenGuide, screenStreak, screenHistory, screenSettings} {
		hs.m.ctx.fresh = true // as right after New: a load here would change it
		before := factsOf(hs.m.ctx)
		p := hs.m.screenOf(s)
		_ = p.enter()
		for _, k := range keys {
			_ = p.update(pressKey(k))
		}
		if s == screenSettings {
			hs.m.settings.cursor = rowTheme
			_ = p.update(pressKey("right"))
		}
		if after := factsOf(hs.m.ctx); after != before {
			t.Errorf("%v changed the context:\n got %+v\nwant %+v", s, after, before)
		}
	}
}

// The theme chosen in settings is applied by the parent, which restyles
// every screen and stores it.
func TestThemeAppliedByTheParent(t *testing.T) {
	hs := newScreenHarness(t, "2026-03-10", nil, 80, 24)
	hs.send(openScreenMsg{screenSettings})
	hs.m.settings.cursor = rowTheme
	cmd := hs.m.settings.update(pressKey("right"))
	msg, ok := runOne(cmd).(themeMsg)
	if !ok {
		t.Fatalf("the theme row returned %T, want themeMsg", runOne(cmd))
	}
	hs.send(msg)
	if hs.m.ctx.theme != msg.theme {
		t.Fatalf("theme after themeMsg = %q, want %q", hs.m.ctx.theme, msg.theme)
	}
	if got := storedState(t, hs, themeKey); got != msg.theme {
		t.Fatalf("stored theme = %q, want %q", got, msg.theme)
	}
}

// runOne runs a command that is not a batch and returns its message.
func runOne(cmd tea.Cmd) tea.Msg {
	if cmd == nil {
		return nil
	}
	return cmd()
}

// A watch-folder scan reports to home even while another screen is shown,
// so the notice appears and the next scan is scheduled.
func TestWatchResultReachesHomeFromAnotherScreen(t *testing.T) {
	hs := newScreenHarness(t, "2026-03-10", nil, 80, 24)
	hs.send(openScreenMsg{screenGuide})
	hs.send(watchedMsg{report: WatchReport{New: 2, Dirs: []string{"/watch"}}})
	hs.mustContain("imported")
}
