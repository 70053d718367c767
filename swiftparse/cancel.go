package swiftparse

import "context"

// uncancellable is the context a tree-sitter parse is given. go-tree-sitter's
// ParseCtx sets its parser's cancellation flag from a goroutine when the
// context ends, also just after the parse has returned, and clears it only
// when it sees that cancellation itself: a stale flag makes the parser's
// next parse return no tree, and that file an empty model without an error
// (found by the language server, whose newer edits cancel older analyses).
// So no parser sees a cancellable context: a parse is bounded by its
// operation limit (parseTimeLimit), and ctx is checked around it.
func uncancellable(ctx context.Context) context.Context { return context.WithoutCancel(ctx) }
