/* The CRC-32 of PNG chunks, from zlib (which libpng already links). */
#include "cchainframe.h"

#include <zlib.h>

uint32_t cf_crc32(uint32_t crc, const uint8_t *bytes, size_t length) {
    uLong value = crc;
    /* zlib takes uInt lengths; feed very large buffers in pieces. */
    while (length > 0) {
        uInt piece = length > 0x40000000u ? 0x40000000u : (uInt)length;
        value = crc32(value, bytes, piece);
        bytes += piece;
        length -= piece;
    }
    return (uint32_t)value;
}
