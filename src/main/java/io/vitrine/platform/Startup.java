package io.vitrine.platform;

import io.vitrine.asset.AssetFiles;
import io.vitrine.asset.Renditions;
import io.vitrine.imports.SampleCatalog;
import io.vitrine.jobs.Jobs;
import io.vitrine.platform.database.VitrineDatabase;
import io.vitrine.publish.ExportSchedule;
import io.vitrine.search.Indexer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** What happens once, before the server answers its first request. */
@ApplicationScoped
public class Startup {

  @Inject VitrineDatabase database;
  @Inject SampleCatalog sample;
  @Inject Indexer indexer;
  @Inject Jobs jobs;
  @Inject ExportSchedule exportSchedule;
  @Inject AssetFiles assetFiles;
  @Inject Renditions renditions;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    indexer.prepare(); // before anything uses an entity manager: see Indexer.prepare
    jobs.prepare();
    exportSchedule.prepare();
    renditions.prepare();
    database.migrate();
    assetFiles.sweepIncoming(); // before any upload, the sample's included
    sample.loadIfEmpty();
    indexer.start();
    jobs.start();
    exportSchedule.start();
    renditions.start();
  }
}
