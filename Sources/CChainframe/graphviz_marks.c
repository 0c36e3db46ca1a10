/* Keeps Graphviz 2.42's component marks from wrapping inside a layout.
 *
 * dot's `decompose` (lib/dotgen/decomp.c) finds connected components and tells the nodes it
 * has visited by a mark: a static `char` that every call increments, going from 255 back to 1,
 * for the whole life of the process. `dot1_rank` calls it a second time when rank=min/max sets
 * leave other sources or sinks (a lesson's inputs pinned to the first rank and a constant
 * beside them), right after `acyclic` has set every node's mark to TRUE, that is 1. When that
 * second call is the one where the mark wraps to 1, every node looks visited: no components,
 * no ranks, and `dot_mincross` dies with SIGSEGV in its own `decompose`. Which layout that is
 * depends on every layout the process ran before (about one in 255 of those that take the
 * second call), so it struck `batch` and `watch`, never a single render.
 *
 * The mark cannot be reset, but it can be read and moved with the plugin's own exported
 * `decompose`: run on a one-node graph, it writes the current mark into that node. Before each
 * layout the mark is read, and when fewer than `LAYOUT_CALLS` calls remain before the wrap it
 * is moved on to 1. The layout's own calls then see 2, 3, … and none of them meets a node
 * marked 1 by `acyclic` or by an earlier call of the same layout.
 */
#define _GNU_SOURCE
#include "graphviz_marks.h"

#include <dlfcn.h>
#include <link.h>
#include <string.h>
#include <graphviz/cgraph.h>
#include <graphviz/types.h>

/* More `decompose` calls than one layout makes (two or three without clusters; each cluster
 * ranked on its own adds a few). */
enum { LAYOUT_CALLS = 64 };

typedef void (*decompose_function)(Agraph_t *graph, int pass);

static int find_dot_plugin(struct dl_phdr_info *info, size_t size, void *found) {
    (void)size;
    if (info->dlpi_name && strstr(info->dlpi_name, "libgvplugin_dot_layout")) {
        *(const char **)found = info->dlpi_name;
        return 1;
    }
    return 0;
}

/* The loaded dot plugin's `decompose`; NULL before the plugin is loaded (its mark is then still
 * at 0 and the first layout cannot reach the wrap) or if it does not export one. */
static decompose_function dot_decompose(void) {
    static decompose_function decompose = NULL;
    static int looked = 0;
    if (decompose || looked) return decompose;
    const char *path = NULL;
    dl_iterate_phdr(find_dot_plugin, &path);
    if (!path) return NULL;
    looked = 1;
    void *plugin = dlopen(path, RTLD_LAZY | RTLD_NOLOAD);
    if (plugin) decompose = (decompose_function)dlsym(plugin, "decompose");
    return decompose;
}

void cf_gv_keep_marks_clear(void) {
    static Agraph_t *probe = NULL;
    static Agnode_t *node = NULL;
    decompose_function decompose = dot_decompose();
    if (!decompose) return;
    if (!node) {
        if (!probe) probe = agopen("chainframe-mark-probe", Agdirected, NULL);
        if (!probe) return;
        agbindrec(probe, "Agraphinfo_t", sizeof(Agraphinfo_t), TRUE);
        node = agnode(probe, "probe", 1);
        if (!node) return;
        agbindrec(node, "Agnodeinfo_t", sizeof(Agnodeinfo_t), TRUE);
    }
    /* Each call writes the mark it used into the probe node (its component list is reused).
     * At most one turn of the counter, whatever another Graphviz version does with the mark. */
    decompose(probe, 0);
    for (int turn = 0; turn < 255 && (unsigned char)ND_mark(node) > 255 - LAYOUT_CALLS; turn++) {
        decompose(probe, 0);
    }
}
