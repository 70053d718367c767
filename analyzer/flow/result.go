package flow

import "github.com/keychainlint/keychainlint/analyzer/model"

// Result is the flow engine's result for one file: every SecItem call the
// file's functions make, directly or through a wrapper.
type Result struct {
	File  *model.File
	Calls []*CallFact
	// Exits are the success exits reached while a status may be a failure
	// the code only told apart from one error (see StatusExit).
	Exits []*StatusExit
	// ResultUses are the uses of a call's result out-parameter that stop
	// the program while its status may be a failure (see ResultUse).
	ResultUses []*ResultUse
}

// Presence says whether a call has a result pointer.
type Presence uint8

const (
	Absent Presence = iota
	Present
	MaybePresent
)

// CallFact is what one SecItem call receives, joined over every path that
// reaches it.
type CallFact struct {
	Op model.Op
	// Call is the SecItem call. For a call made through a wrapper it is the
	// call inside the wrapper, and Via is the wrapper.
	Call *model.SecItemCall
	Via  *model.Func
	// Callee is the function called at Site for a call made through a
	// helper (Via is the innermost wrapper, which may be deeper).
	Callee *model.Func
	// Indirect marks a call a helper makes with a dictionary of its own
	// (not one the caller passed): the call happens at the helper's call
	// site, which matters for the order of calls and statuses, but its
	// dictionary is the helper's, already checked at the helper's own
	// call fact. Rules about dictionary contents skip indirect facts.
	Indirect bool
	// Narrowed marks an indirect call whose helper (or a helper on the way
	// to it) was analysed for this call path with known arguments (nil, a
	// boolean, a struct member set to nil, a captured parameter): its Dict
	// may be narrower than at the helper's own call fact, which joins
	// every caller.
	Narrowed bool
	// Origin is, for an indirect call, where the helper's own call fact
	// is: the name of its SecItem call, or of the wrapper it passes its
	// dictionary to (zero for other calls).
	Origin Site
	// Always (for a call made through a helper) reports that the helper
	// makes the call on every path through it, not only sometimes (a
	// getter that deletes an expired item).
	Always bool
	// Site is where the call happens in Func: the SecItem call itself, or
	// the call of the wrapper. NameSite is the called function's name.
	Site     Site
	NameSite Site
	Func     *model.Func
	// Dict is the query (read, update, delete) or the attributes (add);
	// Update is attributesToUpdate. Nil when the argument is not a
	// dictionary the engine could follow.
	Dict   *DictState
	Update *DictState
	// Result tells whether a result pointer is passed (add, read).
	Result Presence
	// Platforms is the platform scope of the call: #if regions around it,
	// around its function, and the configured platforms.
	Platforms model.Platform
	// PriorUses are the earlier SecItem calls, on some path to this one,
	// that received the same dictionary object as Dict; PriorUpdateUses
	// likewise for Update.
	PriorUses       Uses
	PriorUpdateUses Uses
	// Writes are the changes made to the Dict object before this call.
	Writes []Write
	// Earlier maps the earlier SecItem calls of the function (on some path
	// to this one) to the outcomes their status may still have here: reads
	// (direct, or through a helper whose result tells whether its read
	// failed), deletes, and direct adds and updates. Recorded for deletes
	// (the reads before them), adds (the reads, deletes and updates before
	// them) and updates (the reads and adds before them) only.
	Earlier map[*CallFact]StatusSet
	// EarlierBranch is, for an earlier call whose status was tested on the
	// way here, the condition (or case) that last narrowed it.
	EarlierBranch map[*CallFact]Site

	visited bool
	visits  int // how many times the call was recorded (loops)
}

// WritesAfter returns the writes to the call's dictionary that happened
// after the use u.
func (f *CallFact) WritesAfter(u Use) []Write {
	var out []Write
	for _, w := range f.Writes {
		if w.Seq > u.Seq {
			out = append(out, w)
		}
	}
	return out
}
