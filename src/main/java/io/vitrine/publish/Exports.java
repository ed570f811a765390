package io.vitrine.publish;

import io.vitrine.catalog.Channel;
import io.vitrine.jobs.Job;
import io.vitrine.jobs.Jobs;
import io.vitrine.platform.Timestamps;
import io.vitrine.platform.json.Jsonp;
import io.vitrine.platform.problem.Problem;
import io.vitrine.platform.problem.ProblemException;
import io.vitrine.publish.export.CsvExport;
import io.vitrine.publish.export.ExportFormat;
import io.vitrine.publish.export.ExportPlan;
import io.vitrine.publish.export.ExportWriter;
import io.vitrine.publish.export.ProductFields;
import io.vitrine.search.ProductSearch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Exports of a channel's products by its profiles: started as jobs that write a file under the data
 * directory ({@link ExportJob}), or streamed straight to a client when small. Both take the
 * products the channel publishes that the profile's filters keep, resolved for the channel, and
 * list those the format refuses, with the reasons, in a rejections CSV.
 */
@ApplicationScoped
public class Exports {

  @PersistenceContext EntityManager em;
  @Inject ExportProfileKind profiles;
  @Inject ChannelFeed feed;
  @Inject ProductSearch search;
  @Inject Jobs jobs;
  @Inject ExportFiles files;

  @Inject
  @ConfigProperty(name = "vitrine.data.dir")
  String dataDir;

  @Inject
  @ConfigProperty(name = "vitrine.export.stream-max-products", defaultValue = "50000")
  long streamMax;

  /** How far before the last export began "updated since the last export" looks: see there. */
  @Inject
  @ConfigProperty(name = "vitrine.export.updated-margin-seconds", defaultValue = "900")
  long updatedMarginSeconds;

  /** Products per batch of an export job (and per read of a stream). */
  @Inject
  @ConfigProperty(name = "vitrine.export.batch-size", defaultValue = "1000")
  int batch;

  /** Products per batch (a method: other beans see this one through its proxy, not its fields). */
  int batchSize() {
    return batch;
  }

  /** A profile as an export takes it: its JSON and what it writes. */
  record Profile(Channel channel, JsonObject json, ExportPlan plan, ProductFields fields) {}

  /** Starts an export of the profile: a job writes its file. */
  @Transactional
  public ExportRun start(String channelCode, String profileCode) {
    Profile profile = profile(channelCode, profileCode);
    OffsetDateTime after = updatedAfter(profile);
    ExportRun run =
        new ExportRun(
            channelCode,
            profileCode,
            profile.json(),
            search(profile, after),
            after,
            Timestamps.now());
    em.persist(run);
    em.flush();
    Job job = jobs.enqueue(ExportJob.KIND, ExportJob.subject(run.id()));
    run.queued(job.id());
    return run;
  }

  /**
   * The profiles with a schedule that are due an export (channel, code): those whose last export
   * began at least their hours ago, or never ran, and is done. Each is then started on its own
   * ({@link ExportSchedule}), so that one that cannot start does not stop the others.
   */
  @Transactional(TxType.SUPPORTS)
  public List<ExportProfile.Key> due() {
    OffsetDateTime now = Timestamps.now();
    List<ExportProfile.Key> due = new ArrayList<>();
    for (ExportProfile profile :
        em.createQuery(
                "SELECT p FROM ExportProfile p WHERE p.everyHours IS NOT NULL", ExportProfile.class)
            .getResultList()) {
      List<ExportRun> last = list(profile.channel(), profile.code(), Long.MAX_VALUE, 1);
      if (!last.isEmpty()) {
        ExportRun run = last.get(0);
        if (busy(jobs.find(run.job()))
            || run.created().plusHours(profile.everyHours()).isAfter(now)) {
          continue;
        }
      }
      due.add(new ExportProfile.Key(profile.channel(), profile.code()));
    }
    return due;
  }

  private static boolean busy(Job job) {
    return job != null && (job.state() == Job.State.QUEUED || job.state() == Job.State.RUNNING);
  }

