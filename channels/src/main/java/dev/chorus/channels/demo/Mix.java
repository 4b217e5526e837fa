package dev.chorus.channels.demo;

/**
 * Mixes numbers into one well-spread 64-bit value (SplitMix64's finalizer), so that every item of
 * the demo stream has its own random source, computed from the seed and its position alone: any
 * item can be made without making the ones before it.
 */
final class Mix {
  private Mix() {}

  static long of(long... parts) {
    long h = 0x9E3779B97F4A7C15L;
    for (long p : parts) h = finish(h ^ finish(p + 0x632BE59BD9B4E019L));
    return h;
  }

  private static long finish(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
