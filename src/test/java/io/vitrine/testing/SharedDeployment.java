package io.vitrine.testing;

import java.io.File;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The one deployment every integration test talks to: the WAR the build just packaged, exactly as
 * it ships inside {@code vitrine.jar}. {@link SharedDeploymentObserver} deploys it once per test
 * run instead of once per test class, because each Payara Micro start costs 20-30 s.
 */
public final class SharedDeployment {

  private SharedDeployment() {}

  @Deployment(testable = false)
  public static WebArchive vitrine() {
    var war = new File("target/ROOT.war");
    if (!war.isFile()) {
      throw new IllegalStateException(
          "target/ROOT.war is missing: integration tests run after 'mvn package'");
    }
    return ShrinkWrap.createFromZipFile(WebArchive.class, war);
  }
}
