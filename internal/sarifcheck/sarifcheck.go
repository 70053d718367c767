// Package sarifcheck validates SARIF logs in tests: against the OASIS SARIF
// 2.1.0 JSON schema that github.com/owenrumney/go-sarif/v3 embeds (with
// github.com/santhosh-tekuri/jsonschema/v6, formats asserted), against
// GitHub code scanning's extra requirement that every run has a results
// array, and against consistency rules the schema cannot express (rule
// indexes, declared uriBaseIds, ordered regions).
//
// The schema is read from go-sarif's module source (the version go.mod
// requires), located with `go list -m`, so this package is for tests and
// development tools, not for the keychainlint binary.
package sarifcheck

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// SchemaID is the $id (draft-04 "id") of the schema go-sarif embeds.
const SchemaID = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

const goSarifModule = "github.com/owenrumney/go-sarif/v3"

var (
	once     sync.Once
	compiled *jsonschema.Schema
	loadErr  error
)

// SchemaText returns the SARIF 2.1.0 schema embedded in go-sarif (the
// unexported constant "schema" of pkg/report/v210/sarif/schema.go).
func SchemaText() (string, error) {
	cmd := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", goSarifModule)
	// Run in this package's source directory, inside the module, since
	// tests may change the working directory.
	if _, file, _, ok := runtime.Caller(0); ok && filepath.IsAbs(file) {
		cmd.Dir = filepath.Dir(file)
	}
	out, err := cmd.Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			err = fmt.Errorf("%v: %s", err, ee.Stderr)
		}
		return "", fmt.Errorf("locating %s: %w", goSarifModule, err)
	}
	dir := strings.TrimSpace(string(out))
	path := filepath.Join(dir, "pkg", "report", "v210", "sarif", "schema.go")
	src, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	f, err := parser.ParseFile(token.NewFileSet(), path, src, 0)
	if err != nil {
		return "", err
	}
	for _, d := range f.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.CONST {
			continue
		}
		for _, spec := range gd.Specs {
			vs := spec.(*ast.ValueSpec)
			for i, name := range vs.Names {
				if name.Name != "schema" || i >= len(vs.Values) {
					continue
				}
				lit, ok := vs.Values[i].(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					return "", fmt.Errorf("%s: const schema is not a string literal", path)
				}
				return strconv.Unquote(lit.Value)
			}
		}
	}
	return "", fmt.Errorf("%s: no const schema", path)
}

func schema() (*jsonschema.Schema, error) {
	once.Do(func() {
		text, err := SchemaText()
		if err != nil {
			loadErr = err
			return
		}
		doc, err := jsonschema.UnmarshalJSON(strings.NewReader(text))
		if err != nil {
			loadErr = fmt.Errorf("the embedded schema: %w", err)
			return
		}
		if m, ok := doc.(map[string]any); !ok || m["id"] != SchemaID {
			loadErr = fmt.Errorf("the embedded schema is not the OASIS SARIF 2.1.0 schema (id %v)", m["id"])
			return
		}
		c := jsonschema.NewCompiler()
		c.AssertFormat()
		if err := c.AddResource(SchemaID, doc); err != nil {
			loadErr = err
			return
		}
		compiled, loadErr = c.Compile(SchemaID)
	})
	return compiled, loadErr
}

// Validate checks a SARIF log: the schema, GitHub's results requirement
// and consistency. The error lists every problem found.
func Validate(data []byte) error {
	sch, err := schema()
	if err != nil {
		return err
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return fmt.Errorf("not JSON: %w", err)
	}
	if err := sch.Validate(inst); err != nil {
		return fmt.Errorf("does not match the SARIF 2.1.0 schema: %w", err)
	}
	var log struct {
		Runs []map[string]json.RawMessage `json:"runs"`
	}
	if err := json.Unmarshal(data, &log); err != nil {
		return err
	}
	var problems []string
	if len(log.Runs) == 0 {
		problems = append(problems, "no runs")
	}
	for i, run := range log.Runs {
		problems = append(problems, checkRun(fmt.Sprintf("runs[%d]", i), run)...)
	}
	if len(problems) > 0 {
		return errors.New(strings.Join(problems, "\n"))
	}
	return nil
}

