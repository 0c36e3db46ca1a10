/* libpng decoding behind setjmp, so longjmp never crosses Swift frames. */
#include "png_support.h"

#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

static void read_bytes(png_structp png, png_bytep data, png_size_t n) {
    codec_state *state = png_get_io_ptr(png);
    if (state->in_offset + n > state->in_length) png_error(png, "unexpected end of data");
    memcpy(data, state->in + state->in_offset, n);
    state->in_offset += n;
}

void cf_png_image_free(cf_png_image *image) {
    if (!image) return;
    free(image->rgba);
    for (int i = 0; i < image->text_count; i++) {
        if (image->keys) free(image->keys[i]);
        if (image->values) free(image->values[i]);
    }
    free(image->keys);
    free(image->values);
    free(image->international);
    memset(image, 0, sizeof *image);
}

int cf_png_decode_rgba8(const uint8_t *bytes, size_t length, cf_png_image *image,
                        char *error, size_t error_capacity) {
    if (!bytes || !image || length < 8 || png_sig_cmp((png_const_bytep)bytes, 0, 8) != 0) {
        cf_set_error(error, error_capacity, "not a PNG file");
        return -1;
    }
    codec_state *state = calloc(1, sizeof *state);
    if (!state) { cf_set_error(error, error_capacity, "out of memory"); return -1; }
    state->in = bytes;
    state->in_length = length;
    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, state, cf_png_on_error, cf_png_on_warning);
    png_infop info = png ? png_create_info_struct(png) : NULL;
    if (!png || !info) {
        png_destroy_read_struct(&png, NULL, NULL);
        free(state);
        cf_set_error(error, error_capacity, "cannot create libpng read structures");
        return -1;
    }
    if (setjmp(png_jmpbuf(png))) {
        cf_set_error(error, error_capacity, state->message);
        png_destroy_read_struct(&png, &info, NULL);
        free(state->rows);
        cf_png_image_free(&state->image);
        free(state);
        return -1;
    }
    png_set_read_fn(png, state, read_bytes);
    png_read_info(png, info);
    png_uint_32 width = png_get_image_width(png, info);
    png_uint_32 height = png_get_image_height(png, info);
    int color_type = png_get_color_type(png, info);
    png_set_expand(png);
    png_set_strip_16(png);
    if (color_type == PNG_COLOR_TYPE_GRAY || color_type == PNG_COLOR_TYPE_GRAY_ALPHA)
        png_set_gray_to_rgb(png);
    if (!(color_type & PNG_COLOR_MASK_ALPHA) && !png_get_valid(png, info, PNG_INFO_tRNS))
        png_set_add_alpha(png, 0xFF, PNG_FILLER_AFTER);
    png_set_interlace_handling(png);
    png_read_update_info(png, info);
    if (png_get_rowbytes(png, info) != (size_t)width * 4) png_error(png, "unsupported pixel layout");

    state->image.width = (int)width;
    state->image.height = (int)height;
    state->image.rgba = malloc((size_t)width * height * 4);
    state->rows = malloc(sizeof(png_bytep) * height);
    if (!state->image.rgba || !state->rows) png_error(png, "out of memory");
    for (png_uint_32 y = 0; y < height; y++) state->rows[y] = state->image.rgba + (size_t)y * width * 4;
    png_read_image(png, state->rows);
    png_read_end(png, info);

    png_textp texts = NULL;
    int count = 0;
    png_get_text(png, info, &texts, &count);
    if (count > 0) {
        state->image.keys = calloc((size_t)count, sizeof(char *));
        state->image.values = calloc((size_t)count, sizeof(char *));
        state->image.international = calloc((size_t)count, sizeof(int));
        if (!state->image.keys || !state->image.values || !state->image.international)
            png_error(png, "out of memory");
        state->image.text_count = count;
        for (int i = 0; i < count; i++) {
            int international = texts[i].compression >= PNG_ITXT_COMPRESSION_NONE;
            size_t n = international ? texts[i].itxt_length : texts[i].text_length;
            state->image.international[i] = international;
            state->image.keys[i] = cf_copy_bytes(texts[i].key, strlen(texts[i].key));
            state->image.values[i] = international ? cf_copy_bytes(texts[i].text, n)
                                                   : cf_utf8_from_latin1(texts[i].text, n);
            if (!state->image.keys[i] || !state->image.values[i]) png_error(png, "out of memory");
        }
    }
    png_destroy_read_struct(&png, &info, NULL);
    *image = state->image;
    free(state->rows);
    free(state);
    return 0;
}
