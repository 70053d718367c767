// Package report turns keychainlint's diagnostics into its outputs: the
// text format editors recognise, a JSON document for scripts, and SARIF
// 2.1.0 for code review (GitHub code scanning, the SARIF viewers).
//
// It also computes the fingerprints that identify a finding across edits
// elsewhere in its file (for SARIF partialFingerprints and baselines), and
// renders a rule's documentation as Markdown (for SARIF help and
// docs/rules/<rule>.md).
//
// Positions: driver.Diagnostic carries 1-based byte columns, which the text
// and JSON outputs print as they are. SARIF declares columnKind
// utf16CodeUnits, so the SARIF writer recomputes every column from the
// source in UTF-16 code units.
package report
