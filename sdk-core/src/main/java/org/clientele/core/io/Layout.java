package org.clientele.core.io;

/**
 * The delimited-text options shared by the transaction and customer formats.
 *
 * @param delimiter the separator character (unused when {@code whitespace})
 * @param whitespace true if values are separated by runs of spaces and tabs
 * @param header true if the first row names the columns
 */
record Layout(char delimiter, boolean whitespace, boolean header) {

  /** The configuration word for whitespace-separated files. */
  static final String WHITESPACE = "whitespace";

  /**
   * Interprets a delimiter setting: one character, {@code "tab"} or {@code "\t"}, or {@code
   * "whitespace"}.
   *
   * @throws IllegalArgumentException with the accepted forms
   */
  static Layout of(String delimiter, boolean header) {
    if (delimiter.equalsIgnoreCase(WHITESPACE)) {
      return new Layout(' ', true, header);
    }
    if (delimiter.equalsIgnoreCase("tab") || delimiter.equals("\\t")) {
      return new Layout('\t', false, header);
    }
    if (delimiter.length() != 1 || delimiter.equals("\"") || delimiter.equals("\n") || delimiter.equals("\r")) {
      throw new IllegalArgumentException(
          "delimiter must be one character (such as \",\" \";\" \"|\"), \"tab\" or \"whitespace\", not \""
              + delimiter + "\"");
    }
    return new Layout(delimiter.charAt(0), false, header);
  }

  /** Checks a delimiter setting; returns it unchanged. */
  static String checkDelimiter(String delimiter) {
    of(delimiter, true);
    return delimiter;
  }
}
