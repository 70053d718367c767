package driver

// Severity is a finding's severity. Analyzers report it in
// analysis.Diagnostic.Category ("error", "warning" or "note"), since a rule
// such as deletelimit reports findings of two severities.
type Severity int

const (
	Note Severity = iota
	Warning
	Error
)

func (s Severity) String() string {
	return [...]string{"note", "warning", "error"}[s]
}

// ParseSeverity reads a severity name; anything unknown is a warning.
func ParseSeverity(s string) Severity {
	switch s {
	case "error":
		return Error
	case "note":
		return Note
	}
	return Warning
}
