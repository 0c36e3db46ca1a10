/* Shared libpng helpers: error handling and text encodings (see png_support.h). */
#include "png_support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void cf_free(void *pointer) { free(pointer); }

void cf_png_on_error(png_structp png, png_const_charp message) {
    codec_state *state = png_get_error_ptr(png);
    snprintf(state->message, sizeof state->message, "libpng: %s", message ? message : "error");
    png_longjmp(png, 1);
}

void cf_png_on_warning(png_structp png, png_const_charp message) {
    (void)png; (void)message; /* warnings are not fatal and never printed */
}

void cf_set_error(char *error, size_t capacity, const char *message) {
    if (error && capacity > 0) snprintf(error, capacity, "%s", message);
}

/// Decodes one UTF-8 sequence; returns its length (0 if malformed).
static int utf8_decode(const unsigned char *s, unsigned *codepoint) {
    if (s[0] < 0x80) { *codepoint = s[0]; return 1; }
    if ((s[0] & 0xE0) == 0xC0 && (s[1] & 0xC0) == 0x80) {
        *codepoint = ((s[0] & 0x1Fu) << 6) | (s[1] & 0x3Fu); return 2;
    }
    if ((s[0] & 0xF0) == 0xE0 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80) {
        *codepoint = ((s[0] & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu); return 3;
    }
    if ((s[0] & 0xF8) == 0xF0 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80 && (s[3] & 0xC0) == 0x80) {
        *codepoint = ((s[0] & 0x07u) << 18) | ((s[1] & 0x3Fu) << 12) | ((s[2] & 0x3Fu) << 6) | (s[3] & 0x3Fu);
        return 4;
    }
    return 0;
}

/// Returns a malloc'ed Latin-1 copy of `utf8`, or NULL if it is not representable.
char *cf_latin1_from_utf8(const char *utf8) {
    size_t n = strlen(utf8);
    char *out = malloc(n + 1);
    if (!out) return NULL;
    size_t o = 0;
    const unsigned char *s = (const unsigned char *)utf8;
    while (*s) {
        unsigned cp;
        int len = utf8_decode(s, &cp);
        if (len == 0 || cp > 0xFF) { free(out); return NULL; }
        out[o++] = (char)cp;
        s += len;
    }
    out[o] = '\0';
    return out;
}

/// Returns a malloc'ed copy of the first `n` bytes of `text`, NUL-terminated.
char *cf_copy_bytes(const char *text, size_t n) {
    char *out = malloc(n + 1);
    if (!out) return NULL;
    memcpy(out, text, n);
    out[n] = '\0';
    return out;
}

/// Returns a malloc'ed UTF-8 copy of Latin-1 `text`.
char *cf_utf8_from_latin1(const char *text, size_t n) {
    char *out = malloc(n * 2 + 1);
    if (!out) return NULL;
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c < 0x80) out[o++] = (char)c;
        else { out[o++] = (char)(0xC0 | (c >> 6)); out[o++] = (char)(0x80 | (c & 0x3F)); }
    }
    out[o] = '\0';
    return out;
}

