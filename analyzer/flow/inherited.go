package flow

// isInherited reports whether some type of the program names t as its
// superclass or as a protocol it conforms to (model.File.Types): a value
// declared as t may then be of any of those types.
func (p *Program) isInherited(t string) bool {
	p.inheritOnce.Do(func() {
		p.inherited = map[string]bool{}
		for _, f := range p.Files {
			for _, d := range f.Types {
				for _, s := range d.Inherits {
					p.inherited[s] = true
				}
			}
		}
	})
	return p.inherited[t]
}