  /** The profile, checked against its channel as it is now (its locales may have changed). */
  Profile profile(String channelCode, String profileCode) {
    ExportProfile profile = profiles.find(channelCode, profileCode);
    if (profile == null) {
      profiles.checkParent(channelCode);
      throw new ProblemException(Problem.notFound("export profile", profileCode));
    }
    Channel channel = feed.channel(channelCode);
    boolean localeGone = profile.locale() != null && !channel.locales().contains(profile.locale());
    boolean currencyGone =
        profile.currency() != null && !channel.currencies().contains(profile.currency());
    if (localeGone || currencyGone) {
      throw new ProblemException(
          Problem.conflict(
              "The export profile "
                  + profileCode
                  + " writes in "
                  + (localeGone ? profile.locale() : profile.currency())
                  + ", which the channel "
                  + channelCode
                  + " no longer has: change the profile's "
                  + (localeGone ? "locale" : "currency")
                  + " first."));
    }
    return profile(channel, profiles.toJson(profile));
  }

  /** The profile {@code json} describes (stored with a run), for {@code channel}. */
  Profile profile(Channel channel, JsonObject json) {
    ExportFormat format = ExportFormat.of(json.getString("format"));
    return new Profile(
        channel,
        json,
        ExportProfile.plan(format, json),
        new ProductFields(
            feed.schema(), json.getString("locale", null), json.getString("currency", null)));
  }

  /**
   * With the filter "updated since the last export": from when products are taken, else null (all
   * of them). The last export is the newest that wrote its file whole with the profile as it is
   * now: after an edit of what the profile exports (not of its labels, schedule or files kept), or
   * for a profile made anew under an old code, the next export takes every product again.
   */
  private OffsetDateTime updatedAfter(Profile profile) {
    if (!profile.json().getJsonObject("filters").getBoolean("updated_since_last_export", false)) {
      return null;
    }
    List<ExportRun> complete =
        em.createQuery(
                "SELECT r FROM ExportRun r WHERE r.channel = :channel AND r.profile = :profile"
                    + " AND r.complete = TRUE ORDER BY r.id DESC",
                ExportRun.class)
            .setParameter("channel", profile.channel().code())
            .setParameter("profile", profile.json().getString("code"))
            .setMaxResults(1)
            .getResultList();
    if (complete.isEmpty()
        || !essence(complete.get(0).definition()).equals(essence(profile.json()))) {
      return null;
    }
    // A product is stamped when its write begins and seen when it commits: one stamped just
    // before the last export began may have committed after the export passed it by. Taking a
    // margin back sends a few products twice rather than losing one.
    return complete.get(0).created().minusSeconds(updatedMarginSeconds);
  }

  /** What a profile exports: its definition without labels, schedule, files kept and times. */
  private static JsonObject essence(JsonObject definition) {
    JsonObjectBuilder essence = Jsonp.objectBuilder(definition);
    for (String field : List.of("labels", "schedule", "keep", "updated")) {
      essence.remove(field);
    }
    return essence.build();
  }

  /** Whether {@code run} was made by {@code profile} (not by one deleted before it was made). */
  static boolean madeBy(ExportRun run, ExportProfile profile) {
    return profile != null
        && Objects.equals(
            run.definition().getString("created", null), Timestamps.format(profile.created()));
  }

  /** The channel's eligibility rule and the profile's filters, as one search. */
  static String search(Profile profile, OffsetDateTime updatedAfter) {
    JsonObject rule =
        Jsonp.reader(new java.io.StringReader(EligibilitySearch.of(profile.channel())))
            .readObject();
    JsonObjectBuilder search = Jsonp.objectBuilder(rule);
    JsonObject filters = profile.json().getJsonObject("filters");
    List<String> families = codes(filters, "families");
    if (!families.isEmpty()) {
      search.add("family", condition("IN", Jsonp.arrayBuilder(families).build()));
    }
    List<String> categories = codes(filters, "categories");
    if (!categories.isEmpty()) {
      JsonArrayBuilder conditions = Jsonp.arrayBuilder();
      if (rule.containsKey("categories")) {
        rule.getJsonArray("categories").forEach(conditions::add);
      }
      conditions.add(
          Jsonp.objectBuilder()
              .add("operator", "IN CHILDREN")
              .add("value", Jsonp.arrayBuilder(categories)));
      search.add("categories", conditions);
    }
    if (updatedAfter != null) {
      // The filter compares milliseconds and says "after": one earlier takes the same instant in.
      search.add(
          "updated",
          condition(">", Jsonp.value(Timestamps.format(updatedAfter.minusNanos(1_000_000)))));
    }
    return search.build().toString();
  }

