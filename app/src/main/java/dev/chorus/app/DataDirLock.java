package dev.chorus.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on the data folder, held while a server runs, so that {@code restore} can
 * refuse to swap the database under a running server.
 */
final class DataDirLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private DataDirLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** The lock, or null when another process holds it. */
  static DataDirLock tryAcquire(Path dataDir) {
    try {
      Files.createDirectories(dataDir);
      FileChannel ch =
          FileChannel.open(
              dataDir.resolve("chorus.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock l;
      try {
        l = ch.tryLock();
      } catch (OverlappingFileLockException e) {
        l = null;
      }
      if (l == null) {
        ch.close();
        return null;
      }
      return new DataDirLock(ch, l);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock " + dataDir, e);
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException ignored) {
      // The process is ending; the OS drops the lock anyway.
    }
  }
}
