package io.vitrine.catalog;

import io.vitrine.platform.json.JsonInput;
import io.vitrine.platform.problem.Usage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Currencies: a currency is active when a channel uses it. */
@ApplicationScoped
public class CurrencyKind extends CatalogKind<CatalogCurrency> {

  private static final Pattern ISO_4217 = Pattern.compile("[A-Z]{3}");
  private static final int MAX_DECIMALS = 6;

  @Inject Usages usages;

  public CurrencyKind() {
    super("currency", CatalogCurrency.class);
  }

  @Override
  protected CatalogCurrency create(String parent, String code) {
    return new CatalogCurrency(code);
  }

  @Override
  public JsonObject toJson(CatalogCurrency currency) {
    return tail(head(currency).add("decimals", currency.decimals()), currency)
        .add(
            "active",
            usages.exists(
                "SELECT 1 FROM channel_currency WHERE currency_code = ?1", currency.code()))
        .build();
  }

  @Override
  protected void read(JsonInput in, CatalogCurrency currency, Edit edit) {
    String code = in.requiredString("code");
    if (code != null && !ISO_4217.matcher(code).matches()) {
      in.invalid("code", "must be three capital letters, as in ISO 4217 (EUR, USD, …).");
    }
    Integer decimals = in.integer("decimals");
    if (decimals != null && (decimals < 0 || decimals > MAX_DECIMALS)) {
      in.invalid("decimals", "must be between 0 and " + MAX_DECIMALS + ".");
    }
    Map<String, String> labels = in.labels("labels");
    in.rejectUnknown("a currency", "active", "created", "updated");
    if (in.violations().isEmpty()) {
      var iso = iso(currency.code());
      currency.setDecimals(
          decimals != null
              ? decimals
              : iso != null && iso.getDefaultFractionDigits() >= 0
                  ? iso.getDefaultFractionDigits()
                  : 2);
      currency.setLabels(
          !labels.isEmpty() || iso == null || !edit.isNew()
              ? labels
              : Map.of("en_US", iso.getDisplayName(Locale.US)));
    }
  }

  private static Currency iso(String code) {
    try {
      return Currency.getInstance(code);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  @Override
  protected List<Usage> usages(CatalogCurrency currency) {
    List<Usage> found = new ArrayList<>();
    usages.collect(
        found,
        "channels",
        "SELECT channel_code FROM channel_currency WHERE currency_code = ?1 ORDER BY channel_code",
        currency.code());
    usages.collectHolders(found, "", "currency", "u.currency_code = ?1", currency.code());
    return found;
  }
}
