package content

// itemHeadings maps each checklist item id (the ids of coach.Items, as
// written in files) to the section and the id of the heading that explains
// it. content does not import coach; a test checks that the two lists
// agree and that every heading exists.
var itemHeadings = map[string]struct{ section, heading string }{
	"massage":        {"blood-flow", "massage"},
	"stretching":     {"blood-flow", "stretching"},
	"foam-rolling":   {"blood-flow", "foam-rolling"},
	"mobility-tools": {"blood-flow", "mobility-tools"},
	"fatty-fish":     {"diet", "fatty-fish"},
	"berries":        {"diet", "berries"},
	"leafy-greens":   {"diet", "leafy-greens"},
	"nuts-seeds":     {"diet", "nuts-and-seeds"},
	"turmeric":       {"diet", "turmeric"},
	"olive-oil":      {"diet", "extra-virgin-olive-oil"},
	"whole-grains":   {"diet", "whole-grains"},
	"cruciferous":    {"diet", "cruciferous-vegetables"},
	"ginger":         {"diet", "ginger"},
}

// ItemHeading returns the guide section and the id of the heading (see
// HeadingID and Heading.ID) that explain the checklist item with the given
// id, such as "berries" or "foam-rolling". ok is false for an unknown item.
// Section.HeadingIndex turns the heading id into an index in
// Section.Headings.
func ItemHeading(item string) (section, heading string, ok bool) {
	h, ok := itemHeadings[item]
	return h.section, h.heading, ok
}
