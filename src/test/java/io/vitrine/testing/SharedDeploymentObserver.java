package io.vitrine.testing;

import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.arquillian.container.spi.client.deployment.DeploymentScenario;
import org.jboss.arquillian.container.spi.event.DeployManagedDeployments;
import org.jboss.arquillian.container.spi.event.UnDeployManagedDeployments;
import org.jboss.arquillian.container.spi.event.container.BeforeStop;
import org.jboss.arquillian.container.test.impl.client.deployment.event.GenerateDeployment;
import org.jboss.arquillian.core.api.Event;
import org.jboss.arquillian.core.api.Instance;
import org.jboss.arquillian.core.api.InstanceProducer;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.EventContext;
import org.jboss.arquillian.test.spi.TestClass;
import org.jboss.arquillian.test.spi.annotation.ClassScoped;
import org.jboss.arquillian.test.spi.context.ClassContext;
import org.jboss.arquillian.test.spi.event.suite.BeforeSuite;

/**
 * Deploys {@link SharedDeployment} once, when the suite starts, and lets every test class use that
 * deployment: Arquillian's per-class generate, deploy and undeploy steps are answered with the
 * suite's scenario instead. The deployment is removed once, just before the container stops.
 */
public class SharedDeploymentObserver {

  @Inject Instance<ClassContext> classContext;

  @Inject @ClassScoped InstanceProducer<DeploymentScenario> classScenario;

  @Inject Event<GenerateDeployment> generate;
  @Inject Event<DeployManagedDeployments> deploy;
  @Inject Event<UnDeployManagedDeployments> undeploy;

  private DeploymentScenario suiteScenario;
  private final AtomicBoolean ownEvent = new AtomicBoolean();

  public void deployOnce(@Observes(precedence = -100) BeforeSuite event) {
    inSuiteClassScope(
        () -> {
          ownEvent.set(true);
          try {
            generate.fire(new GenerateDeployment(new TestClass(SharedDeployment.class)));
            suiteScenario = classScenario.get();
            deploy.fire(new DeployManagedDeployments());
          } finally {
            ownEvent.set(false);
          }
        });
  }

  public void shareScenario(@Observes EventContext<GenerateDeployment> context) {
    if (ownEvent.get()) {
      context.proceed();
    } else {
      classScenario.set(suiteScenario);
    }
  }

  public void skipClassDeploy(@Observes EventContext<DeployManagedDeployments> context) {
    if (ownEvent.get()) {
      context.proceed();
    }
  }

  public void skipClassUndeploy(@Observes EventContext<UnDeployManagedDeployments> context) {
    if (ownEvent.get()) {
      context.proceed();
    }
  }

  public void undeployOnce(@Observes BeforeStop event) {
    if (suiteScenario == null) {
      return;
    }
    inSuiteClassScope(
        () -> {
          classScenario.set(suiteScenario);
          ownEvent.set(true);
          try {
            undeploy.fire(new UnDeployManagedDeployments());
          } finally {
            ownEvent.set(false);
            suiteScenario = null;
          }
        });
  }

  private void inSuiteClassScope(Runnable action) {
    classContext.get().activate(SharedDeployment.class);
    try {
      action.run();
    } finally {
      classContext.get().deactivate();
    }
  }
}
