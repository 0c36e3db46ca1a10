/* libpng encoding behind setjmp, so longjmp never crosses Swift frames.
 *
 * With no row filter (the default) the image data is deflated by libdeflate in one call and
 * handed to libpng as IDAT chunks; libpng writes the signature, IHDR, text chunks, IDAT and
 * IEND. With adaptive filtering libpng filters and deflates (zlib) itself. An encoder keeps
 * its buffers between calls, so a worker encoding many frames allocates them once. */
#include "png_support.h"

#include <libdeflate.h>
#include <setjmp.h>
#include <sys/mman.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/// The largest IDAT chunk written; the data of a frame is split into chunks of this size.
#define IDAT_PIECE ((size_t)1 << 20)

struct cf_png_encoder {
    codec_state state;                 /* message, output file buffer, row buffer, texts */
    uint8_t *filtered;                 /* every row with its filter byte */
    size_t filtered_capacity;
    uint8_t *compressed;               /* the zlib stream of `filtered` */
    size_t compressed_capacity;
    struct libdeflate_compressor *compressor;
    int compressor_level;
};

static void write_bytes(png_structp png, png_bytep data, png_size_t n) {
    codec_state *state = png_get_io_ptr(png);
    if (state->length + n > state->capacity) {
        size_t capacity = state->capacity ? state->capacity : 65536;
        while (capacity < state->length + n) capacity *= 2;
        uint8_t *grown = realloc(state->out, capacity);
        if (!grown) png_error(png, "out of memory");
        state->out = grown;
        state->capacity = capacity;
    }
    memcpy(state->out + state->length, data, n);
    state->length += n;
}

static void flush_bytes(png_structp png) { (void)png; }

/// Frees what one call allocated (text chunks), keeping the reusable buffers.
static void free_call_state(codec_state *state) {
    free(state->texts);
    state->texts = NULL;
    for (int i = 0; i < state->owned_count; i++) free(state->owned_strings[i]);
    free(state->owned_strings);
    state->owned_strings = NULL;
    state->owned_count = 0;
}

cf_png_encoder *cf_png_encoder_new(void) {
    return calloc(1, sizeof(cf_png_encoder));
}

void cf_png_encoder_free(cf_png_encoder *encoder) {
    if (!encoder) return;
    free_call_state(&encoder->state);
    free(encoder->state.out);
    free(encoder->state.row);
    if (encoder->filtered) munmap(encoder->filtered, encoder->filtered_capacity);
    free(encoder->compressed);
    if (encoder->compressor) libdeflate_free_compressor(encoder->compressor);
    free(encoder);
}

