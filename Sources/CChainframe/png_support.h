/* Internal to CChainframe: helpers shared by png_encode.c and png_decode.c. */
#ifndef CF_PNG_SUPPORT_H
#define CF_PNG_SUPPORT_H

#include "cchainframe.h"
#include <png.h>

/// Per-call state kept on the heap so nothing automatic changes after setjmp.
typedef struct {
    char message[256];
    /* encode */
    uint8_t *out;
    size_t length, capacity;
    uint8_t *row;
    size_t row_capacity;
    png_text *texts;
    char **owned_strings;
    int owned_count;
    /* decode */
    const uint8_t *in;
    size_t in_length, in_offset;
    png_bytep *rows;
    cf_png_image image;
} codec_state;

/// libpng error callback: records the message in the state and longjmps back.
void cf_png_on_error(png_structp png, png_const_charp message);
/// libpng warning callback: ignores warnings (never printed).
void cf_png_on_warning(png_structp png, png_const_charp message);
/// Copies `message` into a caller's error buffer.
void cf_set_error(char *error, size_t capacity, const char *message);
/// A malloc'ed Latin-1 copy of UTF-8 text, or NULL if not representable.
char *cf_latin1_from_utf8(const char *utf8);
/// A malloc'ed NUL-terminated copy of `n` bytes.
char *cf_copy_bytes(const char *text, size_t n);
/// A malloc'ed UTF-8 copy of `n` bytes of Latin-1 text.
char *cf_utf8_from_latin1(const char *text, size_t n);

#endif
