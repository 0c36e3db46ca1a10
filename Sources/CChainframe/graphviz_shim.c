/* Graphviz accessors and const-correct wrappers (see cchainframe.h). */
#include "cchainframe.h"
#include "graphviz_marks.h"

#include <stdlib.h>
#include <string.h>
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
#include <graphviz/types.h>

#define G(p) ((Agraph_t *)(p))
#define N(p) ((Agnode_t *)(p))
#define E(p) ((Agedge_t *)(p))

/* ---- message capture (callers hold a process-wide lock) ---- */

static char *message_buffer = NULL;
static size_t message_length = 0;
static size_t message_capacity = 0;

static int collect_message(char *text) {
    size_t n = text ? strlen(text) : 0;
    if (message_length + n + 1 > message_capacity) {
        size_t capacity = message_capacity ? message_capacity : 256;
        while (capacity < message_length + n + 1) capacity *= 2;
        char *grown = realloc(message_buffer, capacity);
        if (!grown) return 0;
        message_buffer = grown;
        message_capacity = capacity;
    }
    memcpy(message_buffer + message_length, text, n);
    message_length += n;
    message_buffer[message_length] = '\0';
    return (int)n;
}

void cf_gv_messages_begin(void) {
    agseterrf(collect_message);
    agseterr(AGWARN);
    agreseterrors();
    message_length = 0;
    if (message_buffer) message_buffer[0] = '\0';
}

const char *cf_gv_messages(void) {
    return message_buffer ? message_buffer : "";
}

int cf_gv_had_error(void) {
    return agerrors() >= AGERR;
}

/* ---- context and graph ---- */

cf_gv_context *cf_gv_context_new(void) {
    return (cf_gv_context *)gvContext();
}

void cf_gv_context_free(cf_gv_context *context) {
    if (context) gvFreeContext((GVC_t *)context);
}

cf_gv_graph *cf_gv_graph_new(const char *name) {
    return (cf_gv_graph *)agopen((char *)name, Agdirected, NULL);
}

void cf_gv_graph_close(cf_gv_graph *graph) {
    if (graph) agclose(G(graph));
}

int cf_gv_graph_set(cf_gv_graph *graph, const char *name, const char *value) {
    return agsafeset(G(graph), (char *)name, (char *)value, "");
}

int cf_gv_node_default(cf_gv_graph *graph, const char *name, const char *value) {
    return agattr(G(graph), AGNODE, (char *)name, (char *)value) ? 0 : -1;
}

int cf_gv_edge_default(cf_gv_graph *graph, const char *name, const char *value) {
    return agattr(G(graph), AGEDGE, (char *)name, (char *)value) ? 0 : -1;
}

cf_gv_node *cf_gv_node_add(cf_gv_graph *graph, const char *name) {
    return (cf_gv_node *)agnode(G(graph), (char *)name, 1);
}

cf_gv_graph *cf_gv_subgraph(cf_gv_graph *graph, const char *name, const char *rank) {
    Agraph_t *sub = agsubg(G(graph), (char *)name, 1);
    if (sub && rank) agsafeset(sub, "rank", (char *)rank, "");
    return (cf_gv_graph *)sub;
}

int cf_gv_subgraph_add(cf_gv_graph *subgraph, cf_gv_node *node) {
    return agsubnode(G(subgraph), N(node), 1) ? 0 : -1;
}

int cf_gv_node_set(cf_gv_node *node, const char *name, const char *value) {
    return agsafeset(N(node), (char *)name, (char *)value, "");
}

cf_gv_edge *cf_gv_edge_add(cf_gv_graph *graph, cf_gv_node *tail, cf_gv_node *head, const char *name) {
    return (cf_gv_edge *)agedge(G(graph), N(tail), N(head), (char *)name, 1);
}

int cf_gv_layout(cf_gv_context *context, cf_gv_graph *graph, const char *engine) {
    cf_gv_keep_marks_clear();
    return gvLayout((GVC_t *)context, G(graph), engine);
}

void cf_gv_free_layout(cf_gv_context *context, cf_gv_graph *graph) {
    gvFreeLayout((GVC_t *)context, G(graph));
}

/* ---- accessors ---- */

cf_box cf_gv_graph_bounding_box(const cf_gv_graph *graph) {
    boxf bb = GD_bb(G(graph));
    cf_box box = { bb.LL.x, bb.LL.y, bb.UR.x, bb.UR.y };
    return box;
}

cf_point cf_gv_node_center(const cf_gv_node *node) {
    pointf p = ND_coord(N(node));
    cf_point point = { p.x, p.y };
    return point;
}

double cf_gv_node_width(const cf_gv_node *node) { return ND_width(N(node)) * 72.0; }
double cf_gv_node_height(const cf_gv_node *node) { return ND_height(N(node)) * 72.0; }

size_t cf_gv_edge_point_count(const cf_gv_edge *edge) {
    splines *spl = ED_spl(E(edge));
    if (!spl) return 0;
    size_t count = 0;
    for (int i = 0; i < spl->size; i++) count += (size_t)spl->list[i].size;
    return count;
}

size_t cf_gv_edge_points(const cf_gv_edge *edge, cf_point *out, size_t capacity) {
    splines *spl = ED_spl(E(edge));
    if (!spl) return 0;
    size_t count = 0;
    for (int i = 0; i < spl->size; i++) {
        bezier *bz = &spl->list[i];
        for (int j = 0; j < bz->size && count < capacity; j++) {
            out[count].x = bz->list[j].x;
            out[count].y = bz->list[j].y;
            count++;
        }
    }
    return count;
}

int cf_gv_edge_end_arrow(const cf_gv_edge *edge, cf_point *tip) {
    splines *spl = ED_spl(E(edge));
    if (!spl || spl->size == 0) return 0;
    bezier *last = &spl->list[spl->size - 1];
    if (!last->eflag) return 0;
    tip->x = last->ep.x;
    tip->y = last->ep.y;
    return 1;
}

/* ---- parsing ---- */

int cf_gv_parse_counts(const char *text, int *nodes, int *edges) {
    Agraph_t *graph = agmemread(text);
    if (!graph || agerrors() >= AGERR) {
        if (graph) agclose(graph);
        return -1;
    }
    if (nodes) *nodes = agnnodes(graph);
    if (edges) *edges = agnedges(graph);
    agclose(graph);
    return 0;
}

int cf_gv_render_png(cf_gv_context *context, const char *text, size_t *length) {
    Agraph_t *graph = agmemread(text);
    if (!graph) return -1;
    int status = -1;
    cf_gv_keep_marks_clear();
    if (gvLayout((GVC_t *)context, graph, "dot") == 0) {
        char *data = NULL;
        unsigned int size = 0;
        if (gvRenderData((GVC_t *)context, graph, "png", &data, &size) == 0) {
            if (length) *length = size;
            status = 0;
        }
        if (data) gvFreeRenderData(data);
        gvFreeLayout((GVC_t *)context, graph);
    }
    agclose(graph);
    return status;
}
