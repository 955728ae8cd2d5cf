package org.civicequity.validate.internal;

/**
 * Gives dense ids (0, 1, 2...) to 64-bit keys: an open-addressing hash table of longs, so keyed
 * rules can keep their per-key state in plain arrays indexed by id. 12 bytes per slot, load at
 * most 3/4. The key 0 is remapped internally, so every long is a valid key.
 */
public final class LongIndex {
  private long[] keys;
  private int[] ids;
  private int mask;
  private int size;

  /** Creates an empty index. */
  public LongIndex() {
    keys = new long[1024];
    ids = new int[1024];
    mask = 1023;
  }

  /** @return the number of keys */
  public int size() {
    return size;
  }

  /**
   * The id of a key, adding the key with the next id when it is new.
   *
   * @param key the key
   * @return the id; equal to {@code size() - 1} after the call when the key was new
   */
  public int idOf(long key) {
    long k = key == 0 ? 0x5DEECE66DL : key;
    int i = (int) (k ^ (k >>> 32)) & mask;
    while (true) {
      long s = keys[i];
      if (s == k) {
        return ids[i];
      }
      if (s == 0) {
        keys[i] = k;
        int id = size++;
        ids[i] = id;
        if (size * 4L > (mask + 1L) * 3L) {
          grow();
        }
        return id;
      }
      i = (i + 1) & mask;
    }
  }

  /**
   * The id of a key without adding it.
   *
   * @param key the key
   * @return the id, or -1 when absent
   */
  public int find(long key) {
    long k = key == 0 ? 0x5DEECE66DL : key;
    int i = (int) (k ^ (k >>> 32)) & mask;
    while (true) {
      long s = keys[i];
      if (s == k) {
        return ids[i];
      }
      if (s == 0) {
        return -1;
      }
      i = (i + 1) & mask;
    }
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldIds = ids;
    int cap = oldKeys.length * 2;
    keys = new long[cap];
    ids = new int[cap];
    mask = cap - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      long k = oldKeys[j];
      if (k != 0) {
        int i = (int) (k ^ (k >>> 32)) & mask;
        while (keys[i] != 0) {
          i = (i + 1) & mask;
        }
        keys[i] = k;
        ids[i] = oldIds[j];
      }
    }
  }
}
