package org.clientele.core.cycle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.clientele.api.ConfigurationException;
import org.clientele.core.Model;
import org.clientele.core.internal.Json;
import org.jspecify.annotations.Nullable;

/**
 * Where a snapshot came from: the reference date of its features, the fingerprint of the model
 * that classified it, the model itself, the input files and the control group the results were
 * written with. Stored beside a results file as
 * {@code <results>.snapshot.json} (a sidecar, so results readers see the same file as before):
 *
 * <pre>{@code
 * {"format":1,"referenceDate":"1998-01-01","modelFingerprint":"sha256:…","model":{…},
 *  "customers":null,"transactions":"/data/CDNOW_master.txt","controlGroup":{"share":0.2,"salt":""}}
 * }</pre>
 *
 * <p>{@code controlGroup} is absent in sidecars written before it was recorded; {@code clientele
 * outcomes} and {@code clientele budget} then need the share on the command line.
 *
 * @param referenceDate the "as of" day of the derived features, or null without transactions
 * @param modelFingerprint {@link #fingerprint(Model)} of the model that classified the snapshot
 * @param modelJson the model's JSON ({@link Model#toJson()}), or null if not stored
 * @param customers the customers file the run read (absolute), or null
 * @param transactions the transactions file the run read (absolute), or null
 * @param controlGroup the control group the results were written with ({@link ControlGroup#NONE}
 *     for none), or null when not recorded
 * @since 0.1.0
 */
