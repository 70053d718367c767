package report

import (
	"encoding/json"
	"io"
	"net/url"
	"path/filepath"
	"slices"
	"strings"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"

	"github.com/keychainlint/keychainlint/analyzer/driver"
)

const (
	// SchemaURI is the OASIS SARIF 2.1.0 schema (errata 01), the one
	// go-sarif embeds.
	SchemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	// SrcRoot is the uriBaseId of every artifact location below the root.
	SrcRoot = "%SRCROOT%"
	// InformationURI is keychainlint's home page.
	InformationURI = "https://github.com/keychainlint/keychainlint"
)

// WriteSARIF writes a scan as a SARIF 2.1.0 log with one run.
func WriteSARIF(w io.Writer, s *Scan) error {
	data, err := MarshalSARIF(s)
	if err != nil {
		return err
	}
	_, err = w.Write(data)
	return err
}

// MarshalSARIF encodes a scan as an indented SARIF 2.1.0 log, with the
// log command markers in strings escaped (breakJSONMarkers).
func MarshalSARIF(s *Scan) ([]byte, error) {
	raw, err := json.Marshal(BuildSARIF(s))
	if err != nil {
		return nil, err
	}
	return compactSARIF(raw)
}

// BuildSARIF builds the SARIF log of a scan:
//
//   - tool.driver names keychainlint with its semantic version and lists
//     every rule (id, friendly name, descriptions, help in text and
//     Markdown, helpUri, default level, tags, precision and
//     security-severity);
//   - each result has its rule's id and index, a level, a message, one
//     location relative to %SRCROOT% with a region (UTF-16 columns), a
//     snippet and the line as context, the enclosing function as logical
//     location, related locations with messages, fixes, and the
//     fingerprint under partialFingerprints["keychainlint/v1"];
//   - suppressed findings (with --show-suppressed) carry an inSource
//     suppression with the directive's justification and location;
//   - the invocation records the exit code, whether the run succeeded, and
//     notifications (skipped files, internal errors).
func BuildSARIF(s *Scan) *sarif.Report {
	memo := *s
	memo.Root = s.Root.withMemo()
	s = &memo
	rep := sarif.NewReport()
	rep.Schema = SchemaURI
	run := sarif.NewRunWithInformationURI("keychainlint", InformationURI)
	run.Tool.Driver.WithSemanticVersion(s.ToolVersion).WithVersion(s.ToolVersion).
		WithFullName("keychainlint " + s.ToolVersion)
	run.WithColumnKind("utf16CodeUnits")
	root := sarif.NewArtifactLocation().
		WithURI(dirURI(s.Root.Dir)).
		WithDescription(sarif.NewMessage().WithText("The directory the scan's paths are relative to (the root of the repository or --srcroot)."))
	run.WithOriginalUriBaseIds(map[string]sarif.ArtifactLocation{SrcRoot: *root})

	index := map[string]int{}
	for i, r := range s.Rules {
		run.Tool.Driver.AddRule(ruleDescriptor(r))
		index[r.Name] = i
	}
	for _, f := range s.Findings {
		run.AddResult(result(s, f, index))
	}

	inv := sarif.NewInvocation().WithExecutionSuccessful(!s.Failed).WithExitCode(s.ExitCode)
	if s.Failed {
		inv.WithExitCodeDescription("internal error")
	}
	for _, n := range s.Notifications {
		note := sarif.NewNotification().
			WithLevel(level(n.Level)).
			WithMessage(sarif.NewMessage().WithText(sentence(n.Message)))
		if n.Path != "" {
			src := s.Sources.Src(n.Path)
			if len(n.Spans) == 0 || src == nil {
				note.AddLocation(sarif.NewLocation().WithPhysicalLocation(sarif.NewPhysicalLocation().WithArtifactLocation(artifact(s.Root, n.Path))))
			}
			for _, sp := range n.Spans {
				if src == nil {
					break
				}
				note.AddLocation(sarif.NewLocation().WithPhysicalLocation(sarif.NewPhysicalLocation().
					WithArtifactLocation(artifact(s.Root, n.Path)).
					WithRegion(region(s.Sources, n.Path, sp.Start, max(sp.Start, sp.End), false))))
			}
		}
		inv.AddToolExecutionNotification(note)
	}
	run.AddInvocation(inv)
	rep.AddRun(run)
	return rep
}

func ruleDescriptor(r Rule) *sarif.ReportingDescriptor {
	m, _ := MetaOf(r.Name)
	props := sarif.NewPropertyBag()
	props.WithTags(m.AllTags())
	props.Add("precision", m.Precision)
	props.Add("security-severity", m.SecuritySeverity)
	return sarif.NewRule(r.Name).
		WithName(m.FriendlyName).
		WithShortDescription(sarif.NewMultiformatMessageString().WithText(sentence(capitalize(r.Title())))).
		WithFullDescription(sarif.NewMultiformatMessageString().WithText(sentence(r.Description()))).
		WithHelp(sarif.NewMultiformatMessageString().WithText(r.Doc).WithMarkdown(Markdown(r))).
		WithHelpURI(r.URL).
		WithDefaultConfiguration(sarif.NewReportingConfiguration().WithLevel(level(r.Severity))).
		WithProperties(props)
}

