package entities

// Preload reads the name model in the background, so that at start-up it
// overlaps with compiling the lexicons instead of delaying the first
// document's names (about 10 ms of a cold start).
func Preload() { go loadNameModel() }
