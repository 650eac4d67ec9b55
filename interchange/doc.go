// Package interchange reads workouts and sleep from the files that watches,
// phones and training services give people (FIT, TCX, a Strava bulk export,
// an Apple Health export) and maps them to coach values.
//
// Readers decide by content, not by name: the first bytes of a file say
// whether it is FIT, gzip, zip, XML (TCX, GPX or Apple Health) or Strava's
// activities.csv. Every input is bounded (see Limits); the formats that can
// be large (FIT, Apple Health XML) are streamed and never held whole. The
// package does no terminal output and knows no database: it returns
// Sessions and Sleep intervals as read, and Map turns a Session into an
// Imported workout for a coach day.
package interchange
