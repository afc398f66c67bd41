package org.clientele.classifiers.industry;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.clientele.api.Assignment;
import org.clientele.api.Classifier;
import org.clientele.api.Customer;
import org.clientele.api.Dimension;
import org.clientele.api.Feature;
import org.clientele.api.LabelSink;
import org.clientele.api.Reason;
import org.clientele.api.StandardFeatures;
import org.clientele.api.spi.PluginConfig;
import org.clientele.classifiers.industry.IndustryTable.System;
import org.jspecify.annotations.Nullable;

/** See {@link IndustryClassifierProvider}. Parsing and lookup allocate nothing. */
final class IndustryClassifier implements Classifier {

  static final List<String> SECTORS =
      List.of(
          "MANUFACTURING",
          "CONSTRUCTION",
          "WHOLESALE_RETAIL",
          "TRANSPORT_LOGISTICS",
          "HOSPITALITY",
          "INFORMATION_TECH",
          "FINANCE",
          "REAL_ESTATE",
          "PROFESSIONAL_SERVICES",
          "PUBLIC_ADMINISTRATION",
          "EDUCATION",
          "HEALTHCARE",
          "AGRICULTURE",
          "ENERGY_UTILITIES",
          "OTHER_SERVICES",
          "UNKNOWN");

  private static final Feature<String> CODE = StandardFeatures.INDUSTRY_CODE;
  private static final System[] SYSTEMS = System.values();

  // Packed result of parse(): division + 1 in bits 0-6, letter index + 1 in bits 7-11, digit count
  // (capped at 15) in bits 12-15, prefixed system ordinal + 1 in bits 16-18, malformed in bit 20.
  private static final int MALFORMED = 1 << 20;

  enum CodeSystem {
    AUTO,
    ISIC,
    NAICS,
    GBT
  }

  private final Dimension dimension;
  private final int unknown;
  private final @Nullable System configured;
  private final int[][] sectionLabel = new int[SYSTEMS.length][26];
  private final int[][] divisionLabel = new int[SYSTEMS.length][100];
  private final char[][] divisionSection = new char[SYSTEMS.length][100];
  /** User mapping keys, normalised, longest first; and their label indices. */
  private final char[][] mappingKeys;
  private final int[] mappingLabels;

  private IndustryClassifier(Dimension dimension, @Nullable System configured, char[][] keys, int[] labels) {
    this.dimension = dimension;
    this.unknown = dimension.indexOf("UNKNOWN");
    this.configured = configured;
    this.mappingKeys = keys;
    this.mappingLabels = labels;
    for (System s : SYSTEMS) {
      IndustryTable t = IndustryTable.of(s);
      for (int i = 0; i < 26; i++) {
        String sector = t.sectionSector((char) ('A' + i));
        sectionLabel[s.ordinal()][i] = sector == null ? -1 : dimension.indexOf(sector);
      }
      for (int d = 0; d < 100; d++) {
        String sector = t.divisionSector(d);
        divisionLabel[s.ordinal()][d] = sector == null ? -1 : dimension.indexOf(sector);
        divisionSection[s.ordinal()][d] = t.divisionSection(d);
      }
    }
  }

  static IndustryClassifier create(PluginConfig config) {
    Dimension dimension = new Dimension(config.id(), SECTORS);
    CodeSystem cs = config.choice("codeSystem", CodeSystem.class, CodeSystem.AUTO);
    System configured = cs == CodeSystem.AUTO ? null : System.valueOf(cs.name());
    List<Map.Entry<String, String>> entries = new ArrayList<>(config.textMap("mapping").entrySet());
    List<char[]> keys = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    entries.sort(IndustryClassifier::longerKeyFirst);
    for (Map.Entry<String, String> e : entries) {
      String key = normalise(e.getKey());
      // Letters and digits of any script: codes ("C10", "5415") and names in any language
      // ("Manufacturing", "制造业", "金融业"); the key must prefix the customer's value.
      if (key.isEmpty() || !lettersAndDigits(key)) {
        throw config.error("mapping." + e.getKey(),
            "a mapping key is a code or code prefix, or an industry name, of letters and digits in any"
                + " language, for example \"C10\", \"5415\", \"Manufacturing\" or \"制造业\"");
      }
      String label = e.getValue().trim().replace('-', '_').toUpperCase(Locale.ROOT);
      int index = dimension.indexOf(label);
      if (index < 0) {
        throw config.error("mapping." + e.getKey(),
            "expected one of " + dimension.labels() + ", found \"" + e.getValue() + "\"");
      }
      keys.add(key.toCharArray());
      labels.add(index);
    }
    int[] labelArray = new int[labels.size()];
    for (int i = 0; i < labelArray.length; i++) {
      labelArray[i] = labels.get(i);
    }
    return new IndustryClassifier(dimension, configured, keys.toArray(new char[0][]), labelArray);
  }