  private static List<String> codes(JsonObject filters, String field) {
    return filters.getJsonArray(field).getValuesAs(JsonString.class).stream()
        .map(JsonString::getString)
        .toList();
  }

  private static JsonArrayBuilder condition(String operator, JsonValue value) {
    return Jsonp.arrayBuilder()
        .add(Jsonp.objectBuilder().add("operator", operator).add("value", value));
  }

  @Transactional(TxType.SUPPORTS)
  public ExportRun find(long id) {
    ExportRun run = em.find(ExportRun.class, id);
    if (run == null) {
      throw new ProblemException(Problem.notFound("export", Long.toString(id)));
    }
    return run;
  }

  /** The newest first, of one profile or of all. */
  @Transactional(TxType.SUPPORTS)
  public List<ExportRun> list(String channel, String profile, long beforeId, int limit) {
    var jpql = new StringBuilder("SELECT r FROM ExportRun r WHERE r.id < :before");
    if (channel != null) {
      jpql.append(" AND r.channel = :channel AND r.profile = :profile");
    }
    var query =
        em.createQuery(jpql.append(" ORDER BY r.id DESC").toString(), ExportRun.class)
            .setParameter("before", beforeId)
            .setMaxResults(limit);
    if (channel != null) {
      query.setParameter("channel", channel).setParameter("profile", profile);
    }
    return query.getResultList();
  }

  /** Deletes a run and its files; refused while its job may still write them. */
  @Transactional
  public void delete(long id) {
    ExportRun run = em.find(ExportRun.class, id);
    if (run == null) {
      throw new ProblemException(Problem.notFound("export", Long.toString(id)));
    }
    // The job's row first, as the job runner locks it before the run: no batch can start (a
    // retry, say) between this check and the commit.
    if (busy(jobs.findForUpdate(run.job()))) {
      throw new ProblemException(
          Problem.conflict("Export " + id + " is still being written; delete it once it is done."));
    }
    em.remove(run);
    files.afterCommit(() -> ExportFiles.deleteAll(folder(id)));
  }

  /**
   * Deletes the older exports of {@code profile} beyond its newest {@code keep} (the latest one
   * counted), their files with them: those that wrote their file whole and those that failed.
   * Exports of a profile deleted before this one was made under the same code are left alone, as
   * deleting a profile promises.
   */
  void prune(ExportRun latest, ExportProfile profile) {
    if (profile == null) {
      return;
    }
    List<ExportRun> older =
        em
            .createQuery(
                "SELECT r FROM ExportRun r WHERE r.channel = :channel AND r.profile = :profile"
                    + " AND r.id < :latest ORDER BY r.id DESC",
                ExportRun.class)
            .setParameter("channel", latest.channel())
            .setParameter("profile", latest.profile())
            .setParameter("latest", latest.id())
            .getResultList()
            .stream()
            .filter(run -> madeBy(run, profile))
            .filter(run -> run.complete() || !busy(jobs.find(run.job())))
            .toList();
    for (ExportRun old : older.subList(Math.min(older.size(), profile.keep() - 1), older.size())) {
      em.remove(old);
      files.afterCommit(() -> ExportFiles.deleteAll(folder(old.id())));
    }
  }

  /** Where a run's files are. */
  Path folder(long id) {
    return Path.of(dataDir, "exports", Long.toString(id));
  }

