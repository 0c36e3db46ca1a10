/* Keeps Graphviz 2.42's component marks from wrapping inside a layout (see graphviz_marks.c). */
#ifndef GRAPHVIZ_MARKS_H
#define GRAPHVIZ_MARKS_H

/// Makes sure the next `dot` layout cannot reach the wrap of `decompose`'s mark. Call before
/// every gvLayout, under the lock every Graphviz call holds.
void cf_gv_keep_marks_clear(void);

#endif
