package org.clientele.classifiers.industry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One code system's mapping table, loaded from a tab-separated resource beside this class. Rows
 * are {@code section} (a letter) or {@code division} (two digits) with the division's section, the
 * sector ({@code -} for the section's) and the title; {@code #} lines are comments, and the line
 * {@code # source: ...} names where the codes and titles come from.
 */
final class IndustryTable {

  /** The code systems, in the order auto-recognition tries them. */
  enum System {
    ISIC("ISIC Rev.4", "isic-rev4.tsv"),
    NAICS("NAICS 2022", "naics-2022.tsv"),
    GBT("GB/T 4754-2017", "gbt-4754-2017.tsv");

    final String title;
    final String resource;

    System(String title, String resource) {
      this.title = title;
      this.resource = resource;
    }
  }

  final System system;
  final String source;
  /** Sector name by section letter (index 0 = A); null if the system has no such section. */
  private final @Nullable String[] sectionSector = new String[26];
  private final @Nullable String[] sectionTitle = new String[26];
  /** Sector name by two-digit division; null if there is no such division. */
  private final @Nullable String[] divisionSector = new String[100];
  private final @Nullable String[] divisionTitle = new String[100];
  /** The division's section letter, or 0. */
  private final char[] divisionSection = new char[100];

  private IndustryTable(System system, String source) {
    this.system = system;
    this.source = source;
  }

  private static final IndustryTable[] TABLES = loadAll();

  static IndustryTable of(System system) {
    return TABLES[system.ordinal()];
  }

  static List<IndustryTable> all() {
    return Arrays.asList(TABLES);
  }

  private static IndustryTable[] loadAll() {
    System[] systems = System.values();
    IndustryTable[] out = new IndustryTable[systems.length];
    for (System s : systems) {
      out[s.ordinal()] = load(s);
    }
    return out;
  }

  private static IndustryTable load(System system) {
    // Cut into lines and columns as bytes (a tab or a line end never occurs inside a UTF-8
    // sequence) and decode each column alone: three files read in every cold engine build, run by
    // the interpreter, where a reader's classes and string searches over a whole table of Chinese
    // titles (the GB/T one) cost more than the rest of the classifier's creation.
    byte[] bytes;
    try (InputStream in = IndustryTable.class.getResourceAsStream(system.resource)) {
      if (in == null) {
        throw new IllegalStateException("Mapping table " + system.resource + " is missing from the jar");
      }
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read mapping table " + system.resource, e);
    }
    String source = "";
    List<String[]> rows = new ArrayList<>();
    for (int start = 0, end; start < bytes.length; start = end + 1) {
      end = indexOf(bytes, (byte) '\n', start, bytes.length);
      int stop = end > start && bytes[end - 1] == '\r' ? end - 1 : end;
      if (stop == start || bytes[start] == '#') {
        String comment = new String(bytes, start, stop - start, StandardCharsets.UTF_8);
        if (comment.startsWith("# source:")) {
          source = comment.substring("# source:".length()).trim();
        }
        continue;
      }
      String[] cols = new String[5];
      int n = 0;
      for (int from = start, tab; from <= stop; from = tab + 1) {
        tab = indexOf(bytes, (byte) '\t', from, stop);
        if (n == cols.length) {
          throw new IllegalStateException(system.resource + ": expected 5 tab-separated columns: "
              + new String(bytes, start, stop - start, StandardCharsets.UTF_8));
        }
        cols[n++] = new String(bytes, from, tab - from, StandardCharsets.UTF_8);
      }
      if (n != cols.length) {
        String line = new String(bytes, start, stop - start, StandardCharsets.UTF_8);
        if (line.isBlank()) {
          continue;
        }
        throw new IllegalStateException(system.resource + ": expected 5 tab-separated columns: " + line);
      }
      rows.add(cols);
    }
    IndustryTable table = new IndustryTable(system, source);
    for (String[] cols : rows) {
      table.add(cols, system.resource);
    }
    for (int d = 0; d < 100; d++) {
      if (table.divisionTitle[d] != null && table.divisionSector[d] == null) {
        char sec = table.divisionSection[d];
        String sector = sec == 0 ? null : table.sectionSector[sec - 'A'];
        if (sector == null) {
          throw new IllegalStateException(system.resource + ": division " + d + " has no sector");
        }
        table.divisionSector[d] = sector;
      }
    }
    return table;
  }

  /** The index of the first {@code b} in {@code bytes[from, to)}, or {@code to}. */
  private static int indexOf(byte[] bytes, byte b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return to;
  }

  private void add(String[] cols, String resource) {
    String sector = cols[3].equals("-") ? null : cols[3];
    switch (cols[0]) {
      case "section" -> {
        int i = cols[1].charAt(0) - 'A';
        sectionSector[i] = sector;
        sectionTitle[i] = cols[4];
      }
      case "division" -> {
        int d = Integer.parseInt(cols[1]);
        divisionTitle[d] = cols[4];
        divisionSector[d] = sector;
        divisionSection[d] = cols[2].equals("-") ? 0 : cols[2].charAt(0);
      }
      default -> throw new IllegalStateException(resource + ": unknown row kind " + cols[0]);
    }
  }

  boolean hasSections() {
    for (String s : sectionSector) {
      if (s != null) {
        return true;
      }
    }
    return false;
  }

  @Nullable String sectionSector(char letter) {
    return letter >= 'A' && letter <= 'Z' ? sectionSector[letter - 'A'] : null;
  }

  @Nullable String sectionTitle(char letter) {
    return letter >= 'A' && letter <= 'Z' ? sectionTitle[letter - 'A'] : null;
  }

  @Nullable String divisionSector(int division) {
    return division >= 0 && division < 100 ? divisionSector[division] : null;
  }

  @Nullable String divisionTitle(int division) {
    return division >= 0 && division < 100 ? divisionTitle[division] : null;
  }

  char divisionSection(int division) {
    return division >= 0 && division < 100 ? divisionSection[division] : 0;
  }
}
