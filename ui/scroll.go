package ui

// scrollTo returns the first row to show of a list of n rows, h at a time,
// that was showing from top, so that the cursor row is on screen and no
// empty rows follow the last.
func scrollTo(cursor, top, h, n int) int {
	if cursor < top {
		top = cursor
	}
	if cursor >= top+h {
		top = cursor - h + 1
	}
	return clampInt(top, 0, max(n-h, 0))
}

// clampInt returns v limited to lo..hi.
func clampInt(v, lo, hi int) int {
	return max(lo, min(v, hi))
}