  /** The name a run's file is downloaded under: channel, profile, run and extension. */
  public static String fileName(ExportRun run) {
    return run.channel() + "-" + run.profile() + "-" + run.id() + "." + run.format().extension();
  }

  public Path file(ExportRun run) {
    return folder(run.id()).resolve(fileName(run));
  }

  public Path rejections(ExportRun run) {
    return folder(run.id()).resolve("rejections.csv");
  }

  /**
   * Writes the profile's export straight to {@code out} (or, with {@code rejectionsOnly}, only the
   * CSV of the products its format refuses). Refused, before anything is written, when the profile
   * takes more products than a stream may carry: those exports run as jobs.
   */
  public Streamed stream(String channelCode, String profileCode, boolean rejectionsOnly) {
    Profile profile = profile(channelCode, profileCode);
    String rule = search(profile, updatedAfter(profile));
    search.awaitCommitted();
    long count = search.count(rule);
    if (count > streamMax) {
      throw new ProblemException(
          Problem.of(
                  "too-large-to-stream",
                  "Too many products to stream",
                  409,
                  "The export profile "
                      + profileCode
                      + " takes "
                      + count
                      + " products; at most "
                      + streamMax
                      + " are streamed. Start an export instead (POST .../exports): it writes"
                      + " a file to download.")
              .with(Jsonp.objectBuilder().add("products", count).add("limit", streamMax)));
    }
    return new Streamed(profile, rule, rejectionsOnly);
  }

  /** An export to stream, with what the answer says of it. */
  public final class Streamed {
    private final Profile profile;
    private final String rule;
    private final boolean rejectionsOnly;

    Streamed(Profile profile, String rule, boolean rejectionsOnly) {
      this.profile = profile;
      this.rule = rule;
      this.rejectionsOnly = rejectionsOnly;
    }

    public ExportFormat format() {
      return profile.plan().format();
    }

    public String fileName() {
      return profile.channel().code()
          + "-"
          + profile.json().getString("code")
          + (rejectionsOnly ? "-rejections.csv" : "." + format().extension());
    }

    public void writeTo(OutputStream out) throws IOException {
      ExportWriter writer =
          profile
              .plan()
              .whole(rejectionsOnly ? OutputStream.nullOutputStream() : out, profile.fields());
      Rejections rejections =
          Rejections.open(rejectionsOnly ? out : OutputStream.nullOutputStream(), true);
      long after = 0;
      List<Long> ids;
      do {
        ids = search.walk(rule, after, batch);
        rejections.writeEach(writer, feed.resolved(profile.channel(), ids));
        if (!ids.isEmpty()) {
          after = ids.get(ids.size() - 1);
        }
      } while (ids.size() == batch);
      writer.finish();
      rejections.flush();
    }
  }

  /** The CSV of refused products: identifier and reason. */
  public static final class Rejections {

    /** What a rejections CSV holds before any product is refused. */
    public static final String EMPTY = "identifier,reason\r\n";

    private final CSVPrinter printer;
    private final java.io.Writer writer;

    private Rejections(java.io.Writer writer) throws IOException {
      this.writer = writer;
      this.printer = new CSVPrinter(writer, CSVFormat.RFC4180);
    }

    static Rejections open(OutputStream out, boolean head) throws IOException {
      Rejections rejections =
          new Rejections(
              new java.io.OutputStreamWriter(out, java.nio.charset.StandardCharsets.UTF_8));
      if (head) {
        rejections.printer.printRecord("identifier", "reason");
      }
      return rejections;
    }

    /** Writes each of {@code products}, listing those the format refuses; how many it refused. */
    long writeEach(ExportWriter writer, List<JsonObject> products) throws IOException {
      long refused = 0;
      for (JsonObject product : products) {
        String reason = writer.write(product);
        if (reason != null) {
          refused++;
          printer.printRecord(CsvExport.neutralised(product.getString("identifier")), reason);
        }
      }
      return refused;
    }

    void flush() throws IOException {
      printer.flush();
      writer.flush();
    }
  }
}
