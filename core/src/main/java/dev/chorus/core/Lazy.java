package dev.chorus.core;

import java.util.function.Supplier;

/** A value made on first use, once, then shared. Thread-safe. */
public final class Lazy<T> implements Supplier<T> {
  private final Supplier<T> make;
  private volatile T value;

  public Lazy(Supplier<T> make) {
    this.make = make;
  }

  @Override
  public T get() {
    T v = value;
    if (v == null) {
      synchronized (this) {
        v = value;
        if (v == null) value = v = make.get();
      }
    }
    return v;
  }
}
