package driver

import "fmt"

// MaxRelated is how many related locations a finding carries at most. A
// finding whose cause is one of many earlier uses (a dictionary read, then
// deleted, hundreds of times) would otherwise list every one of them, and
// the report would grow with the square of the input. The message says
// how many were left out, so nothing is dropped silently.
const MaxRelated = 5

// capRelated keeps the first MaxRelated related locations of each finding
// (in the order the rule gave them: the most relevant first) and says in
// the message how many more there were.
func capRelated(ds []Diagnostic) {
	for i := range ds {
		if n := len(ds[i].Related) - MaxRelated; n > 0 {
			ds[i].Related = ds[i].Related[:MaxRelated:MaxRelated]
			ds[i].Message += fmt.Sprintf(" (and %d more related %s not listed)", n, plural(n, "location", "locations"))
		}
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
