/// C shim for Chainframe's graphics layer.
///
/// Swift cannot expand Graphviz's ND_/ED_/GD_ accessor macros, and libpng reports
/// errors with setjmp/longjmp, which must never unwind through Swift frames.
/// Everything here uses opaque handles and plain structs so Swift never needs
/// the Graphviz or libpng headers directly.
#ifndef CCHAINFRAME_H
#define CCHAINFRAME_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---------------------------------------------------------------- Graphviz */

typedef struct cf_gv_context cf_gv_context; /* GVC_t */
typedef struct cf_gv_graph cf_gv_graph;     /* Agraph_t */
typedef struct cf_gv_node cf_gv_node;       /* Agnode_t */
typedef struct cf_gv_edge cf_gv_edge;       /* Agedge_t */

/// A point in Graphviz coordinates (points, y axis pointing up).
typedef struct { double x, y; } cf_point;

/// An axis-aligned box in Graphviz coordinates: lower-left and upper-right corners.
typedef struct { double llx, lly, urx, ury; } cf_box;

/// Creates a Graphviz context with plugins loaded on demand. NULL on failure.
cf_gv_context *cf_gv_context_new(void);
void cf_gv_context_free(cf_gv_context *context);

/// Routes all Graphviz messages at `AGWARN` and above into an internal buffer
/// (nothing is printed) and clears that buffer. Not thread-safe: callers serialize.
void cf_gv_messages_begin(void);
/// The messages collected since `cf_gv_messages_begin` (NUL-terminated, never NULL).
const char *cf_gv_messages(void);
/// 1 if an error-level message was reported since `cf_gv_messages_begin`.
int cf_gv_had_error(void);

/// Opens an empty, non-strict directed graph. NULL on failure.
cf_gv_graph *cf_gv_graph_new(const char *name);
/// Closes a graph and frees everything it owns (call `cf_gv_free_layout` first).
void cf_gv_graph_close(cf_gv_graph *graph);
/// Sets a graph attribute. Returns 0 on success.
int cf_gv_graph_set(cf_gv_graph *graph, const char *name, const char *value);
/// Declares a node attribute with a default value for all nodes. Returns 0 on success.
int cf_gv_node_default(cf_gv_graph *graph, const char *name, const char *value);
/// Declares an edge attribute with a default value for all edges. Returns 0 on success.
int cf_gv_edge_default(cf_gv_graph *graph, const char *name, const char *value);

cf_gv_node *cf_gv_node_add(cf_gv_graph *graph, const char *name);
int cf_gv_node_set(cf_gv_node *node, const char *name, const char *value);
/// A subgraph of `graph` whose nodes share a rank constraint (`rank` = "same", "min", "source", …).
cf_gv_graph *cf_gv_subgraph(cf_gv_graph *graph, const char *name, const char *rank);
/// Puts an existing node of the root graph into `subgraph`.
int cf_gv_subgraph_add(cf_gv_graph *subgraph, cf_gv_node *node);
/// Adds a named edge (distinct names give parallel edges). NULL on failure.
cf_gv_edge *cf_gv_edge_add(cf_gv_graph *graph, cf_gv_node *tail, cf_gv_node *head, const char *name);

/// Runs a layout engine ("dot"). Returns 0 on success.
int cf_gv_layout(cf_gv_context *context, cf_gv_graph *graph, const char *engine);
void cf_gv_free_layout(cf_gv_context *context, cf_gv_graph *graph);

/// The graph's bounding box after layout.
cf_box cf_gv_graph_bounding_box(const cf_gv_graph *graph);
/// A node's centre after layout.
cf_point cf_gv_node_center(const cf_gv_node *node);
/// A node's width and height in points after layout.
double cf_gv_node_width(const cf_gv_node *node);
double cf_gv_node_height(const cf_gv_node *node);

/// Number of Bézier control points of an edge's route, all spline pieces
/// concatenated (each piece is p0 followed by triples). 0 if not routed.
size_t cf_gv_edge_point_count(const cf_gv_edge *edge);
/// Copies up to `capacity` control points; returns the number copied.
size_t cf_gv_edge_points(const cf_gv_edge *edge, cf_point *out, size_t capacity);
/// If the edge ends in an arrowhead, stores its tip and returns 1; else 0.
int cf_gv_edge_end_arrow(const cf_gv_edge *edge, cf_point *tip);

