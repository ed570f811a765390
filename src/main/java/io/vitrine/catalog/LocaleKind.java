package io.vitrine.catalog;

import io.vitrine.platform.json.JsonInput;
import io.vitrine.platform.problem.Usage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Locales: a locale is active when a channel uses it. */
@ApplicationScoped
public class LocaleKind extends CatalogKind<CatalogLocale> {

  @Inject Usages usages;

  public LocaleKind() {
    super("locale", CatalogLocale.class);
  }

  @Override
  protected CatalogLocale create(String parent, String code) {
    return new CatalogLocale(code);
  }

  @Override
  public JsonObject toJson(CatalogLocale locale) {
    return tail(head(locale), locale)
        .add(
            "active",
            usages.exists("SELECT 1 FROM channel_locale WHERE locale_code = ?1", locale.code()))
        .build();
  }

  @Override
  protected void read(JsonInput in, CatalogLocale locale, Edit edit) {
    String code = in.requiredString("code");
    if (code != null && !JsonInput.LOCALE_CODE.matcher(code).matches()) {
      in.invalid(
          "code",
          "must be a language and a country such as en_US or pt_BR ('" + code + "' is not).");
    }
    Map<String, String> labels = in.labels("labels");
    in.rejectUnknown("a locale", "active", "created", "updated");
    if (in.violations().isEmpty()) {
      locale.setLabels(labels.isEmpty() && edit.isNew() ? defaultLabels(locale.code()) : labels);
    }
  }

  /** "French (France)" for fr_FR, from the JDK's locale data. */
  static Map<String, String> defaultLabels(String code) {
    var locale = Locale.forLanguageTag(code.replace('_', '-'));
    String name = locale.getDisplayName(Locale.US);
    return name.isBlank() || name.equals(code) ? Map.of() : Map.of("en_US", name);
  }

  @Override
  protected List<Usage> usages(CatalogLocale locale) {
    List<Usage> found = new ArrayList<>();
    usages.collect(
        found,
        "channels",
        "SELECT channel_code FROM channel_locale WHERE locale_code = ?1 ORDER BY channel_code",
        locale.code());
    usages.collectHolders(found, "", "locale", "u.locale_code = ?1", locale.code());
    return found;
  }
}
