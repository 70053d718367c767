package inventory

import (
	"reflect"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/keychainlint/keychainlint/analyzer/flow"
)

// Collector gathers the flow results of a driver run, so that the
// inventory is built from the scan the rules see (same files, project
// facts, configuration and platforms). Its Analyzer reports nothing.
type Collector struct {
	mu      sync.Mutex
	results []*flow.Result
}

// Analyzer returns the analyzer to run with the driver (driver.Config.
// Analyzers); it runs once per file, in parallel.
func (c *Collector) Analyzer() *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:       "inventory",
		Doc:        "collects the flow results of every file for keychainlint inventory",
		Requires:   []*analysis.Analyzer{flow.Analyzer},
		ResultType: reflect.TypeOf(struct{}{}),
		Run: func(pass *analysis.Pass) (any, error) {
			if r, ok := pass.ResultOf[flow.Analyzer].(*flow.Result); ok && r != nil {
				c.mu.Lock()
				c.results = append(c.results, r)
				c.mu.Unlock()
			}
			return struct{}{}, nil
		},
	}
}

// Results returns what the analyzer collected (in no particular order:
// Build sorts).
func (c *Collector) Results() []*flow.Result {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]*flow.Result(nil), c.results...)
}
