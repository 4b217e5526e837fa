package dev.chorus.core.security;

import dev.chorus.core.error.Invalid;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The instance's 256-bit secret key. It comes from {@code CHORUS_SECRET_KEY} (base64 of 32 bytes)
 * or from a key file that is generated on first start with permissions 0600. It signs CSRF tokens
 * and (with the channels) encrypts credentials at rest. Immutable and thread-safe.
 */
public final class InstanceKey {
  private final byte[] key;

  private InstanceKey(byte[] key) {
    this.key = key;
  }

  /** Decodes a base64 key as given in {@code CHORUS_SECRET_KEY}. */
  public static InstanceKey fromBase64(String base64) {
    byte[] k;
    try {
      k = Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      throw new Invalid("CHORUS_SECRET_KEY", "CHORUS_SECRET_KEY is not valid base64");
    }
    if (k.length != 32) {
      throw new Invalid(
          "CHORUS_SECRET_KEY",
          "CHORUS_SECRET_KEY must be 32 bytes in base64 (it is " + k.length + " bytes)");
    }
    return new InstanceKey(k);
  }

  /** Reads the key file, creating it with a new random key and mode 0600 if it does not exist. */
  public static InstanceKey fromFile(Path file) {
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(file.toAbsolutePath().getParent());
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        try {
          Files.createFile(
              file,
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
          Files.writeString(
              file, Base64.getEncoder().encodeToString(k) + "\n", StandardOpenOption.WRITE);
          return new InstanceKey(k);
        } catch (FileAlreadyExistsException raced) {
          // Another process made it first: read theirs.
        }
      }
      return fromBase64(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the key file " + file, e);
    }
  }

  /** A new random key. */
  public static InstanceKey generate() {
    byte[] k = new byte[32];
    new SecureRandom().nextBytes(k);
    return new InstanceKey(k);
  }

  /** The key in base64, as {@code CHORUS_SECRET_KEY} and the key file hold it. */
  public String toBase64() {
    return Base64.getEncoder().encodeToString(key);
  }

  /** Writes this key to a new file with mode 0600; the file must not exist. */
  public void writeNew(Path file) {
    try {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(file, toBase64() + "\n", StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the key file " + file, e);
    }
  }

  /** HMAC-SHA256 of {@code message} under this key, keyed further by {@code purpose}. */
  public byte[] sign(String purpose, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update(purpose.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 missing from the JDK", e);
    }
  }

  /** A copy of the raw key bytes, for deriving other keys. */
  public byte[] bytes() {
    return Arrays.copyOf(key, key.length);
  }
}
