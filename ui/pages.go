package ui

// newPages builds one model per screen around the shared context.
func newPages(ctx *context) [numScreens]page {
	return [numScreens]page{
		screenHome:     newHome(ctx),
		screenCheckin:  newCheckin(ctx),
		screenGuide:    newGuide(ctx),
		screenStreak:   newStreak(ctx),
		screenHistory:  newHistory(ctx),
		screenSettings: newSettings(ctx),
	}
}
