// Command factstat prints what the flow engine knows at every SecItem call
// of a tree: a development aid for checking the engine on real code
// (docs/real-world.md).
package main

import (
	"context"
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/keychainlint/keychainlint/analyzer/driver"
	"github.com/keychainlint/keychainlint/analyzer/flow"
	"github.com/keychainlint/keychainlint/analyzer/model"
	"github.com/keychainlint/keychainlint/analyzer/source"
)

func main() {
	verbose := len(os.Args) > 2 && os.Args[2] == "-v"
	files, _, err := source.Collect([]string{os.Args[1]}, source.Options{MaxFileSize: 5 << 20})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	var inputs []driver.Input
	for _, f := range files {
		inputs = append(inputs, driver.Input{File: f})
	}
	res, err := driver.Run(context.Background(), inputs, driver.Config{Analyzers: nil})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	prog := flow.NewProgram(res.Files, 0)
	total, dict, class, complete, via := 0, 0, 0, 0, 0
	for _, f := range res.Files {
		calls := prog.FileResult(f).Calls
		sort.Slice(calls, func(i, j int) bool { return calls[i].Site.Span.Start < calls[j].Site.Span.Start })
		for _, c := range calls {
			if c.Via != nil {
				via++
				if !verbose {
					continue
				}
			}
			total++
			line := 1 + strings.Count(string(c.Site.File.Src[:c.Site.Span.Start]), "\n")
			desc := "no dictionary"
			if c.Dict != nil {
				dict++
				cl, ok := c.Dict.Class()
				cn := "?"
				if ok {
					class++
					cn = cl.Short
				}
				if c.Dict.Complete {
					complete++
				}
				var ks []string
				for _, e := range c.Dict.Keys() {
					m := ""
					if !e.Must {
						m = "?"
					}
					if e.Platforms != model.AllPlatforms {
						m += "[" + e.Platforms.String() + "]"
					}
					ks = append(ks, e.Name+m)
				}
				desc = fmt.Sprintf("class=%s complete=%v keys=%s", cn, c.Dict.Complete, strings.Join(ks, " "))
			}
			if c.Via != nil {
				desc += " via " + c.Via.Name
			}
			if verbose {
				fmt.Printf("%s:%d %s in %s: %s\n", f.Path, line, c.Op.Func(), c.Func.Name, desc)
			}
		}
	}
	fmt.Printf("%d direct SecItem calls: %d with a dictionary followed, %d with a known class, %d complete; %d more call facts through helpers and wrappers\n", total, dict, class, complete, via)
	st := prog.Stats()
	fmt.Printf("flow engine: %d function interpretations, %d call cycles widened, %d calls cut by the safety net, at most %d steps in one interpretation\n", st.Interpretations, st.Widened, st.Cuts, st.MaxSteps)
}