/// Grows the filtered-rows buffer to at least `needed` bytes (contents not kept). It is mapped
/// with transparent huge pages where the kernel offers them: a 1920×1080 frame's 6 MB then
/// costs 3 page faults instead of 1 500 the first time it is written. 0 on success.
static int reserve_mapped(uint8_t **buffer, size_t *capacity, size_t needed) {
    if (*capacity >= needed) return 0;
    if (*buffer) munmap(*buffer, *capacity);
    size_t huge = (size_t)2 << 20;
    size_t size = (needed + huge - 1) / huge * huge;
    /* Map 2 MB more, then unmap the ends so the buffer starts on a huge-page boundary. */
    uint8_t *mapped = mmap(NULL, size + huge, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (mapped == MAP_FAILED) { *buffer = NULL; *capacity = 0; return -1; }
    uint8_t *aligned = (uint8_t *)(((uintptr_t)mapped + huge - 1) & ~(uintptr_t)(huge - 1));
    if (aligned > mapped) munmap(mapped, (size_t)(aligned - mapped));
    if (aligned + size < mapped + size + huge) munmap(aligned + size, (size_t)(mapped + size + huge - (aligned + size)));
#ifdef MADV_HUGEPAGE
    madvise(aligned, size, MADV_HUGEPAGE);
#endif
    *buffer = aligned;
    *capacity = size;
    return 0;
}

/// Grows `*buffer` to at least `needed` bytes (contents not kept). 0 on success.
static int reserve(uint8_t **buffer, size_t *capacity, size_t needed) {
    if (*capacity >= needed) return 0;
    free(*buffer);
    *buffer = malloc(needed);
    *capacity = *buffer ? needed : 0;
    return *buffer ? 0 : -1;
}

#if defined(__x86_64__)
#include <immintrin.h>

/// Converts opaque pixels [0, width) of a row as `convert_row` does, four at a time with one
/// SSSE3 byte shuffle (about five times faster than the scalar loop on a 1080p frame), and
/// returns how many it converted. Each store writes 16 bytes of which 12 are the four pixels;
/// the other 4 land where the next pixels' bytes go and are overwritten by them, so it stops
/// while fewer than six pixels remain (two to five are left to the caller). In place this
/// needs `row` not after `source` (or past the whole source row): then no store reaches
/// pixels not yet loaded.
__attribute__((target("ssse3")))
static int convert_opaque_ssse3(const uint8_t *source, uint8_t *row, int width) {
    /* Memory order B G R X (native-endian 0xXXRRGGBB) to R G B, four pixels. */
    const __m128i order = _mm_setr_epi8(2, 1, 0, 6, 5, 4, 10, 9, 8, 14, 13, 12, -1, -1, -1, -1);
    int x = 0;
    for (; x + 6 <= width; x += 4) {
        __m128i pixels = _mm_loadu_si128((const __m128i *)(source + 4 * (size_t)x));
        _mm_storeu_si128((__m128i *)(row + 3 * (size_t)x), _mm_shuffle_epi8(pixels, order));
    }
    return x;
}
#endif

/// Converts one row of premultiplied native-endian ARGB32 to RGB8 or RGBA8.
static void convert_row(const uint8_t *source, uint8_t *row, int width, int with_alpha) {
    const uint32_t *pixels = (const uint32_t *)source;
    if (!with_alpha) {
        /* In place (see `deflate_unfiltered`) `row` never starts after `source`: every pixel is
         * read before the bytes it lands on are written. */
        int x = 0;
#if defined(__x86_64__)
        /* Addresses compared as integers: `row` may be another buffer. The processor check is
         * cached by the compiler's runtime (every x86-64 processor since about 2008 has SSSE3). */
        uintptr_t to = (uintptr_t)row, from = (uintptr_t)source;
        if ((to <= from || to >= from + 4 * (uintptr_t)width) && __builtin_cpu_supports("ssse3")) {
            x = convert_opaque_ssse3(source, row, width);
        }
#endif
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
        /* Four pixels at a time: each 0x??RRGGBB becomes 0x00BBGGRR (R, G, B in memory order),
         * packed into three 32-bit words. */
        for (; x + 4 <= width; x += 4) {
            uint32_t q0 = __builtin_bswap32(pixels[x]) >> 8, q1 = __builtin_bswap32(pixels[x + 1]) >> 8;
            uint32_t q2 = __builtin_bswap32(pixels[x + 2]) >> 8, q3 = __builtin_bswap32(pixels[x + 3]) >> 8;
            uint32_t words[3] = { q0 | q1 << 24, q1 >> 8 | q2 << 16, q2 >> 16 | q3 << 8 };
            memcpy(row + 3 * x, words, sizeof words);
        }
#endif
        for (; x < width; x++) {
            uint32_t p = pixels[x];
            row[3 * x] = (uint8_t)(p >> 16);
            row[3 * x + 1] = (uint8_t)(p >> 8);
            row[3 * x + 2] = (uint8_t)p;
        }
        return;
    }
    for (int x = 0; x < width; x++) {
        uint32_t p = pixels[x];
        uint32_t a = p >> 24, r = (p >> 16) & 0xFF, g = (p >> 8) & 0xFF, b = p & 0xFF;
        if (a == 0) { r = g = b = 0; }
        else if (a != 0xFF) {
            r = (r * 255 + a / 2) / a; if (r > 255) r = 255;
            g = (g * 255 + a / 2) / a; if (g > 255) g = 255;
            b = (b * 255 + a / 2) / a; if (b > 255) b = 255;
        }
        uint8_t *o = row + 4 * x;
        o[0] = (uint8_t)r; o[1] = (uint8_t)g; o[2] = (uint8_t)b; o[3] = (uint8_t)a;
    }
}

/// Fills `state->texts` from the caller's chunks. 0 on success, else a message in `state`.
static int prepare_texts(codec_state *state, const cf_png_text *texts, int text_count) {
    if (text_count <= 0) return 0;
    state->texts = calloc((size_t)text_count, sizeof(png_text));
    state->owned_strings = calloc((size_t)text_count, sizeof(char *));
    if (!state->texts || !state->owned_strings) {
        snprintf(state->message, sizeof state->message, "out of memory");
        return -1;
    }
    for (int i = 0; i < text_count; i++) {
        size_t key_length = strlen(texts[i].key);
        if (key_length == 0 || key_length > 79) {
            snprintf(state->message, sizeof state->message, "PNG text key must be 1-79 characters");
            return -1;
        }
        png_text *t = &state->texts[i];
        t->key = (png_charp)texts[i].key;
        char *latin1 = cf_latin1_from_utf8(texts[i].value);
        if (latin1) {
            state->owned_strings[state->owned_count++] = latin1;
            t->compression = PNG_TEXT_COMPRESSION_NONE;
            t->text = latin1;
            t->text_length = strlen(latin1);
        } else {
            t->compression = PNG_ITXT_COMPRESSION_NONE;
            t->text = (png_charp)texts[i].value;
            t->itxt_length = strlen(texts[i].value);
            t->lang = "";
            t->lang_key = "";
        }
    }
    return 0;
}

/// Filters every row with filter type 0 and deflates the lot with libdeflate into
/// `encoder->compressed`; returns the stream's length, or 0 on failure.
///
/// With `reusable`, opaque rows (3 bytes a pixel and a filter byte, never more than the 4
/// bytes a pixel they come from) are written over the pixels themselves, front to back: row
/// y's bytes start at y × (3w + 1), never after its pixels at y × stride, so nothing is
/// overwritten before it is read. No second 6 MB buffer is then touched (fresh pages the
/// kernel clears, and cache traffic).
static size_t deflate_unfiltered(cf_png_encoder *encoder, const uint8_t *pixels, int width, int height,
                                 int stride, int with_alpha, int reusable, int level) {
    size_t row_bytes = (size_t)width * (with_alpha ? 4 : 3) + 1;
    size_t total = row_bytes * (size_t)height;
    uint8_t *filtered;
    if (reusable && !with_alpha && row_bytes <= (size_t)stride) {
        filtered = (uint8_t *)pixels;
    } else {
        if (reserve_mapped(&encoder->filtered, &encoder->filtered_capacity, total) != 0) return 0;
        filtered = encoder->filtered;
    }
    for (int y = 0; y < height; y++) {
        const uint8_t *source = pixels + (size_t)y * (size_t)stride;
        uint8_t *row = filtered + (size_t)y * row_bytes;
        /* In place, row 0's filter byte would land on pixel 0: convert first, then shift. */
        if (row == source) {
            uint8_t first[3];
            convert_row(source, first, 1, 0);
            convert_row(source + 4, row + 4, width - 1, 0);
            memcpy(row + 1, first, 3);
        } else {
            convert_row(source, row + 1, width, with_alpha);
        }
        row[0] = PNG_FILTER_VALUE_NONE;
    }
    if (!encoder->compressor || encoder->compressor_level != level) {
        if (encoder->compressor) libdeflate_free_compressor(encoder->compressor);
        encoder->compressor = libdeflate_alloc_compressor(level);
        encoder->compressor_level = level;
        if (!encoder->compressor) return 0;
    }
    size_t bound = libdeflate_zlib_compress_bound(encoder->compressor, total);
    if (reserve(&encoder->compressed, &encoder->compressed_capacity, bound) != 0) return 0;
    return libdeflate_zlib_compress(encoder->compressor, filtered, total,
                                    encoder->compressed, encoder->compressed_capacity);
}

int cf_png_encoder_encode(cf_png_encoder *encoder, const uint8_t *pixels, int width, int height, int stride,
                          int with_alpha, int pixels_reusable, const cf_png_text *texts, int text_count,
                          int filter, int compression_level,
                          const uint8_t **out, size_t *out_length,
                          char *error, size_t error_capacity) {
    if (!encoder || !pixels || width <= 0 || height <= 0 || stride < width * 4 || !out || !out_length) {
        cf_set_error(error, error_capacity, "invalid image buffer or size");
        return -1;
    }
    if (compression_level < 0 || compression_level > 9) {
        cf_set_error(error, error_capacity, "compression level must be 0...9");
        return -1;
    }
    codec_state *state = &encoder->state;
    state->length = 0;
    state->message[0] = '\0';
    if (prepare_texts(state, texts, text_count) != 0) {
        cf_set_error(error, error_capacity, state->message);
        free_call_state(state);
        return -1;
    }
    int channels = with_alpha ? 4 : 3;
    size_t compressed_length = 0;
    if (filter == CF_PNG_FILTER_NONE) {
        compressed_length = deflate_unfiltered(encoder, pixels, width, height, stride, with_alpha, pixels_reusable,
                                               compression_level);
        if (compressed_length == 0) {
            cf_set_error(error, error_capacity, "out of memory (deflating the image data)");
            free_call_state(state);
            return -1;
        }
    } else if (reserve(&state->row, &state->row_capacity, (size_t)width * (size_t)channels) != 0) {
        cf_set_error(error, error_capacity, "out of memory");
        free_call_state(state);
        return -1;
    }

    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, state, cf_png_on_error, cf_png_on_warning);
    png_infop info = png ? png_create_info_struct(png) : NULL;
    if (!png || !info) {
        png_destroy_write_struct(&png, NULL);
        free_call_state(state);
        cf_set_error(error, error_capacity, "cannot create libpng write structures");
        return -1;
    }
    if (setjmp(png_jmpbuf(png))) {
        cf_set_error(error, error_capacity, state->message);
        png_destroy_write_struct(&png, &info);
        free_call_state(state);
        return -1;
    }
    png_set_write_fn(png, state, write_bytes, flush_bytes);
    png_set_IHDR(png, info, (png_uint_32)width, (png_uint_32)height, 8,
                 with_alpha ? PNG_COLOR_TYPE_RGB_ALPHA : PNG_COLOR_TYPE_RGB,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    if (text_count > 0) png_set_text(png, info, state->texts, text_count);
    if (filter == CF_PNG_FILTER_NONE) {
        png_write_info(png, info); /* signature, IHDR and the text chunks */
        static const png_byte idat[5] = "IDAT", iend[5] = "IEND";
        for (size_t offset = 0; offset < compressed_length; offset += IDAT_PIECE) {
            size_t piece = compressed_length - offset < IDAT_PIECE ? compressed_length - offset : IDAT_PIECE;
            png_write_chunk(png, idat, encoder->compressed + offset, piece);
        }
        png_write_chunk(png, iend, NULL, 0);
    } else {
        png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_ALL_FILTERS);
        png_set_compression_level(png, compression_level);
        png_write_info(png, info);
        for (int y = 0; y < height; y++) {
            convert_row(pixels + (size_t)y * (size_t)stride, state->row, width, with_alpha);
            png_write_row(png, state->row);
        }
        png_write_end(png, info);
    }
    png_destroy_write_struct(&png, &info);
    free_call_state(state);
    *out = state->out;
    *out_length = state->length;
    return 0;
}
