package ui

// Importer is what the app needs to take workouts from the watch folders
// of this machine (`cooldown import --watch DIR`, issue 21). cli
// implements it over the device readers and the store; the app calls it
// only inside a tea.Cmd, when it opens and every WatchEvery while open.
type Importer interface {
	// ScanWatched imports the files of the remembered watch folders that
	// are new or changed since they were last imported (by path, size
	// and modification time; a file still being written is left for a
	// later scan) and says what it did. An error is the store's (a file
	// held by another process, say): the next scan tries again.
	ScanWatched() (WatchReport, error)
}

// WatchReport is what one scan of the watch folders did.
type WatchReport struct {
	New     int      // workouts added
	Dirs    []string // the folders they came from, as the person reads them ("~/Watch")
	Refused []string // files refused, each "PATH: reason"
}
