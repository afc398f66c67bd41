/**
 * Excel input for Clientele: {@link org.clientele.xlsx.XlsxSource} reads a sheet of an .xlsx
 * workbook as a {@link org.clientele.core.io.TabularSource}.
 */
module org.clientele.xlsx {
  requires transitive org.clientele.core;
  requires static org.jspecify;
  requires org.dhatim.fastexcel.reader;

  exports org.clientele.xlsx;
}
