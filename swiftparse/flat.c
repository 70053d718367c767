#include "flat.h"

#include <stddef.h>
#include <string.h>

_Static_assert(sizeof(kl_ts) == sizeof(TSNode), "kl_ts holds a TSNode");

static TSNode kl_get(const kl_ts *nodes, uint32_t i) {
  TSNode n;
  memcpy(&n, &nodes[i], sizeof n);
  return n;
}

static void kl_fill(kl_node *out, kl_ts *nodes, uint32_t i, TSNode n, int32_t parent, TSFieldId field) {
  kl_node *r = &out[i];
  r->start_byte = ts_node_start_byte(n);
  r->end_byte = ts_node_end_byte(n);
  r->start_point = ts_node_start_point(n);
  r->end_point = ts_node_end_point(n);
  r->parent = parent;
  r->first_child = 0;
  r->child_count = 0;
  r->symbol = ts_node_symbol(n);
  r->field = field;
  r->flags = (ts_node_is_named(n) ? KL_NAMED : 0) | (ts_node_is_missing(n) ? KL_MISSING : 0) |
             (ts_node_is_extra(n) ? KL_EXTRA : 0) | (ts_node_has_error(n) ? KL_HAS_ERROR : 0);
  memcpy(&nodes[i], &n, sizeof n);
}

// kl_walk copies the tree into out and nodes with one tree cursor, without
// recursion (the cursor keeps the path; a node's parent index gives the way
// back up). The children of a node get consecutive slots, reserved when the
// walk enters the node, so that indexing a child costs nothing later.
static int kl_walk(TSNode root, kl_node *out, kl_ts *nodes, uint32_t total) {
  TSTreeCursor c = ts_tree_cursor_new(root);
  int rc = KL_OK;
  kl_fill(out, nodes, 0, root, -1, 0);
  uint32_t next = 1, cur = 0;
  for (;;) {
    uint32_t k = ts_node_child_count(kl_get(nodes, cur));
    if (k > 0) {
      if (!ts_tree_cursor_goto_first_child(&c) || k > total - next) {
        rc = KL_INCONSISTENT;
        break;
      }
      out[cur].first_child = next;
      out[cur].child_count = k;
      next += k;
      kl_fill(out, nodes, out[cur].first_child, ts_tree_cursor_current_node(&c), (int32_t)cur,
              ts_tree_cursor_current_field_id(&c));
      cur = out[cur].first_child;
      continue;
    }
    for (;;) {
      int32_t p = out[cur].parent;
      if (p < 0) goto done; // back at the root
      if (cur + 1 < out[p].first_child + out[p].child_count) {
        if (!ts_tree_cursor_goto_next_sibling(&c)) {
          rc = KL_INCONSISTENT;
          goto done;
        }
        cur++;
        kl_fill(out, nodes, cur, ts_tree_cursor_current_node(&c), p, ts_tree_cursor_current_field_id(&c));
        break;
      }
      if (ts_tree_cursor_goto_next_sibling(&c) || !ts_tree_cursor_goto_parent(&c)) {
        rc = KL_INCONSISTENT;
        goto done;
      }
      cur = (uint32_t)p;
    }
  }
done:
  ts_tree_cursor_delete(&c);
  if (rc == KL_OK && next != total) rc = 5;
  return rc;
}

// kl_find returns the index of r in the subtree of p, or -1. It walks only
// the nodes whose range holds r's, without recursion.
static int64_t kl_find(const kl_node *out, const kl_ts *nodes, uint32_t p, TSNode r) {
  uint32_t rs = ts_node_start_byte(r), re = ts_node_end_byte(r);
  uint32_t cur = p;
  for (;;) {
    if (kl_get(nodes, cur).id == r.id && out[cur].start_byte == rs) return cur;
    if (out[cur].child_count > 0 && out[cur].start_byte <= rs && re <= out[cur].end_byte) {
      cur = out[cur].first_child;
      continue;
    }
    for (;;) {
      if (cur == p) return -1;
      int32_t up = out[cur].parent;
      if (cur + 1 < out[up].first_child + out[up].child_count) {
        cur++;
        break;
      }
      cur = (uint32_t)up;
    }
  }
}

// kl_child_by_field returns the index of the node ts_node_child_by_field_id
// returns for node p of a flattened tree, or -1 for none. It is not always
// the child whose cursor field is that field: a field on a hidden node whose
// first visible child has a field of its own names that child too, and a
// field inherited through a visible child names a node inside that child.
int64_t kl_child_by_field(uint32_t p, TSFieldId field, const kl_node *out, const kl_ts *nodes) {
  TSNode r = ts_node_child_by_field_id(kl_get(nodes, p), field);
  if (r.id == NULL) return -1;
  return kl_find(out, nodes, p, r);
}

// kl_flatten copies the tree under root into out and nodes, which hold cap
// entries; *count is set to the number of nodes. It allocates nothing but
// the tree cursor, which it deletes.
int kl_flatten(TSNode root, kl_node *out, kl_ts *nodes, uint32_t cap, uint32_t *count) {
  uint32_t total = ts_node_descendant_count(root);
  *count = total;
  if (total > cap) return KL_SHORT;
  return kl_walk(root, out, nodes, total);
}

// kl_field_name_for_child is ts_node_field_name_for_child of a stored node.
const char *kl_field_name_for_child(const kl_ts *node, uint32_t child_index) {
  return ts_node_field_name_for_child(kl_get(node, 0), child_index);
}

// kl_relative returns the index of the node ts_node_parent,
// ts_node_next_sibling or ts_node_prev_sibling returns for node n, or -1.
// Those are not always the structural answers: for a zero-width node
// tree-sitter's search from the root can stop in an earlier sibling.
int64_t kl_relative(uint32_t n, int which, const kl_node *out, const kl_ts *nodes) {
  TSNode self = kl_get(nodes, n), r;
  switch (which) {
  case KL_PARENT:
    r = ts_node_parent(self);
    break;
  case KL_NEXT_SIBLING:
    r = ts_node_next_sibling(self);
    break;
  default:
    r = ts_node_prev_sibling(self);
  }
  if (r.id == NULL) return -1;
  return kl_find(out, nodes, 0, r);
}

// kl_named_descendant returns the index of the node
// ts_node_named_descendant_for_point_range returns for node n, or -1.
int64_t kl_named_descendant(uint32_t n, TSPoint start, TSPoint end, const kl_node *out, const kl_ts *nodes) {
  TSNode r = ts_node_named_descendant_for_point_range(kl_get(nodes, n), start, end);
  if (r.id == NULL) return -1;
  return kl_find(out, nodes, n, r);
}
