package io.vitrine.testing;

import org.jboss.arquillian.core.spi.LoadableExtension;

/** Registers {@link SharedDeploymentObserver} with Arquillian. */
public class SharedDeploymentExtension implements LoadableExtension {
  @Override
  public void register(ExtensionBuilder builder) {
    builder.observer(SharedDeploymentObserver.class);
  }
}
