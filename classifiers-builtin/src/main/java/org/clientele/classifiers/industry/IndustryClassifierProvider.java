package org.clientele.classifiers.industry;

import org.clientele.api.Classifier;
import org.clientele.api.spi.ClassifierProvider;
import org.clientele.api.spi.PluginConfig;

/**
 * The {@code industry} classifier: a sector from {@code industry_code}.
 *
 * <p>Codes are read in ISIC Rev.4 (section letter A-U and/or two-digit division, for example {@code
 * C}, {@code C10}, {@code 1010}), NAICS 2022 (two- to six-digit codes, the first two digits are the
 * sector, for example {@code 31}, {@code 541511}) or GB/T 4754-2017 (门类 A-T and/or two-digit
 * 大类, for example {@code C13}, {@code I65}). Spaces, dots, hyphens and underscores are ignored,
 * letters may be lower case, and a code may name its system with a prefix ({@code isic:},
 * {@code naics:}, {@code gb:}, {@code gbt:} or {@code gb/t:}).
 *
 * <p>The system is the prefix's, else {@code codeSystem} ({@code auto} by default). In {@code auto}
 * every system that can read the code is tried (a letter must be the section of the division that
 * follows it; five or six digits are NAICS only): if they agree the sector is theirs, if they
 * disagree the label is UNKNOWN with a reason naming each reading, so set {@code codeSystem}. The
 * {@code mapping} object (code prefix, or industry name in any language such as {@code 制造业} or
 * {@code Manufacturing}, to sector) is consulted first, longest prefix winning. An
 * unreadable or unmapped code, or a missing one, gives UNKNOWN with a reason. The mapping tables
 * ship as resources ({@code isic-rev4.tsv}, {@code naics-2022.tsv}, {@code gbt-4754-2017.tsv}),
 * each naming its source. The score is always NaN.
 *
 * @since 0.1.0
 */
public final class IndustryClassifierProvider implements ClassifierProvider {

  /** The provider's name and default dimension id. */
  public static final String NAME = "industry";

  /** Creates the provider; does nothing else. */
  public IndustryClassifierProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Classifier create(PluginConfig config) {
    return IndustryClassifier.create(config);
  }
}
