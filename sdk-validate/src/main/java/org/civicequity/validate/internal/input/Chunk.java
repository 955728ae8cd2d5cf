package org.civicequity.validate.internal.input;

/**
 * A run of whole records (CSV) or lines (NDJSON) of one file, cut by {@link ChunkedFileSource}'s
 * splitter so that workers can parse chunks in parallel.
 *
 * @param seq       the chunk's position in the file, from 0
 * @param data      the bytes (the chunk owns the array)
 * @param length    how many bytes of {@code data} are the chunk
 * @param firstRow  the data row of the chunk's first record, from 1
 * @param firstLine the physical line the chunk starts on, from 1
 * @param first     true for the chunk that starts the file (it holds the CSV header and BOM)
 * @param plain     false when the chunk holds something the fast path must leave to the SDK's
 *                  reader (a carriage return that does not end a line)
 * @param longest   the length in bytes of the chunk's longest record or line
 */
record Chunk(long seq, byte[] data, int length, long firstRow, long firstLine, boolean first,
    boolean plain, int longest) {
}
