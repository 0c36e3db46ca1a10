/* libpng encoding behind setjmp, so longjmp never crosses Swift frames. */
#include "png_support.h"

#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

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

static void free_encode_state(codec_state *state) {
    free(state->out);
    free(state->row);
    free(state->texts);
    for (int i = 0; i < state->owned_count; i++) free(state->owned_strings[i]);
    free(state->owned_strings);
    free(state);
}

/// Converts one row of premultiplied native-endian ARGB32 to RGB8 or RGBA8.
static void convert_row(const uint8_t *source, uint8_t *row, int width, int with_alpha) {
    const uint32_t *pixels = (const uint32_t *)source;
    if (!with_alpha) {
        for (int x = 0; x < width; x++) {
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

int cf_png_encode_argb32(const uint8_t *pixels, int width, int height, int stride,
                         int with_alpha, const cf_png_text *texts, int text_count,
                         int filter, int compression_level,
                         uint8_t **out, size_t *out_length,
                         char *error, size_t error_capacity) {
    if (!pixels || width <= 0 || height <= 0 || stride < width * 4 || !out || !out_length) {
        cf_set_error(error, error_capacity, "invalid image buffer or size");
        return -1;
    }
    if (compression_level < 0 || compression_level > 9) {
        cf_set_error(error, error_capacity, "compression level must be 0...9");
        return -1;
    }
    codec_state *state = calloc(1, sizeof *state);
    if (!state) { cf_set_error(error, error_capacity, "out of memory"); return -1; }
    int channels = with_alpha ? 4 : 3;
    state->row = malloc((size_t)width * (size_t)channels);
    if (text_count > 0) {
        state->texts = calloc((size_t)text_count, sizeof(png_text));
        state->owned_strings = calloc((size_t)text_count, sizeof(char *));
    }
    if (!state->row || (text_count > 0 && (!state->texts || !state->owned_strings))) {
        free_encode_state(state);
        cf_set_error(error, error_capacity, "out of memory");
        return -1;
    }
    for (int i = 0; i < text_count; i++) {
        size_t key_length = strlen(texts[i].key);
        if (key_length == 0 || key_length > 79) {
            free_encode_state(state);
            cf_set_error(error, error_capacity, "PNG text key must be 1-79 characters");
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

    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, state, cf_png_on_error, cf_png_on_warning);
    png_infop info = png ? png_create_info_struct(png) : NULL;
    if (!png || !info) {
        png_destroy_write_struct(&png, NULL);
        free_encode_state(state);
        cf_set_error(error, error_capacity, "cannot create libpng write structures");
        return -1;
    }
    if (setjmp(png_jmpbuf(png))) {
        cf_set_error(error, error_capacity, state->message);
        png_destroy_write_struct(&png, &info);
        free_encode_state(state);
        return -1;
    }
    png_set_write_fn(png, state, write_bytes, flush_bytes);
    png_set_IHDR(png, info, (png_uint_32)width, (png_uint_32)height, 8,
                 with_alpha ? PNG_COLOR_TYPE_RGB_ALPHA : PNG_COLOR_TYPE_RGB,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_set_filter(png, PNG_FILTER_TYPE_BASE,
                   filter == CF_PNG_FILTER_NONE ? PNG_FILTER_NONE : PNG_ALL_FILTERS);
    png_set_compression_level(png, compression_level);
    if (text_count > 0) png_set_text(png, info, state->texts, text_count);
    png_write_info(png, info);
    for (int y = 0; y < height; y++) {
        convert_row(pixels + (size_t)y * (size_t)stride, state->row, width, with_alpha);
        png_write_row(png, state->row);
    }
    png_write_end(png, info);
    png_destroy_write_struct(&png, &info);

    *out = state->out;
    *out_length = state->length;
    state->out = NULL;
    free_encode_state(state);
    return 0;
}

