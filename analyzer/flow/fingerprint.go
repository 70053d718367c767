package flow

import (
	"fmt"
	"sort"
	"strings"
)

// fingerprint describes everything a caller can observe of a summary
// (what instantiate and forward read), so that two rounds of a call
// cycle's fixed point can be compared: equal fingerprints mean every
// caller's interpretation proceeds identically. Facts are described by
// their content, not their identity (each round creates new ones); model
// nodes and files by identity, which is stable within a run.
func fingerprint(r *funcResult) string {
	if r == nil || r.summary == nil {
		return "unknown"
	}
	s := r.summary
	var b strings.Builder
	fmt.Fprintf(&b, "arg=%d ok=%d fail=%d st=%d true=%d false=%d bool=%t\n", s.RetArg, s.ReadOK, s.ReadFail, s.RetReadStatus, s.ReadTrue, s.ReadFalse, s.BoolResult)
	b.WriteString("ret=")
	fpObj(&b, s.Ret)
	b.WriteString("\nconst=")
	fpConsts(&b, s.RetConst)
	for _, fw := range s.Forwards {
		f := fw.Fact
		fmt.Fprintf(&b, "\nfw op=%d call=%p via=%p res=%d plat=%d name=", f.Op, f.Call, f.Via, f.Result, f.Platforms)
		fpSite(&b, f.NameSite)
		b.WriteString(" origin=")
		fpSite(&b, f.Origin)
		fmt.Fprintf(&b, " ind=%t always=%t narrowed=%t dp=%d up=%d find=%t falways=%t dict=", f.Indirect, f.Always, f.Narrowed,
			fw.DictParam, fw.UpdateParam, fw.Indirect, fw.Always)
		fpObj(&b, fw.Dict)
		b.WriteString(" upd=")
		fpObj(&b, fw.Update)
	}
	params := make([]int, 0, len(s.ParamDeltas))
	for i := range s.ParamDeltas {
		params = append(params, i)
	}
	sort.Ints(params)
	for _, i := range params {
		fmt.Fprintf(&b, "\ndelta %d=", i)
		fpObj(&b, s.ParamDeltas[i])
	}
	return b.String()
}

func fpSite(b *strings.Builder, s Site) {
	fmt.Fprintf(b, "%p:%d-%d", s.File, s.Span.Start, s.Span.End)
}

func fpConsts(b *strings.Builder, cs []Const) {
	for _, c := range cs {
		fmt.Fprintf(b, "[%q %q %t %d %d %t ", c.Ident, c.Str, c.IsStr, c.Bool, c.Int, c.IsInt)
		fpSite(b, c.Site)
		b.WriteString("]")
	}
}

func fpObj(b *strings.Builder, o *Obj) {
	if o == nil {
		b.WriteString("nil")
		return
	}
	fmt.Fprintf(b, "{id=%d complete=%t ref=%t param=%d alloc=", o.ID, o.Complete, o.Ref, o.Param)
	fpSite(b, o.Alloc)
	keys := make([]string, 0, len(o.Entries))
	for k := range o.Entries {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		e := o.Entries[k]
		fmt.Fprintf(b, " %q:(%p %q must=%t plat=%d unk=%t vals=", k, e.Key, e.Name, e.Must, e.Platforms, e.UnknownValue)
		fpConsts(b, e.Values)
		b.WriteString(" sites=")
		for i, s := range e.Sites {
			fpSite(b, s)
			fmt.Fprintf(b, "@%d,", platAt(e.SitePlatforms, i))
		}
		fmt.Fprintf(b, " text=%q vsite=", e.ValueText)
		fpSite(b, e.ValueSite)
		fmt.Fprintf(b, " vparam=%d derived=%s vtype=%q nilbox=", e.ValueParam, e.ValueDerived.String(), e.ValueType)
		fpSite(b, e.NilBox)
		b.WriteString(" lit=")
		fpSite(b, e.Literal)
		b.WriteString(" kexpr=")
		fpSite(b, e.KeyExpr)
		b.WriteString(")")
	}
	removed := make([]string, 0, len(o.Removed))
	for k := range o.Removed {
		removed = append(removed, k)
	}
	sort.Strings(removed)
	fmt.Fprintf(b, " removed=%q writes=", removed)
	for _, w := range o.Writes {
		fmt.Fprintf(b, "(%d %q %q ", w.Seq, w.Key, w.Name)
		fpSite(b, w.Site)
		b.WriteString(")")
	}
	b.WriteString("}")
}
