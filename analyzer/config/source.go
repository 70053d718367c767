package config

import "fmt"

// Source says where an effective value came from: a line of a
// configuration file, a command-line flag, or the built-in default.
type Source struct {
	// File and Line locate the value in a configuration file; Key is its
	// key path there ("rules.disable", "overrides[1].severity").
	File string
	Line int
	Key  string
	// Flag names the command-line flag that set the value.
	Flag string
}

// IsDefault reports whether the value is the built-in default.
func (s Source) IsDefault() bool { return s.File == "" && s.Flag == "" }

func (s Source) String() string {
	switch {
	case s.Flag != "":
		return "flag " + s.Flag
	case s.File != "":
		return fmt.Sprintf("%s:%d (%s)", s.File, s.Line, s.Key)
	}
	return "default"
}

// Error is a mistake in a configuration file: an unknown key, a value of
// the wrong type, an unknown name. Its text is "file:line: key: problem".
type Error struct {
	File string
	Line int
	Key  string
	Msg  string
}

func (e *Error) Error() string {
	if e.Key == "" {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s:%d: %s: %s", e.File, e.Line, e.Key, e.Msg)
}
