package org.clientele.testkit;

import java.util.List;
import java.util.Map;
import org.clientele.api.Dimension;
import org.clientele.api.spi.ClassifierProvider;
import org.clientele.api.spi.StrategyProvider;
import org.clientele.testkit.samples.BrokenProviders;

/**
 * The contracts applied to the broken sample providers. Nested, so that Surefire does not run them
 * on their own (they are meant to fail); {@link ContractCatchesBrokenProvidersTest} runs them.
 */
final class BrokenContracts {

  private BrokenContracts() {}

  static class Unregistered extends ClassifierProviderContract {
    @Override
    protected ClassifierProvider provider() {
      return new BrokenProviders.Unregistered();
    }
  }

  static class OneLabel extends ClassifierProviderContract {
    @Override
    protected ClassifierProvider provider() {
      return new BrokenProviders.OneLabel();
    }
  }

  static class OwnFeatureNeverSeen extends ClassifierProviderContract {
    @Override
    protected ClassifierProvider provider() {
      return new BrokenProviders.OwnFeatureNeverSeen();
    }
  }

  /** The same provider passes once the population has its feature, added in one call. */
  static class OwnFeatureAdded extends OwnFeatureNeverSeen {
    @Override
    protected List<org.clientele.api.Customer> population() {
      return Population.builder().size(500)
          .feature(BrokenProviders.OwnFeatureNeverSeen.DISTANCE, (customer, random) -> random.nextDouble() * 100)
          .build();
    }
  }

  static class UpperCaseName extends ClassifierProviderContract {
    @Override
    protected ClassifierProvider provider() {
      return new BrokenProviders.UpperCaseName();
    }
  }

  static class CreateThrowsOnEmpty extends ClassifierProviderContract {
    @Override
    protected ClassifierProvider provider() {
      return new BrokenProviders.CreateThrowsOnEmpty();
    }

    @Override
    protected Map<String, ?> configuration() {
      return Map.of("threshold", 5_000);
    }
  }

  static class IgnoresId extends ClassifierProviderContract {
    @Override
    protected ClassifierProvider provider() {
      return new BrokenProviders.IgnoresId();
    }
  }

  static class ReadsAllKeys extends ClassifierProviderContract {
    @Override
    protected ClassifierProvider provider() {
      return new BrokenProviders.ReadsAllKeys();
    }
  }

  static class LeavesKeyUnread extends ClassifierProviderContract {
    @Override
    protected ClassifierProvider provider() {
      return new BrokenProviders.LeavesKeyUnread();
    }

    @Override
    protected Map<String, ?> configuration() {
      return Map.of("threshold", 5_000, "note", "ignored by the provider");
    }
  }

  static class DoubleSink extends ClassifierProviderContract {
    @Override
    protected ClassifierProvider provider() {
      return new BrokenProviders.DoubleSink();
    }
  }

  static class ExplainDisagrees extends ClassifierProviderContract {
    @Override
    protected ClassifierProvider provider() {
      return new BrokenProviders.ExplainDisagrees();
    }
  }

  static class NpeOnMissing extends ClassifierProviderContract {
    @Override
    protected ClassifierProvider provider() {
      return new BrokenProviders.NpeOnMissing();
    }
  }

  static class RandomWhenMissing extends ClassifierProviderContract {
    @Override
    protected ClassifierProvider provider() {
      return new BrokenProviders.RandomWhenMissing();
    }
  }

  static class NotThreadSafe extends ClassifierProviderContract {
    @Override
    protected ClassifierProvider provider() {
      return new BrokenProviders.NotThreadSafe();
    }
  }

  static class MutableFeatures extends ClassifierProviderContract {
    @Override
    protected ClassifierProvider provider() {
      return new BrokenProviders.MutableFeatures();
    }
  }

  static class LeakyCalibration extends ClassifierProviderContract {
    @Override
    protected ClassifierProvider provider() {
      return new BrokenProviders.LeakyCalibration();
    }
  }

  static class NewActionEveryCall extends StrategyProviderContract {
    @Override
    protected StrategyProvider provider() {
      return new BrokenProviders.NewActionEveryCall();
    }

    @Override
    protected List<Dimension> dimensions() {
      return List.of(Dimension.of("band", "HIGH", "LOW"));
    }
  }

  static class ClaimsLabelsOnlyButReadsFeatures extends StrategyProviderContract {
    @Override
    protected StrategyProvider provider() {
      return new BrokenProviders.ClaimsLabelsOnlyButReadsFeatures();
    }

    @Override
    protected List<Dimension> dimensions() {
      return List.of(Dimension.of("band", "HIGH", "LOW"));
    }
  }

  static class ClaimsLabelsOnlyButReadsFallbackScores extends StrategyProviderContract {
    @Override
    protected StrategyProvider provider() {
      return new BrokenProviders.ClaimsLabelsOnlyButReadsFallbackScores();
    }

    @Override
    protected List<Dimension> dimensions() {
      return List.of(Dimension.of("band", "HIGH", "LOW"));
    }
  }

  static class FailsOnUnclassified extends StrategyProviderContract {
    @Override
    protected StrategyProvider provider() {
      return new BrokenProviders.FailsOnUnclassified();
    }

    @Override
    protected List<Dimension> dimensions() {
      return List.of(Dimension.of("band", "HIGH", "LOW"));
    }
  }
}