  // Plain methods rather than a Comparator chain and a code-point stream: creating the classifier
  // is part of every cold engine build (docs/benchmarks.md).
  private static int longerKeyFirst(Map.Entry<String, String> a, Map.Entry<String, String> b) {
    return Integer.compare(normalise(b.getKey()).length(), normalise(a.getKey()).length());
  }

  private static boolean lettersAndDigits(String key) {
    for (int i = 0; i < key.length(); ) {
      int cp = key.codePointAt(i);
      if (!Character.isLetterOrDigit(cp)) {
        return false;
      }
      i += Character.charCount(cp);
    }
    return true;
  }

  private static String normalise(String code) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < code.length(); i++) {
      char ch = code.charAt(i);
      if (!isSeparator(ch)) {
        sb.append(Character.toUpperCase(ch));
      }
    }
    return sb.toString();
  }

  private static boolean isSeparator(char ch) {
    return ch == ' ' || ch == '.' || ch == '-' || ch == '_' || ch == '\t';
  }

  @Override
  public Dimension dimension() {
    return dimension;
  }

  @Override
  public Set<Feature<?>> features() {
    return Set.of(CODE);
  }

  /** A customer UNKNOWN with a code has one that is unreadable, a placeholder, unmapped or ambiguous. */
  @Override
  public Set<Feature<?>> unplacedInputs() {
    return Set.of(CODE);
  }

  @Override
  public void classify(Customer customer, LabelSink out) {
    String code = customer.getOrNull(CODE);
    int label = code == null ? unknown : label(code);
    if (label == unknown) {
      out.acceptFallback(label, Double.NaN);
    } else {
      out.accept(label, Double.NaN);
    }
  }

  private int label(String code) {
    int bodyStart = bodyStart(code);
    int mapped = userMapping(code, bodyStart);
    if (mapped >= 0) {
      return mapped;
    }
    if (isPlaceholder(code, bodyStart, configured == null)) {
      return unknown;
    }
    int parsed = parse(code, bodyStart);
    if ((parsed & MALFORMED) != 0) {
      return unknown;
    }
    int prefixed = (parsed >>> 16) & 7;
    System only = prefixed != 0 ? SYSTEMS[prefixed - 1] : configured;
    if (only != null) {
      int label = read(only, parsed);
      return label < 0 ? unknown : label;
    }
    int agreed = -1;
    for (System s : SYSTEMS) {
      int label = read(s, parsed);
      if (label >= 0) {
        if (agreed >= 0 && agreed != label) {
          return unknown;
        }
        agreed = label;
      }
    }
    return agreed < 0 ? unknown : agreed;
  }

  /** The label one system gives to a parsed code, or -1 if the code is not one of its codes. */
  private int read(System s, int parsed) {
    int division = (parsed & 0x7f) - 1;
    int letter = ((parsed >>> 7) & 0x1f) - 1;
    int digits = (parsed >>> 12) & 0xf;
    int sys = s.ordinal();
    if (letter >= 0) {
      if (s == System.NAICS || digits > 4) {
        return -1;
      }
      if (digits == 0) {
        return sectionLabel[sys][letter];
      }
      return divisionSection[sys][division] == 'A' + letter ? divisionLabel[sys][division] : -1;
    }
    if (s == System.NAICS ? digits > 6 : digits > 4) {
      return -1;
    }
    return divisionLabel[sys][division];
  }

  /**
   * True for the codes systems write for "not classified": only zeros, four or more nines (9999,
   * 999999), or, under {@code codeSystem auto}, two or three nines with no system prefix. Read as
   * codes they would land in a real sector (ISIC 99 is extraterritorial bodies, NAICS 99
   * "nonclassifiable"), a label computed from a placeholder. A bare {@code 99} in an export of
   * mixed codes is far more often a CRM's "other" than an embassy, so only {@code isic:99}, {@code
   * codeSystem ISIC} or a mapping reads it as ISIC 99.
   */
  static boolean isPlaceholder(String code, int bodyStart, boolean auto) {
    int start = bodyStart;
    int end = code.length();
    while (start < end && code.charAt(start) == ' ') {
      start++;
    }
    while (end > start && code.charAt(end - 1) == ' ') {
      end--;
    }
    if (end == start) {
      return false;
    }
    char first = code.charAt(start);
    if (first != '9' && first != '0') {
      return false;
    }
    for (int i = start; i < end; i++) {
      if (code.charAt(i) != first) {
        return false;
      }
    }
    return first == '0' || end - start >= 4 || (auto && bodyStart == 0 && end - start >= 2);
  }

  /** Index after a system prefix such as {@code naics:}, or 0. */
  private static int bodyStart(String code) {
    int colon = code.indexOf(':');
    return colon < 0 ? 0 : colon + 1;
  }

  private static int prefixSystem(String code, int colon) {
    int start = 0;
    int end = colon;
    while (start < end && code.charAt(start) == ' ') {
      start++;
    }
    while (end > start && code.charAt(end - 1) == ' ') {
      end--;
    }
    int len = end - start;
    if (len == 4 && code.regionMatches(true, start, "ISIC", 0, 4)) {
      return System.ISIC.ordinal() + 1;
    }
    if (len == 5 && code.regionMatches(true, start, "NAICS", 0, 5)) {
      return System.NAICS.ordinal() + 1;
    }
    if ((len == 2 && code.regionMatches(true, start, "GB", 0, 2))
        || (len == 3 && code.regionMatches(true, start, "GBT", 0, 3))
        || (len == 4 && code.regionMatches(true, start, "GB/T", 0, 4))) {
      return System.GBT.ordinal() + 1;
    }
    return -1;
  }

  /** Parses without allocating; see the packing comment on {@link #MALFORMED}. */
  static int parse(String code, int bodyStart) {
    int prefix = 0;
    if (bodyStart > 0) {
      prefix = prefixSystem(code, bodyStart - 1);
      if (prefix < 0) {
        return MALFORMED;
      }
    }
    int letter = -1;
    int digits = 0;
    int division = 0;
    for (int i = bodyStart; i < code.length(); i++) {
      char ch = code.charAt(i);
      if (isSeparator(ch)) {
        continue;
      }
      if (ch >= 'a' && ch <= 'z') {
        ch = (char) (ch - 'a' + 'A');
      }
      if (ch >= 'A' && ch <= 'Z') {
        if (letter >= 0 || digits > 0) {
          return MALFORMED;
        }
        letter = ch - 'A';
      } else if (ch >= '0' && ch <= '9') {
        if (digits < 2) {
          division = division * 10 + (ch - '0');
        }
        digits++;
      } else {
        return MALFORMED;
      }
    }
    if (digits == 1 || (letter < 0 && digits == 0)) {
      return MALFORMED;
    }
    int d = digits >= 2 ? division + 1 : 0;
    return d | ((letter + 1) << 7) | (Math.min(digits, 15) << 12) | (prefix << 16);
  }

  /** The longest user mapping key that prefixes the code's body, or -1. */
  private int userMapping(String code, int bodyStart) {
    for (int k = 0; k < mappingKeys.length; k++) {
      if (startsWith(code, bodyStart, mappingKeys[k])) {
        return mappingLabels[k];
      }
    }
    return -1;
  }

  private static boolean startsWith(String code, int from, char[] key) {
    int j = 0;
    for (int i = from; i < code.length() && j < key.length; i++) {
      char ch = code.charAt(i);
      if (isSeparator(ch)) {
        continue;
      }
      if (Character.toUpperCase(ch) != key[j]) {
        return false;
      }
      j++;
    }
    return j == key.length;
  }

  @Override
  public Assignment explain(Customer customer) {
    String code = customer.getOrNull(CODE);
    List<Reason> why = new ArrayList<>();
    if (code == null) {
      why.add(Reason.missing(CODE, "industry_code is missing: UNKNOWN"));
      return new Assignment(dimension, unknown, Double.NaN, "", why, true);
    }
    int label = label(code);
    int bodyStart = bodyStart(code);
    for (int k = 0; k < mappingKeys.length; k++) {
      if (startsWith(code, bodyStart, mappingKeys[k])) {
        why.add(Reason.of(CODE, code, "mapping." + new String(mappingKeys[k]),
            "Code " + code + " starts with " + new String(mappingKeys[k]) + ", which the configured"
                + " mapping assigns to " + dimension.label(label)));
        return new Assignment(dimension, label, Double.NaN, "", why, label == unknown);
      }
    }
    if (isPlaceholder(code, bodyStart, configured == null)) {
      why.add(Reason.of(CODE, code, "",
          "Code " + code + " is a placeholder systems write for \"not classified\", not an industry: UNKNOWN"
              + " (give the real code, or map it under mapping if it means something in your CRM)"));
      return new Assignment(dimension, unknown, Double.NaN, "", why, true);
    }
    int parsed = parse(code, bodyStart);
    if ((parsed & MALFORMED) != 0) {
      why.add(Reason.of(CODE, code, "",
          "Code " + code + " is not in a recognised form (a section letter and/or at least two"
              + " digits, optionally prefixed isic:, naics: or gbt:): UNKNOWN"));
      return new Assignment(dimension, unknown, Double.NaN, "", why, true);
    }
    int prefixed = (parsed >>> 16) & 7;
    System only = prefixed != 0 ? SYSTEMS[prefixed - 1] : configured;
    List<String> readings = new ArrayList<>();
    for (System s : SYSTEMS) {
      if (only != null && s != only) {
        continue;
      }
      int l = read(s, parsed);
      if (l >= 0) {
        readings.add(s.title + " " + describe(s, parsed) + " -> " + dimension.label(l));
      }
    }
    String how = only == null ? "codeSystem auto"
        : prefixed != 0 ? "the code's prefix names " + only.title : "codeSystem is " + only.title;
    String text;
    if (readings.isEmpty()) {
      text = "Code " + code + " is not a code of " + (only != null ? only.title : "ISIC Rev.4, NAICS 2022"
          + " or GB/T 4754-2017") + " (" + how + "), or its letter is not the section of its"
          + " division: UNKNOWN";
    } else if (label == unknown && readings.size() > 1) {
      text = "Code " + code + " is ambiguous (" + how + "): " + String.join("; ", readings)
          + ". Set codeSystem or prefix the code: UNKNOWN";
    } else {
      text = "Code " + code + " read as " + readings.get(0) + " (" + how + ")"
          + (readings.size() > 1 ? "; the other readings agree: " + String.join("; ", readings.subList(1, readings.size())) : "");
    }
    why.add(Reason.of(CODE, code, only != null ? only.title : "auto", text));
    return new Assignment(dimension, label, Double.NaN, "", why, label == unknown);
  }

  private static String describe(System s, int parsed) {
    IndustryTable t = IndustryTable.of(s);
    int division = (parsed & 0x7f) - 1;
    int letter = ((parsed >>> 7) & 0x1f) - 1;
    String title = division >= 0 ? t.divisionTitle(division) : t.sectionTitle((char) ('A' + letter));
    String code = division >= 0 ? String.format(Locale.ROOT, "%02d", division) : String.valueOf((char) ('A' + letter));
    return code + " \"" + title + "\" (source: " + t.source + ")";
  }
}
