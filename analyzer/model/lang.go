package model

import (
	"path/filepath"
	"strings"
)

// Lang is the source language of a file.
type Lang int

const (
	LangUnknown Lang = iota
	Swift
	ObjC // Objective-C and Objective-C++ (.m, .mm) and headers (.h)
	C    // plain C (.c); parsed with the Objective-C grammar, a superset
)

func (l Lang) String() string {
	switch l {
	case Swift:
		return "Swift"
	case ObjC:
		return "Objective-C"
	case C:
		return "C"
	}
	return "unknown"
}

// LangForPath returns the language of a source file by its extension, or
// LangUnknown for files keychainlint does not read.
func LangForPath(path string) Lang {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".swift":
		return Swift
	case ".m", ".mm", ".h":
		return ObjC
	case ".c":
		return C
	}
	return LangUnknown
}