func result(s *Scan, f Finding, index map[string]int) *sarif.Result {
	res := sarif.NewRuleResult(f.Rule).
		WithLevel(level(f.Severity)).
		WithMessage(sarif.NewTextMessage(sentence(f.Message)))
	if i, ok := index[f.Rule]; ok {
		res.WithRuleIndex(i)
	}
	loc := location(s, f.Pos.Filename, f.Pos.Offset, f.End.Offset)
	if fn := s.Sources.enclosing(f.Pos.Filename, f.Pos.Offset); fn != nil {
		name := FuncName(fn)
		ll := sarif.NewLogicalLocation().WithName(fn.Name).WithFullyQualifiedName(name).WithKind(logicalKind(fn.Kind.String()))
		loc.AddLogicalLocation(ll)
	}
	res.AddLocation(loc)
	for i, r := range f.Related {
		rl := location(s, r.Pos.Filename, r.Pos.Offset, r.End.Offset)
		rl.WithID(i + 1).WithMessage(sarif.NewTextMessage(sentence(r.Message)))
		res.AddRelatedLocation(rl)
	}
	for i, fx := range f.Fixes {
		if x := fix(s, f, i, fx.Message); x != nil {
			res.AddFixe(x)
		}
	}
	if f.Fingerprint != "" {
		res.WithPartialFingerprints(map[string]string{FingerprintKey: f.Fingerprint})
	}
	if sp := f.Suppression; sp != nil {
		sup := sarif.NewSuppression().WithKind("inSource").WithStatus("accepted").WithJustification(sp.Justification).
			WithLocation(location(s, sp.Pos.Filename, sp.Pos.Offset, sp.End.Offset))
		res.WithSuppressions([]*sarif.Suppression{sup})
	}
	return res
}

// location is a physical location with a region in UTF-16 columns, the
// region's text as snippet, and the whole lines as context region.
func location(s *Scan, path string, start, end int) *sarif.Location {
	pl := sarif.NewPhysicalLocation().WithArtifactLocation(artifact(s.Root, path))
	if src := s.Sources.Src(path); src != nil {
		end = max(start, end)
		pl.WithRegion(region(s.Sources, path, start, end, true))
		ls, _ := lineBounds(src, start)
		_, le := lineBounds(src, end)
		pl.WithContextRegion(region(s.Sources, path, ls, max(le, ls), true))
	}
	return sarif.NewLocation().WithPhysicalLocation(pl)
}

// region spans [start, end) of the file at path, in lines and UTF-16
// columns.
func region(srcs *Sources, path string, start, end int, snippet bool) *sarif.Region {
	src := srcs.Src(path)
	start = max(0, min(start, len(src)))
	end = max(start, min(end, len(src)))
	a, b := srcs.point(path, start), srcs.point(path, end)
	r := sarif.NewRegion().WithStartLine(a.Line).WithStartColumn(a.Column).WithEndLine(b.Line).WithEndColumn(b.Column)
	if snippet {
		r.WithSnippet(sarif.NewArtifactContent().WithText(string(src[start:end])))
	}
	return r
}

// fix converts the i-th suggested fix of a finding.
func fix(s *Scan, f Finding, i int, msg string) *sarif.Fix {
	byFile := map[string][]driver.FileEdit{}
	var files []string
	for _, e := range f.FixEdits(i) {
		if s.Sources.Src(e.Filename) == nil {
			return nil // cannot express the edit: leave the fix out
		}
		if _, ok := byFile[e.Filename]; !ok {
			files = append(files, e.Filename)
		}
		byFile[e.Filename] = append(byFile[e.Filename], e)
	}
	if len(files) == 0 {
		return nil
	}
	x := sarif.NewFix().WithDescription(sarif.NewMessage().WithText(sentence(msg)))
	for _, name := range files {
		ch := sarif.NewArtifactChange().WithArtifactLocation(artifact(s.Root, name))
		edits := byFile[name]
		slices.SortStableFunc(edits, func(a, b driver.FileEdit) int { return a.Start - b.Start })
		for _, e := range edits {
			ch.AddReplacement(sarif.NewReplacement().
				WithDeletedRegion(region(s.Sources, name, e.Start, e.End, false)).
				WithInsertedContent(sarif.NewArtifactContent().WithText(e.New)))
		}
		x.AddArtifactChange(ch)
	}
	return x
}

// artifact locates a file: relative to %SRCROOT% when below the root, an
// absolute file URI otherwise.
func artifact(root Root, path string) *sarif.ArtifactLocation {
	if rel, ok := root.Rel(path); ok {
		return sarif.NewArtifactLocation().WithURI(relURI(rel)).WithURIBaseID(SrcRoot)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	return sarif.NewArtifactLocation().WithURI(fileURI(abs))
}

// relURI escapes a slash-separated relative path as a URI reference.
func relURI(rel string) string {
	return (&url.URL{Path: rel}).String()
}

// fileURI is the file URI of an absolute path.
func fileURI(abs string) string {
	p := filepath.ToSlash(abs)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // C:/x -> /C:/x
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// dirURI is the file URI of a directory, with the trailing slash SARIF
// requires of a base URI.
func dirURI(abs string) string {
	u := fileURI(abs)
	if !strings.HasSuffix(u, "/") {
		u += "/"
	}
	return u
}

func level(s driver.Severity) string {
	switch s {
	case driver.Error:
		return sarif.LevelError
	case driver.Note:
		return sarif.LevelNote
	}
	return sarif.LevelWarning
}

func logicalKind(k string) string {
	switch k {
	case "method", "initializer", "property":
		return "member"
	}
	return "function"
}

// capitalize upper-cases the first letter of a title whose first word is a
// plain lower-case word (not an identifier such as kSecAttrService).
func capitalize(s string) string {
	word, _, _ := strings.Cut(s, " ")
	if word == "" || strings.ToLower(word) != word || word[0] < 'a' || word[0] > 'z' {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// sentence ends a message with a period, as SARIF asks of messages (the
// text output keeps the rules' wording as it is).
func sentence(s string) string {
	s = strings.TrimSpace(oneLine(s))
	if s == "" || strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!") {
		return s
	}
	return s + "."
}
