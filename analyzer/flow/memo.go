package flow

import "sync"

// Memo returns the value build computes for key, computing it once per
// program: a rule that needs a program-wide index (every add of the scan,
// the code reachable from background entry points) builds it in the
// first file's pass and reuses it in the others, instead of once per
// file. The value lives as long as the program, so an edited program in
// the language server starts afresh. key must be comparable (a rule's
// own unexported type).
func (p *Program) Memo(key any, build func() any) any {
	e, _ := p.memo.LoadOrStore(key, &memoEntry{})
	m := e.(*memoEntry)
	m.once.Do(func() { m.v = build() })
	return m.v
}

type memoEntry struct {
	once sync.Once
	v    any
}