type region struct {
	StartLine   *int `json:"startLine"`
	StartColumn *int `json:"startColumn"`
	EndLine     *int `json:"endLine"`
	EndColumn   *int `json:"endColumn"`
}

type physical struct {
	ArtifactLocation *struct {
		URI       string `json:"uri"`
		URIBaseID string `json:"uriBaseId"`
	} `json:"artifactLocation"`
	Region        *region `json:"region"`
	ContextRegion *region `json:"contextRegion"`
}

type location struct {
	PhysicalLocation *physical `json:"physicalLocation"`
}

func checkRun(at string, run map[string]json.RawMessage) []string {
	var problems []string
	bad := func(format string, args ...any) { problems = append(problems, at+": "+fmt.Sprintf(format, args...)) }

	rawResults, ok := run["results"]
	if !ok || !bytes.HasPrefix(bytes.TrimSpace(rawResults), []byte("[")) {
		bad("no results array (GitHub code scanning requires one, empty or not)")
		return problems
	}
	var tool struct {
		Driver struct {
			Rules []struct {
				ID string `json:"id"`
			} `json:"rules"`
		} `json:"driver"`
	}
	json.Unmarshal(run["tool"], &tool)
	bases := map[string]bool{}
	var obases map[string]json.RawMessage
	json.Unmarshal(run["originalUriBaseIds"], &obases)
	for k := range obases {
		bases[k] = true
	}
	checkLoc := func(where string, l location) {
		p := l.PhysicalLocation
		if p == nil {
			return
		}
		if a := p.ArtifactLocation; a != nil && a.URIBaseID != "" && !bases[a.URIBaseID] {
			bad("%s: uriBaseId %q is not declared in originalUriBaseIds", where, a.URIBaseID)
		}
		for _, r := range []*region{p.Region, p.ContextRegion} {
			if r == nil {
				continue
			}
			if r.StartLine == nil {
				bad("%s: region without startLine", where)
				continue
			}
			if r.EndLine != nil && *r.EndLine < *r.StartLine {
				bad("%s: region ends (line %d) before it starts (line %d)", where, *r.EndLine, *r.StartLine)
			}
			if r.StartColumn != nil && r.EndColumn != nil && (r.EndLine == nil || *r.EndLine == *r.StartLine) && *r.EndColumn < *r.StartColumn {
				bad("%s: region ends (column %d) before it starts (column %d)", where, *r.EndColumn, *r.StartColumn)
			}
		}
	}
	var results []struct {
		RuleID           string     `json:"ruleId"`
		RuleIndex        *int       `json:"ruleIndex"`
		Locations        []location `json:"locations"`
		RelatedLocations []location `json:"relatedLocations"`
		Suppressions     []struct {
			Location *location `json:"location"`
		} `json:"suppressions"`
	}
	if err := json.Unmarshal(rawResults, &results); err != nil {
		bad("results: %v", err)
		return problems
	}
	for i, r := range results {
		where := fmt.Sprintf("results[%d]", i)
		if r.RuleIndex != nil {
			if *r.RuleIndex < 0 || *r.RuleIndex >= len(tool.Driver.Rules) {
				bad("%s: ruleIndex %d out of range (%d rules)", where, *r.RuleIndex, len(tool.Driver.Rules))
			} else if id := tool.Driver.Rules[*r.RuleIndex].ID; id != r.RuleID {
				bad("%s: ruleIndex %d names rule %q, ruleId is %q", where, *r.RuleIndex, id, r.RuleID)
			}
		}
		for j, l := range r.Locations {
			checkLoc(fmt.Sprintf("%s.locations[%d]", where, j), l)
		}
		for j, l := range r.RelatedLocations {
			checkLoc(fmt.Sprintf("%s.relatedLocations[%d]", where, j), l)
		}
		for j, s := range r.Suppressions {
			if s.Location != nil {
				checkLoc(fmt.Sprintf("%s.suppressions[%d].location", where, j), *s.Location)
			}
		}
	}
	return problems
}
