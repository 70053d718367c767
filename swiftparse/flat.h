// Declarations of the part of the tree-sitter C API (lib/include/tree_sitter/api.h,
// ABI of the version github.com/smacker/go-tree-sitter vendors) that flat.c uses.
// That header lives in the binding's module directory, which cgo cannot name in
// an include path; the functions are compiled and linked by the binding's package.
// TestFlatHeaderMatchesBinding checks every declaration here against the
// binding's api.h, so that an upgrade of the binding that changes them fails.
#ifndef KEYCHAINLINT_FLAT_H_
#define KEYCHAINLINT_FLAT_H_

#include <stdbool.h>
#include <stdint.h>

typedef uint16_t TSSymbol;
typedef uint16_t TSFieldId;
typedef struct TSLanguage TSLanguage;
typedef struct TSTree TSTree;

typedef struct TSPoint {
  uint32_t row;
  uint32_t column;
} TSPoint;

typedef struct TSNode {
  uint32_t context[4];
  const void *id;
  const TSTree *tree;
} TSNode;

typedef struct TSTreeCursor {
  const void *tree;
  const void *id;
  uint32_t context[3];
} TSTreeCursor;

const TSLanguage *ts_tree_language(const TSTree *self);
uint32_t ts_language_field_count(const TSLanguage *self);
TSSymbol ts_node_symbol(TSNode self);
uint32_t ts_node_start_byte(TSNode self);
TSPoint ts_node_start_point(TSNode self);
uint32_t ts_node_end_byte(TSNode self);
TSPoint ts_node_end_point(TSNode self);
bool ts_node_is_named(TSNode self);
bool ts_node_is_missing(TSNode self);
bool ts_node_is_extra(TSNode self);
bool ts_node_has_error(TSNode self);
uint32_t ts_node_child_count(TSNode self);
uint32_t ts_node_descendant_count(TSNode self);
const char *ts_node_field_name_for_child(TSNode self, uint32_t child_index);
TSNode ts_node_child_by_field_id(TSNode self, TSFieldId field_id);
TSNode ts_node_parent(TSNode self);
TSNode ts_node_next_sibling(TSNode self);
TSNode ts_node_prev_sibling(TSNode self);
TSNode ts_node_named_descendant_for_point_range(TSNode self, TSPoint start, TSPoint end);
TSTreeCursor ts_tree_cursor_new(TSNode node);
void ts_tree_cursor_delete(TSTreeCursor *self);
bool ts_tree_cursor_goto_parent(TSTreeCursor *self);
bool ts_tree_cursor_goto_next_sibling(TSTreeCursor *self);
bool ts_tree_cursor_goto_first_child(TSTreeCursor *self);
TSNode ts_tree_cursor_current_node(const TSTreeCursor *self);
TSFieldId ts_tree_cursor_current_field_id(const TSTreeCursor *self);

// kl_ts holds a TSNode's bytes. Go stores the walked nodes as these: a
// TSNode holds pointers, and cgo would scan the whole array on each call
// that is passed a pointer into it.
typedef struct kl_ts {
  uint64_t words[4];
} kl_ts;

// kl_node is one syntax node of a flattened tree (see flat.go).
typedef struct kl_node {
  uint32_t start_byte, end_byte;
  TSPoint start_point, end_point;
  int32_t parent;       // index of the parent, -1 for the root
  uint32_t first_child; // the children are the child_count nodes from here
  uint32_t child_count;
  TSSymbol symbol;
  TSFieldId field;      // the tree cursor's field name of the node
  uint32_t flags;       // KL_NAMED, ...
} kl_node;

enum {
  KL_NAMED = 1,
  KL_MISSING = 2,
  KL_EXTRA = 4,
  KL_HAS_ERROR = 8,
};

// Results of kl_flatten.
enum {
  KL_OK = 0,
  KL_SHORT = 1,        // the buffers hold fewer than *count nodes
  KL_INCONSISTENT = 2, // the walk disagreed with the child counts
};

int kl_flatten(TSNode root, kl_node *out, kl_ts *nodes, uint32_t cap, uint32_t *count);
int64_t kl_child_by_field(uint32_t p, TSFieldId field, const kl_node *out, const kl_ts *nodes);
const char *kl_field_name_for_child(const kl_ts *node, uint32_t child_index);

// What kl_relative returns the index of.
enum {
  KL_PARENT = 0,
  KL_NEXT_SIBLING = 1,
  KL_PREV_SIBLING = 2,
};

int64_t kl_relative(uint32_t n, int which, const kl_node *out, const kl_ts *nodes);
int64_t kl_named_descendant(uint32_t n, TSPoint start, TSPoint end, const kl_node *out, const kl_ts *nodes);

#endif