public record SnapshotInfo(
    @Nullable LocalDate referenceDate,
    String modelFingerprint,
    @Nullable String modelJson,
    @Nullable String customers,
    @Nullable String transactions,
    @Nullable ControlGroup controlGroup) {

  /** The version of the sidecar format. */
  public static final int FORMAT = 1;

  /** What follows the results file's name in the sidecar's name. */
  public static final String SUFFIX = ".snapshot.json";

  /**
   * Checks the parts.
   *
   * @param referenceDate the "as of" day of the derived features, or null without transactions
   * @param modelFingerprint the model's fingerprint
   * @param modelJson the model's JSON, or null
   * @param customers the customers file, or null
   * @param transactions the transactions file, or null
   * @param controlGroup the control group, or null when not recorded
   */
  public SnapshotInfo {
    Objects.requireNonNull(modelFingerprint, "modelFingerprint");
  }

  /**
   * Describes a run.
   *
   * @param model the model that classified the run
   * @param referenceDate the reference date of the derived features, or null
   * @param customers the customers file, or null
   * @param transactions the transactions file, or null
   * @return the description, with the model stored and no control group ({@link
   *     #withControlGroup(ControlGroup)} records one)
   */
  public static SnapshotInfo of(Model model, @Nullable LocalDate referenceDate, @Nullable Path customers, @Nullable Path transactions) {
    String json = model.toJson();
    return new SnapshotInfo(referenceDate, fingerprint(json), json, absolute(customers), absolute(transactions),
        ControlGroup.NONE);
  }

  /**
   * Returns a copy that records the control group the results were written with.
   *
   * @param control the control group ({@link ControlGroup#NONE} for none)
   * @return the copy
   */
  public SnapshotInfo withControlGroup(ControlGroup control) {
    return new SnapshotInfo(referenceDate, modelFingerprint, modelJson, customers, transactions,
        Objects.requireNonNull(control, "control"));
  }

  private static @Nullable String absolute(@Nullable Path p) {
    return p == null ? null : p.toAbsolutePath().normalize().toString();
  }

  /**
   * Returns the fingerprint of a model: {@code sha256:} and the hex SHA-256 of its JSON. Two
   * models have the same fingerprint exactly when they classify the same way (same dimensions,
   * settings, calibration and strategy).
   *
   * @param model the model
   * @return for example {@code sha256:3f0c…}
   */
  public static String fingerprint(Model model) {
    return fingerprint(model.toJson());
  }

  private static String fingerprint(String json) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /**
   * Returns the short form of the fingerprint for people: its first 12 hex digits.
   *
   * @return for example {@code 3f0c9a1b2c3d}
   */
  public String shortFingerprint() {
    String hex = modelFingerprint.startsWith("sha256:") ? modelFingerprint.substring(7) : modelFingerprint;
    return hex.length() > 12 ? hex.substring(0, 12) : hex;
  }

  /**
   * Returns the stored model.
   *
   * @return the model, or empty if the sidecar holds only its fingerprint
   * @throws ConfigurationException if the stored model is not valid
   */
  public Optional<Model> model() {
    return modelJson == null ? Optional.empty() : Optional.of(Model.fromJson(modelJson, "the snapshot's model"));
  }

  /**
   * Returns the sidecar path of a results file.
   *
   * @param results the results file
   * @return the same path with {@link #SUFFIX} appended to its name
   */
  public static Path sidecar(Path results) {
    return results.resolveSibling(Objects.requireNonNull(results.getFileName(), "results has no file name") + SUFFIX);
  }

  /**
   * Writes this description beside a results file.
   *
   * @param results the results file
   * @return the sidecar written
   * @throws UncheckedIOException if it cannot be written
   */
  public Path writeBeside(Path results) {
    Path file = sidecar(results);
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("format", FORMAT);
    tree.put("referenceDate", referenceDate == null ? null : referenceDate.toString());
    tree.put("modelFingerprint", modelFingerprint);
    tree.put("model", modelJson == null ? null : Json.readObject(modelJson, "model"));
    tree.put("customers", customers);
    tree.put("transactions", transactions);
    ControlGroup control = controlGroup;
    if (control != null) {
      Map<String, Object> group = new LinkedHashMap<>();
      group.put("share", control.share());
      group.put("salt", control.salt());
      tree.put("controlGroup", group);
    }
    try {
      Files.writeString(file, Json.write(tree), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot write the snapshot description: " + e.getMessage(), e);
    }
    return file;
  }

  /**
   * Reads the description beside a results file.
   *
   * @param results the results file
   * @return the description, or empty if there is no sidecar (results written before snapshots, or by a host)
   * @throws ConfigurationException if the sidecar exists but is not valid, naming the file and key
   */
  public static Optional<SnapshotInfo> readBeside(Path results) {
    Path file = sidecar(results);
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
    }
    Map<String, Object> tree = Json.readObject(text, file.toString());
    Object format = tree.get("format");
    if (!(format instanceof Number n) || n.intValue() != FORMAT) {
      throw new ConfigurationException(file + " $.format", "is " + format + "; expected " + FORMAT
          + ". Fix: write the results again with this version of clientele");
    }
    Object fp = tree.get("modelFingerprint");
    if (!(fp instanceof String fingerprint) || fingerprint.isEmpty()) {
      throw new ConfigurationException(file + " $.modelFingerprint", "is missing. Fix: write the results again");
    }
    LocalDate date = null;
    Object d = tree.get("referenceDate");
    if (d != null) {
      try {
        date = LocalDate.parse(d.toString());
      } catch (DateTimeParseException e) {
        throw new ConfigurationException(file + " $.referenceDate", "'" + d + "' is not a date (YYYY-MM-DD)", e);
      }
    }
    Object model = tree.get("model");
    String modelJson = model == null ? null : Json.write(model);
    if (modelJson != null && !fingerprint.equals(fingerprint(Model.fromJson(modelJson, file + " $.model")))) {
      throw new ConfigurationException(file + " $.model", "does not match $.modelFingerprint (the file was edited)."
          + " Fix: write the results again");
    }
    return Optional.of(new SnapshotInfo(date, fingerprint, modelJson, text(tree.get("customers")), text(tree.get("transactions")),
        controlGroup(tree.get("controlGroup"), file)));
  }

  private static @Nullable ControlGroup controlGroup(@Nullable Object node, Path file) {
    if (node == null) {
      return null;
    }
    if (!(node instanceof Map<?, ?> group) || !(group.get("share") instanceof Number share)
        || !(group.get("salt") instanceof String salt)) {
      throw new ConfigurationException(file + " $.controlGroup", "is " + node + "; expected {\"share\":0.2,\"salt\":\"\"}."
          + " Fix: write the results again");
    }
    try {
      return new ControlGroup(share.doubleValue(), salt);
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(file + " $.controlGroup.share", String.valueOf(e.getMessage())
          + ". Fix: write the results again", e);
    }
  }

  private static @Nullable String text(@Nullable Object o) {
    return o == null ? null : o.toString();
  }
}
