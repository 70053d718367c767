package main

import "github.com/keychainlint/keychainlint/analyzer/fix"

func fixOf(start, end int, text string) fix.Fix {
	return fix.Fix{Edits: []fix.Edit{{Start: start, End: end, New: text}}}
}
