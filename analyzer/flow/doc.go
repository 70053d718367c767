// Package flow is keychainlint's dataflow engine.
//
// It interprets each function of the model abstractly, along every path,
// and records what every SecItem call receives:
//
//   - Abstract dictionaries (Obj, DictState): the keys that must be present,
//     the keys that may be present and on which platforms, their constant
//     values where known (class, accessibility, match limit), whether the
//     dictionary is complete (no unknown contribution such as a parameter
//     or an unresolved helper), its identity (allocation site; reference
//     types alias on assignment, Swift dictionaries copy), and the SecItem
//     calls that already consumed it, with the state it had at each.
//   - Abstract statuses (StatusSet): the outcomes a SecItem call's status
//     may still have on a path — success, item not found, interaction not
//     allowed, other — narrowed along if/guard/switch/early return.
//   - Result out-parameters: a SecItem call writes the variable its result
//     pointer names (`&result`), which then stands for the call's result
//     (nil when it failed), so `if (result)` and `if let d = result as? Data`
//     are not taken as dead, and a forced use of it where the status may
//     be a failure is recorded (ResultUse, resultuse.go).
//   - The platform scope of each program point, narrowed by #if regions.
//   - Loops run their body twice and join; a for-in loop over a literal
//     array (or a variable holding one) binds its variable to the join of
//     the elements' constants, so `for cls in [kSecClassKey, …]` gives
//     kSecClass every class (forin.go).
//
// Interprocedural summaries (program.go) make helpers transparent:
// functions, methods, computed properties and constants that return a
// dictionary; wrappers that pass a dictionary parameter on to a SecItem
// call (each call of the wrapper becomes a call fact at the call site);
// and helpers that write keys into a dictionary they are given.
//
// Each (function, specialisation) is analysed once and cached; a call
// reads its callee's cached result, computed on first use. Functions that
// call each other — a strongly connected component of the static call
// graph (callgraph.go), built with the same call resolution as the
// interpreter — are iterated to a fixed point in at most maxRounds rounds,
// each round's calls into the cycle reading the previous round, starting
// from "unknown" (fixpoint.go). Every result is a function of the
// (function, specialisation) alone, so findings do not depend on the order
// of the files or on which worker reaches a function first, and the work
// is linear in the number of analyses. A call cycle the static graph did
// not foresee is cut by a safety net (program.go) and counted.
//
// Helpers are specialised per call (spec.go) on the arguments that
// decide their branches: nil, false, true, or certainly non-nil (a
// literal, a Swift value of a non-optional type), for `if (x)`,
// `x != nil`, `x == nil`, `if let`, `guard let` and `x ?? y`. Members of
// a Swift struct parameter take part too (`if let a = p.key` in a helper
// given a local copy whose key was set to nil: Swift structs are copied,
// so the engine tracks `m.key` of a struct-typed local like a variable),
// and so do the enclosing function's parameters that a nested function
// uses (a call from the enclosing function passes the values it knows).
// At most six of them take part, so the number of analyses per function
// is bounded by the function alone. A helper's own SecItem call reached
// through such a call is an indirect fact marked Narrowed: its dictionary
// holds for that call path only.
//
// Calls resolve to helpers only when the callee is certain (resolve.go):
// a method of the caller's own type, of a named type or of a receiver
// whose type is known; a free function; or, for a receiver of unknown
// type, the only method with that signature in the caller's module (the
// project's module, or a directory fallback that keeps vendored
// libraries and sibling directories apart). A call on a receiver of
// unknown type never resolves into another module, and never by the
// only candidate with defaulted parameters.
//
// The engine is built for precision over recall: absent keys are only
// meaningful on a complete dictionary, and anything the engine cannot
// follow makes a dictionary incomplete rather than guessed.
package flow
