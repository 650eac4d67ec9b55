package main

// Tests of `cooldown import` with device files and export version 2,
// through the real binary.

// asExportV2 returns a version 1 export document (decoded) as export
// version 2 writes the same days once stored: version 2, and each day's
// workouts numbered from 1 in order.
func asExportV2(doc obj) obj {
	doc["version"] = float64(2)
	days, _ := doc["days"].([]any)
	for _, d := range days {
		ws, _ := d.(obj)["workouts"].([]any)
		for i, w := range ws {
			w.(obj)["id"] = float64(i + 1)
		}
	}
	return doc
}
