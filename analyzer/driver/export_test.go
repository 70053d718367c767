package driver

// SetKeychainFilter replaces round 1's test for the duration of a test
// and returns the function that restores it.
func SetKeychainFilter(f func([]byte) bool) (restore func()) {
	old := keychainFile
	keychainFile = f
	return func() { keychainFile = old }
}