/* ------------------------------------------------------------------ libpng */

/// A text chunk: keyword (1-79 Latin-1 characters, here ASCII) and UTF-8 value.
typedef struct {
    const char *key;
    const char *value;
} cf_png_text;

/// Row filtering: `CF_PNG_FILTER_NONE` or libpng's adaptive choice among all filters.
enum { CF_PNG_FILTER_NONE = 0, CF_PNG_FILTER_ADAPTIVE = 1 };

/// A PNG encoder that keeps its buffers (filtered rows, deflate output, file bytes) between
/// calls, so a worker encoding many frames allocates them once. One thread at a time.
typedef struct cf_png_encoder cf_png_encoder;

/// A new encoder, or NULL if out of memory. Free with `cf_png_encoder_free`.
cf_png_encoder *cf_png_encoder_new(void);
void cf_png_encoder_free(cf_png_encoder *encoder);

/// Encodes cairo ARGB32 pixels (native-endian premultiplied 32-bit words, `stride` bytes per
/// row) as an 8-bit RGB PNG (`with_alpha` = 0, alpha ignored) or RGBA PNG with un-premultiplied
/// colour (`with_alpha` = 1). Text values that are Latin-1 representable go into tEXt, others
/// into iTXt. No tIME chunk is written, so output is deterministic. On success returns 0 and
/// points `*out` into the encoder's own buffer: valid until the encoder's next call or its
/// release, never freed by the caller. On failure returns -1 with a message in `error`. With
/// `CF_PNG_FILTER_NONE` the image data is deflated by libdeflate at `compression_level`
/// (0...9) and written by libpng as IDAT chunks; with `CF_PNG_FILTER_ADAPTIVE` libpng filters
/// and deflates (zlib) itself. With `pixels_reusable` = 1 the caller gives up the pixels: an
/// opaque image without row filter is converted in place, over them (the caller draws the
/// whole image again before reading them).
int cf_png_encoder_encode(cf_png_encoder *encoder, const uint8_t *pixels, int width, int height, int stride,
                          int with_alpha, int pixels_reusable, const cf_png_text *texts, int text_count,
                          int filter, int compression_level,
                          const uint8_t **out, size_t *out_length,
                          char *error, size_t error_capacity);

/// A decoded PNG: RGBA8 pixels (un-premultiplied) and its text chunks (UTF-8).
typedef struct {
    int width, height;
    uint8_t *rgba;          /* width * height * 4 bytes */
    int text_count;
    char **keys;            /* text_count entries */
    char **values;          /* UTF-8 */
    int *international;     /* 1 if the chunk was iTXt */
} cf_png_image;

/// Decodes any PNG into RGBA8. Returns 0 on success (free with
/// `cf_png_image_free`), -1 with a message in `error` otherwise.
int cf_png_decode_rgba8(const uint8_t *bytes, size_t length, cf_png_image *image,
                        char *error, size_t error_capacity);
void cf_png_image_free(cf_png_image *image);

void cf_free(void *pointer);

/* ------------------------------------------------------------------- CRC-32 */

/// Continues the CRC-32 (ISO 3309, as used by PNG chunks and zlib) `crc` over `length`
/// bytes; start with 0. Computed by zlib's `crc32`.
uint32_t cf_crc32(uint32_t crc, const uint8_t *bytes, size_t length);

/* ------------------------------------------------------------ DOT parsing */

/// Parses DOT text (the first graph in it) with `agmemread` and stores its node and edge
/// counts (subgraphs included in the root's counts). Returns 0 on success, -1 if the text is
/// not a valid graph; call `cf_gv_messages_begin` first to collect Graphviz's reason.
/// Not thread-safe: callers serialize, as for layout.
int cf_gv_parse_counts(const char *text, int *nodes, int *edges);

/// Parses DOT text, lays it out with dot and renders it with Graphviz's own PNG renderer (in
/// memory, then freed): Graphviz's in-process way of drawing a frame, for the benchmark.
/// Stores the PNG's size in `length`; returns 0 on success. Callers serialize.
int cf_gv_render_png(cf_gv_context *context, const char *text, size_t *length);

#ifdef __cplusplus
}
#endif

#endif
